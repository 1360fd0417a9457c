/**
 * Agent worker entrypoint: the container command of the Fargate triage and specialist task definitions,
 * and the child process the local TaskLauncher starts. AGENT_MODE=triage|specialist.
 * `node index.js migrate` (the one-off deploy task) applies prisma/migrations and seeds the agent prompts.
 *   triage:     runs one assessment's triage (ASSESSMENT_ID) and publishes DomainTriageComplete, then serves
 *               other assessments whose triage waits for capacity (src/pipeline/triage-backlog.ts) and exits.
 *   specialist: drains the agent queue, then exits (scale to zero); SIGTERM finishes or releases its message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { createDb, dbTimeouts } from '../../src/db/client';
import { EXIT_TEMPORARY_FAILURE, isDependencyUnavailable } from '../../src/db/unavailable';
import { seedAgentPrompts } from '../../src/agents/specialist-agent';
import { loadConfig, ConfigError } from '../../src/config';
import { createContext } from '../../src/runtime/context';
import { agentLlm } from '../../src/agents/llm-client';
import { setAppContext } from '../../src/runtime';
import { composeDatabaseUrl, withDatabaseUrl } from '../../src/runtime/database-url';
import { ensureAppRole } from '../../src/db/app-role';
import { runTriageTask, SpecialistWorker } from '../../src/agents/worker';
import { serveTriageBacklog, withTriageLock } from '../../src/pipeline/triage-backlog';
import { logger, withLogContext } from '../../src/logger';

const envSchema = z.discriminatedUnion('AGENT_MODE', [
  z.object({
    AGENT_MODE: z.literal('triage'),
    ASSESSMENT_ID: z.string().uuid('ASSESSMENT_ID must be a uuid'),
  }),
  z.object({ AGENT_MODE: z.literal('specialist') }),
]);

/**
 * The deploy's one-off migration task: migrations next to the bundle, then the specialist prompts, then the
 * application role (DML only) with the app-database secret's password. On AWS it connects as the RDS master
 * user (DATABASE_MASTER_CREDENTIALS, the RDS-managed secret); locally DATABASE_URL is used as it is.
 */
async function migrate(): Promise<number> {
  const adminUrl = composeDatabaseUrl(process.env, 'DATABASE_MASTER_CREDENTIALS');
  const config = loadConfig(adminUrl ? { ...process.env, DATABASE_URL: adminUrl } : process.env);
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required to migrate');
  const bundled = path.join(__dirname, 'prisma');
  if (fs.existsSync(path.join(bundled, 'migrations'))) {
    process.env.SCALEMAP_PRISMA_DIR ??= bundled;
    process.env.SCALEMAP_SCHEMA_ENGINE_WASM ??= path.join(__dirname, 'schema_engine_bg.wasm');
  }
  const { applyMigrations } = await import('../../src/db/schema-engine.mjs');
  const applied = await applyMigrations(config.DATABASE_URL);
  const db = createDb(config.DATABASE_URL, 2, dbTimeouts(config));
  try {
    await seedAgentPrompts(db);
  } finally {
    await db.$disconnect();
  }
  if (process.env.DATABASE_CREDENTIALS) {
    const { username } = await ensureAppRole(config.DATABASE_URL, process.env.DATABASE_CREDENTIALS);
    logger.info({ role: username }, 'application role has DML on the app tables');
  }
  logger.info({ applied }, 'migrations applied and agent prompts seeded');
  return 0;
}

// ECS sends SIGTERM before stopping a task: noted from the first moment, acted on once the worker exists.
let terminated = false;
const noteTerm = () => {
  terminated = true;
};
process.once('SIGTERM', noteTerm);

async function main(): Promise<number> {
  if (process.argv[2] === 'migrate') return migrate();
  const mode = envSchema.safeParse(process.env);
  if (!mode.success) {
    logger.fatal(
      { problems: mode.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
      'invalid agent environment',
    );
    return 2;
  }
  const config = loadConfig(withDatabaseUrl(process.env));
  const base = createContext(config);
  const ctx = { ...base, llm: agentLlm(config, base.db) };
  setAppContext(ctx);
  const correlationId = process.env.CORRELATION_ID || undefined;
  // Start-up cost of a task (process start to here: the runtime and the modules loaded), logged for profiling.
  logger.info(
    { startupMs: Math.round(process.uptime() * 1000), mode: mode.data.AGENT_MODE },
    'agent task ready',
  );
  try {
    if (mode.data.AGENT_MODE === 'triage') {
      const started = Date.now();
      const assessmentId = mode.data.ASSESSMENT_ID;
      // Its own assessment first (waiting if a task serving the backlog holds it), then the waiting backlog.
      await withTriageLock(ctx.db, assessmentId, 'wait', () =>
        runTriageTask(ctx, assessmentId, correlationId),
      );
      const more = await serveTriageBacklog(ctx.db, (id, corr) => runTriageTask(ctx, id, corr), {
        stopping: () => terminated,
      });
      logger.info({ workMs: Date.now() - started, backlogServed: more }, 'triage task done');
      return 0;
    }
    const worker = new SpecialistWorker(ctx, {
      visibilityTimeoutSeconds: config.AGENT_VISIBILITY_TIMEOUT_SECONDS,
      emptyPollsBeforeExit: config.AGENT_EMPTY_POLLS_BEFORE_EXIT,
      waitSeconds: config.SCALEMAP_RUNTIME === 'local' ? 1 : 10,
      stopGraceMs: 20_000,
      analysisDelayMs: config.AGENT_TEST_DELAY_MS,
    });
    const onTerm = () => {
      logger.info('SIGTERM: stopping after the current message');
      void worker.stop();
    };
    process.off('SIGTERM', noteTerm);
    process.once('SIGTERM', onTerm);
    if (terminated) onTerm();
    const processed = await withLogContext({ correlationId, taskId: process.env.TASK_ID }, () =>
      worker.run(),
    );
    logger.info({ processed }, 'queue empty: specialist worker exits');
    return 0;
  } finally {
    await ctx.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError) logger.fatal(err.message);
    else logger.fatal({ err }, 'agent task failed');
    // A dependency that is down is not this task's fault: EX_TEMPFAIL tells the pipeline to launch it again.
    process.exit(isDependencyUnavailable(err) ? EXIT_TEMPORARY_FAILURE : 1);
  },
);
