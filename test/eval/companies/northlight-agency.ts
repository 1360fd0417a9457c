import { HIRING_STEP, type EvalCompany } from '../types';
import { scoresOf } from './scores';

/**
 * Northlight Studio: a 60-person brand and digital agency (about £7.4M fee income). Delivery, people and
 * systems are excellent. The problem is concentrated: one client is 46% of revenue under a contract its new CMO
 * is reviewing, and the founder is the only person who sells (one seller, so "every seller" advice is wrong).
 */
export const northlight: EvalCompany = {
  key: 'northlight',
  summary: '60-person agency, ~£7.4M: one client is 46% of revenue, the founder is the only seller',
  profile: {
    companyName: 'Northlight Studio Ltd',
    industry: 'professional-services',
    revenueBand: '5m-10m',
    teamSize: '51-100',
    businessModel: 'b2b',
    growthStage: 'scaling',
    regulated: false,
    hasPhysicalProducts: false,
    subscriptionModel: false,
    channelSales: false,
    headcountGrowthOver50: false,
    challenges:
      'Almost half our income comes from one client group, and new business depends entirely on me. When I am in a pitch, nobody else is finding the next one.',
    objectives:
      'Reach £10M fee income by 2028 with no client above 30% of revenue and a new-business team that wins work without the founder.',
  },
  scores: scoresOf({
    sa: [3, 2, 2, 2, 3, 3, 2, 3, 2],
    fin: [3, 3, 3, 2, 2, 3, 2, 3],
    rev: [4, 5, 4, 3, 5, 4, 3, 5, 3],
    ops: [2, 1, 2, 2, 2, 2, 2, 2, 2],
    ppl: [2, 2, 2, 3, 2, 2, 1, 2, null, 2],
    tech: [2, 2, 2, 2, 2, 2, 3, 2],
    cx: [2, 3, 2, 2, 2, 2, 2, 2],
    risk: [3, 3, 2, 2, 2, 3, 5, 2],
    part: [3, 3, 2, 3, 4, 2, 3],
    cs: [2, 3, 2, 2, 3, 3, 3, 3, null, 4, 2],
    chg: [2, 2, 2, 2, 2, 3, 2, 3, 2],
  }),
  followUps: {
    'rev-01-f1':
      'In Q1 we were £400k short because Halden moved a brand relaunch to the autumn, and there was nothing in the pipeline to replace it.',
    'rev-01-f2': 'Whether to fill the two designer roles we have budgeted.',
    'rev-02-f1': 'Referrals from people I have worked with before, and Halden’s other brands.',
    'rev-02-f2':
      'We paid an outreach agency £36k for six months of LinkedIn campaigns, and it produced two meetings.',
    'rev-03-f1': 'Award entries and a pitch-list service. Nothing converted.',
    'rev-08-f1':
      'Clients will only deal with me. I write every proposal, set every price and sit in every pitch; nobody else here sells.',
    'risk-07-f1':
      'Halden’s master agreement renews next spring, and their new CMO has started reviewing all agencies.',
  },
  documents: [
    {
      fileName: 'revenue-by-client-fy2026.xlsx',
      domain: 'risk-compliance',
      title: 'Fee income by client, FY2026',
      tables: [
        {
          name: 'Fee income by client',
          headers: ['Client', 'Sector', 'Fee income (GBP)', 'Share of total %', 'Client since'],
          rows: [
            ['Halden Group plc', 'Consumer goods', 3412000, 46.1, 2017],
            ['Marlow & Finch', 'Retail', 612000, 8.3, 2021],
            ['Oakridge Building Society', 'Financial services', 455000, 6.1, 2022],
            ['Trellis Foods', 'Food and drink', 398000, 5.4, 2023],
            ['Peregrine Air', 'Travel', 342000, 4.6, 2024],
            ['Vantage Clinics', 'Healthcare', 301000, 4.1, 2022],
            ['Other clients (17)', 'Various', 1880000, 25.4, ''],
          ],
        },
      ],
    },
    {
      fileName: 'new-business-pipeline.csv',
      domain: 'revenue-engine',
      title: 'New business pipeline',
      tables: [
        {
          name: 'Pipeline',
          headers: ['Opportunity', 'Prospect', 'Stage', 'Value (GBP)', 'Owner', 'Expected close'],
          rows: [
            ['Rebrand', 'Coastline Cider', 'Proposal', 120000, 'Sam Okafor', '2026-12-15'],
            ['Website', 'Ferris Opticians', 'Qualified', 85000, 'Sam Okafor', '2027-01-31'],
            ['Campaign', 'Halden Pet Care', 'Pitch', 150000, 'Sam Okafor', '2027-01-15'],
            ['Packaging', 'Wren Bakery', 'Lead', 40000, 'Sam Okafor', '2027-02-28'],
            ['Brand strategy', 'Alder Homes', 'Proposal', 95000, 'Sam Okafor', '2026-12-20'],
            ['Retainer', 'Juniper Gin', 'Qualified', 110000, 'Sam Okafor', '2027-03-31'],
            ['Design system', 'Northgate Bank', 'Lead', 90000, 'Sam Okafor', '2027-03-15'],
          ],
        },
      ],
    },
    {
      fileName: 'halden-msa-summary.pdf',
      domain: 'risk-compliance',
      title: 'Halden Group master services agreement — summary',
      paragraphs: [
        'Parties: Northlight Studio Ltd and Halden Group plc',
        'Renewal date: 31 March 2027',
        'Notice period: 90 days',
        'Termination for convenience: either party, on 90 days’ notice',
        'Minimum annual commitment: none',
        'Rate card review: each January',
        'Key contact at Halden: Chief Marketing Officer (appointed September 2026)',
      ],
    },
  ],
  validation: {
    label: 'agrees on selling and concentration, rejects the customer success priority',
    byDomain: {
      'revenue-engine': {
        agreement: 5,
        resources: 'high',
        context: 'Grace Liu, our client services director, will run new business with me.',
      },
      'risk-compliance': { agreement: 5, resources: 'medium' },
      'customer-success': {
        agreement: 2,
        resources: 'low',
        reason:
          'Our account managers already run quarterly reviews with every retained client; our problem is winning, not keeping.',
      },
    },
    otherwise: { agreement: 3, resources: 'medium' },
    capacityForChange: 'medium',
    timelinePreference: 'standard',
    constraints:
      'I can give two days a week at most while the Halden pitch runs through February. No change to the rate card until January.',
    successCriteria:
      'No client above 30% of revenue by the end of 2027; a second person closing new business within six months; pipeline at three times the quarter’s target.',
    owners: [{ name: 'Grace Liu', role: 'Client Services Director', domain: 'revenue-engine' }],
    forbidden: [],
  },
  opposite: {
    label: 'rejects selling and concentration, hiring freeze, very low capacity',
    byDomain: {
      'revenue-engine': {
        agreement: 2,
        resources: 'very-low',
        reason: 'Selling is my job; I do not want a sales team or a sales process.',
      },
      'risk-compliance': {
        agreement: 1,
        resources: 'very-low',
        reason: 'Halden has been with us nine years.',
      },
      'customer-success': { agreement: 5, resources: 'high' },
    },
    otherwise: { agreement: 2, resources: 'low' },
    capacityForChange: 'very-low',
    timelinePreference: 'conservative',
    constraints: 'Hiring freeze for all of 2027. I will not step back from pitching.',
    successCriteria: 'Keep Halden at renewal.',
    owners: [],
    forbidden: [HIRING_STEP],
  },
  expected: {
    domains: ['revenue-engine', 'risk-compliance', 'customer-success'],
    healthy: ['operational-excellence', 'people-organization', 'technology-data', 'customer-experience'],
    documentFacts: [
      { what: 'largest client share of fee income', forms: ['46.1%', '46.1 %'] },
      { what: 'largest client fee income', forms: ['£3,412,000', '£3.41M', '£3.4M', '3,412,000'] },
      { what: 'contract renewal date', forms: ['31 March 2027'] },
      { what: 'notice period', forms: ['90 days'] },
      { what: 'owner of every pipeline opportunity', forms: ['Sam Okafor'] },
    ],
    statements: [
      'Clients will only deal with me',
      'their new CMO has started reviewing all agencies',
      'it produced two meetings',
    ],
    forbidden: [
      {
        pattern:
          /\b(?:every|each|all(?: of)?(?: your)?) (?:sellers?|salespeople|salesperson|sales reps?|account executives?)\b|\byour sellers\b|\bsales team'?s? (?:forecasts?|commits?)\b/i,
        why: 'the founder is the only seller',
      },
      {
        pattern: /\bsupplier scorecard|\bstock-?outs?\b|\binventory\b/i,
        why: 'an agency has no stock',
      },
    ],
    conclusions: [
      'Concentration is existential: Halden is 46.1% of fee income on an agreement that renews on 31 March 2027 with 90 days’ notice and no minimum commitment, and a new CMO is reviewing agencies. A retention plan for Halden (senior relationships beyond the founder, a value review before the rate-card talks) comes first.',
      'The revenue engine is one person: every pipeline opportunity is owned by the founder, pipeline is far short of target, and paid outreach failed. Build a second seller from inside (the client services director) and a written proposal and pricing method.',
      'Delivery, people and systems are strong (quality, retention, culture): use them as the case for new clients rather than changing them.',
    ],
  },
};
