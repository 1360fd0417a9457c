import { findClientTextViolations, type ClientTextViolation } from '../../src/domain/client-text';
import type { ForbiddenAdvice } from '../../test/eval/types';

/**
 * The metrics of the analysis evaluation (issue 8, "Measure it"), as pure functions over the text the client
 * sees. Definitions:
 *
 * - Text: the visible text of a deliverable's HTML (scripts/eval/visible-text.ts), one block per line.
 * - Sentence: a block split after . ! ? (or a line break), normalised — Unicode NFKC, curly quotes and dashes
 *   made plain, lower case, white space collapsed, trailing punctuation dropped — and then *masked*: the
 *   company's own names (company, people it named) become "<name>" and every number (3, 3.6, 1,200) becomes "#", so
 *   that a template filled with different figures or names still counts as the same sentence. Only
 *   sentences of at least 6 words count; headings and table labels fall away. Sentences that only echo the
 *   client's own words (profile, follow-ups, validation texts) are left out: repeating the client's constraints
 *   back is neither template advice nor a change made because of validation.
 * - Kit sentences: the set (no duplicates) of sentences of one implementation-kits deliverable.
 * - Shared share of a company: kit sentences that also appear in another company's kits / its kit sentences.
 *   Overall: the same ratio pooled over all companies. Target ≤ 20%.
 * - Change share of a company: kit sentences under the validation that do not appear in the kits produced
 *   under the opposite validation / kit sentences under the validation. Target ≥ 40%.
 * - Cited (document facts, client statements): a fact counts when any of its forms appears in the normalised
 *   visible text of any of the three deliverables (case-insensitive; quotes, dashes, minus signs and spaces
 *   normalised); a statement when its normalised text appears there verbatim.
 * - Constraint violations: sentences of the text matching a forbidden-advice pattern, outside quotation marks
 *   and not an echo of the client's own words.
 * - Internal-mechanics hits: findClientTextViolations (src/domain/client-text.ts) over every deliverable and
 *   every email the client received.
 */

export const MIN_SENTENCE_WORDS = 6;

/** Plain, comparable text: NFKC, straight quotes, plain dashes and minus, single spaces, lower case. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits visible text into raw sentences (not normalised), keeping their original wording. */
export function splitSentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((block) => block.split(/(?<=[.!?])\s+(?=["“‘'(£$€]?[A-Z0-9])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The comparable sentences of a text (see the definitions above), as a set. `names` are masked (company name,
 * its short form, people the client named).
 */
export function sentenceSet(text: string, names: readonly string[] = [], clientWords = ''): Set<string> {
  const echo = normalise(clientWords);
  const masks = names
    .map((n) => normalise(n))
    .filter((n) => n.length >= 3)
    .sort((a, b) => b.length - a.length)
    .map((n) => new RegExp(`\\b${escapeRegExp(n)}\\b`, 'g'));
  const out = new Set<string>();
  for (const raw of splitSentences(text)) {
    let s = normalise(raw);
    if (echo && echo.includes(s.replace(/[\s.!?;:,]+$/, ''))) continue;
    for (const m of masks) s = s.replace(m, '<name>');
    s = s.replace(/\d(?:[\d,.]*\d)?/g, '#').replace(/[\s.!?;:,]+$/, '');
    if (s.split(' ').filter((w) => /[a-z<#]/.test(w)).length >= MIN_SENTENCE_WORDS) out.add(s);
  }
  return out;
}

export interface Ratio {
  count: number;
  total: number;
}

export function share(r: Ratio): number {
  return r.total === 0 ? 0 : r.count / r.total;
}

/** Sentences of `own` that also appear in any of `others`. */
export function sharedWithOthers(own: Set<string>, others: readonly Set<string>[]): Ratio {
  let count = 0;
  for (const s of own) if (others.some((o) => o.has(s))) count++;
  return { count, total: own.size };
}

/** Sentences of `a` that do not appear in `b`. */
export function changedBetween(a: Set<string>, b: Set<string>): Ratio {
  let count = 0;
  for (const s of a) if (!b.has(s)) count++;
  return { count, total: a.size };
}

/** Which expected document facts appear (any form) in the text. */
export function citedFacts(text: string, facts: readonly { what: string; forms: string[] }[]) {
  const t = normalise(text);
  const cited = facts.filter((f) => f.forms.some((form) => t.includes(normalise(form))));
  return {
    count: cited.length,
    total: facts.length,
    missing: facts.filter((f) => !cited.includes(f)).map((f) => f.what),
  };
}

/** Which of the client's statements are quoted verbatim (after normalisation) in the text. */
export function citedStatements(text: string, statements: readonly string[]) {
  const t = normalise(text);
  const cited = statements.filter((s) => t.includes(normalise(s)));
  return {
    count: cited.length,
    total: statements.length,
    missing: statements.filter((s) => !cited.includes(s)),
  };
}

export interface AdviceViolation {
  why: string;
  sentence: string;
}

/** Sentences of the text that give advice the company must not receive. */
export function forbiddenAdvice(
  text: string,
  rules: readonly ForbiddenAdvice[],
  clientWords = '',
): AdviceViolation[] {
  const echo = normalise(clientWords);
  const out: AdviceViolation[] = [];
  // The client's own words, quoted (even across sentences) or echoed back, are not advice.
  const unquoted = text.replace(/“[^”\n]*”|"[^"\n]*"/g, '“…”');
  for (const sentence of splitSentences(unquoted)) {
    if (echo && echo.includes(normalise(sentence).replace(/[\s.!?;:,]+$/, ''))) continue;
    for (const r of rules)
      if (r.pattern.test(sentence)) out.push({ why: r.why, sentence: sentence.slice(0, 240) });
  }
  return out;
}

/** Internal-mechanics hits (the shared client-text list) in each named text. */
export function mechanicsHits(texts: readonly { source: string; text: string }[]) {
  const out: (ClientTextViolation & { source: string })[] = [];
  for (const t of texts)
    for (const v of findClientTextViolations(t.text)) out.push({ ...v, source: t.source });
  return out;
}

/** Triage agreement: expected domains the triage activated / expected domains. */
export function triageAgreement(activated: readonly string[], expected: readonly string[]) {
  const hit = expected.filter((d) => activated.includes(d));
  return {
    count: hit.length,
    total: expected.length,
    missed: expected.filter((d) => !activated.includes(d)),
    extra: activated.filter((d) => !expected.includes(d)),
  };
}
