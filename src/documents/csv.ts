import { parse } from 'csv-parse/sync';
import { UnreadableDocument } from './errors';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, type RawTable } from './tables';

/** Bytes → text: UTF-8 (BOM stripped); Windows-1252 exports (a lone 0xA3 "£") decoded as Latin-1. */
export function decodeText(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (!utf8.includes('\uFFFD')) return utf8;
  return new TextDecoder('windows-1252').decode(bytes);
}

function delimiterOf(sample: string): string {
  const firstLines = sample.split(/\r?\n/).slice(0, 5).join('\n');
  const counts = [',', ';', '\t', '|'].map((d) => ({ d, n: firstLines.split(d).length - 1 }));
  return counts.sort((a, b) => b.n - a.n)[0]!.n > 0 ? counts[0]!.d : ',';
}

/** A CSV file → one table (header row first), bounded in rows and columns. */
export function readCsv(bytes: Uint8Array, name: string): RawTable {
  const text = decodeText(bytes);
  if (!text.trim()) throw new UnreadableDocument('The file is empty.');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text.slice(0, 10_000)),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      to: MAX_TABLE_ROWS + 1,
      max_record_size: 100_000,
    }) as string[][];
  } catch (err) {
    throw new UnreadableDocument(
      'The file could not be read as a CSV table; it may be damaged or not comma-separated.',
      `csv-parse: ${(err as Error).message}`,
    );
  }
  if (!records.length) throw new UnreadableDocument('The file is empty.');
  const [headers, ...rows] = records;
  return {
    name,
    headers: headers!.slice(0, MAX_TABLE_COLUMNS),
    rows: rows.map((r) => r.slice(0, MAX_TABLE_COLUMNS)),
  };
}
