import fs from 'node:fs';
import { startTestStack, type TestStack } from '../helpers/stack';
import { submitAssessment, waitUntil } from '../helpers/pipeline';
import { runTriageTask } from '../../src/agents/worker';
import {
  checkAnalyses,
  dispatchAgents,
  generateDeliverable,
  releaseAndNotify,
} from '../../src/pipeline/steps';
import type { Mailer } from '../../src/ports';

describe('a delivery email is sent exactly once', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ AGENT_EMPTY_POLLS_BEFORE_EXIT: '1' }, { runPipeline: false });
  });
  afterAll(() => stack.stop());

  const outboxFor = (to: string) => {
    const dir = stack.app.ctx.outboxDir!;
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8')) as { to: string; subject: string })
      .filter((m) => m.to === to);
  };

  it('concurrent runs of the release step, and a send that failed once, give one message', async () => {
    const { id, email } = await submitAssessment(stack);
    const ctx = stack.app.ctx;
    await runTriageTask(ctx, id, 'email-once');
    await dispatchAgents(ctx, { assessmentId: id, correlationId: 'email-once' });
    await waitUntil(
      'analyses',
      async () =>
        (await checkAnalyses(ctx, { assessmentId: id, polls: 0, maxPolls: 1000 })).status === 'done',
      90_000,
      500,
    );
    await generateDeliverable(ctx, 'executive-summary', { assessmentId: id, correlationId: 'email-once' });
    await generateDeliverable(ctx, 'detailed-report', { assessmentId: id, correlationId: 'email-once' });

    const input = { assessmentId: id, correlationId: 'email-once', stage: 'executive-summary' as const };
    const results = await Promise.all([1, 2, 3, 4].map(() => releaseAndNotify(ctx, input)));
    expect(results.filter((r) => r.sent)).toHaveLength(1);
    const summaries = outboxFor(email).filter((m) => /executive summary/.test(m.subject));
    expect(summaries).toHaveLength(1);
    expect(await ctx.db.emailSent.count({ where: { assessmentId: id, kind: 'executive-summary' } })).toBe(1);

    // The transport fails once: the claim is released and the retry sends it, once.
    const real = ctx.mailer;
    let failures = 0;
    const flaky: Mailer = {
      send: async (m) => {
        if (failures++ === 0)
          throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        return real.send(m);
      },
    };
    (ctx as { mailer: Mailer }).mailer = flaky;
    try {
      const report = { ...input, stage: 'detailed-report' as const };
      await expect(releaseAndNotify(ctx, report)).rejects.toThrow(/ECONNREFUSED/);
      expect(await ctx.db.emailSent.count({ where: { assessmentId: id, kind: 'detailed-report' } })).toBe(0);
      expect((await releaseAndNotify(ctx, report)).sent).toBe(true);
      expect((await releaseAndNotify(ctx, report)).sent).toBe(false);
    } finally {
      (ctx as { mailer: Mailer }).mailer = real;
    }
    expect(outboxFor(email).filter((m) => /detailed report/.test(m.subject))).toHaveLength(1);
  }, 180_000);
});
