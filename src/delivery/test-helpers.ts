/** Helpers for the delivery tests (not part of the public API). */
import { inflateSync } from 'node:zlib';
import type { Block, DeliverableDocument } from './types';

/** All the text of a document model, one string per block line, for assertions. */
export function documentText(doc: DeliverableDocument): string {
  const out: string[] = [doc.title, doc.subtitle];
  for (const s of doc.sections) {
    out.push(s.heading);
    for (const b of s.blocks) out.push(...blockText(b));
  }
  return out.join('\n');
}

export function blockText(b: Block): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [b.text];
    case 'bullets':
      return b.items;
    case 'keyValue':
      return b.items.map((i) => `${i.key}: ${i.value}`);
    case 'table':
      return [...(b.caption ? [b.caption] : []), b.headers.join(' | '), ...b.rows.map((r) => r.join(' | '))];
    case 'heatmap':
      return [b.title];
  }
}

const WIN_ANSI = new TextDecoder('windows-1252');

const VOID_ELEMENTS = new Set([
  'meta',
  'br',
  'link',
  'img',
  'hr',
  'input',
  'col',
  'source',
  'wbr',
  'area',
  'base',
]);

/**
 * Checks that every start tag has a matching end tag, in order (a small XML/HTML well-formedness check).
 * Returns null when balanced, else a description of the first problem.
 */
export function markupProblem(markup: string, opts: { html?: boolean } = {}): string | null {
  const stripped = markup
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[^>]*>/i, '')
    .replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  const stack: string[] = [];
  const tagRe = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[^\s=>/]+(?:="[^"]*"|='[^']*')?)*)\s*(\/?)>/g;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = tagRe.exec(stripped))) {
    const between = stripped.slice(last, m.index);
    if (between.includes('<')) return `stray "<" before ${m[0]}`;
    last = m.index + m[0].length;
    const [, closing, rawName, , selfClosing] = m;
    const name = opts.html ? rawName.toLowerCase() : rawName;
    if (selfClosing || (opts.html && VOID_ELEMENTS.has(name))) continue;
    if (closing) {
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open ?? 'nothing'}>`;
    } else stack.push(name);
  }
  if (stripped.slice(last).includes('<')) return 'stray "<" at the end';
  if (stack.length) return `unclosed <${stack[stack.length - 1]}>`;
  const badAmp = /&(?!(?:amp|lt|gt|quot|#39|#\d+|#x[0-9a-f]+);)/i.exec(stripped);
  if (badAmp) return `unescaped "&" at ${badAmp.index}`;
  return null;
}

/** The text drawn in a pdf-lib PDF: inflates every stream and decodes the hex strings shown with Tj. */
export function pdfDrawnText(pdf: Buffer): string {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const streamRe = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streamRe.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      content = raw.slice(start, end);
    }
    for (const t of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
      out.push(WIN_ANSI.decode(Buffer.from(t[1], 'hex')));
    streamRe.lastIndex = end + 'endstream'.length;
  }
  return out.join('\n');
}
