import type { DatabaseSnapshot, TableInfo } from './snapshot';
import type { StoredObject } from './objects';

/**
 * Pure comparison of two copies (database snapshots and object inventories). Each difference is named: the
 * check, the table / index / constraint / object it concerns, and the value on each side.
 */
export type CheckName =
  | 'server-version'
  | 'table'
  | 'column'
  | 'index'
  | 'constraint'
  | 'enum'
  | 'rows'
  | 'orphans'
  | 'not-null'
  | 'object';

export interface Difference {
  check: CheckName;
  name: string;
  a: string;
  b: string;
}

export interface Comparison {
  differences: Difference[];
  /** One line per table: rows on each side (the printed table's body). */
  tables: Array<{ table: string; a: number | null; b: number | null }>;
  objects?: { a: number; b: number; bytesA: number; bytesB: number };
}

const missing = '(missing)';

function compareRecords(
  check: CheckName,
  prefix: string,
  a: Record<string, string>,
  b: Record<string, string>,
  out: Difference[],
) {
  for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (a[name] === b[name]) continue;
    out.push({ check, name: `${prefix}${name}`, a: a[name] ?? missing, b: b[name] ?? missing });
  }
}

function compareTable(a: TableInfo, b: TableInfo, out: Difference[]) {
  const col = (t: TableInfo) =>
    Object.fromEntries(
      t.columns.map((c) => [
        c.name,
        `${c.type}${c.nullable ? '' : ' NOT NULL'}${c.default ? ` DEFAULT ${c.default}` : ''}`,
      ]),
    );
  compareRecords('column', `${a.name}.`, col(a), col(b), out);
  compareRecords('index', '', a.indexes, b.indexes, out);
  compareRecords('constraint', `${a.name}.`, a.constraints, b.constraints, out);
}

/** Differences between two database snapshots; `ignoreVersion` skips the server major version check. */
export function compareDatabases(
  a: DatabaseSnapshot,
  b: DatabaseSnapshot,
  opts: { ignoreVersion?: boolean } = {},
): Comparison {
  const out: Difference[] = [];
  const major = (v: string) => v.split(/[.\s]/)[0];
  if (!opts.ignoreVersion && major(a.serverVersion) !== major(b.serverVersion))
    out.push({
      check: 'server-version',
      name: 'PostgreSQL major version',
      a: a.serverVersion,
      b: b.serverVersion,
    });
  const ta = new Map(a.tables.map((t) => [t.name, t]));
  const tb = new Map(b.tables.map((t) => [t.name, t]));
  const names = [...new Set([...ta.keys(), ...tb.keys()])].sort();
  for (const name of names) {
    const x = ta.get(name);
    const y = tb.get(name);
    if (!x || !y) {
      out.push({ check: 'table', name, a: x ? 'present' : missing, b: y ? 'present' : missing });
      continue;
    }
    compareTable(x, y, out);
  }
  const enums = (s: DatabaseSnapshot) =>
    Object.fromEntries(Object.entries(s.enums).map(([k, v]) => [k, v.join(', ')]));
  compareRecords('enum', '', enums(a), enums(b), out);
  for (const name of names) {
    const ra = a.rowCounts[name];
    const rb = b.rowCounts[name];
    if (ra !== undefined && rb !== undefined && ra !== rb)
      out.push({ check: 'rows', name, a: String(ra), b: String(rb) });
  }
  for (const [side, s] of [
    ['a', a],
    ['b', b],
  ] as const) {
    for (const [fk, n] of Object.entries(s.orphans))
      if (n > 0)
        out.push({
          check: 'orphans',
          name: fk,
          a: side === 'a' ? `${n} orphaned` : '',
          b: side === 'b' ? `${n} orphaned` : '',
        });
    for (const [column, n] of Object.entries(s.nullViolations))
      if (n > 0)
        out.push({
          check: 'not-null',
          name: column,
          a: side === 'a' ? `${n} NULL` : '',
          b: side === 'b' ? `${n} NULL` : '',
        });
  }
  return {
    differences: out,
    tables: names.map((t) => ({ table: t, a: a.rowCounts[t] ?? null, b: b.rowCounts[t] ?? null })),
  };
}

/** Differences between two object inventories: keys on one side only, sizes, checksums. */
export function compareObjects(a: StoredObject[], b: StoredObject[]): Difference[] {
  const out: Difference[] = [];
  const ma = new Map(a.map((o) => [o.key, o]));
  const mb = new Map(b.map((o) => [o.key, o]));
  for (const key of [...new Set([...ma.keys(), ...mb.keys()])].sort()) {
    const x = ma.get(key);
    const y = mb.get(key);
    if (!x || !y) {
      out.push({
        check: 'object',
        name: key,
        a: x ? `${x.size} B` : missing,
        b: y ? `${y.size} B` : missing,
      });
    } else if (x.size !== y.size) {
      out.push({ check: 'object', name: key, a: `${x.size} B`, b: `${y.size} B` });
    } else if (x.sha256 !== y.sha256) {
      out.push({
        check: 'object',
        name: key,
        a: `sha256 ${x.sha256.slice(0, 12)}`,
        b: `sha256 ${y.sha256.slice(0, 12)}`,
      });
    }
  }
  return out;
}

export function withObjects(c: Comparison, a: StoredObject[], b: StoredObject[]): Comparison {
  const bytes = (l: StoredObject[]) => l.reduce((s, o) => s + o.size, 0);
  return {
    differences: [...c.differences, ...compareObjects(a, b)],
    tables: c.tables,
    objects: { a: a.length, b: b.length, bytesA: bytes(a), bytesB: bytes(b) },
  };
}

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The printed report: rows per table, objects, then every difference (or "no differences"). */
export function formatComparison(
  c: Comparison,
  labels: { a: string; b: string } = { a: 'a', b: 'b' },
): string {
  const rowsDiffer = new Set(c.differences.filter((d) => d.check === 'rows').map((d) => d.name));
  const lines = [
    pad([
      ['table', labels.a, labels.b, ''],
      ...c.tables.map((t) => [
        t.table,
        t.a === null ? missing : String(t.a),
        t.b === null ? missing : String(t.b),
        t.a === null || t.b === null || rowsDiffer.has(t.table) ? 'DIFFERENT' : 'ok',
      ]),
      ...(c.objects
        ? [
            [
              '(objects)',
              `${c.objects.a} (${c.objects.bytesA} B)`,
              `${c.objects.b} (${c.objects.bytesB} B)`,
              c.differences.some((d) => d.check === 'object') ? 'DIFFERENT' : 'ok',
            ],
          ]
        : []),
    ]),
    '',
  ];
  if (c.differences.length === 0) {
    lines.push('No differences: schema, row counts, foreign keys, NOT NULL columns and objects all match.');
  } else {
    const n = c.differences.length;
    lines.push(`${n} ${n === 1 ? 'difference' : 'differences'}:`);
    lines.push(
      pad([['check', 'name', labels.a, labels.b], ...c.differences.map((d) => [d.check, d.name, d.a, d.b])]),
    );
  }
  return lines.join('\n');
}
