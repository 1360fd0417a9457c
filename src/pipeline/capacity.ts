import type { AppContext } from '../context';
import type { AgentMode } from '../ports';

/** Serialises capacity decisions across processes and Lambdas: one advisory lock for the agent cap. */
const CAPACITY_LOCK = 727_001;
/**
 * Waiting for the lock, and holding it, both stay well inside the 30 s timeout of the Lambdas that launch
 * (launchTriage, checkTask, dispatchAgents, checkAnalyses): a wait that outlives its Lambda is a timeout
 * Step Functions retries anyway, with the launches of the first attempt unrecorded.
 */
const MAX_WAIT_MS = 10_000;
const MAX_HOLD_MS = 15_000;

/**
 * Launches up to `wanted` agent tasks of `mode` while keeping every running agent task (triage and specialists,
 * all assessments) at or under the global cap (AGENT_CONCURRENCY_CAP, 5).
 *
 * The count and the launches happen under a PostgreSQL advisory lock. Waiting for the lock holds no database
 * connection (a try-lock, then a short random pause): the holder needs the pool to record its launches, and
 * twenty steps queueing on connections would starve it.
 */
export async function launchWithinCap(
  ctx: Pick<AppContext, 'db' | 'taskLauncher' | 'config'>,
  opts: {
    mode: AgentMode;
    wanted: number;
    assessmentId?: string;
    correlationId?: string;
    /** Makes the i-th launch idempotent (`${launchKey}:${i}`): a retried step starts no extra task. */
    launchKey?: string;
  },
): Promise<string[]> {
  if (opts.wanted <= 0) return [];
  const deadline = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const launched = await ctx.db.$transaction(
      async (tx) => {
        const [{ locked }] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
          'SELECT pg_try_advisory_xact_lock($1) AS locked',
          CAPACITY_LOCK,
        );
        if (!locked) return undefined;
        const running = await ctx.taskLauncher.countRunning();
        const free = Math.max(0, ctx.config.AGENT_CONCURRENCY_CAP - running);
        const ids: string[] = [];
        for (let i = 0; i < Math.min(free, opts.wanted); i++) {
          const task = await ctx.taskLauncher.launch({
            mode: opts.mode,
            assessmentId: opts.assessmentId,
            correlationId: opts.correlationId,
            launchKey: opts.launchKey ? `${opts.launchKey}:${i}` : undefined,
          });
          ids.push(task.taskId);
        }
        return ids;
      },
      { timeout: MAX_HOLD_MS, maxWait: 5_000 },
    );
    if (launched) return launched;
    if (Date.now() > deadline) throw new Error('timed out waiting for the agent capacity lock');
    await new Promise((r) => setTimeout(r, 25 + Math.random() * 100));
  }
}
