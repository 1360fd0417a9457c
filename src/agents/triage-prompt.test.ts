import { encode } from 'gpt-tokenizer';
import { DOMAIN_IDS } from '../domain/domains';
import { profileFacts } from '../domain/profile';
import { ALL_QUESTIONS } from '../domain/questionnaire';
import { answerAll, fakeQuestionSet, makeProfile } from '../domain/testing/fake-questions';
import { triageRules } from '../domain/triage';
import { buildTriagePrompt, TRIAGE_JSON_SCHEMA } from './triage-prompt';

const FAKE = fakeQuestionSet(4);

describe('buildTriagePrompt', () => {
  it('stays under 5,000 tokens for a fully answered questionnaire with long notes', () => {
    const profile = makeProfile({
      industry: 'manufacturing',
      regulated: true,
      hasPhysicalProducts: true,
      subscriptionModel: true,
      channelSales: true,
      headcountGrowthOver50: true,
      teamSize: '101-250',
      revenueBand: '25m-50m',
      businessModel: 'marketplace',
      challenges: 'Cash is tight and hiring is slow. '.repeat(115),
      objectives: 'Double revenue in three years without losing margin. '.repeat(70),
    });
    const answers = ALL_QUESTIONS.flatMap((q, i) => [
      { questionId: q.id, score: (i % 5) + 1 },
      ...(q.followUps ?? []).map((f) => ({
        questionId: f.id,
        text: `We tried several things on ${q.topic}, none stuck; it costs us weeks each quarter. `.repeat(8),
      })),
    ]);
    const rule = triageRules({ profile, answers });
    const { system, user } = buildTriagePrompt(profile, answers, rule);
    const tokens = encode(system).length + encode(user).length;
    expect(tokens).toBeLessThan(5000);
    // Every applicable answered question appears, with its score.
    const facts = profileFacts(profile);
    for (const q of ALL_QUESTIONS.filter((x) => (x.conditions ?? []).every((c) => facts[c]))) {
      expect(user).toContain(`${q.id} ${q.topic}: `);
    }
    expect(user).toContain('locked: ');
    expect(system).toMatch(/JSON/);
  });

  it('includes follow-up notes and the founder’s challenges when they fit', () => {
    const questions = FAKE;
    const profile = makeProfile({ challenges: 'Our best engineer is leaving.' });
    const answers = [
      ...answerAll(questions, { 'financial-management': 5 }, 2),
      { questionId: 'fin-01-f1', text: 'We tried a spreadsheet forecast.' },
    ];
    const rule = triageRules({ profile, answers, questions });
    const { user } = buildTriagePrompt(profile, answers, rule, questions);
    expect(user).toContain('We tried a spreadsheet forecast.');
    expect(user).toContain('Our best engineer is leaving.');
    expect(user).toContain('fin-01 financial-management topic 1: 5 "fin-01 broken practice"');
    expect(user).toMatch(/supply-chain: not applicable/);
  });
});

describe('TRIAGE_JSON_SCHEMA', () => {
  it('describes the fields refineTriage reads', () => {
    expect(TRIAGE_JSON_SCHEMA).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['activatedDomains', 'reasons', 'confidence'],
    });
    const props = TRIAGE_JSON_SCHEMA.properties as Record<string, { items?: { enum?: string[] } }>;
    expect(props.activatedDomains.items!.enum).toEqual([...DOMAIN_IDS]);
  });
});
