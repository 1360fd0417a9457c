/**
 * Does a file's start match its declared type? The magic numbers of the upload types ScaleMap accepts.
 * Pure: the first bytes in, yes or no out.
 */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc, .xls (Compound File Binary)
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // .docx, .xlsx (Office Open XML)

const SIGNATURES: Record<string, number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'application/msword': [OLE],
  'application/vnd.ms-excel': [OLE],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [ZIP],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [ZIP],
};

/** How many bytes `matchesDeclaredType` looks at. */
export const SIGNATURE_BYTES = 512;

export function matchesDeclaredType(contentType: string, start: Uint8Array): boolean {
  if (contentType === 'text/csv') return looksLikeText(start);
  const candidates = SIGNATURES[contentType];
  if (!candidates) return false;
  return candidates.some((sig) => sig.every((byte, i) => start[i] === byte));
}

/** CSV: text, so no NUL bytes and no other binary control bytes in the start (tab, CR, LF, FF are text). */
function looksLikeText(start: Uint8Array): boolean {
  for (const b of start) if (b === 0 || (b < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(b))) return false;
  return true;
}
