import { Router, type RequestHandler } from 'express';
import type { ApiContext } from '../../context';
import { paymentsEnabled } from '../../config';
import { sql } from '../../db/client';

/** The object store is checked at most every 5 s: load balancer probes must not turn into an S3 request each. */
const OBJECT_STORE_CHECK_MS = 5000;

type Check = 'ok' | 'error' | 'timeout';

/** Settles with 'ok', 'error' or 'timeout' — a frozen dependency never holds a probe longer than `ms`. */
function check(run: () => Promise<unknown>, ms: number): Promise<Check> {
  return new Promise<Check>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    timer.unref?.();
    run().then(
      () => {
        clearTimeout(timer);
        resolve('ok');
      },
      () => {
        clearTimeout(timer);
        resolve('error');
      },
    );
  });
}

/**
 * Liveness: the process answers; no I/O. Also mounted first of all in createApp (before logging, compression and
 * the security headers), so a load balancer's probe costs about what a bare Express handler costs.
 */
export const liveness: RequestHandler = (_req, res) => {
  res.setHeader('Cache-Control', 'no-store');
  res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
};

/**
 * Readiness (`GET /api/health/ready`, and `GET /api/health` kept for earlier clients): the database and the
 * object store answer; 503 when either does not. The object store is checked at most every 5 s, the database
 * on every probe (one prepared `SELECT 1` on the pool).
 */
export function readiness(ctx: ApiContext): RequestHandler {
  const timeoutMs = ctx.config.HEALTH_CHECK_TIMEOUT_MS;
  let storeCheck: { at: number; result: Promise<Check> } | undefined;
  const objectStoreStatus = () => {
    if (!storeCheck || Date.now() - storeCheck.at > OBJECT_STORE_CHECK_MS) {
      storeCheck = { at: Date.now(), result: check(() => ctx.objectStore.ping(), timeoutMs) };
    }
    return storeCheck.result;
  };
  return async (_req, res) => {
    const [database, objectStore] = await Promise.all([
      check(() => sql(ctx.db, 'SELECT 1', []), timeoutMs),
      objectStoreStatus(),
    ]);
    // A failed check is retried at the next probe rather than cached.
    if (objectStore !== 'ok') storeCheck = undefined;
    const ok = database === 'ok' && objectStore === 'ok';
    res.setHeader('Cache-Control', 'no-store');
    if (!ok) res.setHeader('Retry-After', '5');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, objectStore });
  };
}

/**
 * Health and public settings, mounted before the session middleware (no cookie, no session read can change the
 * answer). `GET /api/health/live` and `GET /api/health/ready` are also mounted first of all in createApp.
 */
export function healthRoutes(ctx: ApiContext, ready: RequestHandler = readiness(ctx)) {
  const router = Router();
  router.get('/health/live', liveness);
  router.get('/health/ready', ready);
  router.get('/health', ready);
  /** What a signed-out visitor may know: the price and whether payment and local mode are on. */
  router.get('/settings', (_req, res) => {
    res.json({
      paymentRequired: paymentsEnabled(ctx.config),
      priceGbpPence: ctx.config.STRIPE_PRICE_GBP,
      localMode: ctx.config.SCALEMAP_RUNTIME === 'local',
      contactEmail: ctx.config.SUPPORT_EMAIL,
    });
  });
  return router;
}
