import { profileSchema, type CompanyProfile } from '../../src/domain/profile';
import { applicableQuestions, followUpById, questionById } from '../../src/domain/questionnaire';
import { validationSchema } from '../../src/domain/validation';
import { EVAL_COMPANIES, CI_COMPANY_KEYS, companiesByKey } from './companies';
import { formatOf, generateDocument } from './documents';
import { HIRING_STEP, type EvalCompany, type EvalDocumentSpec } from './types';

/** The evaluation set itself must be sound, or its figures mean nothing. Pure checks, no stack. */

function clientTexts(c: EvalCompany): string[] {
  const v = [c.validation, c.opposite].flatMap((x) => [
    x.constraints,
    x.successCriteria,
    ...Object.values(x.byDomain).flatMap((p) => [p.reason ?? '', p.context ?? '']),
  ]);
  return [c.profile.challenges, c.profile.objectives, ...Object.values(c.followUps), ...v];
}

function documentText(d: EvalDocumentSpec): string {
  return [
    d.title,
    ...(d.paragraphs ?? []),
    ...(d.tables ?? []).flatMap((t) => [
      t.name,
      ...t.headers,
      ...t.rows.flatMap((r) => r.map((v, i) => cellForms(v, t.headers[i] ?? '')).flat()),
      ...(t.headers.length === 2 ? t.rows.map((r) => `${r[0]}: ${r[1]}`) : []),
    ]),
  ].join('\n');
}

/** A cell as a reader may quote it: raw, with thousands separators, with the unit its header gives. */
function cellForms(v: string | number, header: string): string[] {
  if (typeof v !== 'number') return [v];
  const grouped = v.toLocaleString('en-GB');
  const out = [String(v), grouped];
  if (header.includes('%')) out.push(`${v}%`);
  if (/\(days\)/.test(header)) out.push(`${v} days`);
  if (/GBP|£|MRR|value|revenue|receipts|payments|balance|payroll|flow/i.test(header)) out.push(`£${grouped}`);
  return out;
}

function concernShare(c: EvalCompany) {
  const concerns = Object.entries(c.scores).filter(([, s]) => s >= 4);
  const byDomain = new Map<string, number>();
  for (const [id] of concerns) {
    const d = questionById(id)!.domain;
    byDomain.set(d, (byDomain.get(d) ?? 0) + 1);
  }
  const top2 = [...byDomain.values()].sort((a, b) => b - a).slice(0, 2);
  return {
    concerns: concerns.length,
    top2Share: top2.reduce((a, b) => a + b, 0) / Math.max(1, concerns.length),
  };
}

describe('analysis evaluation set', () => {
  it('has at least six contrasting companies, two with a concentrated problem and one healthy one', () => {
    expect(EVAL_COMPANIES.length).toBeGreaterThanOrEqual(6);
    expect(new Set(EVAL_COMPANIES.map((c) => c.key)).size).toBe(EVAL_COMPANIES.length);
    const p = EVAL_COMPANIES.map((c) => c.profile);
    expect(new Set(p.map((x) => `${x.industry}/${x.businessModel}/${x.teamSize}`)).size).toBe(p.length);
    expect(new Set(p.map((x) => x.industry)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(EVAL_COMPANIES.map((c) => c.profile.teamSize)).size).toBeGreaterThanOrEqual(3);
    const shares = EVAL_COMPANIES.map(concernShare);
    expect(shares.filter((s) => s.concerns >= 5 && s.top2Share >= 0.75).length).toBeGreaterThanOrEqual(2);
    expect(shares.filter((s) => s.concerns <= 2).length).toBeGreaterThanOrEqual(1);
    expect(companiesByKey(CI_COMPANY_KEYS).length).toBeGreaterThanOrEqual(2);
  });

  describe.each(EVAL_COMPANIES.map((c) => [c.key, c] as const))('%s', (_key, c) => {
    let profile: CompanyProfile;
    beforeAll(() => {
      profile = profileSchema.parse(c.profile);
    });

    it('answers exactly the applicable questions, with realistic (non-uniform) scores', () => {
      const applicable = applicableQuestions(profile)
        .map((q) => q.id)
        .sort();
      expect(Object.keys(c.scores).sort()).toEqual(applicable);
      const values = Object.values(c.scores);
      expect(new Set(values).size).toBeGreaterThanOrEqual(3);
    });

    it('gives follow-ups only where a question scored 4–5 opened them', () => {
      for (const id of Object.keys(c.followUps)) {
        const f = followUpById(id);
        expect(f).toBeDefined();
        expect(c.scores[f!.question.id]).toBeGreaterThanOrEqual(4);
      }
    });

    it('expects 3–5 domains, distinct from the healthy ones', () => {
      expect(c.expected.domains.length).toBeGreaterThanOrEqual(3);
      expect(c.expected.domains.length).toBeLessThanOrEqual(5);
      expect(c.expected.domains.filter((d) => c.expected.healthy.includes(d))).toEqual([]);
      expect(c.expected.healthy.length).toBeGreaterThanOrEqual(2);
      expect(c.expected.conclusions.length).toBeGreaterThanOrEqual(3);
    });

    it('quotes statements that are verbatim in what the client wrote', () => {
      const written = [c.profile.challenges, c.profile.objectives, ...Object.values(c.followUps)].join('\n');
      expect(c.expected.statements.length).toBeGreaterThanOrEqual(1);
      for (const s of c.expected.statements) expect(written).toContain(s);
    });

    it('has 2–3 documents whose expected figures exist only in the files', async () => {
      expect(c.documents.length).toBeGreaterThanOrEqual(2);
      expect(c.documents.length).toBeLessThanOrEqual(3);
      const inDocs = c.documents.map(documentText).join('\n');
      const typed = clientTexts(c).join('\n');
      for (const fact of c.expected.documentFacts) {
        expect({ fact: fact.what, inDocuments: fact.forms.some((f) => inDocs.includes(f)) }).toEqual({
          fact: fact.what,
          inDocuments: true,
        });
        expect({ fact: fact.what, typed: fact.forms.filter((f) => typed.includes(f)) }).toEqual({
          fact: fact.what,
          typed: [],
        });
      }
      const magic = { csv: null, xlsx: 'PK', docx: 'PK', pdf: '%PDF-' } as const;
      for (const d of c.documents) {
        const { bytes, contentType } = await generateDocument(d);
        expect(bytes.length).toBeGreaterThan(100);
        expect(bytes.length).toBeLessThan(10 * 1024 * 1024);
        expect(contentType).toMatch(/\//);
        const m = magic[formatOf(d.fileName)];
        if (m) expect(bytes.subarray(0, m.length).toString('latin1')).toBe(m);
      }
    });

    it('has a validation that rejects a priority and an opposite validation that reverses it', () => {
      const rejected = Object.entries(c.validation.byDomain).filter(([, v]) => v.agreement <= 2);
      expect(rejected.length).toBeGreaterThanOrEqual(1);
      for (const [domain, vote] of Object.entries(c.validation.byDomain)) {
        const other = c.opposite.byDomain[domain as keyof typeof c.opposite.byDomain];
        expect(other).toBeDefined();
        if (vote.agreement >= 4) expect(other!.agreement).toBeLessThanOrEqual(2);
        if (vote.agreement <= 2) expect(other!.agreement).toBeGreaterThanOrEqual(4);
      }
      expect(c.opposite.capacityForChange).toBe('very-low');
      expect(c.opposite.forbidden).toContain(HIRING_STEP);
      for (const v of [c.validation, c.opposite]) {
        const body = {
          priorities: Object.entries(v.byDomain).map(([d, p]) => ({ recommendationId: d, ...p })),
          capacityForChange: v.capacityForChange,
          timelinePreference: v.timelinePreference,
          constraints: v.constraints,
          successCriteria: v.successCriteria,
        };
        expect(validationSchema.safeParse(body).success).toBe(true);
      }
    });
  });

  it('uses every document format across the set', () => {
    const formats = new Set(EVAL_COMPANIES.flatMap((c) => c.documents.map((d) => formatOf(d.fileName))));
    expect([...formats].sort()).toEqual(['csv', 'docx', 'pdf', 'xlsx']);
  });

  it('recognises a hiring step and not a sentence that respects the freeze', () => {
    expect(HIRING_STEP.pattern.test('Hire a customer success manager by February.')).toBe(true);
    expect(HIRING_STEP.pattern.test('Recruit two bilingual agents.')).toBe(true);
    expect(HIRING_STEP.pattern.test('Open a new role for a sales lead.')).toBe(true);
    expect(HIRING_STEP.pattern.test('Because of your hiring freeze, this plan adds no roles.')).toBe(false);
    expect(HIRING_STEP.pattern.test('Train an existing team leader as the second owner.')).toBe(false);
  });
});
