import type { Db } from '../db/client';
import type { DomainEvent, EventBus } from '../ports';
import { logger } from '../logger';

/**
 * Publishes outbox records that are not yet published (oldest first) and marks them.
 * Safe to run concurrently: each record is claimed with SKIP LOCKED inside a transaction.
 */
export async function publishPending(
  db: Db,
  eventBus: EventBus,
  opts: { aggregateId?: string; limit?: number } = {},
) {
  let published = 0;
  const limit = opts.limit ?? 50;
  await db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRawUnsafe<
        { id: string; detail_type: string; payload: Record<string, unknown>; correlation_id: string | null }[]
      >(
        `SELECT id, detail_type, payload, correlation_id FROM outbox_events
          WHERE published_at IS NULL ${opts.aggregateId ? 'AND aggregate_id = $2' : ''}
          ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        ...(opts.aggregateId ? [limit, opts.aggregateId] : [limit]),
      );
      for (const row of rows) {
        const event: DomainEvent = {
          detailType: row.detail_type as DomainEvent['detailType'],
          detail: row.payload,
          correlationId: row.correlation_id ?? undefined,
        };
        try {
          await eventBus.publish([event]);
          await tx.outboxEvent.update({
            where: { id: row.id },
            data: { publishedAt: new Date(), attempts: { increment: 1 } },
          });
          published++;
        } catch (err) {
          logger.warn({ err, outboxId: row.id }, 'outbox publish failed');
          await tx.outboxEvent.update({
            where: { id: row.id },
            data: {
              attempts: { increment: 1 },
              lastError: String((err as Error).message ?? err).slice(0, 500),
            },
          });
        }
      }
    },
    { timeout: 30_000 },
  );
  return { published };
}
