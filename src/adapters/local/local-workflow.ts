import { EventEmitter } from 'node:events';
import type { Db } from '../../db/client';
import { Prisma } from '../../db/client';
import type { Workflow } from '../../ports';

/** Task tokens of the local runtime name their execution: `local:<executionId>`. */
export function localTaskToken(executionId: string): string {
  return `local:${executionId}`;
}

function executionOfToken(token: string): string {
  if (!token.startsWith('local:')) throw new Error('not a local task token');
  return token.slice('local:'.length);
}

/**
 * The local Workflow port. Starting records a PENDING execution (name unique, as on Step Functions:
 * a second start with the same name starts nothing); the local runner (src/local/runner.ts) claims and runs it.
 * Callbacks are written to the execution row, so they work from any process.
 */
export class LocalWorkflow implements Workflow {
  /** Wakes an in-process runner at once instead of at its next poll. */
  readonly notifier = new EventEmitter().setMaxListeners(0);

  constructor(private readonly db: Db) {}

  async start(opts: { name: string; input: Record<string, unknown> }) {
    const assessmentId = String(opts.input.assessmentId ?? '');
    try {
      await this.db.pipelineExecution.create({
        data: { executionId: opts.name, assessmentId, status: 'PENDING', input: opts.input as never },
      });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        return { executionId: opts.name, alreadyStarted: true };
      }
      throw err;
    }
    this.notifier.emit('execution');
    return { executionId: opts.name, alreadyStarted: false };
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>) {
    await this.db.pipelineExecution.update({
      where: { executionId: executionOfToken(taskToken) },
      data: { callbackOutput: output as never, callbackError: null },
    });
    this.notifier.emit('callback');
  }

  async sendTaskFailure(taskToken: string, error: string, cause: string) {
    await this.db.pipelineExecution.update({
      where: { executionId: executionOfToken(taskToken) },
      data: { callbackError: `${error}: ${cause}`.slice(0, 2000) },
    });
    this.notifier.emit('callback');
  }
}
