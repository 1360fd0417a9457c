import type { RequestHandler } from 'express';
import type { ApiContext } from '../../context';
import { forbidden, unauthorized } from '../../errors';
import { userFromToken, type SessionUser } from '../../services/users';

declare module 'express-session' {
  interface SessionData {
    user?: SessionUser;
    refreshToken?: string;
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: SessionUser;
  }
}

/**
 * Authenticates a request from the session cookie or `Authorization: Bearer <Cognito JWT>`.
 * A bearer token that is present but invalid is a 401 even when a session exists.
 */
export function authenticate(ctx: ApiContext): RequestHandler {
  return async (req, _res, next) => {
    try {
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
        const user = await userFromToken(ctx.db, verified);
        if (!user) throw unauthorized('Unknown user');
        req.user = user;
      } else if (req.session?.user) {
        req.user = req.session.user;
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

export const requireUser: RequestHandler = (req, _res, next) => {
  next(req.user ? undefined : unauthorized());
};

export const requireFounder: RequestHandler = (req, _res, next) => {
  if (!req.user) return next(unauthorized());
  next(req.user.role === 'founder' ? undefined : forbidden('Founders only'));
};

export function currentUser(req: { user?: SessionUser }): SessionUser {
  if (!req.user) throw unauthorized();
  return req.user;
}
