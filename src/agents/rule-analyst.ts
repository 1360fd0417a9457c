import {
  healthBand,
  specialistAnalysisSchema,
  type Finding,
  type Recommendation,
  type SpecialistAnalysis,
} from '../domain/analysis';
import { domainName, type DomainId } from '../domain/domains';
import { profileFacts, type CompanyProfile } from '../domain/profile';
import { ALL_QUESTIONS, isApplicable, isValidScore } from '../domain/questionnaire';
import type { Horizon, Level3, Question } from '../domain/questionnaire/types';
import { DOMAIN_LINKS } from '../domain/triage';
import type { ExtractedDocument } from '../domain/document-facts';

/**
 * Deterministic, rule-based specialist. It is the fallback when no LLM is configured (and the
 * baseline the LLM specialists are compared with). Everything it writes comes from the answers:
 * findings cite the chosen option labels and follow-up notes, recommendations come from the
 * question's own templates.
 */

export interface AnalystAnswer {
  questionId: string;
  score?: number | null;
  text?: string | null;
}

export interface AnalystDocument {
  fileName: string;
  domain?: string | null;
  contentType: string;
  /** What was read from the file (src/documents); absent when it has not been read. */
  extracted?: ExtractedDocument;
}

export interface RuleAnalystInput {
  domain: DomainId;
  persona: { name: string };
  profile: CompanyProfile | null;
  answers: readonly AnalystAnswer[];
  documents: readonly AnalystDocument[];
  questions?: readonly Question[];
}

export const MAX_FINDINGS = 5;
export const MIN_FINDINGS = 3;
export const MAX_RECOMMENDATIONS = 8;
const HORIZONS: readonly Horizon[] = ['quick-win', '30-90-days', 'strategic'];

/** Health 1–10 (10 healthiest) from a mean answer on the 1–5 concern scale: 1 → 10, 5 → 1, linear. */
export function healthFromMean(mean: number): number {
  const raw = 10 - ((mean - 1) * 9) / 4;
  return Math.min(10, Math.max(1, Math.round(raw)));
}

interface Answered {
  question: Question;
  order: number;
  score: number;
  label: string;
  notes: { id: string; text: string }[];
}

const clip = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};
const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

function collect(input: RuleAnalystInput) {
  const questions = input.questions ?? ALL_QUESTIONS;
  const facts = profileFacts(input.profile);
  const applicable = questions.filter((q) => q.domain === input.domain && isApplicable(q, facts));
  const scores = new Map<string, number>();
  const texts = new Map<string, string>();
  for (const a of input.answers) {
    if (isValidScore(a.score)) {
      scores.set(a.questionId, a.score);
    }
    if (typeof a.text === 'string' && a.text.trim()) texts.set(a.questionId, a.text.trim());
  }
  const answered: Answered[] = [];
  applicable.forEach((q, order) => {
    const score = scores.get(q.id);
    if (score === undefined) return;
    const notes = (q.followUps ?? [])
      .filter((f) => texts.has(f.id))
      .map((f) => ({ id: f.id, text: texts.get(f.id)! }));
    answered.push({ question: q, order, score, label: q.options[score - 1], notes });
  });
  const documents = input.documents.filter((d) => d.domain === input.domain);
  return { applicable, answered, documents };
}

const weakestFirst = (a: Answered, b: Answered) => b.score - a.score || a.order - b.order;
const strongestFirst = (a: Answered, b: Answered) => a.score - b.score || a.order - b.order;

function evidenceFor(a: Answered): Finding['evidence'] {
  return [
    { source: 'answer', ref: a.question.id, quote: clip(a.label, 1000) },
    ...a.notes.map((n) => ({ source: 'follow-up' as const, ref: n.id, quote: clip(n.text, 1000) })),
  ];
}

function notesText(a: Answered): string {
  return a.notes.length
    ? ` In the founder's words: ${a.notes.map((n) => `“${clip(n.text, 300)}”`).join(' ')}`
    : '';
}

function weakFinding(a: Answered): Finding {
  return {
    title: clip(a.question.weakPractice, 300),
    detail: clip(
      `On ${a.question.topic} the answer was “${a.label}” (${a.score}/5, where 5 is the most serious concern).` +
        notesText(a),
      2000,
    ),
    severity: a.score >= 5 ? 'critical' : 'high',
    evidence: evidenceFor(a),
  };
}

function moderateFinding(a: Answered): Finding {
  return {
    title: clip(`${cap(a.question.topic)} is only partly in place`, 300),
    detail: clip(
      `The answer “${a.label}” (${a.score}/5) puts ${a.question.topic} at an average level: not yet a ` +
        `bottleneck, but the next weakness to watch as the company grows. The risk if it slips: ` +
        `${a.question.weakPractice.replace(/\.$/, '').toLowerCase()}.` +
        notesText(a),
      2000,
    ),
    severity: 'medium',
    evidence: evidenceFor(a),
  };
}

function strengthFinding(a: Answered): Finding {
  return {
    title: clip(`Strength: ${a.question.strength.replace(/\.$/, '')}`, 300),
    detail: clip(
      `On ${a.question.topic} the answer was “${a.label}” (${a.score}/5). This is a strength to build on ` +
        `and to protect while other areas change.` +
        notesText(a),
      2000,
    ),
    severity: 'low',
    evidence: evidenceFor(a),
  };
}

function buildFindings(
  input: RuleAnalystInput,
  answered: Answered[],
  applicable: readonly Question[],
  documents: AnalystDocument[],
): Finding[] {
  const weak = answered.filter((a) => a.score >= 4).sort(weakestFirst);
  const moderate = answered.filter((a) => a.score === 3).sort(weakestFirst);
  const strong = answered.filter((a) => a.score <= 2).sort(strongestFirst);
  const findings: Finding[] = [
    ...weak.map(weakFinding),
    ...moderate.map(moderateFinding),
    ...strong.slice(0, Math.max(0, MIN_FINDINGS - weak.length - moderate.length)).map(strengthFinding),
  ].slice(0, MAX_FINDINGS);

  // A healthy domain with room left gets its clearest strength, so the report names what works.
  if (
    findings.length < MAX_FINDINGS &&
    weak.length > 0 &&
    strong.length > 0 &&
    findings.length >= MIN_FINDINGS
  ) {
    const best = strengthFinding(strong[0]);
    if (!findings.some((f) => f.title === best.title)) findings.push(best);
  }

  const challenges = input.profile?.challenges?.trim();
  if (findings.length < MIN_FINDINGS && challenges) {
    findings.push({
      title: clip(`Founder-reported challenge bearing on ${domainName(input.domain)}`, 300),
      detail: clip(
        `The profile names these challenges: “${clip(challenges, 600)}”. With only ${answered.length} ` +
          `answered question(s) in this domain, they are the main indication of where it is under strain.`,
        2000,
      ),
      severity: 'medium',
      evidence: [{ source: 'profile', ref: 'challenges', quote: clip(challenges, 1000) }],
    });
  }
  if (findings.length < MIN_FINDINGS) {
    const answeredIds = new Set(answered.map((a) => a.question.id));
    const missing = applicable.filter((q) => !answeredIds.has(q.id));
    const topics = missing.map((q) => q.topic);
    findings.push({
      title: clip(`${missing.length} of ${applicable.length} topics in this domain were not answered`, 300),
      detail: clip(
        topics.length
          ? `No answer was given on ${topics.join(', ')}, so this analysis cannot judge them; the gaps lower its confidence.`
          : 'Every applicable question was answered, but too few to support more findings.',
        2000,
      ),
      severity: 'low',
      evidence: [
        {
          source: 'profile',
          ref: 'questionnaire',
          quote: clip(
            missing.length ? `unanswered: ${missing.map((q) => q.id).join(', ')}` : 'all answered',
            1000,
          ),
        },
      ],
    });
  }
  while (findings.length < MIN_FINDINGS) {
    // Only reachable with almost no questions at all: fall back to the profile facts.
    const n = findings.length;
    findings.push({
      title: `Limited evidence for ${domainName(input.domain)} (${n + 1})`,
      detail: `Only ${answered.length} answer(s) and ${documents.length} document(s) relate to this domain.`,
      severity: 'low',
      evidence: [
        {
          source: 'profile',
          ref: 'profile',
          quote: input.profile
            ? `${input.profile.industry}, ${input.profile.revenueBand}, ${input.profile.teamSize}`
            : 'no profile',
        },
      ],
    });
  }
  if (documents.length && findings.length) {
    findings[0] = {
      ...findings[0],
      evidence: [
        ...findings[0].evidence,
        ...documents.slice(0, 3).map((d) => ({
          source: 'document' as const,
          ref: d.fileName,
          quote: `${d.contentType} supplied for ${domainName(input.domain)} (read by name only in the rule-based analysis)`,
        })),
      ],
    };
  }
  return findings;
}

function toRecommendation(domain: DomainId, q: Question, index: number): Recommendation {
  const t = q.recommendations[index];
  const unit = (n: number) => Math.min(1, Math.max(0, n));
  return {
    id: `${domain}:${q.id}:${index}`,
    domain,
    horizon: t.horizon,
    title: clip(t.title, 300),
    action: clip(t.action, 2000),
    impact: t.impact,
    effort: t.effort,
    scores: {
      revenue: unit(t.revenueImpact),
      efficiency: unit(t.efficiencyImpact),
      competitive: unit(t.competitiveImpact),
      strategic: unit(t.strategicImpact),
    },
    basedOn: [q.id],
  };
}

function buildRecommendations(domain: DomainId, answered: Answered[], applicable: readonly Question[]) {
  let sources = answered.filter((a) => a.score >= 3).sort(weakestFirst);
  // A healthy domain still gets advice to consolidate, from its weakest answers.
  if (sources.length === 0) sources = [...answered].sort(weakestFirst).slice(0, 2);
  const candidates = sources.flatMap((a) => a.question.recommendations.map((_, i) => ({ q: a.question, i })));
  const chosen = new Set<number>();
  // Cover every horizon first (earliest = weakest question), then fill in weakest-first order.
  for (const h of HORIZONS) {
    const idx = candidates.findIndex((c) => c.q.recommendations[c.i].horizon === h);
    if (idx >= 0 && chosen.size < MAX_RECOMMENDATIONS) chosen.add(idx);
  }
  for (let idx = 0; idx < candidates.length && chosen.size < MAX_RECOMMENDATIONS; idx++) chosen.add(idx);
  const recs = [...chosen]
    .sort((a, b) => a - b)
    .map((idx) => toRecommendation(domain, candidates[idx].q, candidates[idx].i));
  if (recs.length > 0) return recs;

  // No templates to draw from: a recommendation built from the weakest known topic.
  const q = [...answered].sort(weakestFirst)[0]?.question ?? applicable[0];
  if (!q) throw new Error(`no applicable questions for ${domain}: the rule analyst has nothing to analyse`);
  return [
    {
      id: `${domain}:${q.id}:review`,
      domain,
      horizon: 'quick-win' as const,
      title: clip(`Review ${q.topic}`, 300),
      action: clip(`Check whether this applies: ${q.weakPractice} Agree an owner and a first fix.`, 2000),
      impact: 'medium' as const,
      effort: 'low' as const,
      scores: { revenue: 0.3, efficiency: 0.3, competitive: 0.3, strategic: 0.3 },
      basedOn: [q.id],
    },
  ];
}

const LEVEL_RANK: Record<Level3, number> = { low: 0, medium: 1, high: 2 };
const LEVELS: readonly Level3[] = ['low', 'medium', 'high'];

function medianLevel(levels: Level3[]): Level3 {
  const sorted = levels.map((l) => LEVEL_RANK[l]).sort((a, b) => a - b);
  return LEVELS[sorted[Math.floor((sorted.length - 1) / 2)] ?? 1];
}

export function analyseDomainByRules(input: RuleAnalystInput): SpecialistAnalysis {
  const { applicable, answered, documents } = collect(input);
  if (applicable.length === 0) {
    throw new Error(`${input.domain} has no applicable questions for this profile`);
  }
  const mean = answered.length ? answered.reduce((s, a) => s + a.score, 0) / answered.length : 3;
  const healthScore = healthFromMean(mean);
  const band = healthBand(healthScore);
  const name = domainName(input.domain);

  const findings = buildFindings(input, answered, applicable, documents);
  const recommendations = buildRecommendations(input.domain, answered, applicable);

  const weakest = [...answered]
    .sort(weakestFirst)
    .filter((a) => a.score >= 3)
    .slice(0, 3);
  const strongest = [...answered]
    .sort(strongestFirst)
    .filter((a) => a.score <= 2)
    .slice(0, 2);
  const summaryParts = [
    `${name}: health ${healthScore}/10 (${band}), from ${answered.length} of ${applicable.length} applicable questions` +
      (answered.length
        ? ` (mean ${mean.toFixed(1)} on the 1–5 concern scale).`
        : '; with no answers it is a neutral estimate.'),
  ];
  if (weakest.length) {
    summaryParts.push(
      `The weakest areas are ${weakest.map((a) => `${a.question.topic} (${a.score}/5)`).join(', ')}.`,
    );
  }
  if (strongest.length) {
    summaryParts.push(
      `${strongest.length > 1 ? 'Strengths' : 'A strength'} to build on: ${strongest.map((a) => `${a.question.topic} (${a.score}/5)`).join(', ')}.`,
    );
  }
  if (documents.length)
    summaryParts.push(`${documents.length} supporting document(s) were supplied for this domain.`);
  const summary = clip(summaryParts.join(' '), 3000);

  const highImpact = recommendations.filter((r) => r.impact === 'high');
  const focus = weakest.length ? weakest.map((a) => a.question.topic).join(', ') : 'the current strengths';
  const impact = clip(
    `${highImpact.length} of ${recommendations.length} recommendations are rated high impact. ` +
      `Acting on ${focus} ${band === 'critical' || band === 'warning' ? 'removes a constraint on growth' : 'protects a healthy domain as the company scales'}.`,
    2000,
  );

  const dependencies = DOMAIN_LINKS.filter((l) => l.to === input.domain).map((l) => ({
    domain: l.from,
    reason: l.reason,
  }));

  // Confidence: 70% answer coverage, 15% follow-up notes where a trigger answer invited them, 5% documents.
  const coverage = answered.length / applicable.length;
  const triggered = answered.filter((a) => a.score >= 4 && (a.question.followUps?.length ?? 0) > 0);
  const noteRate = triggered.length
    ? triggered.filter((a) => a.notes.length > 0).length / triggered.length
    : coverage;
  const confidence = Math.min(
    10,
    Math.max(1, Math.round(1 + 7 * coverage + 1.5 * noteRate + (documents.length ? 0.5 : 0))),
  );

  return specialistAnalysisSchema.parse({
    domain: input.domain,
    analyst: input.persona.name,
    healthScore,
    band,
    summary,
    findings,
    recommendations,
    impact,
    effort: medianLevel(recommendations.map((r) => r.effort)),
    dependencies,
    confidence,
  });
}
