import { createTestDatabase } from '../helpers/db';
import { PgTaskQueue } from '../../src/adapters/local/pg-task-queue';
import type { Db } from '../../src/db/client';

describe('PgTaskQueue: SQS FIFO semantics on PostgreSQL', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Db;
  const dead: { body: string; receiveCount: number }[] = [];
  let queue: PgTaskQueue;
  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await db.queueMessage.deleteMany();
    dead.length = 0;
    queue = new PgTaskQueue(db, { maxReceiveCount: 3, onDeadLetter: async (m) => void dead.push(m) });
  });

  it('drops a duplicate (same deduplication id) while the first is queued', async () => {
    await queue.send({ groupId: 'g', dedupId: 'a:finance', body: '1' });
    await queue.send({ groupId: 'g', dedupId: 'a:finance', body: '2' });
    expect(await queue.depth()).toEqual({ visible: 1, inFlight: 0, deadLettered: 0 });
  });

  it('hides a received message for the visibility timeout and delivers it again afterwards', async () => {
    await queue.send({ groupId: 'g1', dedupId: 'd1', body: 'hello' });
    const [m] = await queue.receive({ max: 5, visibilityTimeoutSeconds: 1 });
    expect(m).toMatchObject({ body: 'hello', receiveCount: 1 });
    expect(await queue.receive({ max: 5, visibilityTimeoutSeconds: 1 })).toEqual([]);
    await new Promise((r) => setTimeout(r, 1100));
    const [again] = await queue.receive({ max: 5, visibilityTimeoutSeconds: 1 });
    expect(again.receiveCount).toBe(2);
    expect(again.receiptHandle).not.toBe(m.receiptHandle);
    // the old receipt handle no longer deletes it
    await queue.delete(m.receiptHandle);
    expect((await queue.depth()).inFlight).toBe(1);
    await queue.delete(again.receiptHandle);
    expect(await queue.depth()).toEqual({ visible: 0, inFlight: 0, deadLettered: 0 });
  });

  it('keeps a message group in order: nothing else from a group while one is in flight', async () => {
    await queue.send({ groupId: 'same', dedupId: 'x1', body: 'first' });
    await queue.send({ groupId: 'same', dedupId: 'x2', body: 'second' });
    await queue.send({ groupId: 'other', dedupId: 'y1', body: 'other' });
    const got = await queue.receive({ max: 10, visibilityTimeoutSeconds: 30 });
    expect(got.map((m) => m.body).sort()).toEqual(['first', 'other']);
    await queue.delete(got.find((m) => m.body === 'first')!.receiptHandle);
    const next = await queue.receive({ max: 10, visibilityTimeoutSeconds: 30 });
    expect(next.map((m) => m.body)).toEqual(['second']);
  });

  it('extends visibility while a worker is busy, and releases with 0', async () => {
    await queue.send({ groupId: 'g', dedupId: 'v', body: 'busy' });
    const [m] = await queue.receive({ max: 1, visibilityTimeoutSeconds: 1 });
    await queue.changeVisibility(m.receiptHandle, 30);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await queue.receive({ max: 1, visibilityTimeoutSeconds: 1 })).toEqual([]);
    await queue.changeVisibility(m.receiptHandle, 0);
    expect(await queue.receive({ max: 1, visibilityTimeoutSeconds: 1 })).toHaveLength(1);
  });

  it('dead-letters a message received 3 times without being deleted, and reports it', async () => {
    await queue.send({ groupId: 'g', dedupId: 'poison', body: 'poison' });
    for (let i = 1; i <= 3; i++) {
      const [m] = await queue.receive({ max: 1, visibilityTimeoutSeconds: 1 });
      expect(m.receiveCount).toBe(i);
      await queue.changeVisibility(m.receiptHandle, 0);
    }
    expect(await queue.receive({ max: 1, visibilityTimeoutSeconds: 1 })).toEqual([]);
    expect(await queue.depth()).toEqual({ visible: 0, inFlight: 0, deadLettered: 1 });
    expect(dead).toEqual([{ body: 'poison', receiveCount: 3, reason: expect.stringContaining('3 times') }]);
  });

  it('never gives the same message to two concurrent receivers', async () => {
    for (let i = 0; i < 30; i++) await queue.send({ groupId: `g${i}`, dedupId: `m${i}`, body: String(i) });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => queue.receive({ max: 10, visibilityTimeoutSeconds: 30 })),
    );
    const bodies = results.flat().map((m) => m.body);
    expect(new Set(bodies).size).toBe(bodies.length);
    expect(bodies.length).toBe(30);
  });
});
