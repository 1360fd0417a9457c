import { describe, expect, it } from '@jest/globals';
import { saasCompany } from '../../test/fixtures/companies';
import { figuresIn, findingProblem, guardSpecialistOutput, indexInputs, normalise } from './evidence-guard';
import { SPECIALIST_PERSONAS } from './personas';
import type { LlmFinding, SpecialistLlmOutput } from './specialist-output';

const company = saasCompany;
const index = indexInputs({
  domain: 'customer-success',
  profile: company.profile,
  answers: company.answers,
  documents: company.documents,
  instructions: SPECIALIST_PERSONAS['customer-success'].systemPrompt,
});

const finding = (over: Partial<LlmFinding> = {}): LlmFinding => ({
  title: 'Churn is found out at cancellation',
  detail: 'Fourteen accounts left last quarter and churn is rising.',
  severity: 'high',
  evidence: [
    {
      source: 'follow-up',
      ref: 'cs-03-f1',
      quote: 'We lost 14 accounts last quarter, about £38k of MRR',
    },
  ],
  ...over,
});

describe('evidence guard', () => {
  it('keeps a finding whose refs, quotes and figures all come from the inputs', () => {
    expect(findingProblem(finding(), index)).toBeNull();
    expect(
      findingProblem(
        finding({
          detail:
            'Monthly gross revenue churn is 3.4% and net revenue retention 94%, against a goal of 105%.',
          evidence: [
            { source: 'document', ref: 'board-pack-q3.pdf', quote: 'Net revenue retention: 94%' },
            // curly quotes, case and a trailing full stop do not matter
            {
              source: 'profile',
              ref: 'challenges',
              quote: '“customers leave at renewal and we only find out when they cancel.”',
            },
          ],
        }),
        index,
      ),
    ).toBeNull();
  });

  it('drops a finding with an invented quote, an unknown source or an empty quote', () => {
    expect(
      findingProblem(
        finding({
          evidence: [
            { source: 'follow-up', ref: 'cs-03-f1', quote: 'Our churn doubled after the price rise' },
          ],
        }),
        index,
      ),
    ).toMatch(/quote not found/);
    expect(
      findingProblem(
        finding({
          evidence: [{ source: 'document', ref: 'secret-plan.pdf', quote: 'Net revenue retention: 94%' }],
        }),
        index,
      ),
    ).toMatch(/unknown source/);
    expect(
      findingProblem(finding({ evidence: [{ source: 'answer', ref: 'cs-03', quote: '“”' }] }), index),
    ).toMatch(/empty quote/);
  });

  it('drops a finding with a figure that is not in the inputs or document facts', () => {
    expect(findingProblem(finding({ detail: 'Churn costs about £1.5M a year.' }), index)).toMatch(/£1.5M/);
    expect(findingProblem(finding({ detail: 'Churn has reached 7.2%.' }), index)).toMatch(/7.2%/);
    // given figures, written differently or rounded, pass; small counts pass
    expect(
      findingProblem(finding({ detail: 'About £38,000 of MRR left across 14 accounts.' }), index),
    ).toBeNull();
    expect(
      findingProblem(finding({ detail: 'Retention sits near 94 per cent; 3 teams count it.' }), index),
    ).toBeNull();
    // a small number is a count, never a percentage or an amount
    expect(findingProblem(finding({ detail: 'Churn is 11%.' }), index)).toMatch(/11%/);
  });

  it('drops a finding whose text breaks the client-text rules (ids, "undefined")', () => {
    expect(findingProblem(finding({ title: 'cs-03 churn is high' }), index)).toMatch(/question id/);
    expect(findingProblem(finding({ detail: 'Churn owner is undefined today.' }), index)).toMatch(
      /undefined/,
    );
  });

  it('derives each citation’s source and client-readable origin from its ref', () => {
    const output = {
      findings: [
        finding(),
        finding({
          evidence: [{ source: 'answer', ref: 'board-pack-q3.pdf', quote: 'Cash runway: 16 months' }],
        }),
        finding({ detail: 'Churn is 9.9%.' }),
      ],
      summary: 'Retention is the constraint: 94% net revenue retention.',
      impact: 'Worth £2M a year.',
    } as unknown as SpecialistLlmOutput;
    const out = guardSpecialistOutput(output, index);
    expect(out.findings).toHaveLength(2);
    expect(out.findings[0].evidence[0]).toMatchObject({ source: 'follow-up', ref: 'cs-03-f1' });
    expect(out.findings[0].evidence[0].where).not.toMatch(/cs-03/);
    expect(out.findings[1].evidence[0]).toMatchObject({
      source: 'document',
      ref: 'board-pack-q3.pdf',
      where: 'board-pack-q3.pdf',
    });
    expect(out.dropped).toEqual([
      { title: 'Churn is found out at cancellation', reason: expect.stringMatching(/9.9%/) },
    ]);
    expect(out.summaryProblem).toBeUndefined();
    expect(out.impactProblem).toMatch(/£2M/);
  });

  it('reads figures: £ with k/m, percentages, plain numbers; never question ids', () => {
    expect(
      figuresIn('£1.2M, £210k, 4.1%, 62 days, fin-01 and cs-03-f1').map((f) => [f.value, f.kind]),
    ).toEqual([
      [1_200_000, 'money'],
      [210_000, 'money'],
      [4.1, 'percent'],
      [62, 'plain'],
    ]);
    expect(normalise('It’s  “fine” — really')).toBe('it\'s "fine" - really');
  });
});
