import type { DocumentFact, ExtractedDocument } from '../../domain/document-facts';
import { factPhrase } from '../../documents/cite';
import { businessKind, readAgainstBenchmarks } from '../../analysis/benchmarks';
import { listAnd } from '../format';
import type { Block, DeliveryContext, Section } from '../types';

/**
 * What we read in the client's documents: the detailed report's "What we read in your documents" section (every
 * document named, each figure once, with its file name; images and unreadable files named honestly in one line)
 * and the executive summary's few figures that matter (those a benchmark flags). Pure: the readings come in the
 * DeliveryContext (src/pipeline/delivery-context.ts loads the stored extractions).
 */

const MAX_FACTS_PER_DOCUMENT = 8;
const MAX_QUOTED_SENTENCES = 2;

/** The figures a text carries ("£3.71M", "46.1%", "212", "90"), normalised for comparison. */
function figures(text: string): string[] {
  return (text.match(/[£$€]?\d[\d,.]*(?:\s?(?:%|[kKmM]\b))?/g) ?? []).map((f) =>
    f.replace(/[\s,]/g, '').replace(/\.$/, '').toLowerCase(),
  );
}

/** A fact as a phrase inside a list: no trailing stop of its own. */
function phrase(f: DocumentFact): string {
  return factPhrase(f).replace(/[\s.;:,]+$/, '');
}

function readDocuments(ctx: DeliveryContext): ExtractedDocument[] {
  return (ctx.documents ?? []).filter((d) => d.status === 'read');
}

/** Sentences of a document's text that carry a figure, verbatim (for prose with no label–value pairs). */
function figureSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 40 && s.length <= 300 && /\d/.test(s));
}

/**
 * The facts of one document worth showing, each figure once across the section (`seen` holds the figures
 * already shown): measured facts first, then at most one statement that adds a figure not yet shown.
 */
function shownFacts(doc: ExtractedDocument, seen: Set<string>): DocumentFact[] {
  const out: DocumentFact[] = [];
  const add = (f: DocumentFact) => {
    for (const x of figures(f.value)) seen.add(x);
    out.push(f);
  };
  for (const f of doc.facts) {
    if (out.length >= MAX_FACTS_PER_DOCUMENT) break;
    if (f.kind === 'statement') continue;
    const fig = figures(f.value);
    if (fig.length && fig.every((x) => seen.has(x))) continue;
    add(f);
  }
  const statement = doc.facts.find(
    (f) => f.kind === 'statement' && figures(f.value).some((x) => !seen.has(x)),
  );
  if (statement && out.length < MAX_FACTS_PER_DOCUMENT + 1) add(statement);
  return out;
}

/** One line naming the files we did not read, and why, in the client's words; null when there are none. */
export function unreadDocumentsLine(ctx: DeliveryContext): string | null {
  const docs = (ctx.documents ?? []).filter((d) => d.status !== 'read');
  if (!docs.length) return null;
  const images = docs.filter((d) => d.status === 'not-read').map((d) => d.fileName);
  const unreadable = docs.filter((d) => d.status === 'unreadable').map((d) => d.fileName);
  const parts: string[] = [];
  if (images.length)
    parts.push(
      `${listAnd(images)} ${images.length === 1 ? 'is an image' : 'are images'}: we keep ${images.length === 1 ? 'it' : 'them'} with your assessment but do not read images`,
    );
  if (unreadable.length)
    parts.push(
      `${listAnd(unreadable)} could not be read (damaged, protected or in a form we cannot open), so nothing in ${unreadable.length === 1 ? 'it' : 'them'} is used here`,
    );
  return `Not read: ${parts.join('; ')}.`;
}

/** The detailed report's "What we read in your documents" section, or null when no document was uploaded. */
export function documentReadingSection(ctx: DeliveryContext): Section | null {
  const all = ctx.documents ?? [];
  if (!all.length) return null;
  const seen = new Set<string>();
  const items: string[] = [];
  for (const doc of readDocuments(ctx)) {
    const facts = shownFacts(doc, seen);
    if (facts.length) {
      items.push(`${doc.fileName}: ${facts.map(phrase).join('; ')}.`);
      continue;
    }
    const quoted = figureSentences(doc.text)
      .filter((s) => figures(s).some((x) => !seen.has(x)))
      .slice(0, MAX_QUOTED_SENTENCES);
    for (const s of quoted) for (const x of figures(s)) seen.add(x);
    items.push(
      quoted.length
        ? `${doc.fileName}: ${quoted.map((s) => `“${s.replace(/[.!?]+$/, '')}”`).join('; ')}.`
        : `${doc.fileName}: read in full; it holds no figures, so it informs the findings as context only.`,
    );
  }
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: 'The figures below come from the files you uploaded, as written there. Where a figure bears on a finding, the finding cites it again with the file name.',
    },
  ];
  if (items.length) blocks.push({ kind: 'bullets', items });
  const unread = unreadDocumentsLine(ctx);
  if (unread) blocks.push({ kind: 'paragraph', text: unread });
  return { heading: 'What we read in your documents', blocks };
}

/**
 * For the executive summary's storyline: the document figures a benchmark calls critical, or a warning in a
 * priority's domain (at most four),
 * each with its file name; null when none does.
 */
export function documentFiguresParagraph(ctx: DeliveryContext): string | null {
  const kind = businessKind(ctx.profile);
  const priorityDomains = new Set<string>(ctx.priorities.map((p) => p.recommendation.domain));
  const flagged: { text: string; figure: string[] }[] = [];
  for (const doc of readDocuments(ctx))
    for (const f of doc.facts) {
      if (f.kind === 'statement') continue;
      const r = readAgainstBenchmarks(f, kind);
      // The figures that matter: critical against the benchmark, or a warning in a priority's domain.
      if (!r || r.status === 'healthy') continue;
      if (r.status === 'warning' && !f.domains.some((d) => priorityDomains.has(d))) continue;
      flagged.push({
        text: `${phrase(f)} (${doc.fileName}; typically ${r.typical})`,
        figure: figures(f.value),
      });
    }
  if (!flagged.length) return null;
  const seen = new Set<string>();
  const shown = flagged
    .filter((x) => {
      if (x.figure.length && x.figure.every((f) => seen.has(f))) return false;
      for (const f of x.figure) seen.add(f);
      return true;
    })
    .slice(0, 4)
    .map((x) => x.text);
  return `Your own documents show it: ${listAnd(shown)}.`;
}
