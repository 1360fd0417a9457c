import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { SessionData } from 'express-session';

/** The session cookie's name (express-session's `name` option in createApp). */
export const SESSION_COOKIE = 'scalemap.sid';

/** What a request needs from its session to be authenticated. */
export interface SessionView {
  user: NonNullable<SessionData['user']>;
  createdAt?: number;
  /** Ends the session (e.g. it was revoked by a password reset on another task). */
  end(): Promise<void>;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in session of a request outside /api/auth (set by `readSession`). */
    sessionView?: SessionView;
  }
}

const MAX_COOKIE_HEADERS = 10_000;

/**
 * Reads the session of every request outside /api/auth without express-session: the same signed cookie
 * (`s:<id>.<HMAC-SHA256>`, what express-session writes), the same store, but no Session object to build, hash
 * before and after, or save. Outside /api/auth express-session would do nothing else: with `resave: false`,
 * `rolling: false` and touch disabled it neither writes the record nor sets a cookie when the session is
 * unchanged, and no handler there changes a session; one may end it (`SessionView.end`: a revoked session, an
 * erased account). Sign-in, sign-out, refresh and reset (/api/auth) go through express-session. A cookie whose
 * signature is wrong, a missing or expired record: no user.
 */
export function readSession(opts: {
  secret: string;
  read: (sid: string) => Promise<SessionData | null | undefined>;
  destroy: (sid: string) => Promise<void>;
}): RequestHandler {
  // A browser sends the same Cookie header on every request: it is parsed and its signature checked once
  // (bounded memo of header → session id, or false for no valid session cookie).
  const known = new Map<string, string | false>();
  const sessionId = (header: string): string | false => {
    let sid = known.get(header);
    if (sid !== undefined) return sid;
    const raw = cookieValue(header, SESSION_COOKIE);
    sid = raw?.startsWith('s:') ? unsignCookie(raw.slice(2), opts.secret) : false;
    if (known.size >= MAX_COOKIE_HEADERS) known.clear();
    known.set(header, sid);
    return sid;
  };
  return (req, _res, next) => {
    const header = req.headers.cookie;
    const sid = header ? sessionId(header) : false;
    if (!sid) return next();
    opts.read(sid).then((record) => {
      const expires = record?.cookie?.expires;
      if (record?.user && !(expires && new Date(expires).getTime() <= Date.now())) {
        req.sessionView = { user: record.user, createdAt: record.createdAt, end: () => opts.destroy(sid) };
      }
      next();
    }, next);
  };
}

/** express-session's cookie signature (cookie-signature's `unsign`): the value before the last '.', or false. */
export function unsignCookie(signed: string, secret: string): string | false {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return false;
  const value = signed.slice(0, dot);
  const expected = Buffer.from(
    `${value}.${createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '')}`,
  );
  const given = Buffer.from(signed);
  return expected.length === given.length && timingSafeEqual(expected, given) ? value : false;
}

/** One cookie's value from a Cookie header, URL-decoded like the `cookie` package; undefined if absent or malformed. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
