import { domainName, type DomainId } from '../domain/domains';
import {
  healthBand,
  type Finding,
  type HealthBand,
  type PrioritisedRecommendation,
  type Recommendation,
  type SpecialistAnalysis,
} from '../domain/analysis';
import { VALIDATION_WINDOW_HOURS } from '../domain/schedule';
import type { ValidationResponse } from '../domain/validation';
import {
  AGREEMENT_LABELS,
  BAND_LABELS,
  HORIZON_LABELS,
  HORIZON_ORDER,
  INDUSTRY_LABELS,
  MODEL_LABELS,
  RESOURCE_LABELS,
  REVENUE_LABELS,
  SHORT_DOMAIN_NAMES,
  STAGE_LABELS,
  TEAM_LABELS,
  addHours,
  capitalise,
  formatDate,
  formatDateTime,
  listAnd,
  lowerFirst,
  numberWord,
  oneDecimal,
  sentence,
  stripStop,
  validationUrl,
} from './format';
import { heatmapCells, renderHeatmapSvg } from './heatmap';
import type {
  Block,
  DeliverableDocument,
  DeliveryContext,
  HeatmapCell,
  KeyValueItem,
  Section,
} from './types';

// ---------------------------------------------------------------------------------------------------------------
// Shared derivations
// ---------------------------------------------------------------------------------------------------------------

/** A priority as presented: its display rank (position in ctx.priorities), analysis and validation input. */
export interface PriorityView {
  displayRank: number;
  priority: PrioritisedRecommendation;
  rec: Recommendation;
  analysis: SpecialistAnalysis | null;
  /** The finding that best explains the priority (evidence shared with rec.basedOn, else the most severe). */
  concern: Finding | null;
  validation: ValidationResponse['priorities'][number] | null;
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { critical: 0, high: 1, medium: 2, low: 3 };

function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

export function analysisFor(ctx: DeliveryContext, domain: DomainId): SpecialistAnalysis | null {
  return ctx.analyses.find((a) => a.domain === domain) ?? null;
}

export function concernFor(rec: Recommendation, analysis: SpecialistAnalysis | null): Finding | null {
  if (!analysis || analysis.findings.length === 0) return null;
  const based = new Set(rec.basedOn);
  const sorted = [...analysis.findings].sort(bySeverity);
  return sorted.find((f) => f.evidence.some((e) => based.has(e.ref))) ?? sorted[0];
}

export function priorityViews(ctx: DeliveryContext): PriorityView[] {
  return ctx.priorities.map((priority, i) => {
    const rec = priority.recommendation;
    const analysis = analysisFor(ctx, rec.domain);
    return {
      displayRank: i + 1,
      priority,
      rec,
      analysis,
      concern: concernFor(rec, analysis),
      validation: ctx.validation?.priorities.find((v) => v.recommendationId === rec.id) ?? null,
    };
  });
}

/**
 * Overall operational health out of 10: a weighted mean over the assessed domains, where a specialist's health
 * score counts twice (weight 2: it rests on a full analysis) and a triage estimate once (weight 1: see
 * estimateHealthFromTriage). Domains not assessed are left out. Rounded to one decimal place.
 */
export function overallHealth(ctx: DeliveryContext): {
  score: number | null;
  band: HealthBand | null;
  specialistDomains: number;
  estimatedDomains: number;
  notAssessedDomains: number;
} {
  const cells = heatmapCells(ctx);
  let sum = 0;
  let weights = 0;
  for (const c of cells) {
    if (c.score === null) continue;
    const w = c.source === 'specialist' ? 2 : 1;
    sum += c.score * w;
    weights += w;
  }
  const score = weights ? Math.round((sum / weights) * 10) / 10 : null;
  return {
    score,
    band: score === null ? null : healthBand(Math.round(score)),
    specialistDomains: cells.filter((c) => c.source === 'specialist').length,
    estimatedDomains: cells.filter((c) => c.source === 'triage-estimate').length,
    notAssessedDomains: cells.filter((c) => c.source === 'not-assessed').length,
  };
}

/**
 * The client's deadline to validate: ctx.validationDeadline when given, else 24 hours (VALIDATION_WINDOW_HOURS)
 * after the detailed report is due, but never after the kits are due (the local runtime compresses the schedule).
 */
export function validationDeadline(ctx: DeliveryContext): Date {
  if (ctx.validationDeadline) return ctx.validationDeadline;
  const window = addHours(ctx.dueTimes.detailedReport, VALIDATION_WINDOW_HOURS);
  return window.getTime() <= ctx.dueTimes.implementationKits.getTime()
    ? window
    : ctx.dueTimes.implementationKits;
}

const IMPACT_COMPONENTS: { key: keyof Recommendation['scores']; label: string }[] = [
  { key: 'revenue', label: 'revenue growth' },
  { key: 'efficiency', label: 'operating efficiency' },
  { key: 'competitive', label: 'competitive advantage' },
  { key: 'strategic', label: 'strategic alignment' },
];

/** The one or two growth-impact components the recommendation scores highest on. */
function mainImpactAreas(rec: Recommendation): string[] {
  const sorted = IMPACT_COMPONENTS.map((c) => ({ ...c, value: rec.scores[c.key] })).sort(
    (a, b) => b.value - a.value,
  );
  const top = sorted.filter(
    (c, i) => i === 0 || (i === 1 && c.value >= 0.5 && c.value >= sorted[0].value - 0.2),
  );
  return top.map((c) => c.label);
}

export function growthImpactText(rec: Recommendation, analysis: SpecialistAnalysis | null): string {
  const areas = listAnd(mainImpactAreas(rec));
  const base = `${capitalise(rec.impact)} impact, chiefly on ${areas}, for ${rec.effort} effort.`;
  return analysis ? `${base} ${sentence(analysis.impact)}` : base;
}

const EVIDENCE_SOURCES: Record<Finding['evidence'][number]['source'], string> = {
  answer: 'questionnaire answer',
  'follow-up': 'follow-up answer',
  document: 'document',
  profile: 'company profile',
};

export function evidenceText(e: Finding['evidence'][number]): string {
  const where = `${capitalise(EVIDENCE_SOURCES[e.source])} ${e.ref}`.trim();
  return e.quote.trim() ? `${where}: “${e.quote.trim()}”` : where;
}

function findingText(f: Finding): string {
  return `${sentence(f.title)} Severity: ${f.severity}. ${sentence(f.detail)} Evidence: ${f.evidence.map(evidenceText).join('; ')}.`;
}

function recommendationsByHorizon(analysis: SpecialistAnalysis | null, horizon: Recommendation['horizon']) {
  return (analysis?.recommendations ?? []).filter((r) => r.horizon === horizon);
}

function cellLabel(cell: HeatmapCell): string {
  if (cell.score === null) return `${cell.name}: not assessed`;
  return `${cell.name}: ${cell.score}/10 (${cell.bandLabel.toLowerCase()}${cell.source === 'triage-estimate' ? ', estimated from your answers' : ''})`;
}

/** Strongest assessed domains (score ≥ 6, best first; specialist scores before estimates on a tie). */
function strongestCells(ctx: DeliveryContext, max: number): { cells: HeatmapCell[]; onlyRelative: boolean } {
  const assessed = heatmapCells(ctx)
    .filter((c) => c.score !== null)
    .sort(
      (a, b) =>
        (b.score ?? 0) - (a.score ?? 0) ||
        (a.source === 'specialist' ? -1 : 0) - (b.source === 'specialist' ? -1 : 0),
    );
  const good = assessed.filter((c) => (c.score ?? 0) >= 6 && c.priorityRank === null);
  if (good.length) return { cells: good.slice(0, max), onlyRelative: false };
  return {
    cells: assessed.filter((c) => c.priorityRank === null).slice(0, Math.min(2, max)),
    onlyRelative: true,
  };
}

function strengthItems(ctx: DeliveryContext, max: number): { intro: string; items: string[] } {
  const { cells, onlyRelative } = strongestCells(ctx, max);
  const views = priorityViews(ctx);
  const items = cells.map((c) => {
    const analysis = analysisFor(ctx, c.domain);
    const triage = ctx.triage.domains.find((t) => t.domain === c.domain);
    const parts: string[] = [];
    if (analysis) parts.push(sentence(analysis.summary));
    else if (triage) {
      parts.push(
        `Your answers averaged ${oneDecimal(triage.score)} on the 1–5 concern scale${triage.reason ? `: ${lowerFirst(stripStop(triage.reason))}` : ''}.`,
      );
    }
    // Priorities whose domain depends on this one are easier to deliver from a strong base.
    const supported = views.filter((v) => v.analysis?.dependencies.some((d) => d.domain === c.domain));
    if (supported.length) {
      parts.push(
        supported.length === 1
          ? `Priority ${supported[0].displayRank} depends on this domain, so it starts from a solid base.`
          : `Priorities ${listAnd(supported.map((v) => String(v.displayRank)))} depend on this domain, so they start from a solid base.`,
      );
    }
    return `${cellLabel(c)}. ${parts.join(' ')}`.trim();
  });
  const scale = cells.some((c) => c.source === 'triage-estimate')
    ? ' Questionnaire answers are scored from 1 (a strength) to 5 (a serious concern).'
    : '';
  const intro = onlyRelative
    ? `No domain at ${ctx.companyName} reached the good band (6/10 or more); these are the relatively strongest and the best base to build on.${scale}`
    : `These domains at ${ctx.companyName} are in good shape and give you something to build on while you fix the priorities.${scale}`;
  return { intro, items };
}

function profileSentence(ctx: DeliveryContext): string {
  const p = ctx.profile;
  if (!p) {
    return `We did not receive a company profile for ${ctx.companyName}, so this assessment rests on your questionnaire answers and documents alone.`;
  }
  const model = MODEL_LABELS[p.businessModel] ?? p.businessModel;
  const industry = INDUSTRY_LABELS[p.industry] ?? p.industry;
  const stage = STAGE_LABELS[p.growthStage] ?? p.growthStage;
  const facts: string[] = [];
  if (p.regulated) facts.push('operates in a regulated market');
  if (p.hasPhysicalProducts) facts.push('sells physical products');
  if (p.subscriptionModel) facts.push('runs a subscription model');
  if (p.channelSales) facts.push('sells through channel partners');
  if (p.headcountGrowthOver50) facts.push('has grown its headcount by more than half in the past year');
  return (
    `${p.companyName} is a ${stage} ${model} business in ${industry}, with ${TEAM_LABELS[p.teamSize] ?? p.teamSize} and annual revenue of ${REVENUE_LABELS[p.revenueBand] ?? p.revenueBand}.` +
    (facts.length ? ` It ${listAnd(facts)}.` : '')
  );
}

function triageSentence(ctx: DeliveryContext): string {
  const activated = ctx.triage.activatedDomains.map((d) => domainName(d));
  return `Of the twelve operational domains, your answers pointed to ${listAnd(activated)} as needing a specialist's attention, so ${activated.length === 1 ? 'that domain was' : 'those domains were'} analysed in depth; the others are scored from your questionnaire answers.`;
}

function rankLabel(v: PriorityView): string {
  return `Priority ${v.displayRank}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Executive summary (24 h)
// ---------------------------------------------------------------------------------------------------------------

export function composeExecutiveSummary(ctx: DeliveryContext): DeliverableDocument {
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
      items.push({ key: 'Growth impact', value: growthImpactText(v.rec, v.analysis) });
      if (v.concern) items.push({ key: 'Evidence', value: v.concern.evidence.map(evidenceText).join('; ') });
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

function prioritySections(ctx: DeliveryContext, v: PriorityView): Section[] {
  const a = v.analysis;
  const cell = heatmapCells(ctx).find((c) => c.domain === v.rec.domain)!;
  const overview: KeyValueItem[] = [
    { key: 'Domain', value: domainName(v.rec.domain) },
    { key: 'Health', value: cell.score === null ? 'Not assessed' : `${cell.score}/10 (${cell.bandLabel})` },
  ];
  if (a) {
    overview.push({ key: 'Analyst', value: a.analyst });
    overview.push({ key: 'Specialist confidence', value: `${a.confidence}/10` });
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
      blocks: [{ kind: 'bullets', items: [...a.findings].sort(bySeverity).map(findingText) }],
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
          { key: 'Validate here', value: link, href: link },
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
  const cells = heatmapCells(ctx);
  const views = priorityViews(ctx);
  const health = overallHealth(ctx);
  const sections: Section[] = [];

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

  if (views.length === 0) {
    sections.push({
      heading: 'Priorities',
      blocks: [{ kind: 'paragraph', text: 'No priority recommendations were produced for this assessment.' }],
    });
  }
  for (const v of views) sections.push(...prioritySections(ctx, v));

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
        heading: `${domainName(a.domain)} (${a.healthScore}/10, ${a.analyst})`,
        level: 2,
        blocks: [
          { kind: 'paragraph', text: a.summary },
          { kind: 'bullets', items: [...a.findings].sort(bySeverity).map(findingText) },
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

// ---------------------------------------------------------------------------------------------------------------
// Implementation kits (72 h)
// ---------------------------------------------------------------------------------------------------------------

export type TimelinePreference = ValidationResponse['timelinePreference'];

/**
 * Phase lengths scale with the client's timeline preference: aggressive compresses the standard 14 / 45 / 90-day
 * plan to three quarters, conservative stretches it by half; flexible keeps the standard lengths but marks the
 * phase gates as movable.
 */
export const TIMELINE_FACTORS: Record<TimelinePreference, number> = {
  aggressive: 0.75,
  standard: 1,
  conservative: 1.5,
  flexible: 1,
};

export interface PhasePlan {
  foundation: { start: number; end: number };
  implementation: { start: number; end: number };
  integration: { start: number; end: number };
}

export function phasePlan(preference: TimelinePreference = 'standard'): PhasePlan {
  const f = TIMELINE_FACTORS[preference];
  const e1 = Math.max(7, Math.round(14 * f));
  const e2 = Math.max(e1 + 14, Math.round(45 * f));
  const e3 = Math.max(e2 + 21, Math.round(90 * f));
  return {
    foundation: { start: 1, end: e1 },
    implementation: { start: e1 + 1, end: e2 },
    integration: { start: e2 + 1, end: e3 },
  };
}

function days(r: { start: number; end: number }, offset = 0): string {
  return `Days ${r.start + offset}–${r.end + offset}`;
}

const DOMAIN_KPIS: Record<DomainId, string[]> = {
  'strategic-alignment': [
    'Share of teams with quarterly goals linked to the three-year plan',
    'Share of budget decisions traced to a stated priority',
  ],
  'financial-management': [
    '13-week cash-flow forecast accuracy (actual against forecast)',
    'Months of cash runway',
    'Gross margin by product or service line',
  ],
  'revenue-engine': [
    'Sales forecast accuracy for the quarter',
    'Customer acquisition cost and payback period',
    'Pipeline conversion rate by stage',
  ],
  'operational-excellence': [
    'Share of core processes documented with a named owner',
    'Cycle time of the main delivery process',
    'Rework or error rate',
  ],
  'people-organization': [
    'Time to hire for key roles',
    'Regretted attrition over the last 12 months',
    'Share of roles with a written scorecard',
  ],
  'technology-data': [
    'Share of management reports produced without manual work',
    'Data-quality issues logged per month',
    'Uptime of customer-facing systems',
  ],
  'customer-experience': [
    'Customer satisfaction (CSAT or NPS)',
    'Time from customer feedback to a roadmap decision',
    'Support first-response time',
  ],
  'supply-chain': ['Supplier on-time-in-full rate', 'Days of inventory', 'Stock-outs per month'],
  'risk-compliance': [
    'High risks without a named owner',
    'Days since the last business-continuity test',
    'Overdue compliance actions',
  ],
  partnerships: [
    'Revenue sourced through partners',
    'Active partners with a joint plan',
    'Vendor reviews completed on schedule',
  ],
  'customer-success': [
    'Gross revenue churn',
    'Net revenue retention',
    'Time to first value for new customers',
  ],
  'change-management': [
    'Share of change milestones hit on time',
    'Staff understanding of the change (pulse survey)',
    'Initiatives in flight against agreed capacity',
  ],
};

function kpisFor(v: PriorityView): string[] {
  return [...DOMAIN_KPIS[v.rec.domain]];
}

type Level = 'Low' | 'Medium' | 'High';

function likelihoodFromResources(r: string | undefined): Level {
  if (r === 'high') return 'Low';
  if (r === 'low' || r === 'very-low') return 'High';
  return 'Medium';
}

function likelihoodFromBand(band: HealthBand | null): Level {
  if (band === 'critical') return 'High';
  if (band === 'warning') return 'Medium';
  return 'Low';
}

function riskRows(ctx: DeliveryContext, v: PriorityView, plan: PhasePlan, offset: number): string[][] {
  const cells = heatmapCells(ctx);
  const impact = capitalise(v.rec.impact) as Level;
  const resources = v.validation?.resources;
  const rows: string[][] = [];
  rows.push([
    `Not enough people or budget for “${v.rec.title}”` +
      (resources ? ` (you rated available resources ${RESOURCE_LABELS[resources]})` : ''),
    likelihoodFromResources(resources),
    impact,
    resources === 'low' || resources === 'very-low'
      ? 'Cut the scope of the foundation phase to the single most valuable action, protect one named owner’s time, and agree any extra budget at the leadership alignment session.'
      : 'Protect the owner’s time in writing and agree the budget before the foundation phase ends.',
    'Executive sponsor',
  ]);
  const capacity = ctx.validation?.capacityForChange;
  const changeCell = cells.find((c) => c.domain === 'change-management');
  rows.push([
    capacity
      ? `Change fatigue: you rated your capacity for change ${RESOURCE_LABELS[capacity]}`
      : `Change fatigue: your change-management health is ${changeCell?.score === null || !changeCell ? 'not assessed' : `${changeCell.score}/10`}`,
    capacity ? likelihoodFromResources(capacity) : likelihoodFromBand(changeCell?.band ?? null),
    'Medium',
    'Limit initiatives in flight, stagger the priorities as in the master roadmap, and explain what is stopping to make room.',
    'Leadership team',
  ]);
  for (const dep of v.analysis?.dependencies ?? []) {
    const depCell = cells.find((c) => c.domain === dep.domain);
    rows.push([
      `Progress depends on ${domainName(dep.domain)}: ${lowerFirst(stripStop(dep.reason))}`,
      likelihoodFromBand(depCell?.band ?? null),
      v.rec.effort === 'high' ? 'High' : 'Medium',
      `Agree with the ${SHORT_DOMAIN_NAMES[dep.domain]} lead what they must deliver by day ${plan.foundation.end + offset}, and review it in the weekly report.`,
      `${SHORT_DOMAIN_NAMES[dep.domain]} lead`,
    ]);
  }
  rows.push([
    `Effort underestimated (rated ${v.rec.effort} effort)`,
    v.rec.effort === 'high' ? 'High' : v.rec.effort === 'medium' ? 'Medium' : 'Low',
    impact,
    `Break the implementation phase (${days(plan.implementation, offset).toLowerCase()}) into fortnightly deliverables and re-plan at the first missed one.`,
    'Workstream owner',
  ]);
  if (v.analysis && v.analysis.confidence < 8) {
    rows.push([
      `The diagnosis rests on partial evidence (specialist confidence ${v.analysis.confidence}/10)`,
      'Medium',
      'Medium',
      `Confirm the baseline figures for ${v.concern ? `“${stripStop(v.concern.title)}”` : 'this domain'} in the first week before committing the budget.`,
      'Workstream owner',
    ]);
  }
  if (ctx.validation?.constraints) {
    rows.push([
      `Constraint you told us about: ${stripStop(ctx.validation.constraints)}`,
      'Medium',
      'Medium',
      'Plan around it explicitly in the foundation phase and record the decision.',
      'Executive sponsor',
    ]);
  }
  return rows;
}

function kitSections(ctx: DeliveryContext, v: PriorityView, plan: PhasePlan, offset: number): Section[] {
  const preference = ctx.validation?.timelinePreference ?? 'standard';
  const a = v.analysis;
  const kpis = kpisFor(v);
  const quickWins = recommendationsByHorizon(a, 'quick-win').filter((r) => r.id !== v.rec.id);
  const midTerm = recommendationsByHorizon(a, '30-90-days').filter((r) => r.id !== v.rec.id);
  const strategic = recommendationsByHorizon(a, 'strategic').filter((r) => r.id !== v.rec.id);
  const findings = a ? [...a.findings].sort(bySeverity) : [];
  const evidence = v.concern?.evidence.map(evidenceText) ?? [];
  const totalDays = plan.integration.end;

  // Intro and the client's validation of this priority.
  const intro: KeyValueItem[] = [
    { key: 'Domain', value: domainName(v.rec.domain) },
    { key: 'The change', value: sentence(v.rec.action) },
  ];
  if (v.concern) intro.push({ key: 'Why', value: sentence(v.concern.title) });
  if (a) intro.push({ key: 'Analyst', value: a.analyst });
  intro.push({
    key: 'Timeline',
    value: `Day ${plan.foundation.start + offset} to day ${plan.integration.end + offset} of the master roadmap (${preference} pace)`,
  });
  if (v.validation) {
    intro.push({
      key: 'Your validation',
      value: `${capitalise(AGREEMENT_LABELS[v.validation.agreement])} (${v.validation.agreement}/5); resources available: ${RESOURCE_LABELS[v.validation.resources]}`,
    });
    if (v.validation.reason) intro.push({ key: 'Your reason', value: v.validation.reason });
    if (v.validation.context) intro.push({ key: 'Your context', value: v.validation.context });
  }
  const introBlocks: Block[] = [{ kind: 'keyValue', items: intro }];
  if (v.priority.rank !== v.displayRank && ctx.validation) {
    introBlocks.push({
      kind: 'paragraph',
      text: `After your validation this moved from priority ${v.priority.rank} in the detailed report to priority ${v.displayRank}.`,
    });
  }
  if (v.validation && v.validation.agreement <= 2) {
    introBlocks.push({
      kind: 'paragraph',
      text: `You disagreed with this priority, so treat the foundation phase as a test: if the baseline in the first ${plan.foundation.end} days does not confirm the problem, stop and move the effort to the next priority.`,
    });
  }

  // Playbook.
  const foundationActions = [
    `Name an owner and an executive sponsor for “${v.rec.title}”.`,
    `Record today's baseline for: ${listAnd(kpis.slice(0, 3).map(lowerFirst))}.`,
    ...(v.rec.horizon === 'quick-win' ? [sentence(v.rec.action)] : []),
    ...quickWins.map((r) => `${sentence(r.title)} ${sentence(r.action)}`),
    'Run the leadership alignment session and send the team announcement.',
  ];
  const implementationActions = [
    ...(v.rec.horizon === '30-90-days' ? [sentence(v.rec.action)] : []),
    ...(v.rec.horizon === 'strategic'
      ? [`Design and pilot with one team: ${lowerFirst(sentence(v.rec.action))}`]
      : []),
    ...midTerm.map((r) => `${sentence(r.title)} ${sentence(r.action)}`),
    'Review progress every week with the weekly report template below.',
  ];
  if (implementationActions.length === 1) {
    implementationActions.unshift(
      `Roll “${v.rec.title}” out beyond the first team and fix what the foundation phase showed up.`,
    );
  }
  const integrationActions = [
    ...(v.rec.horizon === 'strategic'
      ? [
          `Roll “${v.rec.title}” out across ${ctx.companyName} using what the pilot showed, and fund the next stage.`,
        ]
      : []),
    ...strategic.map((r) => `${sentence(r.title)} ${sentence(r.action)}`),
    `Make the new way of working part of normal routines (team meetings, budgets, job scorecards) and hand it from the project to business as usual.`,
    `Review the KPIs on day ${plan.integration.end + offset} against the baseline and decide what comes next.`,
  ];
  const playbook: Section = {
    heading: 'Change-management playbook',
    level: 2,
    blocks: [
      ...(preference !== 'standard'
        ? [
            {
              kind: 'paragraph' as const,
              text:
                preference === 'flexible'
                  ? 'You asked for a flexible pace: the phases keep their standard lengths, but each phase gate is a decision point you can move.'
                  : `You asked for a${preference === 'aggressive' ? 'n' : ''} ${preference} pace, so the standard 14 / 45 / 90-day phases are ${preference === 'aggressive' ? 'compressed' : 'stretched'} to ${plan.foundation.end} / ${plan.implementation.end} / ${plan.integration.end} days.`,
            },
          ]
        : []),
      {
        kind: 'table',
        headers: ['Phase', 'When', 'Goal', 'Actions'],
        rows: [
          [
            'Foundation',
            days(plan.foundation, offset),
            'Ownership, baseline and buy-in',
            foundationActions.map((s) => `• ${s}`).join('\n'),
          ],
          [
            'Implementation',
            days(plan.implementation, offset),
            v.rec.horizon === 'quick-win'
              ? `Build on “${v.rec.title}”`
              : v.rec.horizon === 'strategic'
                ? `Pilot “${v.rec.title}”`
                : `Deliver “${v.rec.title}”`,
            implementationActions.map((s) => `• ${s}`).join('\n'),
          ],
          [
            'Integration',
            days(plan.integration, offset),
            'Embed, measure and hand over',
            integrationActions.map((s) => `• ${s}`).join('\n'),
          ],
        ],
      },
    ],
  };

  // Stakeholder communication kit.
  const agenda = [
    `Why this matters (10 minutes): ${findings.length ? listAnd(findings.slice(0, 3).map((f) => lowerFirst(stripStop(f.title)))) : lowerFirst(stripStop(v.rec.title))}.${evidence.length ? ` Evidence: ${evidence.join('; ')}.` : ''}`,
    `What we are committing to (15 minutes): ${stripStop(v.rec.title)}, in three phases over ${totalDays} days.`,
    `Owner, sponsor and resources (15 minutes)${v.validation ? `: you told us resources are ${RESOURCE_LABELS[v.validation.resources]}` : ''}.`,
    `How we will measure success (10 minutes): ${listAnd(kpis.map(lowerFirst))}.`,
    `Risks and dependencies (10 minutes)${a?.dependencies.length ? `: ${listAnd(a.dependencies.map((d) => domainName(d.domain)))}` : ''}.`,
    `Decisions and next steps (5 minutes): announce to the team within three days; first weekly report on day ${7 + offset}.`,
  ];
  const announcement = [
    `Subject: ${v.rec.title}: what is changing at ${ctx.companyName} and why`,
    'Hi everyone,',
    `We recently reviewed how ${ctx.companyName} runs as it grows. One clear finding was that ${v.concern ? lowerFirst(stripStop(v.concern.title)) : `we need to ${lowerFirst(stripStop(v.rec.title))}`}. ${a ? sentence(a.impact) : ''}`.trim(),
    `Over the next ${totalDays} days we are going to ${lowerFirst(stripStop(v.rec.title))}. In the first ${plan.foundation.end} days that means naming an owner and measuring where we are today${quickWins.length ? `, and a first quick win: ${listAnd(quickWins.map((r) => `“${stripStop(r.title)}”`))}` : ''}.`,
    `[Owner's name] will lead this with [sponsor's name]. We will share progress every week, and we want your ideas: if you see a better way, tell [owner's name].`,
    'Thank you,\n[Your name]',
  ];
  const comms: Section = {
    heading: 'Stakeholder communication kit',
    level: 2,
    blocks: [
      { kind: 'paragraph', text: 'Leadership alignment session (about 65 minutes), agenda:' },
      { kind: 'bullets', ordered: true, items: agenda },
      { kind: 'paragraph', text: 'Team announcement (draft to adapt):' },
      ...announcement.map((text) => ({ kind: 'paragraph' as const, text })),
    ],
  };

  // Progress tracking.
  const milestones: string[][] = [
    [
      `Owner named, baseline recorded, team told`,
      `Day ${Math.min(7, plan.foundation.end) + offset}`,
      'Baseline figures in the first weekly report',
    ],
    ...quickWins.map((r) => [r.title, `Day ${plan.foundation.end + offset}`, 'Done and visible to the team']),
    ...(v.rec.horizon === 'quick-win'
      ? [[v.rec.title, `Day ${plan.foundation.end + offset}`, 'The change is live']]
      : v.rec.horizon === 'strategic'
        ? [
            [
              `${v.rec.title}: pilot`,
              `Day ${plan.implementation.end + offset}`,
              'Pilot running with first results',
            ],
            [
              `${v.rec.title}: roll-out`,
              `Day ${plan.integration.end + offset}`,
              'In use across the business',
            ],
          ]
        : [
            [
              v.rec.title,
              `Day ${plan.implementation.end + offset}`,
              'The change is live for everyone it affects',
            ],
          ]),
    ...midTerm.map((r) => [r.title, `Day ${plan.implementation.end + offset}`, 'Done and in use']),
    ...strategic.map((r) => [
      r.title,
      `Day ${plan.integration.end + offset}`,
      'Under way with a funded plan',
    ]),
    [
      `KPIs reviewed against the baseline`,
      `Day ${plan.integration.end + offset}`,
      'Decision on next steps recorded',
    ],
  ];
  const tracking: Section = {
    heading: 'Progress tracking',
    level: 2,
    blocks: [
      {
        kind: 'table',
        caption: 'Milestones',
        headers: ['Milestone', 'Due', 'Evidence of completion'],
        rows: milestones,
      },
      { kind: 'paragraph', text: 'KPIs to track every week:' },
      { kind: 'bullets', items: kpis },
      {
        kind: 'paragraph',
        text: 'Weekly report template (one page, sent by the owner to the sponsor every Friday):',
      },
      {
        kind: 'keyValue',
        items: [
          { key: 'Priority', value: v.rec.title },
          { key: 'Week', value: `[n] of ${Math.ceil(totalDays / 7)}` },
          { key: 'Phase', value: 'Foundation / Implementation / Integration' },
          { key: 'Overall status', value: 'On track / At risk / Off track' },
          { key: 'Milestones completed this week', value: '[list]' },
          { key: 'KPI readings', value: kpis.map((k) => `${k}: [value]`).join('; ') },
          { key: 'Risks and issues', value: '[new or changed risks, with owner]' },
          { key: 'Decisions needed', value: '[decision, by whom, by when]' },
          { key: 'Focus for next week', value: '[top three actions]' },
        ],
      },
    ],
  };

  // Risk mitigation.
  const risks: Section = {
    heading: 'Risk mitigation',
    level: 2,
    blocks: [
      {
        kind: 'table',
        caption: 'Risk matrix',
        headers: ['Risk', 'Likelihood', 'Impact', 'Mitigation', 'Owner'],
        rows: riskRows(ctx, v, plan, offset),
      },
      { kind: 'paragraph', text: 'Scenarios:' },
      {
        kind: 'bullets',
        items: [
          `Behind plan at day ${plan.foundation.end + offset} (no owner or no baseline yet): stop and hold a 30-minute reset with the sponsor; do not start the implementation phase without them.`,
          a?.dependencies.length
            ? `${domainName(a.dependencies[0].domain)} does not deliver what this priority needs: escalate to the sponsor the same week and re-sequence the implementation actions.`
            : 'A key person leaves or is pulled onto other work: the sponsor names a stand-in within a week and the phase end moves by no more than two weeks.',
          `Ahead of plan: bring forward the integration actions rather than adding new scope, and check the KPIs confirm the improvement.`,
        ],
      },
      { kind: 'paragraph', text: 'Escalation path:' },
      {
        kind: 'bullets',
        ordered: true,
        items: [
          'The workstream owner resolves issues within the week and records them in the weekly report.',
          'A milestone more than one week late, or a KPI moving the wrong way two weeks running, goes to the executive sponsor, who decides within 48 hours.',
          'A slip of more than three weeks, or a need for budget beyond what was agreed, goes to the leadership team to re-plan the phase.',
        ],
      },
    ],
  };

  return [
    { heading: `Kit ${v.displayRank}: ${v.rec.title}`, blocks: introBlocks },
    playbook,
    comms,
    tracking,
    risks,
  ];
}

/** Start offsets (days before a priority starts) from the capacity for change: high = all at once. */
export function priorityStartOffsets(count: number, plan: PhasePlan, capacity: string | undefined): number[] {
  const step =
    capacity === 'high'
      ? 0
      : capacity === 'low' || capacity === 'very-low'
        ? plan.implementation.end
        : plan.foundation.end;
  return Array.from({ length: count }, (_, i) => i * step);
}

export function composeImplementationKits(ctx: DeliveryContext): DeliverableDocument {
  const views = priorityViews(ctx);
  const preference = ctx.validation?.timelinePreference ?? 'standard';
  const plan = phasePlan(preference);
  const offsets = priorityStartOffsets(views.length, plan, ctx.validation?.capacityForChange);
  const sections: Section[] = [];

  // How these kits were shaped.
  const shaped: Block[] = [];
  if (ctx.validation) {
    const val = ctx.validation;
    shaped.push({
      kind: 'paragraph',
      text: `These kits follow your validation of the detailed report. The priorities are in the order you confirmed, and the plans follow your preferred pace and the resources you told us about.`,
    });
    const items: KeyValueItem[] = [
      { key: 'Capacity for change', value: capitalise(RESOURCE_LABELS[val.capacityForChange]) },
      { key: 'Timeline preference', value: capitalise(val.timelinePreference) },
    ];
    if (val.constraints) items.push({ key: 'Constraints', value: val.constraints });
    if (val.successCriteria) items.push({ key: 'Success criteria', value: val.successCriteria });
    shaped.push({ kind: 'keyValue', items });
    shaped.push({
      kind: 'table',
      headers: ['Priority', 'Your agreement', 'Resources', 'Your comments'],
      rows: views.map((v) => [
        `${v.displayRank}. ${v.rec.title}`,
        v.validation
          ? `${capitalise(AGREEMENT_LABELS[v.validation.agreement])} (${v.validation.agreement}/5)`
          : 'Not rated',
        v.validation ? capitalise(RESOURCE_LABELS[v.validation.resources]) : '–',
        [v.validation?.reason, v.validation?.context].filter(Boolean).join(' ') || '–',
      ]),
    });
  } else {
    shaped.push({
      kind: 'paragraph',
      text: `We did not receive your validation within 24 hours of the detailed report, so these kits follow the priorities as they stood in the report and use a standard pace (foundation days 1–14, implementation 15–45, integration 46–90).`,
    });
  }
  shaped.push({
    kind: 'paragraph',
    text: `Each kit has four parts: a change-management playbook, a stakeholder communication kit, progress tracking and risk mitigation. The master roadmap at the end shows how the ${numberWord(views.length)} ${views.length === 1 ? 'priority fits' : 'priorities fit'} together.`,
  });
  sections.push({ heading: `How to use these kits`, blocks: shaped });

  views.forEach((v, i) => sections.push(...kitSections(ctx, v, plan, offsets[i])));

  // Master roadmap.
  const capacity = ctx.validation?.capacityForChange;
  sections.push({
    heading: 'Master roadmap',
    blocks: [
      {
        kind: 'paragraph',
        text:
          capacity === 'high'
            ? 'You told us your capacity for change is high, so all priorities start together.'
            : capacity === 'low' || capacity === 'very-low'
              ? `You told us your capacity for change is ${RESOURCE_LABELS[capacity]}, so each priority starts only when the one before it has finished its implementation phase.`
              : 'Each priority starts when the one before it has finished its foundation phase, so no team carries more than one new change at a time.',
      },
      {
        kind: 'table',
        headers: ['Priority', 'Foundation', 'Implementation', 'Integration', 'Review'],
        rows: views.map((v, i) => [
          `${v.displayRank}. ${v.rec.title}`,
          days(plan.foundation, offsets[i]),
          days(plan.implementation, offsets[i]),
          days(plan.integration, offsets[i]),
          `Day ${plan.integration.end + offsets[i]}`,
        ]),
      },
      {
        kind: 'bullets',
        items: [
          'Every Friday: each owner sends the weekly report to their sponsor.',
          `Day 30: leadership check-in on all priorities, using the weekly reports.`,
          `Day ${views.length ? Math.max(...views.map((_, i) => plan.integration.end + offsets[i])) : plan.integration.end}: the last priority completes its integration phase; review every KPI against its baseline${ctx.validation?.successCriteria ? ` and against your success criteria (${stripStop(ctx.validation.successCriteria)})` : ''}, and decide what to stop, continue or scale.`,
        ],
      },
    ],
  });

  return {
    title: 'Implementation kits',
    subtitle: `${ctx.companyName} · ScaleMap operational assessment · ${formatDate(ctx.dueTimes.implementationKits)}`,
    sections,
  };
}
