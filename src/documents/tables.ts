import type { DocumentFact } from '../domain/document-facts';
import type { DomainId } from '../domain/domains';
import {
  formatQuantity,
  parsePeriod,
  parseWholeQuantity,
  round,
  trendOf,
  type Period,
  type Unit,
} from './values';
import { domainsFor, isMoneyLabel } from './vocabulary';

/**
 * Facts from a table (a CSV file, an Excel sheet, a Word table). Three shapes are recognised:
 * - a time series (first column = months, quarters, dates): per numeric column the first and latest
 *   value, the trend and the latest period ("Monthly churn %: 4.1% in Mar 2026, rising from 2.3% in Oct 2025");
 * - a breakdown by category (first column = clients, products, regions): per numeric column the total
 *   and the share of the largest row ("largest client 38% of revenue");
 * - a two-column metric / value list: one label–value fact per row.
 * Pure; sizes bounded by the caller.
 */

export type Cell = string | number | Date | boolean | null | undefined;

export interface RawTable {
  name: string;
  headers: string[];
  rows: Cell[][];
  /** Unit known from the file's formatting (Excel percent / currency formats), by column. */
  units?: (Unit | undefined)[];
}

export const MAX_TABLE_ROWS = 5000;
export const MAX_TABLE_COLUMNS = 60;
const TOTAL_ROW = /^(grand\s+)?(total|totals|sum|overall|all)\b/i;
const PERIOD_HEADER = /\b(month|period|date|quarter|year|week|fy)\b/i;
const KEY_VALUE_HEADER = /\b(metric|measure|kpi|item|indicator|figure|label|key|field|line)\b/i;
const VALUE_HEADER = /\b(value|figure|amount|result|actual|number)\b/i;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 10);
  return String(c).trim();
}

interface Num {
  n: number;
  unit?: Unit;
}

function cellNumber(c: Cell, moneyHint: boolean): Num | null {
  if (typeof c === 'number') return Number.isFinite(c) ? { n: c } : null;
  if (typeof c !== 'string') return null;
  const t = c.trim();
  if (!t) return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return { n: Number(t) };
  const q = parseWholeQuantity(t, { moneyHint });
  return q ? { n: q.number, unit: q.unit } : null;
}

function headerUnit(header: string): Unit | undefined {
  if (/%|\bpercent|\brate\b|\bshare\b|\bmargin\b/i.test(header)) return 'percent';
  if (/£|\bgbp\b/i.test(header)) return 'gbp';
  if (/\bdays?\b/i.test(header)) return 'days';
  if (/\bmonths\b/i.test(header)) return 'months';
  if (isMoneyLabel(header)) return 'gbp';
  return undefined;
}

function majority<T>(xs: (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  for (const x of xs) if (x !== undefined) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [k, v] of counts) if (v > n) [best, n] = [k, v];
  return best;
}

function singular(word: string): string {
  const w = word.trim().toLowerCase();
  if (/ies$/.test(w)) return w.replace(/ies$/, 'y');
  if (/(ss|us)$/.test(w)) return w;
  return w.replace(/s$/, '');
}

interface Column {
  index: number;
  header: string;
  unit?: Unit;
  values: (number | null)[];
}

/** Column headers made usable: blanks named "Column N", whitespace collapsed, bounded. */
export function cleanHeaders(headers: readonly Cell[], width: number): string[] {
  return Array.from({ length: Math.min(width, MAX_TABLE_COLUMNS) }, (_, i) => {
    const h = cellText(headers[i]).replace(/\s+/g, ' ');
    return clip(h || `Column ${i + 1}`, 120);
  });
}

export function tableFacts(table: RawTable, declared: DomainId | null): DocumentFact[] {
  const width = Math.min(
    MAX_TABLE_COLUMNS,
    Math.max(table.headers.length, ...table.rows.slice(0, 50).map((r) => r.length), 0),
  );
  const headers = cleanHeaders(table.headers, width);
  const rows = table.rows
    .slice(0, MAX_TABLE_ROWS)
    .filter((r) => r.some((c) => cellText(c) !== ''))
    .filter((r) => !TOTAL_ROW.test(cellText(r[0])));
  if (!rows.length || width < 2) return [];

  const labels = rows.map((r) => r[0]);
  const periods = labels.map((l) => parsePeriod(l));
  const periodShare = periods.filter(Boolean).length / rows.length;
  const timeSeries = periodShare >= 0.8 || (PERIOD_HEADER.test(headers[0]!) && periodShare >= 0.5);

  const columns: Column[] = [];
  for (let i = 1; i < width; i++) {
    const moneyHint = isMoneyLabel(headers[i]!);
    const parsed = rows.map((r) => cellNumber(r[i], moneyHint));
    const filled = rows.filter((r) => cellText(r[i]) !== '').length;
    const numeric = parsed.filter(Boolean).length;
    if (!numeric || numeric < 0.6 * filled) continue;
    const allIntegers = parsed.every((p) => !p || Number.isInteger(p.n));
    const unit =
      table.units?.[i] ??
      majority(parsed.map((p) => p?.unit)) ??
      headerUnit(headers[i]!) ??
      (allIntegers ? 'count' : undefined);
    columns.push({ index: i, header: headers[i]!, unit, values: parsed.map((p) => (p ? p.n : null)) });
  }
  if (!columns.length) return [];
  const where = (c: Column) => clip(`${table.name ? `${table.name}, ` : ''}column ${c.header}`, 120);
  const context = `${table.name} ${headers[0]}`;

  // Metric / value lists: one fact per row.
  const mixedUnits =
    columns.length === 1 &&
    new Set(rows.map((r) => cellNumber(r[columns[0]!.index], false)?.unit ?? 'none')).size > 1;
  if (
    !timeSeries &&
    width === 2 &&
    (KEY_VALUE_HEADER.test(headers[0]!) || VALUE_HEADER.test(headers[1]!) || mixedUnits)
  ) {
    return rows.flatMap((r, ri) => {
      const label = clip(cellText(r[0]), 200);
      const value = cellText(r[1]);
      if (!label || !value) return [];
      const n = cellNumber(r[1], isMoneyLabel(label));
      // Each row's own unit: a list of measures mixes money, days and counts (the column's majority is not it).
      const unit = n
        ? (n.unit ?? headerUnit(label) ?? (Number.isInteger(n.n) ? 'count' : 'other'))
        : undefined;
      return [
        {
          kind: 'label-value' as const,
          label,
          value: clip(n && typeof r[1] === 'number' ? formatQuantity(n.n, unit) : value, 300),
          ...(n && unit ? { number: round(n.n), unit } : {}),
          domains: domainsFor(label, declared, context),
          location: clip(`${table.name ? `${table.name}, ` : ''}row ${ri + 2}`, 120),
        },
      ];
    });
  }

  if (timeSeries) {
    // Oldest first: sort by period when every row has one, otherwise keep the file's order.
    let order = rows.map((_, i) => i);
    if (periods.every(Boolean)) {
      order = order.sort((a, b) => (periods[a] as Period).key - (periods[b] as Period).key);
    }
    return columns.flatMap((c) => {
      const points = order
        .map((i) => ({ v: c.values[i], p: periods[i]?.label ?? cellText(labels[i]) }))
        .filter((x): x is { v: number; p: string } => x.v !== null);
      if (points.length < 2) return [];
      const first = points[0]!;
      const latest = points[points.length - 1]!;
      const trend = trendOf(points.map((x) => x.v));
      const fmt = (n: number) => formatQuantity(n, c.unit);
      const value =
        trend === 'flat'
          ? `${fmt(latest.v)} in ${latest.p}, flat since ${first.p} (${points.length} periods)`
          : `${fmt(latest.v)} in ${latest.p}, ${trend} from ${fmt(first.v)} in ${first.p} (${points.length} periods)`;
      return [
        {
          kind: 'column' as const,
          label: clip(c.header, 200),
          value: clip(value, 300),
          number: round(latest.v),
          unit: c.unit ?? 'other',
          first: round(first.v),
          latest: round(latest.v),
          trend,
          period: clip(latest.p, 60),
          domains: domainsFor(c.header, declared, context),
          location: where(c),
        },
      ];
    });
  }

  // A breakdown by category: total and the largest row's share.
  const category = singular(headers[0]!) || 'row';
  return columns.flatMap((c): DocumentFact[] => {
    const entries = c.values
      .map((v, i) => ({ v, label: cellText(labels[i]).replace(/[.:;,]+$/, '') || `row ${i + 2}` }))
      .filter((x): x is { v: number; label: string } => x.v !== null);
    if (entries.length < 2) return [];
    const fmt = (n: number) => formatQuantity(n, c.unit);
    if (c.unit === 'percent' || entries.some((e) => e.v < 0)) {
      const sorted = [...entries].sort((a, b) => b.v - a.v);
      const hi = sorted[0]!;
      const lo = sorted[sorted.length - 1]!;
      return [
        {
          kind: 'column',
          label: clip(`${c.header} by ${category}`, 200),
          value: clip(
            `from ${fmt(lo.v)} (${lo.label}) to ${fmt(hi.v)} (${hi.label}) across ${entries.length} ${plural(category)}`,
            300,
          ),
          number: round(hi.v),
          unit: c.unit ?? 'other',
          domains: domainsFor(c.header, declared, context),
          location: where(c),
        },
      ];
    }
    const total = entries.reduce((a, e) => a + e.v, 0);
    if (total <= 0) return [];
    const top = entries.reduce((a, e) => (e.v > a.v ? e : a));
    const share = (top.v / total) * 100;
    const measure = /^[A-Z][A-Z]/.test(c.header)
      ? c.header
      : c.header.charAt(0).toLowerCase() + c.header.slice(1);
    return [
      {
        kind: 'column',
        label: clip(`Largest ${category} share of ${measure}`, 200),
        value: clip(
          `${top.label}: ${formatQuantity(share, 'percent')} of ${fmt(total)} total ${measure} across ${entries.length} ${plural(category)}`,
          300,
        ),
        number: round(share, 1),
        unit: 'percent',
        domains: domainsFor(`${c.header} ${category} concentration`, declared, context),
        location: where(c),
      },
      {
        kind: 'column',
        label: clip(`Total ${measure}`, 200),
        value: clip(`${fmt(total)} across ${entries.length} ${plural(category)}`, 300),
        number: round(total),
        unit: c.unit ?? 'other',
        domains: domainsFor(c.header, declared, context),
        location: where(c),
      },
    ];
  });
}

/** A compact, bounded plain-text rendering of a table for quoting and prompts. */
export function tableText(table: RawTable, maxRows = 40): string {
  const lines = [table.name ? `[${table.name}]` : '', table.headers.map(cellText).join(' | ')];
  for (const r of table.rows.slice(0, maxRows)) lines.push(r.map(cellText).join(' | '));
  if (table.rows.length > maxRows) lines.push(`… ${table.rows.length - maxRows} more rows`);
  return lines.filter(Boolean).join('\n');
}

/** "opportunity" → "opportunities", "client" → "clients", "process" → "processes". */
function plural(noun: string): string {
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(noun)) return `${noun}es`;
  return `${noun}s`;
}
