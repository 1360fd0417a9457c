import fc from 'fast-check';
import {
  healthBand,
  specialistAnalysisSchema,
  triageResultSchema,
  type PrioritisedRecommendation,
  type Recommendation,
  type SpecialistAnalysis,
  type TriageResult,
} from './analysis';
import { DOMAIN_IDS, type DomainId } from './domains';
import { applyValidation, prioritise } from './prioritisation';
import { validationSchema, type ValidationResponse } from './validation';

function rec(
  domain: DomainId,
  n: number,
  over: Partial<Omit<Recommendation, 'scores'>> & { scores?: Partial<Recommendation['scores']> } = {},
): Recommendation {
  const { scores, ...rest } = over;
  return {
    id: `${domain}:q-${n}:0`,
    domain,
    horizon: 'quick-win',
    title: `Recommendation ${n} for ${domain}`,
    action: 'Do the thing.',
    impact: 'medium',
    effort: 'medium',
    scores: { revenue: 0.5, efficiency: 0.5, competitive: 0.5, strategic: 0.5, ...scores },
    basedOn: [`q-${n}`],
    ...rest,
  };
}

function analysis(
  domain: DomainId,
  healthScore: number,
  recommendations: Recommendation[],
  dependencies: DomainId[] = [],
): SpecialistAnalysis {
  return specialistAnalysisSchema.parse({
    domain,
    analyst: 'Test Analyst',
    healthScore,
    band: healthBand(healthScore),
    summary: 'A summary for the test.',
    findings: [1, 2, 3].map((i) => ({
      title: `Finding ${i}`,
      detail: 'Detail text.',
      severity: 'medium',
      evidence: [{ source: 'answer', ref: `q-${i}`, quote: 'label' }],
    })),
    recommendations,
    impact: 'Some impact.',
    effort: 'medium',
    dependencies: dependencies.map((d) => ({ domain: d, reason: 'linked' })),
    confidence: 8,
  });
}

function triageWith(
  levels: Partial<Record<DomainId, TriageResult['domains'][number]['level']>>,
): TriageResult {
  return triageResultSchema.parse({
    activatedDomains: ['strategic-alignment', 'financial-management', 'revenue-engine'],
    domains: DOMAIN_IDS.map((d) => ({ domain: d, score: 3, level: levels[d] ?? 'low', answeredRatio: 1 })),
    confidence: 0.9,
    source: 'rules',
  });
}

// Hand-computed example. customer-experience depends on partnerships, so each is the other's synergy.
const X = rec('customer-experience', 1, {
  scores: { revenue: 0.8, efficiency: 0.4, competitive: 0.6, strategic: 0.5 },
  effort: 'medium',
  horizon: 'quick-win',
});
const Y = rec('partnerships', 2, {
  scores: { revenue: 0.2, efficiency: 0.2, competitive: 0.2, strategic: 0.2 },
  effort: 'low',
  horizon: 'strategic',
});
const cx = analysis('customer-experience', 4, [X], ['partnerships']);
const prt = analysis('partnerships', 7, [Y]);

describe('prioritise', () => {
  it('applies the DOMAIN.md weights (hand-computed example)', () => {
    const out = prioritise([prt, cx]);
    expect(out).toHaveLength(2);
    const [first, second] = out;
    expect(first.recommendation.id).toBe(X.id);
    expect(first.rank).toBe(1);
    // impact = .3×.8 + .25×.4 + .25×.6 + .2×.5 = .59
    expect(first.impactScore).toBeCloseTo(0.59, 3);
    // feasibility = .25×.6 (medium resources) + .25×(.3 + .07×4) + .2×.6 + .15×1 (quick win) + .15×.6 = .655
    expect(first.feasibilityScore).toBeCloseTo(0.655, 3);
    expect(first.synergyScore).toBe(1);
    // urgency = (10 − 4) / 9
    expect(first.urgencyScore).toBeCloseTo(0.667, 3);
    // priority = .4×.59 + .35×.655 + .15×1 + .1×.6667 = .6819
    expect(first.priorityScore).toBeCloseTo(0.682, 3);

    expect(second).toMatchObject({ rank: 2, recommendation: { id: Y.id } });
    expect(second.impactScore).toBeCloseTo(0.2, 3);
    // .25×.9 + .25×(.3 + .07×7) + .2×1 + .15×.4 + .15×.6 = .7725
    expect(second.feasibilityScore).toBeCloseTo(0.773, 3);
    expect(second.urgencyScore).toBeCloseTo(0.333, 3);
    expect(second.priorityScore).toBeCloseTo(0.534, 3);
  });

  it('gives no synergy to unrelated domains', () => {
    const out = prioritise([analysis('customer-experience', 4, [X]), prt]);
    expect(out.every((p) => p.synergyScore === 0)).toBe(true);
    expect(out[0].priorityScore).toBeCloseTo(0.682 - 0.15, 3);
  });

  it('lowers feasibility by 10% for each weak people, finance or change analysis', () => {
    const weakFin = analysis('financial-management', 4, [
      rec('financial-management', 9, { scores: { revenue: 0 } }),
    ]);
    const healthyFin = analysis('financial-management', 5, [
      rec('financial-management', 9, { scores: { revenue: 0 } }),
    ]);
    const pick = (as: SpecialistAnalysis[]) => prioritise(as).find((p) => p.recommendation.id === X.id)!;
    expect(pick([cx, prt, weakFin]).feasibilityScore).toBeCloseTo(0.655 * 0.9, 2);
    expect(pick([cx, prt, healthyFin]).feasibilityScore).toBeCloseTo(0.655, 3);
    const weakPeople = analysis('people-organization', 2, [
      rec('people-organization', 8, { scores: { revenue: 0 } }),
    ]);
    // change capacity now comes from the change-management analysis: health 3 → .3 instead of .6
    const weakChange = analysis('change-management', 3, [
      rec('change-management', 7, { scores: { revenue: 0 } }),
    ]);
    const expected = (0.655 - 0.15 * 0.6 + 0.15 * 0.3) * 0.9 ** 3;
    expect(pick([cx, prt, weakFin, weakPeople, weakChange]).feasibilityScore).toBeCloseTo(expected, 2);
  });

  it('uses the triage level in urgency', () => {
    const out = prioritise([cx, prt], { triage: triageWith({ 'customer-experience': 'critical' }) });
    // .6 × 6/9 + .4 × 1
    expect(out[0].urgencyScore).toBeCloseTo(0.8, 3);
    expect(out[1].urgencyScore).toBeCloseTo(0.6 * (3 / 9) + 0.4 * 0.25, 3);
  });

  it('returns the top three from distinct domains when it can', () => {
    const strong = (n: number) =>
      rec('revenue-engine', n, { scores: { revenue: 1, efficiency: 1, competitive: 1 } });
    const out = prioritise([
      analysis('revenue-engine', 3, [strong(1), strong(2), strong(3)]),
      analysis('operational-excellence', 5, [rec('operational-excellence', 4)]),
      analysis('technology-data', 6, [rec('technology-data', 5, { scores: { revenue: 0.1 } })]),
    ]);
    expect(out.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(new Set(out.map((p) => p.recommendation.domain)).size).toBe(3);
    expect(out[0].recommendation.domain).toBe('revenue-engine');
  });

  it('takes a second recommendation from a domain when too few domains have candidates', () => {
    const out = prioritise([
      analysis('revenue-engine', 3, [
        rec('revenue-engine', 1),
        rec('revenue-engine', 2, { scores: { revenue: 0.9 } }),
      ]),
      analysis('technology-data', 6, [rec('technology-data', 5)]),
    ]);
    expect(out).toHaveLength(3);
    expect(out.filter((p) => p.recommendation.domain === 'revenue-engine')).toHaveLength(2);
    expect(prioritise([])).toEqual([]);
  });

  it('keeps every score within 0–1, ranks in priority order and is deterministic (property)', () => {
    const level = fc.constantFrom<'low' | 'medium' | 'high'>('low', 'medium', 'high');
    const recArb = (domain: DomainId, n: number) =>
      fc
        .record({
          revenue: fc.double({ min: 0, max: 1, noNaN: true }),
          efficiency: fc.double({ min: 0, max: 1, noNaN: true }),
          competitive: fc.double({ min: 0, max: 1, noNaN: true }),
          strategic: fc.double({ min: 0, max: 1, noNaN: true }),
          effort: level,
          horizon: fc.constantFrom<Recommendation['horizon']>('quick-win', '30-90-days', 'strategic'),
        })
        .map(({ effort, horizon, ...scores }) => rec(domain, n, { scores, effort, horizon }));
    const analysesArb = fc
      .uniqueArray(fc.constantFrom(...DOMAIN_IDS), { minLength: 1, maxLength: 5 })
      .chain((domains) =>
        fc.tuple(
          ...domains.map((d, i) =>
            fc
              .tuple(fc.integer({ min: 1, max: 10 }), fc.array(recArb(d, i), { minLength: 1, maxLength: 4 }))
              .map(([h, recs]) =>
                analysis(
                  d,
                  h,
                  recs.map((r, k) => ({ ...r, id: `${r.id}-${k}` })),
                ),
              ),
          ),
        ),
      );
    fc.assert(
      fc.property(analysesArb, (analyses) => {
        const out = prioritise(analyses);
        const candidates = analyses.reduce((s, a) => s + a.recommendations.length, 0);
        expect(out).toHaveLength(Math.min(3, candidates));
        out.forEach((p, i) => {
          expect(p.rank).toBe(i + 1);
          for (const k of [
            'impactScore',
            'feasibilityScore',
            'synergyScore',
            'urgencyScore',
            'priorityScore',
          ] as const) {
            expect(p[k]).toBeGreaterThanOrEqual(0);
            expect(p[k]).toBeLessThanOrEqual(1);
          }
          if (i > 0) expect(p.priorityScore).toBeLessThanOrEqual(out[i - 1].priorityScore);
        });
        const domains = new Set(out.map((p) => p.recommendation.domain));
        expect(domains.size).toBe(Math.min(out.length, analyses.length));
        expect(prioritise([...analyses].reverse())).toEqual(out);
      }),
      { numRuns: 150 },
    );
  });
});

function validation(
  answers: { id: string; agreement: number; resources?: 'high' | 'medium' | 'low' | 'very-low' }[],
  capacityForChange: ValidationResponse['capacityForChange'] = 'high',
): ValidationResponse {
  return validationSchema.parse({
    priorities: answers.map((a) => ({
      recommendationId: a.id,
      agreement: a.agreement,
      resources: a.resources ?? 'high',
    })),
    capacityForChange,
    timelinePreference: 'standard',
  });
}

describe('applyValidation', () => {
  const three = prioritise([
    analysis('revenue-engine', 2, [
      rec('revenue-engine', 1, { scores: { revenue: 1, efficiency: 1, competitive: 1 } }),
    ]),
    analysis('operational-excellence', 5, [rec('operational-excellence', 2)]),
    analysis('technology-data', 7, [rec('technology-data', 3, { scores: { revenue: 0.2 } })]),
  ]);
  const [p1, p2, p3] = three;

  it('starts from a clear #1', () => {
    expect(p1.priorityScore - p2.priorityScore).toBeGreaterThan(0.05);
  });

  it.each([1, 2])('drops #1 below #2 when the client disagrees (agreement %i)', (agreement) => {
    const out = applyValidation(three, validation([{ id: p1.recommendation.id, agreement }]));
    const rankOf = (p: PrioritisedRecommendation) =>
      out.find((x) => x.recommendation.id === p.recommendation.id)!.rank;
    expect(rankOf(p1)).toBeGreaterThan(rankOf(p2));
    expect(rankOf(p2)).toBe(1);
    expect(out.map((p) => p.rank)).toEqual([1, 2, 3]);
    for (let i = 1; i < out.length; i++)
      expect(out[i].priorityScore).toBeLessThanOrEqual(out[i - 1].priorityScore);
  });

  it('drops #1 below #2 on disagreement even when its adjusted score would still lead', () => {
    const manual = (id: string, score: number, rank: number): PrioritisedRecommendation => ({
      rank,
      recommendation: rec('revenue-engine', rank, { id }),
      impactScore: score,
      feasibilityScore: score,
      synergyScore: score,
      urgencyScore: score,
      priorityScore: score,
    });
    const list = [manual('a', 0.95, 1), manual('b', 0.3, 2), manual('c', 0.2, 3)];
    const out = applyValidation(list, validation([{ id: 'a', agreement: 2 }]));
    expect(out.map((p) => p.recommendation.id)).toEqual(['b', 'a', 'c']);
    expect(out[1].priorityScore).toBeLessThanOrEqual(out[0].priorityScore);
    // Agreement 3 is not disagreement: 'a' stays on top.
    expect(applyValidation(list, validation([{ id: 'a', agreement: 3 }]))[0].recommendation.id).toBe('a');
  });

  it('lowers but keeps a clearly ahead #1 on a neutral answer', () => {
    const out = applyValidation(three, validation([{ id: p1.recommendation.id, agreement: 3 }]));
    expect(out[0].recommendation.id).toBe(p1.recommendation.id);
    expect(out[0].priorityScore).toBeLessThan(p1.priorityScore);
  });

  it('lowers feasibility and priority when resources are low', () => {
    const out = applyValidation(
      three,
      validation([{ id: p2.recommendation.id, agreement: 4, resources: 'very-low' }]),
    );
    const after = out.find((p) => p.recommendation.id === p2.recommendation.id)!;
    expect(after.feasibilityScore).toBeCloseTo(p2.feasibilityScore * 0.6, 3);
    expect(after.priorityScore).toBeLessThan(p2.priorityScore);
    const untouched = out.find((p) => p.recommendation.id === p3.recommendation.id)!;
    expect(untouched.priorityScore).toBeCloseTo(p3.priorityScore, 3);
  });

  it('lets strong agreement and ample resources lift a lower priority above one the client doubts', () => {
    const out = applyValidation(
      three,
      validation([
        { id: p2.recommendation.id, agreement: 3, resources: 'low' },
        { id: p3.recommendation.id, agreement: 5 },
      ]),
    );
    expect(out.map((p) => p.recommendation.id)).toEqual([p1, p3, p2].map((p) => p.recommendation.id));
  });

  it('is deterministic and leaves unanswered priorities as they were', () => {
    const v = validation([{ id: 'unknown:id:0', agreement: 1 }]);
    expect(applyValidation(three, v)).toEqual(applyValidation(three, v));
    expect(applyValidation(three, v).map((p) => [p.recommendation.id, p.priorityScore])).toEqual(
      three.map((p) => [p.recommendation.id, p.priorityScore]),
    );
  });
});
