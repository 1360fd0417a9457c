import mammoth from 'mammoth';
import { UnreadableDocument } from './errors';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, type RawTable } from './tables';
import { checkZip } from './zip-guard';

export const MAX_DOCX_TABLES = 20;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};

function htmlText(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/p>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) => {
      if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#') && e !== '#39') return String.fromCodePoint(Number(e.slice(1)));
      return ENTITIES[e] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tables of mammoth's HTML (simple, well-formed markup): first row = headers. */
export function htmlTables(html: string): RawTable[] {
  const tables: RawTable[] = [];
  for (const [i, t] of [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/gi)]
    .slice(0, MAX_DOCX_TABLES)
    .entries()) {
    const rows = [...t[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)]
      .slice(0, MAX_TABLE_ROWS + 1)
      .map((r) =>
        [...r[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)]
          .slice(0, MAX_TABLE_COLUMNS)
          .map((c) => htmlText(c[1]!)),
      );
    if (rows.length < 2) continue;
    tables.push({ name: `table ${i + 1}`, headers: rows[0]!, rows: rows.slice(1) });
  }
  return tables;
}

/** A .docx file → its text (paragraphs, one per line) and its tables. */
export async function readDocx(bytes: Uint8Array): Promise<{ text: string; tables: RawTable[] }> {
  const { names } = await checkZip(bytes, 'a Word document');
  if (!names.includes('word/document.xml'))
    throw new UnreadableDocument(
      'The file does not look like a Word document; it may be damaged or saved in another format.',
      `zip without word/document.xml (${names.slice(0, 5).join(', ')})`,
    );
  const buffer = Buffer.from(bytes);
  try {
    const [raw, html] = await Promise.all([
      mammoth.extractRawText({ buffer }),
      mammoth.convertToHtml({ buffer }),
    ]);
    return { text: raw.value.replace(/\n{2,}/g, '\n'), tables: htmlTables(html.value) };
  } catch (err) {
    throw new UnreadableDocument(
      'The Word document could not be read; it may be damaged.',
      `mammoth: ${(err as Error).message}`,
    );
  }
}
