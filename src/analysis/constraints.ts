import type { Recommendation } from '../domain/analysis';

/**
 * What the client's validation text says about constraints, owners and success criteria. Pure parsing of free
 * text, deliberately conservative: a constraint is only applied when its wording is unambiguous.
 */

export interface FreezeWindow {
  from: Date;
  to: Date;
  /** The client's words, verbatim. */
  text: string;
}

export interface ParsedConstraints {
  hiringFreeze: boolean;
  budgetFreeze: boolean;
  freezes: FreezeWindow[];
  /** The sentences that carried each constraint, verbatim. */
  quotes: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RX =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

function monthIndex(m: string): number {
  return MONTHS.indexOf(m.slice(0, 3).toLowerCase());
}

/** The next date (on or after `after`) with that day and month. */
function nextDate(day: number, month: number, after: Date): Date {
  let d = new Date(Date.UTC(after.getUTCFullYear(), month, day));
  if (d.getTime() < after.getTime() - 31 * 86400000)
    d = new Date(Date.UTC(after.getUTCFullYear() + 1, month, day));
  return d;
}

function lastDay(month: number, year: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

export function sentencesOf(text: string): string[] {
  return (text.match(/[^.!?\n;]+[.!?]?/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

export function parseConstraints(text: string, now: Date): ParsedConstraints {
  const out: ParsedConstraints = { hiringFreeze: false, budgetFreeze: false, freezes: [], quotes: [] };
  for (const s of sentencesOf(text)) {
    let hit = false;
    if (
      /hiring freeze|freeze on hiring|headcount freeze|no (?:new )?(?:hires|hiring|headcount)|can(?:not|'t|’t) hire|not (?:able to )?hir(?:e|ing)/i.test(
        s,
      )
    ) {
      out.hiringFreeze = true;
      hit = true;
    }
    if (
      /budget freeze|no (?:new |extra |additional )?(?:budget|spend|money|investment)|spending freeze|can(?:not|'t|’t) spend|no new (?:software|tools|suppliers)/i.test(
        s,
      )
    ) {
      out.budgetFreeze = true;
      hit = true;
    }
    if (/freeze|peak|black ?friday|no (?:system |process )?changes|blackout|year[- ]end/i.test(s)) {
      const range = new RegExp(
        `(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RX}\\s*(?:to|until|till|and|[-–])\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RX}`,
        'i',
      ).exec(s);
      const sameMonth = new RegExp(
        `(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:to|[-–])\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RX}`,
        'i',
      ).exec(s);
      const months = new RegExp(`${MONTH_RX}\\s*(?:to|until|and|[-–])\\s*${MONTH_RX}`, 'i').exec(s);
      const oneMonth = new RegExp(`(?:in|during|through(?:out)?|all of|over)\\s+${MONTH_RX}\\b`, 'i').exec(s);
      let w: { from: Date; to: Date } | null = null;
      if (range) {
        const from = nextDate(Number(range[1]), monthIndex(range[2]), now);
        let to = nextDate(Number(range[3]), monthIndex(range[4]), from);
        if (to < from) to = new Date(Date.UTC(to.getUTCFullYear() + 1, to.getUTCMonth(), to.getUTCDate()));
        w = { from, to };
      } else if (sameMonth) {
        const m = monthIndex(sameMonth[3]);
        w = { from: nextDate(Number(sameMonth[1]), m, now), to: nextDate(Number(sameMonth[2]), m, now) };
      } else if (months) {
        const from = nextDate(1, monthIndex(months[1]), now);
        const m2 = monthIndex(months[2]);
        let to = nextDate(1, m2, from);
        to = new Date(Date.UTC(to.getUTCFullYear(), m2, lastDay(m2, to.getUTCFullYear())));
        w = { from, to };
      } else if (oneMonth) {
        const m = monthIndex(oneMonth[1]);
        const from = nextDate(1, m, now);
        w = { from, to: new Date(Date.UTC(from.getUTCFullYear(), m, lastDay(m, from.getUTCFullYear()))) };
      }
      if (w) {
        out.freezes.push({ ...w, text: s });
        hit = true;
      }
    }
    if (hit) out.quotes.push(s);
  }
  return out;
}

/** Whether the constraints rule an action out: hiring under a hiring freeze, new spend under a budget freeze. */
export function violates(
  rec: Pick<Recommendation, 'tags' | 'title' | 'action'>,
  c: ParsedConstraints,
): string | null {
  const tags = rec.tags ?? [];
  if (c.hiringFreeze && (tags.includes('hiring') || HIRING_WORDS.test(`${rec.title} ${rec.action}`)))
    return 'hiring';
  if (c.budgetFreeze && tags.includes('spend')) return 'spend';
  return null;
}

/** Words that mean taking on people; used to check that no kit under a hiring freeze tells the client to. */
export const HIRING_WORDS =
  /\b(?:hire|hires|hiring|recruit\w*|new headcount|appoint an? (?:external|new)|job advert)\b/i;

/** An owner the client named in a piece of text: "Sarah will lead this", "owner: Tom Price", "led by Priya". */
export function namedOwner(text: string): string | null {
  const patterns = [
    /\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:\s*\([^)]{1,40}\))?\s+(?:will|can|should|is going to|has agreed to)\s+(?:own|lead|run|drive|take (?:this|it) on)\b/,
    /\b(?:owner|owned by|led by|lead(?:er)?|run by|sponsor)\s*(?:is|:|-|–)?\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?)/,
    /\b([A-Z][a-z]+(?: [A-Z][a-z]+)?),?\s+(?:our|the)\s+(?:[A-Za-z]+\s+){0,3}(?:director|manager|lead|head|officer|coo|cfo|cto|ceo)\b[^.]{0,40}\b(?:own|lead|run)/,
  ];
  const stop = new Set([
    'The',
    'This',
    'We',
    'Our',
    'It',
    'They',
    'I',
    'Finance',
    'Sales',
    'Operations',
    'Team',
    'Nobody',
    'No',
    'One',
  ]);
  for (const rx of patterns) {
    const m = rx.exec(text);
    if (m && !stop.has(m[1].split(' ')[0])) return m[1];
  }
  return null;
}

/** The success criteria, clause by clause, verbatim. */
export function criteriaClauses(text: string): string[] {
  return text
    .split(/[;\n]|(?<=\.)\s+|,\s+(?=[a-z]*\s*[A-Za-z]+ (?:below|above|under|over|to|at|within|from)\b)/)
    .map((s) => s.trim().replace(/^(?:and|or)\s+/i, ''))
    .filter((s) => s.length > 3);
}
