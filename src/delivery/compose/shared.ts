import { domainName, type DomainId } from '../../domain/domains';
import {
  analystLabel,
  healthBand,
  type Finding,
  type HealthBand,
  type PrioritisedRecommendation,
  type Recommendation,
  type SpecialistAnalysis,
} from '../../domain/analysis';
import { VALIDATION_WINDOW_HOURS } from '../../domain/schedule';
import type { ValidationResponse } from '../../domain/validation';
import {
  INDUSTRY_LABELS,
  MODEL_LABELS,
  REVENUE_LABELS,
  STAGE_LABELS,
  TEAM_LABELS,
  SHORT_DOMAIN_NAMES,
  numberWord,
  addHours,
  capitalise,
  listAnd,
  lowerFirst,
  sentence,
  stripStop,
} from '../format';
import { heatmapCells } from '../heatmap';
import { ALL_QUESTIONS } from '../../domain/questionnaire';
import { planKits, type KitPlan } from '../../analysis/reshape';
import { pounds } from '../../analysis/text';
import { storylineParagraphs } from '../../analysis/storyline';
import type { DeliveryContext, HeatmapCell, Section } from '../types';
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

export const SEVERITY_ORDER: Record<Finding['severity'], number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
};

export function bySeverity(a: Finding, b: Finding): number {
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

export const IMPACT_COMPONENTS: { key: keyof Recommendation['scores']; label: string }[] = [
  { key: 'revenue', label: 'revenue growth' },
  { key: 'efficiency', label: 'operating efficiency' },
  { key: 'competitive', label: 'competitive advantage' },
  { key: 'strategic', label: 'strategic alignment' },
];

/** The one or two growth-impact components the recommendation scores highest on. */
export function mainImpactAreas(rec: Recommendation): string[] {
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

export const EVIDENCE_SOURCES: Record<Finding['evidence'][number]['source'], string> = {
  answer: 'questionnaire answer',
  'follow-up': 'follow-up answer',
  document: 'document',
  profile: 'company profile',
};

const QUESTION_BY_ID = new Map(
  ALL_QUESTIONS.flatMap((q) => [
    [q.id, q.prompt] as const,
    ...(q.followUps ?? []).map((f) => [f.id, f.prompt] as const),
  ]),
);

/** Where a piece of evidence came from, in the client's terms: never a question code or an internal reference. */
export function evidenceOrigin(e: Finding['evidence'][number]): string {
  const prompt =
    e.where ?? (e.source === 'answer' || e.source === 'follow-up' ? QUESTION_BY_ID.get(e.ref) : undefined);
  switch (e.source) {
    case 'answer':
      return prompt ? `Your answer to “${stripStop(prompt)}”` : 'Your questionnaire answer';
    case 'follow-up':
      return prompt ? `Your follow-up to “${stripStop(prompt)}”` : 'Your follow-up answer';
    case 'document':
      return e.where ?? e.ref;
    case 'profile':
      return e.where ? capitalise(e.where) : 'Your company profile';
  }
}

/** One piece of evidence, quoted once, verbatim, with its origin; no doubled punctuation at the end. */
export function evidenceText(e: Finding['evidence'][number]): string {
  const quote = e.quote.trim().replace(/[.\s]+$/, '');
  return quote ? `${evidenceOrigin(e)}: “${quote}”` : evidenceOrigin(e);
}

/**
 * The evidence of a finding as one line, leaving out quotes this document has already shown (pass the same `seen`
 * set through one document), so each quote appears once.
 */
export function evidenceLine(evidence: Finding['evidence'], seen?: Set<string>): string {
  const fresh = evidence.filter((e) => {
    const key = e.quote.trim().toLowerCase();
    if (!seen || !key) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return fresh.map(evidenceText).join('; ');
}

export function findingText(f: Finding, seen?: Set<string>): string {
  const evidence = evidenceLine(f.evidence, seen);
  return `${sentence(f.title)} ${sentence(f.detail)}${evidence ? ` Evidence: ${evidence}.` : ''}`;
}

/** The analyst as shown to the client: an AI specialist, named honestly. */
export function analystText(a: SpecialistAnalysis): string {
  return `${analystLabel(a.analyst)}, ${SHORT_DOMAIN_NAMES[a.domain]}`;
}

/** Confidence, with what it rests on (evidence coverage), for evidence-led analyses. */
export function confidenceText(a: SpecialistAnalysis): string {
  const c = a.coverage;
  if (!c) return `${a.confidence}/10`;
  const parts = [`${c.answered} of ${c.applicable} questions answered`];
  if (c.followUpsInvited)
    parts.push(`${c.followUpsAnswered} of ${c.followUpsInvited} follow-up questions answered`);
  parts.push(
    c.documentsRead
      ? `${numberWord(c.documentsRead)} ${c.documentsRead === 1 ? 'document' : 'documents'} read`
      : 'no document read for this area',
  );
  return `${a.confidence}/10, based on ${listAnd(parts)}`;
}

/** The £ value of fixing a domain, with its assumptions, or what to measure first. */
export function valueText(a: SpecialistAnalysis | null): string | null {
  const q = a?.quantified;
  if (!q) return null;
  if (q.low !== null && q.high !== null) {
    const what = a?.findings[0]
      ? ` by fixing what we found: ${lowerFirst(stripStop(a.findings[0].title))}`
      : '';
    return `About ${pounds(q.low)} to ${pounds(q.high)} a year${what}. ${q.assumptions.join(' ')}${q.measureFirst ? ` To firm it up, measure ${q.measureFirst}.` : ''}`;
  }
  return q.measureFirst ? `Not yet priced: measure ${q.measureFirst} first.` : null;
}

/** The kit plan: the report's priorities reshaped by the validation (the same plan for the kits and their email). */
export function kitPlanFor(ctx: DeliveryContext): KitPlan {
  return planKits({
    reportPriorities: ctx.reportPriorities ?? ctx.priorities,
    analyses: ctx.analyses,
    triage: ctx.triage,
    validation: ctx.validation,
    startFrom: ctx.validatedAt ?? ctx.dueTimes.implementationKits,
  });
}

export function recommendationsByHorizon(
  analysis: SpecialistAnalysis | null,
  horizon: Recommendation['horizon'],
) {
  return (analysis?.recommendations ?? []).filter((r) => r.horizon === horizon);
}

export function cellLabel(cell: HeatmapCell): string {
  if (cell.score === null) return `${cell.name}: not assessed`;
  return `${cell.name}: ${cell.score}/10 (${cell.bandLabel.toLowerCase()}${cell.source === 'triage-estimate' ? ', estimated from your answers' : ''})`;
}

/** Strongest assessed domains (score ≥ 6, best first; specialist scores before estimates on a tie). */
export function strongestCells(
  ctx: DeliveryContext,
  max: number,
): { cells: HeatmapCell[]; onlyRelative: boolean } {
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

export function strengthItems(ctx: DeliveryContext, max: number): { intro: string; items: string[] } {
  const { cells, onlyRelative } = strongestCells(ctx, max);
  const views = priorityViews(ctx);
  const items = cells.map((c) => {
    const analysis = analysisFor(ctx, c.domain);
    const triage = ctx.triage.domains.find((t) => t.domain === c.domain);
    const parts: string[] = [];
    if (analysis) parts.push(sentence(analysis.summary));
    else if (triage && triage.answeredRatio < 0.8) {
      parts.push(`Only part of this area was answered, so treat the estimate with care.`);
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
  const scale = '';
  const intro = onlyRelative
    ? `No domain at ${ctx.companyName} reached the good band (6/10 or more); these are the relatively strongest and the best base to build on.${scale}`
    : `These domains at ${ctx.companyName} are in good shape and give you something to build on while you fix the priorities.${scale}`;
  return { intro, items };
}

export function profileSentence(ctx: DeliveryContext): string {
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

export function triageSentence(ctx: DeliveryContext): string {
  const activated = ctx.triage.activatedDomains.map((d) => domainName(d));
  return `Of the twelve operational domains, your answers pointed to ${listAnd(activated)} as needing a specialist's attention, so ${activated.length === 1 ? 'that domain was' : 'those domains were'} analysed in depth; the others are scored from your questionnaire answers.`;
}

export function rankLabel(v: PriorityView): string {
  return `Priority ${v.displayRank}`;
}

/** The opening storyline: two or three root causes and how they connect (evidence-led analyses; else a summary). */
export function storylineSection(ctx: DeliveryContext): Section {
  const paragraphs = storylineParagraphs(ctx.companyName, ctx.analyses, ctx.priorities);
  return {
    heading: 'The storyline',
    blocks: paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
  };
}
