import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/client';
import type { ObjectStore } from '../ports';
import { AppError, conflict, notFound } from '../errors';
import { DOMAIN_IDS } from '../domain/domains';
import { isUuid } from './assessments';
import { matchesDeclaredType, SNIFF_BYTES } from '../documents/declared-type';

/** Allowed uploads: PDF, Word, Excel, CSV, PNG, JPEG; at most 10 MB each and 20 per assessment. */
export const ALLOWED_TYPES: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'application/msword': ['.doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.ms-excel': ['.xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'text/csv': ['.csv'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
};
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS = 20;
const UPLOAD_URL_SECONDS = 15 * 60;
const DOWNLOAD_URL_SECONDS = 5 * 60;

export const createDocumentSchema = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    contentType: z.string().trim().min(1).max(200),
    size: z.number().int().min(1, 'size must be at least 1 byte'),
    domain: z.enum(DOMAIN_IDS).nullable().optional(),
  })
  .strict();

/**
 * A file name safe to use in an object key and a download header: the last path segment only,
 * letters, digits, dot, dash and underscore, no leading dots.
 */
export function sanitiseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[.]+/, '')
    .replace(/_+/g, '_')
    .slice(-120);
  return cleaned || 'document';
}

export async function createDocument(
  db: Db,
  store: ObjectStore,
  assessment: { id: string; status: string },
  input: z.infer<typeof createDocumentSchema>,
) {
  const contentType = input.contentType.toLowerCase();
  const extensions = ALLOWED_TYPES[contentType];
  if (!extensions)
    throw new AppError(
      415,
      'unsupported_media_type',
      'Only PDF, Word, Excel, CSV, PNG and JPEG files can be uploaded',
      {
        allowed: Object.keys(ALLOWED_TYPES),
      },
    );
  if (input.size > MAX_DOCUMENT_BYTES)
    throw new AppError(413, 'payload_too_large', 'Each document can be at most 10 MB', {
      maxBytes: MAX_DOCUMENT_BYTES,
    });
  if (input.fileName.includes('/') || input.fileName.includes('\\') || input.fileName.includes('..'))
    throw new AppError(400, 'validation_error', 'The file name must not contain a path', {
      fileName: input.fileName,
    });
  const fileName = sanitiseFileName(input.fileName);
  const ext = path.extname(fileName).toLowerCase();
  if (!extensions.includes(ext))
    throw new AppError(
      400,
      'validation_error',
      `A ${contentType} file should end in ${extensions.join(' or ')}`,
      {
        fileName,
      },
    );
  if (!['draft', 'awaiting_payment'].includes(assessment.status))
    throw conflict('Documents can no longer be added to this assessment');
  const count = await db.document.count({ where: { assessmentId: assessment.id } });
  if (count >= MAX_DOCUMENTS)
    throw new AppError(
      409,
      'too_many_documents',
      `An assessment can have at most ${MAX_DOCUMENTS} documents`,
    );
  const doc = await db.document.create({
    data: {
      assessmentId: assessment.id,
      fileName,
      contentType,
      size: input.size,
      domain: input.domain ?? null,
      objectKey: `assessments/${assessment.id}/documents/${crypto.randomUUID()}/${fileName}`,
    },
  });
  const { url, headers } = await store.presignPut(doc.objectKey, {
    contentType,
    size: input.size,
    expiresSeconds: UPLOAD_URL_SECONDS,
  });
  return { documentId: doc.id, uploadUrl: url, headers, expiresInSeconds: UPLOAD_URL_SECONDS };
}

export async function getDocument(db: Db, assessmentId: string, documentId: string) {
  if (!isUuid(documentId)) throw notFound('Document');
  const doc = await db.document.findFirst({ where: { id: documentId, assessmentId } });
  if (!doc) throw notFound('Document');
  return doc;
}

/**
 * Confirms the upload: the object must exist with exactly the declared size and type, and its first bytes must
 * be a file of that type. It is then copied to a key of its own that no upload URL can write (the presigned
 * URL stays valid for a while and could otherwise replace the file after it was checked). The file is read
 * later, by the agents, before they analyse (src/services/document-reading.ts): the API does not carry the
 * document readers. Completing twice returns the stored document.
 */
export async function completeDocument(db: Db, store: ObjectStore, assessmentId: string, documentId: string) {
  const doc = await getDocument(db, assessmentId, documentId);
  if (doc.status === 'uploaded') return doc;
  const head = await store.head(doc.objectKey);
  if (!head) throw conflict('The file has not been uploaded yet', { documentId });
  if (head.size !== doc.size || (head.contentType && head.contentType.toLowerCase() !== doc.contentType)) {
    await store.delete(doc.objectKey);
    throw conflict('The uploaded file does not match what was declared; please upload it again', {
      expected: { size: doc.size, contentType: doc.contentType },
      received: head,
    });
  }
  if (!matchesDeclaredType(doc.contentType, await store.readStart(doc.objectKey, SNIFF_BYTES))) {
    await store.delete(doc.objectKey);
    throw conflict('The file is not the type it was declared as; please upload it again', {
      contentType: doc.contentType,
    });
  }
  const finalKey = `assessments/${assessmentId}/documents/${doc.id}/${doc.fileName}`;
  await store.copy(doc.objectKey, finalKey);
  await store.delete(doc.objectKey);
  return db.document.update({
    where: { id: doc.id },
    data: { status: 'uploaded', uploadedAt: new Date(), objectKey: finalKey },
  });
}

export async function downloadUrl(db: Db, store: ObjectStore, assessmentId: string, documentId: string) {
  const doc = await getDocument(db, assessmentId, documentId);
  if (doc.status !== 'uploaded') throw notFound('Document');
  return store.presignGet(doc.objectKey, { expiresSeconds: DOWNLOAD_URL_SECONDS, fileName: doc.fileName });
}

export async function deleteDocument(
  db: Db,
  store: ObjectStore,
  assessment: { id: string; status: string },
  documentId: string,
) {
  const doc = await getDocument(db, assessment.id, documentId);
  if (!['draft', 'awaiting_payment'].includes(assessment.status))
    throw conflict('Documents of a submitted assessment cannot be deleted');
  await store.delete(doc.objectKey);
  // Its stored reading (document_extractions) goes with it: foreign key, on delete cascade.
  await db.document.delete({ where: { id: doc.id } });
}
