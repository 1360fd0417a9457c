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

/**
 * One Prisma client per process over a bounded pg pool (≤ 10 connections per task, DESIGN.md).
 * An idle connection the server closes (a restart, a failover) is logged, never an unhandled crash.
 */
export function createDb(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString, max, allowExitOnIdle: true });
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
