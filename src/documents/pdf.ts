import { definePDFJSModule, getDocumentProxy } from 'unpdf';
import { UnreadableDocument } from './errors';

/**
 * PDF → text per page with unpdf (Mozilla's PDF.js, serverless build). PDF.js is ESM only: it is loaded
 * once through `definePDFJSModule` (a dynamic import that tsx, esbuild and Jest each resolve).
 */
export const MAX_PDF_PAGES = 200;

let loaded: Promise<void> | undefined;

function loadPdfJs(): Promise<void> {
  const p = (loaded ??= definePDFJSModule(() => import('unpdf/pdfjs')).catch((err: unknown) => {
    loaded = undefined;
    throw err;
  }));
  return p;
}

/** Text of each page (lines joined with "\n"), at most MAX_PDF_PAGES pages. */
export async function readPdf(
  bytes: Uint8Array,
  signal?: AbortSignal,
): Promise<{ pages: string[]; totalPages: number }> {
  await loadPdfJs();
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: PDF.js may transfer (detach) the buffer it is given.
    doc = await getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0,
      isEvalSupported: false,
      stopAtErrors: false,
    });
  } catch (err) {
    const e = err as Error;
    if (e?.name === 'PasswordException')
      throw new UnreadableDocument(
        'The PDF is password-protected, so it could not be read. An unprotected copy can be uploaded instead.',
        `pdf.js: ${e.name}: ${e.message}`,
      );
    throw new UnreadableDocument(
      'The PDF could not be opened; it may be damaged or incomplete.',
      `pdf.js: ${e?.name}: ${e?.message}`,
    );
  }
  try {
    const pages: string[] = [];
    const n = Math.min(doc.numPages, MAX_PDF_PAGES);
    for (let i = 1; i <= n && !signal?.aborted; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
        else if (item.str && !/\s$/.test(item.str)) text += ' ';
      }
      pages.push(text);
      page.cleanup();
    }
    return { pages, totalPages: doc.numPages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
