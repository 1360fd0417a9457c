import type { RequestHandler } from 'express';
import type { Config } from '../../config';
import { sendError } from './errors';

/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** A UTF-16 surrogate without its pair: not valid Unicode, refused by PostgreSQL. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasForbiddenCharacters(s: string): boolean {
  return CONTROL.test(s) || LONE_SURROGATE.test(s);
}

/** Paths of every string (and key) in `value` that holds a control character or a lone surrogate. */
export function findForbiddenCharacters(value: unknown, path = '', out: string[] = [], depth = 0): string[] {
  if (out.length >= 20 || depth > 64) return out;
  if (typeof value === 'string') {
    if (hasForbiddenCharacters(value)) out.push(path || '(value)');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findForbiddenCharacters(v, path ? `${path}.${i}` : String(i), out, depth + 1));
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (hasForbiddenCharacters(k)) out.push(p);
      findForbiddenCharacters(v, p, out, depth + 1);
    }
  }
  return out;
}

/**
 * The validation layer's first rule, for every route: no control characters (NUL included; tab and line
 * breaks are text) and no broken Unicode in any text of the body, query or path. A 400 naming the fields.
 */
export const rejectControlCharacters: RequestHandler = (req, res, next) => {
  const problems = [
    ...findForbiddenCharacters(req.body, 'body'),
    ...findForbiddenCharacters(req.query, 'query'),
  ];
  let path = req.path;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    // express answers malformed escapes itself
  }
  if (hasForbiddenCharacters(path)) problems.push('path');
  if (problems.length === 0) return next();
  sendError(
    res,
    400,
    'validation_error',
    'Text may not contain control characters',
    problems.map((p) => ({ path: p, message: 'contains a control character or invalid Unicode' })),
  );
};

/** API answers carry personal data: never stored by browsers or shared caches. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A second line against cross-site request forgery (after SameSite=Lax cookies): a state-changing request
 * that a browser sent from another origin is refused. Allowed: the API's own origin, PUBLIC_URL, CORS_ORIGINS
 * (and the Vite dev server locally). Requests without Origin (API clients, curl) pass unless the browser's
 * Sec-Fetch-Site says cross-site.
 */
export function checkOrigin(
  config: Pick<Config, 'PUBLIC_URL' | 'CORS_ORIGINS' | 'SCALEMAP_RUNTIME'>,
): RequestHandler {
  const allowed = new Set<string>(config.CORS_ORIGINS.map((o) => o.replace(/\/$/, '')));
  if (config.SCALEMAP_RUNTIME === 'local') {
    allowed.add('http://localhost:5173');
    allowed.add('http://127.0.0.1:5173');
  }
  return (req, res, next) => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const origin = req.headers.origin;
    if (!origin) {
      if (req.headers['sec-fetch-site'] === 'cross-site')
        return sendError(res, 403, 'origin_not_allowed', 'Cross-site requests are not allowed');
      return next();
    }
    const own = `${req.protocol}://${req.get('host')}`;
    const publicOrigin = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : undefined;
    if (origin === own || origin === publicOrigin || allowed.has(origin)) return next();
    sendError(res, 403, 'origin_not_allowed', 'Requests from this origin are not allowed', { origin });
  };
}
