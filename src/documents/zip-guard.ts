import JSZip from 'jszip';
import { UnreadableDocument } from './errors';

/** Limits for Office files (zip containers) before any XML is parsed: a zip bomb stops here. */
export const MAX_UNCOMPRESSED_BYTES = 80 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 5000;
export const MAX_COMPRESSION_RATIO = 200;

interface EntryData {
  uncompressedSize?: number;
  compressedSize?: number;
}

/**
 * Reads the zip's central directory with jszip (nothing is inflated) and refuses archives that would
 * expand beyond the limits, or that are not zips at all. Returns the entry names.
 */
export async function checkZip(bytes: Uint8Array, label: string): Promise<{ names: string[]; zip: JSZip }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (err) {
    throw new UnreadableDocument(
      `The file could not be opened as ${label}; it may be damaged or saved in another format.`,
      `zip directory unreadable: ${(err as Error).message}`,
    );
  }
  const entries = Object.values(zip.files);
  if (entries.length > MAX_ZIP_ENTRIES)
    throw new UnreadableDocument(
      `The file is too complex to read safely (${label} with unusually many parts).`,
      `zip has ${entries.length} entries`,
    );
  let total = 0;
  let compressed = 0;
  for (const e of entries) {
    // jszip keeps the sizes from the central directory on the entry's internal `_data`.
    const data = (e as unknown as { _data?: EntryData })._data;
    total += data?.uncompressedSize ?? 0;
    compressed += data?.compressedSize ?? 0;
  }
  const ratio = compressed > 0 ? total / compressed : 0;
  // Real workbooks compress 5–50x; a zip bomb hundreds or thousands of times (checked above 8 MB only,
  // so a tiny, very regular file is not refused).
  if (total > MAX_UNCOMPRESSED_BYTES || (total > 8 * 1024 * 1024 && ratio > MAX_COMPRESSION_RATIO))
    throw new UnreadableDocument(
      'The file expands to far more data than a normal document, so it was not read. Please upload a smaller export.',
      `zip expands to ${total} bytes (ratio ${ratio.toFixed(0)})`,
    );
  return { names: entries.map((e) => e.name), zip };
}
