/**
 * Pure parsing of the figures founders write, in British formats: money (`£1.2M`, `£210k`, `£1,200,000`,
 * `(£30k)` negative), percentages (`4.1%`), durations (`9 months`, `about nine months`, `12 days`), ratios
 * (`3.2x`) and plain numbers; periods (`Mar 2026`, `2026-03`, `Q1 2026`, `FY25`) for table rows; and the
 * direction of a series. No I/O.
 */

export type Unit = 'gbp' | 'percent' | 'days' | 'months' | 'count' | 'ratio' | 'other';

export interface Quantity {
  number: number;
  unit: Unit;
  /** The text matched, e.g. "£1.2M", "about nine months". */
  raw: string;
  /** Index of the match in the input. */
  index: number;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  'twenty-four': 24,
  thirty: 30,
  'thirty-six': 36,
  sixty: 60,
  ninety: 90,
};

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
const SCALE = String.raw`bn|billion|mn|million|m|k|thousand`;
const AFTER = String.raw`%|per\s?cent|days?|weeks?|months?|mths?|years?|yrs?|x(?![a-z])`;
const APPROX = String.raw`(?:about|around|approximately|approx\.?|roughly|nearly|almost|c\.|circa|~|over|under|just over|just under)\s*`;

const QUANTITY_RE = new RegExp(
  String.raw`(?<approx>${APPROX})?(?<open>\()?\s*(?:(?<sign>[-−–])(?=£|GBP|\d|\.\d))?(?<cur>£|GBP\s?)?\s*(?<num>${NUM})\s*(?:(?<scale>${SCALE})(?![a-z]))?\s*(?<after>${AFTER})?(?![a-z])\s*(?<close>\))?`,
  'gi',
);
const WORD_DURATION_RE = new RegExp(
  String.raw`(?<approx>${APPROX})?\b(?<word>${Object.keys(NUMBER_WORDS).join('|')})\s+(?<after>days?|weeks?|months?|years?)\b`,
  'gi',
);

function scaleOf(scale: string | undefined): number {
  switch ((scale ?? '').toLowerCase()) {
    case 'bn':
    case 'billion':
      return 1e9;
    case 'm':
    case 'mn':
    case 'million':
      return 1e6;
    case 'k':
    case 'thousand':
      return 1e3;
    default:
      return 1;
  }
}

function unitAfter(after: string): { unit: Unit; factor: number } | null {
  const a = after.toLowerCase().replace(/\s+/g, '');
  if (a === '%' || a.startsWith('per')) return { unit: 'percent', factor: 1 };
  if (a.startsWith('day')) return { unit: 'days', factor: 1 };
  if (a.startsWith('week')) return { unit: 'days', factor: 7 };
  if (a.startsWith('m')) return { unit: 'months', factor: 1 };
  if (a.startsWith('y')) return { unit: 'months', factor: 12 };
  if (a === 'x') return { unit: 'ratio', factor: 1 };
  return null;
}

/** A date written out ("31 March 2026", "31/03/2026", "2026-03-31"): not a quantity. */
const DATE_AT =
  /^(\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}(-\d{2})?)/i;

/**
 * Every quantity in a piece of text, in order. `moneyHint` makes bare scaled numbers ("2.4M") pounds,
 * for labels that are about money (revenue, cash, burn...).
 */
export function findQuantities(text: string, opts: { moneyHint?: boolean } = {}): Quantity[] {
  const out: Quantity[] = [];
  const s = text.slice(0, 2000);
  for (const m of s.matchAll(QUANTITY_RE)) {
    const g = m.groups ?? {};
    if (!g.num || m.index === undefined) continue;
    const at = m.index + m[0].indexOf(g.num);
    // Skip dates and years used as dates ("March 2026", "31 March", "FY2025", "Q3").
    if (DATE_AT.test(s.slice(at))) continue;
    const before = s.slice(Math.max(0, at - 4), at);
    if (/[A-Za-z]$/.test(before) && !g.cur) continue; // part of a word or code ("Q3", "FY25", "H1")
    const raw = Number(g.num.replace(/,/g, ''));
    if (!Number.isFinite(raw)) continue;
    const isYear = /^(19|20)\d{2}$/.test(g.num) && !g.cur && !g.after && !g.scale;
    if (isYear) continue;
    let unit: Unit;
    let value = raw * scaleOf(g.scale);
    const after = g.after ? unitAfter(g.after) : null;
    if (g.cur) unit = 'gbp';
    else if (after) {
      unit = after.unit;
      value *= after.factor;
    } else if (g.scale && opts.moneyHint) unit = 'gbp';
    else if (g.scale) unit = 'other';
    else unit = Number.isInteger(raw) ? 'count' : 'other';
    // Accounting negatives, "(£30k)", apply to money and plain numbers, not to "(6 months)" or "(4%)".
    const parenthesised = Boolean(g.open) && Boolean(g.close) && !after;
    const negative = Boolean(g.sign) || parenthesised;
    if (negative) value = -value;
    out.push({
      number: round(value),
      unit,
      raw: m[0].trim(),
      index: m.index + (m[0].length - m[0].trimStart().length),
    });
  }
  for (const m of s.matchAll(WORD_DURATION_RE)) {
    const g = m.groups ?? {};
    const n = NUMBER_WORDS[(g.word ?? '').toLowerCase()];
    const after = unitAfter(g.after ?? '');
    if (n === undefined || !after || m.index === undefined) continue;
    out.push({ number: n * after.factor, unit: after.unit, raw: m[0].trim(), index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The first quantity in a text, or null. */
export function parseQuantity(text: string, opts: { moneyHint?: boolean } = {}): Quantity | null {
  return findQuantities(text, opts)[0] ?? null;
}

/**
 * A cell or short value that is wholly a quantity (a few words of context allowed: "£1.2M (unaudited)").
 * Used for table cells and value-only lines.
 */
export function parseWholeQuantity(text: string, opts: { moneyHint?: boolean } = {}): Quantity | null {
  const t = text.trim();
  if (!t || t.length > 60) return null;
  const q = parseQuantity(t, opts);
  if (!q) return null;
  const rest = (t.slice(0, q.index) + t.slice(q.index + q.raw.length)).replace(/[()[\],;:.*]/g, ' ').trim();
  return rest.split(/\s+/).filter(Boolean).length <= 3 ? q : null;
}

export function round(n: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function trimNumber(n: number, decimals: number): string {
  return n
    .toFixed(decimals)
    .replace(/\.0+$/, '')
    .replace(/(\.\d*?)0+$/, '$1');
}

/** A readable figure: £1.2M, £210k, £950, 4.1%, 9 months, 12 days, 3.2x, 1,234. */
export function formatQuantity(n: number, unit: Unit | undefined): string {
  const neg = n < 0;
  const a = Math.abs(n);
  let body: string;
  switch (unit) {
    case 'gbp':
      if (a >= 1e9) body = `£${trimNumber(a / 1e9, 2)}bn`;
      else if (a >= 1e6) body = `£${trimNumber(a / 1e6, 2)}M`;
      else if (a >= 1e4) body = `£${trimNumber(a / 1e3, 0)}k`;
      else if (a >= 1e3) body = `£${trimNumber(a / 1e3, 1)}k`;
      else body = `£${trimNumber(a, 2)}`;
      break;
    case 'percent':
      body = `${trimNumber(a, 1)}%`;
      break;
    case 'days':
      body = `${trimNumber(a, 1)} ${a === 1 ? 'day' : 'days'}`;
      break;
    case 'months':
      body = `${trimNumber(a, 1)} ${a === 1 ? 'month' : 'months'}`;
      break;
    case 'ratio':
      body = `${trimNumber(a, 2)}x`;
      break;
    default:
      body = a >= 1000 ? Math.round(a).toLocaleString('en-GB') : trimNumber(a, 2);
  }
  return neg ? `-${body}` : body;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface Period {
  /** Sortable key: year * 100 + month (quarters as their last month, years as 12). */
  key: number;
  label: string;
}

/** A period label of a table row: a Date, "Mar 2026", "March 2026", "2026-03", "03/2026", "Q1 2026", "FY2025", "2025". */
export function parsePeriod(value: unknown): Period | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const y = value.getUTCFullYear();
    const m = value.getUTCMonth();
    return { key: y * 100 + m + 1, label: `${MONTH_LABELS[m]} ${y}` };
  }
  if (typeof value !== 'string') return null;
  const s = value.trim().toLowerCase();
  if (!s || s.length > 30) return null;
  const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
  let m = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s-]*'?(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const mi = MONTHS.indexOf(m[1]!.slice(0, 3));
    const y = year(m[2]!);
    return { key: y * 100 + mi + 1, label: `${MONTH_LABELS[mi]} ${y}` };
  }
  m = /^(\d{4})[-/](\d{1,2})(?:[-/]\d{1,2})?$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const mi = Number(m[2]) - 1;
    return { key: Number(m[1]) * 100 + mi + 1, label: `${MONTH_LABELS[mi]} ${m[1]}` };
  }
  m = /^(?:\d{1,2}[/.])?(\d{1,2})[/.](\d{4})$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
    const mi = Number(m[1]) - 1;
    return { key: Number(m[2]) * 100 + mi + 1, label: `${MONTH_LABELS[mi]} ${m[2]}` };
  }
  m = /^q([1-4])[\s-]*(?:fy)?'?(\d{2}|\d{4})$/.exec(s) ?? /^(?:fy)?(\d{2}|\d{4})[\s-]*q([1-4])$/.exec(s);
  if (m) {
    const [q, y] = s.startsWith('q') ? [Number(m[1]), year(m[2]!)] : [Number(m[2]), year(m[1]!)];
    return { key: y * 100 + q * 3, label: `Q${q} ${y}` };
  }
  m = /^fy\s*'?(\d{2}|\d{4})$/.exec(s);
  if (m) return { key: year(m[1]!) * 100 + 12, label: `FY${year(m[1]!)}` };
  m = /^(19|20)(\d{2})$/.exec(s);
  if (m) return { key: Number(s) * 100 + 12, label: s };
  m = /^(?:week|wk|w)\s*(\d{1,2})$/.exec(s);
  if (m) return { key: Number(m[1]), label: `Week ${m[1]}` };
  return null;
}

/**
 * Direction of a series: the least-squares slope over the whole series, as a change across it relative to
 * the series' typical size; under 5% either way is flat.
 */
export function trendOf(values: readonly number[]): 'rising' | 'falling' | 'flat' {
  const n = values.length;
  if (n < 2) return 'flat';
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  const change = (num / den) * (n - 1);
  const scale = Math.max(...values.map((v) => Math.abs(v)), 1e-9);
  if (Math.abs(change) / scale < 0.05) return 'flat';
  return change > 0 ? 'rising' : 'falling';
}
