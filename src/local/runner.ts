import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import YAML from 'yaml';
import type { AppContext } from '../context';
import { logger, withLogContext } from '../logger';
import { localTaskToken } from '../adapters/local/local-workflow';
import { GENERATION_FUNCTIONS, lambdaContext, STATE_MACHINE_FUNCTIONS, type LocalLambda } from './functions';

// aws-local-stepfunctions needs Promise.withResolvers (Node 22); polyfilled for Node 20.
const P = Promise as unknown as { withResolvers?: () => unknown };
if (!P.withResolvers) {
  P.withResolvers = function withResolvers<T>() {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const { StateMachine } = require('aws-local-stepfunctions') as typeof import('aws-local-stepfunctions');

export const DEFINITION_FILE = path.resolve(__dirname, '..', '..', 'stepfunctions', 'delivery.asl.yml');
const FAKE_ARN = 'arn:aws:lambda:eu-west-1:000000000000:function:';

type State = Record<string, unknown> & { Type: string };
interface Definition {
  StartAt: string;
  States: Record<string, State>;
  [key: string]: unknown;
}

/** Replaces `{"Fn::GetAtt": ["XLambdaFunction", "Arn"]}` by a Lambda ARN naming X, as CloudFormation would. */
function resolveGetAtt(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveGetAtt);
  if (value && typeof value === 'object') {
    const getAtt = (value as Record<string, unknown>)['Fn::GetAtt'];
    if (Array.isArray(getAtt) && getAtt[1] === 'Arn') return `${FAKE_ARN}${getAtt[0]}`;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveGetAtt(v)]));
  }
  return value;
}

export function loadDefinition(file = DEFINITION_FILE): Definition {
  return resolveGetAtt(YAML.parse(fs.readFileSync(file, 'utf8'))) as Definition;
}

function functionOf(resource: unknown): string | undefined {
  return typeof resource === 'string' && resource.startsWith(FAKE_ARN)
    ? resource.slice(FAKE_ARN.length)
    : undefined;
}

export interface HistoryEvent {
  type: string;
  state?: string;
  at: string;
  attempt?: number;
  error?: string;
}

export interface RunnerOptions {
  /** How much faster than real time the waits run (SCALEMAP_TIME_SCALE). */
  timeScale: number;
  /** Replace a function by another (tests: a handler that fails twice). */
  functionOverrides?: Record<string, LocalLambda>;
  /** Retry intervals in ms per state (tests); Step Functions' own 1 s / 2 s / 4 s otherwise. */
  retryIntervalOverrides?: Record<string, number | number[]>;
  pollMs?: number;
  /**
   * Floor of a scaled `Seconds` wait in ms (default 250). The polling waits (15 s, 30 s) scale to 10–20 ms at
   * 1440x: a hundred executions polling that often is a storm of queries and capacity checks that starves the
   * tasks it waits for. A poll's delay only moves work that is done anyway ahead of the due times.
   */
  minWaitMs?: number;
  /**
   * How many deliverable generations (GENERATION_FUNCTIONS) run at once in this process (default 3); the others
   * wait, the one whose deliverable is due soonest first. Releases and polls are never held back by this. Each
   * Lambda has its own CPU on AWS; here a hundred executions composing PDFs at once in one event loop held a
   * release due meanwhile for up to a second.
   */
  generationConcurrency?: number;
}

/** A counting semaphore: at most `limit` holders; the others wait, the lowest `priority` first (then arrival). */
export class Slots {
  private active = 0;
  private readonly waiting: { priority: number; resolve: () => void }[] = [];
  constructor(private readonly limit: number) {}
  async run<T>(priority: number, work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit)
      await new Promise<void>((resolve) => this.waiting.push({ priority, resolve }));
    else this.active++;
    try {
      return await work();
    } finally {
      let next = -1;
      this.waiting.forEach((w, i) => {
        if (next < 0 || w.priority < this.waiting[next].priority) next = i;
      });
      if (next >= 0) this.waiting.splice(next, 1)[0].resolve();
      else this.active--;
    }
  }
}

/**
 * The local Step Functions runtime: runs stepfunctions/delivery.asl.yml with aws-local-stepfunctions,
 * each Task mapped to the same Lambda handler, `Seconds` waits scaled by the time scale (timestamp waits
 * already land on the compressed due times), the `.waitForTaskToken` task mapped to a handler that waits for
 * the callback or the scaled timeout. Executions are claimed from pipeline_executions; on start every
 * unfinished execution is run again (the steps are idempotent, the due times absolute).
 */
export class LocalStepFunctionsRunner {
  readonly events = new EventEmitter();
  private readonly definition: Definition;
  private readonly running = new Map<string, { abort: () => void; done: Promise<void> }>();
  private readonly history = new Map<string, HistoryEvent[]>();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private readonly generationSlots: Slots;
  /** Each running execution's due times (PrepareExecution's output): the order generations get a slot in. */
  private readonly dueTimes = new Map<string, Record<string, string>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly opts: RunnerOptions,
  ) {
    this.definition = loadDefinition();
    this.generationSlots = new Slots(Math.max(1, opts.generationConcurrency ?? 3));
  }

  async start() {
    // The local agent tasks start from a prebuilt bundle: build it now rather than at the first launch.
    const launcher = this.ctx.taskLauncher as { entryArgs?: () => Promise<unknown> };
    void launcher.entryArgs?.().catch(() => undefined);
    // Executions left RUNNING by a previous process are orphans: run them again.
    const resumed = await this.ctx.db.pipelineExecution.updateMany({
      where: { status: 'RUNNING' },
      data: { status: 'PENDING' },
    });
    if (resumed.count) logger.info({ count: resumed.count }, 'resuming unfinished pipelines');
    const notifier = (this.ctx.workflow as { notifier?: EventEmitter }).notifier;
    notifier?.on('execution', () => void this.claim());
    await this.claim();
    const loop = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => this.claim().finally(loop), this.opts.pollMs ?? 1000);
    };
    loop();
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const r of this.running.values()) r.abort();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  executionHistory(executionId: string): HistoryEvent[] {
    return this.history.get(executionId) ?? [];
  }

  /** Resolves when the execution has finished in this runner. */
  async waitFor(executionId: string, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = await this.ctx.db.pipelineExecution.findUnique({ where: { executionId } });
      if (row && ['SUCCEEDED', 'FAILED'].includes(row.status) && !this.running.has(executionId)) return;
      if (Date.now() > deadline)
        throw new Error(`execution ${executionId} did not finish in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  private claiming = false;

  private async claim() {
    if (this.stopped || this.claiming) return;
    this.claiming = true;
    try {
      const rows = await this.ctx.db.$queryRawUnsafe<
        { execution_id: string; input: Record<string, unknown> }[]
      >(
        `UPDATE pipeline_executions SET status = 'RUNNING', started_at = now()
          WHERE id IN (SELECT id FROM pipeline_executions WHERE status = 'PENDING' ORDER BY started_at
                       FOR UPDATE SKIP LOCKED LIMIT 50)
          RETURNING execution_id, input`,
      );
      for (const row of rows) this.run(row.execution_id, row.input ?? {});
    } catch (err) {
      logger.error({ err }, 'claiming pipeline executions failed');
    } finally {
      this.claiming = false;
    }
  }

  private run(executionId: string, input: Record<string, unknown>) {
    const assessmentId = String(input.assessmentId ?? '');
    const correlationId = typeof input.correlationId === 'string' ? input.correlationId : undefined;
    const machine = new StateMachine(this.definition as never, { validationOptions: { checkArn: true } });
    const execution = machine.run(input as never, {
      overrides: {
        taskResourceLocalHandlers: this.taskHandlers(executionId) as never,
        waitTimeOverrides: this.waitOverrides(),
        retryIntervalOverrides: this.opts.retryIntervalOverrides,
      },
      context: {
        Execution: { Name: executionId, Id: executionId },
        Task: { Token: localTaskToken(executionId) },
      } as never,
    });
    const history: HistoryEvent[] = [];
    this.history.set(executionId, history);
    const consume = (async () => {
      for await (const e of execution.eventLogs as AsyncIterable<Record<string, unknown>>) {
        const state = (e.state as { name?: string } | undefined)?.name;
        const entry: HistoryEvent = {
          type: String(e.type),
          state,
          at: new Date(Number(e.timestamp)).toISOString(),
          attempt: (e.retry as { attempt?: number } | undefined)?.attempt,
          error: e.Error ? `${e.Error}: ${String(e.Cause ?? '')}`.slice(0, 500) : undefined,
        };
        history.push(entry);
        this.events.emit('event', executionId, entry);
        if (entry.type !== 'StateExited')
          logger.debug({ executionId, assessmentId, correlationId, event: entry }, 'state machine event');
      }
    })().catch(() => undefined);
    const done = withLogContext({ assessmentId, correlationId, executionId }, async () => {
      let status = 'SUCCEEDED';
      let error: string | null = null;
      try {
        await execution.result;
        logger.info('pipeline execution succeeded');
      } catch (err) {
        status = 'FAILED';
        error = `${(err as Error).name}: ${(err as Error).message}`.slice(0, 1000);
        if (!this.stopped) logger.error({ err: error }, 'pipeline execution failed');
      }
      await consume;
      if (this.stopped && status === 'FAILED') return; // aborted by shutdown: resumed on next start
      await this.ctx.db.pipelineExecution.update({
        where: { executionId },
        data: { status, error, finishedAt: new Date(), history: history as never },
      });
    }).finally(() => {
      this.running.delete(executionId);
      this.dueTimes.delete(executionId);
      this.events.emit('finished', executionId);
    });
    this.running.set(executionId, { abort: execution.abort, done });
  }

  private waitOverrides(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, state] of Object.entries(this.definition.States)) {
      if (state.Type === 'Wait' && typeof state.Seconds === 'number') {
        const scaled = Math.round((state.Seconds * 1000) / this.opts.timeScale);
        out[name] = Math.min(state.Seconds * 1000, Math.max(this.opts.minWaitMs ?? 250, scaled));
      }
    }
    return out;
  }

  private taskHandlers(executionId: string) {
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [name, state] of Object.entries(this.definition.States)) {
      if (state.Type !== 'Task') continue;
      const fn = functionOf(state.Resource);
      if (fn) {
        handlers[name] = (input) => this.invoke(fn, input, executionId);
        continue;
      }
      if (String(state.Resource).endsWith('.waitForTaskToken')) {
        handlers[name] = (input) => this.waitForCallback(executionId, name, state, input as never);
        continue;
      }
      throw new Error(`state ${name}: no local mapping for resource ${String(state.Resource)}`);
    }
    return handlers;
  }

  private async invoke(functionName: string, event: unknown, executionId?: string) {
    const fn = this.opts.functionOverrides?.[functionName] ?? STATE_MACHINE_FUNCTIONS[functionName];
    if (!fn) throw new Error(`no local handler for ${functionName}`);
    try {
      const call = () => fn(event, lambdaContext(functionName));
      const dueKey = GENERATION_FUNCTIONS[functionName];
      if (!dueKey) {
        const result = await call();
        const due = (result as { dueTimes?: Record<string, string> } | null)?.dueTimes;
        if (executionId && due && functionName === 'PrepareExecutionLambdaFunction')
          this.dueTimes.set(executionId, due);
        return result;
      }
      const dueAt = Date.parse(this.dueTimes.get(executionId ?? '')?.[dueKey] ?? '');
      return await this.generationSlots.run(Number.isNaN(dueAt) ? Date.now() : dueAt, call);
    } catch (err) {
      // Step Functions reports a Lambda error by its name; keep it so Retry and Catch match as on AWS.
      const e = err as Error;
      const out = new Error(e.message);
      out.name = e.name && e.name !== 'Error' ? e.name : 'Lambda.Unknown';
      throw out;
    }
  }

  /** `.waitForTaskToken`: invoke the function with the payload, then wait for SendTaskSuccess/Failure or the timeout. */
  private async waitForCallback(
    executionId: string,
    stateName: string,
    state: State,
    params: { FunctionName: string; Payload: Record<string, unknown> },
  ) {
    const fn = functionOf(params.FunctionName);
    if (!fn) throw new Error(`state ${stateName}: FunctionName is not a known function`);
    await this.ctx.db.pipelineExecution.update({
      where: { executionId },
      data: { callbackOutput: undefined, callbackError: null },
    });
    await this.invoke(fn, params.Payload);
    const timeoutMs =
      typeof state.TimeoutSeconds === 'number'
        ? (state.TimeoutSeconds * 1000) / this.opts.timeScale
        : Infinity;
    const deadline = Date.now() + timeoutMs;
    const notifier = (this.ctx.workflow as { notifier?: EventEmitter }).notifier;
    for (;;) {
      if (this.stopped) throw new Error('runner stopped');
      const row = await this.ctx.db.pipelineExecution.findUnique({
        where: { executionId },
        select: { callbackOutput: true, callbackError: true },
      });
      if (row?.callbackError) {
        const e = new Error(row.callbackError);
        e.name = row.callbackError.split(':')[0] || 'States.TaskFailed';
        throw e;
      }
      if (row?.callbackOutput !== null && row?.callbackOutput !== undefined) return row.callbackOutput;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        await this.ctx.db.pipelineExecution.update({ where: { executionId }, data: { taskToken: null } });
        const e = new Error(`no callback within ${state.TimeoutSeconds} s (scaled)`);
        e.name = 'States.Timeout';
        throw e;
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, Math.min(500, remaining));
        function done() {
          clearTimeout(t);
          notifier?.off('callback', done);
          resolve();
        }
        notifier?.on('callback', done);
      });
    }
  }
}
