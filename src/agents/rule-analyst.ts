import type { SpecialistAnalysis } from '../domain/analysis';
import type { DomainId } from '../domain/domains';
import type { ExtractedDocument } from '../domain/document-facts';
import type { CompanyProfile } from '../domain/profile';
import type { Question } from '../domain/questionnaire/types';
import { analyseDomain } from '../analysis/analyse';

/**
 * Deterministic, rule-based specialist: what runs when no LLM is configured, and the fallback when it fails. The
 * analysis model itself (evidence, severity, benchmarks, bank, quantification) is pure code in src/analysis.
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
  extracted?: ExtractedDocument | null;
}

export interface RuleAnalystInput {
  domain: DomainId;
  persona: { name: string };
  profile: CompanyProfile | null;
  answers: readonly AnalystAnswer[];
  documents: readonly AnalystDocument[];
  questions?: readonly Question[];
}

export { MAX_FINDINGS, MIN_FINDINGS, MAX_RECOMMENDATIONS } from '../analysis/analyse';

/** Health 1–10 (10 healthiest) from a mean answer on the 1–5 concern scale: 1 → 10, 5 → 1, linear (triage estimates). */
export function healthFromMean(mean: number): number {
  const raw = 10 - ((mean - 1) * 9) / 4;
  return Math.min(10, Math.max(1, Math.round(raw)));
}

export function analyseDomainByRules(input: RuleAnalystInput): SpecialistAnalysis {
  return analyseDomain({
    domain: input.domain,
    analyst: input.persona.name,
    profile: input.profile,
    answers: input.answers,
    documents: input.documents,
    questions: input.questions,
  });
}
