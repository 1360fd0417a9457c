import type { DomainId } from '../domain/domains';

/** Small, pure text helpers for the analysis: figures in free text, verbatim excerpts, domain vocabulary. */

export interface ParsedFigure {
  /** As written, e.g. "£210k", "9 months", "3.1%". */
  raw: string;
  /** In base units: pounds, percent (4.1 for 4.1%), days, months, count. */
  value: number;
  unit: 'gbp' | 'percent' | 'days' | 'months' | 'hours' | 'count';
  /** "a month", "per year" ... after the figure, when the text says so. */
  per?: 'month' | 'year' | 'week' | 'quarter';
}

const MULT: Record<string, number> = { k: 1e3, m: 1e6, bn: 1e9, b: 1e9 };

function perAfter(text: string, end: number): ParsedFigure['per'] {
  const tail = text.slice(end, end + 24).toLowerCase();
  if (/^\s*(?:of\s+)?mrr\b/.test(tail)) return 'month';
  if (/^\s*(?:of\s+)?arr\b/.test(tail)) return 'year';
  if (/^\s*(?:a|per|each|every|\/)\s*(?:month|mo)\b|^\s*monthly\b|^\s*pcm\b/.test(tail)) return 'month';
  if (/^\s*(?:a|per|each|every|\/)\s*(?:year|annum|yr)\b|^\s*(?:annually|yearly)\b|^\s*p\.?a\.?\b/.test(tail))
    return 'year';
  if (/^\s*(?:a|per|each|every|\/)\s*week\b|^\s*weekly\b/.test(tail)) return 'week';
  if (/^\s*(?:a|per|each|every|\/)\s*quarter\b|^\s*quarterly\b/.test(tail)) return 'quarter';
  return undefined;
}

/** Every figure in a piece of free text: money, percentages, durations. */
export function parseFigures(text: string): ParsedFigure[] {
  const out: ParsedFigure[] = [];
  const money = /£\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|m|bn|b)?\b/gi;
  for (const m of text.matchAll(money)) {
    const n = Number(m[1].replace(/,/g, '')) * (m[2] ? MULT[m[2].toLowerCase()] : 1);
    const end = (m.index ?? 0) + m[0].length;
    if (Number.isFinite(n)) out.push({ raw: m[0].trim(), value: n, unit: 'gbp', per: perAfter(text, end) });
  }
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s?(%|per ?cent)/gi)) {
    out.push({ raw: m[0].trim(), value: Number(m[1]), unit: 'percent' });
  }
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s?(days?|weeks?|months?|hours?|hrs?)\b/gi)) {
    const n = Number(m[1]);
    const u = m[2].toLowerCase();
    if (u.startsWith('day')) out.push({ raw: m[0], value: n, unit: 'days' });
    else if (u.startsWith('week')) out.push({ raw: m[0], value: n * 7, unit: 'days' });
    else if (u.startsWith('month')) out.push({ raw: m[0], value: n, unit: 'months' });
    else out.push({ raw: m[0], value: n, unit: 'hours' });
  }
  return out;
}

/** Annual pounds from a money figure ("£40k a month" → 480,000); undefined for other units. */
export function annualPounds(f: ParsedFigure): number | undefined {
  if (f.unit !== 'gbp') return undefined;
  const factor = { month: 12, week: 52, quarter: 4, year: 1 }[f.per ?? 'year'];
  return f.value * factor;
}

/** Sentences of a text, verbatim (each a substring of the input). */
export function sentencesOf(text: string): string[] {
  const t = text.trim();
  const parts = t.match(/[^.!?]+(?:[.!?]+["”’)]*|$)/g) ?? [t];
  return parts.map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * A verbatim excerpt of at most `max` characters: the whole text when short, else the sentence(s) that best match
 * `prefer` (figures first), never paraphrased. The result is always a substring of `text` with whitespace kept.
 */
export function verbatimExcerpt(text: string, max = 280, prefer?: RegExp): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const sentences = sentencesOf(t);
  const scored = sentences
    .map((s, i) => ({ s, i, score: (prefer?.test(s) ? 2 : 0) + (/£|\d/.test(s) ? 1 : 0) }))
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const best = scored[0]?.s ?? t;
  if (best.length <= max) return best;
  // A single long sentence: cut at a word boundary; still a substring.
  const cut = best.slice(0, max);
  return cut.slice(0, Math.max(20, cut.lastIndexOf(' '))).replace(/[,;:\s]+$/, '');
}

/** A quote ready to sit inside “…” in a sentence: no trailing full stop (the sentence supplies punctuation). */
export function quoteBody(q: string): string {
  return q.trim().replace(/[.\s]+$/, '');
}

export function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : t;
}

/**
 * Words that tie free text (the profile's challenges and objectives, follow-ups, document labels) to a domain.
 * Deliberately short stems; matched case-insensitively on word starts.
 */
export const DOMAIN_VOCABULARY: Record<DomainId, readonly string[]> = {
  'strategic-alignment': [
    'strategy',
    'strategic',
    'vision',
    'priorit',
    'focus',
    'board',
    'direction',
    'okr',
    'plan ',
  ],
  'financial-management': [
    'cash',
    'runway',
    'burn',
    'margin',
    'budget',
    'invoice',
    'debtor',
    'funding',
    'fundrais',
    'profit',
    'pricing',
    'month-end',
    'close',
    'management accounts',
    'working capital',
    'ebitda',
  ],
  'revenue-engine': [
    'sales',
    'pipeline',
    'forecast',
    'lead',
    'deal',
    'win rate',
    'acquisition',
    'cac',
    'new business',
    'revenue growth',
    'bookings',
    'conversion',
    'marketing',
    'arr',
  ],
  'operational-excellence': [
    'process',
    'delivery',
    'quality',
    'rework',
    'bottleneck',
    'automation',
    'manual',
    'utilisation',
    'utilization',
    'capacity',
    'overrun',
    'efficien',
  ],
  'people-organization': [
    'hiring',
    'hire',
    'recruit',
    'retention',
    'attrition',
    'leaver',
    'talent',
    'manager',
    'leadership team',
    'culture',
    'only person',
    'key person',
    'burnout',
    'headcount',
    'staff',
  ],
  'technology-data': [
    'system',
    'data',
    'crm',
    'spreadsheet',
    'integration',
    'reporting',
    'dashboard',
    'security',
    'tech debt',
    'platform',
    'outage',
    'uptime',
  ],
  'customer-experience': [
    'customer satisfaction',
    'nps',
    'csat',
    'complaint',
    'support',
    'response time',
    'feedback',
    'review',
    'roadmap',
    'product',
    'ticket',
  ],
  'supply-chain': [
    'supplier',
    'stock',
    'inventory',
    'otif',
    'on-time',
    'logistics',
    'warehouse',
    'fulfil',
    'lead time',
    'stock-out',
    'returns',
    'procure',
  ],
  'risk-compliance': [
    'risk',
    'compliance',
    'regulat',
    'fca',
    'gdpr',
    'insurance',
    'continuity',
    'cyber',
    'audit',
    'concentration',
    'largest client',
    'contract',
  ],
  partnerships: ['partner', 'channel', 'reseller', 'alliance', 'vendor', 'affiliate', 'integration partner'],
  'customer-success': [
    'churn',
    'retention',
    'renewal',
    'onboarding',
    'nrr',
    'net revenue retention',
    'expansion',
    'upsell',
    'account management',
    'health score',
    'repeat',
  ],
  'change-management': [
    'change',
    'initiative',
    'transformation',
    'execution',
    'too many projects',
    'stall',
    'adoption',
    'implement',
  ],
};

function vocabRegex(word: string): RegExp {
  const esc = word.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^a-z])${esc}`, 'i');
}
const VOCAB_RX: Record<string, RegExp[]> = Object.fromEntries(
  Object.entries(DOMAIN_VOCABULARY).map(([d, words]) => [d, words.map(vocabRegex)]),
);

/** How many of a domain's vocabulary words a text contains. */
export function vocabularyHits(text: string, domain: DomainId): number {
  return VOCAB_RX[domain].filter((rx) => rx.test(text)).length;
}

/** The sentences of `text` that mention the domain (verbatim), best first. */
export function sentencesAbout(text: string, domain: DomainId): string[] {
  return sentencesOf(text)
    .map((s) => ({ s, hits: vocabularyHits(s, domain) }))
    .filter((x) => x.hits > 0)
    .sort((a, b) => b.hits - a.hits)
    .map((x) => x.s);
}

/** £ amount for a client: "£480,000", "£1.2 million". */
export function pounds(n: number): string {
  if (n >= 1_000_000) {
    const m = Math.round(n / 100_000) / 10;
    return `£${m % 1 === 0 ? m.toFixed(0) : m.toFixed(1)} million`;
  }
  if (n >= 10_000) return `£${(Math.round(n / 1000) * 1000).toLocaleString('en-GB')}`;
  return `£${Math.round(n).toLocaleString('en-GB')}`;
}
