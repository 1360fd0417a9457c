import { HIRING_STEP, type EvalCompany } from '../types';
import { scoresOf } from './scores';

/**
 * Hearth & Field: a D2C candle and homeware brand (about £7M revenue, 28 people). A single-source glass supplier
 * that delivers late pushes the company into large safety orders, which ties up cash in the wrong stock and
 * squeezes the weekly cash position. It already runs a supplier scorecard (uploaded): advice to "start one" is
 * wrong. Marketing, the funnel and the tech stack are strong.
 */
export const hearthField: EvalCompany = {
  key: 'hearth-field',
  summary: 'D2C candles and homeware, ~£7M: single-source late supplier, cash tied up in the wrong stock',
  profile: {
    companyName: 'Hearth & Field Ltd',
    industry: 'retail-ecommerce',
    revenueBand: '5m-10m',
    teamSize: '11-50',
    businessModel: 'b2c',
    growthStage: 'scaling',
    regulated: false,
    hasPhysicalProducts: true,
    subscriptionModel: false,
    channelSales: false,
    headcountGrowthOver50: false,
    challenges:
      'Our glass supplier keeps delivering late, so we over-order to be safe and then run short of cash before Christmas. Bestsellers go out of stock while the warehouse is full of the wrong scents.',
    objectives:
      'Grow to £12M by 2028 with the Christmas peak funded from our own cash, and no bestseller out of stock for more than three days.',
  },
  scores: scoresOf({
    sa: [2, 2, 3, 3, 2, 2, 2, 1],
    fin: [5, 3, 2, 3, 3, 3, 4, 3],
    rev: [3, 2, 2, 2, 2, 2, 2, 2, null, 1],
    ops: [3, 3, 3, 3, 4, 3, 3, 3],
    ppl: [2, 2, 2, 3, 3, 2, 2, 3],
    tech: [2, 2, 2, 2, 2, 2, 3, 2],
    cx: [2, 2, 2, 3, 2, 2, 3, 2, 4],
    sc: [5, 5, 4, 4, 3, 3, 3, null, 3],
    risk: [3, 4, 2, 2, 3, 3, 1, 2],
    part: [2, 3, 3, 2, 3, 3, 2],
    cs: [2, 3, 3, 2, 2, 3, 3, 3],
    chg: [3, 3, 3, 2, 2, 3, 3, 3],
  }),
  followUps: {
    'sc-01-f1':
      'Our glass vessel maker in Ningbo. Two of the last five containers were three weeks late. We review them monthly on our own scorecard and have escalated to their export manager three times, but nothing changes.',
    'sc-01-f2':
      'Air-freighting the shortfall cost us £38,000 last quarter, plus the sales we lost while bestsellers were out of stock.',
    'sc-02-f1': 'Ningbo Clearlight. Every vessel we sell comes from them.',
    'sc-03-f1': 'A lot of the autumn range, mostly the scents we over-ordered to be safe.',
    'sc-03-f2': 'Our best seller, the large Fig & Cedar, was out for 19 days in September.',
    'fin-01-f1':
      'In August we had to push two supplier payments by three weeks because the £210k deposit for the Christmas range landed in the same week as VAT.',
    'fin-01-f2':
      'Me and our part-time bookkeeper, in a spreadsheet, about a day a month, and it only looks at the month ahead.',
    'risk-02-f1': 'If Ningbo Clearlight stopped shipping we would have no product within eight weeks.',
  },
  documents: [
    {
      fileName: 'supplier-scorecard-2026.xlsx',
      domain: 'supply-chain',
      title: 'Supplier scorecard 2026',
      tables: [
        {
          name: 'Scorecard YTD',
          headers: [
            'Supplier',
            'Category',
            'POs',
            'On time %',
            'In full %',
            'OTIF %',
            'Defect rate %',
            'Lead time (days)',
          ],
          rows: [
            ['Ningbo Clearlight', 'Glass vessels', 14, 67.1, 95.8, 64.3, 2.9, 94],
            ['Brampton Wax Co', 'Soy wax', 22, 97.5, 98.8, 96.1, 0.4, 21],
            ['Hollis Print', 'Boxes and labels', 31, 94.0, 98.2, 92.4, 0.8, 14],
            ['Grasse Aromatics', 'Fragrance oils', 12, 91.2, 97.1, 88.7, 0.2, 35],
            ['Wickford Cotton', 'Wicks', 9, 100.0, 100.0, 100.0, 0.1, 28],
          ],
        },
        {
          name: 'Ningbo monthly OTIF',
          headers: ['Month', 'OTIF %', 'Days late (avg)'],
          rows: [
            ['May 2026', 78.0, 6],
            ['Jun 2026', 71.5, 9],
            ['Jul 2026', 66.0, 14],
            ['Aug 2026', 58.2, 19],
            ['Sep 2026', 61.0, 17],
            ['Oct 2026', 55.4, 21],
          ],
        },
      ],
    },
    {
      fileName: '13-week-cash-flow.csv',
      domain: 'financial-management',
      title: '13-week cash flow from 2 November 2026',
      tables: [
        {
          name: '13-week cash flow',
          headers: [
            'Week commencing',
            'Receipts',
            'Supplier payments',
            'Payroll',
            'Other',
            'Net flow',
            'Closing balance',
          ],
          rows: [
            ['2026-11-02', 148000, 121000, 0, 18500, 8500, 96500],
            ['2026-11-09', 162000, 188000, 0, 14200, -40200, 56300],
            ['2026-11-16', 171000, 142000, 0, 16100, 12900, 69200],
            ['2026-11-23', 239000, 208000, 96400, 19800, -85200, -16000],
            ['2026-11-30', 265000, 231000, 0, 22400, 11600, -4400],
            ['2026-12-07', 241000, 244000, 0, 29100, -32100, -36500],
            ['2026-12-14', 228000, 156000, 0, 18800, 53200, 16700],
            ['2026-12-21', 187000, 98000, 97100, 15400, -23500, -6800],
            ['2026-12-28', 64000, 41000, 0, 9800, 13200, 6400],
            ['2027-01-04', 71000, 38000, 0, 61200, -28200, -21800],
            ['2027-01-11', 88000, 52000, 0, 12300, 23700, 1900],
            ['2027-01-18', 92000, 47000, 0, 11900, 33100, 35000],
            ['2027-01-25', 97000, 64000, 95800, 12600, -75400, -40400],
          ],
        },
      ],
    },
    {
      fileName: 'stock-ageing-october-2026.pdf',
      domain: 'supply-chain',
      title: 'Stock ageing report — 31 October 2026',
      paragraphs: [
        'Stock at cost: £612,400',
        'Of which over 180 days old: £143,800',
        'Stock cover: 31 weeks',
        'SKUs out of stock at month end: 7 of 86',
        'Largest aged lines are autumn scents bought as safety stock in March and April against the Ningbo delays.',
      ],
      tables: [
        {
          name: 'Top aged lines',
          headers: ['SKU', 'Description', 'Units', 'Value at cost', 'Age (days)'],
          rows: [
            ['HF-AU-114', 'Smoked Plum 30cl', 4210, '£31,600', 212],
            ['HF-AU-121', 'Amber Moss 20cl', 3980, '£22,300', 204],
            ['HF-AU-108', 'Cinder Rose 30cl', 2850, '£21,400', 198],
            ['HF-AU-133', 'Birch Tar reed diffuser', 1920, '£17,900', 231],
          ],
        },
      ],
    },
  ],
  validation: {
    label: 'agrees on supply and cash, rejects the operations priority, December freeze',
    byDomain: {
      'supply-chain': {
        agreement: 5,
        resources: 'high',
        context: 'Marta Kowalski, our operations lead, owns supplier performance and the scorecard.',
      },
      'financial-management': { agreement: 4, resources: 'medium' },
      'operational-excellence': {
        agreement: 2,
        resources: 'low',
        reason:
          'Our fulfilment contract is being retendered in spring anyway; we will not redesign operations before then.',
      },
    },
    otherwise: { agreement: 3, resources: 'medium' },
    capacityForChange: 'medium',
    timelinePreference: 'standard',
    constraints:
      'No system changes during the December peak (1 December to 5 January). Nothing that needs more than £25k up front before February.',
    successCriteria:
      'Vessel supplier OTIF above 90%; the 13-week forecast never below £100k; stock over 180 days old below £50k.',
    owners: [{ name: 'Marta Kowalski', role: 'Operations Lead', domain: 'supply-chain' }],
    forbidden: [
      {
        pattern: /\b(?:go[- ]live|switch over|cut over|migrat\w*)\b[^.]{0,40}\bin December\b/i,
        why: 'no system changes during the December peak',
      },
    ],
  },
  opposite: {
    label: 'rejects supply and cash, hiring freeze, very low capacity',
    byDomain: {
      'supply-chain': {
        agreement: 2,
        resources: 'very-low',
        reason: 'We have spent a year on the Ningbo relationship and will not reopen supplier choice.',
      },
      'financial-management': { agreement: 1, resources: 'very-low' },
      'operational-excellence': { agreement: 5, resources: 'high' },
    },
    otherwise: { agreement: 2, resources: 'low' },
    capacityForChange: 'very-low',
    timelinePreference: 'conservative',
    constraints:
      'Hiring freeze until March 2027. The founders can give two hours a week between now and January.',
    successCriteria: 'Get through Christmas without missing payroll.',
    owners: [],
    forbidden: [HIRING_STEP],
  },
  expected: {
    domains: ['supply-chain', 'financial-management', 'operational-excellence'],
    healthy: ['revenue-engine', 'technology-data', 'strategic-alignment'],
    documentFacts: [
      { what: 'Ningbo Clearlight on-time-in-full', forms: ['64.3%', '64.3 %', '55.4%'] },
      { what: 'Ningbo lead time', forms: ['94 days'] },
      {
        what: 'lowest closing balance in the 13-week forecast',
        forms: ['-40,400', '−£40,400', '-£40,400', '£40,400', '-36,500', '£36,500'],
      },
      { what: 'stock over 180 days old', forms: ['£143,800', '£143.8k', '£144k'] },
      { what: 'stock cover', forms: ['31 weeks'] },
    ],
    statements: [
      'Two of the last five containers were three weeks late',
      'Air-freighting the shortfall cost us £38,000 last quarter',
      'push two supplier payments by three weeks',
    ],
    forbidden: [
      {
        pattern:
          /\b(?:start|introduce|set up|create|build|implement|launch|begin|establish)\b[^.]{0,40}\bsupplier (?:scorecard|performance tracking)/i,
        why: 'the client already runs a supplier scorecard and uploaded it',
      },
      {
        pattern:
          /\b(?:start|begin|introduce)\b[^.]{0,30}\b(?:measuring|tracking)\b[^.]{0,30}\b(?:OTIF|on-time-in-full)\b/i,
        why: 'the client already measures OTIF per supplier',
      },
    ],
    conclusions: [
      'The root cause is a single-source supplier with 64.3% OTIF (55.4% in October) and a 94-day lead time: it drives air freight (£38,000 last quarter), stock-outs of bestsellers and defensive over-ordering.',
      'Cash trouble is a consequence: £143,800 of stock is over 180 days old and the 13-week forecast goes overdrawn in late November and again in late January; a weekly 13-week forecast owned by finance and a stock-funded buying plan come before any new tooling.',
      'The scorecard exists and shows the problem; the next step is contractual (lead-time commitments, penalties) and a qualified second source for the bestselling vessels, not a new measurement system.',
      'Marketing and the funnel are strong; do not spend the limited change capacity there.',
    ],
  },
};
