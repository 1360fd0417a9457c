import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import session, { type SessionData, type Store } from 'express-session';
import helmet from 'helmet';
import cors from 'cors';
import compression from 'compression';
import type { ApiContext } from '../context';
import { authenticate, requireUser } from './middleware/auth';
import { errorHandler, notFoundHandler } from './middleware/errors';
import { requestLog } from './middleware/request-log';
import { authRoutes } from './routes/auth';
import { meRoutes } from './routes/me';
import { assessmentRoutes } from './routes/assessments';
import { healthRoutes, liveness, readiness } from './routes/health';
import { stripeRoutes } from './routes/stripe';
import { pipelineRoutes } from './routes/pipeline';
import { adminRoutes } from './routes/admin';
import { devRoutes } from './routes/dev';
import { privacyRoutes } from './routes/privacy';
import { AccountSecurity } from './auth/account-security';
import type { ReadCache } from './read-cache';
import { checkOrigin, noStore, rejectControlCharacters } from './middleware/security';
import { cachedReads } from './cached-reads';
import { readSession, SESSION_COOKIE } from './session-reader';

export interface AppOptions {
  sessionStore: Store;
  sessionSecret: string;
  /** Built web app to serve from the API's origin (web/dist), if present. */
  webDir?: string;
  authRateLimitPerMinute?: number;
  /** The process's authentication cache (createSessionStore's), invalidated across tasks by LISTEN/NOTIFY. */
  readCache?: ReadCache;
  /** Reads a session record without copying it (createSessionStore's `read`). */
  readSession: (sid: string) => Promise<SessionData | null | undefined>;
}

/** The ScaleMap HTTP API as one Express app: the same app runs on Fargate, on Lambda (serverless-http) and locally. */
export function createApp(ctx: ApiContext, opts: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Which X-Forwarded-For entries are believed: none locally, the real hop count behind CloudFront + ALB.
  app.set('trust proxy', ctx.config.TRUST_PROXY);
  const accounts = new AccountSecurity(ctx.db, ctx.identity, {
    roleCacheMs: ctx.config.ROLE_CACHE_SECONDS * 1000,
    cache: opts.readCache,
  });
  app.locals.accountSecurity = accounts;
  app.set('query parser', 'simple');
  // Every API response is `no-store`: an ETag (a hash of each body) would never be used.
  app.set('etag', false);
  // Probes first of all: no logging, compression or headers to compute for a load balancer's probe.
  const ready = readiness(ctx);
  app.get('/api/health/live', liveness);
  app.get('/api/health/ready', ready);

  app.use(requestLog);
  // gzip/brotli for JSON, HTML, JS and CSS; never for the server-sent events stream (it must flush per event).
  // An API request that accepts no encoding skips it (API responses are no-store: no cache needs their Vary).
  const compress = compression({
    filter: (req, res) =>
      !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') &&
      !String(req.headers.accept ?? '').includes('text/event-stream') &&
      compression.filter(req, res),
  });
  app.use((req, res, next) =>
    req.headers['accept-encoding'] || !req.url.startsWith('/api/') ? compress(req, res, next) : next(),
  );

  const s3Origin = ctx.config.S3_ENDPOINT
    ? new URL(ctx.config.S3_ENDPOINT).origin
    : `https://*.amazonaws.com`;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'connect-src': ["'self'", s3Origin],
          'img-src': ["'self'", 'data:', 'blob:'],
          'frame-src': ["'self'"],
          'frame-ancestors': ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  if (ctx.config.CORS_ORIGINS.length) {
    app.use('/api', cors({ origin: ctx.config.CORS_ORIGINS, credentials: true }));
  }

  app.use('/api', noStore);
  // The webhook needs the raw body for its signature: mounted before the JSON parser.
  const reads = cachedReads(ctx.db, opts.readCache);
  app.use(
    '/api/stripe',
    reads.dropOnWrite.anyAssessment,
    express.raw({ type: () => true, limit: '1mb' }),
    stripeRoutes(ctx),
  );
  app.use(express.json({ limit: '1mb', strict: true }));
  // Health and public settings come before the session: a cookie (or a session store that is down) cannot change them.
  app.use('/api', healthRoutes(ctx, ready));
  app.use('/api', checkOrigin(ctx.config), rejectControlCharacters);
  const sessionMiddleware = session({
    name: SESSION_COOKIE,
    store: opts.sessionStore,
    secret: opts.sessionSecret,
    resave: false,
    saveUninitialized: false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.SECURE_COOKIES ?? ctx.config.NODE_ENV === 'production',
      maxAge: 7 * 24 * 3600_000,
    },
  });
  const store = opts.sessionStore;
  const sessionReader = readSession({
    secret: opts.sessionSecret,
    read: opts.readSession,
    destroy: (sid) =>
      new Promise((resolve, reject) => store.destroy(sid, (err) => (err ? reject(err) : resolve()))),
  });
  // express-session for the routes that create, change or end sessions (/api/auth); a Bearer request is
  // authenticated by its token alone (no session loaded); every other request reads its session (session-reader.ts).
  app.use((req, res, next) => {
    if (req.originalUrl.startsWith('/api/auth')) return sessionMiddleware(req, res, next);
    if (req.headers.authorization) return next();
    return sessionReader(req, res, next);
  });

  app.use('/api/auth', authRoutes(ctx, { rateLimitPerMinute: opts.authRateLimitPerMinute ?? 30, accounts }));
  app.use('/api', authenticate(ctx));
  app.use('/api/dev', devRoutes(ctx));
  app.use('/api', requireUser);
  app.use(['/api/assessments/:id', '/api/admin/assessments/:id'], reads.dropOnWrite.assessment);
  app.use('/api/me/profile', reads.dropOnWrite.profile);
  app.use('/api', meRoutes(ctx));
  app.use('/api', privacyRoutes(ctx));
  app.use('/api/assessments', assessmentRoutes(ctx, reads));
  app.use('/api/assessments', pipelineRoutes(ctx));
  app.use('/api/admin', adminRoutes(ctx));
  app.use('/api', notFoundHandler);

  if (opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html'))) {
    const webDir = opts.webDir;
    // Source maps stay on the server (stack traces), never served.
    app.use((req, res, next) => (/\.map$/i.test(req.path) ? notFoundHandler(req, res, next) : next()));
    app.use(express.static(webDir, { index: false, maxAge: '1h' }));
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(path.join(webDir, 'index.html')));
  }
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
