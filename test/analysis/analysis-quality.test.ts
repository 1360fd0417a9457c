import { HIRING_WORDS } from '../../src/analysis/constraints';
import { findClientTextViolations } from '../../src/domain/client-text';
import type { ValidationResponse } from '../../src/domain/validation';
import { saasCompany, servicesCompany } from '../fixtures/companies';
import { runCompany, sentencesOfText, sharedShare } from './run-company';

/**
 * The targets on two contrasting companies, through the pure analysis path (the evaluation engineer's
 * `npm run eval:analysis` runs the full set through the pipeline on the local stack).
 */

const saas = runCompany(saasCompany);
const services = runCompany(servicesCompany);

/** Client-visible text without the links (which carry the assessment id by design). */
const clientText = (r: ReturnType<typeof runCompany>) =>
  [r.summary, r.report, r.kits, r.kitsEmail].join('\n').replace(/https?:\/\/\S+/g, '');

function opposite(r: ReturnType<typeof runCompany>): ValidationResponse {
  return {
    priorities: r.priorities.map((p, i) => ({
      recommendationId: p.recommendation.id,
      agreement: i === 0 ? 1 : 5,
      resources: i === 0 ? 'very-low' : 'high',
      reason: i === 0 ? 'We tried this last year and it did not work.' : undefined,
      context: i === 1 ? 'Maria Lopez will lead this.' : undefined,
    })),
    capacityForChange: 'very-low',
    timelinePreference: 'conservative',
    constraints: 'Hiring freeze until April. No system changes from 1 December to 10 January.',
    successCriteria: 'Gross revenue churn below 1.5% a month; utilisation back to 70%',
  };
}

describe('analysis quality on contrasting companies', () => {
  it('never makes a domain rated good a priority, and finds the headline problem', () => {
    for (const r of [saas, services]) {
      for (const p of r.priorities) {
        const a = r.analyses.find((x) => x.domain === p.recommendation.domain)!;
        expect(a.healthScore).toBeLessThan(6);
      }
    }
    // The SaaS company's churn (its board pack and its own words) is critical, not diluted by an average.
    const cs = saas.analyses.find((a) => a.domain === 'customer-success')!;
    expect(cs.band).toBe('critical');
    expect(saas.priorities[0].recommendation.domain).toBe('customer-success');
    // The consultancy's founder dependence leads, with the founder's own words quoted.
    expect(services.priorities[0].recommendation.domain).toBe('revenue-engine');
    expect(services.summary).toContain('I am the only person our clients will deal with');
  });

  it('cites document facts and client statements, each quote once per document', () => {
    expect(saas.report).toContain('board-pack-q3.pdf: “Monthly gross revenue churn: 3.4%”');
    expect(services.report).toContain('utilisation-2026.csv');
    expect(services.summary).toContain(
      '“Last year we wrote off about £120k of overrun days on fixed-fee projects”',
    );
    for (const r of [saas, services]) {
      for (const doc of [r.summary, r.report]) {
        const quotes = [...doc.matchAll(/“([^”]{20,})”/g)].map((m) => m[1]);
        // Question wording may repeat (it says where a quote came from); the client's words may not.
        const evidenceQuotes = quotes.filter(
          (q) => !/^(?:How|What|When|Which|Where|Who|Do|Does|If|Is|Are)\b/.test(q),
        );
        expect(new Set(evidenceQuotes).size).toBe(evidenceQuotes.length);
      }
    }
  });

  it('puts a £ range with its assumptions on each priority', () => {
    expect(services.summary).toMatch(
      /What it is worth: About £48,000 to £96,000 a year by fixing what we found: client projects overrun[^.]*\. You put a figure of £120k/,
    );
    for (const r of [saas, services]) {
      for (const p of r.priorities) {
        const a = r.analyses.find((x) => x.domain === p.recommendation.domain)!;
        expect(a.quantified?.assumptions.length).toBeGreaterThan(0);
      }
    }
  });

  it('writes kits a consultant would not recognise as one template', () => {
    expect(sharedShare(saas.kits, services.kits)).toBeLessThanOrEqual(0.2);
    expect(sharedShare(services.kits, saas.kits)).toBeLessThanOrEqual(0.2);
    // A one-seller founder is not told to have "every seller commit their deals".
    expect(services.report).not.toContain('have every seller commit');
  });

  it('reshapes the kits under an opposite validation', () => {
    for (const base of [saas, services]) {
      const company = base === saas ? saasCompany : servicesCompany;
      const v = runCompany(company, opposite(base));
      // The rejected priority gets no kit.
      expect(v.kits).not.toContain(`Kit 1: ${base.priorities[0].recommendation.title}`);
      expect(v.kits).not.toMatch(new RegExp(`Kit \\d: ${base.priorities[0].recommendation.title}`));
      expect(v.kitsEmail).toContain('What changed because of your validation');
      // Hiring freeze: no kit step adds people.
      const kitBody = v.kits.split('\n').filter((l) => !l.startsWith('Your constraints'));
      expect(kitBody.filter((l) => HIRING_WORDS.test(l) && !/headcount/.test(l))).toEqual([]);
      // At least 40% of the kit sentences change.
      const changed = 1 - sharedShare(v.kits, base.kits);
      expect(changed).toBeGreaterThanOrEqual(0.4);
      expect(findClientTextViolations(clientText(v))).toEqual([]);
    }
  });

  it('names the owner the client gave and moves a strongly supported priority up', () => {
    const v = runCompany(servicesCompany, opposite(services));
    const second = services.priorities[1].recommendation.title;
    expect(v.kits).toContain(`Kit 1: ${second}`);
    expect(v.kits).toContain('Maria Lopez (named in your validation)');
    expect(v.kits).toContain(
      '(target: “utilisation back to 70%”)'.replace('utilisation', 'Utilisation').replace('“U', '“u'),
    );
  });

  it('leaks no internal mechanics, ids or template text', () => {
    for (const r of [saas, services]) expect(findClientTextViolations(clientText(r))).toEqual([]);
    expect(sentencesOfText(saas.kits).length).toBeGreaterThan(20);
  });
});
