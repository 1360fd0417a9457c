import type { QuestionnaireDomain } from '../api/types';
import type { AnswerMap } from './useAutosave';

/** A domain counts as complete at 80% of its applicable questions answered (DOMAIN.md). */
export const COMPLETE_RATIO = 0.8;

export interface LocalProgress {
  applicable: number;
  answered: number;
  ratio: number;
  complete: boolean;
}

export function isAnswered(answers: AnswerMap, questionId: string): boolean {
  return typeof answers[questionId]?.score === 'number';
}

export function domainProgress(domain: QuestionnaireDomain, answers: AnswerMap): LocalProgress {
  const applicable = domain.questions.length;
  const answered = domain.questions.filter((q) => isAnswered(answers, q.id)).length;
  const ratio = applicable ? answered / applicable : 1;
  return { applicable, answered, ratio, complete: ratio >= COMPLETE_RATIO };
}

export function overallProgress(domains: QuestionnaireDomain[], answers: AnswerMap): LocalProgress {
  let applicable = 0;
  let answered = 0;
  let complete = true;
  for (const d of domains) {
    const p = domainProgress(d, answers);
    applicable += p.applicable;
    answered += p.answered;
    if (!p.complete) complete = false;
  }
  return { applicable, answered, ratio: applicable ? answered / applicable : 0, complete };
}
