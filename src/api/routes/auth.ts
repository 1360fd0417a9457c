import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { ApiContext } from '../../context';
import { AppError, unauthorized } from '../../errors';
import { parse } from '../middleware/validate';
import { userFromToken } from '../../services/users';
import { sendError } from '../middleware/errors';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('A valid email address is required'))
  .pipe(z.string().max(254));
export const passwordSchema = z
  .string()
  .min(8, 'The password needs at least 8 characters')
  .max(128)
  .regex(/[a-z]/, 'The password needs a lower-case letter')
  .regex(/[A-Z]/, 'The password needs an upper-case letter')
  .regex(/[0-9]/, 'The password needs a digit');
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
const loginSchema = z.object({ email, password: z.string().min(1).max(256) }).strict();
const refreshSchema = z.object({ refreshToken: z.string().min(1).max(8192).optional() }).strict();
const forgotSchema = z.object({ email }).strict();
const resetSchema = z
  .object({ email, code: z.string().trim().min(1).max(20), password: passwordSchema })
  .strict();

export function authRoutes(ctx: ApiContext, opts: { rateLimitPerMinute: number }) {
  const router = Router();
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: opts.rateLimitPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) =>
        sendError(res, 429, 'rate_limited', 'Too many attempts, please try again in a minute'),
    }),
  );

  router.post('/register', async (req, res) => {
    const body = parse(registerSchema, req.body);
    const { sub, confirmed } = await ctx.identity.signUp(body);
    const user = await ctx.db.user.upsert({
      where: { cognitoSub: sub },
      create: { cognitoSub: sub, email: body.email, firstName: body.firstName, lastName: body.lastName },
      update: { email: body.email, firstName: body.firstName, lastName: body.lastName },
    });
    await ctx.db.companyProfile.upsert({
      where: { userId: user.id },
      create: { userId: user.id, companyName: body.companyName },
      update: { companyName: body.companyName },
    });
    res.status(201).json({ userId: user.id, email: user.email, confirmed });
  });

  router.post('/confirm', async (req, res) => {
    const body = parse(confirmSchema, req.body);
    await ctx.identity.confirm(body.email, body.code);
    res.json({ confirmed: true });
  });

  router.post('/login', async (req, res) => {
    const body = parse(loginSchema, req.body);
    const tokens = await ctx.identity.login(body.email, body.password);
    const verified = await ctx.jwt.verify(tokens.idToken);
    const user = await userFromToken(ctx.db, verified);
    if (!user) throw unauthorized('Unknown user');
    await regenerate(req);
    req.session.user = user;
    req.session.refreshToken = tokens.refreshToken;
    const row = await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } });
    res.json({
      user: {
        id: row.id,
        email: row.email,
        firstName: row.firstName,
        lastName: row.lastName,
        role: row.role,
      },
      tokens,
    });
  });

  router.post('/logout', (req, res, next) => {
    if (!req.session) return res.status(204).end();
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie('scalemap.sid');
      res.status(204).end();
    });
  });

  router.post('/refresh', async (req, res) => {
    const body = parse(refreshSchema, req.body ?? {});
    const refreshToken = body.refreshToken ?? req.session?.refreshToken;
    if (!refreshToken) throw unauthorized('No refresh token');
    const tokens = await ctx.identity.refresh(refreshToken);
    res.json({ tokens });
  });

  router.post('/forgot', async (req, res) => {
    const body = parse(forgotSchema, req.body);
    await ctx.identity.forgot(body.email);
    res.status(202).json({ sent: true });
  });

  router.post('/reset', async (req, res) => {
    const body = parse(resetSchema, req.body);
    await ctx.identity.reset(body.email, body.code, body.password);
    res.json({ reset: true });
  });

  return router;
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
