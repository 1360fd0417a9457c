import { apiFetch } from '../api/client';
import { assessmentPath } from '../api/queries';
import type { CreateDocumentResponse, DocumentInfo } from '../api/types';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 20;

/** Accepted types (docs/API.md): PDF, Word, Excel, CSV, PNG, JPEG, by extension with their canonical MIME type. */
export const TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

export const ACCEPT = [
  ...Object.keys(TYPES_BY_EXTENSION).map((e) => `.${e}`),
  ...new Set(Object.values(TYPES_BY_EXTENSION)),
].join(',');

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * The content type to declare for a file, or null if it is not an accepted type. The extension decides, since
 * browsers report CSV and Office files inconsistently (empty, text/plain, application/vnd.ms-excel...); a file
 * without an extension is accepted when the browser reports an accepted type.
 */
export function contentTypeFor(file: { name: string; type: string }): string | null {
  const ext = extensionOf(file.name);
  if (ext) return TYPES_BY_EXTENSION[ext] ?? null;
  const reported = file.type.toLowerCase();
  return Object.values(TYPES_BY_EXTENSION).includes(reported) ? reported : null;
}

export type FileCheck = { ok: true; contentType: string } | { ok: false; reason: string };

/** Checks done before anything is sent: type, size, and the per-assessment count. */
export function checkFile(file: File, slotsLeft: number): FileCheck {
  const contentType = contentTypeFor(file);
  if (!contentType)
    return { ok: false, reason: 'This file type is not accepted. Use PDF, Word, Excel, CSV, PNG or JPEG.' };
  if (file.size > MAX_FILE_BYTES) return { ok: false, reason: 'This file is larger than 10 MB.' };
  if (file.size === 0) return { ok: false, reason: 'This file is empty.' };
  if (slotsLeft <= 0) return { ok: false, reason: `An assessment can have at most ${MAX_FILES} documents.` };
  return { ok: true, contentType };
}

/** Headers the browser sets itself and refuses from scripts. */
const FORBIDDEN_HEADERS = new Set([
  'content-length',
  'host',
  'connection',
  'expect',
  'keep-alive',
  'transfer-encoding',
]);

export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

/** PUT the bytes to the presigned URL with XMLHttpRequest, for upload progress events. */
export function putWithProgress(
  url: string,
  headers: Record<string, string>,
  file: Blob,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(headers ?? {})) {
      if (!FORBIDDEN_HEADERS.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (e: ProgressEvent) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else reject(new UploadError(`The file store refused the upload (HTTP ${xhr.status}).`));
    };
    xhr.onerror = () =>
      reject(new UploadError('The upload was interrupted. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

export type UploadPhase = 'preparing' | 'uploading' | 'finishing';

/** The three steps of an upload: ask for a presigned URL, PUT the bytes, confirm. */
export async function uploadDocument(
  assessmentId: string,
  file: File,
  contentType: string,
  domain: string | null,
  onProgress: (fraction: number, phase: UploadPhase) => void,
  signal?: AbortSignal,
): Promise<DocumentInfo> {
  onProgress(0, 'preparing');
  const body: { fileName: string; contentType: string; size: number; domain?: string } = {
    fileName: file.name,
    contentType,
    size: file.size,
  };
  if (domain) body.domain = domain;
  const created = await apiFetch<CreateDocumentResponse>(assessmentPath(assessmentId, '/documents'), {
    method: 'POST',
    body,
    signal,
  });
  await putWithProgress(created.uploadUrl, created.headers, file, (f) => onProgress(f, 'uploading'), signal);
  onProgress(1, 'finishing');
  const done = await apiFetch<{ document: DocumentInfo }>(
    assessmentPath(assessmentId, `/documents/${encodeURIComponent(created.documentId)}/complete`),
    { method: 'POST', signal },
  );
  return done.document;
}
