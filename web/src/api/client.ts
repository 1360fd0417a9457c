import { apiBaseUrl } from '../runtime-env';

/** An error answer of the API (`{error: {code, message, details}}`), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds from a Retry-After header (429), when given. */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details?: unknown,
    retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'validation_error',
  401: 'unauthorized',
  402: 'payment_required',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'incomplete',
  429: 'rate_limited',
};

/** Absolute or same-origin URL of an API path such as `/api/me`. */
export function apiUrl(path: string): string {
  return `${apiBaseUrl}${path}`;
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Ask for this media type instead of JSON (the answer is then returned as text). */
  accept?: string;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

async function send(path: string, req: ApiRequest): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { Accept: req.accept ?? 'application/json' };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method: req.method ?? 'GET',
      credentials: 'include',
      headers,
      body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
      signal: req.signal,
    });
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'ScaleMap could not be reached. Check your connection and try again.');
  }
  const text = res.status === 204 ? '' : await res.text();
  if (res.ok) return { status: res.status, text };

  let body: ErrorBody | null;
  try {
    body = text ? (JSON.parse(text) as ErrorBody) : null;
  } catch {
    body = null;
  }
  const retryAfterHeader = res.headers?.get?.('Retry-After') ?? null;
  const retryAfter = retryAfterHeader && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : null;
  throw new ApiError(
    res.status,
    body?.error?.code ?? CODE_BY_STATUS[res.status] ?? 'internal',
    body?.error?.message ?? (res.statusText || `Request failed (${res.status})`),
    body?.error?.details,
    retryAfter,
  );
}

/** Calls the API with the session cookie and parses the JSON answer (undefined for 202/204 without a body). */
export async function apiFetch<T>(path: string, req: ApiRequest = {}): Promise<T> {
  const { text } = await send(path, req);
  if (!text) return undefined as T;
  return JSON.parse(text) as T;
}

/** Calls the API and returns the answer as text (HTML deliverables, for example). */
export async function apiFetchText(path: string, req: ApiRequest = {}): Promise<string> {
  const { text } = await send(path, req);
  return text;
}

export function isApiError(err: unknown, status?: number): err is ApiError {
  return err instanceof ApiError && (status === undefined || err.status === status);
}
