import type { Db } from '../db/client';
import { extractedDocumentSchema, type ExtractedDocument } from '../domain/document-facts';
import { EXTRACTOR_VERSION } from '../documents/version';

/**
 * What was read from the client's documents, as stored in `document_extractions`: for the API's views and the
 * deliverables, which never read a file themselves. The reading is the agents' work (src/services/document-
 * reading.ts, before triage and each specialist), so this module stays free of the document readers: the API's
 * Lambda bundle does not carry unpdf, exceljs or mammoth.
 */

/** A stored result, validated; null when it is missing, of an older extractor, or no longer valid. */
export function storedResult(
  row: { result: unknown; extractorVersion: number } | null,
): ExtractedDocument | null {
  if (!row || row.extractorVersion < EXTRACTOR_VERSION) return null;
  const parsed = extractedDocumentSchema.safeParse(row.result);
  return parsed.success ? parsed.data : null;
}

/** The stored reading of one document (for views): status and note, or null when not read yet. */
export async function documentReading(
  db: Db,
  documentId: string,
): Promise<{ status: string; note: string | null; facts: number } | null> {
  const row = await db.documentExtraction.findUnique({ where: { documentId } });
  if (!row) return null;
  const parsed = extractedDocumentSchema.safeParse(row.result);
  return { status: row.status, note: row.note, facts: parsed.success ? parsed.data.facts.length : 0 };
}

/**
 * The stored readings of an assessment's uploaded documents, in upload order, without reading anything (for
 * the deliverables: the agents read them before the analysis). A document with no current, valid reading is
 * left out.
 */
export async function storedDocumentReadings(db: Db, assessmentId: string): Promise<ExtractedDocument[]> {
  const docs = await db.document.findMany({
    where: { assessmentId, status: 'uploaded' },
    include: { extraction: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return docs.map((d) => storedResult(d.extraction)).filter((r): r is ExtractedDocument => r !== null);
}
