// Jest global setup: one real embedded PostgreSQL for the whole run, with a migrated template database.
// Test files get their own database cloned from the template (test/helpers/db.ts), so they can run in parallel.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/local/embedded-postgres.mjs';
import { applyMigrations } from '../src/db/schema-engine.mjs';

export default async function globalSetup() {
  process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.NODE_ENV = 'test';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-test-pg-'));
  const pgServer = await startEmbeddedPostgres({ dataDir, database: 'scalemap_template' });
  await applyMigrations(pgServer.url);
  globalThis.__SCALEMAP_PG__ = { stop: pgServer.stop, dataDir };
  process.env.TEST_DATABASE_TEMPLATE_URL = pgServer.url;
  process.env.DATABASE_URL = pgServer.url;
}
