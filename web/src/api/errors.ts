import { ApiError } from './client';

/** Wording per error code when the screen has nothing more specific to say. */
const GENERIC: Record<string, string> = {
  network: 'ScaleMap could not be reached. Check your connection and try again.',
  unauthorized: 'Your session has ended. Please log in again.',
  forbidden: 'Your account does not have access to this.',
  not_found: 'We could not find that. It may have been removed, or the link is wrong.',
  payload_too_large: 'That is too large to send (files may be up to 10 MB).',
  unsupported_media_type: 'That file type is not accepted. Use PDF, Word, Excel, CSV, PNG or JPEG.',
  payment_required: 'Payment is needed before the assessment can be submitted.',
  internal: 'Something went wrong on our side. Please try again in a moment.',
};

/** Codes whose API message is written for people and is shown as is. */
const API_MESSAGE_CODES = new Set(['validation_error', 'conflict', 'incomplete']);

export type ErrorOverrides = Partial<Record<string, string>>;

/** A sentence for a person: context-specific wording first, then the API's own message or a generic one. */
export function errorMessage(err: unknown, overrides: ErrorOverrides = {}): string {
  if (!(err instanceof ApiError)) {
    return err instanceof Error && err.message ? err.message : GENERIC.internal;
  }
  const override = overrides[err.code];
  if (override) return override;
  if (err.code === 'rate_limited') {
    const wait = err.retryAfter ? `${err.retryAfter} seconds` : 'a minute';
    return `Too many attempts. Please wait ${wait} and try again.`;
  }
  if (err.code === 'validation_error') {
    // The API's message is generic ("The request body is not valid"); its details name each problem.
    const messages = [...new Set(Object.values(fieldErrorsFromDetails(err.details)))];
    if (messages.length)
      return messages
        .slice(0, 3)
        .map((m) => (/[.!?]$/.test(m) ? m : `${m}.`))
        .join(' ');
  }
  if (API_MESSAGE_CODES.has(err.code) && err.message) return err.message;
  return GENERIC[err.code] ?? (err.message || GENERIC.internal);
}

interface ZodFlat {
  fieldErrors?: Record<string, string[] | undefined>;
}
interface Issue {
  /** The API joins the path with dots ("priorities.0.agreement"); zod itself gives an array. */
  path?: string | (string | number)[];
  message?: string;
}

/**
 * Field errors out of `error.details` of a validation_error. The API sends `[{path: "email", message}]`; zod's own
 * shapes (`{issues}`, path arrays, flattened `{fieldErrors}`) are read too.
 */
export function fieldErrorsFromDetails(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const addIssues = (issues: Issue[]) => {
    for (const issue of issues) {
      const path = issue?.path;
      const key = typeof path === 'string' ? path.split('.')[0] || undefined : path?.[0];
      if (key !== undefined && issue.message && !(String(key) in out)) out[String(key)] = issue.message;
    }
  };
  if (Array.isArray(details)) addIssues(details as Issue[]);
  else if (details && typeof details === 'object') {
    const d = details as { issues?: Issue[] } & ZodFlat;
    if (Array.isArray(d.issues)) addIssues(d.issues);
    if (d.fieldErrors) {
      for (const [key, messages] of Object.entries(d.fieldErrors)) {
        if (messages?.[0] && !(key in out)) out[key] = messages[0];
      }
    }
  }
  return out;
}

export function errorFields(err: unknown): Record<string, string> {
  return err instanceof ApiError && err.code === 'validation_error'
    ? fieldErrorsFromDetails(err.details)
    : {};
}
