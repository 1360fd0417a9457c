/**
 * Four realistic client documents for the benchmarks, built in code (test/fixtures/documents/build.ts) and read
 * by the real extractor (src/documents), so prompt-token figures count what the analysts are really sent:
 * management accounts (PDF, finance), a churn table (Excel, customer success), revenue by client (CSV, revenue)
 * and a board memo (Word, people).
 */
import { extractDocument } from '../../src/documents/extract';
import type { AnalystDocument } from '../../src/agents/rule-analyst';
import {
  buildCsv,
  buildDocx,
  buildPdf,
  buildXlsx,
  CONTENT_TYPES,
  type DocSpec,
} from '../../test/fixtures/documents/build';

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
};

const CHURN: DocSpec = {
  tables: [
    {
      name: 'Churn',
      headers: ['Month', 'Active customers', 'Monthly churn %'],
      rows: [
        ['Oct 2025', 410, 2.3],
        ['Nov 2025', 418, 2.8],
        ['Dec 2025', 421, 3.1],
        ['Jan 2026', 415, 3.4],
        ['Feb 2026', 409, 3.9],
        ['Mar 2026', 402, 4.1],
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
        ['Birch Foods', 212000],
        ['Cobalt Retail', 180000],
        ['Delta Homes', 96000],
        ['Other clients', 304000],
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
    'Staff attrition is 24% over the last twelve months.',
  ],
  labelValues: [
    ['Headcount', '46'],
    ['Open roles', '5'],
  ],
};

/** The four documents, read once by the real extractor. */
export async function benchDocuments(): Promise<AnalystDocument[]> {
  const specs = [
    {
      fileName: 'management-accounts-mar-2026.pdf',
      domain: 'financial-management',
      contentType: CONTENT_TYPES.pdf,
      bytes: await buildPdf(MANAGEMENT_ACCOUNTS),
    },
    {
      fileName: 'churn.xlsx',
      domain: 'customer-success',
      contentType: CONTENT_TYPES.xlsx,
      bytes: await buildXlsx(CHURN),
    },
    {
      fileName: 'revenue-by-client.csv',
      domain: 'revenue-engine',
      contentType: CONTENT_TYPES.csv,
      bytes: buildCsv(REVENUE_BY_CLIENT),
    },
    {
      fileName: 'board-memo.docx',
      domain: 'people-organization',
      contentType: CONTENT_TYPES.docx,
      bytes: await buildDocx(BOARD_MEMO),
    },
  ];
  const out: AnalystDocument[] = [];
  for (const [i, s] of specs.entries()) {
    const extracted = await extractDocument({
      documentId: `bench-doc-${i + 1}`,
      fileName: s.fileName,
      contentType: s.contentType,
      declaredDomain: s.domain,
      bytes: s.bytes,
    });
    out.push({ fileName: s.fileName, domain: s.domain, contentType: s.contentType, extracted });
  }
  return out;
}
