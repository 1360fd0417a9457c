// Prisma's WASM schema engine, used offline instead of the native `prisma migrate` binary.
// applyMigrations() writes the same `_prisma_migrations` table that `prisma migrate deploy` writes.
// Plain ESM JavaScript so that Jest's globalSetup, tsx and the migration task can all load it.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

// In the repository this file sits in src/db; in a bundle (the agent image's `migrate` command) import.meta is
// empty and SCALEMAP_PRISMA_DIR / SCALEMAP_SCHEMA_ENGINE_WASM point at the copies next to the bundle.
const here = import.meta.url ? path.dirname(new URL(import.meta.url).pathname) : process.cwd();
const require = createRequire(import.meta.url ?? path.join(here, 'index.js'));
const prismaDir = process.env.SCALEMAP_PRISMA_DIR ?? path.resolve(here, '..', '..', 'prisma');
export const schemaPath = path.join(prismaDir, 'schema.prisma');
export const migrationsDir = path.join(prismaDir, 'migrations');
const FILTERS = { externalTables: [], externalEnums: [] };

let runtimePromise;
async function loadRuntime() {
  runtimePromise ??= (async () => {
    const runtime = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmFile =
      process.env.SCALEMAP_SCHEMA_ENGINE_WASM ??
      require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const module = await WebAssembly.compile(fs.readFileSync(wasmFile));
    // The engine's timers must not keep a process (Jest, a CLI) alive after the work is done.
    const imports = { ...runtime };
    for (const name of Object.keys(runtime).filter((n) => n.startsWith('__wbg_setTimeout'))) {
      imports[name] = (...args) => {
        const timer = runtime[name](...args);
        timer?.unref?.();
        return timer;
      };
    }
    const instance = await WebAssembly.instantiate(module, { './schema_engine_bg.js': imports });
    runtime.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return runtime;
  })();
  return runtimePromise;
}

function readMigrations() {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: {
          tag: 'ok',
          value: fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'),
        },
      },
    })),
  };
}

async function withEngine(connectionString, fn) {
  const runtime = await loadRuntime();
  const pool = new pg.Pool({ connectionString, max: 2, allowExitOnIdle: true });
  const schema = fs.readFileSync(schemaPath, 'utf8');
  const engine = await runtime.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool)),
  );
  try {
    return await fn(engine, schema);
  } finally {
    engine.free();
    await pool.end();
  }
}

/** Applies every migration in prisma/migrations not yet applied; returns their names. */
export async function applyMigrations(connectionString) {
  return withEngine(connectionString, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(), filters: FILTERS });
    return out.appliedMigrationNames;
  });
}

export const snapshotPath = path.join(migrationsDir, 'schema.snapshot.prisma');

/**
 * SQL that takes the schema of the last migration (kept as prisma/migrations/schema.snapshot.prisma) to
 * schema.prisma; empty when nothing changed. Datamodel to datamodel: no database is described (the engine only
 * connects), so this works whatever the PostgreSQL version (it cannot yet describe PostgreSQL 18's NOT NULL constraints).
 */
export async function diffSchema(connectionString) {
  return withEngine(connectionString, async (engine, schema) => {
    const previous = fs.existsSync(snapshotPath) ? fs.readFileSync(snapshotPath, 'utf8') : null;
    const result = await engine.diff({
      from: previous
        ? { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: previous }] }
        : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: null,
      shadowDatabaseUrl: null,
      filters: FILTERS,
    });
    const sql = (result.stdout ?? '').trim();
    return sql === '-- This is an empty migration.' ? '' : sql;
  });
}

/** Records the schema the migrations now produce. */
export function writeSnapshot() {
  fs.copyFileSync(schemaPath, snapshotPath);
}
