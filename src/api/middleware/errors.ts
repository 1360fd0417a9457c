import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError } from '../../errors';
import { logger } from '../../logger';
import { isDependencyUnavailable, RETRY_AFTER_SECONDS } from '../../db/unavailable';

export function sendError(
  res: Parameters<RequestHandler>[1],
  status: number,
  code: string,
  message: string,
  details?: unknown,
) {
  res.status(status).json({ error: { code, message, details: details ?? null } });
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendError(res, 404, 'not_found', `No route for ${req.method} ${req.path}`);
};

/** The one place errors become HTTP answers: `{"error": {"code", "message", "details"}}`. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof AppError) {
    return sendError(res, err.status, err.code, err.message, err.details);
  }
  if (err instanceof ZodError) {
    return sendError(res, 400, 'validation_error', 'The request is not valid', formatZodIssues(err));
  }
  // body-parser and friends
  const type = (err as { type?: string }).type;
  // Stripe's SDK errors (unreachable, refused, malformed answer): the payment provider failed, not us.
  if (typeof type === 'string' && /^Stripe\w*Error$/.test(type)) {
    (req.log ?? logger).error({ err: { type, message: (err as Error).message } }, 'payment provider error');
    return sendError(
      res,
      502,
      'payment_provider_error',
      'The payment provider could not be reached, please try again in a few minutes',
    );
  }
  const status = (err as { status?: number }).status;
  if (type === 'entity.too.large')
    return sendError(res, 413, 'payload_too_large', 'The request body is too large');
  if (type === 'entity.parse.failed')
    return sendError(res, 400, 'malformed_json', 'The request body is not valid JSON');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported')
    return sendError(res, 415, 'unsupported_media_type', 'Unsupported body encoding');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return sendError(res, status, 'bad_request', (err as Error).message || 'Bad request');
  }
  // The database or another dependency is down or frozen: nothing was done, the same request can be retried.
  if (isDependencyUnavailable(err)) {
    (req.log ?? logger).warn({ err: describe(err) }, 'dependency unavailable');
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    return sendError(
      res,
      503,
      'service_unavailable',
      'The service is briefly unavailable. Please try again in a few seconds.',
    );
  }
  (req.log ?? logger).error({ err }, 'unhandled error');
  sendError(res, 500, 'internal', 'Something went wrong on our side');
};

export function formatZodIssues(err: ZodError) {
  return err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function describe(err: unknown) {
  const e = err as { name?: string; code?: string; message?: string };
  return { name: e?.name, code: e?.code, message: String(e?.message ?? '').slice(0, 300) };
}
