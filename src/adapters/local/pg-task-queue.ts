import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { QueueMessageIn, ReceivedMessage, TaskQueue } from '../../ports';

/**
 * The local TaskQueue: SQS FIFO semantics on a PostgreSQL table (queue_messages).
 * - deduplication: a message whose dedup id is already queued is dropped (like SQS's dedup window, for as long as it is queued);
 * - message groups: a group with a message in flight delivers nothing else until that message is deleted or visible again;
 * - visibility timeout: a received message is hidden until `visible_at`; a new receipt handle on every receive;
 * - receive count and dead-letter queue: a message received `maxReceiveCount` times is dead-lettered on its next receive.
 * Claims use FOR UPDATE SKIP LOCKED, so concurrent workers never receive the same message.
 */
export class PgTaskQueue implements TaskQueue {
  constructor(
    private readonly db: Db,
    private readonly opts: {
      queue?: string;
      maxReceiveCount?: number;
      onDeadLetter?: (m: { body: string; receiveCount: number; reason: string }) => Promise<void>;
    } = {},
  ) {}

  private get queue() {
    return this.opts.queue ?? 'scalemap-agent-tasks.fifo';
  }

  async send(m: QueueMessageIn): Promise<void> {
    await this.db.$executeRawUnsafe(
      `INSERT INTO queue_messages (queue, group_id, dedup_id, body) VALUES ($1, $2, $3, $4)
       ON CONFLICT (queue, dedup_id) DO NOTHING`,
      this.queue,
      m.groupId,
      m.dedupId,
      m.body,
    );
  }

  async receive(opts: {
    max: number;
    visibilityTimeoutSeconds: number;
    waitSeconds?: number;
  }): Promise<ReceivedMessage[]> {
    const deadline = Date.now() + (opts.waitSeconds ?? 0) * 1000;
    for (;;) {
      const messages = await this.claim(opts.max, opts.visibilityTimeoutSeconds);
      if (messages.length || Date.now() >= deadline) return messages;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  private async claim(max: number, visibilitySeconds: number): Promise<ReceivedMessage[]> {
    const maxReceive = this.opts.maxReceiveCount ?? 3;
    const { received, dead } = await this.db.$transaction(async (tx) => {
      // One visible message per free group, oldest first (FIFO within a group).
      const candidates = await tx.$queryRawUnsafe<{ id: bigint; body: string; receive_count: number }[]>(
        `SELECT m.id, m.body, m.receive_count FROM queue_messages m
          WHERE m.queue = $1 AND NOT m.dead_lettered AND m.visible_at <= now()
            AND NOT EXISTS (SELECT 1 FROM queue_messages o WHERE o.queue = m.queue AND o.group_id = m.group_id
                             AND NOT o.dead_lettered AND o.visible_at > now())
            AND m.id = (SELECT min(f.id) FROM queue_messages f WHERE f.queue = m.queue AND f.group_id = m.group_id
                         AND NOT f.dead_lettered)
          ORDER BY m.id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        this.queue,
        max,
      );
      const out: ReceivedMessage[] = [];
      const deadLettered: { body: string; receiveCount: number }[] = [];
      for (const c of candidates) {
        if (c.receive_count >= maxReceive) {
          await tx.$executeRawUnsafe(
            `UPDATE queue_messages SET dead_lettered = true, receipt_handle = NULL,
               dead_letter_reason = $2 WHERE id = $1`,
            c.id,
            `received ${c.receive_count} times without being deleted`,
          );
          deadLettered.push({ body: c.body, receiveCount: c.receive_count });
          continue;
        }
        const handle = randomUUID();
        await tx.$executeRawUnsafe(
          `UPDATE queue_messages SET receive_count = receive_count + 1, receipt_handle = $2,
             visible_at = now() + make_interval(secs => $3) WHERE id = $1`,
          c.id,
          handle,
          visibilitySeconds,
        );
        out.push({
          body: c.body,
          receiptHandle: handle,
          receiveCount: c.receive_count + 1,
          messageId: String(c.id),
        });
      }
      return { received: out, dead: deadLettered };
    });
    for (const d of dead) {
      await this.opts.onDeadLetter?.({
        ...d,
        reason: `received ${d.receiveCount} times without being deleted`,
      });
    }
    return received;
  }

  /** Moves a message to the dead-letter queue at once (e.g. a malformed body that no retry can fix). */
  /** (The caller alerts; onDeadLetter is for the automatic redrive, as the DLQ alarm is on AWS.) */
  async deadLetter(message: ReceivedMessage, reason: string): Promise<void> {
    await this.db.$executeRawUnsafe(
      `UPDATE queue_messages SET dead_lettered = true, receipt_handle = NULL, dead_letter_reason = $2
        WHERE receipt_handle = $1`,
      message.receiptHandle,
      reason.slice(0, 500),
    );
  }

  async delete(receiptHandle: string): Promise<void> {
    await this.db.$executeRawUnsafe('DELETE FROM queue_messages WHERE receipt_handle = $1', receiptHandle);
  }

  async changeVisibility(receiptHandle: string, seconds: number): Promise<void> {
    await this.db.$executeRawUnsafe(
      `UPDATE queue_messages SET visible_at = now() + make_interval(secs => $2) WHERE receipt_handle = $1`,
      receiptHandle,
      seconds,
    );
  }

  async depth() {
    const rows = await this.db.$queryRawUnsafe<{ visible: bigint; in_flight: bigint; dead: bigint }[]>(
      `SELECT count(*) FILTER (WHERE NOT dead_lettered AND visible_at <= now()) AS visible,
              count(*) FILTER (WHERE NOT dead_lettered AND visible_at > now()) AS in_flight,
              count(*) FILTER (WHERE dead_lettered) AS dead
         FROM queue_messages WHERE queue = $1`,
      this.queue,
    );
    const r = rows[0];
    return { visible: Number(r.visible), inFlight: Number(r.in_flight), deadLettered: Number(r.dead) };
  }
}
