import type { AppContext } from '../context';
import type { AgentMode } from '../ports';

/** Serialises capacity decisions across processes and Lambdas: one advisory lock for the agent cap. */
const CAPACITY_LOCK = 727_001;

/**
 * Launches up to `wanted` agent tasks of `mode` while keeping every running agent task (triage and specialists,
 * all assessments) at or under the global cap (AGENT_CONCURRENCY_CAP, 5).
 */
export async function launchWithinCap(
  ctx: Pick<AppContext, 'db' | 'taskLauncher' | 'config'>,
  opts: { mode: AgentMode; wanted: number; assessmentId?: string; correlationId?: string },
): Promise<string[]> {
  if (opts.wanted <= 0) return [];
  return ctx.db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', CAPACITY_LOCK);
      const running = await ctx.taskLauncher.countRunning();
      const free = Math.max(0, ctx.config.AGENT_CONCURRENCY_CAP - running);
      const ids: string[] = [];
      for (let i = 0; i < Math.min(free, opts.wanted); i++) {
        const task = await ctx.taskLauncher.launch({
          mode: opts.mode,
          assessmentId: opts.assessmentId,
          correlationId: opts.correlationId,
        });
        ids.push(task.taskId);
      }
      return ids;
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}
