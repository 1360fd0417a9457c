import fc from 'fast-check';
import { triageResultSchema, type TriageResult } from './analysis';
import { DOMAIN_IDS, type DomainId } from './domains';
import {
  BUSINESS_MODELS,
  GROWTH_STAGES,
  INDUSTRIES,
  profileFacts,
  REVENUE_BANDS,
  TEAM_SIZES,
  type CompanyProfile,
} from './profile';
import { ALL_QUESTIONS } from './questionnaire';
import type { Question } from './questionnaire/types';
import { answerAll, fakeQuestionSet, makeProfile } from './testing/fake-questions';
import {
  INDUSTRY_BOOST,
  lockedDomains,
  refineTriage,
  requiredDomains,
  triageLevel,
  triageRules,
} from './triage';

const FAKE = fakeQuestionSet(4);
const SETS: [string, readonly Question[]][] = [
  ['fake questions', FAKE],
  ['real questionnaire', ALL_QUESTIONS],
];

const entry = (r: TriageResult, d: DomainId) => r.domains.find((x) => x.domain === d)!;

const profileArb: fc.Arbitrary<CompanyProfile | null> = fc.option(
  fc
    .record({
      industry: fc.constantFrom(...INDUSTRIES),
      revenueBand: fc.constantFrom(...REVENUE_BANDS),
      teamSize: fc.constantFrom(...TEAM_SIZES),
      businessModel: fc.constantFrom(...BUSINESS_MODELS),
      growthStage: fc.constantFrom(...GROWTH_STAGES),
      regulated: fc.boolean(),
      hasPhysicalProducts: fc.boolean(),
      subscriptionModel: fc.boolean(),
      channelSales: fc.boolean(),
      headcountGrowthOver50: fc.boolean(),
    })
    .map((p) => makeProfile(p)),
  { nil: null },
);

function answersArb(questions: readonly Question[]) {
  return fc
    .array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), {
      minLength: questions.length,
      maxLength: questions.length,
    })
    .map((scores) =>
      questions.flatMap((q, i) => (scores[i] === undefined ? [] : [{ questionId: q.id, score: scores[i]! }])),
    );
}

function applicableDomainIds(profile: CompanyProfile | null, questions: readonly Question[]): DomainId[] {
  const facts = profileFacts(profile);
  return DOMAIN_IDS.filter((d) =>
    questions.some((q) => q.domain === d && (q.conditions ?? []).every((c) => facts[c])),
  );
}

describe.each(SETS)('triageRules with %s', (_name, questions) => {
  it('activates exactly finance, revenue and people when only those are weak', () => {
    const profile = makeProfile({ industry: 'other' });
    const answers = answerAll(
      questions,
      { 'financial-management': 5, 'revenue-engine': 5, 'people-organization': 5 },
      2,
    );
    const r = triageRules({ profile, answers, questions });
    expect([...r.activatedDomains].sort()).toEqual(
      ['financial-management', 'people-organization', 'revenue-engine'].sort(),
    );
    expect(entry(r, 'financial-management').level).toBe('critical');
    expect(entry(r, 'strategic-alignment')).toMatchObject({ score: 2, level: 'low', answeredRatio: 1 });
    expect(r.source).toBe('rules');
    expect(triageResultSchema.safeParse(r).success).toBe(true);
  });

  it('always activates risk-compliance for a regulated company, even with healthy answers', () => {
    const profile = makeProfile({ industry: 'financial-services', regulated: true });
    const answers = answerAll(questions, { 'risk-compliance': 1, 'customer-success': 4, partnerships: 4 }, 1);
    const r = triageRules({ profile, answers, questions });
    expect(r.activatedDomains).toContain('risk-compliance');
    expect(r.activatedDomains).toEqual(expect.arrayContaining(['customer-success', 'partnerships']));
    expect(entry(r, 'risk-compliance').reason).toMatch(/regulated/);
    expect(r.activatedDomains).toHaveLength(3);
  });

  it('keeps a regulated company’s risk-compliance when six domains are critical, capping at five', () => {
    const profile = makeProfile({ industry: 'healthcare' });
    const answers = answerAll(questions, { 'risk-compliance': 1 }, 5);
    const r = triageRules({ profile, answers, questions });
    expect(r.activatedDomains).toHaveLength(5);
    expect(r.activatedDomains).toContain('risk-compliance');
  });

  it('never activates an inapplicable domain and scores it 0 / low', () => {
    const profile = makeProfile({ hasPhysicalProducts: false });
    const answers = answerAll(questions, {}, 5); // supply-chain answers are ignored: not applicable
    const r = triageRules({ profile, answers, questions });
    expect(entry(r, 'supply-chain')).toMatchObject({ score: 0, level: 'low', answeredRatio: 0 });
    expect(r.activatedDomains).not.toContain('supply-chain');
    expect(r.activatedDomains).toHaveLength(5);
  });

  it('gives an unanswered domain a neutral 3 and lowers confidence for missing answers', () => {
    const profile = makeProfile();
    const full = answerAll(questions, {}, 2);
    const partnershipIds = new Set(questions.filter((q) => q.domain === 'partnerships').map((q) => q.id));
    const partial = full.filter((a) => !partnershipIds.has(a.questionId));
    const rFull = triageRules({ profile, answers: full, questions });
    const rPartial = triageRules({ profile, answers: partial, questions });
    expect(entry(rPartial, 'partnerships')).toMatchObject({ score: 3, answeredRatio: 0 });
    expect(rPartial.confidence).toBeLessThan(rFull.confidence);
    expect(rFull.confidence).toBe(1);
    expect(triageRules({ profile, answers: [], questions }).confidence).toBeLessThan(0.2);
  });

  it('lowers confidence when answers within a domain disagree', () => {
    const profile = makeProfile();
    const steady = questions.map((q) => ({ questionId: q.id, score: 3 }));
    const mixed = questions.map((q, i) => ({ questionId: q.id, score: i % 2 === 0 ? 1 : 5 }));
    expect(triageRules({ profile, answers: mixed, questions }).confidence).toBeLessThan(
      triageRules({ profile, answers: steady, questions }).confidence,
    );
  });

  it('applies industry weighting to the domains a technology company leans on', () => {
    const answers = answerAll(questions, {}, 3);
    const tech = triageRules({ profile: makeProfile({ industry: 'saas' }), answers, questions });
    const other = triageRules({ profile: makeProfile({ industry: 'other' }), answers, questions });
    expect(entry(tech, 'technology-data').score).toBeCloseTo(
      entry(other, 'technology-data').score + INDUSTRY_BOOST,
    );
    expect(entry(tech, 'customer-experience').score).toBeCloseTo(3 + INDUSTRY_BOOST);
    expect(entry(tech, 'people-organization').score).toBe(3);
    expect(entry(tech, 'technology-data').reason).toMatch(/technology company \+0\.3/);
    const mfg = triageRules({
      profile: makeProfile({ industry: 'manufacturing', hasPhysicalProducts: true }),
      answers,
      questions,
    });
    expect(entry(mfg, 'supply-chain').score).toBeCloseTo(3.3);
    expect(entry(mfg, 'operational-excellence').score).toBeCloseTo(3.3);
    const svc = triageRules({
      profile: makeProfile({ industry: 'professional-services' }),
      answers,
      questions,
    });
    expect(entry(svc, 'customer-success').score).toBeCloseTo(3.3);
  });

  it('raises linked domains in proportion to how weak the source domain is', () => {
    const profile = makeProfile();
    const strong = triageRules({
      profile,
      answers: answerAll(questions, { 'strategic-alignment': 5 }, 2),
      questions,
    });
    const mild = triageRules({
      profile,
      answers: answerAll(questions, { 'strategic-alignment': 4 }, 2),
      questions,
    });
    // 0.4 × (5 − 3.5) = 0.6 and 0.4 × (4 − 3.5) = 0.2 on top of 2.
    expect(entry(strong, 'people-organization').score).toBeCloseTo(2.6);
    expect(entry(strong, 'change-management').score).toBeCloseTo(2.6);
    expect(entry(mild, 'change-management').score).toBeCloseTo(2.2);
    expect(entry(strong, 'revenue-engine').score).toBe(2);
  });

  it('writes a reason naming the weakest topics for each activated domain', () => {
    const profile = makeProfile();
    const finQs = questions.filter((q) => q.domain === 'financial-management' && !q.conditions?.length);
    const answers = answerAll(questions, {}, 2).map((a) =>
      a.questionId === finQs[1].id ? { ...a, score: 5 } : a,
    );
    const r = triageRules({ profile, answers, questions });
    expect(r.activatedDomains).toContain('financial-management');
    expect(entry(r, 'financial-management').reason).toContain(`${finQs[1].topic} (5/5)`);
    for (const d of r.activatedDomains) expect(entry(r, d).reason).toBeTruthy();
  });

  it('breaks ties deterministically in DOMAINS order', () => {
    const r = triageRules({ profile: makeProfile(), answers: answerAll(questions, {}, 2), questions });
    expect(r.activatedDomains).toEqual(['strategic-alignment', 'financial-management', 'revenue-engine']);
  });

  it('keeps its invariants for any profile and any answer set (property)', () => {
    fc.assert(
      fc.property(profileArb, answersArb(questions), (profile, answers) => {
        const r = triageRules({ profile, answers, questions });
        expect(triageResultSchema.safeParse(r).success).toBe(true);
        expect(r.activatedDomains.length).toBeGreaterThanOrEqual(3);
        expect(r.activatedDomains.length).toBeLessThanOrEqual(5);
        expect(new Set(r.activatedDomains).size).toBe(r.activatedDomains.length);
        const applicable = applicableDomainIds(profile, questions);
        for (const d of r.activatedDomains) expect(applicable).toContain(d);
        for (const d of requiredDomains(profile)) expect(r.activatedDomains).toContain(d);
        if (profileFacts(profile).regulated) expect(r.activatedDomains).toContain('risk-compliance');
        const high = r.domains.filter((d) => d.score >= 4);
        if (high.length + requiredDomains(profile).length <= 5) {
          for (const d of high) expect(r.activatedDomains).toContain(d.domain);
        }
        // Anything left out scores no higher than the lowest non-required domain activated.
        const optional = r.activatedDomains.filter((d) => !requiredDomains(profile).includes(d));
        const floor = Math.min(...optional.map((d) => entry(r, d).score));
        for (const d of r.domains) {
          expect(d.level).toBe(triageLevel(d.score));
          if (!r.activatedDomains.includes(d.domain) && optional.length)
            expect(d.score).toBeLessThanOrEqual(floor);
        }
        expect(triageRules({ profile, answers, questions })).toEqual(r);
      }),
      { numRuns: 150 },
    );
  });
});

describe('refineTriage', () => {
  const questions = ALL_QUESTIONS;
  const profile = makeProfile({ industry: 'financial-services', regulated: true });
  const rule = triageRules({
    profile,
    answers: answerAll(questions, { 'financial-management': 5, 'revenue-engine': 4 }, 2),
    questions,
  });

  it('is built on a rule result that keeps the regulated company’s risk-compliance', () => {
    expect(rule.activatedDomains).toEqual(['financial-management', 'revenue-engine', 'risk-compliance']);
    expect(lockedDomains(rule)).toEqual(['financial-management', 'revenue-engine', 'risk-compliance']);
  });

  it('accepts a valid suggestion and marks it as the llm’s', () => {
    const suggestion = {
      activatedDomains: ['financial-management', 'revenue-engine', 'risk-compliance', 'customer-success'],
      reasons: { 'customer-success': 'Churn notes point to onboarding gaps.' },
      confidence: 0.8,
    };
    const out = refineTriage(rule, JSON.stringify(suggestion), profile);
    expect(out.accepted).toBe(true);
    expect(out.result.source).toBe('llm');
    expect(out.result.activatedDomains).toEqual(suggestion.activatedDomains);
    expect(out.result.domains.find((d) => d.domain === 'customer-success')!.reason).toBe(
      'Churn notes point to onboarding gaps.',
    );
    expect(out.result.confidence).toBeCloseTo((rule.confidence + 0.8) / 2);
    expect(triageResultSchema.safeParse(out.result).success).toBe(true);
  });

  it('accepts reasons given as a list, as TRIAGE_JSON_SCHEMA asks', () => {
    const out = refineTriage(rule, {
      activatedDomains: ['risk-compliance', 'financial-management', 'revenue-engine'],
      reasons: [{ domain: 'risk-compliance', reason: 'Regulated lender.' }],
      confidence: 0.9,
    });
    expect(out.accepted).toBe(true);
    expect(out.result.domains.find((d) => d.domain === 'risk-compliance')!.reason).toContain(
      'Regulated lender.',
    );
  });

  const base = ['financial-management', 'revenue-engine', 'risk-compliance'];
  it.each<[string, unknown, RegExp]>([
    ['two domains', { activatedDomains: base.slice(0, 2), reasons: {}, confidence: 0.5 }, /2 domains/],
    [
      'six domains',
      {
        activatedDomains: [...base, 'partnerships', 'customer-success', 'change-management'],
        reasons: {},
        confidence: 0.5,
      },
      /6 domains/,
    ],
    ['an unknown id', { activatedDomains: [...base, 'marketing'], reasons: {}, confidence: 0.5 }, /unknown/],
    [
      'a dropped required domain',
      {
        activatedDomains: ['financial-management', 'revenue-engine', 'partnerships'],
        reasons: {},
        confidence: 0.5,
      },
      /required.*risk-compliance/,
    ],
    [
      'a dropped high-scoring domain',
      {
        activatedDomains: ['financial-management', 'risk-compliance', 'partnerships'],
        reasons: {},
        confidence: 0.5,
      },
      /required.*revenue-engine/,
    ],
    [
      'an inapplicable domain',
      { activatedDomains: [...base, 'supply-chain'], reasons: {}, confidence: 0.5 },
      /applicable/,
    ],
    ['duplicates', { activatedDomains: [...base, base[0]], reasons: {}, confidence: 0.5 }, /duplicate/],
    ['non-JSON text', 'Sure! Here are the domains: finance, revenue', /JSON/],
    ['a confidence out of range', { activatedDomains: base, reasons: {}, confidence: 7 }, /shape/],
    ['null', null, /shape/],
  ])('rejects %s', (_name, suggestion, reason) => {
    const out = refineTriage(rule, suggestion, profile);
    expect(out.accepted).toBe(false);
    expect(out.reason).toMatch(reason);
    expect(out.result).toBe(rule);
  });

  it('protects risk-compliance for a regulated profile even when the rule reason mark is missing', () => {
    const stripped = { ...rule, domains: rule.domains.map((d) => ({ ...d, reason: undefined })) };
    const suggestion = {
      activatedDomains: ['financial-management', 'revenue-engine', 'partnerships'],
      reasons: {},
      confidence: 0.5,
    };
    expect(refineTriage(stripped, suggestion, profile).accepted).toBe(false);
  });
});
