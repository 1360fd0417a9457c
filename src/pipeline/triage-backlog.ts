import type { Db } from '../db/client';
import { logger } from '../logger';

/**
 * Triage tasks that serve the triage backlog. A triage task is launched for one assessment (ASSESSMENT_ID, as
 * RunTask sets it); when it is done it goes on with other assessments whose triage is waiting (status
 * `triaging`, no result yet) before it exits, the way a specialist worker drains its queue. With a hundred
 * submissions at once and a cap of 5 agent tasks, this saves a task start per assessment (a Fargate task takes
 * 30–60 s to start, a local process about 1 s of CPU) while every execution keeps polling for its own result:
 * CheckTriage is done as soon as the result is stored, whichever task stored it.
 *
 * Each triage runs under a per-assessment PostgreSQL advisory lock held by a transaction, so two tasks never
 * triage one assessment at once (an LLM triage costs tokens): the task launched for an assessment waits for the
 * lock (and then finds the result stored), a task serving the backlog skips assessments someone else holds.
 */
const TRIAGE_LOCK = 727_002;
/** A task that has served this many triages exits; the executions still waiting launch fresh ones. */
export const MAX_TRIAGES_PER_TASK = 100;

/** Assessments waiting for their triage, oldest submission first. */
export async function waitingTriages(db: Db, limit = 20) {
  return db.$queryRawUnsafe<{ id: string; correlation_id: string | null }[]>(
    `SELECT a.id::text AS id,
            (SELECT e.input->>'correlationId' FROM pipeline_executions e
              WHERE e.assessment_id = a.id ORDER BY e.started_at DESC LIMIT 1) AS correlation_id
       FROM assessments a
      WHERE a.status = 'triaging'
        AND NOT EXISTS (SELECT 1 FROM triage_results t WHERE t.assessment_id = a.id)
      ORDER BY a.submitted_at NULLS LAST, a.id
      LIMIT $1`,
    limit,
  );
}

/**
 * Runs `fn` holding the triage lock of one assessment: `wait` blocks until the lock is free, `try` gives up at
 * once (returns `{ ran: false }`). The lock is released when `fn` settles.
 */
export async function withTriageLock<T>(
  db: Db,
  assessmentId: string,
  how: 'wait' | 'try',
  fn: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  return db.$transaction(
    async (tx) => {
      if (how === 'wait') {
        await tx.$executeRawUnsafe(
          'SELECT pg_advisory_xact_lock($1, hashtext($2))',
          TRIAGE_LOCK,
          assessmentId,
        );
      } else {
        const [{ locked }] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
          'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
          TRIAGE_LOCK,
          assessmentId,
        );
        if (!locked) return { ran: false as const };
      }
      return { ran: true as const, value: await fn() };
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
}

/** Serves waiting triages until none is left (or the task's share is done); returns how many it served. */
export async function serveTriageBacklog(
  db: Db,
  triage: (assessmentId: string, correlationId?: string) => Promise<unknown>,
  opts: { max?: number; stopping?: () => boolean } = {},
): Promise<number> {
  const max = opts.max ?? MAX_TRIAGES_PER_TASK;
  let served = 0;
  const failed = new Set<string>();
  while (served < max && !opts.stopping?.()) {
    const candidates = (await waitingTriages(db)).filter((c) => !failed.has(c.id));
    let progressed = false;
    for (const c of candidates) {
      if (served >= max || opts.stopping?.()) break;
      try {
        const r = await withTriageLock(db, c.id, 'try', async () => {
          // Stored meanwhile by the task launched for it: nothing to do.
          if (await db.triageResult.findUnique({ where: { assessmentId: c.id }, select: { id: true } }))
            return false;
          await triage(c.id, c.correlation_id ?? undefined);
          return true;
        });
        if (r.ran && r.value) served++;
        if (r.ran) progressed = true;
      } catch (err) {
        // Left to the task launched for that assessment, whose failure its own execution sees.
        failed.add(c.id);
        logger.warn(
          { err, assessmentId: c.id },
          'triage of a waiting assessment failed: left to its own task',
        );
      }
    }
    if (!progressed) break;
  }
  return served;
}
