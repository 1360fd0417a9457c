import { HIRING_STEP, type EvalCompany } from '../types';
import { scoresOf } from './scores';

/**
 * Loopwise: a 12-person B2B SaaS (HR onboarding software) at about £1.4M ARR. The real problems: revenue churn
 * driven by accounts that never go live, a founder who is the bottleneck for selling, discounting and
 * renewals, and a board metric (net revenue retention) nobody can state once.
 */
export const loopwise: EvalCompany = {
  key: 'loopwise',
  summary: '12-person B2B SaaS, ~£1.4M ARR: churn from stalled onboarding, founder bottleneck, untrusted NRR',
  profile: {
    companyName: 'Loopwise Software Ltd',
    industry: 'saas',
    revenueBand: '1m-5m',
    teamSize: '11-50',
    businessModel: 'b2b',
    growthStage: 'scaling',
    regulated: false,
    hasPhysicalProducts: false,
    subscriptionModel: true,
    channelSales: false,
    headcountGrowthOver50: false,
    challenges:
      'We keep losing customers at renewal, and every deal, discount and renewal still needs me personally. The board keeps asking for net revenue retention and we give them a different number each time.',
    objectives:
      'Reach £3M ARR by the end of 2027 with gross revenue churn under 1.5% a month, and a team that can sell and renew without the founder.',
  },
  scores: scoresOf({
    sa: [3, 3, 3, 3, 4, 3, 2, 2],
    fin: [3, 3, 2, 3, 3, 3, 3, 3, 5],
    rev: [4, 3, 3, 3, 4, 3, 3, 5, 3],
    ops: [3, 2, 3, 2, 2, 3, 3, 2],
    ppl: [3, 2, 2, 4, 4, 2, 2, 3],
    tech: [2, 3, 2, 3, 2, 2, 1, 2, null, 1],
    cx: [3, 2, 3, 2, 3, 3, 2, 2],
    risk: [3, 2, 2, 2, 2, 3, 3, 2],
    part: [3, 3, 2, 3, 3, 2, 3],
    cs: [4, 5, 5, 3, 3, 4, 4, 4, 4, 3],
    chg: [3, 3, 3, 2, 2, 3, 3, 3],
  }),
  followUps: {
    'fin-09-f1':
      'Net revenue retention. The board pack says one thing, the investor update another and Baremetrics a third — three figures for the one number the board asks about, because nobody has agreed whether downgrades and annual prepayments count.',
    'rev-01-f1':
      'In Q2 we forecast £310k of new ARR and closed £180k. Two of the big deals were mine and slipped while I was pulled into renewal rescues.',
    'rev-01-f2': 'Whether to hire a second account executive. We have put it off twice.',
    'rev-08-f1':
      'I run every demo after the first call and do all the pricing. Prospects want the roadmap from me, and I’m the only one who can discount.',
    'ppl-04-f1': 'Mine, honestly. Sales, renewals and product calls all route through me.',
    'cs-01-f1':
      'Connecting their HR system. Nobody owns the integration step, so accounts sit half set up for weeks.',
    'cs-01-f2': 'About 75 days on average; the good ones see value in three weeks.',
    'cs-02-f1':
      'Logins fell by two thirds over four months and their champion left. We noticed when the cancellation email arrived.',
    'cs-03-f1': '“Never got it fully set up”, “our champion left”, and price at renewal.',
    'cs-03-f2': 'Around £260k of ARR walked out in the last 12 months.',
    'cs-09-f1': 'We don’t know precisely. My guess is about 60% of paid seats.',
  },
  documents: [
    {
      fileName: 'mrr-movements-2026.csv',
      domain: 'customer-success',
      title: 'MRR movements 2026',
      tables: [
        {
          name: 'MRR movements',
          headers: [
            'Month',
            'Opening MRR',
            'New MRR',
            'Expansion MRR',
            'Contraction MRR',
            'Churned MRR',
            'Closing MRR',
            'Logos churned',
          ],
          rows: [
            ['Jan 2026', 101200, 6100, 1900, 600, 2350, 106250, 2],
            ['Feb 2026', 106250, 5200, 1400, 800, 2600, 109450, 2],
            ['Mar 2026', 109450, 4800, 2100, 700, 2950, 112700, 3],
            ['Apr 2026', 112700, 3900, 1200, 900, 3100, 113800, 3],
            ['May 2026', 113800, 5600, 1800, 650, 3400, 117150, 3],
            ['Jun 2026', 117150, 2900, 900, 1100, 3650, 116200, 4],
            ['Jul 2026', 116200, 4100, 1500, 950, 3300, 117550, 3],
            ['Aug 2026', 117550, 3600, 1100, 1200, 3900, 117150, 4],
            ['Sep 2026', 117150, 4300, 1700, 1050, 4190, 117910, 4],
            ['Oct 2026', 117910, 4460, 2300, 1060, 4210, 119400, 5],
          ],
        },
      ],
    },
    {
      fileName: 'board-pack-q3-2026.pdf',
      domain: 'financial-management',
      title: 'Loopwise board pack — Q3 2026',
      paragraphs: [
        'ARR at 30 September: £1.41M',
        'Net revenue retention (trailing 12 months, board definition): 91%',
        'Gross revenue retention (trailing 12 months): 78%',
        'Cash at bank: £812k',
        'Monthly net burn: £61k',
        'Runway: 13 months',
        'Paying customers: 64',
        'Accounts not live 60 days after signing: 14 of 31',
        'Commentary: new business was below plan in Q2 and Q3. Churn is concentrated in accounts that never completed the HR-system integration. The founder remains the approver for every discount above 10%.',
      ],
    },
    {
      fileName: 'onboarding-tracker.xlsx',
      domain: 'customer-success',
      title: 'Onboarding tracker',
      tables: [
        {
          name: 'Onboarding',
          headers: ['Account', 'Signed', 'Seats', 'Integration owner', 'Days to live', 'Status'],
          rows: [
            ['Harbour Dental Group', '2026-03-02', 140, 'Unassigned', 96, 'Live'],
            ['Kestrel Logistics', '2026-03-19', 85, 'Founder', 41, 'Live'],
            ['Mosaic Care Homes', '2026-04-07', 210, 'Unassigned', 118, 'Live'],
            ['Pennant Legal', '2026-05-11', 60, 'Support', 24, 'Live'],
            ['Orchard Schools Trust', '2026-06-02', 320, 'Unassigned', 0, 'Stalled'],
            ['Brook & Vale Hotels', '2026-06-23', 150, 'Founder', 67, 'Live'],
            ['Tarn Engineering', '2026-07-14', 45, 'Unassigned', 0, 'Stalled'],
            ['Lumen Opticians', '2026-08-04', 95, 'Support', 33, 'Live'],
            ['Corvid Security', '2026-08-25', 70, 'Unassigned', 0, 'Stalled'],
            ['Fairway Nurseries', '2026-09-15', 55, 'Founder', 0, 'In progress'],
          ],
        },
        {
          name: 'Summary',
          headers: ['Measure', 'Value'],
          rows: [
            ['Median days to live (live accounts)', 54],
            ['Accounts stalled over 60 days', 3],
            ['Accounts with no integration owner', 5],
          ],
        },
      ],
    },
  ],
  validation: {
    label: 'agrees on churn and selling, rejects the finance priority',
    byDomain: {
      'customer-success': {
        agreement: 5,
        resources: 'high',
        context: 'Priya Nair joined in September as our first customer success lead and will own this.',
      },
      'revenue-engine': {
        agreement: 4,
        resources: 'medium',
        context: 'Dan Okoro, our account executive, owns this.',
      },
      'financial-management': {
        agreement: 2,
        resources: 'low',
        reason:
          'A fractional finance director starts in January and owns the board metrics; we do not want a parallel project.',
      },
      'people-organization': { agreement: 3, resources: 'medium' },
    },
    otherwise: { agreement: 3, resources: 'medium' },
    capacityForChange: 'medium',
    timelinePreference: 'standard',
    constraints:
      'Product release freeze for our v5 launch from 1 to 19 December. No more than £40k for new tools this financial year.',
    successCriteria:
      'Gross revenue churn below 1.5% a month by June 2027; every new account live within 30 days; the founder out of all renewal calls.',
    owners: [
      { name: 'Priya Nair', role: 'Customer Success Lead', domain: 'customer-success' },
      { name: 'Dan Okoro', role: 'Account Executive', domain: 'revenue-engine' },
    ],
    forbidden: [],
  },
  opposite: {
    label: 'rejects churn and selling, hiring freeze, very low capacity',
    byDomain: {
      'customer-success': {
        agreement: 2,
        resources: 'very-low',
        reason: 'We think churn is a pricing problem, not an onboarding one.',
      },
      'revenue-engine': {
        agreement: 1,
        resources: 'very-low',
        reason: 'Selling is going fine; the founder will keep doing it.',
      },
      'financial-management': { agreement: 5, resources: 'high' },
      'people-organization': { agreement: 5, resources: 'low' },
    },
    otherwise: { agreement: 2, resources: 'low' },
    capacityForChange: 'very-low',
    timelinePreference: 'conservative',
    constraints:
      'Hiring freeze until March 2027: no new roles of any kind. The founder is on parental leave for six weeks from 1 December.',
    successCriteria: 'Runway above 18 months and one agreed NRR figure in the next board pack.',
    owners: [],
    forbidden: [HIRING_STEP],
  },
  expected: {
    domains: ['customer-success', 'revenue-engine', 'financial-management', 'people-organization'],
    healthy: ['technology-data', 'operational-excellence'],
    documentFacts: [
      { what: 'closing MRR in October', forms: ['119,400', '119400', '£119.4k'] },
      { what: 'churned MRR in October', forms: ['4,210', '4210', '£4.2k'] },
      { what: 'cash at bank', forms: ['£812k', '£812,000'] },
      { what: 'monthly net burn', forms: ['£61k', '£61,000'] },
      { what: 'runway', forms: ['13 months'] },
      { what: 'accounts not live after 60 days', forms: ['14 of 31'] },
    ],
    statements: [
      'three figures for the one number the board asks about',
      'I’m the only one who can discount',
      'We noticed when the cancellation email arrived',
    ],
    forbidden: [
      {
        pattern: /\bsupplier scorecard|\bstock-?outs?\b|\binventory\b|\bwarehouse\b/i,
        why: 'a software company has no suppliers or stock to manage',
      },
    ],
    conclusions: [
      'Churn is an onboarding problem first: 14 of 31 accounts signed this year were not live after 60 days, and the accounts that leave are the ones that never completed the HR-system integration. Give the integration step an owner and a 30-day go-live target.',
      'The founder is the constraint on growth: every demo, price and discount and every renewal rescue runs through them, which is also why Q2 new ARR missed the forecast by £130k. Write down the pricing and discount rules and hand renewals to customer success.',
      'The board metric cannot be trusted: net revenue retention exists in three versions. Agree one definition (with or without downgrades and prepayments) and produce it from one source.',
      'Runway of about 13 months at £61k net burn makes churn reduction worth more than new hires: every point of monthly churn is roughly £14k of ARR a year.',
    ],
  },
};
