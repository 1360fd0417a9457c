import { Router } from 'express';
import { z } from 'zod';
import type { ApiContext } from '../../context';
import { currentUser } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { getAccessibleAssessment, getOwnedAssessment, STAGE_FROM_SLUG } from '../../services/assessments';
import { assessmentCompanyName, pdfDisposition, readDeliverable } from '../../services/deliverables';
import { submitValidation } from '../../services/validation';
import { validationSchema } from '../../domain/validation';
import { AppError, badRequest } from '../../errors';

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

  /**
   * Server-sent events: one `stage` event per timeline entry, history first, then live. `Last-Event-ID` (sent by
   * the browser on reconnection) must be a stage-event id: a non-negative integer within PostgreSQL's bigint.
   * A comment line is sent every EVENT_STREAM_KEEPALIVE_MS whatever happens (no events, the database down), and a
   * user may hold at most EVENT_STREAMS_PER_USER streams at once (per API process).
   */
  const openStreams = new Map<string, number>();
  router.get('/:id/events', async (req, res) => {
    const user = currentUser(req);
    const a = await getAccessibleAssessment(ctx.db, user, req.params.id);
    const cursorStart = parseLastEventId(req.get('last-event-id'));
    const open = openStreams.get(user.id) ?? 0;
    if (open >= ctx.config.EVENT_STREAMS_PER_USER) {
      req.log.warn({ userId: user.id, open }, 'event stream refused: too many open streams');
      res.setHeader('Retry-After', '10');
      throw new AppError(
        429,
        'too_many_streams',
        `At most ${ctx.config.EVENT_STREAMS_PER_USER} progress streams can be open at once: close another tab and try again`,
      );
    }
    openStreams.set(user.id, open + 1);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    let cursor = cursorStart;
    let closed = false;
    let failing = false;
    let timer: NodeJS.Timeout | undefined;
    const keepAlive = setInterval(() => {
      if (!closed) res.write(': keep-alive\n\n');
    }, ctx.config.EVENT_STREAM_KEEPALIVE_MS);
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
            if (closed) break;
            cursor = e.id;
            res.write(
              `id: ${e.id}\nevent: stage\ndata: ${JSON.stringify({ stage: e.stage, status, at: e.createdAt.toISOString(), detail: e.detail })}\n\n`,
            );
          }
        }
        if (failing) req.log.info({ assessmentId: a.id }, 'event stream poll recovered');
        failing = false;
      } catch (err) {
        // Logged once per failure streak; the stream stays open and keeps its keep-alives.
        if (!failing) req.log.warn({ err, assessmentId: a.id }, 'event stream poll failed');
        failing = true;
      }
      if (!closed) timer = setTimeout(() => void poll(), 1000);
    };
    res.on('close', () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      clearInterval(keepAlive);
      const left = (openStreams.get(user.id) ?? 1) - 1;
      if (left > 0) openStreams.set(user.id, left);
      else openStreams.delete(user.id);
    });
    await poll();
  });

  return router;
}

const MAX_BIGINT = 9223372036854775807n;

/** `Last-Event-ID`: absent → from the start; a bigint id → after it; anything else → 400. */
export function parseLastEventId(header: string | undefined): bigint {
  if (header === undefined || header.trim() === '') return 0n;
  const value = header.trim();
  if (!/^\d{1,19}$/.test(value) || BigInt(value) > MAX_BIGINT)
    throw badRequest('Last-Event-ID must be the id of an earlier event (a whole number)', {
      header: 'Last-Event-ID',
    });
  return BigInt(value);
}
