import { Router } from 'express';
import type { ApiContext } from '../../context';
import { requireFounder } from '../middleware/auth';
import { adminAssessments, retryAssessment } from '../../services/admin';
import { isUuid } from '../../services/assessments';
import { notFound } from '../../errors';
import { erasureLog } from '../../services/privacy';

export function adminRoutes(ctx: ApiContext) {
  const router = Router();
  router.use(requireFounder);
  router.get('/assessments', async (_req, res) => {
    res.json({ assessments: await adminAssessments(ctx.db, ctx.config) });
  });
  router.get('/erasures', async (_req, res) => {
    res.json({ erasures: await erasureLog(ctx.db) });
  });
  router.post('/assessments/:id/retry', async (req, res) => {
    if (!isUuid(req.params.id)) throw notFound('Assessment');
    res.status(202).json(await retryAssessment(ctx.db, ctx.workflow, req.params.id, String(req.id)));
  });
  return router;
}
