import type { DocumentFact } from '../domain/document-facts';
import type { DomainId } from '../domain/domains';
import { findQuantities, parseQuantity, parseWholeQuantity, type Quantity } from './values';
import { domainsFor, isMoneyLabel, vocabularyDomains } from './vocabulary';

/**
 * Facts from prose and text lines (PDF pages, Word documents): label–value pairs ("Cash at bank: £1.2M",
 * "Monthly net burn £210k", a label line followed by a value line, "our runway is about nine months") and
 * a bounded handful of statements (sentences that state a problem or a practice). Pure.
 */

export interface TextLine {
  text: string;
  /** "page 2" */
  location?: string;
}

export const MAX_STATEMENTS = 12;
const MAX_LABEL = 80;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** Bullets, numbering and decoration around a label. */
function cleanLabel(s: string): string {
  return s
    .replace(/^[\s•●▪◦*·>\-–—]+/, '')
    .replace(/^\(?\d{1,2}[.)]\s+/, '')
    .replace(/[\s:=.\-–—]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A plausible label: words, some letters, not a sentence, no figures. */
function isLabel(s: string): boolean {
  if (s.length < 2 || s.length > MAX_LABEL) return false;
  if (!/[A-Za-z]{2}/.test(s)) return false;
  if (/[£%]/.test(s)) return false;
  if (/\d{3,}/.test(s)) return false;
  const words = s.split(/\s+/);
  return words.length <= 10;
}

function fact(
  label: string,
  value: string,
  q: Quantity | null,
  declared: DomainId | null,
  location?: string,
): DocumentFact {
  return {
    kind: 'label-value',
    label: clip(label, 200),
    value: clip(value.trim(), 300),
    ...(q ? { number: q.number, unit: q.unit } : {}),
    domains: domainsFor(label, declared),
    ...(location ? { location: clip(location, 120) } : {}),
  };
}

const SEPARATED = /^(.{2,90}?)\s*(?::|=|\s[–—-]\s|\t)\s*(.{1,200})$/;
const VERBS =
  /\b(is|was|are|were|of|at|stands at|stood at|reached|hit|totalled|totaled|came to|rose to|fell to|grew to|increased to|decreased to|dropped to|runs at|running at)\s+$/i;
const TRAILING_VERB =
  /\s+(is|was|are|were|of|at|takes|took|stands at|stood at|runs at|currently|now|about|around|approximately|roughly)(\s+(is|was|at|about|around|approximately|roughly))*\s*$/i;
const LABEL_STOP =
  /^(and|but|so|the|our|a|an|its|their|this|that|which|with|while|whereas|gives|giving|leaves|leaving|means|current|currently|we|us|has|have|had|for|in|on|by|to|as|now)$/i;

/** "Our monthly net burn is £210k, which gives a runway of about nine months" → two facts. */
function proseFacts(text: string, declared: DomainId | null, location?: string): DocumentFact[] {
  const out: DocumentFact[] = [];
  for (const q of findQuantities(text)) {
    const before = text.slice(0, q.index);
    const verb = VERBS.exec(before);
    if (!verb) continue;
    const words = before
      .slice(0, verb.index)
      .split(/[,;:()]/)
      .pop()!
      .trim()
      .split(/\s+/)
      .slice(-5);
    while (words.length && LABEL_STOP.test(words[0]!)) words.shift();
    const label = cleanLabel(words.join(' '));
    if (!isLabel(label) || !vocabularyDomains(label).length) continue;
    const requoted = isMoneyLabel(label) && q.unit !== 'gbp' ? parseQuantity(q.raw, { moneyHint: true }) : q;
    out.push(fact(capitalise(label), q.raw, requoted ?? q, declared, location));
  }
  return out;
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Label–value facts from text lines, in order, without duplicates. */
export function labelValueFacts(lines: readonly TextLine[], declared: DomainId | null): DocumentFact[] {
  const out: DocumentFact[] = [];
  const seen = new Set<string>();
  const push = (f: DocumentFact) => {
    const key = `${f.label.toLowerCase()}|${f.number !== undefined ? `${f.number} ${f.unit}` : f.value.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };
  const nonEmpty = lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.text);
  nonEmpty.forEach((line, i) => {
    const t = line.text;
    if (t.length > 400) return;
    // 1. "Label: value", "Label – value", "Label = value"
    const sep = SEPARATED.exec(t);
    if (sep) {
      const label = cleanLabel(sep[1]!);
      const value = sep[2]!.trim();
      if (isLabel(label)) {
        const q = parseQuantity(value, { moneyHint: isMoneyLabel(label) });
        if (q && q.index < 30) return push(fact(label, value, q, declared, line.location));
        // A worded value ("Finance system: Xero"), but not the document's title line.
        if (i > 0 && !q && value.length <= 60 && !/[\d.!?]/.test(value) && vocabularyDomains(label).length)
          return push(fact(label, value, null, declared, line.location));
      }
    }
    // 2. "Monthly net burn £210k" — a label, then a figure.
    const q = parseQuantity(t);
    if (q && q.index > 1) {
      const label = cleanLabel(t.slice(0, q.index).replace(TRAILING_VERB, ''));
      const tail = t.slice(q.index + q.raw.length).trim();
      if (isLabel(label) && tail.split(/\s+/).filter(Boolean).length <= 4 && !/[.!?]$/.test(label)) {
        const requoted = isMoneyLabel(label) ? parseQuantity(t.slice(q.index), { moneyHint: true }) : q;
        const value = t.slice(q.index).replace(/[.;,]+$/, '');
        return push(fact(label, value, requoted ?? q, declared, line.location));
      }
    }
    // 3. A label line followed by a value line (tables in Word, columns in PDFs).
    const next = nonEmpty[i + 1];
    if (next && !q && isLabel(cleanLabel(t)) && !/[.!?]$/.test(t) && t.split(/\s+/).length <= 8) {
      const label = cleanLabel(t);
      const vq = parseWholeQuantity(next.text, { moneyHint: isMoneyLabel(label) });
      if (vq) return push(fact(label, next.text, vq, declared, line.location));
    }
    // 4. Figures in prose: "our monthly net burn is £210k".
    if (q && /[a-z]{3,}\s+[a-z]{3,}/i.test(t)) {
      for (const f of proseFacts(t, declared, line.location)) push(f);
    }
  });
  return out;
}

const CONCERN =
  /\b(no (formal|documented|single|clear|regular|reliable|consistent)|not (yet|documented|tracked|measured|reviewed|reconciled|reliable)|don'?t|do not|doesn'?t|does not|cannot|can'?t|lacks?|lacking|manual(ly)?|spreadsheets?|delay(s|ed)?|late|overdue|behind|missed|backlog|risks?|concerns?|issues?|problems?|struggl\w*|bottlenecks?|single point|depend(s|ent|ency)? on|only one|rel(y|ies|iant) on|inconsistent|ad[- ]hoc|unclear|ris(e|es|ing)|rose|increas\w*|declin\w*|worsen\w*|slipp\w*|churn\w*|attrition|complain\w*|shortfall|breach\w*|unresolved|too (slow|long|many|few)|fell|drop(ped)?|lost|resign\w*|quit|left the (business|company|team)|vacan\w*|taking (more than|over|too)|slow\w*|hard to|difficult)\b/gi;
const PRACTICE =
  /\b(we (review|track|measure|reconcile|report|hold|run|use|have|introduced|hired|launched|agreed)|weekly|monthly|quarterly|every (week|month|quarter)|dashboards?|documented|polic(y|ies)|playbooks?|board (approved|reviews?)|forecasts?|budgets?|automated|kpis?|okrs?|targets?)\b/gi;

function countMatches(re: RegExp, s: string) {
  return (s.match(re) ?? []).length;
}

/** Sentences of prose; lines too short or too long to quote are skipped. */
export function sentences(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (const line of lines) {
    const parts = line.text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z“"‘'(])/);
    for (const p of parts) {
      const s = p.trim();
      if (s.length >= 40 && s.length <= 300 && /[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{2,}/i.test(s))
        out.push({ text: s, location: line.location });
    }
  }
  return out;
}

/**
 * Statements worth quoting: sentences that state a concern or a practice, scored by keyword hits,
 * figures and domain vocabulary; the best `max`, in document order.
 */
export function statementFacts(
  lines: readonly TextLine[],
  declared: DomainId | null,
  max = MAX_STATEMENTS,
): DocumentFact[] {
  const scored = sentences(lines)
    .map((s, order) => {
      const concern = countMatches(CONCERN, s.text);
      const practice = countMatches(PRACTICE, s.text);
      const vocab = vocabularyDomains(s.text).length;
      const figure = findQuantities(s.text).length ? 1 : 0;
      return { s, order, concern, practice, score: 2 * concern + practice + figure + Math.min(vocab, 2) };
    })
    .filter((x) => (x.concern || x.practice) && x.score >= 2);
  const seen = new Set<string>();
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .filter((x) => {
      const key = x.s.text.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, max)
    .sort((a, b) => a.order - b.order)
    .map(({ s, concern }) => ({
      kind: 'statement' as const,
      label: concern ? 'Stated concern' : 'Stated practice',
      value: clip(s.text, 300),
      domains: domainsFor(s.text, declared),
      ...(s.location ? { location: s.location } : {}),
    }));
}
