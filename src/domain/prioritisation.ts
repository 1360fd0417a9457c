import type {
  PrioritisedRecommendation,
  Recommendation,
  SpecialistAnalysis,
  TriageLevel,
  TriageResult,
} from './analysis';
import { DOMAIN_IDS, type DomainId } from './domains';
import { DOMAIN_LINKS } from './triage';
import type { ValidationResponse } from './validation';

/**
 * Prioritisation (DOMAIN.md "Prioritisation"): from every specialist's recommendations, pick the 2–3
 * changes that unlock most growth. All component scores are 0–1.
 *
 *  impact      = 30% revenue + 25% efficiency + 25% competitive + 20% strategic (recommendation.scores)
 *  feasibility = 25% resources + 25% readiness + 20% inverse complexity + 15% timeline + 15% change capacity,
 *                then × 0.9 for each of the people-organization, financial-management and
 *                change-management analyses that is weak (healthScore ≤ 4)
 *      resources          how much of the company's people and money the change leaves free, from effort
 *                         (low 0.9, medium 0.6, high 0.3); the client's own answer adjusts it at validation
 *      readiness          0.3 + 0.07 × the health score of the recommendation's domain (a domain in crisis is
 *                         harder to change: health 1 → 0.37, health 10 → 1)
 *      inverse complexity from effort (low 1, medium 0.6, high 0.2)
 *      timeline           from horizon (quick win 1, 30–90 days 0.7, strategic 0.4)
 *      change capacity    change-management health / 10 when analysed, else a neutral 0.6
 *  synergy     = mean connection between the recommendation's domain and the other domains in play
 *                (1 when one depends on the other, through the analysts' dependencies or DOMAIN_LINKS,
 *                or they are the same domain; 0.5 when they share a dependency; 0 otherwise). Candidates
 *                are first ranked against every other analysed domain; the chosen picks are then scored
 *                against each other and re-ranked.
 *  urgency     = (10 − health) / 9 of the domain; with a triage, 60% of that + 40% triage level
 *                (critical 1, high 0.75, moderate 0.5, low 0.25)
 *  priority    = 40% impact + 35% feasibility + 15% synergy + 10% urgency
 *
 * Picks prefer distinct domains; a second pick from a domain only when too few domains have candidates.
 *
 * Evidence-led analyses (those carrying `severity`, see src/analysis) change three things:
 *  - a domain the analysis rates good or excellent (health ≥ 6) never becomes a priority, so there may be fewer
 *    than three priorities, or none for a healthy company; picks come from distinct domains only;
 *  - ranking follows severity and relevance to what the client said matters: the formula's priority is multiplied
 *    by 0.5 + 0.5 × (0.7 × severity / 9 + 0.3 × relevance);
 *  - within a domain, the recommendation answering its strongest finding gets a 10% lift, so the priority is the
 *    fix for the headline evidence, not the easiest quick win.
 */

export const IMPACT_WEIGHTS = { revenue: 0.3, efficiency: 0.25, competitive: 0.25, strategic: 0.2 } as const;
export const FEASIBILITY_WEIGHTS = {
  resources: 0.25,
  readiness: 0.25,
  complexity: 0.2,
  timeline: 0.15,
  changeCapacity: 0.15,
} as const;
export const PRIORITY_WEIGHTS = { impact: 0.4, feasibility: 0.35, synergy: 0.15, urgency: 0.1 } as const;

export const RESOURCES_BY_EFFORT = { low: 0.9, medium: 0.6, high: 0.3 } as const;
export const INVERSE_COMPLEXITY_BY_EFFORT = { low: 1, medium: 0.6, high: 0.2 } as const;
export const TIMELINE_BY_HORIZON = { 'quick-win': 1, '30-90-days': 0.7, strategic: 0.4 } as const;
export const NEUTRAL_CHANGE_CAPACITY = 0.6;
export const WEAK_HEALTH = 4;
export const WEAK_CAPACITY_FACTOR = 0.9;
export const CAPACITY_DOMAINS: readonly DomainId[] = [
  'people-organization',
  'financial-management',
  'change-management',
];
export const LEVEL_URGENCY: Record<TriageLevel, number> = {
  critical: 1,
  high: 0.75,
  moderate: 0.5,
  low: 0.25,
};
export const MAX_PICKS = 3;

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function impactScore(rec: Recommendation): number {
  const s = rec.scores;
  return clamp01(
    IMPACT_WEIGHTS.revenue * s.revenue +
      IMPACT_WEIGHTS.efficiency * s.efficiency +
      IMPACT_WEIGHTS.competitive * s.competitive +
      IMPACT_WEIGHTS.strategic * s.strategic,
  );
}

export function priorityOf(parts: {
  impact: number;
  feasibility: number;
  synergy: number;
  urgency: number;
}): number {
  return clamp01(
    PRIORITY_WEIGHTS.impact * parts.impact +
      PRIORITY_WEIGHTS.feasibility * parts.feasibility +
      PRIORITY_WEIGHTS.synergy * parts.synergy +
      PRIORITY_WEIGHTS.urgency * parts.urgency,
  );
}

interface Context {
  byDomain: Map<DomainId, SpecialistAnalysis>;
  triage?: TriageResult;
}

export function feasibilityScore(rec: Recommendation, analysis: SpecialistAnalysis, ctx: Context): number {
  const change = ctx.byDomain.get('change-management');
  const base =
    FEASIBILITY_WEIGHTS.resources * RESOURCES_BY_EFFORT[rec.effort] +
    FEASIBILITY_WEIGHTS.readiness * (0.3 + 0.07 * analysis.healthScore) +
    FEASIBILITY_WEIGHTS.complexity * INVERSE_COMPLEXITY_BY_EFFORT[rec.effort] +
    FEASIBILITY_WEIGHTS.timeline * TIMELINE_BY_HORIZON[rec.horizon] +
    FEASIBILITY_WEIGHTS.changeCapacity * (change ? change.healthScore / 10 : NEUTRAL_CHANGE_CAPACITY);
  const weak = CAPACITY_DOMAINS.filter((d) => {
    const a = ctx.byDomain.get(d);
    return a !== undefined && a.healthScore <= WEAK_HEALTH;
  }).length;
  return clamp01(base * WEAK_CAPACITY_FACTOR ** weak);
}

export function urgencyScore(analysis: SpecialistAnalysis, triage?: TriageResult): number {
  const fromHealth = (10 - analysis.healthScore) / 9;
  const t = triage?.domains.find((d) => d.domain === analysis.domain);
  if (!t) return clamp01(fromHealth);
  return clamp01(0.6 * fromHealth + 0.4 * LEVEL_URGENCY[t.level]);
}

function dependsOn(a: DomainId, b: DomainId, byDomain: Map<DomainId, SpecialistAnalysis>): boolean {
  if (byDomain.get(a)?.dependencies.some((d) => d.domain === b)) return true;
  return DOMAIN_LINKS.some((l) => l.to === a && l.from === b);
}

/** Connection between two domains: 1 same or dependent (either way), 0.5 sharing a dependency, else 0. */
export function domainConnection(
  a: DomainId,
  b: DomainId,
  byDomain: Map<DomainId, SpecialistAnalysis>,
): number {
  if (a === b) return 1;
  if (dependsOn(a, b, byDomain) || dependsOn(b, a, byDomain)) return 1;
  const depsOf = (d: DomainId) =>
    new Set([
      ...(byDomain.get(d)?.dependencies.map((x) => x.domain) ?? []),
      ...DOMAIN_LINKS.filter((l) => l.to === d).map((l) => l.from),
    ]);
  const da = depsOf(a);
  for (const d of depsOf(b)) if (da.has(d)) return 0.5;
  return 0;
}

function synergyWith(
  domain: DomainId,
  others: DomainId[],
  byDomain: Map<DomainId, SpecialistAnalysis>,
): number {
  if (others.length === 0) return 0;
  return others.reduce((s, o) => s + domainConnection(domain, o, byDomain), 0) / others.length;
}

interface Scored {
  rec: Recommendation;
  domain: DomainId;
  impact: number;
  feasibility: number;
  synergy: number;
  urgency: number;
  priority: number;
}

const domainOrder = (d: DomainId) => DOMAIN_IDS.indexOf(d);

export const GOOD_HEALTH = 6;

/** Evidence weight of a domain (0–1) for evidence-led analyses: 70% severity, 30% relevance to the client. */
export function domainWeight(a: SpecialistAnalysis): number | null {
  if (!a.severity) return null;
  return clamp01(0.7 * (a.severity.score / 9) + 0.3 * (a.relevance ?? 0));
}

/** Whether a recommendation answers the analysis's strongest finding. */
function answersHeadline(rec: Recommendation, a: SpecialistAnalysis): boolean {
  const top = a.findings[0];
  if (!top) return false;
  if (rec.id.includes(':benchmark:')) return top.evidence.some((e) => e.source === 'document');
  return top.evidence.some(
    (e) => rec.basedOn.includes(e.ref) || rec.basedOn.some((b) => e.ref.startsWith(`${b}-`)),
  );
}

function evidenceFactor(rec: Recommendation, a: SpecialistAnalysis): number {
  const w = domainWeight(a);
  if (w === null) return 1;
  return (0.5 + 0.5 * w) * (answersHeadline(rec, a) ? 1.1 : 1);
}
const byPriority = (a: Scored, b: Scored) =>
  b.priority - a.priority ||
  domainOrder(a.domain) - domainOrder(b.domain) ||
  (a.rec.id < b.rec.id ? -1 : a.rec.id > b.rec.id ? 1 : 0);

/** Scores every candidate recommendation (pool synergy) without picking; highest priority first. */
export function scoreCandidates(
  analyses: readonly SpecialistAnalysis[],
  opts: { triage?: TriageResult } = {},
) {
  const byDomain = new Map<DomainId, SpecialistAnalysis>();
  for (const a of analyses) if (!byDomain.has(a.domain)) byDomain.set(a.domain, a);
  const ctx: Context = { byDomain, triage: opts.triage };
  const inPlay = [...byDomain.values()].filter((a) => a.recommendations.length > 0).map((a) => a.domain);
  const seen = new Set<string>();
  const scored: Scored[] = [];
  for (const analysis of byDomain.values()) {
    for (const rec of analysis.recommendations) {
      if (seen.has(rec.id)) continue;
      seen.add(rec.id);
      const parts = {
        impact: impactScore(rec),
        feasibility: feasibilityScore(rec, analysis, ctx),
        synergy: synergyWith(
          analysis.domain,
          inPlay.filter((d) => d !== analysis.domain),
          byDomain,
        ),
        urgency: urgencyScore(analysis, opts.triage),
      };
      scored.push({
        rec,
        domain: analysis.domain,
        ...parts,
        priority: clamp01(priorityOf(parts) * evidenceFactor(rec, analysis)),
      });
    }
  }
  return { scored: scored.sort(byPriority), byDomain };
}

/** The top 3 recommendations (fewer when there are fewer candidates), ranked 1.., distinct domains first. */
export function prioritise(
  analyses: readonly SpecialistAnalysis[],
  opts: { triage?: TriageResult; count?: number } = {},
): PrioritisedRecommendation[] {
  const { scored: all, byDomain } = scoreCandidates(analyses, opts);
  const evidenceLed = [...byDomain.values()].some((a) => a.severity);
  // Evidence-led: a domain rated good never becomes a priority, and each priority comes from its own domain.
  const scored = evidenceLed ? all.filter((c) => byDomain.get(c.domain)!.healthScore < GOOD_HEALTH) : all;
  const count = Math.min(opts.count ?? MAX_PICKS, scored.length);
  const picks: Scored[] = [];
  for (const c of scored) {
    if (picks.length >= count) break;
    if (!picks.some((p) => p.domain === c.domain)) picks.push(c);
  }
  for (const c of scored) {
    if (evidenceLed || picks.length >= count) break;
    if (!picks.includes(c)) picks.push(c);
  }
  // Synergy with the other picks, then the final order.
  const final = picks.map((p, i) => {
    const others = picks.filter((_, j) => j !== i).map((o) => o.domain);
    const synergy = picks.length > 1 ? synergyWith(p.domain, others, byDomain) : p.synergy;
    const next = { ...p, synergy };
    return { ...next, priority: clamp01(priorityOf(next) * evidenceFactor(p.rec, byDomain.get(p.domain)!)) };
  });
  return final.sort(byPriority).map((p, i) => ({
    rank: i + 1,
    recommendation: p.rec,
    impactScore: round3(p.impact),
    feasibilityScore: round3(p.feasibility),
    synergyScore: round3(p.synergy),
    urgencyScore: round3(p.urgency),
    priorityScore: round3(p.priority),
  }));
}

// ---------------------------------------------------------------------------------------------
// Client validation
// ---------------------------------------------------------------------------------------------

/**
 * Validation rules (DOMAIN.md "Validation"):
 *  - agreement multiplies the priority: 5 → 1.05, 4 → 1, 3 → 0.9, 2 → 0.75, 1 → 0.6;
 *  - resources multiply the feasibility: high 1, medium 0.9, low 0.75, very low 0.6;
 *  - a low or very low overall capacity for change lowers the feasibility of high-effort changes
 *    (× 0.9 / × 0.8) and medium-effort ones (× 0.97 / × 0.93);
 *  - disagreement with priority #1 (agreement 1 "strongly disagree" OR 2 "disagree": a founder who
 *    does not accept the top priority should not see it stay on top) drops it below priority #2,
 *    whatever its adjusted score;
 *  - priorities without an answer keep their scores; ties keep the earlier rank. Ranks are 1..n.
 */
export const AGREEMENT_FACTOR: Record<number, number> = { 1: 0.6, 2: 0.75, 3: 0.9, 4: 1, 5: 1.05 };
export const RESOURCE_FACTOR = { high: 1, medium: 0.9, low: 0.75, 'very-low': 0.6 } as const;
export const CAPACITY_FACTOR = {
  high: { low: 1, medium: 1, high: 1 },
  medium: { low: 1, medium: 1, high: 1 },
  low: { low: 1, medium: 0.97, high: 0.9 },
  'very-low': { low: 1, medium: 0.93, high: 0.8 },
} as const;
export const DISAGREEMENT_THRESHOLD = 2;

export function applyValidation(
  priorities: readonly PrioritisedRecommendation[],
  validation: ValidationResponse,
): PrioritisedRecommendation[] {
  const ordered = [...priorities].sort((a, b) => a.rank - b.rank);
  const answers = new Map(validation.priorities.map((p) => [p.recommendationId, p]));
  const adjusted = ordered.map((p) => {
    const answer = answers.get(p.recommendation.id);
    const capacity = CAPACITY_FACTOR[validation.capacityForChange][p.recommendation.effort];
    if (!answer && capacity === 1) return { ...p, demoted: false };
    const feasibility = clamp01(
      p.feasibilityScore * (answer ? RESOURCE_FACTOR[answer.resources] : 1) * capacity,
    );
    const agreement = answer ? (AGREEMENT_FACTOR[answer.agreement] ?? 1) : 1;
    const priority = clamp01(
      priorityOf({ impact: p.impactScore, feasibility, synergy: p.synergyScore, urgency: p.urgencyScore }) *
        agreement,
    );
    return { ...p, feasibilityScore: round3(feasibility), priorityScore: round3(priority), demoted: false };
  });
  const first = adjusted[0];
  const second = adjusted[1];
  const firstAnswer = first ? answers.get(first.recommendation.id) : undefined;
  if (first && second && firstAnswer && firstAnswer.agreement <= DISAGREEMENT_THRESHOLD) {
    first.demoted = true;
    first.priorityScore = Math.min(first.priorityScore, second.priorityScore);
  }
  return adjusted
    .sort(
      (a, b) => b.priorityScore - a.priorityScore || Number(a.demoted) - Number(b.demoted) || a.rank - b.rank,
    )
    .map(({ demoted: _demoted, ...p }, i) => ({ ...p, rank: i + 1 }));
}
