import { HIRING_STEP, type EvalCompany } from '../types';
import { scoresOf } from './scores';

/**
 * Brightline Contact: a 30-seat outsourced contact centre (utilities and insurance clients). The problem is
 * concentrated in people: agent attrition driven by short-notice rota changes, which then shows up as errors,
 * SLA credits and team leaders who spend their time covering the floor. Finance, risk and strategy are sound.
 */
export const brightline: EvalCompany = {
  key: 'brightline',
  summary:
    '30-seat contact centre: agent attrition from short-notice rota changes drives quality and SLA losses',
  profile: {
    companyName: 'Brightline Contact Ltd',
    industry: 'professional-services',
    revenueBand: '1m-5m',
    teamSize: '11-50',
    businessModel: 'b2b',
    growthStage: 'scaling',
    regulated: false,
    hasPhysicalProducts: false,
    subscriptionModel: false,
    channelSales: false,
    headcountGrowthOver50: false,
    challenges:
      'We cannot keep agents. We are always training new starters, quality slips in their first weeks and our clients notice. Team leaders spend their days covering the phones.',
    objectives:
      'Win a second utilities contract in 2027 and grow to 50 seats without quality falling, with attrition at a level where we stop recruiting every month.',
  },
  scores: scoresOf({
    sa: [2, 2, 2, 3, 2, 2, 3, 2],
    fin: [2, 2, 2, 2, 1, 3, 2, 3],
    rev: [2, 3, 3, 3, 2, 2, 3, 3, 2],
    ops: [3, 4, 3, 2, 4, 2, 2, 3, 4],
    ppl: [4, 4, 5, 3, 2, 3, 4, 5],
    tech: [2, 2, 3, 2, 2, 3, 3, 2],
    cx: [2, 2, 3, 3, 2, 3, 2, 3],
    risk: [2, 2, 2, 1, 2, 2, 3, 2],
    part: [3, 3, 2, 3, 3, 3, 3],
    cs: [2, 3, 3, 3, 3, 2, 2, 3, null, 2, 2],
    chg: [3, 2, 2, 4, 3, 2, 3, 3],
  }),
  followUps: {
    'ppl-01-f1':
      'Welsh-speaking agents for the utilities contract. Two seats have been empty since July despite a £1,500 referral bonus.',
    'ppl-01-f2': 'Each empty seat is roughly £3,200 a month we cannot bill.',
    'ppl-03-f1':
      'Both said the same thing: the rota changed with four days’ notice and they could not sort out childcare. One went to a distribution centre for 60p an hour more.',
    'ppl-03-f2':
      'Recruiting and four weeks of classroom training is about £4,800 per agent, and first-contact resolution drops for two months while they learn.',
    'ops-02-f1':
      'Wrong tariff information on calls and missed call-backs, nearly all from agents in their first eight weeks.',
    'ops-02-f2': 'We credited clients £7,900 in SLA penalties last quarter.',
    'ops-09-f1':
      'About 310 hours of team-leader time went on re-training and covering the phones instead of coaching.',
  },
  documents: [
    {
      fileName: 'agent-attrition-2026.xlsx',
      domain: 'people-organization',
      title: 'Agent attrition 2026',
      tables: [
        {
          name: 'Attrition',
          headers: [
            'Month',
            'Agents',
            'Leavers',
            'Starters',
            'Leavers within 90 days',
            'Annualised attrition %',
          ],
          rows: [
            ['Jan 2026', 29, 3, 4, 1, 44.2],
            ['Feb 2026', 30, 2, 3, 1, 46.0],
            ['Mar 2026', 31, 4, 5, 2, 49.7],
            ['Apr 2026', 30, 5, 4, 3, 52.3],
            ['May 2026', 30, 4, 4, 2, 54.0],
            ['Jun 2026', 29, 5, 4, 3, 56.6],
            ['Jul 2026', 28, 4, 3, 2, 58.1],
            ['Aug 2026', 30, 5, 7, 3, 59.4],
            ['Sep 2026', 29, 4, 3, 3, 60.5],
            ['Oct 2026', 30, 5, 6, 3, 61.8],
          ],
        },
      ],
    },
    {
      fileName: 'exit-interviews-2026.docx',
      domain: 'people-organization',
      title: 'Exit interview summary, January to October 2026',
      paragraphs: [
        'Leavers: 41. Interviewed: 29.',
        'Main reason for leaving: shift pattern changed at short notice (12 of 29, 41%).',
        'Second reason: pay below local warehouse and retail rates (8 of 29).',
        'Third reason: felt unsupported in the first month on the phones (6 of 29).',
        'Median tenure of leavers: 4.5 months.',
        'Average notice of rota changes in the period: 5 days.',
        'Several leavers said they would have stayed with a fixed pattern agreed four weeks ahead.',
      ],
    },
    {
      fileName: 'weekly-service-kpis.csv',
      domain: 'operational-excellence',
      title: 'Weekly service KPIs',
      tables: [
        {
          name: 'Weekly service KPIs',
          headers: [
            'Week commencing',
            'Calls offered',
            'Service level % (20s)',
            'Abandon rate %',
            'First-contact resolution %',
            'CSAT',
            'Schedule adherence %',
          ],
          rows: [
            ['2026-09-07', 6120, 82.4, 3.1, 76.2, 4.4, 91.0],
            ['2026-09-14', 6340, 79.8, 3.8, 74.9, 4.3, 89.5],
            ['2026-09-21', 6010, 78.1, 4.2, 73.0, 4.3, 88.2],
            ['2026-09-28', 6480, 76.5, 4.9, 72.4, 4.2, 87.9],
            ['2026-10-05', 6650, 74.0, 5.6, 70.8, 4.1, 86.1],
            ['2026-10-12', 6390, 73.3, 5.9, 69.9, 4.1, 85.7],
            ['2026-10-19', 6710, 72.0, 6.4, 69.1, 4.0, 85.0],
            ['2026-10-26', 6820, 71.2, 6.8, 68.5, 3.9, 84.3],
          ],
        },
      ],
    },
  ],
  validation: {
    label: 'agrees on retention and quality, rejects the change priority',
    byDomain: {
      'people-organization': {
        agreement: 5,
        resources: 'high',
        context: 'Aisha Rahman, our operations manager, will own retention.',
      },
      'operational-excellence': { agreement: 4, resources: 'medium' },
      'change-management': {
        agreement: 2,
        resources: 'low',
        reason:
          'We have just agreed a rota-change protocol with the staff forum; we do not need a change programme on top.',
      },
    },
    otherwise: { agreement: 3, resources: 'medium' },
    capacityForChange: 'medium',
    timelinePreference: 'standard',
    constraints:
      'No changes on the floor during the utilities client’s peak billing weeks (5 to 30 January). Team leaders can give at most four hours a week off the phones.',
    successCriteria:
      'Annualised attrition under 35% by September 2027; service level back above 80%; no SLA credits for two consecutive quarters.',
    owners: [{ name: 'Aisha Rahman', role: 'Operations Manager', domain: 'people-organization' }],
    forbidden: [],
  },
  opposite: {
    label: 'rejects retention and quality, hiring and pay freeze, very low capacity',
    byDomain: {
      'people-organization': {
        agreement: 2,
        resources: 'very-low',
        reason: 'Attrition is the market; every contact centre has it and we cannot pay more.',
      },
      'operational-excellence': { agreement: 1, resources: 'very-low' },
      'change-management': { agreement: 5, resources: 'high' },
    },
    otherwise: { agreement: 2, resources: 'low' },
    capacityForChange: 'very-low',
    timelinePreference: 'conservative',
    constraints:
      'Hiring freeze: headcount stays at 30 seats until the new contract is signed in April. No budget for pay rises this year.',
    successCriteria: 'Keep the current contracts through renewal.',
    owners: [],
    forbidden: [
      HIRING_STEP,
      {
        pattern:
          /\b(?:raise|increase|lift|uplift)\s+(?:agent\s+|base\s+|hourly\s+)?(?:pay|wages|salaries|rates of pay)\b/i,
        why: 'the client has no budget for pay rises this year',
      },
    ],
  },
  expected: {
    domains: ['people-organization', 'operational-excellence', 'change-management'],
    healthy: ['financial-management', 'risk-compliance', 'strategic-alignment'],
    documentFacts: [
      { what: 'annualised attrition in October', forms: ['61.8%', '61.8 %'] },
      { what: 'share of leavers citing short-notice shift changes', forms: ['12 of 29', '41%'] },
      { what: 'median tenure of leavers', forms: ['4.5 months'] },
      { what: 'service level, last week', forms: ['71.2%', '71.2 %'] },
      { what: 'first-contact resolution, last week', forms: ['68.5%', '68.5 %'] },
    ],
    statements: [
      'the rota changed with four days’ notice',
      'We credited clients £7,900 in SLA penalties last quarter',
      'Two seats have been empty since July',
    ],
    forbidden: [
      { pattern: /personal inbox/i, why: 'a contact centre already runs a queue-based support operation' },
      {
        pattern: /\bsupplier scorecard|\bstock-?outs?\b|\binventory\b/i,
        why: 'a services firm has no supply chain',
      },
    ],
    conclusions: [
      'Attrition is the root problem (annualised 61.8% and rising every month), and its main cause is the company’s own rota practice: 41% of interviewed leavers left over short-notice shift changes.',
      'Quality and SLA losses follow from attrition: errors come from agents in their first eight weeks, first-contact resolution has fallen to 68.5% and service level to 71.2%, and clients were credited £7,900 last quarter.',
      'Fix rota notice first (a fixed pattern agreed four weeks ahead costs little), then structured first-month support; pay is a secondary reason.',
      'Team leaders are consumed by covering the phones and retraining (about 310 hours a quarter), so any plan must give them coaching time back.',
    ],
  },
};
