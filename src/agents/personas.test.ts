import { EVIDENCE_DERIVED_FIELDS, specialistAnalysisSchema } from '../domain/analysis';
import { DOMAIN_IDS, domainName, type DomainId } from '../domain/domains';
import { ALL_QUESTIONS } from '../domain/questionnaire';
import { fakeQuestionSet, makeProfile } from '../domain/testing/fake-questions';
import { TRIAGE_SYSTEM_PROMPT } from './triage-prompt';
import { encode } from 'gpt-tokenizer';
import { saasCompany, servicesCompany } from '../../test/fixtures/companies';
import type { DocumentFact, ExtractedDocument } from '../domain/document-facts';
import { profileFacts } from '../domain/profile';
import { isApplicable } from '../domain/questionnaire';
import {
  buildSpecialistUserPrompt,
  DOCUMENT_FACT_TOKEN_BUDGET,
  domainFacts,
  factLine,
  MAX_STRENGTH_LABELS,
  SPECIALIST_PERSONAS,
  TRIAGE_PERSONA,
} from './personas';
import { SPECIALIST_JSON_SCHEMA } from './specialist-output';
import { analyseDomainByRules } from './rule-analyst';
import { findingProblem, indexInputs } from './evidence-guard';

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

  it('does not repeat what the output schema says, and keeps what it cannot say', () => {
    for (const p of Object.values(SPECIALIST_PERSONAS)) {
      // The schema's enums and field lists (severity, source, impact/effort, tags, scores, dependencies).
      for (const repeated of [
        'critical',
        'system-change',
        'competitive advantage',
        'low, medium',
        'Dependencies',
        'source answer',
      ])
        expect(p.systemPrompt).not.toContain(repeated);
      // The evidence rules the guard enforces, the horizons' meaning and the score scale are not in the schema.
      expect(p.systemPrompt).toContain('quote = words copied exactly');
      expect(p.systemPrompt).toMatch(/follow-up id, file name/);
      expect(p.systemPrompt).toMatch(/quick-win within 30 days.*strategic beyond 90 days/);
      expect(p.systemPrompt).toContain('4–5 a serious concern');
      expect(encode(p.systemPrompt).length).toBeLessThanOrEqual(300);
    }
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

  it('writes an answer given to several follow-ups once, and profile flags only where the company line is silent', () => {
    const prompt = buildSpecialistUserPrompt({
      domain: 'financial-management',
      profile: makeProfile({ regulated: true, businessModel: 'b2b', teamSize: '51-100' }),
      // two follow-ups on each question
      questions: questions.map((q) => ({
        ...q,
        followUps: [...(q.followUps ?? []), { id: `${q.id}-f2`, prompt: `And since then on ${q.id}?` }],
      })),
      answers: [
        { questionId: 'fin-01', score: 4 },
        { questionId: 'fin-01-f1', text: 'Same words twice.' },
        { questionId: 'fin-01-f2', text: 'Same words twice.' },
        { questionId: 'fin-02', score: 3 },
        { questionId: 'fin-02-f1', text: 'First answer.' },
        { questionId: 'fin-02-f2', text: 'Second answer.' },
      ],
      documents: [],
    });
    expect(prompt.match(/Same words twice\./g)).toHaveLength(1);
    expect(prompt).toContain(' fin-01-f1: "Same words twice."');
    expect(prompt).toContain(' fin-02-f1: "First answer."');
    expect(prompt).toContain(' fin-02-f2: "Second answer."');
    const company = prompt.split('\n').find((l) => l.startsWith('Company: '))!;
    expect(company).toMatch(/; regulated$/);
    expect(company).not.toMatch(/over50Employees|b2b,/);
    // the domain is named by the system prompt, not repeated here
    expect(prompt).not.toContain('Domain:');
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

describe('specialist prompt: evidence kept, document facts within the token budget', () => {
  const companies = [saasCompany, servicesCompany];

  it('carries every follow-up answer verbatim and every document fact of the domain (fixtures)', () => {
    for (const c of companies) {
      const facts = profileFacts(c.profile);
      const texts = new Map(c.answers.filter((a) => a.text).map((a) => [a.questionId, a.text!]));
      const scores = new Map(c.answers.filter((a) => a.score).map((a) => [a.questionId, a.score!]));
      for (const domain of DOMAIN_IDS) {
        const prompt = buildSpecialistUserPrompt({
          domain,
          profile: c.profile,
          answers: c.answers,
          documents: c.documents,
        });
        for (const q of ALL_QUESTIONS.filter((x) => x.domain === domain && isApplicable(x, facts))) {
          if ((scores.get(q.id) ?? 0) < 3) continue;
          for (const f of q.followUps ?? [])
            if (texts.has(f.id)) expect(prompt).toContain(`"${texts.get(f.id)}"`);
        }
        for (const doc of c.documents)
          for (const fact of domainFacts(doc, domain)) expect(prompt).toContain(factLine(fact));
        // and nothing of the documents that does not bear on the domain
        for (const doc of c.documents)
          if (!domainFacts(doc, domain).length && doc.domain !== domain)
            expect(prompt).not.toContain(doc.fileName);
      }
    }
  });

  it('every ref and quote in the prompt is one the evidence guard accepts (answers, follow-ups, facts, profile)', () => {
    let checked = 0;
    for (const c of companies)
      for (const domain of DOMAIN_IDS) {
        const input = { domain, profile: c.profile, answers: c.answers, documents: c.documents };
        const prompt = buildSpecialistUserPrompt(input);
        const index = indexInputs({ ...input, instructions: SPECIALIST_PERSONAS[domain].systemPrompt });
        const cited: { ref: string; quote: string }[] = [];
        for (const line of prompt.split('\n')) {
          const answer = /^([a-z]+-\d+) .* [1-5] "(.*)"$/.exec(line);
          const followUp = /^ ([a-z]+-\d+-f\d): "(.*)"$/.exec(line);
          const doc = /^(\S+\.(?:pdf|xlsx|csv|docx)): (.*)$/.exec(line);
          const profile = /^(challenges|objectives): (.*)$/.exec(line);
          for (const m of [answer, followUp, profile]) if (m) cited.push({ ref: m[1], quote: m[2] });
          if (doc && !/^not read|^read, no figures/.test(doc[2]))
            for (const fact of doc[2].split(' | ')) cited.push({ ref: doc[1], quote: fact });
        }
        for (const e of cited) {
          const problem = findingProblem(
            {
              title: 'A grounded finding',
              detail: 'Taken from what the client gave.',
              severity: 'medium',
              evidence: [{ source: 'answer', ...e }],
            },
            index,
          );
          expect({ ...e, problem }).toEqual({ ...e, problem: null });
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(100);
  });

  it('ranks a long document’s facts and cuts them at DOCUMENT_FACT_TOKEN_BUDGET', () => {
    const fact = (i: number, domains: DomainId[]): DocumentFact => ({
      kind: 'label-value',
      label: `Metric number ${i} of the monthly finance pack`,
      value: `£${i + 1}0k in March, against £${i + 2}5k budgeted`,
      number: (i + 1) * 10_000,
      unit: 'gbp',
      domains,
    });
    const extracted: ExtractedDocument = {
      documentId: 'd1',
      fileName: 'finance-pack.xlsx',
      contentType: 'text/csv',
      declaredDomain: null,
      status: 'read',
      text: '',
      // Secondary-domain facts first in the file; the primary-domain ones must still win the budget.
      facts: [
        ...Array.from({ length: 100 }, (_, i) => fact(i, ['revenue-engine', 'financial-management'])),
        ...Array.from({ length: 100 }, (_, i) => fact(100 + i, ['financial-management'])),
      ],
      tables: [],
    };
    const prompt = buildSpecialistUserPrompt({
      domain: 'financial-management',
      profile: saasCompany.profile,
      answers: [],
      documents: [{ fileName: 'finance-pack.xlsx', domain: null, contentType: 'text/csv', extracted }],
    });
    const docLine = prompt.split('\n').find((l) => l.startsWith('finance-pack.xlsx: '))!;
    expect(encode(docLine.slice('finance-pack.xlsx: '.length)).length).toBeLessThanOrEqual(
      DOCUMENT_FACT_TOKEN_BUDGET,
    );
    expect(docLine).toContain(factLine(extracted.facts[100]));
    expect(docLine).not.toContain(factLine(extracted.facts[0]));
    expect(prompt).toMatch(/\(\d+ lower-ranked document facts left out for length\)/);
  });

  it('gives strengths their wording only where the model needs it', () => {
    const questions = fakeQuestionSet(6);
    const strong = [1, 2, 3, 4, 5].map((n) => ({ questionId: `fin-0${n}`, score: 2 }));
    const allStrong = buildSpecialistUserPrompt({
      domain: 'financial-management',
      profile: null,
      questions,
      answers: strong,
      documents: [],
    });
    expect(allStrong.match(/good practice"/g)).toHaveLength(5);
    const mixed = buildSpecialistUserPrompt({
      domain: 'financial-management',
      profile: null,
      questions,
      answers: [...strong, { questionId: 'fin-06', score: 5 }],
      documents: [],
    });
    expect(mixed.match(/good practice"/g)).toHaveLength(MAX_STRENGTH_LABELS);
    expect(mixed).toContain('fin-06 financial-management topic 6 5 "fin-06 broken practice"');
    expect(mixed).toMatch(/also fin-0\d financial-management topic \d 2; fin-0\d/);
  });
});
