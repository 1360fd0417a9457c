import { z } from 'zod';
import { triageResultSchema, type DomainTriage, type TriageLevel, type TriageResult } from './analysis';
import { DOMAIN_IDS, isDomainId, type DomainId } from './domains';
import { profileFacts, type CompanyProfile, type ProfileFacts } from './profile';
import { ALL_QUESTIONS, isApplicable, isValidScore } from './questionnaire';
import type { Question } from './questionnaire/types';

/**
 * Triage (DOMAIN.md "Triage"): picks the 3–5 domains whose specialists run.
 *
 * Scale: every score is on the questionnaire's 1–5 scale where 5 is the most serious concern.
 * A domain that does not apply to the company (none of its questions apply, e.g. supply chain
 * without physical products) gets score 0, level low, and is never activated. Score 0 is reserved
 * for that case: an applicable domain always scores at least 1.
 *
 * Weighting rules (additive, then clamped to 0–5):
 *  1. Base score = mean of the domain's answered applicable scores; an unanswered domain is a
 *     neutral 3 (its answeredRatio of 0 lowers the overall confidence).
 *  2. Industry weighting: +INDUSTRY_BOOST (0.3) on the domains an industry leans on
 *     (see INDUSTRY_WEIGHTS). Regulated companies also REQUIRE risk-compliance.
 *  3. Linked domains: a weak source domain raises the domains that depend on it by
 *     LINK_FACTOR × (source base score − 3.5) when the source is above 3.5 (so at most +0.6 from a
 *     source scored 5); the total link boost on one domain is capped at MAX_LINK_BOOST (0.75).
 *     Link boosts use base scores only, so the order of evaluation never matters.
 */

export const INDUSTRY_BOOST = 0.3;
export const LINK_FACTOR = 0.4;
export const LINK_THRESHOLD = 3.5;
export const MAX_LINK_BOOST = 0.75;
export const MIN_ACTIVATED = 3;
export const MAX_ACTIVATED = 5;

export interface IndustryWeight {
  /** Human-readable name used in reasons. */
  label: string;
  applies: (profile: CompanyProfile | null, facts: ProfileFacts) => boolean;
  domains: readonly DomainId[];
  /** Domains always activated for such a company. */
  required: readonly DomainId[];
}

export const INDUSTRY_WEIGHTS: readonly IndustryWeight[] = [
  {
    label: 'regulated industry',
    applies: (_p, f) => f.regulated,
    domains: ['risk-compliance', 'financial-management'],
    required: ['risk-compliance'],
  },
  {
    label: 'technology company',
    applies: (p) => p?.industry === 'technology' || p?.industry === 'saas',
    domains: ['technology-data', 'customer-experience'],
    required: [],
  },
  {
    label: 'services company',
    applies: (_p, f) => f.services,
    domains: ['people-organization', 'customer-success'],
    required: [],
  },
  {
    label: 'manufacturer',
    applies: (p) => p?.industry === 'manufacturing',
    domains: ['operational-excellence', 'supply-chain'],
    required: [],
  },
];

export interface DomainLink {
  /** The domain whose weakness spreads. */
  from: DomainId;
  /** The domain that depends on it. */
  to: DomainId;
  /** Why `to` depends on `from` (used as a dependency reason by the analysts). */
  reason: string;
}

/** Static cross-domain links: a weak `from` raises `to` in triage; `to` depends on `from` in analysis. */
export const DOMAIN_LINKS: readonly DomainLink[] = [
  {
    from: 'strategic-alignment',
    to: 'people-organization',
    reason: 'Hiring and role design follow the strategic priorities.',
  },
  {
    from: 'strategic-alignment',
    to: 'change-management',
    reason: 'Change needs a clear direction that leaders agree on.',
  },
  {
    from: 'financial-management',
    to: 'revenue-engine',
    reason: 'Growth spend needs reliable cash and unit-economics figures.',
  },
  {
    from: 'technology-data',
    to: 'operational-excellence',
    reason: 'Automation and process measurement depend on systems and data.',
  },
  {
    from: 'customer-experience',
    to: 'customer-success',
    reason: 'Retention and expansion rest on a product customers value.',
  },
  {
    from: 'revenue-engine',
    to: 'customer-success',
    reason: 'The customers sold to determine onboarding load and churn risk.',
  },
  {
    from: 'people-organization',
    to: 'change-management',
    reason: 'Change is carried by managers with the time and skills to lead it.',
  },
  {
    from: 'customer-success',
    to: 'revenue-engine',
    reason: 'Churn and expansion decide how much new revenue is needed.',
  },
  {
    from: 'supply-chain',
    to: 'operational-excellence',
    reason: 'Supplier and inventory problems surface as operational bottlenecks.',
  },
  {
    from: 'operational-excellence',
    to: 'customer-experience',
    reason: 'Delivery quality reaches customers through the operating processes.',
  },
  {
    from: 'partnerships',
    to: 'revenue-engine',
    reason: 'Channel partners are part of the route to market.',
  },
  {
    from: 'change-management',
    to: 'operational-excellence',
    reason: 'Process improvements only stick with execution discipline.',
  },
  {
    from: 'risk-compliance',
    to: 'technology-data',
    reason: 'Security and data-protection obligations shape the technology stack.',
  },
];

export interface AnswerInput {
  questionId: string;
  score?: number | null;
  text?: string | null;
}

export interface TriageInput {
  profile: CompanyProfile | null;
  answers: readonly AnswerInput[];
  questions?: readonly Question[];
}

export function triageLevel(score: number): TriageLevel {
  if (score >= 4.5) return 'critical';
  if (score >= 4.0) return 'high';
  if (score >= 3.5) return 'moderate';
  return 'low';
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const domainIndex = (d: DomainId) => DOMAIN_IDS.indexOf(d);

/** Industry-required domains for a profile (a regulated company always gets risk-compliance). */
export function requiredDomains(profile: CompanyProfile | null): DomainId[] {
  const facts = profileFacts(profile);
  const out = new Set<DomainId>();
  for (const w of INDUSTRY_WEIGHTS) if (w.applies(profile, facts)) w.required.forEach((d) => out.add(d));
  return DOMAIN_IDS.filter((d) => out.has(d));
}

/** Marker put in the reason of an industry-required domain, so a stored TriageResult still says which were required. */
export const REQUIRED_MARK = '[required]';

interface DomainWork {
  domain: DomainId;
  applicable: boolean;
  applicableCount: number;
  answered: { question: Question; score: number }[];
  base: number;
  score: number;
  boosts: string[];
  required: boolean;
}

function analyseDomains(input: TriageInput): DomainWork[] {
  const questions = input.questions ?? ALL_QUESTIONS;
  const facts = profileFacts(input.profile);
  const scoreById = new Map<string, number>();
  for (const a of input.answers) if (isValidScore(a.score)) scoreById.set(a.questionId, a.score);
  const required = new Set(requiredDomains(input.profile));

  const work: DomainWork[] = DOMAIN_IDS.map((domain) => {
    const applicableQs = questions.filter((q) => q.domain === domain && isApplicable(q, facts));
    const answered = applicableQs
      .filter((q) => scoreById.has(q.id))
      .map((q) => ({ question: q, score: scoreById.get(q.id)! }));
    const applicable = applicableQs.length > 0;
    const base = !applicable
      ? 0
      : answered.length === 0
        ? 3
        : answered.reduce((s, a) => s + a.score, 0) / answered.length;
    return {
      domain,
      applicable,
      applicableCount: applicableQs.length,
      answered,
      base,
      score: base,
      boosts: [],
      required: applicable && required.has(domain),
    };
  });
  const byId = new Map(work.map((w) => [w.domain, w]));

  for (const w of INDUSTRY_WEIGHTS) {
    if (!w.applies(input.profile, facts)) continue;
    for (const d of w.domains) {
      const target = byId.get(d)!;
      if (!target.applicable) continue;
      target.score += INDUSTRY_BOOST;
      target.boosts.push(`${w.label} +${INDUSTRY_BOOST.toFixed(1)}`);
    }
  }

  const linkBoost = new Map<DomainId, { total: number; sources: string[] }>();
  for (const link of DOMAIN_LINKS) {
    const src = byId.get(link.from)!;
    const dst = byId.get(link.to)!;
    if (!src.applicable || !dst.applicable || src.answered.length === 0) continue;
    const boost = LINK_FACTOR * Math.max(0, src.base - LINK_THRESHOLD);
    if (boost <= 0) continue;
    const entry = linkBoost.get(link.to) ?? { total: 0, sources: [] };
    entry.total += boost;
    entry.sources.push(`weak ${link.from} +${boost.toFixed(2)}`);
    linkBoost.set(link.to, entry);
  }
  for (const [d, entry] of linkBoost) {
    const target = byId.get(d)!;
    const total = Math.min(MAX_LINK_BOOST, entry.total);
    target.score += total;
    target.boosts.push(
      `linked: ${entry.sources.join(', ')}${entry.total > MAX_LINK_BOOST ? ` (capped at +${MAX_LINK_BOOST})` : ''}`,
    );
  }
  for (const w of work) w.score = w.applicable ? round2(clamp(w.score, 1, 5)) : 0;
  return work;
}

/** Applicable domains ordered by score (highest first), ties broken by DOMAINS order. */
function ranked(work: DomainWork[]): DomainWork[] {
  return work
    .filter((w) => w.applicable)
    .sort((a, b) => b.score - a.score || domainIndex(a.domain) - domainIndex(b.domain));
}

function selectActivated(work: DomainWork[]): DomainId[] {
  const order = ranked(work);
  if (order.length < MIN_ACTIVATED) {
    throw new Error(
      `triage needs at least ${MIN_ACTIVATED} applicable domains, the question set gives ${order.length}`,
    );
  }
  const required = order.filter((w) => w.required);
  const high = order.filter((w) => !w.required && w.score >= 4.0);
  const chosen = [...required];
  for (const w of high) if (chosen.length < MAX_ACTIVATED) chosen.push(w);
  for (const w of order) {
    if (chosen.length >= MIN_ACTIVATED) break;
    if (!chosen.includes(w)) chosen.push(w);
  }
  // Report in priority order: highest score first, DOMAINS order on ties.
  return order.filter((w) => chosen.includes(w)).map((w) => w.domain);
}

function describeReason(w: DomainWork): string {
  const parts: string[] = [];
  parts.push(`Score ${w.score.toFixed(2)} (${triageLevel(w.score)}).`);
  if (w.answered.length === 0) {
    parts.push('No answers yet, so the base is a neutral 3.');
  } else {
    const weakest = [...w.answered].sort((a, b) => b.score - a.score).slice(0, 3);
    parts.push(
      `Weakest answered topics: ${weakest.map((a) => `${a.question.topic} (${a.score}/5)`).join(', ')}; ` +
        `${w.answered.length} of ${w.applicableCount} questions answered.`,
    );
  }
  parts.push(
    w.boosts.length ? `Weighting: ${w.boosts.join('; ')}.` : 'No industry or linked-domain weighting.',
  );
  if (w.required) parts.push(`${REQUIRED_MARK} Always analysed for a regulated company.`);
  return parts.join(' ');
}

function confidenceOf(work: DomainWork[]): number {
  const applicable = work.filter((w) => w.applicable);
  if (applicable.length === 0) return 0;
  const coverage =
    applicable.reduce((s, w) => s + w.answered.length / w.applicableCount, 0) / applicable.length;
  // Dispersion: standard deviation of answers within each domain (max 2 on a 1–5 scale), averaged.
  const spread = applicable
    .filter((w) => w.answered.length >= 2)
    .map((w) => {
      const m = w.answered.reduce((s, a) => s + a.score, 0) / w.answered.length;
      const variance = w.answered.reduce((s, a) => s + (a.score - m) ** 2, 0) / w.answered.length;
      return Math.sqrt(variance) / 2;
    });
  const dispersion = spread.length ? spread.reduce((s, x) => s + x, 0) / spread.length : 0;
  return round2(clamp(0.1 + 0.9 * coverage * (1 - 0.5 * dispersion), 0, 1));
}

/** Rule-based triage. Pure and deterministic. */
export function triageRules(input: TriageInput): TriageResult {
  const work = analyseDomains(input);
  const activated = selectActivated(work);
  const domains: DomainTriage[] = work.map((w) => {
    const entry: DomainTriage = {
      domain: w.domain,
      score: w.score,
      level: triageLevel(w.score),
      answeredRatio: w.applicable ? round2(w.answered.length / w.applicableCount) : 0,
    };
    if (!w.applicable) entry.reason = 'Not applicable to this company profile.';
    else if (activated.includes(w.domain)) entry.reason = describeReason(w);
    return entry;
  });
  return triageResultSchema.parse({
    activatedDomains: activated,
    domains,
    confidence: confidenceOf(work),
    source: 'rules',
  });
}

// ---------------------------------------------------------------------------------------------
// LLM refinement
// ---------------------------------------------------------------------------------------------

/**
 * The LLM's answer. `reasons` may be a record (domain → reason) or, as TRIAGE_JSON_SCHEMA asks for
 * (strict structured output cannot express open records), a list of {domain, reason}.
 */
const llmTriageSchema = z.object({
  activatedDomains: z.array(z.string()),
  reasons: z
    .union([z.record(z.string(), z.string()), z.array(z.object({ domain: z.string(), reason: z.string() }))])
    .default({}),
  confidence: z.number().min(0).max(1),
});

export interface RefineResult {
  result: TriageResult;
  accepted: boolean;
  reason?: string;
}

/**
 * Domains the LLM may not drop: industry-required ones (from the profile when given, and from the
 * REQUIRED_MARK in the rule's reasons) and every domain the rules activated at level high or critical.
 */
export function lockedDomains(rule: TriageResult, profile?: CompanyProfile | null): DomainId[] {
  const locked = new Set<DomainId>(profile !== undefined ? requiredDomains(profile) : []);
  for (const d of rule.domains) {
    if (!rule.activatedDomains.includes(d.domain)) continue;
    if (d.reason?.includes(REQUIRED_MARK) || d.level === 'high' || d.level === 'critical')
      locked.add(d.domain);
  }
  return DOMAIN_IDS.filter((d) => locked.has(d));
}

/** Accepts an LLM triage (object or JSON text) only if it is valid and keeps the rule's invariants. */
export function refineTriage(
  rule: TriageResult,
  llmSuggestion: unknown,
  profile?: CompanyProfile | null,
): RefineResult {
  const reject = (reason: string): RefineResult => ({ result: rule, accepted: false, reason });
  let raw = llmSuggestion;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      return reject('LLM answer is not valid JSON');
    }
  }
  const parsed = llmTriageSchema.safeParse(raw);
  if (!parsed.success)
    return reject(`LLM answer does not match the triage shape: ${parsed.error.issues[0]?.message}`);
  const { activatedDomains, confidence } = parsed.data;
  const unknown = activatedDomains.filter((d) => !isDomainId(d));
  if (unknown.length) return reject(`unknown domain ids: ${unknown.join(', ')}`);
  const ids = activatedDomains as DomainId[];
  if (new Set(ids).size !== ids.length) return reject('duplicate domains');
  if (ids.length < MIN_ACTIVATED || ids.length > MAX_ACTIVATED) {
    return reject(`${ids.length} domains activated; ${MIN_ACTIVATED}–${MAX_ACTIVATED} required`);
  }
  const inapplicable = ids.filter((d) => rule.domains.find((x) => x.domain === d)!.score < 1);
  if (inapplicable.length) return reject(`not applicable to this company: ${inapplicable.join(', ')}`);
  const missing = lockedDomains(rule, profile).filter((d) => !ids.includes(d));
  if (missing.length) return reject(`required domains dropped: ${missing.join(', ')}`);

  const reasons: Record<string, string> = Array.isArray(parsed.data.reasons)
    ? Object.fromEntries(parsed.data.reasons.map((r) => [r.domain, r.reason]))
    : parsed.data.reasons;
  const domains = rule.domains.map((d) => {
    const { reason: ruleReason, ...rest } = d;
    const entry: DomainTriage = { ...rest };
    if (ids.includes(d.domain)) {
      const llmReason = reasons[d.domain]?.trim();
      entry.reason = llmReason
        ? llmReason.slice(0, 1000)
        : (ruleReason ?? `Activated by the triage analyst.`);
      if (ruleReason?.includes(REQUIRED_MARK) && !entry.reason.includes(REQUIRED_MARK)) {
        entry.reason = `${entry.reason} ${REQUIRED_MARK}`;
      }
    } else if (d.score < 1) {
      entry.reason = ruleReason;
    }
    return entry;
  });
  const result = triageResultSchema.parse({
    activatedDomains: ids,
    domains,
    // The LLM's self-reported confidence is averaged with the rule's, which is grounded in coverage.
    confidence: round2((rule.confidence + confidence) / 2),
    source: 'llm',
  });
  return { result, accepted: true };
}
