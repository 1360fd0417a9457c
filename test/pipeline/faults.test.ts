import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestStack, type TestStack } from '../helpers/stack';
import { submitAssessment, waitUntil } from '../helpers/pipeline';
import { runTriageTask } from '../../src/agents/worker';
import { dispatchAgents, checkAnalyses } from '../../src/pipeline/steps';
import { ProcessTaskLauncher } from '../../src/adapters/local/process-task-launcher';
import { analyseDomain } from '../../src/agents/specialist-agent';
import { OpenAiLlm } from '../../src/agents/llm-client';
import { CircuitBreaker } from '../../src/agents/circuit-breaker';
import { STATE_MACHINE_FUNCTIONS, type LocalLambda } from '../../src/local/functions';
import { answersFor } from '../helpers/answers';
import { WEAK_PROFILE } from '../helpers/pipeline';
import { profileSchema } from '../../src/domain/profile';

function founderAlerts(stack: TestStack) {
  const dir = stack.app.ctx.outboxDir!;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8')))
    .filter((m) => m.to === stack.app.config.FOUNDER_EMAIL);
}

describe('faults: agents, queue and events', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(
      {
        LOG_LEVEL: 'silent',
        AGENT_TEST_DELAY_MS: '2500',
        AGENT_VISIBILITY_TIMEOUT_SECONDS: '2',
        AGENT_EMPTY_POLLS_BEFORE_EXIT: '2',
      },
      { runPipeline: false },
    );
  });
  afterAll(() => stack.stop());

  it('an agent process killed mid-analysis: its message comes back and each analysis is written once', async () => {
    const { id } = await submitAssessment(stack);
    const ctx = stack.app.ctx;
    await runTriageTask(ctx, id, 'test-correlation');
    const dispatched = await dispatchAgents(ctx, { assessmentId: id, correlationId: 'test-correlation' });
    expect(dispatched.workersLaunched).toBeGreaterThan(0);
    const launcher = ctx.taskLauncher as ProcessTaskLauncher;
    // Wait until every worker holds a message, then kill them all without warning.
    await waitUntil(
      'messages in flight',
      async () => (await ctx.taskQueue.depth()).inFlight >= 1,
      30_000,
      50,
    );
    for (const child of launcher.runningChildren()) process.kill(child.pid!, 'SIGKILL');
    await waitUntil('workers gone', async () => (await launcher.countRunning('specialist')) === 0, 10_000);
    expect(await ctx.db.agentAnalysis.count({ where: { assessmentId: id } })).toBe(0);
    // The step the state machine polls relaunches workers for the messages that came back.
    await waitUntil(
      'all analyses',
      async () =>
        (await checkAnalyses(ctx, { assessmentId: id, polls: 0, maxPolls: 1000 })).status === 'done',
      60_000,
      500,
    );
    const analysed = await ctx.db.stageEvent.findMany({
      where: { assessmentId: id, stage: 'domain_analysed' },
    });
    const domains = analysed.map((e) => (e.detail as { domain: string }).domain);
    expect(domains.sort()).toEqual([...dispatched.activatedDomains].sort());
    expect(new Set(domains).size).toBe(domains.length);
  }, 120_000);

  it('SIGTERM: a worker finishes the analysis in hand, takes no new message, and exits 0', async () => {
    const { id } = await submitAssessment(stack, [
      'technology-data',
      'customer-experience',
      'operational-excellence',
    ]);
    const ctx = stack.app.ctx;
    await runTriageTask(ctx, id);
    const dispatched = await dispatchAgents(ctx, { assessmentId: id });
    const launcher = ctx.taskLauncher as ProcessTaskLauncher;
    const children = launcher.runningChildren();
    expect(children.length).toBeGreaterThan(0);
    // every worker holds a message (analyses take 2.5 s here); a worker process can take long to start on a busy machine
    await waitUntil(
      'each worker to hold a message',
      async () => (await ctx.taskQueue.depth()).inFlight >= children.length,
      90_000,
      50,
    );
    const inFlight = (await ctx.taskQueue.depth()).inFlight;
    for (const child of children) process.kill(child.pid!, 'SIGTERM');
    await waitUntil('workers gone', async () => (await launcher.countRunning('specialist')) === 0, 30_000);
    const tasks = await ctx.db.localTask.findMany({ where: { id: { in: children.map((c) => c.taskId) } } });
    expect(tasks.map((t) => t.exitCode)).toEqual(tasks.map(() => 0));
    // what was in hand was finished; the rest stays queued for the next worker
    expect(await ctx.db.agentAnalysis.count({ where: { assessmentId: id } })).toBeGreaterThanOrEqual(
      inFlight,
    );
    await waitUntil(
      'all analyses',
      async () =>
        (await checkAnalyses(ctx, { assessmentId: id, polls: 0, maxPolls: 1000 })).status === 'done',
      60_000,
      500,
    );
    expect(await ctx.db.agentAnalysis.count({ where: { assessmentId: id } })).toBe(
      dispatched.activatedDomains.length,
    );
  }, 240_000);

  it('a malformed queue message goes to the dead-letter queue with a founder alert; other work is unaffected', async () => {
    const { id } = await submitAssessment(stack, ['customer-success', 'partnerships', 'change-management']);
    const ctx = stack.app.ctx;
    await runTriageTask(ctx, id);
    const alertsBefore = founderAlerts(stack).length;
    await ctx.taskQueue.send({
      groupId: 'junk',
      dedupId: 'junk-1',
      body: '{"assessmentId": "not-a-uuid", "domain": "astrology"',
    });
    await dispatchAgents(ctx, { assessmentId: id });
    const triage = await ctx.db.triageResult.findUniqueOrThrow({ where: { assessmentId: id } });
    await waitUntil(
      'analyses of the good messages',
      async () =>
        (await checkAnalyses(ctx, { assessmentId: id, polls: 0, maxPolls: 1000 })).status === 'done',
      60_000,
      500,
    );
    expect(await ctx.db.agentAnalysis.count({ where: { assessmentId: id } })).toBe(
      triage.activatedDomains.length,
    );
    const deadRows = await ctx.db.queueMessage.findMany({ where: { deadLettered: true, dedupId: 'junk-1' } });
    expect(deadRows).toHaveLength(1);
    expect(deadRows[0].deadLetterReason).toMatch(/malformed/);
    await waitUntil('the founder alert', async () => founderAlerts(stack).length > alertsBefore, 10_000);
    expect(
      founderAlerts(stack)
        .map((m) => m.subject)
        .join('\n'),
    ).toMatch(/rejected/i);
  }, 120_000);

  it('a duplicate AssessmentSubmitted starts one pipeline', async () => {
    const { id } = await submitAssessment(stack);
    const event = await stack.app.ctx.db.outboxEvent.findFirstOrThrow({ where: { aggregateId: id } });
    await stack.app.ctx.eventBus.publish([
      { detailType: 'AssessmentSubmitted', detail: event.payload as never },
    ]);
    await stack.app.ctx.eventBus.publish([
      { detailType: 'AssessmentSubmitted', detail: event.payload as never },
    ]);
    expect(await stack.app.ctx.db.pipelineExecution.count({ where: { assessmentId: id } })).toBe(1);
  });
});

describe('faults: a handler that fails twice, then succeeds', () => {
  let stack: TestStack;
  let calls = 0;
  beforeAll(async () => {
    const real = STATE_MACHINE_FUNCTIONS.GenerateExecutiveSummaryLambdaFunction;
    const flaky: LocalLambda = async (event, context) => {
      calls++;
      if (calls <= 2) {
        const err = new Error(`transient failure ${calls}`);
        err.name = 'Lambda.ServiceException';
        throw err;
      }
      return real(event, context);
    };
    stack = await startTestStack(
      { SCALEMAP_TIME_SCALE: '17280', LOG_LEVEL: 'silent' },
      {
        runner: {
          pollMs: 200,
          functionOverrides: { GenerateExecutiveSummaryLambdaFunction: flaky },
          retryIntervalOverrides: { GenerateExecutiveSummary: [100, 200, 400] },
        },
      },
    );
  });
  afterAll(() => stack.stop());

  it('shows the retries in the execution history and delivers', async () => {
    const { id, client } = await submitAssessment(stack);
    await waitUntil(
      'the executive summary',
      async () =>
        (await client.get(`/api/assessments/${id}`)).body.deliverables.some(
          (d: { stage: string }) => d.stage === 'executive-summary',
        ),
      90_000,
    );
    const history = stack.app.runner.executionHistory(id);
    const retries = history.filter(
      (e) => e.type === 'StateRetried' && e.state === 'GenerateExecutiveSummary',
    );
    expect(retries).toHaveLength(2);
    expect(calls).toBe(3);
    expect((await client.get(`/api/assessments/${id}`)).body.status).not.toBe('failed');
  }, 120_000);
});

describe('faults: the OpenAI service misbehaves', () => {
  let stack: TestStack;
  let server: http.Server;
  let hits = 0;
  let mode: 'ok' | '429' | '500' | 'invalid' = '500';
  let base = '';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        hits++;
        if (mode === '429') {
          res.writeHead(429, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ error: { message: 'rate limited' } }));
        }
        if (mode === '500') {
          res.writeHead(500, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ error: { message: 'boom' } }));
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'x',
            object: 'chat.completion',
            created: 0,
            model: 'gpt-4o-mini',
            choices: [
              {
                index: 0,
                finish_reason: 'stop',
                message: { role: 'assistant', content: mode === 'invalid' ? 'this is not JSON' : '{}' },
              },
            ],
            usage: { prompt_tokens: 900, completion_tokens: 40, total_tokens: 940 },
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    stack = await startTestStack({ LOG_LEVEL: 'silent' }, { runPipeline: false });
  });
  afterAll(async () => {
    await stack.stop();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('retries on 429/500, then the breaker opens, and the rule-based analysis is used and flagged for review', async () => {
    const { id } = await submitAssessment(stack);
    const ctx = stack.app.ctx;
    const recordUsage = async (u: {
      assessmentId?: string;
      agent: string;
      model: string;
      promptTokens: number;
      completionTokens: number;
      costUsd: number;
      outcome: string;
    }) => {
      await ctx.db.llmUsage.create({ data: { ...u, assessmentId: u.assessmentId ?? null } });
    };
    const llm = new OpenAiLlm({
      apiKey: 'sk-test',
      baseURL: base,
      model: 'gpt-4o-mini',
      timeoutMs: 2000,
      baseDelayMs: 10,
      maxDelayMs: 50,
      recordUsage,
      breaker: new CircuitBreaker({ failureThreshold: 3, coolDownMs: 60_000 }),
    });
    const profile = profileSchema.parse(WEAK_PROFILE);
    const answers = answersFor(WEAK_PROFILE, ['financial-management']).map((a) => ({
      questionId: a.questionId,
      score: a.score ?? null,
      text: a.text ?? null,
    }));
    const input = {
      assessmentId: id,
      domain: 'financial-management' as const,
      profile,
      answers,
      documents: [],
    };

    mode = '429';
    hits = 0;
    const first = await analyseDomain({ llm, db: ctx.db }, input);
    expect(hits).toBe(3); // one call, three attempts
    expect(first).toMatchObject({ source: 'rules', needsReview: true });
    expect(first.reviewReason).toMatch(/LLM fallback/);
    expect(first.analysis.findings.length).toBeGreaterThanOrEqual(3);

    mode = '500';
    await analyseDomain({ llm, db: ctx.db }, input);
    mode = 'invalid';
    const third = await analyseDomain({ llm, db: ctx.db }, input);
    expect(third.needsReview).toBe(true);
    // three failed calls: the breaker is open, the service is no longer called
    hits = 0;
    mode = 'ok';
    const fourth = await analyseDomain({ llm, db: ctx.db }, input);
    expect(hits).toBe(0);
    expect(fourth).toMatchObject({ source: 'rules', needsReview: true });
    expect(fourth.reviewReason).toMatch(/circuit|open/i);

    const usage = await ctx.db.llmUsage.findMany({ where: { assessmentId: id } });
    expect(usage.length).toBeGreaterThanOrEqual(7);
    expect(new Set(usage.map((u) => u.outcome))).toEqual(new Set(['error', 'invalid-output']));
    expect(usage.find((u) => u.outcome === 'invalid-output')!.promptTokens).toBe(900);
  }, 60_000);
});
