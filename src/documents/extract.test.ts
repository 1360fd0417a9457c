import JSZip from 'jszip';
import { extractedDocumentSchema, type ExtractedDocument } from '../domain/document-facts';
import { findClientTextViolations } from '../domain/client-text';
import {
  buildCsv,
  buildDocx,
  buildPdf,
  buildXlsx,
  CONTENT_TYPES,
  encryptedPdf,
  randomBytes,
  tinyPng,
  truncated,
  zipBomb,
  type DocSpec,
} from '../../test/fixtures/documents/build';
import { extractDocument, NOTES, withTimeout } from './extract';
import { UnreadableDocument } from './errors';

const MANAGEMENT_ACCOUNTS: DocSpec = {
  title: 'Management accounts — March 2026',
  labelValues: [
    ['Cash at bank', '£1.2M'],
    ['Monthly net burn', '£210k'],
    ['Runway', '9 months'],
    ['Debtor days', '62 days'],
    ['Operating loss (quarter)', '(£630k)'],
  ],
  paragraphs: [
    'Month-end close takes 12 days because the bank is still reconciled by hand in spreadsheets, so the board sees March figures in late April.',
    'We review a rolling 13-week cash forecast with the board every month.',
  ],
  paragraphsOnNewPage: true,
};

const CHURN: DocSpec = {
  tables: [
    {
      name: 'Churn',
      headers: ['Month', 'Active customers', 'Monthly churn %'],
      rows: [
        ['Oct 2025', 410, 2.3],
        ['Nov 2025', 425, 2.8],
        ['Dec 2025', 431, 3.1],
        ['Jan 2026', 440, 3.4],
        ['Feb 2026', 446, 3.6],
        ['Mar 2026', 452, 4.1],
      ],
      percentColumns: ['Monthly churn %'],
    },
  ],
};

const REVENUE_BY_CLIENT: DocSpec = {
  tables: [
    {
      name: 'Revenue by client',
      headers: ['Client', 'Revenue FY25'],
      rows: [
        ['Acme Ltd', 608000],
        ['Beta plc', 300000],
        ['Gamma Group', 250000],
        ['Delta & Co', 242000],
        ['Others', 200000],
        ['Total', 1600000],
      ],
      moneyColumns: ['Revenue FY25'],
    },
  ],
};

const BOARD_MEMO: DocSpec = {
  title: 'Board memo: delivery and people',
  paragraphs: [
    'Two of our five project managers resigned this quarter and hiring replacements is taking more than three months.',
    'Every project is now planned in one shared tool and we hold a weekly delivery review.',
    'The office moved to a larger building in the spring.',
    'Staff attrition is 24% over the last twelve months.',
  ],
  labelValues: [
    ['Headcount', '46'],
    ['Open roles', '5'],
  ],
};

async function read(
  fileName: string,
  contentType: string,
  bytes: Buffer,
  declaredDomain: string | null = null,
): Promise<ExtractedDocument> {
  const result = await extractDocument({ documentId: 'doc-1', fileName, contentType, declaredDomain, bytes });
  // Whatever happens, the result satisfies the contract.
  expect(extractedDocumentSchema.safeParse(result).success).toBe(true);
  return result;
}

const fact = (doc: ExtractedDocument, label: string) => doc.facts.find((f) => f.label === label);

describe('reading documents a consultant would be sent', () => {
  it('a management-accounts PDF: cash, burn, runway and a statement, with their pages', async () => {
    const doc = await read(
      'management-accounts.pdf',
      CONTENT_TYPES.pdf,
      await buildPdf(MANAGEMENT_ACCOUNTS),
      'financial-management',
    );
    expect(doc.status).toBe('read');
    expect(fact(doc, 'Cash at bank')).toMatchObject({ number: 1_200_000, unit: 'gbp', location: 'page 1' });
    expect(fact(doc, 'Monthly net burn')).toMatchObject({ value: '£210k', number: 210_000, unit: 'gbp' });
    expect(fact(doc, 'Runway')).toMatchObject({ number: 9, unit: 'months' });
    expect(fact(doc, 'Operating loss (quarter)')).toMatchObject({ number: -630_000 });
    expect(fact(doc, 'Cash at bank')!.domains[0]).toBe('financial-management');
    const statements = doc.facts.filter((f) => f.kind === 'statement');
    expect(statements.map((s) => s.location)).toEqual(['page 2', 'page 2']);
    expect(statements[0]!.value).toContain(
      'reconciled by hand in spreadsheets, so the board sees March figures',
    );
    expect(doc.text).toContain('Cash at bank: £1.2M');
  });

  it('a churn CSV by month: latest 4.1%, rising from 2.3%', async () => {
    const doc = await read('churn.csv', CONTENT_TYPES.csv, buildCsv(CHURN), 'customer-success');
    expect(doc.status).toBe('read');
    expect(fact(doc, 'Monthly churn %')).toMatchObject({
      kind: 'column',
      latest: 4.1,
      first: 2.3,
      trend: 'rising',
      period: 'Mar 2026',
      unit: 'percent',
      domains: ['customer-success'],
    });
    expect(doc.tables).toEqual([
      { name: 'churn.csv', headers: ['Month', 'Active customers', 'Monthly churn %'], rows: 6 },
    ]);
  });

  it('an Excel workbook: the largest client’s share of revenue (38%), and percent-formatted cells', async () => {
    const bytes = await buildXlsx({ tables: [...REVENUE_BY_CLIENT.tables!, ...CHURN.tables!] });
    const doc = await read('revenue.xlsx', CONTENT_TYPES.xlsx, bytes);
    expect(doc.status).toBe('read');
    expect(fact(doc, 'Largest client share of revenue FY25')).toMatchObject({
      number: 38,
      unit: 'percent',
      value: 'Acme Ltd: 38% of £1.6M total revenue FY25 across 5 clients',
      location: 'sheet Revenue by client, column Revenue FY25',
    });
    // Excel stores 4.1% as 0.041 with a percent format: read as 4.1 percent.
    expect(fact(doc, 'Monthly churn %')).toMatchObject({ latest: 4.1, unit: 'percent', trend: 'rising' });
    expect(doc.tables.map((t) => t.name)).toEqual(['sheet Revenue by client', 'sheet Churn']);
  });

  it('a Word board memo: statements, and figures from its table', async () => {
    const doc = await read('board-memo.docx', CONTENT_TYPES.docx, await buildDocx(BOARD_MEMO));
    expect(doc.status).toBe('read');
    const statements = doc.facts.filter((f) => f.kind === 'statement');
    expect(statements.map((s) => s.label)).toEqual(['Stated concern', 'Stated practice', 'Stated concern']);
    expect(statements[0]!.domains).toContain('people-organization');
    expect(statements.some((s) => /larger building/.test(s.value))).toBe(false);
    expect(fact(doc, 'Headcount')).toMatchObject({ number: 46, location: 'table 1, row 2' });
    expect(fact(doc, 'Staff attrition')).toMatchObject({ number: 24, unit: 'percent' });
    expect(doc.text).toContain('weekly delivery review');
  });
});

describe('hostile, corrupt and unread files: a calm note, never a throw', () => {
  async function expectOutcome(doc: ExtractedDocument, status: ExtractedDocument['status'], note: RegExp) {
    expect(doc.status).toBe(status);
    expect(doc.note).toMatch(note);
    expect(doc.facts).toEqual([]);
    expect(findClientTextViolations(doc.note!)).toEqual([]);
  }

  it('a zip bomb named .xlsx (and .docx) is refused from its directory, before inflating', async () => {
    const bomb = await zipBomb(20);
    expect(bomb.length).toBeLessThan(200_000);
    await expectOutcome(
      await read('bomb.xlsx', CONTENT_TYPES.xlsx, bomb),
      'unreadable',
      /expands to far more/,
    );
    await expectOutcome(
      await read('bomb.docx', CONTENT_TYPES.docx, bomb),
      'unreadable',
      /expands to far more/,
    );
  });

  it('a truncated PDF, a PDF header over random bytes, an encrypted PDF', async () => {
    const pdf = await buildPdf(MANAGEMENT_ACCOUNTS);
    await expectOutcome(await read('a.pdf', CONTENT_TYPES.pdf, truncated(pdf, 0.3)), 'unreadable', /damaged/);
    const junk = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096)]);
    await expectOutcome(await read('b.pdf', CONTENT_TYPES.pdf, junk), 'unreadable', /damaged/);
    await expectOutcome(
      await read('c.pdf', CONTENT_TYPES.pdf, encryptedPdf()),
      'unreadable',
      /password-protected/,
    );
  });

  it('random bytes named .xlsx, a Word file named .xlsx, a zip that is no workbook, a PDF named .csv', async () => {
    await expectOutcome(
      await read('r.xlsx', CONTENT_TYPES.xlsx, randomBytes()),
      'unreadable',
      /does not look like an Excel workbook/,
    );
    await expectOutcome(
      await read('w.xlsx', CONTENT_TYPES.xlsx, await buildDocx(BOARD_MEMO)),
      'unreadable',
      /does not look like an Excel workbook/,
    );
    const zip = new JSZip();
    zip.file('hello.txt', 'hello');
    const plainZip = await zip.generateAsync({ type: 'nodebuffer' });
    await expectOutcome(
      await read('z.docx', CONTENT_TYPES.docx, plainZip),
      'unreadable',
      /does not look like a Word document/,
    );
    await expectOutcome(
      await read('p.csv', CONTENT_TYPES.csv, await buildPdf(BOARD_MEMO)),
      'unreadable',
      /CSV/,
    );
  });

  it('Office files whose parts are broken XML', async () => {
    const broken = new JSZip();
    broken.file('[Content_Types].xml', '<Types');
    broken.file('xl/workbook.xml', '<<<not xml');
    broken.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c>');
    const xlsx = await broken.generateAsync({ type: 'nodebuffer' });
    await expectOutcome(await read('broken.xlsx', CONTENT_TYPES.xlsx, xlsx), 'unreadable', /workbook/);
    const brokenDocx = new JSZip();
    brokenDocx.file('word/document.xml', '<w:document><w:body><w:p>');
    const docx = await brokenDocx.generateAsync({ type: 'nodebuffer' });
    await expectOutcome(await read('broken.docx', CONTENT_TYPES.docx, docx), 'unreadable', /Word document/);
  });

  it('an encrypted Office file (an OLE2 container) and an empty file', async () => {
    const ole2 = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      randomBytes(512),
    ]);
    await expectOutcome(await read('e.xlsx', CONTENT_TYPES.xlsx, ole2), 'unreadable', /password-protected/);
    await expectOutcome(await read('empty.csv', CONTENT_TYPES.csv, Buffer.alloc(0)), 'unreadable', /empty/);
  });

  it('images and old .doc / .xls files are stored but honestly not read', async () => {
    await expectOutcome(
      await read('photo.png', CONTENT_TYPES.png, tinyPng()),
      'not-read',
      /not read by the analysis/,
    );
    const ole2 = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      randomBytes(512),
    ]);
    await expectOutcome(await read('old.doc', 'application/msword', ole2), 'not-read', /\.docx/);
    await expectOutcome(await read('old.xls', 'application/vnd.ms-excel', ole2), 'not-read', /\.xlsx/);
  });

  it('a PDF with no text (a scan) is stored but not read', async () => {
    await expectOutcome(await read('scan.pdf', CONTENT_TYPES.pdf, await buildPdf({})), 'not-read', /scanned/);
  });

  it('reading is bounded in time: a read that does not finish gives the timeout note', async () => {
    const never = new Promise<never>(() => undefined);
    const abort = new AbortController();
    const err = await withTimeout(never, 5, abort).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableDocument);
    expect(abort.signal.aborted).toBe(true); // the reader stops at its next page / row
    expect((err as UnreadableDocument).clientNote).toBe(NOTES.timeout);
  });

  it('output is bounded: a huge CSV gives at most the contract’s facts and text', async () => {
    const headers = ['Month', ...Array.from({ length: 80 }, (_, i) => `Metric ${i + 1}`)];
    const rows = Array.from({ length: 6000 }, (_, r) => [
      `${2000 + Math.floor(r / 12)}-${String((r % 12) + 1).padStart(2, '0')}`,
      ...Array.from({ length: 80 }, (_, c) => r * c),
    ]);
    const doc = await read('big.csv', CONTENT_TYPES.csv, buildCsv({ tables: [{ headers, rows }] }));
    expect(doc.status).toBe('read');
    expect(doc.facts.length).toBeLessThanOrEqual(200);
    expect(doc.tables[0]!.headers.length).toBeLessThanOrEqual(60);
  });

  it('every note a client can see passes the client-text rules', () => {
    for (const note of Object.values(NOTES)) expect(findClientTextViolations(note)).toEqual([]);
  });
});
