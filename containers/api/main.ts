/**
 * API entrypoint: the container command of the Fargate API service (`node index.js`).
 * The same Express app as `npm start` and the Lambda (functions/api.ts), with the AWS adapters.
 */
import '../../src/local/quiet';
import http from 'node:http';
import path from 'node:path';
import { loadConfig, ConfigError } from '../../src/config';
import { createContext } from '../../src/runtime/context';
import { setAppContext } from '../../src/runtime';
import { withDatabaseUrl } from '../../src/runtime/database-url';
import { createApp } from '../../src/api/app';
import { answerClientErrorsAsJson } from '../../src/api/http-server';
import { createSessionStore } from '../../src/api/session-store';
import { dbTimeouts } from '../../src/db/client';
import { logger, rootLogger } from '../../src/logger';

async function main() {
  const config = loadConfig(withDatabaseUrl(process.env));
  rootLogger.level = config.LOG_LEVEL;
  // The container is the deployed API: never local mode (outbox of emails, no real user pool).
  if (config.SCALEMAP_RUNTIME !== 'aws')
    throw new ConfigError([
      'SCALEMAP_RUNTIME: the API container runs only with SCALEMAP_RUNTIME=aws (local mode is `npm start`)',
    ]);
  if (!config.DATABASE_URL) throw new ConfigError(['DATABASE_URL: required by the API']);
  if (!config.SESSION_SECRET && config.NODE_ENV === 'production')
    throw new ConfigError(['SESSION_SECRET: required in production']);
  const ctx = createContext(config);
  setAppContext(ctx);
  const sessions = createSessionStore(config.DATABASE_URL, dbTimeouts(config));
  const app = createApp(ctx, {
    sessionStore: sessions.store,
    readCache: sessions.cache,
    readSession: sessions.read,
    sessionSecret: config.SESSION_SECRET ?? 'scalemap-development-only-secret',
    webDir: process.env.WEB_DIR ?? path.join(__dirname, 'web'),
    authRateLimitPerMinute: config.AUTH_RATE_LIMIT_PER_MINUTE,
  });
  const server = http.createServer(app);
  answerClientErrorsAsJson(server);
  server.keepAliveTimeout = 65_000; // longer than the ALB's idle timeout
  await new Promise<void>((resolve) =>
    server.listen(config.PORT, process.env.LISTEN_HOST ?? '0.0.0.0', resolve),
  );
  logger.info({ port: config.PORT, runtime: config.SCALEMAP_RUNTIME }, 'ScaleMap API listening');
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(async () => {
      await sessions.close();
      await ctx.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 20_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) logger.fatal(err.message);
  else logger.fatal({ err }, 'the API could not start');
  process.exit(1);
});
