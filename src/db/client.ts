import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;
export { Prisma } from '../generated/prisma/client';

/** One Prisma client per process, over a bounded pg pool (≤ 10 connections per task, DESIGN.md). */
export function createDb(connectionString: string, max = 10): Db {
  const adapter = new PrismaPg({ connectionString, max, allowExitOnIdle: true });
  return new PrismaClient({ adapter });
}
