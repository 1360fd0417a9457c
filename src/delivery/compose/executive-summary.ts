import { domainName } from '../../domain/domains';
import { BAND_LABELS, formatDate, formatDateTime, numberWord, oneDecimal, sentence } from '../format';
import { heatmapCells } from '../heatmap';
import type { Block, DeliverableDocument, DeliveryContext, KeyValueItem, Section } from '../types';
import {
  cellLabel,
  evidenceLine,
  growthImpactText,
  overallHealth,
  priorityViews,
  profileSentence,
  rankLabel,
  storylineSection,
  strengthItems,
  triageSentence,
  valueText,
} from './shared';
import { documentFiguresParagraph } from './documents-read';
// ---------------------------------------------------------------------------------------------------------------
// Executive summary (24 h)
// ---------------------------------------------------------------------------------------------------------------

export function composeExecutiveSummary(ctx: DeliveryContext): DeliverableDocument {
  const seen = new Set<string>();
  const sections: Section[] = [];
  const health = overallHealth(ctx);
  const views = priorityViews(ctx).slice(0, 3);

  // Strategic context
  const contextBlocks: Block[] = [{ kind: 'paragraph', text: profileSentence(ctx) }];
  const goals: KeyValueItem[] = [];
  if (ctx.profile?.challenges)
    goals.push({ key: 'Main challenges you told us about', value: ctx.profile.challenges });
  if (ctx.profile?.objectives) goals.push({ key: 'Your objectives', value: ctx.profile.objectives });
  if (goals.length) contextBlocks.push({ kind: 'keyValue', items: goals });
  contextBlocks.push({ kind: 'paragraph', text: triageSentence(ctx) });
  const storyline = storylineSection(ctx);
  const figures = documentFiguresParagraph(ctx);
  if (figures) storyline.blocks.push({ kind: 'paragraph', text: figures });
  sections.push(storyline);
  sections.push({ heading: 'Strategic context', blocks: contextBlocks });

  // Overall health
  const cells = heatmapCells(ctx);
  const analysed = cells.filter((c) => c.source === 'specialist');
  const healthBlocks: Block[] = [
    {
      kind: 'paragraph',
      text:
        health.score === null
          ? `We could not score ${ctx.companyName}'s overall operational health because no domain had enough answers.`
          : `${ctx.companyName}'s overall operational health is ${oneDecimal(health.score)}/10 (${BAND_LABELS[health.band!].toLowerCase()}). ` +
            `This is a weighted average of the ${numberWord(health.specialistDomains)} specialist health ${health.specialistDomains === 1 ? 'score' : 'scores'} (counted twice) and ${numberWord(health.estimatedDomains)} ${health.estimatedDomains === 1 ? 'estimate' : 'estimates'} from your questionnaire answers (counted once)` +
            (health.notAssessedDomains
              ? `; ${numberWord(health.notAssessedDomains)} ${health.notAssessedDomains === 1 ? 'domain did' : 'domains did'} not apply to you and ${health.notAssessedDomains === 1 ? 'is' : 'are'} left out.`
              : '.'),
    },
  ];
  if (analysed.length) {
    healthBlocks.push({
      kind: 'bullets',
      items: analysed.map((c) => `${cellLabel(c)}, analysed by ${c.analyst ?? 'a specialist'}.`),
    });
  }
  sections.push({ heading: 'Overall operational health', blocks: healthBlocks });

  // Priorities
  if (views.length === 0) {
    sections.push({
      heading: 'Priority bottlenecks',
      blocks: [{ kind: 'paragraph', text: 'No priority recommendations were produced for this assessment.' }],
    });
  } else {
    sections.push({
      heading: `The ${views.length === 1 ? 'priority bottleneck' : `${numberWord(views.length)} priority bottlenecks`}`,
      blocks: [
        {
          kind: 'paragraph',
          text: `Out of every recommendation our specialists made, ${views.length === 1 ? 'this change' : `these ${numberWord(views.length)} changes`} would unlock the most growth for ${ctx.companyName}, weighing growth impact, feasibility, how they reinforce each other and urgency.`,
        },
      ],
    });
    for (const v of views) {
      const items: KeyValueItem[] = [{ key: 'Domain', value: domainName(v.rec.domain) }];
      if (v.concern) items.push({ key: 'The concern', value: sentence(v.concern.title) });
      const value = valueText(v.analysis);
      items.push(
        value
          ? { key: 'What it is worth', value }
          : { key: 'Growth impact', value: growthImpactText(v.rec, v.analysis) },
      );
      const evidence = v.concern ? evidenceLine(v.concern.evidence, seen) : '';
      if (evidence) items.push({ key: 'Evidence', value: evidence });
      items.push({ key: 'What we recommend', value: sentence(v.rec.action) });
      sections.push({
        heading: `${rankLabel(v)}: ${v.rec.title}`,
        level: 2,
        blocks: [{ kind: 'keyValue', items }],
      });
    }
  }

  // Strengths
  const strengths = strengthItems(ctx, 3);
  sections.push({
    heading: 'Strengths',
    blocks: strengths.items.length
      ? [
          { kind: 'paragraph', text: strengths.intro },
          { kind: 'bullets', items: strengths.items },
        ]
      : [
          {
            kind: 'paragraph',
            text: 'All assessed domains are among the priorities, so there is no separate strength to report yet.',
          },
        ],
  });

  // What happens next
  sections.push({
    heading: 'What happens next',
    blocks: [
      {
        kind: 'bullets',
        items: [
          `By ${formatDateTime(ctx.dueTimes.detailedReport)} (48 hours after submission): your detailed report, with the operational-health heatmap of all twelve domains, the evidence and a phased plan for each priority, and a short request to validate the priorities.`,
          `Within 24 hours of the report: tell us whether the priorities are right for ${ctx.companyName}, what resources you have and how fast you want to move. If we do not hear from you, we go ahead with the priorities as they stand.`,
          `By ${formatDateTime(ctx.dueTimes.implementationKits)} (72 hours after submission): your implementation kits, with a 90-day playbook, communication kit, progress tracking and risk plan for each priority.`,
        ],
      },
    ],
  });

  return {
    title: 'Executive summary',
    subtitle: `${ctx.companyName} · ScaleMap operational assessment · ${formatDate(ctx.dueTimes.executiveSummary)}`,
    sections,
  };
}
