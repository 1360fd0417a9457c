import { startTestStack, type TestStack } from '../helpers/stack';
import { submitAssessment, waitUntil } from '../helpers/pipeline';
import { runTriageTask } from '../../src/agents/worker';
import {
  checkAnalyses,
  dispatchAgents,
  generateDeliverable,
  releaseDeliverable,
} from '../../src/pipeline/steps';
import { validationSchema } from '../../src/domain/validation';
import type { StoredPriority } from '../../src/pipeline/delivery-context';

/**
 * The kits are composed ahead, with the report's priorities, as soon as the report is; they are composed again
 * only when a validation came in that they do not reflect yet, and never once released. Real PostgreSQL, s3rver
 * and the real composers; the steps are called as the state machine calls them.
 */
describe('implementation kits composed ahead, again on a validation', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ AGENT_EMPTY_POLLS_BEFORE_EXIT: '1' }, { runPipeline: false });
  });
  afterAll(() => stack.stop());

  it('keeps the kits composed ahead until a validation comes in, then reshapes them once', async () => {
    const { id } = await submitAssessment(stack);
    const ctx = stack.app.ctx;
    const input = { assessmentId: id, correlationId: 'kits-ahead' };
    await runTriageTask(ctx, id, 'kits-ahead');
    await dispatchAgents(ctx, input);
    await waitUntil(
      'analyses',
      async () =>
        (await checkAnalyses(ctx, { assessmentId: id, polls: 0, maxPolls: 1000 })).status === 'done',
      90_000,
      500,
    );
    await generateDeliverable(ctx, 'executive-summary', input);
    await generateDeliverable(ctx, 'detailed-report', input);
    const kitRows = () =>
      ctx.db.deliverable.findMany({ where: { assessmentId: id, stage: 'implementation_kits' } });
    const kitsHtml = async () =>
      (await ctx.objectStore.get(`assessments/${id}/deliverables/implementation-kits.html`)).toString('utf8');
    const generatedEvents = () =>
      ctx.db.stageEvent.count({ where: { assessmentId: id, stage: 'implementation_kits_generated' } });

    // Ahead: with the report's priorities, unreleased.
    const ahead = await generateDeliverable(ctx, 'implementation-kits', input);
    expect(ahead).toMatchObject({ skipped: false, withValidation: false });
    const reportPriorities = (
      (await ctx.db.assessment.findUniqueOrThrow({ where: { id } }))
        .finalPriorities as unknown as StoredPriority[]
    ).map((p) => p.recommendationId);
    expect(ahead.priorities).toEqual(reportPriorities);
    expect((await kitRows()).map((r) => [r.format, r.withValidation, r.deliveredAt]).sort()).toEqual([
      ['html', false, null],
      ['pdf', false, null],
    ]);
    const aheadHtml = await kitsHtml();

    // No validation (the window timed out): the step after the window keeps them as they are.
    expect(await generateDeliverable(ctx, 'implementation-kits', input)).toEqual({
      stage: 'implementation-kits',
      skipped: true,
    });

    // The client strongly disagrees with priority 1: the kits are composed again, without it.
    const response = validationSchema.parse({
      priorities: reportPriorities.map((recommendationId, i) => ({
        recommendationId,
        agreement: i === 0 ? 1 : 5,
        reason: i === 0 ? 'We already tried this last year.' : undefined,
        resources: 'medium',
      })),
      capacityForChange: 'medium',
      timelinePreference: 'standard',
      constraints: 'No new hires before April.',
      successCriteria: 'Three months of cash visibility.',
    });
    await ctx.db.validation.create({ data: { assessmentId: id, response: response as never } });
    const reshaped = await generateDeliverable(ctx, 'implementation-kits', input);
    expect(reshaped).toMatchObject({ skipped: false, withValidation: true });
    const reshapedPriorities = reshaped.priorities ?? [];
    expect(reshapedPriorities).not.toContain(reportPriorities[0]);
    expect(reshapedPriorities[0]).toBe(reportPriorities[1]);
    expect((await kitRows()).every((r) => r.withValidation && !r.deliveredAt)).toBe(true);
    expect(await kitsHtml()).not.toEqual(aheadHtml);
    expect(await generatedEvents()).toBe(2);

    // Once reshaped, later runs (a retry, a re-run of the execution) keep them.
    expect((await generateDeliverable(ctx, 'implementation-kits', input)).skipped).toBe(true);
    expect(await generatedEvents()).toBe(2);

    // Released kits are never composed again, whatever the flags say.
    await releaseDeliverable(ctx, 'implementation-kits', id);
    await ctx.db.deliverable.updateMany({
      where: { assessmentId: id, stage: 'implementation_kits' },
      data: { withValidation: false },
    });
    const releasedHtml = await kitsHtml();
    expect((await generateDeliverable(ctx, 'implementation-kits', input)).skipped).toBe(true);
    expect(await kitsHtml()).toEqual(releasedHtml);
  }, 180_000);
});
