import {
  buildCsv,
  buildDocx,
  buildPdf,
  buildXlsx,
  CONTENT_TYPES,
  type DocSpec,
} from '../fixtures/documents/build';
import type { EvalDocumentSpec } from './types';

/**
 * Turns an evaluation document spec into the bytes a client would upload, in the format the file name says,
 * with the shared test-document builder (test/fixtures/documents/build.ts): CSV (first table), XLSX (one
 * sheet per table, percentages and pounds as formatted numbers), PDF (title, lines, tables as text rows),
 * DOCX (heading, paragraphs, Word tables).
 */
export type EvalDocFormat = 'csv' | 'xlsx' | 'pdf' | 'docx';

export function formatOf(fileName: string): EvalDocFormat {
  const ext = fileName.split('.').pop()?.toLowerCase();
  if (ext === 'csv' || ext === 'xlsx' || ext === 'pdf' || ext === 'docx') return ext;
  throw new Error(`unsupported evaluation document type: ${fileName}`);
}

function toDocSpec(spec: EvalDocumentSpec): DocSpec {
  return {
    title: spec.title,
    paragraphs: spec.paragraphs,
    tables: spec.tables?.map((t) => ({
      name: t.name,
      headers: t.headers,
      rows: t.rows,
      percentColumns: t.headers.filter((h) => h.includes('%')),
      moneyColumns: t.headers.filter((h) => /\bGBP\b|£/.test(h)),
    })),
  };
}

export async function generateDocument(
  spec: EvalDocumentSpec,
): Promise<{ bytes: Buffer; contentType: string }> {
  const format = formatOf(spec.fileName);
  const doc = toDocSpec(spec);
  const bytes =
    format === 'csv'
      ? buildCsv(doc)
      : format === 'xlsx'
        ? await buildXlsx(doc)
        : format === 'pdf'
          ? await buildPdf(doc)
          : await buildDocx(doc);
  return { bytes, contentType: CONTENT_TYPES[format] };
}
