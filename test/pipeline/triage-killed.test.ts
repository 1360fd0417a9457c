import { startTestStack, type TestStack } from '../helpers/stack';
import { submitAssessment, waitUntil } from '../helpers/pipeline';
import { checkTask, launchTriage, stoppedFromOutside } from '../../src/pipeline/steps';

describe('a triage task killed from outside', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({}, { runPipeline: false });
  });
  afterAll(() => stack.stop());

  it('tells a kill from an error of its own', () => {
    expect(stoppedFromOutside({ exitCode: 137, reason: 'killed by SIGKILL' })).toBe(true);
    expect(stoppedFromOutside({ exitCode: 143 })).toBe(true);
    expect(stoppedFromOutside({ reason: 'MISSING' })).toBe(true);
    expect(stoppedFromOutside({ exitCode: 75, reason: 'exited with 75' })).toBe(true); // the database was down
    expect(stoppedFromOutside({ exitCode: 1, reason: 'exited with 1' })).toBe(false);
    expect(
      stoppedFromOutside({ exitCode: 2, reason: 'Essential container in task exited: OutOfMemoryError' }),
    ).toBe(false);
  });

  it('kill -9 before it wrote its result: the poll launches it again and the triage completes', async () => {
    const { id } = await submitAssessment(stack);
    const ctx = stack.app.ctx;
    const first = await launchTriage(ctx, { assessmentId: id, correlationId: 'kill-test' });
    expect(first.status).toBe('running');
    const row = await waitUntil(
      'the task has a pid',
      async () => (await ctx.db.localTask.findUnique({ where: { id: first.taskId } }))?.pid,
      10_000,
      20,
    );
    process.kill(row, 'SIGKILL');
    await waitUntil(
      'stopped',
      async () => (await ctx.taskLauncher.describe([first.taskId]))[0].state === 'STOPPED',
      10_000,
      50,
    );
    const input = { assessmentId: id, correlationId: 'kill-test', mode: 'triage' as const, maxPolls: 100 };
    const again = await checkTask(ctx, { ...input, taskId: first.taskId, polls: 0 });
    expect(again.status).toBe('running');
    expect(again.taskId).not.toBe(first.taskId);
    let state = again;
    await waitUntil(
      'triage done',
      async () => {
        state = await checkTask(ctx, { ...input, taskId: state.taskId, polls: state.polls });
        return state.status === 'done';
      },
      60_000,
      500,
    );
    expect(await ctx.db.triageResult.count({ where: { assessmentId: id } })).toBe(1);
  }, 120_000);
});
