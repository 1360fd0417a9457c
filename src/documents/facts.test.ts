import { findQuantities, formatQuantity, parsePeriod, parseQuantity, trendOf } from './values';
import { labelValueFacts, statementFacts } from './text-facts';
import { tableFacts } from './tables';
import { domainsFor } from './vocabulary';
import { sniff } from './sniff';
import { joinWrappedLines } from './extract';
import { citeFacts, factPhrase } from './cite';

describe('British figures', () => {
  it.each([
    ['£1.2M', 1_200_000, 'gbp'],
    ['£210k', 210_000, 'gbp'],
    ['£1,200,000', 1_200_000, 'gbp'],
    ['(£30k)', -30_000, 'gbp'],
    ['-£5k', -5_000, 'gbp'],
    ['£2.5 million', 2_500_000, 'gbp'],
    ['4.1%', 4.1, 'percent'],
    ['12 per cent', 12, 'percent'],
    ['9 months', 9, 'months'],
    ['about nine months', 9, 'months'],
    ['12 days', 12, 'days'],
    ['3 weeks', 21, 'days'],
    ['2 years', 24, 'months'],
    ['3.2x', 3.2, 'ratio'],
    ['1,234', 1234, 'count'],
  ])('%s → %d %s', (text, number, unit) => {
    expect(parseQuantity(text)).toMatchObject({ number, unit });
  });

  it('skips dates, years and codes, and keeps a separator dash from being a minus sign', () => {
    expect(findQuantities('As at 31 March 2026').length).toBe(0);
    expect(findQuantities('FY2025 and Q3 plan').length).toBe(0);
    expect(parseQuantity('Cash at bank: £1.2M (31 March 2026)')).toMatchObject({ number: 1_200_000 });
    expect(parseQuantity('Runway – 9 months')).toMatchObject({ number: 9, unit: 'months' });
    expect(parseQuantity('(6 months)')).toMatchObject({ number: 6 });
  });

  it('bare scaled numbers are pounds next to a money label only', () => {
    expect(parseQuantity('2.4M')).toMatchObject({ number: 2_400_000, unit: 'other' });
    expect(parseQuantity('2.4M', { moneyHint: true })).toMatchObject({ number: 2_400_000, unit: 'gbp' });
  });

  it('formats figures the way they are written', () => {
    expect([
      formatQuantity(1_200_000, 'gbp'),
      formatQuantity(210_000, 'gbp'),
      formatQuantity(-30_000, 'gbp'),
      formatQuantity(4.1, 'percent'),
      formatQuantity(9, 'months'),
      formatQuantity(1, 'days'),
      formatQuantity(12345, 'count'),
    ]).toEqual(['£1.2M', '£210k', '-£30k', '4.1%', '9 months', '1 day', '12,345']);
  });

  it('reads periods of table rows', () => {
    const labels = ['Mar 2026', 'March 2026', '2026-03', '03/2026', 'Mar-26', new Date(Date.UTC(2026, 2, 1))];
    expect(labels.map((l) => parsePeriod(l)?.label)).toEqual(Array(6).fill('Mar 2026'));
    expect(parsePeriod('Q1 2026')).toMatchObject({ label: 'Q1 2026', key: 202603 });
    expect(parsePeriod('FY25')?.label).toBe('FY2025');
    expect(parsePeriod('Acme Ltd')).toBeNull();
  });

  it('gives the direction of a series', () => {
    expect(trendOf([2.3, 2.8, 3.1, 3.6, 4.1])).toBe('rising');
    expect(trendOf([10, 8, 6, 5])).toBe('falling');
    expect(trendOf([5, 5.1, 4.95, 5])).toBe('flat');
  });
});

describe('label–value pairs in text', () => {
  const lines = [
    'Management accounts — March 2026',
    'Cash at bank: £1.2M',
    '• Monthly net burn £210k',
    'Runway – about 9 months',
    'Debtor days',
    '62 days',
    'Month-end close takes 12 days.',
    'Finance system: Xero',
    'Our NRR was 96% last year, and gross margin is 41% after the price rise.',
  ].map((text) => ({ text, location: 'page 1' }));
  const facts = labelValueFacts(lines, 'financial-management');
  const byLabel = (l: string) => facts.find((f) => f.label === l);

  it('finds "Label: value", "Label value", split lines and figures in prose', () => {
    expect(byLabel('Cash at bank')).toMatchObject({
      value: '£1.2M',
      number: 1_200_000,
      unit: 'gbp',
      location: 'page 1',
    });
    expect(byLabel('Monthly net burn')).toMatchObject({ number: 210_000, unit: 'gbp' });
    expect(byLabel('Runway')).toMatchObject({ number: 9, unit: 'months' });
    expect(byLabel('Debtor days')).toMatchObject({ number: 62, unit: 'days' });
    expect(byLabel('Month-end close')).toMatchObject({ number: 12, unit: 'days' });
    expect(byLabel('Finance system')).toMatchObject({ value: 'Xero' });
    expect(byLabel('Gross margin')).toMatchObject({ number: 41, unit: 'percent' });
    expect(byLabel('Our NRR') ?? byLabel('NRR')).toMatchObject({ number: 96 });
  });

  it('puts the declared domain first, then the vocabulary', () => {
    expect(byLabel('Cash at bank')!.domains[0]).toBe('financial-management');
    expect(byLabel('Finance system')!.domains).toEqual(['financial-management', 'technology-data']);
    expect(domainsFor('Monthly churn %', null)).toEqual(['customer-success']);
    expect(domainsFor('OTIF', 'financial-management')).toEqual(['financial-management', 'supply-chain']);
    expect(domainsFor('First response time (hours)', null)).toEqual(['customer-experience']);
    expect(domainsFor('Win rate', null)).toEqual(['revenue-engine']);
    expect(domainsFor('Staff attrition', null)).toEqual(['people-organization']);
  });

  it('does not take titles, dates or sentences for label–value pairs', () => {
    expect(facts.some((f) => /March 2026/.test(f.value))).toBe(false);
    expect(facts.every((f) => f.label.length <= 80)).toBe(true);
  });
});

describe('statements', () => {
  const memo = [
    'Board memo: operations review.',
    'We still do not reconcile the bank weekly, and month-end close takes 12 days because it is done by hand in spreadsheets.',
    'Every month the leadership team reviews a KPI dashboard against the budget.',
    'The office moved to a larger building in the spring and the team enjoyed the new kitchen.',
    'Two of our five account managers resigned this quarter, and churn rose to 4.1% in March.',
  ].map((text) => ({ text }));

  it('keeps sentences that state a concern or a practice, labelled, in document order', () => {
    const s = statementFacts(memo, null);
    expect(s.map((f) => f.label)).toEqual(['Stated concern', 'Stated practice', 'Stated concern']);
    expect(s[0]!.value).toContain('month-end close takes 12 days');
    expect(s[0]!.domains).toContain('financial-management');
    expect(s[2]!.domains).toContain('customer-success');
    expect(s.some((f) => /kitchen/.test(f.value))).toBe(false);
  });

  it('is bounded', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      text: `Issue ${i}: invoices are still raised manually and the backlog of overdue invoices keeps growing.`,
    }));
    expect(statementFacts(many, null, 12).length).toBeLessThanOrEqual(12);
  });

  it('joins prose wrapped across PDF lines, but not label–value lines', () => {
    expect(
      joinWrappedLines([
        'Cash at bank: £1.2M',
        'Our largest client accounts for 38% of revenue, which is a concentration',
        'risk we have not yet addressed.',
      ]),
    ).toEqual([
      'Cash at bank: £1.2M',
      'Our largest client accounts for 38% of revenue, which is a concentration risk we have not yet addressed.',
    ]);
  });
});

describe('tables', () => {
  it('a time series: first, latest, trend and period per numeric column', () => {
    const facts = tableFacts(
      {
        name: 'churn.csv',
        headers: ['Month', 'Active customers', 'Monthly churn %'],
        rows: [
          ['Oct 2025', '410', '2.3%'],
          ['Nov 2025', '425', '2.8%'],
          ['Dec 2025', '431', '3.1%'],
          ['Jan 2026', '440', '3.4%'],
          ['Feb 2026', '446', '3.6%'],
          ['Mar 2026', '452', '4.1%'],
        ],
      },
      'customer-success',
    );
    const churn = facts.find((f) => f.label === 'Monthly churn %')!;
    expect(churn).toMatchObject({
      kind: 'column',
      number: 4.1,
      unit: 'percent',
      first: 2.3,
      latest: 4.1,
      trend: 'rising',
      period: 'Mar 2026',
      domains: ['customer-success'],
    });
    expect(churn.value).toBe('4.1% in Mar 2026, rising from 2.3% in Oct 2025 (6 periods)');
  });

  it('sorts periods written newest first', () => {
    const facts = tableFacts(
      {
        name: 't',
        headers: ['Quarter', 'Revenue £'],
        rows: [
          ['Q2 2026', 500],
          ['Q1 2026', 450],
          ['Q4 2025', 400],
        ],
      },
      null,
    );
    expect(facts[0]).toMatchObject({
      first: 400,
      latest: 500,
      trend: 'rising',
      period: 'Q2 2026',
      unit: 'gbp',
    });
  });

  it('a breakdown by category: the largest row’s share of the total, total rows excluded', () => {
    const facts = tableFacts(
      {
        name: 'sheet Clients',
        headers: ['Client', 'Revenue'],
        rows: [
          ['Acme Ltd', 608000],
          ['Beta plc', 300000],
          ['Gamma', 250000],
          ['Delta', 242000],
          ['Others', 200000],
          ['Total', 1600000],
        ],
      },
      null,
    );
    expect(facts[0]).toMatchObject({
      label: 'Largest client share of revenue',
      number: 38,
      unit: 'percent',
      value: 'Acme Ltd: 38% of £1.6M total revenue across 5 clients',
    });
    expect(facts[0]!.domains).toEqual(expect.arrayContaining(['revenue-engine', 'risk-compliance']));
    expect(facts[1]).toMatchObject({ label: 'Total revenue', number: 1_600_000, unit: 'gbp' });
  });

  it('a metric / value list: one label–value fact per row', () => {
    const facts = tableFacts(
      {
        name: 'sheet Summary',
        headers: ['Metric', 'Value'],
        rows: [
          ['OTIF', '87%'],
          ['Stock days', '64 days'],
        ],
      },
      null,
    );
    expect(facts.map((f) => [f.kind, f.label, f.number, f.unit, f.domains[0]])).toEqual([
      ['label-value', 'OTIF', 87, 'percent', 'supply-chain'],
      ['label-value', 'Stock days', 64, 'days', 'supply-chain'],
    ]);
  });

  it('ignores text-only tables', () => {
    expect(
      tableFacts(
        {
          name: 't',
          headers: ['Name', 'Role'],
          rows: [
            ['Ann', 'CEO'],
            ['Bo', 'CFO'],
          ],
        },
        null,
      ),
    ).toEqual([]);
  });
});

describe('first bytes', () => {
  it('recognises PDF, zip (Office), OLE2 (old Office or encrypted), PNG, JPEG, text, empty', () => {
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('zip');
    expect(sniff(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('ole2');
    expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniff(Buffer.from('Month,Churn\nMar 2026,4.1%\n'))).toBe('text');
    expect(sniff(Buffer.alloc(0))).toBe('empty');
    expect(sniff(Buffer.from([0, 1, 2, 3, 0, 0, 7]))).toBe('unknown');
  });
});

describe('citations', () => {
  it('cites facts with their file name, in the words a report would use', () => {
    const f = (
      label: string,
      value: string,
      kind: 'label-value' | 'column' | 'statement' = 'label-value',
    ) => ({
      kind,
      label,
      value,
      domains: [],
    });
    expect(
      citeFacts({ fileName: 'management-accounts.pdf' }, [
        f('Monthly net burn', '£210k'),
        f('Runway', 'about nine months'),
      ]),
    ).toBe('management-accounts.pdf: monthly net burn £210k, runway about nine months');
    expect(factPhrase(f('NRR', '96%'))).toBe('NRR 96%');
    expect(
      factPhrase(
        f('Monthly churn %', '4.1% in Mar 2026, rising from 2.3% in Oct 2025 (6 periods)', 'column'),
      ),
    ).toBe('monthly churn % 4.1% in Mar 2026, rising from 2.3% in Oct 2025');
    expect(
      factPhrase(
        f(
          'Largest client share of revenue',
          'Acme Ltd: 38% of £1.6M total revenue across 5 clients',
          'column',
        ),
      ),
    ).toBe('largest client share of revenue: Acme Ltd: 38% of £1.6M total revenue across 5 clients');
    expect(factPhrase(f('Stated concern', 'Month-end close takes 12 days.', 'statement'))).toBe(
      '“Month-end close takes 12 days”',
    );
  });
});
