/**
 * A realistic delivery context for tests and previews: a B2B SaaS company with three activated domains
 * (revenue engine, financial management, customer success), their specialist analyses, three priorities and an
 * optional validation. Test data only; not part of the public API.
 */
import type { PrioritisedRecommendation, SpecialistAnalysis, TriageResult } from '../domain/analysis';
import type { CompanyProfile } from '../domain/profile';
import type { ValidationResponse } from '../domain/validation';
import type { DeliveryContext } from './types';

export const FIXTURE_SUBMITTED_AT = new Date('2025-06-03T09:15:00Z');

export const fixtureProfile: CompanyProfile = {
  companyName: 'Harbourline Analytics Ltd',
  industry: 'saas',
  revenueBand: '5m-10m',
  teamSize: '51-100',
  businessModel: 'b2b',
  growthStage: 'scaling',
  regulated: false,
  hasPhysicalProducts: false,
  subscriptionModel: true,
  channelSales: false,
  headcountGrowthOver50: true,
  challenges: 'Revenue is lumpy quarter to quarter and we keep being surprised by churn at renewal.',
  objectives: 'Reach £12M ARR in 24 months with net revenue retention above 110%.',
};

export const fixtureTriage: TriageResult = {
  activatedDomains: ['revenue-engine', 'financial-management', 'customer-success'],
  domains: [
    { domain: 'strategic-alignment', score: 2.6, level: 'low', answeredRatio: 1 },
    {
      domain: 'financial-management',
      score: 4.3,
      level: 'high',
      answeredRatio: 0.9,
      reason: 'Cash-flow forecasting and unit economics scored 4–5.',
    },
    {
      domain: 'revenue-engine',
      score: 4.6,
      level: 'critical',
      answeredRatio: 1,
      reason: 'Forecast accuracy and pipeline coverage are the weakest answers in the questionnaire.',
    },
    { domain: 'operational-excellence', score: 3.2, level: 'low', answeredRatio: 0.85 },
    { domain: 'people-organization', score: 2.4, level: 'low', answeredRatio: 1 },
    { domain: 'technology-data', score: 1.8, level: 'low', answeredRatio: 1 },
    { domain: 'customer-experience', score: 2.2, level: 'low', answeredRatio: 0.9 },
    // Not applicable: no physical products, so no questions were asked.
    { domain: 'supply-chain', score: 0, level: 'low', answeredRatio: 0 },
    { domain: 'risk-compliance', score: 2.9, level: 'low', answeredRatio: 0.8 },
    { domain: 'partnerships', score: 3.0, level: 'low', answeredRatio: 0.8 },
    {
      domain: 'customer-success',
      score: 4.1,
      level: 'high',
      answeredRatio: 1,
      reason: 'Churn and onboarding answers point to a reactive customer-success model.',
    },
    { domain: 'change-management', score: 3.4, level: 'low', answeredRatio: 0.9 },
  ],
  confidence: 0.82,
  source: 'rules',
};

export const revenueAnalysis: SpecialistAnalysis = {
  domain: 'revenue-engine',
  analyst: 'Marcus Webb',
  healthScore: 3,
  band: 'critical',
  summary:
    'Harbourline wins deals on product strength, but the revenue engine runs on founder relationships. The pipeline is tracked in spreadsheets, stages have no exit criteria and the quarterly forecast has missed by more than 25% in three of the last four quarters.',
  findings: [
    {
      title: 'The sales forecast is unreliable',
      detail:
        'Forecasts are built from rep optimism rather than stage-weighted pipeline, so the board plan is routinely missed.',
      severity: 'critical',
      evidence: [
        {
          source: 'answer',
          ref: 'rev-02',
          quote: 'We miss the quarterly forecast by more than 25% most quarters',
        },
        {
          source: 'follow-up',
          ref: 'rev-02-f1',
          quote: 'We tried a weekly forecast call but it died after a month',
        },
      ],
    },
    {
      title: 'Pipeline stages have no exit criteria',
      detail: 'Deals move between stages on gut feel, so conversion rates by stage cannot be measured.',
      severity: 'high',
      evidence: [{ source: 'answer', ref: 'rev-04', quote: 'Stages are informal and differ by rep' }],
    },
    {
      title: 'Founder-led selling does not scale',
      detail: 'The CEO is involved in over 70% of deals above £50k, which caps throughput.',
      severity: 'medium',
      evidence: [
        {
          source: 'document',
          ref: 'pipeline-q1.xlsx',
          quote: 'Owner: CEO on 23 of 31 open enterprise deals',
        },
      ],
    },
  ],
  recommendations: [
    {
      id: 'rev-r1',
      domain: 'revenue-engine',
      horizon: 'quick-win',
      title: 'Define stage exit criteria',
      action:
        'Write one-line exit criteria for each pipeline stage and apply them in the next pipeline review → no deal advances without them.',
      impact: 'medium',
      effort: 'low',
      scores: { revenue: 0.6, efficiency: 0.5, competitive: 0.2, strategic: 0.3 },
      basedOn: ['rev-04'],
    },
    {
      id: 'rev-r2',
      domain: 'revenue-engine',
      horizon: '30-90-days',
      title: 'Install a stage-weighted revenue forecast',
      action:
        'Move the pipeline into the CRM, weight each stage by its historical conversion and run a weekly forecast call with a ≥ 3× coverage target.',
      impact: 'high',
      effort: 'medium',
      scores: { revenue: 0.9, efficiency: 0.6, competitive: 0.4, strategic: 0.7 },
      basedOn: ['rev-02', 'rev-04'],
    },
    {
      id: 'rev-r3',
      domain: 'revenue-engine',
      horizon: 'strategic',
      title: 'Build a repeatable enterprise sales playbook',
      action:
        'Document the founder’s discovery and closing approach and hire a head of sales to run it — so enterprise deals no longer depend on the CEO.',
      impact: 'high',
      effort: 'high',
      scores: { revenue: 0.8, efficiency: 0.4, competitive: 0.6, strategic: 0.6 },
      basedOn: [],
    },
  ],
  impact:
    'A 25% forecast miss on a £7M run rate is about £440k a quarter of revenue the plan counts on but does not see.',
  effort: 'medium',
  dependencies: [
    { domain: 'technology-data', reason: 'The CRM needs cleaning before stage weighting is meaningful.' },
    { domain: 'financial-management', reason: 'Cash planning depends on the revenue forecast.' },
  ],
  confidence: 8,
};

export const financeAnalysis: SpecialistAnalysis = {
  domain: 'financial-management',
  analyst: 'Dr Aisha Okafor',
  healthScore: 4,
  band: 'warning',
  summary:
    'The finance function produces accurate monthly accounts, but looks backwards. There is no rolling cash-flow forecast, and gross margin is not known by customer segment.',
  findings: [
    {
      title: 'Cash flow is not forecast beyond the current month',
      detail: 'Hiring decisions are made without a view of runway under different revenue scenarios.',
      severity: 'high',
      evidence: [{ source: 'answer', ref: 'fin-01', quote: 'We look at the bank balance weekly' }],
    },
    {
      title: 'Unit economics are not tracked by segment',
      detail: 'Customer acquisition cost and payback are unknown for the mid-market segment.',
      severity: 'medium',
      evidence: [{ source: 'answer', ref: 'fin-04', quote: 'We have a blended CAC only' }],
    },
    {
      title: 'Budget owners do not see their actuals',
      detail: 'Department heads receive a budget once a year and no monthly variance report.',
      severity: 'low',
      evidence: [{ source: 'profile', ref: 'teamSize', quote: '51–100 people' }],
    },
  ],
  recommendations: [
    {
      id: 'fin-r1',
      domain: 'financial-management',
      horizon: 'quick-win',
      title: 'Start a 13-week cash-flow forecast',
      action:
        'Build a rolling 13-week cash forecast from the bank feed and the pipeline, updated every Monday.',
      impact: 'high',
      effort: 'low',
      scores: { revenue: 0.3, efficiency: 0.7, competitive: 0.2, strategic: 0.8 },
      basedOn: ['fin-01'],
    },
    {
      id: 'fin-r2',
      domain: 'financial-management',
      horizon: '30-90-days',
      title: 'Measure unit economics by segment',
      action: 'Split CAC, gross margin and payback by segment and review them monthly with the revenue team.',
      impact: 'high',
      effort: 'medium',
      scores: { revenue: 0.6, efficiency: 0.6, competitive: 0.5, strategic: 0.7 },
      basedOn: ['fin-04'],
    },
  ],
  impact: 'Without a cash view the company cannot safely fund the two sales hires it needs.',
  effort: 'low',
  dependencies: [
    { domain: 'revenue-engine', reason: 'The cash forecast needs a credible revenue forecast.' },
  ],
  confidence: 7,
};

export const customerSuccessAnalysis: SpecialistAnalysis = {
  domain: 'customer-success',
  analyst: 'Sofia Lindqvist',
  healthScore: 5,
  band: 'warning',
  summary:
    'Customers like the product, but customer success is reactive: the team learns about churn risk at the renewal call. Onboarding takes nine weeks and there is no health score.',
  findings: [
    {
      title: 'Churn is discovered at renewal',
      detail: 'There is no early-warning signal, so at-risk accounts are found too late to save.',
      severity: 'high',
      evidence: [
        { source: 'answer', ref: 'cs-03', quote: 'We usually hear about churn when they give notice' },
      ],
    },
    {
      title: 'Onboarding takes too long',
      detail: 'Time to first value averages nine weeks, against four weeks for the best competitors.',
      severity: 'medium',
      evidence: [{ source: 'document', ref: 'onboarding-tracker.xlsx', quote: 'Median go-live 63 days' }],
    },
    {
      title: 'Expansion revenue is unmanaged',
      detail: 'Upsell happens only when customers ask; no one owns expansion targets.',
      severity: 'medium',
      evidence: [{ source: 'answer', ref: 'cs-06', quote: 'Expansion is ad hoc' }],
    },
  ],
  recommendations: [
    {
      id: 'cs-r1',
      domain: 'customer-success',
      horizon: 'quick-win',
      title: 'Run a risk review of the next 90 days of renewals',
      action:
        'List every renewal due in the next 90 days, rate each red / amber / green and assign a save plan for every red account.',
      impact: 'high',
      effort: 'low',
      scores: { revenue: 0.8, efficiency: 0.3, competitive: 0.3, strategic: 0.4 },
      basedOn: ['cs-03'],
    },
    {
      id: 'cs-r2',
      domain: 'customer-success',
      horizon: 'strategic',
      title: 'Introduce customer health scoring',
      action:
        'Combine product usage, support tickets and sponsor engagement into a monthly health score that triggers a playbook for each band.',
      impact: 'high',
      effort: 'high',
      scores: { revenue: 0.8, efficiency: 0.5, competitive: 0.6, strategic: 0.6 },
      basedOn: ['cs-03', 'cs-06'],
    },
  ],
  impact: 'Each point of gross churn is worth about £70k of ARR a year at the current size.',
  effort: 'medium',
  dependencies: [
    { domain: 'technology-data', reason: 'Health scoring needs product usage data in one place.' },
  ],
  confidence: 6,
};

export const fixtureAnalyses: SpecialistAnalysis[] = [
  revenueAnalysis,
  financeAnalysis,
  customerSuccessAnalysis,
];

function prioritised(
  rank: number,
  rec: SpecialistAnalysis['recommendations'][number],
  scores: [number, number, number, number],
): PrioritisedRecommendation {
  const [impactScore, feasibilityScore, synergyScore, urgencyScore] = scores;
  return {
    rank,
    recommendation: rec,
    impactScore,
    feasibilityScore,
    synergyScore,
    urgencyScore,
    priorityScore: 0.4 * impactScore + 0.35 * feasibilityScore + 0.15 * synergyScore + 0.1 * urgencyScore,
  };
}

export const fixturePriorities: PrioritisedRecommendation[] = [
  prioritised(1, revenueAnalysis.recommendations[1], [0.74, 0.62, 0.8, 0.9]),
  prioritised(2, financeAnalysis.recommendations[0], [0.5, 0.9, 0.7, 0.8]),
  prioritised(3, customerSuccessAnalysis.recommendations[1], [0.66, 0.45, 0.6, 0.7]),
];

/** The client disagrees strongly with priority 1, so the pipeline moves it below priority 2. */
export const fixtureValidation: ValidationResponse = {
  priorities: [
    {
      recommendationId: 'rev-r2',
      agreement: 1,
      reason: 'We are replacing the CRM next quarter, so a forecast rebuild now would be wasted work.',
      resources: 'low',
    },
    {
      recommendationId: 'fin-r1',
      agreement: 5,
      context: 'Our new finance manager starts on Monday and can own this.',
      resources: 'high',
    },
    { recommendationId: 'cs-r2', agreement: 4, resources: 'medium' },
  ],
  capacityForChange: 'medium',
  timelinePreference: 'aggressive',
  constraints: 'No new hires before the Series A closes in September.',
  successCriteria: 'Forecast within 10% of actuals for two consecutive quarters',
};

export function fixtureContext(overrides: Partial<DeliveryContext> = {}): DeliveryContext {
  const submittedAt = FIXTURE_SUBMITTED_AT;
  const hours = (h: number) => new Date(submittedAt.getTime() + h * 3600_000);
  return {
    assessmentId: 'asm_7f3c2a',
    companyName: fixtureProfile.companyName,
    clientFirstName: 'Eleanor',
    profile: fixtureProfile,
    submittedAt,
    dueTimes: { executiveSummary: hours(24), detailedReport: hours(48), implementationKits: hours(72) },
    triage: fixtureTriage,
    analyses: fixtureAnalyses,
    priorities: fixturePriorities,
    validation: null,
    appUrl: 'https://app.scalemap.test',
    ...overrides,
  };
}

/** The context after validation: priorities reordered as the pipeline would (old #1 now below old #2). */
export function validatedFixtureContext(overrides: Partial<DeliveryContext> = {}): DeliveryContext {
  const [p1, p2, p3] = fixturePriorities;
  return fixtureContext({ validation: fixtureValidation, priorities: [p2, p1, p3], ...overrides });
}
