import './quiet';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { assertLocalModeAllowed, isLoopbackHost, loadConfig, type Config } from '../config';
import type { AppContext } from '../context';
import { createApp } from '../api/app';
import { answerClientErrorsAsJson } from '../api/http-server';
import { createSessionStore } from '../api/session-store';
import { dbTimeouts } from '../db/client';
import { createContext } from '../runtime/context';
import { setAppContext } from '../runtime';
import { freePort, startLocalStack, type LocalStack } from './stack';
import { LocalStepFunctionsRunner, type RunnerOptions } from './runner';
import { seedAgentPrompts } from '../agents/specialist-agent';
import { publishPending } from '../services/outbox';
import { purgeExpiredDocuments } from '../services/privacy';
import { logger, rootLogger } from '../logger';
import { OutboxMailer } from '../adapters/local/outbox-mailer';
import type { S3ObjectStore } from '../adapters/aws';
import { ProcessTaskLauncher } from '../adapters/local/process-task-launcher';

export interface ScaleMapLocal {
  url: string;
  config: Config;
  ctx: AppContext;
  stack: LocalStack;
  runner: LocalStepFunctionsRunner;
  stop(): Promise<void>;
}

export const WEB_DIR = path.resolve(__dirname, '..', '..', 'web', 'dist');

function sessionSecret(config: Config): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  const file = path.join(path.resolve(config.SCALEMAP_DATA_DIR), 'session-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * Starts the whole of ScaleMap on this machine: the embedded stack, the API (serving the built web app),
 * the local Step Functions runner and the outbox relay. Used by `npm start`, the demo, benchmarks and tests.
 */
export async function startScaleMap(
  env: NodeJS.ProcessEnv = process.env,
  opts: { runner?: Partial<RunnerOptions>; runPipeline?: boolean; applyMigrations?: boolean } = {},
): Promise<ScaleMapLocal> {
  let initial = loadConfig(env);
  assertLocalModeAllowed(initial);
  rootLogger.level = initial.LOG_LEVEL;
  if (initial.PORT === 0) {
    // The port must be known before the object store's CORS rules name the web origin.
    env = { ...env, PORT: String(await freePort()) };
    initial = loadConfig(env);
  }
  let outbox: OutboxMailer | undefined;
  const stack = await startLocalStack(initial, {
    applyMigrations: opts.applyMigrations,
    // cognito-local's codes (confirmation, password reset) arrive as emails in the local outbox.
    // Sign-up codes are not sent: local mode confirms new users at once.
    onCode: (d) => {
      if (d.source === 'SignUp') return;
      const reset = d.source === 'ForgotPassword';
      void outbox
        ?.send({
          to: d.destination,
          subject: reset ? 'Reset your ScaleMap password' : 'Your ScaleMap confirmation code',
          text: `Your ScaleMap code is ${d.code}`,
          html: `<p>Your ScaleMap code is <strong>${d.code}</strong></p>`,
        })
        .catch((err) => logger.warn({ err }, 'could not write the code email'));
    },
  });
  try {
    const config = loadConfig({ ...env, ...stack.env });
    rootLogger.level = config.LOG_LEVEL;
    fs.writeFileSync(path.join(stack.dataDir, 'stack.json'), JSON.stringify(stack.env, null, 2), {
      mode: 0o600,
    });
    const ctx = createContext(config);
    setAppContext(ctx);
    outbox = ctx.mailer as OutboxMailer;
    await seedAgentPrompts(ctx.db);
    // Presigned uploads come straight from the browser: the bucket's CORS rules name the web origins.
    const origins = config.CORS_ORIGINS.length
      ? config.CORS_ORIGINS
      : [`http://localhost:${config.PORT}`, `http://127.0.0.1:${config.PORT}`];
    await (ctx.objectStore as S3ObjectStore).ensureBucket([...origins, 'http://localhost:5173']);

    const sessions = createSessionStore(config.DATABASE_URL!, dbTimeouts(config));
    const app = createApp(ctx, {
      sessionStore: sessions.store,
      readCache: sessions.cache,
      readSession: sessions.read,
      sessionSecret: sessionSecret(config),
      webDir: WEB_DIR,
      authRateLimitPerMinute: config.AUTH_RATE_LIMIT_PER_MINUTE,
    });
    const server = http.createServer(app);
    answerClientErrorsAsJson(server);
    if (!isLoopbackHost(config.HOST))
      process.stderr.write(
        `WARNING: HOST=${config.HOST} makes this local stack reachable from other machines. Local mode is for ` +
          'development only: its user pool keeps passwords in plain files and signed-in users read their email ' +
          'in the outbox. Leave HOST unset (127.0.0.1) unless you really mean it.\n',
      );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.PORT, config.HOST, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
    // Links in emails and deliverables point at the origin the app is served from (same cookies).
    config.PUBLIC_URL ??= url;

    const runner = new LocalStepFunctionsRunner(ctx, {
      timeScale: config.SCALEMAP_TIME_SCALE,
      ...opts.runner,
    });
    if (opts.runPipeline !== false) await runner.start();
    const relay = setInterval(() => {
      publishPending(ctx.db, ctx.eventBus).catch((err) => logger.warn({ err }, 'outbox relay failed'));
    }, 5000);
    // Retention: the same job the daily Lambda runs, at start and then once a day.
    const purge = () =>
      purgeExpiredDocuments(ctx.db, ctx.objectStore, { months: config.DOCUMENT_RETENTION_MONTHS })
        .then((r) => r.documents && logger.info(r, 'retention: expired documents deleted'))
        .catch((err) => logger.warn({ err }, 'retention job failed'));
    const retention = setInterval(() => void purge(), 24 * 3600_000);
    retention.unref();
    void purge();

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        clearInterval(relay);
        clearInterval(retention);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await runner.stop();
        if (ctx.taskLauncher instanceof ProcessTaskLauncher) ctx.taskLauncher.killAll('SIGTERM');
        await sessions.close();
        await ctx.close();
        setAppContext(undefined);
        await stack.stop();
      })());
    return { url, config, ctx, stack, runner, stop };
  } catch (err) {
    await stack.stop();
    throw err;
  }
}
