import { DOMAIN_IDS, type DomainId } from '../domains';
import { profileSchema, type CompanyProfile } from '../profile';
import type { Question, RecommendationTemplate } from '../questionnaire/types';

/** Small, fully controlled question sets for tests of triage, prioritisation and the rule analyst. */

const PREFIX: Record<DomainId, string> = {
  'strategic-alignment': 'str',
  'financial-management': 'fin',
  'revenue-engine': 'rev',
  'operational-excellence': 'ops',
  'people-organization': 'ppl',
  'technology-data': 'tec',
  'customer-experience': 'cx',
  'supply-chain': 'sup',
  'risk-compliance': 'rsk',
  partnerships: 'prt',
  'customer-success': 'cs',
  'change-management': 'chg',
};

function template(id: string, horizon: RecommendationTemplate['horizon'], k: number): RecommendationTemplate {
  return {
    horizon,
    title: `Fix ${id} (${horizon})`,
    action: `Concrete action ${k} for ${id}.`,
    impact: k === 0 ? 'high' : 'medium',
    effort: k === 2 ? 'high' : 'low',
    revenueImpact: 0.5,
    efficiencyImpact: 0.4,
    competitiveImpact: 0.3,
    strategicImpact: 0.6,
  };
}

export function fakeQuestion(domain: DomainId, n: number, extra: Partial<Question> = {}): Question {
  const id = `${PREFIX[domain]}-${String(n).padStart(2, '0')}`;
  return {
    id,
    domain,
    topic: `${domain} topic ${n}`,
    prompt: `How is ${domain} item ${n} handled?`,
    options: [
      `${id} excellent practice`,
      `${id} good practice`,
      `${id} average practice`,
      `${id} poor practice`,
      `${id} broken practice`,
    ],
    followUps: [{ id: `${id}-f1`, prompt: `What have you tried on ${id}?` }],
    weakPractice: `Weak practice found on ${id}.`,
    strength: `Strong practice on ${id}.`,
    recommendations: [
      template(id, 'quick-win', 0),
      template(id, '30-90-days', 1),
      template(id, 'strategic', 2),
    ],
    ...extra,
  };
}

/** `perDomain` questions in each of the 12 domains; supply-chain questions need physical products. */
export function fakeQuestionSet(perDomain = 4): Question[] {
  return DOMAIN_IDS.flatMap((d) =>
    Array.from({ length: perDomain }, (_, i) =>
      fakeQuestion(d, i + 1, d === 'supply-chain' ? { conditions: ['physicalProducts'] } : {}),
    ),
  );
}

export function makeProfile(overrides: Partial<CompanyProfile> = {}): CompanyProfile {
  return profileSchema.parse({
    companyName: 'Acme Widgets Ltd',
    industry: 'other',
    revenueBand: '5m-10m',
    teamSize: '51-100',
    businessModel: 'b2b',
    growthStage: 'scaling',
    regulated: false,
    hasPhysicalProducts: false,
    ...overrides,
  });
}

/** Scores every question: `byDomain[domain]` when given, else `otherwise`. */
export function answerAll(
  questions: readonly Question[],
  byDomain: Partial<Record<DomainId, number>>,
  otherwise: number,
): { questionId: string; score: number }[] {
  return questions.map((q) => ({ questionId: q.id, score: byDomain[q.domain] ?? otherwise }));
}
