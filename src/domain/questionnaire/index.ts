import { DOMAINS, type DomainId } from '../domains';
import { profileFacts, type CompanyProfile, type ProfileFacts } from '../profile';
import { changeManagement } from './domains/change-management';
import { customerExperience } from './domains/customer-experience';
import { customerSuccess } from './domains/customer-success';
import { financialManagement } from './domains/financial-management';
import { operationalExcellence } from './domains/operational-excellence';
import { partnerships } from './domains/partnerships';
import { peopleOrganization } from './domains/people-organization';
import { revenueEngine } from './domains/revenue-engine';
import { riskCompliance } from './domains/risk-compliance';
import { strategicAlignment } from './domains/strategic-alignment';
import { supplyChain } from './domains/supply-chain';
import { technologyData } from './domains/technology-data';
import type { DomainDefinition, FollowUp, Question } from './types';

export type * from './types';

/**
 * Version of the questionnaire content, stored with each assessment. Bump it whenever a question's
 * meaning, options or conditions change; never reuse a question id for a different question.
 */
export const QUESTIONNAIRE_VERSION = 1;

/** A domain is complete when at least this share of its applicable questions is answered (DOMAIN.md). */
export const COMPLETION_THRESHOLD = 0.8;

const BY_DOMAIN: Record<DomainId, DomainDefinition> = {
  'strategic-alignment': strategicAlignment,
  'financial-management': financialManagement,
  'revenue-engine': revenueEngine,
  'operational-excellence': operationalExcellence,
  'people-organization': peopleOrganization,
  'technology-data': technologyData,
  'customer-experience': customerExperience,
  'supply-chain': supplyChain,
  'risk-compliance': riskCompliance,
  partnerships: partnerships,
  'customer-success': customerSuccess,
  'change-management': changeManagement,
};

/** The twelve domain definitions, in DOMAINS order. */
export const DOMAIN_DEFINITIONS: readonly DomainDefinition[] = DOMAINS.map((d) => BY_DOMAIN[d.id]);

/** Every scored question, in domain order. */
export const ALL_QUESTIONS: readonly Question[] = DOMAIN_DEFINITIONS.flatMap((d) => d.questions);

const QUESTIONS_BY_ID = new Map<string, Question>(ALL_QUESTIONS.map((q) => [q.id, q]));
const FOLLOW_UPS_BY_ID = new Map<string, { question: Question; followUp: FollowUp }>(
  ALL_QUESTIONS.flatMap((question) =>
    (question.followUps ?? []).map((followUp) => [followUp.id, { question, followUp }]),
  ),
);

export function questionById(id: string): Question | undefined {
  return QUESTIONS_BY_ID.get(id);
}

/** A free-text follow-up and the scored question it belongs to. */
export function followUpById(id: string): { question: Question; followUp: FollowUp } | undefined {
  return FOLLOW_UPS_BY_ID.get(id);
}

export function domainDefinition(id: DomainId): DomainDefinition {
  return BY_DOMAIN[id];
}

/** A question applies when every one of its conditions is true for the company. */
export function isApplicable(question: Question, facts: ProfileFacts): boolean {
  return (question.conditions ?? []).every((condition) => facts[condition]);
}

/** The questions this company is asked, in domain order. Without a profile only unconditional questions apply. */
export function applicableQuestions(profile: CompanyProfile | null): Question[] {
  return applicableByDomain(profileFacts(profile)).flatMap((d) => d.questions);
}

/**
 * The applicable questions of each domain (domains without any left out), in domain order: computed once per
 * combination of profile facts (at most 2^12) and reused, since the autosave and the assessment read need it on
 * every request. Read-only: callers must not change the arrays.
 */
const APPLICABLE_BY_FACTS = new Map<
  string,
  readonly { def: DomainDefinition; questions: readonly Question[] }[]
>();
function applicableByDomain(facts: ProfileFacts) {
  const key = (Object.keys(facts) as (keyof ProfileFacts)[])
    .sort()
    .map((k) => `${k}=${facts[k] ? 1 : 0}`)
    .join(',');
  let found = APPLICABLE_BY_FACTS.get(key);
  if (!found) {
    found = DOMAIN_DEFINITIONS.map((def) => ({
      def,
      questions: def.questions.filter((q) => isApplicable(q, facts)),
    })).filter((d) => d.questions.length > 0);
    APPLICABLE_BY_FACTS.set(key, found);
  }
  return found;
}

/** Domains with at least one applicable question, in DOMAINS order. */
export function applicableDomains(profile: CompanyProfile | null): DomainId[] {
  const facts = profileFacts(profile);
  return DOMAIN_DEFINITIONS.filter((d) => d.questions.some((q) => isApplicable(q, facts))).map((d) => d.id);
}

export interface AnswerLike {
  questionId: string;
  score?: number | null;
  text?: string | null;
}

export interface DomainProgress {
  domain: DomainId;
  name: string;
  /** Number of applicable scored questions. */
  applicable: number;
  /** Applicable scored questions with a score 1–5. */
  answered: number;
  /** answered / applicable (0–1). */
  ratio: number;
  /** ratio >= COMPLETION_THRESHOLD. */
  complete: boolean;
}

export interface QuestionnaireProgress {
  /** Answered / applicable over all applicable questions (0–1). */
  overall: number;
  /** Every applicable domain is complete: the assessment may be submitted. */
  complete: boolean;
  domains: DomainProgress[];
}

/** A score counts as an answer only when it is an integer from 1 to 5. */
export function isValidScore(score: number | null | undefined): score is number {
  return typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 5;
}

/**
 * Progress per applicable domain. Only scored answers to applicable questions count; follow-up texts,
 * answers to unknown or inapplicable questions and out-of-range scores are ignored.
 */
export function domainProgress(
  profile: CompanyProfile | null,
  answers: readonly AnswerLike[],
): QuestionnaireProgress {
  const answeredIds = new Set<string>();
  for (const a of answers) if (isValidScore(a.score)) answeredIds.add(a.questionId);
  let totalApplicable = 0;
  let totalAnswered = 0;
  const domains: DomainProgress[] = [];
  for (const { def, questions } of applicableByDomain(profileFacts(profile))) {
    const answered = questions.filter((q) => answeredIds.has(q.id)).length;
    const ratio = answered / questions.length;
    domains.push({
      domain: def.id,
      name: def.name,
      applicable: questions.length,
      answered,
      ratio,
      complete: ratio >= COMPLETION_THRESHOLD,
    });
    totalApplicable += questions.length;
    totalAnswered += answered;
  }
  return {
    overall: totalApplicable === 0 ? 0 : totalAnswered / totalApplicable,
    complete: domains.length > 0 && domains.every((d) => d.complete),
    domains,
  };
}
