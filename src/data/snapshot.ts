import pg from 'pg';

/**
 * What `data:verify` compares between two copies of the ScaleMap database: the schema (tables, columns and
 * types, indexes, constraints, enum types), exact row counts per table, orphaned foreign keys and NULLs in NOT
 * NULL columns. Read inside one REPEATABLE READ transaction, so the figures belong to a single snapshot.
 */
export interface ColumnInfo {
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
}

export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** index name → definition (pg_get_indexdef) */
  indexes: Record<string, string>;
  /** constraint name → definition (pg_get_constraintdef) */
  constraints: Record<string, string>;
}

export interface DatabaseSnapshot {
  serverVersion: string;
  tables: TableInfo[];
  /** enum type name → labels in order */
  enums: Record<string, string[]>;
  foreignKeys: ForeignKey[];
  rowCounts: Record<string, number>;
  /** foreign key name → rows whose parent is missing */
  orphans: Record<string, number>;
  /** `table.column` → NULLs found in a column that is NOT NULL in this schema or the other one */
  nullViolations: Record<string, number>;
}

export const qi = (name: string) => `"${name.replace(/"/g, '""')}"`;

type Queryable = Pick<pg.Client, 'query'>;

/** Tables, columns, indexes, constraints, enums and foreign keys of the `public` schema. */
export async function readSchema(
  client: Queryable,
): Promise<Pick<DatabaseSnapshot, 'tables' | 'enums' | 'foreignKeys'>> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r','p') ORDER BY c.relname`,
  );
  const columns = await client.query<{
    table_name: string;
    column_name: string;
    type: string;
    not_null: boolean;
    def: string | null;
  }>(
    `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS def
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r','p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  const indexes = await client.query<{ tablename: string; indexname: string; indexdef: string }>(
    `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
  );
  const constraints = await client.query<{
    table_name: string;
    name: string;
    type: string;
    def: string;
    ref_table: string | null;
    cols: string[];
    ref_cols: string[] | null;
  }>(
    `SELECT c.relname AS table_name, k.conname AS name, k.contype AS type, pg_get_constraintdef(k.oid) AS def,
            r.relname AS ref_table,
            ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS cols,
            CASE WHEN k.contype = 'f' THEN
              ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                     JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) END AS ref_cols
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_class r ON r.oid = k.confrelid
      WHERE n.nspname = 'public' ORDER BY c.relname, k.conname`,
  );
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY t.typname`,
  );
  const byTable = new Map<string, TableInfo>(
    tables.rows.map((t) => [t.name, { name: t.name, columns: [], indexes: {}, constraints: {} }]),
  );
  for (const c of columns.rows)
    byTable.get(c.table_name)?.columns.push({
      name: c.column_name,
      type: c.type,
      nullable: !c.not_null,
      default: c.def,
    });
  for (const i of indexes.rows) {
    const t = byTable.get(i.tablename);
    if (t) t.indexes[i.indexname] = i.indexdef;
  }
  const foreignKeys: ForeignKey[] = [];
  for (const k of constraints.rows) {
    const t = byTable.get(k.table_name);
    if (t) t.constraints[k.name] = k.def;
    if (k.type === 'f' && k.ref_table && k.ref_cols)
      foreignKeys.push({
        name: k.name,
        table: k.table_name,
        columns: k.cols,
        refTable: k.ref_table,
        refColumns: k.ref_cols,
      });
  }
  return {
    tables: [...byTable.values()],
    enums: Object.fromEntries(enums.rows.map((e) => [e.name, e.labels])),
    foreignKeys,
  };
}

/** Rows of `fk.table` whose (non-NULL) key has no parent row. Works whether or not the constraint exists. */
export async function countOrphans(client: Queryable, fk: ForeignKey): Promise<number> {
  const join = fk.columns.map((c, i) => `p.${qi(fk.refColumns[i])} = c.${qi(c)}`).join(' AND ');
  const notNull = fk.columns.map((c) => `c.${qi(c)} IS NOT NULL`).join(' AND ');
  const res = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${qi(fk.table)} c
      WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${qi(fk.refTable)} p WHERE ${join})`,
  );
  return Number(res.rows[0].n);
}

/**
 * A snapshot of one database. `also` carries the other side's schema: its foreign keys and NOT NULL columns are
 * checked here too, so a copy that lost a constraint is still checked against the rule the original enforces.
 */
export async function snapshotDatabase(
  url: string,
  also?: Pick<DatabaseSnapshot, 'tables' | 'foreignKeys'>,
): Promise<DatabaseSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    const schema = await readSchema(client);
    const present = new Map(schema.tables.map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
    const rowCounts: Record<string, number> = {};
    for (const t of schema.tables) {
      const res = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${qi(t.name)}`);
      rowCounts[t.name] = Number(res.rows[0].n);
    }
    const orphans: Record<string, number> = {};
    const fks = new Map(schema.foreignKeys.map((f) => [f.name, f]));
    for (const f of also?.foreignKeys ?? []) if (!fks.has(f.name)) fks.set(f.name, f);
    for (const fk of fks.values()) {
      const usable =
        fk.columns.every((c) => present.get(fk.table)?.has(c)) &&
        fk.refColumns.every((c) => present.get(fk.refTable)?.has(c));
      if (usable) orphans[fk.name] = await countOrphans(client, fk);
    }
    const nullViolations: Record<string, number> = {};
    const notNull = new Set<string>();
    for (const t of [...schema.tables, ...(also?.tables ?? [])])
      for (const c of t.columns) if (!c.nullable) notNull.add(`${t.name}.${c.name}`);
    for (const key of [...notNull].sort()) {
      const [table, column] = key.split('.');
      if (!present.get(table)?.has(column)) continue;
      const res = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${qi(table)} WHERE ${qi(column)} IS NULL`,
      );
      nullViolations[key] = Number(res.rows[0].n);
    }
    await client.query('COMMIT');
    return { serverVersion: version.rows[0].server_version, ...schema, rowCounts, orphans, nullViolations };
  } finally {
    await client.end();
  }
}

/** Snapshots two databases, each also checked against the other's constraints. */
export async function snapshotPair(
  a: string,
  b: string,
): Promise<{ a: DatabaseSnapshot; b: DatabaseSnapshot }> {
  const first = await snapshotDatabase(a);
  const second = await snapshotDatabase(b, first);
  // Rules only the second side has (normally none): check the first side against them too.
  const rules = (s: DatabaseSnapshot) =>
    new Set([
      ...s.foreignKeys.map((f) => `fk:${f.name}`),
      ...s.tables.flatMap((t) => t.columns.filter((c) => !c.nullable).map((c) => `nn:${t.name}.${c.name}`)),
    ]);
  const known = rules(first);
  const extra = [...rules(second)].some((r) => !known.has(r));
  return { a: extra ? await snapshotDatabase(a, second) : first, b: second };
}

/** Tables in an order where every table comes after the tables its foreign keys point at. */
export function dependencyOrder(tables: string[], foreignKeys: ForeignKey[]): string[] {
  const deps = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of foreignKeys) if (fk.table !== fk.refTable) deps.get(fk.table)?.add(fk.refTable);
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t)) return;
    if (path.has(t)) throw new Error(`foreign keys form a cycle through ${t}`);
    path.add(t);
    for (const d of deps.get(t) ?? []) if (deps.has(d)) visit(d, path);
    path.delete(t);
    done.add(t);
    order.push(t);
  };
  for (const t of [...tables].sort()) visit(t, new Set());
  return order;
}
