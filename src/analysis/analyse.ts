import {
  healthBand,
  specialistAnalysisSchema,
  type Finding,
  type Recommendation,
  type SpecialistAnalysis,
} from '../domain/analysis';
import { domainName, type DomainId } from '../domain/domains';
import type { CompanyProfile } from '../domain/profile';
import { ALL_QUESTIONS, isApplicable, isValidScore } from '../domain/questionnaire';
import { profileFacts } from '../domain/profile';
import type { Horizon, Level3, Question } from '../domain/questionnaire/types';
import { DOMAIN_LINKS } from '../domain/triage';
import { alreadyInPlace, fitTemplate, tagsOf, type BankContext } from './bank';
import { businessKind, sizeBand } from './benchmarks';
import { collectEvidence, type EvidenceAnswer, type EvidenceDocument, type EvidenceItem } from './evidence';
import { kpisFor } from './kpis';
import { quantify, rangeText } from './quantify';
import { confidenceOf, severityOf } from './severity';
import { clip, quoteBody } from './text';

/**
 * The evidence-led specialist analysis (rule-based; also the fallback and the guard's reference for the LLM mode).
 * Pure. Everything it writes is built from the company's own facts: the answers (with the question's wording),
 * follow-ups, the profile's challenges and objectives, and the document facts read against the benchmarks.
 */

export interface AnalyseInput {
  domain: DomainId;
  analyst: string;
  profile: CompanyProfile | null;
  answers: readonly EvidenceAnswer[];
  documents: readonly EvidenceDocument[];
  questions?: readonly Question[];
}

export const MAX_FINDINGS = 5;
export const MIN_FINDINGS = 3;
export const MAX_RECOMMENDATIONS = 8;

interface Group {
  key: string;
  items: EvidenceItem[];
  weight: number;
  question?: Question;
  score?: number;
}

const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const stop = (s: string) => s.trim().replace(/[.\s]+$/, '');

function findingSeverity(g: Group): Finding['severity'] {
  if (g.items.some((i) => i.benchmark?.status === 'critical') || g.weight >= 1.8) return 'critical';
  if (g.weight >= 1.0 || (g.score ?? 0) >= 4) return 'high';
  if (g.weight >= 0.4) return 'medium';
  return 'low';
}

/** Groups the concern evidence: one group per question (answer + its follow-ups), one per document figure. */
function groupEvidence(items: EvidenceItem[], relevanceText: string): Group[] {
  const groups = new Map<string, Group>();
  for (const i of items) {
    if (!i.concern || i.kind === 'profile') continue;
    const key = i.kind === 'document' ? `doc:${i.ref}:${i.quote}` : (i.parentId ?? i.ref);
    const g = groups.get(key) ?? { key, items: [], weight: 0, question: i.question, score: i.score };
    g.items.push(i);
    g.weight += i.weight;
    groups.set(key, g);
  }
  // Relevance to what the client said matters: words of the group's topic in the stated challenges.
  const rel = relevanceText.toLowerCase();
  for (const g of groups.values()) {
    const topic = g.question?.topic.toLowerCase() ?? '';
    const words = topic.split(/\W+/).filter((w) => w.length > 4);
    if (words.some((w) => rel.includes(w.slice(0, 6)))) g.weight += 0.4;
  }
  return [...groups.values()].sort((a, b) => b.weight - a.weight || (b.score ?? 0) - (a.score ?? 0));
}

const SOURCE: Record<EvidenceItem['kind'], Finding['evidence'][number]['source']> = {
  answer: 'answer',
  'follow-up': 'follow-up',
  profile: 'profile',
  document: 'document',
};

function toEvidence(i: EvidenceItem): Finding['evidence'][number] {
  return { source: SOURCE[i.kind], ref: i.ref, quote: clip(i.quote, 1000), where: clip(i.where, 400) };
}

function findingFor(g: Group, company: string): Finding {
  const answer = g.items.find((i) => i.kind === 'answer');
  const followUps = g.items.filter((i) => i.kind === 'follow-up');
  const doc = g.items.find((i) => i.kind === 'document');
  const figures = [...new Set(g.items.flatMap((i) => i.figures.map((f) => f.raw)))];
  let title: string;
  const detail: string[] = [];
  if (doc?.benchmark) {
    const b = doc.benchmark;
    title = `${cap(b.benchmark.name)} is ${b.status === 'critical' ? 'well outside' : 'outside'} the usual range`;
    detail.push(
      `${doc.fileName ?? 'Your document'} puts ${b.benchmark.name} at ${quoteBody(doc.quote.split(': ').slice(1).join(': ') || doc.quote)}; for a business like ${company} it is typically ${b.typical}.`,
    );
  } else if (doc) {
    title = `${doc.fileName ?? 'A document you uploaded'} confirms a weakness`;
    detail.push(`This comes from ${doc.fileName ?? 'your document'}, not from the questionnaire alone.`);
  } else if (g.question && (g.score ?? 0) >= 4) {
    title = g.question.weakPractice;
    detail.push(
      g.score === 5
        ? `Your answer on ${g.question.topic} is the most serious of the five options.`
        : `Your answer on ${g.question.topic} is the second most serious of the five options.`,
    );
  } else {
    title = `${cap(g.question?.topic ?? 'This area')} is only partly in place`;
    detail.push(
      `Your answer on ${g.question?.topic ?? 'this'} is in the middle of the scale: not a bottleneck yet. The risk if it slips: ${stop(g.question?.weakPractice ?? 'it becomes one').replace(/^./, (c) => c.toLowerCase())}.`,
    );
  }
  if (followUps.length) {
    detail.push(
      figures.length
        ? `Your follow-up ${followUps.length === 1 ? 'answer gives' : 'answers give'} the figures (${figures.slice(0, 4).join(', ')}) we use to size it.`
        : `Your follow-up ${followUps.length === 1 ? 'answer explains' : 'answers explain'} what it costs in practice.`,
    );
  }
  if (answer && doc) detail.push('The questionnaire answer and the document point the same way.');
  // Evidence: strongest first (follow-ups and documents carry the client's own words and figures), each quote once.
  const ordered = [...g.items].sort(
    (a, b) =>
      (b.kind === 'follow-up' || b.kind === 'document' ? 1 : 0) -
        (a.kind === 'follow-up' || a.kind === 'document' ? 1 : 0) || b.weight - a.weight,
  );
  return {
    title: clip(title, 300),
    detail: clip(detail.join(' '), 2000),
    severity: findingSeverity(g),
    evidence: ordered.map(toEvidence),
  };
}

function strengthFinding(i: EvidenceItem): Finding {
  const q = i.question!;
  return {
    title: clip(`${cap(q.topic)} is a strength`, 300),
    detail: `Your answer on ${q.topic} is a strength to protect while other areas change.`,
    severity: 'low',
    evidence: [toEvidence(i)],
  };
}

const unit = (n: number) => Math.min(1, Math.max(0, n));

function templateRecommendation(
  domain: DomainId,
  q: Question,
  index: number,
  fitted: { title: string; action: string },
): Recommendation {
  const t = q.recommendations[index];
  return {
    id: `${domain}:${q.id}:${index}`,
    domain,
    horizon: t.horizon,
    title: clip(fitted.title, 300),
    action: clip(fitted.action, 2000),
    impact: t.impact,
    effort: t.effort,
    scores: {
      revenue: unit(t.revenueImpact),
      efficiency: unit(t.efficiencyImpact),
      competitive: unit(t.competitiveImpact),
      strategic: unit(t.strategicImpact),
    },
    basedOn: [q.id],
    tags: tagsOf(fitted.title, fitted.action),
  };
}

const LEVEL_RANK: Record<Level3, number> = { low: 0, medium: 1, high: 2 };
const LEVELS: readonly Level3[] = ['low', 'medium', 'high'];
function medianLevel(levels: Level3[]): Level3 {
  const sorted = levels.map((l) => LEVEL_RANK[l]).sort((a, b) => a - b);
  return LEVELS[sorted[Math.floor((sorted.length - 1) / 2)] ?? 1];
}
const HORIZONS: readonly Horizon[] = ['quick-win', '30-90-days', 'strategic'];

export function analyseDomain(input: AnalyseInput): SpecialistAnalysis {
  const ev = collectEvidence(input);
  if (ev.applicable.length === 0)
    throw new Error(`${input.domain} has no applicable questions for this profile`);
  const company = input.profile?.companyName?.trim() || 'your company';
  const sev = severityOf(ev);
  const healthScore = sev.health;
  const band = healthBand(healthScore);
  const name = domainName(input.domain);
  const relevanceText = `${input.profile?.challenges ?? ''} ${input.profile?.objectives ?? ''}`;

  // Findings: by evidence weight and relevance, never by question order; each quote used once.
  const groups = groupEvidence(ev.items, relevanceText);
  const used = new Set<string>();
  const findings: Finding[] = [];
  for (const g of groups) {
    if (findings.length >= MAX_FINDINGS) break;
    const f = findingFor(g, company);
    f.evidence = f.evidence.filter((e) => {
      const k = e.quote.toLowerCase();
      if (used.has(k)) return false;
      used.add(k);
      return true;
    });
    if (f.evidence.length) findings.push(f);
  }
  // The client's stated challenge, quoted once, on the most relevant finding (or as its own when nothing else).
  const stated = ev.items.find((i) => i.kind === 'profile' && i.concern);
  if (stated && !used.has(stated.quote.toLowerCase())) {
    used.add(stated.quote.toLowerCase());
    if (findings.length) findings[0].evidence.push(toEvidence(stated));
    else
      findings.push({
        title: `You named ${name.toLowerCase()} among your main challenges`,
        detail:
          'Your questionnaire answers in this domain are milder than your own description, so we weigh both.',
        severity: 'medium',
        evidence: [toEvidence(stated)],
      });
  }
  const strengths = ev.items
    .filter((i) => i.kind === 'answer' && !i.concern)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
  for (const s of strengths) {
    if (findings.length >= MIN_FINDINGS + (findings.length < MAX_FINDINGS && band !== 'critical' ? 1 : 0))
      break;
    if (used.has(s.quote.toLowerCase())) continue;
    used.add(s.quote.toLowerCase());
    findings.push(strengthFinding(s));
  }
  if (findings.length < MIN_FINDINGS) {
    const answeredIds = new Set(ev.answered.map((a) => a.question.id));
    const missing = ev.applicable.filter((q) => !answeredIds.has(q.id));
    for (const q of missing.slice(0, MIN_FINDINGS - findings.length)) {
      findings.push({
        title: `Not yet known: ${q.topic}`,
        detail: `This question was left unanswered, so the analysis cannot judge ${q.topic}; it lowers the confidence.`,
        severity: 'low',
        evidence: [{ source: 'profile', ref: 'questionnaire', quote: 'no answer given', where: q.prompt }],
      });
    }
  }
  while (findings.length < MIN_FINDINGS) {
    findings.push({
      title: `Little evidence on ${name.toLowerCase()}`,
      detail: `Only ${ev.answered.length} ${ev.answered.length === 1 ? 'answer relates' : 'answers relate'} to this domain.`,
      severity: 'low',
      evidence: [
        {
          source: 'profile',
          ref: 'profile',
          quote: input.profile
            ? `${input.profile.industry}, ${input.profile.revenueBand}, ${input.profile.teamSize}`
            : 'no profile',
          where: 'your company profile',
        },
      ],
    });
  }

  // Recommendations: from the heaviest evidence first, fitted to size and model, never restarting a practice.
  const scores = new Map<string, number>();
  for (const a of input.answers) if (isValidScore(a.score)) scores.set(a.questionId, a.score);
  const bank: BankContext = {
    kind: businessKind(input.profile),
    size: sizeBand(input.profile),
    teamSize: input.profile?.teamSize ?? '11-50',
    founderSells: (scores.get('rev-08') ?? 0) >= 4 || input.profile?.teamSize === '1-10',
    evidence: ev,
    scores,
  };
  const sourceQuestions: Question[] = [];
  for (const g of groups)
    if (g.question && !sourceQuestions.includes(g.question) && (g.score ?? 0) >= 3)
      sourceQuestions.push(g.question);
  if (sourceQuestions.length === 0) {
    const weakest = [...ev.answered].sort((a, b) => b.score - a.score).slice(0, 2);
    sourceQuestions.push(...weakest.map((a) => a.question));
  }
  const candidates: Recommendation[] = [];
  const skipped: string[] = [];
  for (const q of sourceQuestions) {
    q.recommendations.forEach((tpl, i) => {
      const inPlace = alreadyInPlace(tpl, bank, q);
      if (inPlace) {
        skipped.push(tpl.title);
        return;
      }
      const fitted = fitTemplate(tpl, q, bank);
      if (fitted) candidates.push(templateRecommendation(input.domain, q, i, fitted));
    });
  }
  // A document red flag gets its own, measured recommendation.
  const flag = ev.items.find((i) => i.benchmark && i.benchmark.status !== 'healthy');
  if (flag?.benchmark) {
    const b = flag.benchmark;
    candidates.unshift({
      id: `${input.domain}:benchmark:${b.benchmark.id}`,
      domain: input.domain,
      horizon: '30-90-days',
      title: clip(`Bring ${b.benchmark.name} back within range`, 300),
      action: clip(
        `Set a 90-day target for ${b.benchmark.name} (now ${quoteBody(flag.quote.split(': ').slice(1).join(': ') || flag.quote)} in ${flag.fileName ?? 'your figures'}; typically ${b.typical}), review it every month with its owner, and work on its two largest causes first.`,
        2000,
      ),
      impact: 'high',
      effort: 'medium',
      scores: { revenue: 0.7, efficiency: 0.5, competitive: 0.4, strategic: 0.6 },
      basedOn: [],
      tags: ['process'],
    });
  }
  const chosen: Recommendation[] = [];
  for (const h of HORIZONS) {
    const c = candidates.find((r) => r.horizon === h && !chosen.includes(r));
    if (c) chosen.push(c);
  }
  for (const c of candidates) if (chosen.length < MAX_RECOMMENDATIONS && !chosen.includes(c)) chosen.push(c);
  const order = new Map(candidates.map((c, i) => [c.id, i]));
  const recommendations = chosen
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .slice(0, MAX_RECOMMENDATIONS);
  if (recommendations.length === 0) {
    const q = sourceQuestions[0] ?? ev.applicable[0];
    recommendations.push({
      id: `${input.domain}:${q.id}:review`,
      domain: input.domain,
      horizon: 'quick-win',
      title: clip(`Check ${q.topic} against what you already do`, 300),
      action: clip(
        `Your answers and documents show the main practices are in place; confirm with the owner that ${stop(q.strength).toLowerCase()} still holds at the next quarter's volume.`,
        2000,
      ),
      impact: 'low',
      effort: 'low',
      scores: { revenue: 0.2, efficiency: 0.3, competitive: 0.2, strategic: 0.3 },
      basedOn: [q.id],
      tags: ['process'],
    });
  }

  // Impact, in £ where the client's figures allow.
  const q = quantify(ev, input.profile);
  const range = rangeText(q);
  const impact = clip(
    range
      ? `Worth about ${range} to ${company}. ${q.assumptions.join(' ')}`
      : `We cannot price this yet. Measure first: ${q.measureFirst ?? 'the main figure of this domain'}.`,
    2000,
  );

  const top = findings.filter((f) => f.severity !== 'low').slice(0, 2);
  const coverage = `${ev.answered.length} of ${ev.applicable.length} questions answered${ev.followUpsAnswered ? `, ${ev.followUpsAnswered} follow-up ${ev.followUpsAnswered === 1 ? 'answer' : 'answers'}` : ''}${ev.documentsRead ? `, ${ev.documentsRead} ${ev.documentsRead === 1 ? 'document' : 'documents'} read` : ''}`;
  const summaryParts = [`${name} at ${company}: health ${healthScore}/10 (${band}), from ${coverage}.`];
  if (top.length)
    summaryParts.push(
      `Main ${top.length === 1 ? 'issue' : 'issues'}: ${top.map((f) => stop(f.title).replace(/^./, (c) => c.toLowerCase())).join('; ')}.`,
    );
  if (ev.practices.length)
    summaryParts.push(
      `Already in place: ${stop(ev.practices[0].text).replace(/^./, (c) => c.toLowerCase())}.`,
    );
  if (skipped.length) summaryParts.push('Advice you already follow has been left out.');

  return specialistAnalysisSchema.parse({
    domain: input.domain,
    analyst: input.analyst,
    healthScore,
    band,
    summary: clip(summaryParts.join(' '), 3000),
    findings: findings.slice(0, MAX_FINDINGS),
    recommendations,
    impact,
    effort: medianLevel(recommendations.map((r) => r.effort)),
    // Only domains that apply to this company (no supply chain for a services firm).
    dependencies: DOMAIN_LINKS.filter(
      (l) =>
        l.to === input.domain &&
        (input.questions ?? ALL_QUESTIONS).some(
          (q) => q.domain === l.from && isApplicable(q, profileFacts(input.profile)),
        ),
    ).map((l) => ({ domain: l.from, reason: l.reason })),
    confidence: confidenceOf(ev),
    severity: { score: sev.score, drivers: sev.drivers },
    relevance: ev.relevance,
    coverage: {
      answered: ev.answered.length,
      applicable: ev.applicable.length,
      followUpsAnswered: ev.followUpsAnswered,
      followUpsInvited: ev.followUpsInvited,
      documentsRead: ev.documentsRead,
    },
    quantified: q,
    kpis: kpisFor(input.domain, ev),
    practicesInPlace: ev.practices.slice(0, 12).map((p) => clip(p.text, 300)),
  });
}
