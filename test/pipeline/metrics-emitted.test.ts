import { createTestDatabase } from '../helpers/db';
import { seedCompletedAssessment } from '../helpers/completed';
import { markFailed, releaseDeliverable } from '../../src/pipeline/steps';
import { setMetricSink } from '../../src/metrics';
import type { AppContext } from '../../src/context';
import type { ObjectStore } from '../../src/ports';

/** The pipeline steps emit the business metrics the dashboard reads, once per event (re-runs emit nothing). */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const lines: Array<Record<string, unknown>> = [];
const store: ObjectStore = { put: async () => undefined } as unknown as ObjectStore;

beforeAll(async () => {
  database = await createTestDatabase();
  setMetricSink((l) => lines.push(JSON.parse(l)));
});
afterAll(async () => {
  setMetricSink(undefined);
  await database.drop();
});

const names = () =>
  lines.map((l) => {
    const def = (l._aws as { CloudWatchMetrics: Array<{ Metrics: Array<{ Name: string }> }> })
      .CloudWatchMetrics[0];
    const name = def.Metrics[0].Name;
    return { name, value: l[name], stage: l.Stage };
  });

test('a release emits DeliveryLatenessSeconds once; the kits release emits the completion metrics', async () => {
  const db = database.db;
  const { assessment } = await seedCompletedAssessment(db, store, { status: 'analysing' });
  await db.assessment.update({ where: { id: assessment.id }, data: { status: 'awaiting_validation' } });
  const dueAt = new Date(Date.now() - 90_000);
  for (const stage of ['executive_summary', 'implementation_kits'] as const)
    await db.deliverable.create({
      data: {
        assessmentId: assessment.id,
        stage,
        format: 'html',
        objectKey: `k/${stage}`,
        dueAt,
        deliveredAt: null,
      },
    });
  await db.llmUsage.create({
    data: {
      assessmentId: assessment.id,
      agent: 'triage',
      model: 'gpt-4o-mini',
      promptTokens: 1000,
      completionTokens: 250,
      costUsd: '0.004500',
      outcome: 'ok',
    },
  });
  const ctx = { db } as unknown as AppContext;
  lines.length = 0;
  await releaseDeliverable(ctx, 'executive-summary', assessment.id);
  await releaseDeliverable(ctx, 'executive-summary', assessment.id); // a re-run: nothing new
  expect(names()).toEqual([
    { name: 'DeliveryLatenessSeconds', value: expect.any(Number), stage: 'executive-summary' },
  ]);
  expect(names()[0].value).toBeGreaterThanOrEqual(90);

  lines.length = 0;
  await releaseDeliverable(ctx, 'implementation-kits', assessment.id);
  expect(names()).toEqual(
    expect.arrayContaining([
      { name: 'AssessmentsCompleted', value: 1, stage: undefined },
      { name: 'ValidationsTimedOut', value: 1, stage: undefined },
      { name: 'LlmTokensPerAssessment', value: 1250, stage: undefined },
      { name: 'LlmCostCentsPerAssessment', value: 0.45, stage: undefined },
      { name: 'DeliveryLatenessSeconds', value: expect.any(Number), stage: 'implementation-kits' },
    ]),
  );
  expect(names()).toHaveLength(5);
  for (const l of lines) expect(l.assessmentId ?? assessment.id).toBe(assessment.id);
});

test('markFailed emits AssessmentsFailed with the failed stage', async () => {
  const { assessment } = await seedCompletedAssessment(database.db, store, { status: 'analysing' });
  lines.length = 0;
  await markFailed({ db: database.db } as unknown as AppContext, {
    assessmentId: assessment.id,
    stage: 'analysis',
    error: { Error: 'States.Timeout' },
  });
  expect(names()).toEqual([{ name: 'AssessmentsFailed', value: 1, stage: 'analysis' }]);
});
