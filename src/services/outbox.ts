import type { Db } from '../db/client';
import type { DomainEvent, EventBus } from '../ports';
import { logger } from '../logger';

const CLAIM_SECONDS = 60;

/**
 * Publishes outbox records that are not yet published (oldest first) and marks them. Safe to run concurrently
 * (the API after a commit, the relay every minute): one statement claims records for CLAIM_SECONDS, then they are
 * published with no transaction or connection held meanwhile. A record whose publisher died is claimed again
 * later, so an event may be published twice (at least once) - its consumers are idempotent.
 */
export async function publishPending(
  db: Db,
  eventBus: EventBus,
  opts: { aggregateId?: string; limit?: number } = {},
) {
  const rows = await db.$queryRawUnsafe<
    { id: string; detail_type: string; payload: Record<string, unknown>; correlation_id: string | null }[]
  >(
    `UPDATE outbox_events SET locked_until = now() + make_interval(secs => ${CLAIM_SECONDS})
      WHERE id IN (SELECT id FROM outbox_events
                    WHERE published_at IS NULL AND (locked_until IS NULL OR locked_until < now())
                          ${opts.aggregateId ? 'AND aggregate_id = $2' : ''}
                    ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id, detail_type, payload, correlation_id`,
    ...(opts.aggregateId ? [opts.limit ?? 50, opts.aggregateId] : [opts.limit ?? 50]),
  );
  let published = 0;
  for (const row of rows) {
    const event: DomainEvent = {
      detailType: row.detail_type as DomainEvent['detailType'],
      detail: row.payload,
      correlationId: row.correlation_id ?? undefined,
    };
    try {
      await eventBus.publish([event]);
      await db.outboxEvent.update({
        where: { id: row.id },
        data: { publishedAt: new Date(), lockedUntil: null, attempts: { increment: 1 } },
      });
      published++;
    } catch (err) {
      logger.warn({ err, outboxId: row.id }, 'outbox publish failed; the relay retries');
      await db.outboxEvent.update({
        where: { id: row.id },
        data: {
          lockedUntil: null,
          attempts: { increment: 1 },
          lastError: String((err as Error).message ?? err).slice(0, 500),
        },
      });
    }
  }
  return { published };
}
