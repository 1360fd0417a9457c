import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, HeadingLevel } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { EvalDocumentSpec, EvalTable } from './types';

/**
 * Turns an evaluation document spec into the bytes a client would upload, in the format the file name says:
 * CSV (first table), XLSX (one sheet per table, numbers as numbers), PDF (title, "Label: value" lines and
 * tables as text, Helvetica), DOCX (headings, paragraphs, real Word tables).
 */
export const CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type EvalDocFormat = keyof typeof CONTENT_TYPES;

export function formatOf(fileName: string): EvalDocFormat {
  const ext = fileName.split('.').pop()?.toLowerCase();
  if (ext === 'csv' || ext === 'xlsx' || ext === 'pdf' || ext === 'docx') return ext;
  throw new Error(`unsupported evaluation document type: ${fileName}`);
}

export async function generateDocument(
  spec: EvalDocumentSpec,
): Promise<{ bytes: Buffer; contentType: string }> {
  const format = formatOf(spec.fileName);
  const bytes =
    format === 'csv'
      ? toCsv(spec)
      : format === 'xlsx'
        ? await toXlsx(spec)
        : format === 'pdf'
          ? await toPdf(spec)
          : await toDocx(spec);
  return { bytes, contentType: CONTENT_TYPES[format] };
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(spec: EvalDocumentSpec): Buffer {
  const table = spec.tables?.[0];
  if (!table) throw new Error(`${spec.fileName}: a CSV needs a table`);
  const lines = [table.headers, ...table.rows].map((r) => r.map(csvCell).join(','));
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

async function toXlsx(spec: EvalDocumentSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Finance team';
  wb.created = new Date('2026-10-31T09:00:00Z');
  for (const t of spec.tables ?? []) {
    const ws = wb.addWorksheet(t.name.slice(0, 31));
    ws.addRow(t.headers).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.columns.forEach((c) => (c.width = 18));
  }
  if (spec.paragraphs?.length) {
    const ws = wb.addWorksheet('Notes');
    for (const p of spec.paragraphs) ws.addRow([p]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function tableLines(t: EvalTable): string[] {
  return [t.name, t.headers.join(' | '), ...t.rows.map((r) => r.map(String).join(' | '))];
}

async function toPdf(spec: EvalDocumentSpec): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(spec.title);
  pdf.setCreationDate(new Date('2026-10-31T09:00:00Z'));
  pdf.setModificationDate(new Date('2026-10-31T09:00:00Z'));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = 595;
  const height = 842;
  const margin = 56;
  let page = pdf.addPage([width, height]);
  let y = height - margin;
  const write = (text: string, size: number, f = font) => {
    for (const line of wrap(text, (s) => f.widthOfTextAtSize(s, size), width - 2 * margin)) {
      if (y < margin + size) {
        page = pdf.addPage([width, height]);
        y = height - margin;
      }
      page.drawText(line, { x: margin, y, size, font: f });
      y -= size * 1.45;
    }
  };
  write(spec.title, 16, bold);
  y -= 6;
  for (const p of spec.paragraphs ?? []) {
    write(p, 10.5);
    y -= 4;
  }
  for (const t of spec.tables ?? []) {
    y -= 6;
    const [caption, ...rest] = tableLines(t);
    write(caption, 11, bold);
    for (const l of rest) write(l, 9.5);
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

function wrap(text: string, measure: (s: string) => number, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next) > max && line) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

async function toDocx(spec: EvalDocumentSpec): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: spec.title, heading: HeadingLevel.HEADING_1 }),
    ...(spec.paragraphs ?? []).map((p) => new Paragraph({ children: [new TextRun(p)] })),
  ];
  for (const t of spec.tables ?? []) {
    children.push(new Paragraph({ text: t.name, heading: HeadingLevel.HEADING_2 }));
    children.push(
      new Table({
        rows: [t.headers, ...t.rows].map(
          (r) =>
            new TableRow({
              children: r.map((c) => new TableCell({ children: [new Paragraph(String(c))] })),
            }),
        ),
      }),
    );
  }
  const doc = new Document({
    creator: 'ScaleMap evaluation',
    title: spec.title,
    sections: [{ children }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
