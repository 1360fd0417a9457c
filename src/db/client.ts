import { createHash } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { logger } from '../logger';

export type Db = PrismaClient;
export { Prisma } from '../generated/prisma/client';

/**
 * Named prepared statements: each connection plans a query once and reuses the plan. The assessment view is one
 * ~7 KB joined query whose planning cost as much as its execution.
 */
function statementNameGenerator(query: { sql: string }): string {
  return `s_${createHash('sha1').update(query.sql).digest('hex').slice(0, 20)}`;
}

const pools = new WeakMap<Db, pg.Pool>();

/**
 * Hand-written SQL for the API's hot paths, straight on the driver adapter's pool (the same connections
 * Prisma uses, so the same pool limit), as a named prepared statement. Prisma stays for the model, the
 * migrations and everything that is not hot; a client not made by createDb goes through `$queryRawUnsafe`.
 */
export async function sql<T>(db: Db, text: string, values: unknown[]): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool) return db.$queryRawUnsafe<T[]>(text, ...values);
  const result = await pool.query({ name: statementNameGenerator({ sql: text }), text, values });
  return result.rows as T[];
}

/** How long the pool waits for a connection, for a statement, and keeps an idle connection (ms). */
export interface DbTimeouts {
  connectMs: number;
  statementMs: number;
  idleMs: number;
}

/** Defaults when no configuration is given (the same as src/config.ts's). */
export const DEFAULT_DB_TIMEOUTS: DbTimeouts = { connectMs: 5000, statementMs: 10000, idleMs: 30000 };

export function dbTimeouts(config: {
  DATABASE_CONNECT_TIMEOUT_MS: number;
  DATABASE_STATEMENT_TIMEOUT_MS: number;
  DATABASE_IDLE_TIMEOUT_MS: number;
}): DbTimeouts {
  return {
    connectMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    idleMs: config.DATABASE_IDLE_TIMEOUT_MS,
  };
}

/**
 * pg pool settings for the timeouts: a frozen or unreachable server fails a request within the limits instead of
 * hanging it. The server cancels long statements itself (statement_timeout); the client gives up 2 s later
 * (query_timeout) when the server cannot even answer, and such a connection is discarded, not reused.
 */
export function poolTimeouts(t: DbTimeouts): pg.PoolConfig {
  return {
    connectionTimeoutMillis: t.connectMs,
    idleTimeoutMillis: t.idleMs,
    statement_timeout: t.statementMs,
    query_timeout: t.statementMs + 2000,
    idle_in_transaction_session_timeout: t.statementMs * 2,
    keepAlive: true,
  };
}

/**
 * One Prisma client per process over a bounded pg pool (≤ 10 connections per task, DESIGN.md).
 * An idle connection the server closes (a restart, a failover) is logged, never an unhandled crash.
 */
export function createDb(connectionString: string, max = 10, timeouts: DbTimeouts = DEFAULT_DB_TIMEOUTS): Db {
  const pool = new pg.Pool({ connectionString, max, allowExitOnIdle: true, ...poolTimeouts(timeouts) });
  pool.on('error', (err) => logger.warn({ err: err.message }, 'idle database connection closed'));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { statementNameGenerator }) });
  pools.set(client, pool);
  const disconnect = client.$disconnect.bind(client);
  Object.assign(client, {
    $disconnect: async () => {
      await disconnect();
      await pool.end().catch(() => undefined);
    },
  });
  return client;
}
