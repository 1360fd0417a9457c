import { Router } from 'express';
import type { ApiContext } from '../../context';

export function healthRoutes(ctx: ApiContext) {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [database, objectStore] = await Promise.all([
      ctx.db.$queryRawUnsafe('SELECT 1').then(
        () => 'ok',
        () => 'error',
      ),
      ctx.objectStore.ping().then(
        () => 'ok',
        () => 'error',
      ),
    ]);
    const ok = database === 'ok' && objectStore === 'ok';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, objectStore });
  });
  return router;
}
