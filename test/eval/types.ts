import type { DomainId } from '../../src/domain/domains';
import type { CompanyProfile } from '../../src/domain/profile';
import type { ValidationResponse } from '../../src/domain/validation';

/**
 * One company of the analysis evaluation set (issue 8, "Measure it"): what the client tells ScaleMap
 * (profile, answers, follow-ups, documents, validation) and what an experienced consultant would conclude
 * from the same material (`expected`). The runner (scripts/eval/runner.ts) sends the inputs through the real
 * API and pipeline and compares the deliverables with `expected`.
 */

/** A table as it would appear in a spreadsheet or a CSV export. */
export interface EvalTable {
  /** Sheet name (XLSX) or caption (PDF/DOCX); the CSV format uses the first table only. */
  name: string;
  headers: string[];
  rows: (string | number)[][];
}

/**
 * A document the client uploads. The bytes are generated from this spec (test/eval/documents.ts) in the format
 * given by the file name's extension. Figures listed in `expected.documentFacts` exist only here, never in
 * the answers or follow-ups, so citing them proves the document was read.
 */
export interface EvalDocumentSpec {
  fileName: string;
  /** Domain the client files it under in the upload form (null = not filed). */
  domain: DomainId | null;
  title: string;
  /** Prose and "Label: value" lines (PDF, DOCX). */
  paragraphs?: string[];
  tables?: EvalTable[];
}

export interface PriorityVote {
  /** 1 = strongly disagree ... 5 = strongly agree. */
  agreement: 1 | 2 | 3 | 4 | 5;
  resources: ValidationResponse['priorities'][number]['resources'];
  reason?: string;
  context?: string;
}

/** A recommendation the client must never receive in a given situation, as a pattern over visible text. */
export interface ForbiddenAdvice {
  pattern: RegExp;
  why: string;
}

/**
 * The client's answer to the detailed report's validation request. Votes are given per domain because the
 * runner cannot know the report's recommendation ids in advance: each priority of the report gets the vote
 * of its domain, or `otherwise`.
 */
export interface EvalValidation {
  label: string;
  byDomain: Partial<Record<DomainId, PriorityVote>>;
  otherwise: PriorityVote;
  capacityForChange: ValidationResponse['capacityForChange'];
  timelinePreference: ValidationResponse['timelinePreference'];
  constraints: string;
  successCriteria: string;
  /** People the client names as owners; shown in the kits if validation is used (informational metric). */
  owners: { name: string; role: string; domain: DomainId }[];
  /** Advice this validation's constraints rule out, checked on the kits it produces ("hire" under a freeze). */
  forbidden: ForbiddenAdvice[];
}

export interface EvalCompany {
  /** Short stable key, used on the command line and in the table. */
  key: string;
  /** One line: model, size, the real problem. */
  summary: string;
  /** The API's profile body (PUT /api/me/profile). */
  profile: CompanyProfile;
  /** Score 1–5 for every applicable scored question (1 = strength ... 5 = serious concern). */
  scores: Record<string, 1 | 2 | 3 | 4 | 5>;
  /** Follow-up texts in the founder's voice, by follow-up id; only for questions scored 4–5. */
  followUps: Record<string, string>;
  documents: EvalDocumentSpec[];
  validation: EvalValidation;
  /** The opposite validation: disagrees where the first agreed, very low capacity, freezes. */
  opposite: EvalValidation;
  expected: {
    /** The 3–5 domains a consultant would pick for specialist analysis, most important first. */
    domains: DomainId[];
    /** Domains that are clearly healthy: they must never become priorities. */
    healthy: DomainId[];
    /** Figures that exist only in the documents and that the deliverables should cite; any form counts. */
    documentFacts: { what: string; forms: string[] }[];
    /** The client's own words (verbatim substrings of follow-ups or the profile) a consultant would quote. */
    statements: string[];
    /** Advice that is wrong for this company whatever the validation says. */
    forbidden: ForbiddenAdvice[];
    /** The conclusions a consultant would reach, in prose (for human and model judges). */
    conclusions: string[];
  };
}

/** Advice that breaks a hiring freeze: an instruction to take someone on. */
export const HIRING_STEP: ForbiddenAdvice = {
  pattern:
    /\b(?:hire|recruit|appoint|bring in|take on)\s+(?:a|an|one|two|three|four|five|new|additional|another|more|extra|dedicated|permanent|full-time|senior)\b|\bopen (?:a |the )?(?:new )?(?:role|position|requisition|headcount)\b/i,
  why: 'the client declared a hiring freeze',
};
