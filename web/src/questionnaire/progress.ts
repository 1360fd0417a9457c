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

/** About how long one question takes to read and answer (a five-option statement): 20 seconds. */
export const SECONDS_PER_QUESTION = 20;

/** Estimated time left for the unanswered questions, in minutes (rounded up; 0 when all are answered). */
export function minutesLeft(p: Pick<LocalProgress, 'applicable' | 'answered'>): number {
  return Math.ceil((Math.max(0, p.applicable - p.answered) * SECONDS_PER_QUESTION) / 60);
}

/** "about 4 min left", "under a minute left", "done". */
export function timeLeftLabel(p: Pick<LocalProgress, 'applicable' | 'answered'>): string {
  if (p.answered >= p.applicable) return 'done';
  const min = minutesLeft(p);
  return min <= 1 ? 'about a minute left' : `about ${min} min left`;
}
