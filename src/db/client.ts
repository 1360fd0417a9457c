import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { logger } from '../logger';

export type Db = PrismaClient;
export { Prisma } from '../generated/prisma/client';

/**
 * One Prisma client per process over a bounded pg pool (≤ 10 connections per task, DESIGN.md).
 * An idle connection the server closes (a restart, a failover) is logged, never an unhandled crash.
 */
export function createDb(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString, max, allowExitOnIdle: true });
  pool.on('error', (err) => logger.warn({ err: err.message }, 'idle database connection closed'));
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  const disconnect = client.$disconnect.bind(client);
  Object.assign(client, {
    $disconnect: async () => {
      await disconnect();
      await pool.end().catch(() => undefined);
    },
  });
  return client;
}
