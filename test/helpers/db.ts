import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createDb, type Db } from '../../src/db/client';

/**
 * A fresh, migrated database for one test file, cloned from the template that test/global-setup.mjs made.
 * Call in beforeAll; call `drop()` in afterAll.
 */
export async function createTestDatabase(): Promise<{ url: string; db: Db; drop: () => Promise<void> }> {
  const templateUrl = process.env.TEST_DATABASE_TEMPLATE_URL;
  if (!templateUrl)
    throw new Error('TEST_DATABASE_TEMPLATE_URL is not set: run through jest (test/global-setup.mjs)');
  const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new Client({ connectionString: templateUrl.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE scalemap_template`);
  await admin.end();
  const url = templateUrl.replace(/\/[^/]+$/, `/${name}`);
  const db = createDb(url, 5);
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      const c = new Client({ connectionString: templateUrl.replace(/\/[^/]+$/, '/postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
