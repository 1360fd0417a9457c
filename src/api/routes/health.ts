import { Router } from 'express';
import type { ApiContext } from '../../context';

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
  return router;
}
