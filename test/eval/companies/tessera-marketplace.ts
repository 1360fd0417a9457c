import { HIRING_STEP, type EvalCompany } from '../types';
import { scoresOf } from './scores';

const INITIATIVES = [
  'Pricing engine v2',
  'Intercom migration',
  'City launch: Leeds',
  'City launch: Bristol',
  'Worker app redesign',
  'Restaurant self-serve onboarding',
  'Looker semantic layer',
  'Payments provider switch',
  'Right-to-work checks automation',
  'No-show prediction model',
  'Ops playbook rewrite',
  'Data warehouse move to BigQuery',
  'SOC 2 readiness',
  'Referral programme',
  'Shift-matching rewrite',
  'Enterprise accounts portal',
  'Holiday pay calculator',
  'Customer support chatbot',
  'Invoice automation',
  'Partner API',
  'Workforce analytics product',
  'Manager training programme',
  'Brand refresh',
  'Rota integration with POS systems',
  'City launch: Glasgow',
  'Worker ratings overhaul',
  'Finance system replacement',
];

/**
 * Tessera: a 200-person marketplace matching hospitality venues with temporary staff across eleven cities,
 * growing fast. The problems are technology and data (a shift-matching service built for one city, three
 * versions of gross booking value) and change overload (27 initiatives on the same senior engineers). Finance,
 * revenue and risk are well run.
 */
export const tessera: EvalCompany = {
  key: 'tessera',
  summary: '200-person staffing marketplace: fragile platform, three versions of GBV, 27 initiatives at once',
  profile: {
    companyName: 'Tessera Shifts Ltd',
    industry: 'marketplace',
    revenueBand: '10m-25m',
    teamSize: '101-250',
    businessModel: 'marketplace',
    growthStage: 'rapid-growth',
    regulated: false,
    hasPhysicalProducts: false,
    subscriptionModel: false,
    channelSales: false,
    headcountGrowthOver50: true,
    challenges:
      'The platform struggles at Friday and Saturday peaks, nobody agrees on the numbers, and we have more projects running than we can ever finish. Teams are tired of change.',
    objectives:
      'Reach twenty cities by 2028 with a platform that holds up at peak, one set of numbers the board trusts, and a leadership team that finishes what it starts.',
  },
  scores: scoresOf({
    sa: [2, 4, 3, 3, 3, 2, 3, 2, 3, 2],
    fin: [2, 2, 2, 2, 2, 3, 1, 2, null, 2],
    rev: [3, 2, 2, 2, 2, 2, 3, 1, null, null, 3],
    ops: [3, 3, 3, 4, 3, 3, 3, 3, null, 4],
    ppl: [3, 3, 3, 3, 3, 3, 3, 3, 4, 2],
    tech: [4, 5, 4, 4, 3, 4, 3, 2, 4],
    cx: [2, 2, 3, 3, 3, 3, 2, 3, null, 3],
    risk: [2, 3, 2, 2, 2, 2, 1, 2, null, null, 2],
    part: [2, 2, 3, 2, 2, 3, 2, null, null, 3],
    cs: [2, 3, 3, 2, 2, 2, 2, 3],
    chg: [4, 5, 4, 3, 3, 4, 4, 4, 3, 4],
  }),
  followUps: {
    'tech-01-f1':
      'The shift-matching service. It was written for one city and now runs eleven; at Friday peak it takes up to 40 seconds to offer a shift.',
    'tech-01-f2':
      'Last quarter’s outages cost us refunds and lost bookings we put at £420k, before counting the engineering time.',
    'tech-02-f1':
      'Gross booking value. Finance, the ops dashboards and the investor deck each compute it differently, and nobody can reconcile September.',
    'tech-04-f1':
      'Which venues leave after a no-show, and how fast. We cannot join booking data to support tickets.',
    'tech-09-f1': 'Around eleven hours of degraded service, most of it on Friday and Saturday evenings.',
    'chg-01-f1':
      'The new pricing engine: announced in March and still running alongside the old spreadsheet in six cities.',
    'chg-01-f2': 'Finish before starting. We launched three big things in the same month.',
    'chg-02-f1': 'Far too many, and the same six senior engineers are named on 19 of them.',
    'chg-06-f1': 'Realistically two or three hours a week; every leader owns at least four initiatives.',
    'chg-10-f1':
      'The support team moved tools twice in a year, from one helpdesk to another and half of it back again.',
    'ppl-09-f1': 'Nobody can tell them which dashboard is right.',
  },
  documents: [
    {
      fileName: 'incident-log-q3-2026.csv',
      domain: 'technology-data',
      title: 'Incident log Q3 2026',
      tables: [
        {
          name: 'Incidents',
          headers: [
            'Date',
            'Service',
            'Minutes degraded',
            'Bookings failed',
            'Estimated revenue lost (GBP)',
            'Root cause',
          ],
          rows: [
            ['2026-07-04', 'shift-matching', 95, 412, 38400, 'database connection pool exhausted'],
            ['2026-07-18', 'payments', 40, 120, 9100, 'provider timeout'],
            ['2026-08-01', 'shift-matching', 130, 655, 61200, 'matching query over 30s at peak'],
            ['2026-08-15', 'worker app', 55, 98, 7400, 'bad release, rolled back'],
            ['2026-08-29', 'shift-matching', 110, 590, 55700, 'matching query over 30s at peak'],
            ['2026-09-05', 'notifications', 35, 60, 3900, 'queue backlog'],
            ['2026-09-12', 'shift-matching', 140, 720, 68900, 'database CPU at 100%'],
            ['2026-09-19', 'shift-matching', 60, 301, 27800, 'matching query over 30s at peak'],
            ['2026-09-26', 'shift-matching', 95, 514, 48300, 'database CPU at 100%'],
          ],
        },
      ],
    },
    {
      fileName: 'initiatives-register.xlsx',
      domain: 'change-management',
      title: 'Initiatives register, October 2026',
      tables: [
        {
          name: 'Register',
          headers: [
            'Initiative',
            'Sponsor',
            'Status',
            'Senior engineers assigned',
            'Percent complete',
            'Past planned end',
          ],
          rows: INITIATIVES.map((name, i) => [
            name,
            ['COO', 'CTO', 'CFO', 'CPO', 'CEO'][i % 5],
            i % 4 === 0 ? 'Amber' : i % 7 === 0 ? 'Red' : 'Green',
            i % 3 === 0 ? 3 : i % 3 === 1 ? 2 : 1,
            ((i * 37) % 90) + 5,
            i < 11 ? 'Yes' : 'No',
          ]),
        },
        {
          name: 'Summary',
          headers: ['Measure', 'Value'],
          rows: [
            ['Initiatives open', 27],
            ['Past planned end date', 11],
            ['Senior engineers on five or more initiatives', 6],
            ['Initiatives closed in the last 12 months', 4],
          ],
        },
      ],
    },
    {
      fileName: 'data-audit-september-2026.pdf',
      domain: 'technology-data',
      title: 'Data audit — September 2026',
      paragraphs: [
        'Gross booking value, September 2026 (finance ledger): £3.71M',
        'Gross booking value, September 2026 (ops dashboard): £4.08M',
        'Gross booking value, September 2026 (investor deck): £3.94M',
        'Definitions of take rate in use: 3',
        'Warehouse tables without a named owner: 212 of 340',
        'Dashboards viewed in the last 30 days: 41 of 187',
        'Finding: the ops dashboard counts cancelled shifts at booking value; the investor deck includes VAT on agency fees; only the ledger matches cash.',
      ],
    },
  ],
  validation: {
    label: 'agrees on platform and change, rejects the strategy priority',
    byDomain: {
      'technology-data': {
        agreement: 5,
        resources: 'high',
        context: 'Jonas Berg, our CTO, will own the platform work.',
      },
      'change-management': {
        agreement: 4,
        resources: 'medium',
        context: 'Elena Marsh, our COO, owns the initiatives register.',
      },
      'strategic-alignment': {
        agreement: 2,
        resources: 'low',
        reason: 'The board signed off the 2027 plan last month; we are not reopening priorities now.',
      },
      'operational-excellence': { agreement: 3, resources: 'medium' },
    },
    otherwise: { agreement: 3, resources: 'medium' },
    capacityForChange: 'low',
    timelinePreference: 'standard',
    constraints:
      'Code freeze from 14 to 31 December. Any platform work must fit within the two squads we already have.',
    successCriteria:
      'No Friday-evening outage longer than 30 minutes; one gross booking value figure in every report; open initiatives cut from 27 to 10.',
    owners: [
      { name: 'Jonas Berg', role: 'CTO', domain: 'technology-data' },
      { name: 'Elena Marsh', role: 'COO', domain: 'change-management' },
    ],
    forbidden: [
      {
        pattern: /\b(?:release|deploy|ship|go[- ]live|launch)\w*\b[^.]{0,40}\bin (?:late )?December\b/i,
        why: 'code freeze from 14 to 31 December',
      },
    ],
  },
  opposite: {
    label: 'rejects platform and change, hiring and tool freeze, very low capacity',
    byDomain: {
      'technology-data': {
        agreement: 2,
        resources: 'very-low',
        reason: 'We will rebuild the platform in 2028 anyway.',
      },
      'change-management': { agreement: 1, resources: 'very-low' },
      'strategic-alignment': { agreement: 5, resources: 'high' },
      'operational-excellence': { agreement: 4, resources: 'medium' },
    },
    otherwise: { agreement: 2, resources: 'low' },
    capacityForChange: 'very-low',
    timelinePreference: 'conservative',
    constraints:
      'Hiring freeze across the company until the Series C closes. No new tools or vendors this year.',
    successCriteria: 'Launch Glasgow on time.',
    owners: [],
    forbidden: [HIRING_STEP],
  },
  expected: {
    domains: ['technology-data', 'change-management', 'strategic-alignment', 'operational-excellence'],
    healthy: ['financial-management', 'risk-compliance', 'revenue-engine'],
    documentFacts: [
      { what: 'GBV in the finance ledger', forms: ['£3.71M', '£3.71m', '£3,710,000'] },
      { what: 'GBV in the ops dashboard', forms: ['£4.08M', '£4.08m', '£4,080,000'] },
      { what: 'warehouse tables without an owner', forms: ['212 of 340'] },
      {
        what: 'initiatives past their planned end',
        forms: ['11 of 27', '11 past', 'Past planned end date: 11'],
      },
      { what: 'revenue lost in the worst incident', forms: ['£68,900', '68,900', '68900', '£68.9k'] },
    ],
    statements: [
      'the same six senior engineers are named on 19 of them',
      'Finance, the ops dashboards and the investor deck each compute it differently',
      'at Friday peak it takes up to 40 seconds to offer a shift',
    ],
    forbidden: [
      {
        pattern: /\bsupplier scorecard|\bstock-?outs?\b|\binventory\b/i,
        why: 'a staffing marketplace has no stock',
      },
    ],
    conclusions: [
      'Change overload is the root cause: 27 open initiatives, 11 past their end date, and six senior engineers spread across 19 of them. Nothing gets finished, including the platform fixes.',
      'The shift-matching service is the single biggest operational risk: repeated peak-time incidents (the worst cost an estimated £68,900) cost about £420k last quarter. Fixing it needs the senior engineers freed from other initiatives.',
      'Data: gross booking value exists in three versions (£3.71M, £3.94M, £4.08M for September); agree one definition anchored on the ledger and retire unused dashboards (41 of 187 viewed).',
      'Cut the register to a handful of initiatives with named sponsors before starting anything new; finance, revenue and risk need no intervention.',
    ],
  },
};
