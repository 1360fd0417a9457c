import { DOMAINS, type DomainId } from '../domains';
import { profileFacts, profileSchema, type CompanyProfile, type ProfileCondition } from '../profile';
import {
  ALL_QUESTIONS,
  COMPLETION_THRESHOLD,
  DOMAIN_DEFINITIONS,
  QUESTIONNAIRE_VERSION,
  applicableDomains,
  applicableQuestions,
  domainProgress,
  followUpById,
  isApplicable,
  questionById,
  type AnswerLike,
  type Question,
} from './index';

const PREFIX: Record<DomainId, string> = {
  'strategic-alignment': 'sa',
  'financial-management': 'fin',
  'revenue-engine': 'rev',
  'operational-excellence': 'ops',
  'people-organization': 'ppl',
  'technology-data': 'tech',
  'customer-experience': 'cx',
  'supply-chain': 'sc',
  'risk-compliance': 'risk',
  partnerships: 'part',
  'customer-success': 'cs',
  'change-management': 'chg',
};

const CONDITIONS = Object.keys(profileFacts(null)) as ProfileCondition[];
const HORIZONS = ['quick-win', '30-90-days', 'strategic'];
const LEVELS = ['low', 'medium', 'high'];

function makeProfile(overrides: Partial<CompanyProfile> = {}): CompanyProfile {
  return profileSchema.parse({
    companyName: 'Acme Ltd',
    industry: 'technology',
    revenueBand: '1m-5m',
    teamSize: '11-50',
    businessModel: 'b2b',
    growthStage: 'scaling',
    regulated: false,
    hasPhysicalProducts: false,
    ...overrides,
  });
}

const ids = (questions: readonly Question[]) => questions.map((q) => q.id);

describe('questionnaire content', () => {
  it('has a positive integer content version', () => {
    expect(Number.isInteger(QUESTIONNAIRE_VERSION)).toBe(true);
    expect(QUESTIONNAIRE_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('defines the twelve domains in DOMAINS order with the same names', () => {
    expect(DOMAIN_DEFINITIONS.map((d) => d.id)).toEqual(DOMAINS.map((d) => d.id));
    expect(DOMAIN_DEFINITIONS.map((d) => d.name)).toEqual(DOMAINS.map((d) => d.name));
    for (const d of DOMAIN_DEFINITIONS) expect(d.description.trim().length).toBeGreaterThan(20);
  });

  it('has at least 95 questions, and ALL_QUESTIONS is every domain question in order', () => {
    expect(ALL_QUESTIONS.length).toBeGreaterThanOrEqual(95);
    expect(ids(ALL_QUESTIONS)).toEqual(DOMAIN_DEFINITIONS.flatMap((d) => ids(d.questions)));
  });

  it.each(DOMAIN_DEFINITIONS.map((d) => [d.id, d] as const))(
    '%s: questions belong to the domain and use its id prefix',
    (id, def) => {
      for (const q of def.questions) {
        expect(q.domain).toBe(id);
        expect(q.id).toMatch(new RegExp(`^${PREFIX[id]}-\\d{2}$`));
      }
    },
  );

  it.each(DOMAIN_DEFINITIONS.filter((d) => d.id !== 'supply-chain').map((d) => [d.id, d] as const))(
    '%s: at least 6 core questions and 1–3 conditional ones',
    (_id, def) => {
      const core = def.questions.filter((q) => !q.conditions || q.conditions.length === 0);
      const conditional = def.questions.filter((q) => q.conditions && q.conditions.length > 0);
      expect(core.length).toBeGreaterThanOrEqual(6);
      expect(conditional.length).toBeGreaterThanOrEqual(1);
      expect(conditional.length).toBeLessThanOrEqual(3);
    },
  );

  it('supply-chain: every question needs physical products, with at least 6 core ones', () => {
    const sc = DOMAIN_DEFINITIONS.find((d) => d.id === 'supply-chain')!;
    expect(sc.questions.length).toBeGreaterThanOrEqual(6);
    for (const q of sc.questions) expect(q.conditions).toContain('physicalProducts');
    const core = sc.questions.filter((q) => q.conditions!.length === 1);
    expect(core.length).toBeGreaterThanOrEqual(6);
  });

  it('has unique ids across questions and follow-ups', () => {
    const all = ALL_QUESTIONS.flatMap((q) => [q.id, ...(q.followUps ?? []).map((f) => f.id)]);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(ALL_QUESTIONS.map((q) => [q.id, q] as const))('%s is well formed', (_id, q) => {
    expect(q.topic.trim()).not.toBe('');
    expect(q.prompt.trim()).not.toBe('');
    expect(q.weakPractice.trim()).not.toBe('');
    expect(q.strength.trim()).not.toBe('');

    expect(q.options).toHaveLength(5);
    for (const label of q.options) expect(label.trim().length).toBeGreaterThan(10);
    expect(new Set(q.options.map((l) => l.trim().toLowerCase())).size).toBe(5);

    for (const c of q.conditions ?? []) expect(CONDITIONS).toContain(c);

    expect(q.recommendations.length).toBeGreaterThanOrEqual(2);
    expect(q.recommendations.length).toBeLessThanOrEqual(3);
    expect(new Set(q.recommendations.map((r) => r.horizon)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(q.recommendations.map((r) => r.title)).size).toBe(q.recommendations.length);
    for (const r of q.recommendations) {
      expect(HORIZONS).toContain(r.horizon);
      expect(LEVELS).toContain(r.impact);
      expect(LEVELS).toContain(r.effort);
      expect(r.title.trim()).not.toBe('');
      expect(r.action.trim().length).toBeGreaterThan(30);
      for (const v of [r.revenueImpact, r.efficiencyImpact, r.competitiveImpact, r.strategicImpact]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }

    if (q.followUps) {
      expect(q.followUps.length).toBeGreaterThanOrEqual(1);
      expect(q.followUps.length).toBeLessThanOrEqual(2);
      q.followUps.forEach((f, i) => {
        expect(f.id).toBe(`${q.id}-f${i + 1}`);
        expect(f.prompt.trim()).toMatch(/\?$/);
      });
    }
  });

  it('makes about a third of the questions triggers, with some in every domain', () => {
    const share = ALL_QUESTIONS.filter((q) => q.followUps?.length).length / ALL_QUESTIONS.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.45);
    for (const d of DOMAIN_DEFINITIONS) expect(d.questions.some((q) => q.followUps?.length)).toBe(true);
  });

  it('uses every horizon and varied impact components within each domain', () => {
    for (const d of DOMAIN_DEFINITIONS) {
      const recs = d.questions.flatMap((q) => q.recommendations);
      expect(new Set(recs.map((r) => r.horizon))).toEqual(new Set(HORIZONS));
      expect(new Set(recs.map((r) => r.revenueImpact)).size).toBeGreaterThan(2);
    }
  });

  it('every profile condition is used by at least one question', () => {
    const used = new Set(ALL_QUESTIONS.flatMap((q) => q.conditions ?? []));
    expect([...used].sort()).toEqual([...CONDITIONS].sort());
  });
});

describe('lookups', () => {
  it('finds questions by id', () => {
    expect(questionById('fin-01')?.domain).toBe('financial-management');
    expect(questionById('fin-01-f1')).toBeUndefined();
    expect(questionById('nope')).toBeUndefined();
  });

  it('finds follow-ups with their parent question', () => {
    const hit = followUpById('fin-01-f1');
    expect(hit?.question.id).toBe('fin-01');
    expect(hit?.followUp.id).toBe('fin-01-f1');
    expect(followUpById('fin-01')).toBeUndefined();
    for (const q of ALL_QUESTIONS) {
      for (const f of q.followUps ?? []) expect(followUpById(f.id)?.question).toBe(q);
    }
  });
});

describe('applicability', () => {
  it('a question applies only when all its conditions hold', () => {
    const sc08 = questionById('sc-08')!;
    expect(sc08.conditions).toEqual(['physicalProducts', 'revenueOver10m']);
    const facts = profileFacts(null);
    expect(isApplicable(questionById('sa-01')!, facts)).toBe(true);
    expect(isApplicable(sc08, { ...facts, physicalProducts: true })).toBe(false);
    expect(isApplicable(sc08, { ...facts, revenueOver10m: true })).toBe(false);
    expect(isApplicable(sc08, { ...facts, physicalProducts: true, revenueOver10m: true })).toBe(true);
  });

  it('without a profile only unconditional questions apply and supply-chain is skipped', () => {
    const qs = applicableQuestions(null);
    expect(qs.every((q) => !q.conditions?.length)).toBe(true);
    expect(qs.length).toBe(ALL_QUESTIONS.filter((q) => !q.conditions?.length).length);
    expect(applicableDomains(null)).toEqual(DOMAINS.map((d) => d.id).filter((id) => id !== 'supply-chain'));
  });

  it('a regulated healthcare company sees the regulatory questions; an unregulated tech company does not', () => {
    const health = ids(applicableQuestions(makeProfile({ industry: 'healthcare' })));
    expect(health).toEqual(expect.arrayContaining(['risk-09', 'risk-10']));
    const tech = ids(applicableQuestions(makeProfile({ industry: 'technology' })));
    expect(tech).not.toContain('risk-09');
    expect(tech).not.toContain('risk-10');
    // the explicit flag also switches them on
    expect(ids(applicableQuestions(makeProfile({ regulated: true })))).toContain('risk-09');
  });

  it('a services company without physical products sees no supply-chain domain', () => {
    const profile = makeProfile({ industry: 'professional-services', hasPhysicalProducts: false });
    expect(applicableDomains(profile)).not.toContain('supply-chain');
    expect(applicableDomains(profile)).toHaveLength(11);
    const qs = ids(applicableQuestions(profile));
    expect(qs.some((id) => id.startsWith('sc-'))).toBe(false);
    expect(qs).toEqual(expect.arrayContaining(['ops-09', 'cs-11']));
  });

  it('a company with physical products sees supply-chain; its extra questions follow the profile', () => {
    const b2bSmall = makeProfile({ industry: 'manufacturing', hasPhysicalProducts: true });
    expect(applicableDomains(b2bSmall)).toContain('supply-chain');
    const small = ids(applicableQuestions(b2bSmall)).filter((id) => id.startsWith('sc-'));
    expect(small).toEqual(['sc-01', 'sc-02', 'sc-03', 'sc-04', 'sc-05', 'sc-06', 'sc-07']);

    const b2cLarge = makeProfile({
      industry: 'retail-ecommerce',
      businessModel: 'b2c',
      revenueBand: '25m-50m',
      hasPhysicalProducts: true,
    });
    const large = ids(applicableQuestions(b2cLarge));
    expect(large).toEqual(expect.arrayContaining(['sc-08', 'sc-09', 'cx-09', 'rev-10']));
    expect(large).not.toContain('rev-09'); // b2b only
  });

  it('size, growth, subscription, channel and platform facts switch their questions on', () => {
    const base = ids(applicableQuestions(makeProfile()));
    const big = ids(
      applicableQuestions(
        makeProfile({
          teamSize: '101-250',
          growthStage: 'rapid-growth',
          subscriptionModel: true,
          channelSales: true,
          businessModel: 'marketplace',
        }),
      ),
    );
    for (const id of [
      'sa-09',
      'ops-10',
      'ppl-09',
      'ppl-10',
      'fin-09',
      'tech-09',
      'tech-10',
      'part-08',
      'cx-10',
    ]) {
      expect(base).not.toContain(id);
      expect(big).toContain(id);
    }
  });
});

describe('domainProgress', () => {
  const profile = makeProfile({ industry: 'professional-services' });
  const applicable = applicableQuestions(profile);
  const byDomain = (domain: DomainId) => applicable.filter((q) => q.domain === domain);
  const scoreAll = (qs: readonly Question[], score = 3): AnswerLike[] =>
    qs.map((q) => ({ questionId: q.id, score }));
  /** The minimum number of answers that reaches the threshold. */
  const needed = (n: number) => Math.ceil(n * COMPLETION_THRESHOLD - 1e-9);

  it('exposes the 80% threshold', () => {
    expect(COMPLETION_THRESHOLD).toBe(0.8);
  });

  it('reports nothing answered for no answers', () => {
    const p = domainProgress(profile, []);
    expect(p.overall).toBe(0);
    expect(p.complete).toBe(false);
    expect(p.domains.map((d) => d.domain)).toEqual(applicableDomains(profile));
    for (const d of p.domains) {
      expect(d.answered).toBe(0);
      expect(d.applicable).toBe(byDomain(d.domain).length);
      expect(d.complete).toBe(false);
    }
  });

  it('marks a domain complete at exactly 80% and incomplete just below', () => {
    const answers = DOMAIN_DEFINITIONS.flatMap((d) => {
      const qs = byDomain(d.id);
      return scoreAll(qs.slice(0, needed(qs.length)));
    });
    const p = domainProgress(profile, answers);
    // at least one domain sits exactly on the threshold (e.g. 8 of 10), so `>=` versus `>` matters
    expect(p.domains.some((d) => d.ratio === COMPLETION_THRESHOLD)).toBe(true);
    expect(p.complete).toBe(true);
    for (const d of p.domains) {
      expect(d.ratio).toBeGreaterThanOrEqual(0.8);
      expect(d.complete).toBe(true);
    }

    // drop one answer in people-organization: that domain (and the whole) becomes incomplete
    const ppl = byDomain('people-organization');
    const dropped = ppl[0].id;
    const fewer = domainProgress(
      profile,
      answers.filter((a) => a.questionId !== dropped),
    );
    const pplProgress = fewer.domains.find((d) => d.domain === 'people-organization')!;
    expect(pplProgress.answered).toBe(needed(ppl.length) - 1);
    expect(pplProgress.ratio).toBeLessThan(0.8);
    expect(pplProgress.complete).toBe(false);
    expect(fewer.complete).toBe(false);
    expect(fewer.domains.filter((d) => !d.complete).map((d) => d.domain)).toEqual(['people-organization']);
  });

  it('computes ratios and the overall share precisely', () => {
    const fin = byDomain('financial-management'); // 8 core questions apply (no subscription, not over £10M)
    expect(fin).toHaveLength(8);
    const p = domainProgress(profile, scoreAll(fin.slice(0, 6), 1));
    const finProgress = p.domains.find((d) => d.domain === 'financial-management')!;
    expect(finProgress).toEqual({
      domain: 'financial-management',
      name: 'Financial Management & Capital Efficiency',
      applicable: 8,
      answered: 6,
      ratio: 0.75,
      complete: false,
    });
    expect(p.overall).toBeCloseTo(6 / applicable.length, 10);
  });

  it('ignores follow-up texts, out-of-range scores, inapplicable and unknown questions, and duplicates', () => {
    const cx = byDomain('customer-experience');
    const trigger = cx.find((q) => q.followUps?.length)!;
    const answers: AnswerLike[] = [
      { questionId: cx[0].id, score: 5 },
      { questionId: cx[0].id, score: 4 }, // duplicate counts once
      { questionId: cx[1].id, score: 0 },
      { questionId: cx[2].id, score: 6 },
      { questionId: cx[3].id, score: 2.5 },
      { questionId: cx[4].id, score: null },
      { questionId: cx[5].id, text: 'a text without a score' },
      { questionId: trigger.followUps![0].id, text: 'We tried a survey once.' },
      { questionId: trigger.followUps![0].id, score: 3 }, // a follow-up is never a scored question
      { questionId: 'sc-01', score: 3 }, // supply-chain does not apply to this company
      { questionId: 'zz-99', score: 3 },
    ];
    const p = domainProgress(profile, answers);
    expect(p.domains.find((d) => d.domain === 'customer-experience')!.answered).toBe(1);
    expect(p.domains.some((d) => d.domain === 'supply-chain')).toBe(false);
    expect(p.domains.reduce((n, d) => n + d.answered, 0)).toBe(1);
    expect(p.overall).toBeCloseTo(1 / applicable.length, 10);
  });

  it('counts conditional questions only when the profile makes them apply', () => {
    const withSupply = makeProfile({ industry: 'manufacturing', hasPhysicalProducts: true });
    const sc = applicableQuestions(withSupply).filter((q) => q.domain === 'supply-chain');
    const p = domainProgress(withSupply, scoreAll(sc));
    const scProgress = p.domains.find((d) => d.domain === 'supply-chain')!;
    expect(scProgress).toMatchObject({
      applicable: sc.length,
      answered: sc.length,
      ratio: 1,
      complete: true,
    });
    expect(p.complete).toBe(false); // the other eleven domains are still empty
  });
});
