import { MutationCache, QueryCache, QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError, apiFetch } from './client';
import type { AdminAssessment, Assessment, AssessmentSummary, Me, OutboxEmail, Questionnaire } from './types';
import { hasSessionHint, setLocalModeHint, setSessionHint } from '../lib/storage';

export const queryKeys = {
  me: ['me'] as const,
  questionnaire: ['questionnaire'] as const,
  assessments: ['assessments'] as const,
  assessment: (id: string) => ['assessment', id] as const,
  admin: ['admin', 'assessments'] as const,
  outbox: ['outbox'] as const,
  settings: ['settings'] as const,
};

export interface PublicSettings {
  paymentRequired: boolean;
  priceGbpPence: number;
  localMode: boolean;
  /** Where clients write to (SUPPORT_EMAIL). */
  contactEmail?: string;
}

/** GET /api/settings: what a signed-out visitor may know (price, payments, local mode). */
export function usePublicSettings() {
  return useQuery({
    queryKey: queryKeys.settings,
    queryFn: () => apiFetch<PublicSettings>('/api/settings'),
    staleTime: 5 * 60_000,
  });
}

/** GET /api/me; null when there is no session (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiFetch<Me>('/api/me');
    setSessionHint(true);
    setLocalModeHint(!!me.settings?.localMode);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setSessionHint(false);
      return null;
    }
    throw err;
  }
}

/** Fetches GET /api/me now, whatever is cached (after login the cache may still hold `null`). */
export function refreshMe(client: QueryClient): Promise<Me | null> {
  return client.fetchQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 0 });
}

export function createQueryClient(): QueryClient {
  // A 401 from any call means the session is gone: forget the user so the auth guard sends them to /login.
  const onError = (err: unknown) => {
    if (err instanceof ApiError && err.status === 401) {
      setSessionHint(false);
      client.setQueryData(queryKeys.me, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failureCount, err) => {
          if (err instanceof ApiError && err.status >= 400 && err.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}

/**
 * The signed-in user, profile and settings. Public pages pass `enabled: hasSessionHint()` so that a visitor who
 * never signed in causes no 401 request; guarded pages always ask.
 */
export function useMe(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: fetchMe,
    enabled: options.enabled ?? hasSessionHint(),
    staleTime: 60_000,
    // While the API is unreachable (network, 5xx), keep the session and keep trying with backoff, so the app
    // recovers by itself when the API is back; only a 401 means signed out.
    retry: (_count, err) => isTransientError(err),
    retryDelay: (attempt) => Math.min(15_000, 1000 * 2 ** attempt),
  });
}

/** Network failures, timeouts, rate limits and 5xx pass by themselves; other 4xx do not. */
export function isTransientError(err: unknown): boolean {
  if (!(err instanceof ApiError)) return true;
  return err.status === 0 || err.status === 408 || err.status === 429 || err.status >= 500;
}

export function useQuestionnaire() {
  return useQuery({
    queryKey: queryKeys.questionnaire,
    queryFn: () => apiFetch<Questionnaire>('/api/questionnaire'),
    staleTime: 5 * 60_000,
  });
}

export function useAssessments() {
  return useQuery({
    queryKey: queryKeys.assessments,
    queryFn: async () =>
      (await apiFetch<{ assessments: AssessmentSummary[] }>('/api/assessments')).assessments,
  });
}

export function assessmentPath(id: string, rest = ''): string {
  return `/api/assessments/${encodeURIComponent(id)}${rest}`;
}

export function useAssessment(id: string, options: { refetchInterval?: number | false } = {}) {
  return useQuery({
    queryKey: queryKeys.assessment(id),
    queryFn: () => apiFetch<Assessment>(assessmentPath(id)),
    refetchInterval: options.refetchInterval,
  });
}

export function useAdminAssessments() {
  return useQuery({
    queryKey: queryKeys.admin,
    queryFn: async () =>
      (await apiFetch<{ assessments: AdminAssessment[] }>('/api/admin/assessments')).assessments,
    refetchInterval: 30_000,
  });
}

export function useOutbox() {
  return useQuery({
    queryKey: queryKeys.outbox,
    queryFn: async () => (await apiFetch<{ emails: OutboxEmail[] }>('/api/dev/outbox')).emails,
    refetchInterval: 5_000,
  });
}
