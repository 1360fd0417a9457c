/**
 * `npm run bench:documents`: how long reading a large document of each type takes, and how many facts it
 * gives (src/documents/extract.ts). The files are built in memory at sizes near the upload limit (10 MB).
 */
import '../../src/local/quiet';
import { extractDocument } from '../../src/documents/extract';
import {
  buildCsv,
  buildDocx,
  buildPdf,
  buildXlsx,
  CONTENT_TYPES,
  zipBomb,
} from '../../test/fixtures/documents/build';

const sentence =
  'Month-end close takes 12 days because the bank is still reconciled by hand, and churn rose to 4.1% in March.';

async function main() {
  const months = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
  const wide = {
    headers: ['Month', ...Array.from({ length: 20 }, (_, i) => `Revenue line ${i + 1}`)],
    rows: months(5000).map((m, r) => [m, ...Array.from({ length: 20 }, (_, c) => 1000 + r * (c + 1))]),
  };
  const prose = {
    title: 'Board pack',
    labelValues: Array.from({ length: 40 }, (_, i): [string, string] => [
      `Cash at bank ${i + 1}`,
      `£${i + 1}.2M`,
    ]),
    paragraphs: Array.from({ length: 2500 }, () => sentence),
  };
  const files: [string, string, () => Promise<Buffer>][] = [
    ['CSV 5,000 rows x 21 columns', CONTENT_TYPES.csv, async () => buildCsv({ tables: [wide] })],
    ['XLSX 5,000 rows x 21 columns', CONTENT_TYPES.xlsx, () => buildXlsx({ tables: [wide] })],
    ['PDF ~60 pages of prose', CONTENT_TYPES.pdf, () => buildPdf(prose)],
    ['DOCX 2,500 paragraphs', CONTENT_TYPES.docx, () => buildDocx(prose)],
    ['zip bomb (100 MB of spaces) as .xlsx', CONTENT_TYPES.xlsx, () => zipBomb(100)],
  ];
  console.log('| file | size | status | facts | text chars | read in |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [name, contentType, build] of files) {
    const bytes = await build();
    const started = process.hrtime.bigint();
    const r = await extractDocument({
      documentId: 'bench',
      fileName: name,
      contentType,
      declaredDomain: null,
      bytes,
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(
      `| ${name} | ${(bytes.length / 1024).toFixed(0)} KB | ${r.status} | ${r.facts.length} | ${r.text.length} | ${ms.toFixed(0)} ms |`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
