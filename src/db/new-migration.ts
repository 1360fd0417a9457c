/**
 * `npm run migrate:diff -- NAME`: writes prisma/migrations/<timestamp>_NAME/migration.sql with the SQL that takes
 * the last migration's schema (prisma/migrations/schema.snapshot.prisma) to prisma/schema.prisma, using Prisma's
 * WASM schema engine offline, and updates the snapshot. The offline stand-in for `prisma migrate dev --create-only`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

async function main() {
  const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]+/gi, '_').toLowerCase();
  if (!name) {
    console.error('usage: npm run migrate:diff -- <name>');
    process.exit(2);
  }
  const { diffSchema, migrationsDir, writeSnapshot } = await import('./schema-engine.mjs');
  const { startEmbeddedPostgres } = await import('../local/embedded-postgres.mjs');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-migrate-'));
  fs.chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg') });
  let sql: string;
  try {
    sql = await diffSchema(pg.url);
  } finally {
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (!sql) {
    console.log('schema.prisma matches the migrations: nothing to write');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql + '\n');
  writeSnapshot();
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
