import { Router, type Request } from 'express';
import type { ApiContext } from '../../context';
import { paymentsEnabled } from '../../config';
import { parse } from '../middleware/validate';
import { currentUser } from '../middleware/auth';
import {
  accessibleViewRow,
  assessmentView,
  createAssessment,
  documentView,
  getAccessibleAssessment,
  getOwnedAssessment,
  isUuid,
  listAssessments,
  viewOf,
} from '../../services/assessments';
import { answersBodySchema, checkAnswers, saveAnswers } from '../../services/answers';
import { domainProgress } from '../../domain/questionnaire';
import {
  completeDocument,
  createDocument,
  createDocumentSchema,
  deleteDocument,
  downloadUrl,
} from '../../services/documents';
import { documentReading } from '../../services/document-readings';
import { createCheckout } from '../../services/payments';
import { submitAssessment } from '../../services/submission';
import { z } from 'zod';
import { notFound } from '../../errors';
import { cachedReads, type CachedReads } from '../cached-reads';

const checkoutSchema = z.object({}).strict();

export function appUrl(ctx: ApiContext, req: Request): string {
  return ctx.config.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`;
}

export function assessmentRoutes(ctx: ApiContext, reads: CachedReads = cachedReads(ctx.db)) {
  const router = Router();
  const paymentRequired = paymentsEnabled(ctx.config);
  const timeScale = ctx.config.SCALEMAP_RUNTIME === 'local' ? ctx.config.SCALEMAP_TIME_SCALE : 1;

  router.post('/', async (req, res) => {
    const user = currentUser(req);
    const a = await createAssessment(ctx.db, user);
    res.status(201).json(await assessmentView(ctx.db, user, a.id, { paymentRequired, timeScale }));
  });

  router.get('/', async (req, res) => {
    res.json({ assessments: await listAssessments(ctx.db, currentUser(req)) });
  });

  router.get('/:id', async (req, res) => {
    const user = currentUser(req);
    const row = await accessibleViewRow(ctx.db, user, req.params.id, reads.viewRow);
    const founder = user.role === 'founder';
    res
      .type('json')
      .send(
        reads.viewJson(row, founder, () =>
          JSON.stringify(viewOf(row, founder, { paymentRequired, timeScale })),
        ),
      );
  });

  // Autosave: the owner's profile (cached) decides which answers apply; one statement checks access and status
  // and writes (saveAnswers); then every API process is told (no trigger on answers: see read-cache.ts).
  router.put('/:id/answers', async (req, res) => {
    const body = parse(answersBodySchema, req.body);
    const user = currentUser(req);
    if (!isUuid(req.params.id)) throw notFound('Assessment');
    const profile = await reads.profile(user.id);
    const rows = checkAnswers(profile, body.answers);
    const answers = await saveAnswers(ctx.db, user.id, req.params.id, rows);
    await reads.answersChanged(req.params.id);
    res.json({ saved: rows.length, progress: domainProgress(profile, answers) });
  });

  router.post('/:id/documents', async (req, res) => {
    const a = await getOwnedAssessment(ctx.db, currentUser(req), req.params.id);
    const body = parse(createDocumentSchema, req.body);
    res.status(201).json(await createDocument(ctx.db, ctx.objectStore, a, body));
  });

  router.post('/:id/documents/:documentId/complete', async (req, res) => {
    const a = await getOwnedAssessment(ctx.db, currentUser(req), req.params.id);
    const doc = await completeDocument(ctx.db, ctx.objectStore, a.id, req.params.documentId);
    res.json({ document: documentView(doc), reading: await documentReading(ctx.db, doc.id) });
  });

  router.get('/:id/documents/:documentId', async (req, res) => {
    const a = await getAccessibleAssessment(ctx.db, currentUser(req), req.params.id);
    res.redirect(302, await downloadUrl(ctx.db, ctx.objectStore, a.id, req.params.documentId));
  });

  router.delete('/:id/documents/:documentId', async (req, res) => {
    const a = await getOwnedAssessment(ctx.db, currentUser(req), req.params.id);
    await deleteDocument(ctx.db, ctx.objectStore, a, req.params.documentId);
    res.status(204).end();
  });

  router.post('/:id/checkout', async (req, res) => {
    const user = currentUser(req);
    const a = await getOwnedAssessment(ctx.db, user, req.params.id);
    parse(checkoutSchema, req.body ?? {});
    res.json(
      await createCheckout(ctx.db, ctx.stripe, {
        assessment: a,
        email: user.email,
        pricePence: ctx.config.STRIPE_PRICE_GBP,
        appUrl: appUrl(ctx, req),
      }),
    );
  });

  router.post('/:id/submit', async (req, res) => {
    const user = currentUser(req);
    const a = await getOwnedAssessment(ctx.db, user, req.params.id);
    const result = await submitAssessment(ctx.db, ctx.eventBus, {
      assessmentId: a.id,
      userId: user.id,
      paymentRequired,
      timeScale: ctx.config.SCALEMAP_RUNTIME === 'local' ? ctx.config.SCALEMAP_TIME_SCALE : 1,
      correlationId: String(req.id),
    });
    res.status(202).json({ status: 'submitted', ...result });
  });

  return router;
}
