import { spawn } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { AgentMode, LaunchedTask, TaskLauncher, TaskStatus } from '../../ports';
import { logger } from '../../logger';
import { ensureAgentBundle } from './agent-bundle';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The local TaskLauncher: each "Fargate task" is a child process running the same container entrypoint
 * (containers/agent/main.ts, from a prebuilt bundle as in the image: see agent-bundle.ts) with the same
 * environment variables ECS would set. Task state lives in the local_tasks table, so any process (a handler run
 * by `sls invoke local`, a test) can describe it.
 */
export class ProcessTaskLauncher implements TaskLauncher {
  private readonly children = new Map<string, ReturnType<typeof spawn>>();

  constructor(
    private readonly db: Db,
    private readonly opts: { env: Record<string, string>; entry?: string[] },
  ) {}

  /** The node arguments of an agent task: the bundle (built on first use), or tsx if it cannot be built. */
  async entryArgs(): Promise<string[]> {
    if (this.opts.entry) return this.opts.entry;
    try {
      return ['--enable-source-maps', await ensureAgentBundle({ root: ROOT })];
    } catch (err) {
      logger.warn({ err }, 'agent bundle could not be built: agent tasks run through tsx');
      return ['--import', 'tsx', path.join(ROOT, 'containers', 'agent', 'main.ts')];
    }
  }

  async launch(opts: {
    mode: AgentMode;
    assessmentId?: string;
    correlationId?: string;
  }): Promise<LaunchedTask> {
    const taskId = `local-${opts.mode}-${randomUUID()}`;
    const args = await this.entryArgs();
    await this.db.localTask.create({
      data: { id: taskId, mode: opts.mode, assessmentId: opts.assessmentId ?? null },
    });
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        ...this.opts.env,
        AGENT_MODE: opts.mode,
        ASSESSMENT_ID: opts.assessmentId ?? '',
        CORRELATION_ID: opts.correlationId ?? '',
        TASK_ID: taskId,
        SCALEMAP_SERVICE: `agent-${opts.mode}`,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.children.set(taskId, child);
    await this.db.localTask.update({
      where: { id: taskId },
      data: { pid: child.pid ?? null, status: 'RUNNING' },
    });
    child.on('exit', (code, signal) => {
      this.children.delete(taskId);
      this.db.localTask
        .update({
          where: { id: taskId },
          data: {
            status: 'STOPPED',
            exitCode: code ?? (signal ? 137 : null),
            reason: signal
              ? `killed by ${signal}`
              : code === 0
                ? 'Essential container exited'
                : `exit code ${code}`,
            stoppedAt: new Date(),
          },
        })
        .catch((err) => logger.warn({ err, taskId }, 'could not record the end of a local task'));
    });
    logger.info(
      { taskId, mode: opts.mode, assessmentId: opts.assessmentId, pid: child.pid },
      'agent task started',
    );
    return { taskId };
  }

  async describe(taskIds: string[]): Promise<TaskStatus[]> {
    const rows = await this.db.localTask.findMany({ where: { id: { in: taskIds } } });
    return taskIds.map((id) => {
      const row = rows.find((r) => r.id === id);
      if (!row) return { taskId: id, state: 'STOPPED', reason: 'MISSING' };
      if (row.status !== 'STOPPED' && row.pid && !isAlive(row.pid)) {
        return { taskId: id, state: 'STOPPED', reason: 'process vanished' };
      }
      return {
        taskId: id,
        state: row.status as TaskStatus['state'],
        exitCode: row.exitCode ?? undefined,
        reason: row.reason ?? undefined,
      };
    });
  }

  async countRunning(mode?: AgentMode): Promise<number> {
    const rows = await this.db.localTask.findMany({
      where: { status: { in: ['PENDING', 'RUNNING'] }, ...(mode ? { mode } : {}) },
      select: { id: true, pid: true, status: true },
    });
    let running = 0;
    for (const r of rows) {
      if (r.status === 'PENDING' || (r.pid && isAlive(r.pid))) running++;
      else
        await this.db.localTask.update({
          where: { id: r.id },
          data: { status: 'STOPPED', reason: 'process vanished', stoppedAt: new Date() },
        });
    }
    return running;
  }

  /** Test and shutdown helper: signals this process's children. */
  killAll(signal: NodeJS.Signals = 'SIGTERM') {
    for (const child of this.children.values()) child.kill(signal);
  }

  runningChildren() {
    return [...this.children.entries()].map(([taskId, child]) => ({ taskId, pid: child.pid }));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
