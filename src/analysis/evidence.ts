import type { ExtractedDocument } from '../domain/document-facts';
import type { DomainId } from '../domain/domains';
import { profileFacts, type CompanyProfile } from '../domain/profile';
import { ALL_QUESTIONS, isApplicable, isValidScore } from '../domain/questionnaire';
import type { Question } from '../domain/questionnaire/types';
import { businessKind, readAgainstBenchmarks, type BenchmarkReading } from './benchmarks';
import { parseFigures, sentencesAbout, verbatimExcerpt, vocabularyHits, type ParsedFigure } from './text';

/**
 * Evidence: every piece of what the client told us or gave us that bears on one domain, each with a verbatim quote,
 * a client-readable origin ("where") and a weight. Pure: no I/O. Severity, findings, quantification and the kits
 * are all built from these items, so the prose follows the company's own facts.
 */

export interface EvidenceAnswer {
  questionId: string;
  score?: number | null;
  text?: string | null;
}

export interface EvidenceDocument {
  fileName: string;
  domain?: string | null;
  contentType: string;
  extracted?: ExtractedDocument | null;
}

export type EvidenceKind = 'answer' | 'follow-up' | 'profile' | 'document';

export interface EvidenceItem {
  kind: EvidenceKind;
  /** Internal reference (question id, "challenges", file name). Never shown to the client. */
  ref: string;
  /** Client-readable origin. */
  where: string;
  /** Verbatim from the client's inputs or the document. */
  quote: string;
  weight: number;
  /** Concern (true) or a practice already in place / healthy figure (false). */
  concern: boolean;
  question?: Question;
  score?: number;
  figures: ParsedFigure[];
  benchmark?: BenchmarkReading;
  /** Follow-ups: the question they follow. */
  parentId?: string;
  fileName?: string;
}

/** Questions whose 4–5 answer is serious by design: cash, key people, security, continuity, concentration, churn. */
export const CRITICAL_BY_DESIGN = new Set([
  'fin-01',
  'fin-07',
  'rev-08',
  'ppl-03',
  'ppl-04',
  'tech-05',
  'tech-08',
  'risk-02',
  'risk-07',
  'risk-09',
  'cs-03',
  'sc-01',
  'sc-02',
]);

export interface DomainEvidence {
  domain: DomainId;
  applicable: Question[];
  answered: { question: Question; score: number }[];
  items: EvidenceItem[];
  /** 0–1: the domain's match with the client's stated challenges and objectives. */
  relevance: number;
  followUpsInvited: number;
  followUpsAnswered: number;
  documentsRead: number;
  documentsNotRead: number;
  /** Practices the client already has (answers 1–2 and documents showing them), as readable phrases. */
  practices: { questionId?: string; text: string; fileName?: string }[];
  /** Lower-case text of every document's name, tables and fact labels in play, for "already in place" guards. */
  documentText: string;
}

export interface EvidenceInput {
  domain: DomainId;
  profile: CompanyProfile | null;
  answers: readonly EvidenceAnswer[];
  documents: readonly EvidenceDocument[];
  questions?: readonly Question[];
}

function answerWeight(q: Question, score: number): number {
  const base = score >= 5 ? 1 : score === 4 ? 0.7 : score === 3 ? 0.3 : 0;
  return base + (score >= 4 && CRITICAL_BY_DESIGN.has(q.id) ? 0.3 : 0);
}

/** Whether a document bears on the domain: its declared domain, or facts mapped to it. */
function documentFactsFor(doc: EvidenceDocument, domain: DomainId) {
  const x = doc.extracted;
  if (!x || x.status !== 'read') return [];
  return x.facts.filter(
    (f) =>
      f.domains.includes(domain) ||
      (f.domains.length === 0 && (x.declaredDomain === domain || doc.domain === domain)),
  );
}

export function collectEvidence(input: EvidenceInput): DomainEvidence {
  const questions = input.questions ?? ALL_QUESTIONS;
  const facts = profileFacts(input.profile);
  const kind = businessKind(input.profile);
  const applicable = questions.filter((q) => q.domain === input.domain && isApplicable(q, facts));
  const scores = new Map<string, number>();
  const texts = new Map<string, string>();
  for (const a of input.answers) {
    if (isValidScore(a.score)) scores.set(a.questionId, a.score);
    if (typeof a.text === 'string' && a.text.trim()) texts.set(a.questionId, a.text.trim());
  }
  const items: EvidenceItem[] = [];
  const answered: DomainEvidence['answered'] = [];
  const practices: DomainEvidence['practices'] = [];
  let followUpsInvited = 0;
  let followUpsAnswered = 0;

  for (const q of applicable) {
    const score = scores.get(q.id);
    if (score === undefined) continue;
    answered.push({ question: q, score });
    const label = q.options[score - 1];
    if (score <= 2) {
      practices.push({ questionId: q.id, text: q.strength });
      items.push({
        kind: 'answer',
        ref: q.id,
        where: q.prompt,
        quote: label,
        weight: 0,
        concern: false,
        question: q,
        score,
        figures: [],
      });
      continue;
    }
    items.push({
      kind: 'answer',
      ref: q.id,
      where: q.prompt,
      quote: label,
      weight: answerWeight(q, score),
      concern: true,
      question: q,
      score,
      figures: [],
    });
    if (score >= 4 && q.followUps?.length) {
      followUpsInvited += q.followUps.length;
      for (const f of q.followUps) {
        const text = texts.get(f.id);
        if (!text) continue;
        followUpsAnswered++;
        const quote = verbatimExcerpt(text, 320, /£|\d/);
        const figures = parseFigures(text);
        items.push({
          kind: 'follow-up',
          ref: f.id,
          where: f.prompt,
          quote,
          weight: 0.55 + (figures.length ? 0.25 : 0) + Math.min(0.2, text.length / 1500),
          concern: true,
          question: q,
          score,
          figures,
          parentId: q.id,
        });
      }
    }
  }

  // The profile: challenges and objectives, sentence by sentence, matched to the domain's vocabulary.

  const challenges = input.profile?.challenges?.trim() ?? '';
  const objectives = input.profile?.objectives?.trim() ?? '';
  const challengeHits = challenges ? sentencesAbout(challenges, input.domain) : [];
  const objectiveHits = objectives ? sentencesAbout(objectives, input.domain) : [];
  challengeHits.slice(0, 2).forEach((s, i) => {
    items.push({
      kind: 'profile',
      ref: 'challenges',
      where: 'the challenges you named in your company profile',
      quote: verbatimExcerpt(s, 300),
      weight: i === 0 ? 0.8 : 0.5,
      concern: true,
      figures: parseFigures(s),
    });
  });
  objectiveHits.slice(0, 1).forEach((s) => {
    items.push({
      kind: 'profile',
      ref: 'objectives',
      where: 'the objectives in your company profile',
      quote: verbatimExcerpt(s, 300),
      weight: 0.3,
      concern: false,
      figures: parseFigures(s),
    });
  });
  const relevance = Math.min(
    1,
    0.4 * Math.min(2, challengeHits.length) +
      0.2 * Math.min(1, objectiveHits.length) +
      (challengeHits.length ? 0.1 * Math.min(2, vocabularyHits(challenges, input.domain) - 1) : 0),
  );

  // Documents: facts against the benchmarks, statements, and the practices the documents show.
  let documentsRead = 0;
  let documentsNotRead = 0;
  const docWords: string[] = [];
  for (const doc of input.documents) {
    const x = doc.extracted;
    const declared = (x?.declaredDomain ?? doc.domain) === input.domain;
    const relevant = documentFactsFor(doc, input.domain);
    if (!x || x.status !== 'read') {
      if (declared) documentsNotRead++;
      continue;
    }
    if (!declared && relevant.length === 0) continue;
    documentsRead++;
    docWords.push(
      doc.fileName,
      ...x.tables.map((t) => `${t.name} ${t.headers.join(' ')}`),
      ...x.facts.map((f) => f.label),
      x.text.slice(0, 4000),
    );
    let used = 0;
    for (const f of relevant) {
      const reading = readAgainstBenchmarks(f, kind);
      const quote = `${f.label}: ${f.value}`;
      const where = `${doc.fileName}${f.location ? `, ${f.location}` : ''}`;
      if (reading) {
        items.push({
          kind: 'document',
          ref: doc.fileName,
          where,
          quote,
          weight: reading.status === 'critical' ? 1.3 : reading.status === 'warning' ? 0.8 : 0,
          concern: reading.status !== 'healthy',
          figures: parseFigures(f.value),
          benchmark: reading,
          fileName: doc.fileName,
        });
        used++;
      } else if (f.kind === 'statement' && used < 6) {
        items.push({
          kind: 'document',
          ref: doc.fileName,
          where,
          quote: verbatimExcerpt(f.value, 300),
          weight: 0.45,
          concern: true,
          figures: parseFigures(f.value),
          fileName: doc.fileName,
        });
        used++;
      } else if (used < 6 && (f.number !== undefined || f.latest !== undefined)) {
        items.push({
          kind: 'document',
          ref: doc.fileName,
          where,
          quote,
          weight: f.trend ? 0.35 : 0.25,
          concern: true,
          figures: parseFigures(f.value),
          fileName: doc.fileName,
        });
        used++;
      }
    }
    if (used === 0 && x.text) {
      // A prose document with no labelled figures: its most relevant sentence.
      const s = sentencesAbout(x.text, input.domain)[0];
      if (s) {
        items.push({
          kind: 'document',
          ref: doc.fileName,
          where: doc.fileName,
          quote: verbatimExcerpt(s, 300),
          weight: 0.35,
          concern: true,
          figures: parseFigures(s),
          fileName: doc.fileName,
        });
      }
    }
  }

  return {
    domain: input.domain,
    applicable,
    answered,
    items,
    relevance: Math.round(relevance * 100) / 100,
    followUpsInvited,
    followUpsAnswered,
    documentsRead,
    documentsNotRead,
    practices,
    documentText: docWords.join(' ').toLowerCase(),
  };
}
