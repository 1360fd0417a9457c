import { domainName } from '../../domain/domains';
import { type Recommendation } from '../../domain/analysis';
import {
  HORIZON_LABELS,
  HORIZON_ORDER,
  SHORT_DOMAIN_NAMES,
  capitalise,
  formatDate,
  formatDateTime,
  listAnd,
  oneDecimal,
  sentence,
  validationUrl,
} from '../format';
import { heatmapCells, renderHeatmapSvg } from '../heatmap';
import type {
  Block,
  DeliverableDocument,
  DeliveryContext,
  HeatmapCell,
  KeyValueItem,
  Section,
} from '../types';
import {
  type PriorityView,
  bySeverity,
  findingText,
  growthImpactText,
  overallHealth,
  priorityViews,
  rankLabel,
  recommendationsByHorizon,
  strengthItems,
  validationDeadline,
  analystText,
  confidenceText,
  storylineSection,
  valueText,
} from './shared';
import { analystLabel } from '../../domain/analysis';
import { documentReadingSection } from './documents-read';
// ---------------------------------------------------------------------------------------------------------------
// Detailed report (48 h)
// ---------------------------------------------------------------------------------------------------------------

function heatmapTable(cells: HeatmapCell[]): Block {
  return {
    kind: 'table',
    caption: 'Operational health of all twelve domains (scores out of 10, higher is healthier)',
    headers: ['Domain', 'Score', 'Band', 'Analyst', 'Priority'],
    rows: cells.map((c) => [
      c.name,
      c.score === null ? '–' : `${c.score}/10${c.source === 'triage-estimate' ? ' (estimate)' : ''}`,
      c.bandLabel,
      c.analyst ??
        (c.activated ? 'Specialist activated' : c.source === 'not-assessed' ? '–' : 'Questionnaire estimate'),
      c.priorityRanks.length ? c.priorityRanks.map((r) => `#${r}`).join(', ') : '–',
    ]),
  };
}

function phasedRecommendationsTable(v: PriorityView): Block {
  const rows: string[][] = [];
  for (const horizon of HORIZON_ORDER) {
    const recs = recommendationsByHorizon(v.analysis, horizon);
    if (v.rec.horizon === horizon && !recs.some((r) => r.id === v.rec.id)) recs.unshift(v.rec);
    recs.sort((a, b) => (a.id === v.rec.id ? -1 : b.id === v.rec.id ? 1 : 0));
    if (recs.length === 0) {
      rows.push([
        HORIZON_LABELS[horizon],
        'No separate action in this window',
        'Continue the actions above.',
        '–',
      ]);
      continue;
    }
    for (const r of recs) {
      rows.push([
        HORIZON_LABELS[horizon],
        r.id === v.rec.id ? `${r.title} (the priority action)` : r.title,
        r.action,
        `${capitalise(r.impact)} / ${r.effort}`,
      ]);
    }
  }
  return { kind: 'table', headers: ['When', 'Recommendation', 'What to do', 'Impact / effort'], rows };
}

function prioritySections(ctx: DeliveryContext, v: PriorityView, seen: Set<string>): Section[] {
  const a = v.analysis;
  const cell = heatmapCells(ctx).find((c) => c.domain === v.rec.domain)!;
  const overview: KeyValueItem[] = [
    { key: 'Domain', value: domainName(v.rec.domain) },
    { key: 'Health', value: cell.score === null ? 'Not assessed' : `${cell.score}/10 (${cell.bandLabel})` },
  ];
  if (a) {
    overview.push({ key: 'Analyst', value: analystText(a) });
    overview.push({ key: 'Confidence', value: confidenceText(a) });
    const value = valueText(a);
    if (value) overview.push({ key: 'What it is worth', value });
  }
  overview.push({
    key: 'Impact and effort',
    value: `${capitalise(v.rec.impact)} impact, ${v.rec.effort} effort`,
  });

  const out: Section[] = [
    {
      heading: `${rankLabel(v)}: ${v.rec.title}`,
      blocks: [
        { kind: 'keyValue', items: overview },
        { kind: 'paragraph', text: sentence(v.rec.action) },
      ],
    },
    {
      heading: 'Current state',
      level: 2,
      blocks: [
        {
          kind: 'paragraph',
          text: a
            ? a.summary
            : `No specialist analysis is available for ${domainName(v.rec.domain)}; this priority rests on your questionnaire answers.`,
        },
      ],
    },
  ];
  if (a) {
    out.push({
      heading: 'Issues and evidence',
      level: 2,
      blocks: [{ kind: 'bullets', items: [...a.findings].sort(bySeverity).map((f) => findingText(f, seen)) }],
    });
  }
  out.push({
    heading: 'Impact on growth',
    level: 2,
    blocks: [{ kind: 'paragraph', text: growthImpactText(v.rec, a) }],
  });
  out.push({ heading: 'Phased recommendations', level: 2, blocks: [phasedRecommendationsTable(v)] });
  return out;
}

function dependencySection(ctx: DeliveryContext, views: PriorityView[]): Section {
  const cells = heatmapCells(ctx);
  const rows: string[][] = [];
  for (const a of ctx.analyses) {
    for (const dep of a.dependencies) {
      const depCell = cells.find((c) => c.domain === dep.domain);
      rows.push([
        domainName(a.domain),
        domainName(dep.domain),
        depCell && depCell.score !== null ? `${depCell.score}/10 (${depCell.bandLabel})` : 'Not assessed',
        dep.reason,
      ]);
    }
  }
  const blocks: Block[] = [];
  const priorityDomains = [...new Set(views.map((v) => v.rec.domain))];
  if (rows.length) {
    blocks.push({
      kind: 'paragraph',
      text: 'Operational problems rarely sit in one domain. Our specialists flagged these links; a weak domain on the right can slow the fix on the left.',
    });
    blocks.push({
      kind: 'table',
      headers: ['Domain', 'Depends on', 'Health of that domain', 'Why'],
      rows,
    });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: 'Our specialists did not flag any dependency between domains, so the priorities can be worked on independently.',
    });
  }
  const links = ctx.analyses.flatMap((a) => a.dependencies.map((d) => ({ from: a.domain, to: d.domain })));
  const between = links.filter((l) => priorityDomains.includes(l.from) && priorityDomains.includes(l.to));
  const statements: string[] = [];
  const done = new Set<string>();
  for (const l of between) {
    if (done.has(`${l.from}>${l.to}`)) continue;
    const mutual = between.some((m) => m.from === l.to && m.to === l.from);
    done.add(`${l.from}>${l.to}`);
    if (mutual) {
      done.add(`${l.to}>${l.from}`);
      statements.push(`${domainName(l.from)} and ${domainName(l.to)} depend on each other`);
    } else statements.push(`${domainName(l.from)} depends on ${domainName(l.to)}`);
  }
  if (statements.length) {
    blocks.push({
      kind: 'paragraph',
      text: `Some priorities reinforce each other: ${listAnd(statements)}. Plan them together and give them a shared review.`,
    });
  }
  const weak = [...new Set(links.map((l) => l.to))]
    .map((d) => cells.find((c) => c.domain === d)!)
    .filter(
      (c) => c && (c.band === 'warning' || c.band === 'critical') && !priorityDomains.includes(c.domain),
    );
  for (const c of weak) {
    const dependents = [...new Set(links.filter((l) => l.to === c.domain).map((l) => domainName(l.from)))];
    blocks.push({
      kind: 'paragraph',
      text: `${c.name} is not a priority but scores only ${c.score}/10, and ${listAnd(dependents)} ${dependents.length === 1 ? 'depends' : 'depend'} on it. Keep an eye on it: it can slow the priorities down.`,
    });
  }
  return { heading: 'Cross-domain dependencies', blocks };
}

interface RoadmapItem {
  rec: Recommendation;
  rank: number | null;
}

function roadmapItems(views: PriorityView[], horizon: Recommendation['horizon']): RoadmapItem[] {
  const items: RoadmapItem[] = [];
  const seen = new Set<string>();
  for (const v of views) {
    if (v.rec.horizon === horizon && !seen.has(v.rec.id)) {
      items.push({ rec: v.rec, rank: v.displayRank });
      seen.add(v.rec.id);
    }
  }
  for (const v of views) {
    for (const r of recommendationsByHorizon(v.analysis, horizon)) {
      if (seen.has(r.id)) continue;
      const rankOfRec = views.find((w) => w.rec.id === r.id)?.displayRank ?? null;
      items.push({ rec: r, rank: rankOfRec });
      seen.add(r.id);
    }
  }
  return items;
}

function roadmapSections(ctx: DeliveryContext, views: PriorityView[]): Section[] {
  const windows: { heading: string; horizon: Recommendation['horizon'] }[] = [
    { heading: 'Next 30 days', horizon: 'quick-win' },
    { heading: 'Days 31–90', horizon: '30-90-days' },
    { heading: 'Months 4–6', horizon: 'strategic' },
  ];
  const out: Section[] = [
    {
      heading: 'Roadmap: 30 days, 90 days, 6 months',
      blocks: [
        {
          kind: 'paragraph',
          text: `The roadmap puts the recommendations for ${ctx.companyName}'s priority domains in order: quick wins first, then the 30–90-day changes, then the strategic work. The implementation kits turn each priority into a day-by-day plan.`,
        },
      ],
    },
  ];
  for (const w of windows) {
    const rows = roadmapItems(views, w.horizon).map((it) => [
      it.rank ? `${it.rec.title} (priority ${it.rank})` : it.rec.title,
      SHORT_DOMAIN_NAMES[it.rec.domain],
      `${capitalise(it.rec.impact)} / ${it.rec.effort}`,
    ]);
    if (w.horizon === 'quick-win') {
      for (const v of views) {
        if (v.rec.horizon !== 'quick-win') {
          rows.push([
            `Set up priority ${v.displayRank}: name an owner for “${v.rec.title}” and record today's baseline`,
            SHORT_DOMAIN_NAMES[v.rec.domain],
            '– / low',
          ]);
        }
      }
    }
    out.push({
      heading: w.heading,
      level: 2,
      blocks: rows.length
        ? [{ kind: 'table', headers: ['Action', 'Domain', 'Impact / effort'], rows }]
        : [{ kind: 'paragraph', text: 'Nothing new starts in this window; keep the earlier actions going.' }],
    });
  }
  return out;
}

function validationCallToAction(ctx: DeliveryContext, views: PriorityView[]): Section {
  const link = validationUrl(ctx.appUrl, ctx.assessmentId);
  const deadline = validationDeadline(ctx);
  return {
    heading: 'Validate your priorities',
    blocks: [
      {
        kind: 'paragraph',
        text: `Before we build the implementation kits, tell us whether these priorities are right for ${ctx.companyName}. It takes about ten minutes, and your answers change the kits: a priority you strongly disagree with moves down, and the plans follow the resources and pace you choose.`,
      },
      {
        kind: 'keyValue',
        items: [
          { key: 'Validate here', value: 'Open your validation form', href: link },
          { key: 'Please reply by', value: formatDateTime(deadline) },
        ],
      },
      {
        kind: 'bullets',
        items: [
          `For each priority (${listAnd(views.map((v) => `“${v.rec.title}”`))}): how far you agree, why not if you don't, extra context and the resources you can commit.`,
          'Overall: your capacity for change, your preferred pace (aggressive, standard, conservative or flexible), constraints we should know about and how you will judge success.',
        ],
      },
      {
        kind: 'paragraph',
        text: `If we have not heard from you by ${formatDateTime(deadline)}, we will build the implementation kits on the priorities in this report, at a standard pace.`,
      },
    ],
  };
}

export function composeDetailedReport(ctx: DeliveryContext): DeliverableDocument {
  const seen = new Set<string>();
  const cells = heatmapCells(ctx);
  const views = priorityViews(ctx);
  const health = overallHealth(ctx);
  const sections: Section[] = [storylineSection(ctx)];

  sections.push({
    heading: 'Operational health heatmap',
    blocks: [
      {
        kind: 'paragraph',
        text:
          `Each domain is scored out of 10 (higher is healthier). Domains with a thick border were analysed in depth by a specialist; the others are estimated from your questionnaire answers. ` +
          (health.score === null ? '' : `Overall operational health: ${oneDecimal(health.score)}/10.`),
      },
      {
        kind: 'heatmap',
        title: `Operational health heatmap: ${ctx.companyName}`,
        svg: renderHeatmapSvg(ctx),
        cells,
      },
      heatmapTable(cells),
    ],
  });

  const reading = documentReadingSection(ctx);
  if (reading) sections.push(reading);

  if (views.length === 0) {
    sections.push({
      heading: 'Priorities',
      blocks: [{ kind: 'paragraph', text: 'No priority recommendations were produced for this assessment.' }],
    });
  }
  for (const v of views) sections.push(...prioritySections(ctx, v, seen));

  sections.push(dependencySection(ctx, views));

  const strengths = strengthItems(ctx, 4);
  sections.push({
    heading: 'Strengths to build on',
    blocks: strengths.items.length
      ? [
          { kind: 'paragraph', text: strengths.intro },
          { kind: 'bullets', items: strengths.items },
        ]
      : [
          {
            kind: 'paragraph',
            text: 'Every assessed domain is part of a priority, so the strengths will come from fixing them.',
          },
        ],
  });

  sections.push(...roadmapSections(ctx, views));

  const others = ctx.analyses.filter((a) => !views.some((v) => v.rec.domain === a.domain));
  if (others.length) {
    sections.push({
      heading: 'Other specialist analyses',
      blocks: [
        {
          kind: 'paragraph',
          text: 'These domains were analysed in depth but did not produce a top priority. Their findings and recommendations are worth keeping in view.',
        },
      ],
    });
    for (const a of others) {
      sections.push({
        heading: `${domainName(a.domain)} (${a.healthScore}/10, ${analystLabel(a.analyst)})`,
        level: 2,
        blocks: [
          { kind: 'paragraph', text: a.summary },
          { kind: 'bullets', items: [...a.findings].sort(bySeverity).map((f) => findingText(f, seen)) },
          {
            kind: 'table',
            headers: ['When', 'Recommendation', 'What to do'],
            rows: HORIZON_ORDER.flatMap((h) =>
              a.recommendations
                .filter((r) => r.horizon === h)
                .map((r) => [HORIZON_LABELS[h], r.title, r.action]),
            ),
          },
        ],
      });
    }
  }

  sections.push(validationCallToAction(ctx, views));

  return {
    title: 'Detailed operational report',
    subtitle: `${ctx.companyName} · ScaleMap operational assessment · ${formatDate(ctx.dueTimes.detailedReport)}`,
    sections,
  };
}
