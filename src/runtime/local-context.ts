import path from 'node:path';
import type { Config } from '../config';
import type { AppContext } from '../context';
import { LocalEventBus } from '../adapters/local/local-event-bus';
import { LocalWorkflow } from '../adapters/local/local-workflow';
import { MailAlerter, OutboxMailer } from '../adapters/local/outbox-mailer';
import { PgTaskQueue } from '../adapters/local/pg-task-queue';
import { ProcessTaskLauncher } from '../adapters/local/process-task-launcher';
import { onTriageComplete, startPipeline } from '../pipeline/steps';

/** What both runtimes share (built by createContext in ./context.ts). */
export type BaseContext = Pick<AppContext, 'config' | 'db' | 'objectStore' | 'identity' | 'jwt' | 'stripe'>;

/**
 * The local half of the composition root: the embedded stack's adapters (outbox mailer, PostgreSQL queue, child
 * processes, the local Step Functions runner, the in-process event rules). Loaded only when SCALEMAP_RUNTIME is
 * `local`; the Lambda bundles leave it out (resources/esbuild.js), except under `sls invoke local`.
 */
export function createLocalContext(base: BaseContext): AppContext {
  const { config, db } = base;
  const dataDir = path.resolve(config.SCALEMAP_DATA_DIR);
  const outboxDir = path.join(dataDir, 'outbox');
  const mailer = new OutboxMailer(outboxDir, config.SES_FROM_ADDRESS);
  const alerter = new MailAlerter(mailer, config.FOUNDER_EMAIL);
  const workflow = new LocalWorkflow(db);
  const taskQueue = new PgTaskQueue(db, {
    onDeadLetter: async (m) => {
      await alerter.alert('Agent message dead-lettered', `${m.reason}\n\nMessage: ${m.body.slice(0, 2000)}`);
    },
  });
  const childEnv: Record<string, string> = {};
  for (const key of Object.keys(config) as (keyof Config)[]) {
    const value = config[key];
    if (value === undefined) continue;
    childEnv[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  const ctx: AppContext = {
    ...base,
    workflow,
    taskQueue,
    taskLauncher: new ProcessTaskLauncher(db, { env: childEnv }),
    mailer,
    alerter,
    outboxDir,
    eventBus: new LocalEventBus(
      {
        AssessmentSubmitted: async (event) => {
          await startPipeline(ctx, { correlationId: event.correlationId, ...event.detail } as never);
        },
        DomainTriageComplete: async (event) => {
          await onTriageComplete(ctx, event.detail as never);
        },
      },
      path.join(dataDir, 'events.jsonl'),
    ),
    close: async () => {
      await db.$disconnect();
    },
  };
  return ctx;
}
