import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '../helpers/db';
import { serveTriageBacklog, waitingTriages, withTriageLock } from '../../src/pipeline/triage-backlog';

/** Triage tasks that serve waiting triages: each assessment triaged once, whichever tasks run at the same time. */
describe('triage backlog', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  async function waitingAssessment(status = 'triaging') {
    const user = await t.db.user.create({
      data: {
        cognitoSub: randomUUID(),
        email: `c-${randomUUID().slice(0, 8)}@example.com`,
        firstName: 'Ada',
        lastName: 'Founder',
      },
    });
    const a = await t.db.assessment.create({
      data: { userId: user.id, status: status as never, contentVersion: 1, submittedAt: new Date() },
    });
    return a.id;
  }

  /** A triage that takes a little time, as a real one does, and stores its result. */
  function fakeTriage(calls: string[], failFor?: string) {
    return async (assessmentId: string) => {
      calls.push(assessmentId);
      await new Promise((r) => setTimeout(r, 30));
      if (assessmentId === failFor) throw new Error('triage blew up');
      await t.db.triageResult.create({
        data: {
          assessmentId,
          activatedDomains: ['financial-management', 'revenue-engine', 'people-organization'],
          domainScores: {},
          confidence: 0.8,
          source: 'rules',
        },
      });
    };
  }

  afterEach(async () => {
    await t.db.triageResult.deleteMany();
    await t.db.assessment.updateMany({ where: { status: 'triaging' }, data: { status: 'failed' } });
  });

  it('three tasks serving the backlog at once triage every waiting assessment exactly once', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, () => waitingAssessment()));
    const other = await waitingAssessment('analysing'); // not waiting for a triage
    const calls: string[] = [];
    const served = await Promise.all([1, 2, 3].map(() => serveTriageBacklog(t.db, fakeTriage(calls))));
    expect(served.reduce((a, b) => a + b, 0)).toBe(8);
    expect([...calls].sort()).toEqual([...ids].sort());
    expect(calls).not.toContain(other);
    expect(await waitingTriages(t.db)).toEqual([]);
  });

  it('skips an assessment whose own task holds it, and that task waits for a backlog server', async () => {
    const [held, free] = [await waitingAssessment(), await waitingAssessment()];
    const calls: string[] = [];
    let release!: () => void;
    const holding = withTriageLock(t.db, held, 'wait', () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 100));
    expect(await serveTriageBacklog(t.db, fakeTriage(calls))).toBe(1);
    expect(calls).toEqual([free]);
    release();
    await holding;

    // The other way round: the task launched for an assessment waits while a backlog server triages it.
    const busy = await waitingAssessment();
    const order: string[] = [];
    const server = withTriageLock(t.db, busy, 'try', async () => {
      await new Promise((r) => setTimeout(r, 200));
      order.push('backlog server done');
    });
    await new Promise((r) => setTimeout(r, 50));
    await withTriageLock(t.db, busy, 'wait', async () => {
      order.push('own task runs');
    });
    await server;
    expect(order).toEqual(['backlog server done', 'own task runs']);
  });

  it('leaves an assessment whose triage fails to its own task and serves the others', async () => {
    const [bad, good] = [await waitingAssessment(), await waitingAssessment()];
    const calls: string[] = [];
    expect(await serveTriageBacklog(t.db, fakeTriage(calls, bad))).toBe(1);
    expect(calls.filter((c) => c === bad)).toHaveLength(1);
    expect(await t.db.triageResult.findUnique({ where: { assessmentId: good } })).not.toBeNull();
    expect(await t.db.triageResult.findUnique({ where: { assessmentId: bad } })).toBeNull();
  });
});
