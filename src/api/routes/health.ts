import { Router } from 'express';
import type { ApiContext } from '../../context';
import { paymentsEnabled } from '../../config';

/** The object store is checked at most every 5 s: load balancer probes must not turn into an S3 request each. */
const OBJECT_STORE_CHECK_MS = 5000;

export function healthRoutes(ctx: ApiContext) {
  const router = Router();
  let storeCheck: { at: number; result: Promise<string> } | undefined;
  const objectStoreStatus = () => {
    if (!storeCheck || Date.now() - storeCheck.at > OBJECT_STORE_CHECK_MS) {
      storeCheck = {
        at: Date.now(),
        result: ctx.objectStore.ping().then(
          () => 'ok',
          () => 'error',
        ),
      };
    }
    return storeCheck.result;
  };
  router.get('/health', async (_req, res) => {
    const [database, objectStore] = await Promise.all([
      ctx.db.$queryRawUnsafe('SELECT 1').then(
        () => 'ok',
        () => 'error',
      ),
      objectStoreStatus(),
    ]);
    // A failed check is retried at the next probe rather than cached.
    if (objectStore === 'error') storeCheck = undefined;
    const ok = database === 'ok' && objectStore === 'ok';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, objectStore });
  });
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
