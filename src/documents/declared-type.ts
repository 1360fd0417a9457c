import { sniff, type SniffedKind } from './sniff';

/** What each accepted upload type must look like from its first bytes (src/documents/sniff.ts). */
const EXPECTED: Record<string, SniffedKind> = {
  'application/pdf': 'pdf',
  'application/msword': 'ole2',
  'application/vnd.ms-excel': 'ole2',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'zip',
  'text/csv': 'text',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
};

/** How many bytes of the start `matchesDeclaredType` needs (a PDF header may follow a short preamble). */
export const SNIFF_BYTES = 1024;

/** Does a file's start match its declared type? Pure. */
export function matchesDeclaredType(contentType: string, start: Uint8Array): boolean {
  const expected = EXPECTED[contentType];
  return expected !== undefined && sniff(start) === expected;
}
