import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { dependencyOrder, qi, readSchema, type DatabaseSnapshot } from './snapshot';
import { compareDatabases, type Difference } from './compare';

/**
 * A logical copy of the ScaleMap database with `COPY … TO STDOUT` / `COPY … FROM STDIN` (pg-copy-streams), table
 * by table in foreign-key order: it works between any PostgreSQL versions (the Debian pg_dump here is 15 and
 * refuses a newer server; the embedded PostgreSQL ships none). The target's schema comes from this checkout's
 * migrations and must equal the source's before any row is written.
 */
export class DataRefusal extends Error {
  constructor(
    message: string,
    public readonly differences: Difference[] = [],
  ) {
    super(message);
    this.name = 'DataRefusal';
  }
}

export interface TableCopy {
  table: string;
  rows: number;
  /** The columns in the order a dump file holds them. */
  columns?: string[];
}

type Log = (line: string) => void;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Tables of the target that hold rows (a non-empty target is refused unless forced). */
export async function nonEmptyTables(url: string): Promise<Array<{ table: string; rows: number }>> {
  const client = await connect(url);
  try {
    const { tables } = await readSchema(client);
    const out: Array<{ table: string; rows: number }> = [];
    for (const t of tables) {
      if (t.name === '_prisma_migrations') continue;
      const res = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${qi(t.name)}`);
      if (Number(res.rows[0].n) > 0) out.push({ table: t.name, rows: Number(res.rows[0].n) });
    }
    return out;
  } finally {
    await client.end();
  }
}

async function appliedMigrations(client: Pick<pg.Client, 'query'>): Promise<string[]> {
  const exists = await client.query(`SELECT to_regclass('public._prisma_migrations') AS t`);
  if (!exists.rows[0].t) return [];
  const res = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1`,
  );
  return res.rows.map((r) => r.migration_name);
}

async function migrationsModule(): Promise<{
  applyMigrations: (url: string) => Promise<string[]>;
  migrationsDir: string;
}> {
  return import('../db/schema-engine.mjs');
}

/**
 * Brings the target to the source's schema with this checkout's migrations, then checks the two schemas are
 * identical. Refuses when the source carries a migration this checkout does not know.
 */
export async function prepareSchema(
  sourceUrl: string,
  targetUrl: string,
  log: Log = () => {},
): Promise<void> {
  const { applyMigrations, migrationsDir } = await migrationsModule();
  const src = await connect(sourceUrl);
  try {
    const known = new Set(
      fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name),
    );
    const unknown = (await appliedMigrations(src)).filter((m) => !known.has(m));
    if (unknown.length)
      throw new DataRefusal(
        `the source has migrations this checkout lacks: ${unknown.join(', ')} (update the checkout)`,
      );
    const applied = await applyMigrations(targetUrl);
    if (applied.length) log(`target: applied migrations ${applied.join(', ')}`);
    const dst = await connect(targetUrl);
    try {
      const a = await readSchema(src);
      const b = await readSchema(dst);
      const empty = { rowCounts: {}, orphans: {}, nullViolations: {}, serverVersion: '' };
      const diff = compareDatabases(
        { ...a, ...empty },
        { ...b, ...empty },
        { ignoreVersion: true },
      ).differences;
      if (diff.length)
        throw new DataRefusal(
          `the target's schema differs from the source's after migrating (${diff.length} differences)`,
          diff,
        );
    } finally {
      await dst.end();
    }
  } finally {
    await src.end();
  }
}

/** Columns of each table (COPY names them, so column order never matters). */
function columnList(schema: Pick<DatabaseSnapshot, 'tables'>, table: string): string {
  const t = schema.tables.find((x) => x.name === table);
  if (!t) throw new Error(`no table ${table}`);
  return t.columns.map((c) => qi(c.name)).join(', ');
}

/** Sets every serial/identity sequence past the highest value copied. */
async function resetSequences(client: pg.Client, schema: Pick<DatabaseSnapshot, 'tables'>): Promise<void> {
  for (const t of schema.tables)
    for (const c of t.columns) {
      if (!c.default?.startsWith('nextval(')) continue;
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${qi(c.name)}) FROM ${qi(t.name)}), 0) + 1, false)`,
        [qi(t.name), c.name],
      );
    }
}

/**
 * Copies every row of the source into the target in one target transaction (all or nothing); the source is read
 * in one REPEATABLE READ snapshot. The target must already have the schema (prepareSchema).
 */
export async function copyRows(
  sourceUrl: string,
  targetUrl: string,
  log: Log = () => {},
): Promise<TableCopy[]> {
  const src = await connect(sourceUrl);
  const dst = await connect(targetUrl);
  try {
    await src.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const schema = await readSchema(src);
    const order = dependencyOrder(
      schema.tables.map((t) => t.name),
      schema.foreignKeys,
    );
    await dst.query('BEGIN');
    await dst.query(`TRUNCATE ${order.map(qi).join(', ')} RESTART IDENTITY CASCADE`);
    const copied: TableCopy[] = [];
    for (const table of order) {
      const cols = columnList(schema, table);
      const reader = src.query(copyTo(`COPY (SELECT ${cols} FROM ${qi(table)}) TO STDOUT`));
      const writer = dst.query(copyFrom(`COPY ${qi(table)} (${cols}) FROM STDIN`));
      await pipeline(reader, writer);
      copied.push({ table, rows: writer.rowCount });
      log(`  ${table}: ${writer.rowCount} rows`);
    }
    await resetSequences(dst, schema);
    await dst.query('COMMIT');
    await src.query('COMMIT');
    return copied;
  } catch (err) {
    await dst.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await src.end();
    await dst.end();
  }
}

/**
 * Writes every table to `dir/<table>.copy` (COPY text format) from one REPEATABLE READ snapshot, and returns the
 * schema it was read with (kept in the backup's manifest).
 */
export async function dumpRows(
  sourceUrl: string,
  dir: string,
): Promise<{ tables: TableCopy[]; order: string[]; migrations: string[] }> {
  fs.mkdirSync(dir, { recursive: true });
  const src = await connect(sourceUrl);
  try {
    await src.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const schema = await readSchema(src);
    const order = dependencyOrder(
      schema.tables.map((t) => t.name),
      schema.foreignKeys,
    );
    const tables: TableCopy[] = [];
    for (const table of order) {
      const columns = schema.tables.find((t) => t.name === table)!.columns.map((c) => c.name);
      const reader = src.query(
        copyTo(`COPY (SELECT ${columns.map(qi).join(', ')} FROM ${qi(table)}) TO STDOUT`),
      );
      await pipeline(reader, fs.createWriteStream(path.join(dir, `${table}.copy`)));
      tables.push({ table, rows: reader.rowCount, columns });
    }
    const migrations = await appliedMigrations(src);
    await src.query('COMMIT');
    return { tables, order, migrations };
  } finally {
    await src.end();
  }
}

/** Loads `dir/<table>.copy` files (dumpRows) into a database that has the schema, in one transaction. */
export async function loadRows(targetUrl: string, dir: string, tables: TableCopy[]): Promise<TableCopy[]> {
  const order = tables.map((t) => t.table);
  const dst = await connect(targetUrl);
  try {
    const schema = await readSchema(dst);
    await dst.query('BEGIN');
    await dst.query(`TRUNCATE ${order.map(qi).join(', ')} RESTART IDENTITY CASCADE`);
    const loaded: TableCopy[] = [];
    for (const { table, columns } of tables) {
      const cols = columns ? columns.map(qi).join(', ') : columnList(schema, table);
      const writer = dst.query(copyFrom(`COPY ${qi(table)} (${cols}) FROM STDIN`));
      await pipeline(fs.createReadStream(path.join(dir, `${table}.copy`)), writer);
      loaded.push({ table, rows: writer.rowCount });
    }
    await resetSequences(dst, schema);
    await dst.query('COMMIT');
    return loaded;
  } catch (err) {
    await dst.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await dst.end();
  }
}
