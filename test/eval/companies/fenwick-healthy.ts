import { HIRING_STEP, type EvalCompany } from '../types';
import { scoresOf } from './scores';

/**
 * Fenwick Precision: a well-run 85-person precision engineering manufacturer (about £17M revenue). Operations,
 * supply chain, finance and customers are in good shape and the documents show it. The only real concerns are
 * a succession gap (the operations director retires next August) and an old ERP that one contractor understands.
 * The analysis must not invent problems: manufacturing weights operations and supply chain in triage, but both
 * are rated healthy and must not become priorities.
 */
export const fenwick: EvalCompany = {
  key: 'fenwick',
  summary: 'Healthy 85-person manufacturer, ~£17M: only a succession gap and a one-person ERP',
  profile: {
    companyName: 'Fenwick Precision Engineering Ltd',
    industry: 'manufacturing',
    revenueBand: '10m-25m',
    teamSize: '51-100',
    businessModel: 'b2b',
    growthStage: 'mature',
    regulated: false,
    hasPhysicalProducts: true,
    subscriptionModel: false,
    channelSales: false,
    headcountGrowthOver50: false,
    challenges:
      'Things run well. Our operations director retires next year and we want to be sure nothing depends on a single person.',
    objectives: 'Grow steadily to £22M by 2029 while keeping on-time delivery and margins where they are.',
  },
  scores: scoresOf({
    sa: [1, 2, 2, 2, 2, 2, 2, 1, 2, 2],
    fin: [1, 2, 2, 1, 1, 2, 1, 2, null, 1],
    rev: [2, 2, 3, 2, 2, 1, 2, 2, 2],
    ops: [1, 1, 2, 2, 2, 1, 2, 1],
    ppl: [2, 1, 2, 4, 2, 2, 2, 2, null, 1],
    tech: [2, 2, 3, 2, 3, 4, 3, 2],
    cx: [2, 1, 2, 2, 2, 2, 1, 2],
    sc: [1, 2, 2, 2, 1, 1, 2, 2],
    risk: [2, 3, 3, 2, 2, 2, 2, 1, null, null, 2],
    part: [2, 3, 2, 2, 2, 2, 3],
    cs: [2, 2, 1, 2, 2, 1, 2, 2, null, 2],
    chg: [2, 2, 2, 2, 2, 2, 2, 2, 2],
  }),
  followUps: {
    'ppl-04-f1':
      'Gwen Pryce, our operations director, retires next August after 22 years. She holds the production plan, our two biggest customer relationships and most of what we know about the ERP.',
  },
  documents: [
    {
      fileName: 'kpi-dashboard-oct-2026.xlsx',
      domain: 'operational-excellence',
      title: 'Operations KPI dashboard 2026',
      tables: [
        {
          name: 'Monthly KPIs',
          headers: ['Month', 'OTIF %', 'Scrap rate %', 'OEE %', 'Customer complaints', 'Debtor days'],
          rows: [
            ['May 2026', 96.8, 1.5, 76.9, 2, 39],
            ['Jun 2026', 97.1, 1.4, 77.4, 1, 38],
            ['Jul 2026', 96.5, 1.4, 77.8, 2, 38],
            ['Aug 2026', 97.0, 1.3, 78.0, 1, 37],
            ['Sep 2026', 97.2, 1.3, 78.2, 0, 38],
            ['Oct 2026', 97.4, 1.2, 78.5, 1, 37],
          ],
        },
      ],
    },
    {
      fileName: 'management-accounts-sept-2026.pdf',
      domain: 'financial-management',
      title: 'Management accounts — September 2026',
      paragraphs: [
        'Revenue year to date: £13.8M (budget £13.5M)',
        'Gross margin: 34.2%',
        'EBITDA margin: 14.1%',
        'Cash at bank: £2.9M',
        'Debtor days: 38',
        'Month-end close: 4 working days',
        'Order book: 5.5 months of production',
        'Commentary: trading ahead of budget; no covenant concerns; capital expenditure on the new five-axis machine within plan.',
      ],
    },
    {
      fileName: 'it-systems-review.docx',
      domain: 'technology-data',
      title: 'IT systems review, October 2026',
      paragraphs: [
        'ERP: installed in 2014 and heavily customised. All 31 custom reports and the production scheduling extension are maintained by one contractor, Keith Adams, two days a week, with no written handover.',
        'Backups: nightly, last full restore test March 2026, successful.',
        'Security: multi-factor login on email and remote access; the shop-floor PCs still share two logins.',
        'Recommendation from the review: document the ERP customisations and train a second person before any upgrade decision.',
      ],
    },
  ],
  validation: {
    label: 'agrees on succession and the ERP, rejects the risk priority, year-end freeze',
    byDomain: {
      'technology-data': {
        agreement: 5,
        resources: 'medium',
        context: 'Rhys Morgan, our finance director, owns the ERP and will lead this.',
      },
      'people-organization': {
        agreement: 5,
        resources: 'high',
        context: 'Helen Fenwick, managing director, will own succession.',
      },
      'risk-compliance': {
        agreement: 2,
        resources: 'low',
        reason: 'Our insurer’s cyber review in September covered this and the actions are already in hand.',
      },
    },
    otherwise: { agreement: 3, resources: 'medium' },
    capacityForChange: 'high',
    timelinePreference: 'flexible',
    constraints: 'No ERP changes during the year-end stock count and close (15 December to 20 January).',
    successCriteria:
      'Gwen’s successor in post by June 2027 with a three-month overlap; a second person able to run every ERP report by March.',
    owners: [
      { name: 'Rhys Morgan', role: 'Finance Director', domain: 'technology-data' },
      { name: 'Helen Fenwick', role: 'Managing Director', domain: 'people-organization' },
    ],
    forbidden: [],
  },
  opposite: {
    label: 'rejects succession and the ERP, hiring freeze, very low capacity',
    byDomain: {
      'technology-data': {
        agreement: 1,
        resources: 'very-low',
        reason: 'The ERP works; we will not touch it until it breaks.',
      },
      'people-organization': {
        agreement: 2,
        resources: 'very-low',
        reason: 'Gwen will stay on part-time, so we do not need a succession plan.',
      },
      'risk-compliance': { agreement: 5, resources: 'high' },
    },
    otherwise: { agreement: 2, resources: 'low' },
    capacityForChange: 'very-low',
    timelinePreference: 'conservative',
    constraints: 'Hiring freeze until the new financial year in April 2027.',
    successCriteria: 'Keep OTIF above 97%.',
    owners: [],
    forbidden: [HIRING_STEP],
  },
  expected: {
    domains: ['people-organization', 'technology-data', 'risk-compliance'],
    healthy: [
      'operational-excellence',
      'supply-chain',
      'financial-management',
      'customer-experience',
      'customer-success',
      'strategic-alignment',
    ],
    documentFacts: [
      { what: 'on-time-in-full in October', forms: ['97.4%', '97.4 %'] },
      { what: 'gross margin', forms: ['34.2%', '34.2 %'] },
      { what: 'cash at bank', forms: ['£2.9M', '£2.9m', '£2,900,000'] },
      { what: 'the one ERP contractor', forms: ['Keith Adams', '31 custom reports'] },
    ],
    statements: ['retires next August after 22 years'],
    forbidden: [
      {
        pattern:
          /\b(?:start|begin|introduce|set up)\b[^.]{0,30}\b(?:measuring|tracking|measure|track)\b[^.]{0,30}\b(?:OTIF|on-time-in-full|on time in full)\b/i,
        why: 'the client already measures OTIF monthly at 97%',
      },
      {
        pattern: /\b(?:start|introduce|set up|build)\b[^.]{0,30}\b13-week\b/i,
        why: 'the client already forecasts cash accurately',
      },
      {
        pattern: /\bsupplier scorecard/i,
        why: 'supplier performance is already excellent and measured',
      },
    ],
    conclusions: [
      'This is a healthy business: OTIF 97.4%, scrap 1.2%, gross margin 34.2%, £2.9M cash and a four-day close. Say so plainly and do not manufacture problems in operations, supply chain or finance.',
      'The one real risk is concentration of knowledge in two people: the operations director (retiring next August, holding the production plan and the two largest customer relationships) and the ERP contractor who alone maintains 31 custom reports.',
      'Recommend a succession plan with a named successor and overlap, and documentation plus a second trained person for the ERP before any upgrade; the shop-floor shared logins are a small quick fix.',
      'Fewer than three priorities is the honest answer if the evidence supports only two.',
    ],
  },
};
