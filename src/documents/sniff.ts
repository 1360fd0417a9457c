/**
 * What a file really is, from its first bytes (magic numbers), whatever its name or declared type says.
 * Pure.
 */
export type SniffedKind = 'pdf' | 'zip' | 'ole2' | 'png' | 'jpeg' | 'text' | 'empty' | 'unknown';

export function sniff(bytes: Uint8Array): SniffedKind {
  if (bytes.length === 0) return 'empty';
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  // "%PDF" may follow a little junk (some generators add a preamble); PDF readers accept it within 1 KB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole2';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (looksLikeText(bytes.subarray(0, 64 * 1024))) return 'text';
  return 'unknown';
}

/** UTF-8 (or plain ASCII / Latin-1 without control bytes) text: no NUL, few control characters. */
export function looksLikeText(sample: Uint8Array): boolean {
  if (!sample.length) return false;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) control++;
  }
  return control / sample.length < 0.01;
}
