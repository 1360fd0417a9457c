import type { Request, RequestHandler } from 'express';
import type { ApiContext } from '../../context';
import { AppError, forbidden, unauthorized } from '../../errors';
import type { SessionUser } from '../../services/users';
import type { AccountSecurity, TokenRef } from '../auth/account-security';
import type { SessionView } from '../session-reader';

declare module 'express-session' {
  interface SessionData {
    user?: SessionUser;
    /** Kept with the session, never sent to the browser. */
    refreshToken?: string;
    /** When the sign-in that made this session happened (ms): a later password reset ends it. */
    createdAt?: number;
    /** The ID and access tokens issued to this session, revoked at logout. */
    tokens?: TokenRef[];
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: SessionUser;
  }
}

/** The app's AccountSecurity (set by createApp): revocation and role checks. */
export function accountSecurity(req: Request): AccountSecurity {
  const accounts = req.app.locals.accountSecurity as AccountSecurity | undefined;
  if (!accounts) throw new AppError(500, 'internal', 'Account security is not configured');
  return accounts;
}

/**
 * Authenticates a request from the session cookie or `Authorization: Bearer <Cognito JWT>`.
 * A bearer token that is present but invalid is a 401 even when a session exists. Revoked tokens (logout),
 * tokens and sessions from before a password reset are refused; the role comes from the users table.
 */
export function authenticate(ctx: ApiContext): RequestHandler {
  return async (req, _res, next) => {
    try {
      const accounts = accountSecurity(req);
      const header = req.headers.authorization;
      if (header) {
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        if (!match) throw unauthorized('Malformed Authorization header');
        let verified;
        try {
          verified = await ctx.jwt.verify(match[1]);
        } catch {
          throw unauthorized('Invalid or expired token');
        }
        const user = await accounts.userOf(verified);
        if (!user) throw unauthorized('Unknown user');
        const state = await accounts.checkToken(user.id, verified.payload);
        req.user = { ...user, role: state.role };
      } else {
        const session = sessionOf(req);
        if (session) {
          const state = await accounts.checkSession(session.user.id, session.createdAt).catch(async (err) => {
            await session.end().catch(() => undefined);
            throw err;
          });
          req.user = { ...session.user, role: state.role };
        }
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** The request's signed-in session: read-only (session-reader.ts) or express-session's. */
function sessionOf(req: Request): SessionView | undefined {
  if (req.sessionView) return req.sessionView;
  const s = req.session;
  if (!s?.user) return undefined;
  return {
    user: s.user,
    createdAt: s.createdAt,
    end: () => new Promise<void>((resolve) => s.destroy(() => resolve())),
  };
}

export const requireUser: RequestHandler = (req, _res, next) => {
  next(req.user ? undefined : unauthorized());
};

/** Founders only, checked against the pool's `founders` group on each request (short cache). */
export const requireFounder: RequestHandler = (req, _res, next) => {
  const user = req.user;
  if (!user) return next(unauthorized());
  accountSecurity(req)
    .isFounder(user)
    .then((founder) => {
      if (founder) user.role = 'founder';
      next(founder ? undefined : forbidden('Founders only'));
    }, next);
};

export function currentUser(req: { user?: SessionUser }): SessionUser {
  if (!req.user) throw unauthorized();
  return req.user;
}
