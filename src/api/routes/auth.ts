import { Router, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { ApiContext } from '../../context';
import { AppError, unauthorized } from '../../errors';
import { logger } from '../../logger';
import { parse } from '../middleware/validate';
import { userFromToken } from '../../services/users';
import { sendError } from '../middleware/errors';
import { PASSWORD_MAX_LENGTH, passwordProblems } from '../../domain/passwords';
import { tokenRef, type AccountSecurity } from '../auth/account-security';
import { AccountLockedError, LoginLimiter } from '../auth/login-limiter';
import type { Tokens } from '../auth/identity';
const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('A valid email address is required'))
  .pipe(z.string().max(254));
/** The one password rule (src/domain/passwords.ts), the same as the production pool's policy. */
export const passwordSchema = z
  .string()
  .max(PASSWORD_MAX_LENGTH)
  .superRefine((p, zctx) => {
    for (const problem of passwordProblems(p))
      zctx.addIssue({ code: 'custom', message: `The password needs: ${problem.toLowerCase()}` });
  });
const name = z.string().trim().min(1).max(100);

export const registerSchema = z
  .object({
    email,
    password: passwordSchema,
    firstName: name,
    lastName: name,
    companyName: z.string().trim().min(1).max(200),
  })
  .strict();
const confirmSchema = z.object({ email, code: z.string().trim().min(1).max(20) }).strict();
const loginSchema = z
  .object({
    email,
    password: z.string().min(1).max(256),
    /** API clients that want the Cognito tokens ask for them; the web app lives on its session cookie. */
    includeTokens: z.boolean().optional(),
  })
  .strict();
const logoutSchema = z.object({ refreshToken: z.string().min(1).max(8192).optional() }).strict();
const refreshSchema = z.object({ refreshToken: z.string().min(1).max(8192).optional() }).strict();
const forgotSchema = z.object({ email }).strict();
const resetSchema = z
  .object({ email, code: z.string().trim().min(1).max(20), password: passwordSchema })
  .strict();

export function authRoutes(ctx: ApiContext, opts: { rateLimitPerMinute: number; accounts: AccountSecurity }) {
  const router = Router();
  const { accounts } = opts;
  const limiter = new LoginLimiter(ctx.db);
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: opts.rateLimitPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      // The client address is what `trust proxy` (TRUST_PROXY) makes of it; a forged X-Forwarded-For is ignored.
      validate: { xForwardedForHeader: false },
      handler: (_req, res) =>
        sendError(res, 429, 'rate_limited', 'Too many attempts, please try again in a minute'),
    }),
  );

  router.post('/register', async (req, res) => {
    const body = parse(registerSchema, req.body);
    const { sub, confirmed } = await ctx.identity.signUp(body);
    let user;
    try {
      user = await ctx.db.$transaction(async (tx) => {
        const row = await tx.user.create({
          data: { cognitoSub: sub, email: body.email, firstName: body.firstName, lastName: body.lastName },
        });
        await tx.companyProfile.create({ data: { userId: row.id, companyName: body.companyName } });
        return row;
      });
    } catch (err) {
      // All or nothing: without its profile the pool user would block every retry ("email taken").
      await ctx.identity
        .deleteUser(body.email)
        .catch((undoErr) =>
          logger.error({ err: undoErr, sub }, 'could not undo the pool user of a failed registration'),
        );
      if ((err as { code?: string }).code === 'P2002')
        throw new AppError(409, 'email_taken', 'An account with this email already exists');
      throw err;
    }
    res.status(201).json({ userId: user.id, email: user.email, confirmed });
  });

  router.post('/confirm', async (req, res) => {
    const body = parse(confirmSchema, req.body);
    await ctx.identity.confirm(body.email, body.code).catch(sameAnswerForUnknownUsers);
    res.json({ confirmed: true });
  });

  router.post('/login', async (req, res) => {
    const body = parse(loginSchema, req.body);
    try {
      await limiter.check(body.email);
    } catch (err) {
      if (err instanceof AccountLockedError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      throw err;
    }
    await accounts.waitForNewSignIns(body.email);
    let tokens: Tokens;
    try {
      tokens = await ctx.identity.login(body.email, body.password);
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid_credentials') await limiter.fail(body.email);
      throw err;
    }
    await limiter.succeed(body.email);
    const idToken = await ctx.jwt.verify(tokens.idToken);
    const accessToken = await ctx.jwt.verify(tokens.accessToken);
    const user = await userFromToken(ctx.db, idToken, { syncRole: true });
    if (!user) throw unauthorized('Unknown user');
    await accounts.invalidate(user.id);
    await regenerate(req);
    req.session.user = user;
    req.session.refreshToken = tokens.refreshToken;
    req.session.createdAt = Date.now();
    req.session.tokens = [tokenRef(idToken.payload), tokenRef(accessToken.payload)];
    const row = await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } });
    res.json({
      user: {
        id: row.id,
        email: row.email,
        firstName: row.firstName,
        lastName: row.lastName,
        role: row.role,
      },
      ...(body.includeTokens ? { tokens } : {}),
    });
  });

  /**
   * Ends this session: its refresh token is revoked in the pool and its ID and access tokens here. An API
   * client signs out its Bearer token the same way (and its refresh token, given in the body).
   */
  router.post('/logout', async (req, res) => {
    const body = parse(logoutSchema, req.body ?? {});
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const verified = await ctx.jwt.verify(bearer).catch(() => undefined);
      const user = verified && (await userFromToken(ctx.db, verified));
      if (user && verified) await accounts.revokeTokens(user.id, [tokenRef(verified.payload)]);
    }
    const refreshToken = body.refreshToken ?? req.session?.refreshToken;
    if (refreshToken)
      await ctx.identity
        .revokeRefreshToken(refreshToken)
        .catch((err) => logger.warn({ err }, 'could not revoke the refresh token'));
    const sessionUser = req.session?.user;
    if (sessionUser) await accounts.revokeTokens(sessionUser.id, req.session.tokens ?? []);
    if (req.session) await destroy(req);
    res.clearCookie('scalemap.sid');
    res.status(204).end();
  });

  router.post('/refresh', async (req, res) => {
    const body = parse(refreshSchema, req.body ?? {});
    const fromSession = !body.refreshToken;
    const refreshToken = body.refreshToken ?? req.session?.refreshToken;
    if (!refreshToken) throw unauthorized('No refresh token');
    if (fromSession && req.session.user)
      await accounts.checkSession(req.session.user.id, req.session.createdAt);
    const tokens = await ctx.identity.refresh(refreshToken);
    const idToken = await ctx.jwt.verify(tokens.idToken);
    const user = await userFromToken(ctx.db, idToken);
    if (!user) throw unauthorized('Unknown user');
    // A token refreshed from a sign-in that was ended (reset, logout) is refused like the original.
    await accounts.checkToken(user.id, idToken.payload);
    if (fromSession) {
      const accessToken = await ctx.jwt.verify(tokens.accessToken);
      req.session.tokens = [
        ...(req.session.tokens ?? []),
        tokenRef(idToken.payload),
        tokenRef(accessToken.payload),
      ];
      // the browser never needs the refresh token: it stays with the session
      res.json({ tokens: { ...tokens, refreshToken: undefined } });
      return;
    }
    res.json({ tokens });
  });

  router.post('/forgot', async (req, res) => {
    const body = parse(forgotSchema, req.body);
    await ctx.identity.forgot(body.email);
    res.status(202).json({ sent: true });
  });

  /** A reset ends every session and token of the user, everywhere. */
  router.post('/reset', async (req, res) => {
    const body = parse(resetSchema, req.body);
    await ctx.identity.reset(body.email, body.code, body.password).catch(sameAnswerForUnknownUsers);
    const user = await ctx.db.user.findUnique({ where: { email: body.email }, select: { id: true } });
    if (user) await accounts.endAllSessions(user.id);
    await ctx.identity
      .globalSignOut(body.email)
      .catch((err) => logger.error({ err }, 'could not sign the user out of the pool after a reset'));
    await limiter.succeed(body.email);
    res.json({ reset: true });
  });

  return router;
}

/** An unknown account answers a code like a wrong code: nothing to learn about who has an account. */
function sameAnswerForUnknownUsers(err: unknown): never {
  if (err instanceof AppError && err.code === 'invalid_credentials')
    throw new AppError(400, 'invalid_code', 'The code is not correct');
  throw err;
}

function destroy(req: Request) {
  return new Promise<void>((resolve, reject) =>
    req.session.destroy((err) => (err ? reject(err) : resolve())),
  );
}

function regenerate(
  req: Express.Request & { session: { regenerate: (cb: (err?: unknown) => void) => void } },
) {
  return new Promise<void>((resolve, reject) =>
    req.session.regenerate((err) =>
      err ? reject(new AppError(500, 'internal', 'Session error')) : resolve(),
    ),
  );
}
