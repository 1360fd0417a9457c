import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase } from '../../test/helpers/db';
import { ensureAppRole } from './app-role';

/** The DML-only application role, against the real (embedded) PostgreSQL. */
describe('ensureAppRole', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const role = `app_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const password = 'a-long-enough-app-password-1';
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
    const admin = new Client({ connectionString: database.url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await admin.end();
  });

  function asApp() {
    const u = new URL(database.url);
    u.username = role;
    u.password = password;
    return new Client({ connectionString: u.toString() });
  }

  test('may read and write the app tables, may not change the schema; running it twice is fine', async () => {
    // Act
    await ensureAppRole(database.url, JSON.stringify({ username: role, password }));
    await ensureAppRole(database.url, JSON.stringify({ username: role, password }));
    const c = asApp();
    await c.connect();
    try {
      // Assess
      await expect(c.query('SELECT count(*) FROM outbox_events')).resolves.toBeDefined();
      await expect(c.query('DROP TABLE outbox_events')).rejects.toThrow(/must be owner|permission denied/);
      await expect(c.query('CREATE TABLE intruder (id int)')).rejects.toThrow(/permission denied/);
    } finally {
      await c.end();
    }
  });

  test('refuses a secret without a usable name or password', async () => {
    await expect(
      ensureAppRole(database.url, JSON.stringify({ username: 'Bad;Name', password })),
    ).rejects.toThrow(/username/);
    await expect(
      ensureAppRole(database.url, JSON.stringify({ username: role, password: 'short' })),
    ).rejects.toThrow(/password/);
  });
});
