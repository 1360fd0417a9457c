import { Router } from 'express';
import { z } from 'zod';
import type { ApiContext } from '../../context';
import { currentUser } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { getAccessibleAssessment, getOwnedAssessment, STAGE_FROM_SLUG } from '../../services/assessments';
import { assessmentCompanyName, pdfDisposition, readDeliverable } from '../../services/deliverables';
import { submitValidation } from '../../services/validation';
import { validationSchema } from '../../domain/validation';

const deliverableParams = z.object({
  stage: z.enum(['executive-summary', 'detailed-report', 'implementation-kits']),
});
const deliverableQuery = z.object({ format: z.enum(['html', 'pdf']).default('html') }).strict();

export function pipelineRoutes(ctx: ApiContext) {
  const router = Router();

  router.get('/:id/deliverables/:stage', async (req, res) => {
    const a = await getAccessibleAssessment(ctx.db, currentUser(req), req.params.id);
    const { stage } = parse(deliverableParams, req.params, 'deliverable stage');
    const { format } = parse(deliverableQuery, req.query, 'query string');
    const doc = await readDeliverable(ctx.db, ctx.objectStore, a.id, STAGE_FROM_SLUG[stage], format);
    if (format === 'pdf') {
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader(
        'Content-Disposition',
        pdfDisposition(await assessmentCompanyName(ctx.db, a), STAGE_FROM_SLUG[stage]),
      );
    } else {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      // Our generated document: inline styles and the inline SVG heatmap, nothing else.
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      );
    }
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(doc);
  });

  router.post('/:id/validation', async (req, res) => {
    const user = currentUser(req);
    const a = await getOwnedAssessment(ctx.db, user, req.params.id);
    const body = parse(validationSchema, req.body);
    await submitValidation(ctx.db, ctx.workflow, a.id, body);
    res.status(202).json({ accepted: true });
  });

  /** Server-sent events: one `stage` event per timeline entry, history first, then live. */
  router.get('/:id/events', async (req, res) => {
    const a = await getAccessibleAssessment(ctx.db, currentUser(req), req.params.id);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const lastEventId = Number(req.get('last-event-id') ?? 0);
    let cursor = BigInt(Number.isFinite(lastEventId) && lastEventId > 0 ? lastEventId : 0);
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    const poll = async () => {
      if (closed) return;
      try {
        const events = await ctx.db.stageEvent.findMany({
          where: { assessmentId: a.id, id: { gt: cursor } },
          orderBy: { id: 'asc' },
          take: 100,
        });
        if (events.length) {
          const status = (
            await ctx.db.assessment.findUnique({ where: { id: a.id }, select: { status: true } })
          )?.status;
          for (const e of events) {
            cursor = e.id;
            res.write(
              `id: ${e.id}\nevent: stage\ndata: ${JSON.stringify({ stage: e.stage, status, at: e.createdAt.toISOString(), detail: e.detail })}\n\n`,
            );
          }
        } else {
          res.write(': keep-alive\n\n');
        }
      } catch (err) {
        req.log.warn({ err }, 'event stream poll failed');
      }
      if (!closed) timer = setTimeout(poll, 1000);
    };
    req.on('close', () => {
      closed = true;
      clearTimeout(timer);
    });
    await poll();
  });

  return router;
}
