import { createTestDatabase } from '../helpers/db';
import { launchWithinCap } from '../../src/pipeline/capacity';
import { publishPending } from '../../src/services/outbox';
import { loadConfig } from '../../src/config';
import type { DomainEvent, TaskLauncher } from '../../src/ports';

describe('concurrency', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('never runs more than the cap of agent tasks, however many steps ask at once', async () => {
    // A launcher at the edge: tasks "run" until the test ends; launching takes a little time, as RunTask does.
    let running = 0;
    let peak = 0;
    const launcher: TaskLauncher = {
      launch: async () => {
        await new Promise((r) => setTimeout(r, 20));
        running++;
        peak = Math.max(peak, running);
        return { taskId: `task-${running}` };
      },
      describe: async () => [],
      countRunning: async () => running,
    };
    const ctx = { db: t.db, taskLauncher: launcher, config: loadConfig({ AGENT_CONCURRENCY_CAP: '5' }) };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        launchWithinCap(ctx, { mode: i % 2 ? 'triage' : 'specialist', wanted: 2 }),
      ),
    );
    expect(peak).toBe(5);
    expect(results.flat()).toHaveLength(5);
  });

  it('publishes each outbox record once when several relays run together', async () => {
    for (let i = 0; i < 12; i++) {
      await t.db.outboxEvent.create({
        data: {
          aggregateId: `agg-${i}`,
          detailType: 'AssessmentSubmitted',
          payload: { assessmentId: `agg-${i}` },
        },
      });
    }
    const seen: string[] = [];
    const bus = {
      publish: async (events: DomainEvent[]) => {
        await new Promise((r) => setTimeout(r, 5));
        for (const e of events) seen.push(String(e.detail.assessmentId));
      },
    };
    const counts = await Promise.all([
      publishPending(t.db, bus),
      publishPending(t.db, bus),
      publishPending(t.db, bus),
    ]);
    expect(counts.reduce((n, c) => n + c.published, 0)).toBe(12);
    expect(seen.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `agg-${i}`).sort());
    expect(await t.db.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
  });

  it('keeps a record whose publishing failed for the next run', async () => {
    await t.db.outboxEvent.create({
      data: { aggregateId: 'fails', detailType: 'AssessmentSubmitted', payload: {} },
    });
    const failing = { publish: async () => Promise.reject(new Error('EventBridge unavailable')) };
    expect((await publishPending(t.db, failing, { aggregateId: 'fails' })).published).toBe(0);
    const row = await t.db.outboxEvent.findFirstOrThrow({ where: { aggregateId: 'fails' } });
    expect(row).toMatchObject({
      publishedAt: null,
      attempts: 1,
      lastError: 'EventBridge unavailable',
      lockedUntil: null,
    });
    expect(
      (await publishPending(t.db, { publish: async () => undefined }, { aggregateId: 'fails' })).published,
    ).toBe(1);
  });
});
