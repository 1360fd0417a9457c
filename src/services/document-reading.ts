import type { Db } from '../db/client';
import { Prisma } from '../db/client';
import type { ObjectStore } from '../ports';
import { extractedDocumentSchema, type ExtractedDocument } from '../domain/document-facts';
import { EXTRACTOR_VERSION, extractDocument } from '../documents/extract';
import { logger } from '../logger';
import { storedResult } from './document-readings';

/**
 * Reading the client's documents: the bytes come from the ObjectStore port, src/documents turns them into
 * facts, and one `document_extractions` row per document keeps the result (deleted with the document).
 * Reading never fails the caller: a failure is recorded as an `unreadable` row with a calm note.
 * The agents read (the triage and each specialist, before they analyse: src/agents/worker.ts); the API only
 * shows what is stored (./document-readings.ts), so the document readers stay out of the API's bundle.
 */

export interface ReadingContext {
  db: Db;
  objectStore: ObjectStore;
}

interface StoredDocument {
  id: string;
  assessmentId: string;
  fileName: string;
  contentType: string;
  domain: string | null;
  objectKey: string;
}

const FETCH_FAILED_NOTE = 'The file could not be fetched for reading just now; it will be read again later.';

/**
 * Reads one uploaded document and stores what was read (replacing an older result). A failure to fetch
 * the bytes (the store unreachable) is returned but not stored, so a later call tries again.
 */
export async function readAndStoreDocument(
  ctx: ReadingContext,
  doc: StoredDocument,
): Promise<ExtractedDocument> {
  let bytes: Buffer;
  try {
    bytes = await ctx.objectStore.get(doc.objectKey);
  } catch (err) {
    logger.warn({ err, documentId: doc.id }, 'document bytes could not be fetched for reading');
    return {
      documentId: doc.id,
      fileName: doc.fileName,
      contentType: doc.contentType,
      declaredDomain: extractedDocumentSchema.shape.declaredDomain.safeParse(doc.domain).data ?? null,
      status: 'unreadable',
      note: FETCH_FAILED_NOTE,
      text: '',
      facts: [],
      tables: [],
    };
  }
  const result = await extractDocument({
    documentId: doc.id,
    fileName: doc.fileName,
    contentType: doc.contentType,
    declaredDomain: doc.domain,
    bytes,
  });
  const data = {
    assessmentId: doc.assessmentId,
    status: result.status,
    result: result as unknown as Prisma.InputJsonValue,
    note: result.note ?? null,
    extractorVersion: EXTRACTOR_VERSION,
    extractedAt: new Date(),
  };
  try {
    await ctx.db.documentExtraction.upsert({
      where: { documentId: doc.id },
      create: { documentId: doc.id, ...data },
      update: data,
    });
  } catch (err) {
    // Two readers at once (the API's complete and an agent): the other one stored it. A document deleted
    // meanwhile (foreign key) has nothing left to store.
    if (err instanceof Prisma.PrismaClientKnownRequestError && ['P2002', 'P2003', 'P2025'].includes(err.code))
      logger.info({ documentId: doc.id, code: err.code }, 'document reading not stored (concurrent change)');
    else throw err;
  }
  logger.info({ documentId: doc.id, status: result.status, facts: result.facts.length }, 'document read');
  return result;
}

/**
 * Every uploaded document of an assessment, read: documents without a (current, valid) stored result are
 * read now and stored. Idempotent; in upload order; each result validated with the contract's schema.
 */
export async function ensureDocumentsRead(
  ctx: ReadingContext,
  assessmentId: string,
): Promise<ExtractedDocument[]> {
  const docs = await ctx.db.document.findMany({
    where: { assessmentId, status: 'uploaded' },
    include: { extraction: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const out: ExtractedDocument[] = [];
  for (const doc of docs) {
    const stored = storedResult(doc.extraction);
    out.push(stored ?? (await readAndStoreDocument(ctx, doc)));
  }
  return out;
}
