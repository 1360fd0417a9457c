import fc from 'fast-check';
import { healthBand, specialistAnalysisSchema } from '../domain/analysis';
import { DOMAIN_IDS, type DomainId } from '../domain/domains';
import { profileFacts } from '../domain/profile';
import { ALL_QUESTIONS } from '../domain/questionnaire';
import type { Question } from '../domain/questionnaire/types';
import { fakeQuestionSet, makeProfile } from '../domain/testing/fake-questions';
import { analyseDomainByRules, healthFromMean, type AnalystAnswer } from './rule-analyst';

const FAKE = fakeQuestionSet(6);
const SETS: [string, readonly Question[]][] = [
  ['fake questions', FAKE],
  ['real questionnaire', ALL_QUESTIONS],
];
const persona = { name: 'Rajiv Menon' };

function applicableIn(domain: DomainId, questions: readonly Question[], profile = makeProfile()) {
  const facts = profileFacts(profile);
  return questions.filter((q) => q.domain === domain && (q.conditions ?? []).every((c) => facts[c]));
}

describe('healthFromMean', () => {
  it('maps 1 → 10 and 5 → 1 linearly, rounded', () => {
    expect(healthFromMean(1)).toBe(10);
    expect(healthFromMean(5)).toBe(1);
    expect(healthFromMean(3)).toBe(6); // 5.5 rounds up
    expect(healthFromMean(2)).toBe(8); // 7.75
    expect(healthFromMean(4)).toBe(3); // 3.25
  });
});

function readDocument(fileName: string, domain: DomainId, label: string, value: string) {
  return {
    fileName,
    domain,
    contentType: 'application/octet-stream',
    extracted: {
      documentId: fileName,
      fileName,
      contentType: 'application/octet-stream',
      declaredDomain: domain,
      status: 'read' as const,
      text: '',
      facts: [
        { kind: 'label-value' as const, label, value, number: Number.parseFloat(value), domains: [domain] },
      ],
      tables: [],
    },
  };
}

describe.each(SETS)('analyseDomainByRules with %s', (_name, questions) => {
  const domain: DomainId = 'financial-management';
  const profile = makeProfile({ challenges: 'Cash runs short every quarter.' });
  const qs = applicableIn(domain, questions, profile);
  const withFollowUps = qs.filter((q) => (q.followUps?.length ?? 0) > 0);
  const worst = withFollowUps[0];
  const second = qs.find((q) => q !== worst)!;

  function answersWith(overrides: Record<string, number>, base = 2): AnalystAnswer[] {
    return qs.map((q) => ({ questionId: q.id, score: overrides[q.id] ?? base }));
  }

  it('cites the weakest answered questions first, with the chosen label and follow-up text', () => {
    const note = 'Payroll was nearly missed in March after a client paid 60 days late.';
    const answers = [
      ...answersWith({ [worst.id]: 5, [second.id]: 4 }),
      { questionId: worst.followUps![0].id, text: note },
    ];
    const a = analyseDomainByRules({ domain, persona, profile, answers, documents: [], questions });
    expect(() => specialistAnalysisSchema.parse(a)).not.toThrow();
    expect(a.findings[0].title).toBe(worst.weakPractice);
    expect(a.findings[0].severity).toBe('critical');
    expect(a.findings[0].evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'answer',
          ref: worst.id,
          quote: worst.options[4],
          where: worst.prompt,
        }),
        expect.objectContaining({ source: 'follow-up', ref: worst.followUps![0].id, quote: note }),
      ]),
    );
    // Each quote once: the follow-up is quoted in the evidence, not repeated in the detail.
    expect(a.findings[0].detail).not.toContain(note);
    expect(a.findings[1].title).toBe(second.weakPractice);
    expect(a.findings[1].evidence[0]).toEqual(
      expect.objectContaining({ source: 'answer', ref: second.id, quote: second.options[3] }),
    );
    expect(a.summary.toLowerCase()).toContain(worst.weakPractice.toLowerCase().replace(/\.$/, ''));
    expect(a.analyst).toBe('Rajiv Menon');
    // Recommendations come from the weak questions, weakest first.
    expect(a.recommendations[0].basedOn).toEqual([worst.id]);
    expect(a.recommendations[0].id).toMatch(new RegExp(`^${domain}:${worst.id}:\\d+$`));
    for (const r of a.recommendations) expect([worst.id, second.id]).toContain(r.basedOn[0]);
  });

  it('gives different findings and scores for different answer sets', () => {
    const one = analyseDomainByRules({
      domain,
      persona,
      profile,
      answers: answersWith({ [qs[0].id]: 5, [qs[1].id]: 5 }, 3),
      documents: [],
      questions,
    });
    const two = analyseDomainByRules({
      domain,
      persona,
      profile,
      answers: answersWith({ [qs[2].id]: 4 }, 1),
      documents: [],
      questions,
    });
    expect(one.healthScore).not.toBe(two.healthScore);
    expect(one.findings.map((f) => f.title)).not.toEqual(two.findings.map((f) => f.title));
    expect(one.findings[0].evidence[0].ref).toBe(qs[0].id);
    expect(two.findings[0].evidence[0].ref).toBe(qs[2].id);
    expect(one.summary).not.toBe(two.summary);
  });

  it('reports strengths for a healthy domain and still recommends something', () => {
    const a = analyseDomainByRules({
      domain,
      persona,
      profile: makeProfile({}),
      answers: answersWith({}, 1),
      documents: [],
      questions,
    });
    expect(a.healthScore).toBe(10);
    expect(a.band).toBe('excellent');
    expect(a.findings.every((f) => f.severity === 'low')).toBe(true);
    expect(a.findings[0].title.toLowerCase()).toContain(qs[0].topic.toLowerCase());
    expect(a.recommendations.length).toBeGreaterThan(0);
  });

  it('adds document evidence for documents filed under the domain only', () => {
    const a = analyseDomainByRules({
      domain,
      persona,
      profile,
      answers: answersWith({ [worst.id]: 5 }),
      documents: [
        readDocument('cash-forecast.xlsx', domain, 'Weeks of cash cover', '5 weeks'),
        readDocument('org-chart.pdf', 'people-organization', 'Managers', '4'),
        // Stored but not read (no extraction): never cited as if it had been read.
        { fileName: 'bank-statement.png', domain, contentType: 'image/png' },
      ],
      questions,
    });
    const refs = a.findings.flatMap((f) =>
      f.evidence.filter((e) => e.source === 'document').map((e) => e.ref),
    );
    expect(refs).toEqual(['cash-forecast.xlsx']);
  });

  it('falls back to moderate answers and the profile when few answers are weak', () => {
    const a = analyseDomainByRules({
      domain,
      persona,
      profile,
      answers: [{ questionId: qs[0].id, score: 4 }],
      documents: [],
      questions,
    });
    expect(a.findings.length).toBeGreaterThanOrEqual(3);
    expect(a.findings[0].evidence[0].ref).toBe(qs[0].id);
    expect(
      a.findings.some((f) => f.evidence.some((e) => e.source === 'profile' && e.ref === 'challenges')),
    ).toBe(true);
    const full = analyseDomainByRules({
      domain,
      persona,
      profile,
      answers: answersWith({}, 4),
      documents: [],
      questions,
    });
    expect(a.confidence).toBeLessThan(full.confidence);
  });

  it('raises confidence when the founder explains trigger answers', () => {
    const answers = answersWith({}, 4);
    const notes = withFollowUps.map((q) => ({ questionId: q.followUps![0].id, text: `Explained ${q.id}` }));
    const without = analyseDomainByRules({ domain, persona, profile, answers, documents: [], questions });
    const withNotes = analyseDomainByRules({
      domain,
      persona,
      profile,
      answers: [...answers, ...notes],
      documents: [],
      questions,
    });
    expect(withNotes.confidence).toBeGreaterThan(without.confidence);
    expect(withNotes.confidence).toBeLessThanOrEqual(10);
  });

  it('produces a schema-valid, grounded analysis for every domain and any answers (property)', () => {
    const domainsFor = DOMAIN_IDS.filter((d) => applicableIn(d, questions, profile).length > 0);
    const arb = fc.record({
      domain: fc.constantFrom(...domainsFor),
      scores: fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), {
        minLength: questions.length,
        maxLength: questions.length,
      }),
      withNotes: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ domain: d, scores, withNotes }) => {
        const answers: AnalystAnswer[] = questions.flatMap((q, i) => {
          const s = scores[i];
          if (s === undefined) return [];
          const notes =
            withNotes && s >= 4
              ? (q.followUps ?? []).map((f) => ({ questionId: f.id, text: `note ${f.id}` }))
              : [];
          return [{ questionId: q.id, score: s }, ...notes];
        });
        const a = analyseDomainByRules({ domain: d, persona, profile, answers, documents: [], questions });
        expect(specialistAnalysisSchema.safeParse(a).success).toBe(true);
        expect(a.band).toBe(healthBand(a.healthScore));
        expect(a.recommendations.length).toBeLessThanOrEqual(8);
        expect(new Set(a.recommendations.map((r) => r.id)).size).toBe(a.recommendations.length);
        const answered = applicableIn(d, questions, profile)
          .map((q) => ({ q, s: scores[questions.indexOf(q)] }))
          .filter((x): x is { q: Question; s: number } => x.s !== undefined);
        if (answered.length) {
          // Severity from evidence: an answer at 5 never leaves the domain excellent.
          const maxScore = Math.max(...answered.map((x) => x.s));
          if (maxScore === 5) expect(a.healthScore).toBeLessThanOrEqual(8);
          // The first finding cites a weakest answer (its own answer or its follow-up).
          const refs = a.findings[0].evidence.map((e) => e.ref.replace(/-f\d$/, ''));
          const first = answered.find((x) => refs.includes(x.q.id));
          if (maxScore >= 4) expect(first?.s).toBeGreaterThanOrEqual(4);
          // Recommendations come from questions scored ≥ 3 when there are any.
          if (maxScore >= 3) {
            for (const r of a.recommendations) {
              expect(answered.find((x) => x.q.id === r.basedOn[0])!.s).toBeGreaterThanOrEqual(3);
            }
          }
          // Horizons are covered when the weak questions offer them.
          const offered = new Set(
            answered.filter((x) => x.s >= 3).flatMap((x) => x.q.recommendations.map((t) => t.horizon)),
          );
          for (const h of offered) expect(a.recommendations.map((r) => r.horizon)).toContain(h);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('analyseDomainByRules on the real questionnaire', () => {
  it('analyses every applicable domain for a broad profile', () => {
    const profile = makeProfile({
      industry: 'manufacturing',
      hasPhysicalProducts: true,
      regulated: true,
      subscriptionModel: true,
      channelSales: true,
      teamSize: '101-250',
      revenueBand: '10m-25m',
    });
    const answers = ALL_QUESTIONS.map((q, i) => ({ questionId: q.id, score: ((i * 7) % 5) + 1 }));
    for (const domain of DOMAIN_IDS) {
      const a = analyseDomainByRules({ domain, persona, profile, answers, documents: [] });
      expect(a.domain).toBe(domain);
      expect(a.findings.length).toBeGreaterThanOrEqual(3);
      expect(a.dependencies.every((d) => d.domain !== domain)).toBe(true);
    }
  });
});
