import { EVIDENCE_DERIVED_FIELDS, specialistAnalysisSchema } from '../domain/analysis';
import { DOMAIN_IDS, domainName, type DomainId } from '../domain/domains';
import { ALL_QUESTIONS } from '../domain/questionnaire';
import { fakeQuestionSet, makeProfile } from '../domain/testing/fake-questions';
import { TRIAGE_SYSTEM_PROMPT } from './triage-prompt';
import { buildSpecialistUserPrompt, SPECIALIST_PERSONAS, TRIAGE_PERSONA } from './personas';
import { SPECIALIST_JSON_SCHEMA } from './specialist-output';
import { analyseDomainByRules } from './rule-analyst';

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('SPECIALIST_PERSONAS', () => {
  it('has one distinct persona per domain with a short system prompt asking for JSON in UK English', () => {
    expect(Object.keys(SPECIALIST_PERSONAS).sort()).toEqual([...DOMAIN_IDS].sort());
    const names = Object.values(SPECIALIST_PERSONAS).map((p) => p.name);
    expect(new Set([...names, TRIAGE_PERSONA.name]).size).toBe(13);
    for (const [domain, p] of Object.entries(SPECIALIST_PERSONAS)) {
      expect(words(p.systemPrompt)).toBeLessThanOrEqual(350);
      expect(p.systemPrompt).toContain(p.name);
      expect(p.systemPrompt).toContain(domainName(domain as DomainId));
      expect(p.systemPrompt).toMatch(/JSON/);
      expect(p.systemPrompt).toMatch(/UK English/);
      expect(p.background.length).toBeGreaterThan(40);
      expect(p.style.length).toBeGreaterThan(20);
    }
    expect(TRIAGE_PERSONA.systemPrompt).toBe(TRIAGE_SYSTEM_PROMPT);
  });
});

describe('buildSpecialistUserPrompt', () => {
  const questions = fakeQuestionSet(3);
  const profile = makeProfile({
    challenges: 'Margins are shrinking.',
    objectives: 'Sell the business in 2030.',
  });

  it('renders the domain’s answers, follow-ups, gaps and documents and nothing from other domains', () => {
    const prompt = buildSpecialistUserPrompt({
      domain: 'financial-management',
      profile,
      questions,
      answers: [
        { questionId: 'fin-01', score: 5 },
        { questionId: 'fin-01-f1', text: 'We tried a spreadsheet.' },
        { questionId: 'fin-02', score: 2 },
        { questionId: 'rev-01', score: 5 },
        { questionId: 'rev-01-f1', text: 'Secret revenue note.' },
      ],
      documents: [
        { fileName: 'budget.xlsx', domain: 'financial-management', contentType: 'application/vnd.ms-excel' },
        { fileName: 'board-pack.pdf', domain: null, contentType: 'application/pdf' },
        { fileName: 'org.pdf', domain: 'people-organization', contentType: 'application/pdf' },
      ],
    });
    expect(prompt).toContain('fin-01 financial-management topic 1 5 "fin-01 broken practice"');
    expect(prompt).toContain(' fin-01-f1: "We tried a spreadsheet."');
    expect(prompt).toContain('fin-02 financial-management topic 2 2 "fin-02 good practice"');
    expect(prompt).toContain('Unanswered: fin-03 financial-management topic 3');
    expect(prompt).toContain('budget.xlsx: not read yet');
    expect(prompt).toContain('Margins are shrinking.');
    expect(prompt).toContain('Sell the business in 2030.');
    // A general document with nothing read for this domain adds nothing.
    expect(prompt).not.toContain('board-pack.pdf');
    expect(prompt).not.toContain('rev-01');
    expect(prompt).not.toContain('Secret revenue note.');
    expect(prompt).not.toContain('org.pdf');
  });

  it('works on the real questionnaire without a profile', () => {
    const prompt = buildSpecialistUserPrompt({
      domain: 'strategic-alignment',
      profile: null,
      answers: [],
      documents: [],
    });
    const first = ALL_QUESTIONS.find((q) => q.domain === 'strategic-alignment' && !q.conditions?.length)!;
    expect(prompt).toContain('Company: no profile given.');
    expect(prompt).toContain(`${first.id} ${first.topic}`);
  });
});

describe('SPECIALIST_JSON_SCHEMA', () => {
  type Obj = { required: string[]; properties: Record<string, { items?: Obj } & Partial<Obj>> };
  const schema = SPECIALIST_JSON_SCHEMA as unknown as Obj;
  // Written by the model; the rest of specialistAnalysisSchema is derived (ids, origins, band) or evidence-derived.
  const DERIVED = ['domain', 'analyst', 'band', ...EVIDENCE_DERIVED_FIELDS];

  it('asks the model only for the judgement fields of specialistAnalysisSchema', () => {
    const llmFields = Object.keys(specialistAnalysisSchema.shape)
      .filter((k) => !DERIVED.includes(k))
      .sort();
    expect([...schema.required].sort()).toEqual(llmFields);
    expect(Object.keys(schema.properties).sort()).toEqual(llmFields);
  });

  it('is strict: every object closed and every property required', () => {
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (o.type === 'object') {
        expect(o.additionalProperties).toBe(false);
        expect([...(o.required as string[])].sort()).toEqual(Object.keys(o.properties as object).sort());
      }
      Object.values(o).forEach(visit);
    };
    visit(schema);
  });

  it('describes what the rule analyst produces, less the derived id, domain and origin', () => {
    const a = analyseDomainByRules({
      domain: 'financial-management',
      persona: { name: 'Rajiv Menon' },
      profile: makeProfile(),
      answers: [{ questionId: 'fin-01', score: 5 }],
      documents: [],
      questions: fakeQuestionSet(3),
    });
    const finding = schema.properties.findings.items!;
    expect(Object.keys(a.findings[0]).sort()).toEqual([...finding.required].sort());
    const recommendation = schema.properties.recommendations.items!;
    expect(
      Object.keys(a.recommendations[0])
        .filter((k) => k !== 'id' && k !== 'domain')
        .sort(),
    ).toEqual([...recommendation.required].sort());
    const evidence = finding.properties.evidence.items!;
    expect(
      Object.keys(a.findings[0].evidence[0])
        .filter((k) => k !== 'where')
        .sort(),
    ).toEqual([...evidence.required].sort());
  });
});
