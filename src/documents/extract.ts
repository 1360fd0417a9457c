import {
  extractedDocumentSchema,
  MAX_FACTS_PER_DOCUMENT,
  MAX_TEXT_CHARS,
  type DocumentFact,
  type ExtractedDocument,
} from '../domain/document-facts';
import { DOMAIN_IDS, type DomainId } from '../domain/domains';
import { logger } from '../logger';
import { readCsv } from './csv';
import { UnreadableDocument } from './errors';
import { MAX_PDF_PAGES, readPdf } from './pdf';
import { sniff, type SniffedKind } from './sniff';
import { tableFacts, tableText, type RawTable } from './tables';
import { labelValueFacts, statementFacts, type TextLine } from './text-facts';

/**
 * The Office readers are loaded on first use: exceljs alone takes over a second to load, which every API
 * and agent process would otherwise pay at start.
 */
const readXlsx: typeof import('./xlsx').readXlsx = (...args) =>
  (require('./xlsx') as typeof import('./xlsx')).readXlsx(...args);
const readDocx: typeof import('./docx').readDocx = (...args) =>
  (require('./docx') as typeof import('./docx')).readDocx(...args);

/**
 * The dispatcher: bytes of one uploaded document → what ScaleMap read from it (an ExtractedDocument, the
 * contract in src/domain/document-facts.ts). The reader is chosen by the declared content type *and*
 * checked against the file's first bytes. It never throws: a corrupt, hostile, encrypted or mislabelled
 * file gives status `unreadable` with a calm client-safe note (the detail goes to the log); images and
 * legacy Office files are stored but honestly `not-read`. Every read is bounded in time and output.
 */

export { EXTRACTOR_VERSION } from './version';
export const EXTRACTION_TIMEOUT_MS = 10_000;

const LIMITS = { labelValues: 110, columns: 80, statements: 12 };

export const NOTES = {
  image: 'Images are stored with your assessment but are not read by the analysis.',
  legacyWord:
    'Older Word (.doc) files are stored but not read. Saving it as .docx and uploading that copy lets the analysis read it.',
  legacyExcel:
    'Older Excel (.xls) files are stored but not read. Saving it as .xlsx or .csv and uploading that copy lets the analysis read it.',
  scanned:
    'This PDF holds no text that can be read (it may be a scanned image), so it is stored but was not read.',
  empty: 'The file is empty.',
  timeout:
    'The file took too long to read, so it was set aside. A simpler export of it can be uploaded instead.',
  generic: 'The file could not be read; it may be damaged.',
  protected:
    'The file appears to be password-protected or saved in an older format, so it could not be read.',
  unknownType: 'This type of file is stored but not read.',
} as const;

type Expected = 'pdf' | 'docx' | 'xlsx' | 'csv' | 'image' | 'legacy-word' | 'legacy-excel' | 'other';

function expectedKind(contentType: string): Expected {
  switch (contentType.toLowerCase()) {
    case 'application/pdf':
      return 'pdf';
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return 'docx';
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      return 'xlsx';
    case 'text/csv':
      return 'csv';
    case 'image/png':
    case 'image/jpeg':
      return 'image';
    case 'application/msword':
      return 'legacy-word';
    case 'application/vnd.ms-excel':
      return 'legacy-excel';
    default:
      return 'other';
  }
}

const TYPE_WORDS: Record<Expected, string> = {
  pdf: 'a PDF',
  docx: 'a Word document',
  xlsx: 'an Excel workbook',
  csv: 'a CSV text file',
  image: 'an image',
  'legacy-word': 'a Word document',
  'legacy-excel': 'an Excel workbook',
  other: 'a document',
};

const MATCHING: Record<Expected, SniffedKind[]> = {
  pdf: ['pdf'],
  docx: ['zip'],
  xlsx: ['zip'],
  csv: ['text'],
  image: [],
  'legacy-word': ['ole2'],
  'legacy-excel': ['ole2'],
  other: [],
};

export interface DocumentInput {
  documentId: string;
  fileName: string;
  contentType: string;
  declaredDomain: string | null;
  bytes: Uint8Array;
}

interface Content {
  text: string;
  facts: DocumentFact[];
  tables: RawTable[];
  note?: string;
}

function asDomain(d: string | null): DomainId | null {
  return d && (DOMAIN_IDS as readonly string[]).includes(d) ? (d as DomainId) : null;
}

function bounded(text: string): string {
  const t = text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return t.length > MAX_TEXT_CHARS ? `${t.slice(0, MAX_TEXT_CHARS - 1)}…` : t;
}

function fromText(lines: TextLine[], declared: DomainId | null): DocumentFact[] {
  return [
    ...labelValueFacts(lines, declared).slice(0, LIMITS.labelValues),
    ...statementFacts(lines, declared, LIMITS.statements),
  ];
}

/** Lines of a long sentence wrapped onto several lines, joined back (short lines, e.g. "Label: value", stay). */
export function joinWrappedLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      if (current) out.push(current);
      current = '';
      continue;
    }
    current = current ? `${current} ${line}` : line;
    const words = line.split(/\s+/).length;
    if (words < 8 || /[.!?:]["'”’)]?$/.test(line)) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

function fromTables(tables: RawTable[], declared: DomainId | null): DocumentFact[] {
  return tables.flatMap((t) => tableFacts(t, declared));
}

/** Facts in priority order, kinds balanced, never above the contract's bound. */
function budget(all: DocumentFact[]): DocumentFact[] {
  const seen = new Set<string>();
  const facts = all.filter((f) => {
    const key = `${f.kind}|${f.label.toLowerCase()}|${f.number !== undefined ? `${f.number} ${f.unit}` : f.value.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const lv = facts.filter((f) => f.kind === 'label-value').slice(0, LIMITS.labelValues);
  const col = facts.filter((f) => f.kind === 'column').slice(0, LIMITS.columns);
  const st = facts.filter((f) => f.kind === 'statement').slice(0, LIMITS.statements);
  return [...lv, ...col, ...st].slice(0, MAX_FACTS_PER_DOCUMENT);
}

async function readContent(
  kind: Expected,
  input: DocumentInput,
  declared: DomainId | null,
  signal: AbortSignal,
): Promise<Content> {
  switch (kind) {
    case 'pdf': {
      const { pages, totalPages } = await readPdf(input.bytes, signal);
      const lines = pages.flatMap((p, i) =>
        p.split('\n').map((text) => ({ text, location: `page ${i + 1}` })),
      );
      // Prose wraps across lines in a PDF: statements are taken from lines joined back into paragraphs.
      const paragraphs = pages.flatMap((p, i) =>
        joinWrappedLines(p.split('\n')).map((text) => ({ text, location: `page ${i + 1}` })),
      );
      const text = pages.join('\n\n');
      if (!text.replace(/\s+/g, '')) throw new NotRead(NOTES.scanned);
      return {
        text,
        facts: [
          ...labelValueFacts(lines, declared),
          ...statementFacts(paragraphs, declared, LIMITS.statements),
        ],
        tables: [],
        note:
          totalPages > MAX_PDF_PAGES
            ? `Only the first ${MAX_PDF_PAGES} of ${totalPages} pages were read.`
            : undefined,
      };
    }
    case 'docx': {
      const { text, tables } = await readDocx(input.bytes);
      const lines = text.split('\n').map((t) => ({ text: t }));
      // Table facts first: they carry a location, and budget() keeps the first of duplicates.
      return { text, facts: [...fromTables(tables, declared), ...fromText(lines, declared)], tables };
    }
    case 'xlsx': {
      const tables = await readXlsx(input.bytes, signal);
      if (!tables.length)
        throw new UnreadableDocument('The workbook has no table to read (every sheet is empty).');
      return {
        text: tables.map((t) => tableText(t)).join('\n\n'),
        facts: fromTables(tables, declared),
        tables,
      };
    }
    case 'csv': {
      const table = readCsv(input.bytes, input.fileName.slice(0, 120));
      return { text: tableText(table), facts: fromTables([table], declared), tables: [table] };
    }
    default:
      throw new NotRead(NOTES.unknownType);
  }
}

/** A deliberate "stored but not read" (images, legacy formats, scans). */
class NotRead extends Error {
  constructor(readonly clientNote: string) {
    super(clientNote);
  }
}

/** Rejects with the timeout note after `ms`, and tells the reader to stop (it checks between pages / rows). */
export function withTimeout<T>(work: Promise<T>, ms: number, abort?: AbortController): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort?.abort();
      reject(new UnreadableDocument(NOTES.timeout, `timed out after ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Reads one document. Never throws; the result always satisfies `extractedDocumentSchema`. */
export async function extractDocument(
  input: DocumentInput,
  opts: { timeoutMs?: number } = {},
): Promise<ExtractedDocument> {
  const declared = asDomain(input.declaredDomain);
  const base = {
    documentId: input.documentId,
    fileName: input.fileName.slice(0, 255),
    contentType: input.contentType,
    declaredDomain: declared,
  };
  const outcome = (status: ExtractedDocument['status'], note?: string): ExtractedDocument => ({
    ...base,
    status,
    ...(note ? { note } : {}),
    text: '',
    facts: [],
    tables: [],
  });
  const kind = expectedKind(input.contentType);
  const sniffed = sniff(input.bytes);
  try {
    if (kind === 'image') return outcome('not-read', NOTES.image);
    if (sniffed === 'empty') return outcome('unreadable', NOTES.empty);
    if (kind === 'legacy-word' && sniffed === 'ole2') return outcome('not-read', NOTES.legacyWord);
    if (kind === 'legacy-excel' && sniffed === 'ole2') return outcome('not-read', NOTES.legacyExcel);
    if (kind === 'other') return outcome('not-read', NOTES.unknownType);
    if (!MATCHING[kind].includes(sniffed)) {
      // An encrypted .docx / .xlsx is an OLE2 container: say so rather than "wrong type".
      const note =
        sniffed === 'ole2' && (kind === 'docx' || kind === 'xlsx')
          ? NOTES.protected
          : `The file does not look like ${TYPE_WORDS[kind]}; it may be damaged or saved in another format.`;
      logger.warn(
        { documentId: input.documentId, contentType: input.contentType, sniffed },
        'document content does not match its type',
      );
      return outcome('unreadable', note);
    }
    const abort = new AbortController();
    const content = await withTimeout(
      readContent(kind, input, declared, abort.signal),
      opts.timeoutMs ?? EXTRACTION_TIMEOUT_MS,
      abort,
    );
    const result: ExtractedDocument = {
      ...base,
      status: 'read',
      ...(content.note ? { note: content.note } : {}),
      text: bounded(content.text),
      facts: budget(content.facts),
      tables: content.tables.slice(0, 20).map((t) => ({
        name: t.name.slice(0, 120),
        headers: t.headers.slice(0, 60).map((h) => String(h ?? '').slice(0, 120)),
        rows: t.rows.length,
      })),
    };
    return extractedDocumentSchema.parse(result);
  } catch (err) {
    if (err instanceof NotRead) return outcome('not-read', err.clientNote);
    if (err instanceof UnreadableDocument) {
      logger.warn({ documentId: input.documentId, detail: err.detail }, 'document could not be read');
      return outcome('unreadable', err.clientNote);
    }
    logger.error(
      { err, documentId: input.documentId, contentType: input.contentType },
      'document reading failed',
    );
    return outcome('unreadable', NOTES.generic);
  }
}
