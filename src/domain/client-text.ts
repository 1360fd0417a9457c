import { DOMAIN_IDS } from './domains';

/**
 * The one list of patterns that must never appear in text a client reads: deliverables (HTML, PDF text, emails),
 * the web app's pages and the status stream. Used by the deliverable tests, the analysis evaluation and the
 * browser tests alike, so a leak caught in one place is caught in all.
 *
 * Each entry names what it catches, so a failure says which rule was broken.
 */
export interface ForbiddenPattern {
  name: string;
  pattern: RegExp;
}

/** Hyphenated domain ids that are also ordinary English ("a change-management playbook", "supply-chain risk"). */
const ENGLISH_COMPOUNDS = new Set(['supply-chain', 'change-management']);

const QUESTION_PREFIXES = ['sa', 'fin', 'rev', 'ops', 'ppl', 'tech', 'cx', 'sc', 'risk', 'part', 'cs', 'chg'];

export const FORBIDDEN_CLIENT_PATTERNS: readonly ForbiddenPattern[] = [
  {
    name: 'question id',
    pattern: new RegExp(`\\b(?:${QUESTION_PREFIXES.join('|')})-\\d{2}(?:-f\\d)?\\b`, 'i'),
  },
  {
    // Inside a link's path or query (".../assessments/<id>/validate") an id is how the link works, not a leak.
    name: 'uuid',
    pattern: /(?<![/=])\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i,
  },
  {
    // Hyphenated ids only: single-word ids ("partnerships") and ENGLISH_COMPOUNDS are ordinary English.
    name: 'domain id',
    pattern: new RegExp(
      `(?<![\\w/.-])(?:${DOMAIN_IDS.filter((d) => d.includes('-') && !ENGLISH_COMPOUNDS.has(d)).join('|')})(?![\\w/.-])`,
    ),
  },
  { name: 'undefined / null / NaN', pattern: /\b(?:undefined|null|NaN)\b|\[object Object\]/ },
  {
    name: 'raw error name',
    pattern:
      /\b(?:[A-Z][a-zA-Z]+(?:Error|Exception)|NoSuchBucket|NoSuchKey|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|AccessDenied)\b/,
  },
  { name: 'stack trace', pattern: /\n\s+at [\w.<>]+ \(|\bat (?:async )?[\w.]+ \([^)]*:\d+:\d+\)/ },
  { name: 'template placeholder', pattern: /\{\{[^}]*\}\}|\$\{[^}]*\}|%s\b/ },
  { name: '"(s)" plural shortcut', pattern: /\w\(s\)/ },
  {
    name: 'double punctuation',
    pattern: /(?<!\.|\be\.g|\bi\.e)[!?,;:.]\s*[.,;:](?!\.)|\.[”"’']\./,
  },
  {
    name: 'internal mechanics',
    pattern:
      /\brated (?:high|medium|low) impact\b|\bread by name only\b|\bscore \d\.\d\d\b|\bmean \d(?:\.\d+)? on the 1[–-]5\b/i,
  },
  {
    // A stored content type ("application/pdf supplied for …") instead of words a client uses.
    name: 'file type code',
    pattern:
      /\b(?:application\/(?:pdf|msword|octet-stream|vnd\.[\w.+-]+)|text\/(?:csv|plain|html)|image\/(?:png|jpe?g))\b/,
  },
  {
    // A template whose slot starts with the word before it ("We will share share of teams…"). Lower case only:
    // text read out of a table runs its cells together ("Medium Medium", "change Change Management").
    name: 'repeated word',
    pattern: /\b([a-z]{3,}) \1\b/,
  },
  {
    // The same quotation (20+ characters) twice in one paragraph.
    name: 'same quote twice',
    pattern: /“([^”\n]{20,})”[^\n]*“\1”|"([^"\n]{20,})"[^\n]*"\2"/,
  },
];

export interface ClientTextViolation {
  name: string;
  match: string;
  context: string;
}

/** Every forbidden pattern found in `text`, with a little context around each match. */
export function findClientTextViolations(
  text: string,
  patterns: readonly ForbiddenPattern[] = FORBIDDEN_CLIENT_PATTERNS,
): ClientTextViolation[] {
  const out: ClientTextViolation[] = [];
  for (const { name, pattern } of patterns) {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g',
    );
    for (const m of text.matchAll(global)) {
      const at = m.index ?? 0;
      out.push({ name, match: m[0], context: text.slice(Math.max(0, at - 40), at + m[0].length + 40) });
    }
  }
  return out;
}
