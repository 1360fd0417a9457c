import fs from 'node:fs';
import { Client, PASSWORD, startTestStack, type TestStack } from '../helpers/stack';
import { submitAssessment, waitUntil } from '../helpers/pipeline';
import { STATE_MACHINE_FUNCTIONS, type LocalLambda } from '../../src/local/functions';

describe('founder console: SLA, failures, retry; live events', () => {
  let stack: TestStack;
  let reportBroken = true;
  beforeAll(async () => {
    const real = STATE_MACHINE_FUNCTIONS.GenerateDetailedReportLambdaFunction;
    const breakable: LocalLambda = async (event, context) => {
      if (reportBroken) throw Object.assign(new Error('report template missing'), { name: 'TemplateError' });
      return real(event, context);
    };
    stack = await startTestStack(
      { SCALEMAP_TIME_SCALE: '17280' },
      {
        runner: {
          pollMs: 200,
          functionOverrides: { GenerateDetailedReportLambdaFunction: breakable },
          retryIntervalOverrides: { GenerateDetailedReport: [50, 50, 50] },
        },
      },
    );
  });
  afterAll(() => stack.stop());

  async function founder() {
    const { email } = await submitAssessment(stack, [
      'risk-compliance',
      'technology-data',
      'partnerships',
    ]).then(() => ({ email: `founder${Date.now()}@example.com` }));
    const c = new Client(stack.url);
    await c.post('/api/auth/register', {
      email,
      password: PASSWORD,
      firstName: 'Fran',
      lastName: 'Founder',
      companyName: 'ScaleMap',
    });
    await stack.app.ctx.identity.addToGroup(email, 'founders');
    await c.post('/api/auth/login', { email, password: PASSWORD });
    return c;
  }

  it('marks a failing stage failed with its reason, alerts the founder, and a retry delivers everything', async () => {
    const { id, client } = await submitAssessment(stack);
    const failed = await waitUntil(
      'the failure',
      async () => {
        const a = (await client.get(`/api/assessments/${id}`)).body;
        return a.status === 'failed' ? a : undefined;
      },
      90_000,
    );
    // The client reads a calm message; the technical reason is for the founder console only.
    expect(failed.failure).toMatchObject({
      stage: 'detailed-report',
      message: expect.stringContaining('taking longer than planned'),
    });
    expect(failed.failure.reason).toBeUndefined();
    expect(failed.deliverables.map((d: { stage: string }) => d.stage)).toEqual(['executive-summary']);
    // MarkFailed runs before AlertFounder: the alert follows the failed status within moments.
    const alerts = await waitUntil(
      'the founder alert',
      async () => {
        const found = fs
          .readdirSync(stack.app.ctx.outboxDir!)
          .map((f) => JSON.parse(fs.readFileSync(`${stack.app.ctx.outboxDir}/${f}`, 'utf8')))
          .filter((m) => m.to === stack.app.config.FOUNDER_EMAIL && m.text.includes(id));
        return found.length ? found : undefined;
      },
      10_000,
    );
    expect(alerts.length).toBeGreaterThanOrEqual(1);

    const admin = await founder();
    expect((await client.get('/api/admin/assessments')).status).toBe(403);
    const list = (await admin.get('/api/admin/assessments')).body.assessments;
    const row = list.find((r: { id: string }) => r.id === id);
    expect(row).toMatchObject({
      status: 'failed',
      failure: { stage: 'detailed-report', reason: expect.stringContaining('report template missing') },
      company: expect.any(String),
    });
    expect(row.sla.executiveSummary).toMatch(/^delivered/);
    expect(row.tokens).toEqual({ prompt: 0, completion: 0 });
    // A client cannot retry; a founder can, once.
    expect((await client.post(`/api/admin/assessments/${id}/retry`)).status).toBe(403);
    reportBroken = false;
    const retry = await admin.post(`/api/admin/assessments/${id}/retry`);
    expect(retry.status).toBe(202);
    expect(retry.body.failedStage).toBe('detailed-report');
    expect((await admin.post(`/api/admin/assessments/${id}/retry`)).status).toBe(409);
    const done = await waitUntil(
      'completion after the retry',
      async () => {
        const a = (await client.get(`/api/assessments/${id}`)).body;
        return a.status === 'completed' ? a : undefined;
      },
      90_000,
    );
    expect(done.failure).toBeNull();
    expect(done.deliverables).toHaveLength(3);
    // the retry did not repeat the finished work: one analysis per domain, one summary email
    const summaryEmails = await stack.app.ctx.db.emailSent.count({
      where: { assessmentId: id, kind: 'executive-summary' },
    });
    expect(summaryEmails).toBe(1);
  }, 180_000);

  it('streams stage changes as server-sent events, history first', async () => {
    const { id, client } = await submitAssessment(stack);
    const res = await fetch(`${stack.url}/api/assessments/${id}/events`, {
      headers: { cookie: client.cookie! },
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const deadline = Date.now() + 30_000;
    while (!text.includes('"stage":"triage_complete"') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel();
    const stages = [...text.matchAll(/"stage":"(\w+)"/g)].map((m) => m[1]);
    expect(stages[0]).toBe('submitted');
    expect(stages).toContain('triage_complete');
    expect(text).toMatch(/^id: \d+$/m);
  }, 60_000);
});
