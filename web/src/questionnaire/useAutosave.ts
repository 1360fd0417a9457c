import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ApiError } from '../api/client';
import type { Answer, SaveAnswersResponse } from '../api/types';
import { readJson, writeJson } from '../lib/storage';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';
export interface AnswerValue {
  score?: number | null;
  text?: string;
}
export type AnswerMap = Record<string, AnswerValue>;

/**
 * Answer saves in flight or queued, across the app (a save can finish after the questionnaire has unmounted):
 * pages that show progress (the review page) wait for them rather than show stale counts.
 */
let savesOutstanding = 0;
const saveListeners = new Set<() => void>();
function setOutstanding(delta: number) {
  savesOutstanding = Math.max(0, savesOutstanding + delta);
  saveListeners.forEach((l) => l());
}
export function useSavesInFlight(): boolean {
  return (
    useSyncExternalStore(
      (l) => {
        saveListeners.add(l);
        return () => saveListeners.delete(l);
      },
      () => savesOutstanding,
    ) > 0
  );
}

/** The API accepts at most 200 answers per PUT. */
export const MAX_BATCH = 200;

export function answersToMap(answers: readonly Answer[]): AnswerMap {
  const out: AnswerMap = {};
  for (const a of answers) {
    const v: AnswerValue = {};
    if (a.score !== undefined) v.score = a.score;
    if (a.text !== undefined) v.text = a.text;
    out[a.questionId] = { ...out[a.questionId], ...v };
  }
  return out;
}

/** Server answers with a saved batch applied (score null clears an answer). */
export function mergeAnswers(existing: readonly Answer[], batch: readonly Answer[]): Answer[] {
  const byId = new Map(existing.map((a) => [a.questionId, a]));
  for (const a of batch) {
    const merged = { ...byId.get(a.questionId), ...a };
    if (merged.score === null && !merged.text) byId.delete(a.questionId);
    else byId.set(a.questionId, merged);
  }
  return [...byId.values()];
}

/** Question ids a 400 of PUT …/answers refused (`details.answers: [{questionId, message}]`). */
export function refusedAnswerIds(err: unknown): Set<string> {
  if (!(err instanceof ApiError) || err.status !== 400) return new Set();
  const list = (err.details as { answers?: { questionId?: unknown }[] } | null)?.answers;
  if (!Array.isArray(list)) return new Set();
  return new Set(list.map((a) => a?.questionId).filter((id): id is string => typeof id === 'string'));
}

/** Wait before automatic retry number `attempt` (1, 2, …) of a failed save: 1 s, 2 s, 4 s … capped at 30 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/**
 * Whether a failed save can succeed by itself later: network failures, 5xx, 408 and 429 can; a refused batch
 * (400), a lost session (401/403), a missing or submitted assessment (404/409) cannot.
 */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof ApiError)) return true;
  return err.status === 0 || err.status === 408 || err.status === 429 || err.status >= 500;
}

export function unsavedKey(assessmentId: string): string {
  return `scalemap:unsaved:${assessmentId}`;
}

export interface AutosaveOptions {
  assessmentId: string;
  /** Answers from the server; read once, when the hook mounts. */
  initialAnswers: readonly Answer[];
  /** False once the assessment is submitted: changes are ignored. */
  editable: boolean;
  save: (answers: Answer[]) => Promise<SaveAnswersResponse>;
  onSaved?: (batch: Answer[], res: SaveAnswersResponse) => void;
  delayMs?: number;
}

/**
 * Local answers with debounced batch saving. Changes wait `delayMs` (600 ms) for more changes, then go out in
 * one PUT. Nothing is dropped: a failed batch returns to the queue (the newest value of an answer wins), the
 * queue is mirrored to localStorage until the server has it (so a closed tab or crash loses nothing), and it is
 * sent again by itself with backoff (1 s, 2 s, 4 s … 30 s) while the failure is transient, on Retry, on the next
 * change, at once when the browser comes back online, or on the next visit.
 */
export function useAutosave({
  assessmentId,
  initialAnswers,
  editable,
  save,
  onSaved,
  delayMs = 600,
}: AutosaveOptions) {
  const [unsavedAtStart] = useState(() => readJson<Answer[]>(unsavedKey(assessmentId)) ?? []);
  const [answers, setAnswers] = useState<AnswerMap>(() => ({
    ...answersToMap(initialAnswers),
    ...answersToMap(unsavedAtStart),
  }));
  const [state, setState] = useState<SaveState>(unsavedAtStart.length ? 'saving' : 'idle');
  const [error, setError] = useState<unknown>(null);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  /** When the next automatic retry of a failed save happens (null: none planned). */
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const attempts = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const pending = useRef(new Map<string, Answer>());
  const inFlight = useRef<Answer[] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const callbacks = useRef({ save, onSaved, editable });
  useEffect(() => {
    callbacks.current = { save, onSaved, editable };
  });

  const persist = useCallback(() => {
    const all = new Map<string, Answer>();
    for (const a of inFlight.current ?? []) all.set(a.questionId, a);
    for (const a of pending.current.values()) all.set(a.questionId, a);
    writeJson(unsavedKey(assessmentId), all.size ? [...all.values()] : null);
  }, [assessmentId]);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    clearTimeout(retryTimer.current);
    setRetryAt(null);
    if (inFlight.current || pending.current.size === 0) return;
    const batch = [...pending.current.values()].slice(0, MAX_BATCH);
    for (const a of batch) pending.current.delete(a.questionId);
    inFlight.current = batch;
    setState('saving');
    setOutstanding(1);
    try {
      const res = await callbacks.current.save(batch);
      setOutstanding(-1);
      inFlight.current = null;
      persist();
      callbacks.current.onSaved?.(batch, res);
      setLastSavedAt(new Date());
      setError(null);
      attempts.current = 0;
      if (pending.current.size > 0) {
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void flush(), pending.current.size >= MAX_BATCH ? 0 : delayMs);
      } else {
        setState('saved');
      }
    } catch (err) {
      setOutstanding(-1);
      inFlight.current = null;
      // The API rejects a whole batch when one answer is refused (say a conditional question that no longer
      // applies after a profile change). Such an answer can never be saved: drop it, so the rest can be.
      const refused = refusedAnswerIds(err);
      // Back into the queue, unless the client changed that answer again meanwhile (the newer value wins).
      for (const a of batch) {
        if (!pending.current.has(a.questionId) && !refused.has(a.questionId))
          pending.current.set(a.questionId, a);
      }
      persist();
      if (refused.size > 0 && pending.current.size > 0 && batch.some((a) => !refused.has(a.questionId))) {
        void flush();
        return;
      }
      if (refused.size > 0 && pending.current.size === 0) {
        setState('saved');
        return;
      }
      setError(err);
      setState('failed');
      // Try again by itself, backing off (1 s, 2 s, 4 s … 30 s), while the failure can pass.
      if (isTransient(err) && callbacks.current.editable) {
        attempts.current += 1;
        const wait = backoffDelay(attempts.current);
        setRetryAt(Date.now() + wait);
        retryTimer.current = setTimeout(() => void flushRef.current(), wait);
      }
    }
  }, [delayMs, persist]);
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });

  const setAnswer = useCallback(
    (questionId: string, value: AnswerValue) => {
      if (!callbacks.current.editable) return;
      setAnswers((prev) => ({ ...prev, [questionId]: { ...prev[questionId], ...value } }));
      pending.current.set(questionId, { ...pending.current.get(questionId), questionId, ...value });
      persist();
      setState('saving');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush, persist],
  );

  const retry = useCallback(() => {
    attempts.current = 0;
    void flush();
  }, [flush]);

  // Answers left unsaved by an earlier visit go out at once (or are forgotten once the assessment is locked).
  useEffect(() => {
    if (!editable && unsavedAtStart.length > 0) writeJson(unsavedKey(assessmentId), null);
    if (!editable || unsavedAtStart.length === 0) return;
    for (const a of unsavedAtStart) {
      if (!pending.current.has(a.questionId)) pending.current.set(a.questionId, a);
    }
    void flush();
  }, [editable, unsavedAtStart, flush, assessmentId]);

  useEffect(() => {
    // Back online: retry at once instead of waiting for the backoff.
    const onOnline = () => {
      attempts.current = 0;
      if (pending.current.size) void flush();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden' && pending.current.size) void flush();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (pending.current.size || inFlight.current) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onBeforeUnload);
      // Leaving the page: send what is queued now rather than waiting for the debounce.
      clearTimeout(timer.current);
      clearTimeout(retryTimer.current);
      if (pending.current.size) void flush();
    };
  }, [flush]);

  /** Saves are under way or queued: counts shown elsewhere (the review page) may be behind. */
  return { answers, setAnswer, state, error, retry, lastSavedAt, retryAt };
}
