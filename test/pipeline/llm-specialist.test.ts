import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { encode } from 'gpt-tokenizer';
import { CircuitBreaker } from '../../src/agents/circuit-breaker';
import { OpenAiLlm } from '../../src/agents/llm-client';
import { DOCUMENT_FACT_TOKEN_BUDGET, domainFacts, factLine } from '../../src/agents/personas';
import { analyseDomain } from '../../src/agents/specialist-agent';
import { analyseDomainByRules } from '../../src/agents/rule-analyst';
import { SPECIALIST_PERSONAS } from '../../src/agents/personas';
import type { AppContext } from '../../src/context';
import { specialistAnalysisSchema } from '../../src/domain/analysis';
import { findClientTextViolations } from '../../src/domain/client-text';
import { logger } from '../../src/logger';
import { saasCompany } from '../fixtures/companies';

/**
 * The OpenAI specialist against an OpenAI-compatible stand-in on 127.0.0.1: the real client (openai SDK, strict
 * structured output from zod), the real prompt, the real guard. The stand-in answers what each test scripts.
 */
describe('OpenAI specialist: structured output, evidence guard, rule-based fallback', () => {
  let server: http.Server;
  let base = '';
  let replies: string[] = [];
  const requests: {
    messages: { role: string; content: string }[];
    response_format: { type: string; json_schema: { strict: boolean; schema: Record<string, unknown> } };
  }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        requests.push(JSON.parse(body));
        const content = replies.shift() ?? 'no reply scripted';
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'chatcmpl-x',
            object: 'chat.completion',
            created: 0,
            model: 'gpt-4o-mini',
            choices: [
              { index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } },
            ],
            usage: { prompt_tokens: 900, completion_tokens: 400, total_tokens: 1300 },
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  afterEach(() => {
    jest.restoreAllMocks();
    requests.length = 0;
    replies = [];
  });

  const llm = () =>
    new OpenAiLlm({
      apiKey: 'sk-test',
      baseURL: base,
      model: 'gpt-4o-mini',
      timeoutMs: 2000,
      baseDelayMs: 1,
      breaker: new CircuitBreaker(),
    });
  // No prompt rows stored: the personas in code are used (loadPersona's fallback). Only the db edge is stubbed.
  const db = { agentPrompt: { findFirst: async () => null } } as unknown as AppContext['db'];
  const input = {
    assessmentId: '6f1c2a4e-0000-4000-8000-000000000001',
    domain: 'customer-success' as const,
    profile: saasCompany.profile,
    answers: saasCompany.answers,
    documents: saasCompany.documents,
  };

  const finding = (title: string, detail: string, ref: string, quote: string, source = 'answer') => ({
    title,
    detail,
    severity: 'high',
    evidence: [{ source, ref, quote }],
  });
  const GOOD_FINDINGS = [
    finding(
      'Customers leave before anyone sees it coming',
      'Fourteen accounts left last quarter, about £38k of monthly recurring revenue, most saying the product was hard to adopt.',
      'cs-03-f1',
      'We lost 14 accounts last quarter, about £38k of MRR',
      'follow-up',
    ),
    finding(
      'Retention is below the level the board wants',
      'Net revenue retention is 94% against a goal above 105%.',
      'board-pack-q3.pdf',
      'Net revenue retention: 94%',
      'document',
    ),
    finding(
      'Usage is falling in more accounts each month',
      'Accounts with no login in 30 days have risen to 41.',
      'account-health.xlsx',
      'Accounts with no login in 30 days: 41 (Sep 2026), rising',
      'document',
    ),
    finding(
      'Renewal risk is found out at cancellation',
      'The team only learns of a departure when the customer cancels.',
      'challenges',
      'we only find out when they cancel',
      'profile',
    ),
  ];
  const answer = (findings: unknown[], over: Record<string, unknown> = {}) =>
    JSON.stringify({
      healthScore: 3,
      summary: 'Retention is the constraint on growth: churn is noticed only at cancellation.',
      findings,
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Call every account with no login in a month',
          action: 'Each week, the account owner calls every customer with no login in the last month.',
          impact: 'high',
          effort: 'low',
          scores: { revenue: 0.8, efficiency: 0.3, competitive: 0.4, strategic: 0.6 },
          basedOn: ['cs-03', 'invented-99'],
          tags: ['process'],
        },
      ],
      impact: 'Keeping more of the £38k of monthly recurring revenue lost last quarter.',
      effort: 'medium',
      dependencies: [
        { domain: 'technology-data', reason: 'One churn number needs one definition in the data.' },
        { domain: 'customer-success', reason: 'self' },
      ],
      confidence: 8,
      ...over,
    });

  it('accepts a grounded answer: strict zod-derived schema sent, origins and ids derived, facts in the prompt', async () => {
    replies = [answer(GOOD_FINDINGS)];
    const out = await analyseDomain({ llm: llm(), db }, input);

    expect(out).toMatchObject({ source: 'llm', needsReview: false });
    expect(specialistAnalysisSchema.safeParse(out.analysis).success).toBe(true);
    expect(out.analysis.findings.map((f) => f.title)).toEqual(GOOD_FINDINGS.map((f) => f.title));
    expect(out.analysis.findings[0].evidence[0]).toMatchObject({ source: 'follow-up', ref: 'cs-03-f1' });
    expect(out.analysis.band).toBe('critical');
    expect(out.analysis.recommendations[0]).toMatchObject({
      id: 'customer-success:cs-03:1',
      domain: 'customer-success',
      basedOn: ['cs-03'],
    });
    expect(out.analysis.dependencies.map((d) => d.domain)).toEqual(['technology-data']);
    // evidence-derived fields come from the rule model
    const rules = analyseDomainByRules({ ...input, persona: { name: 'x' } });
    expect(out.analysis.coverage).toEqual(rules.coverage);
    const clientText = out.analysis.findings.flatMap((f) => [
      f.title,
      f.detail,
      ...f.evidence.map((e) => e.where!),
    ]);
    expect(findClientTextViolations(clientText.join('\n'))).toEqual([]);

    // What was sent: strict structured output, and the domain's document facts within the budget.
    const sent = requests[0];
    expect(sent.response_format.type).toBe('json_schema');
    expect(sent.response_format.json_schema.strict).toBe(true);
    expect(sent.response_format.json_schema.schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: expect.arrayContaining(['findings', 'healthScore', 'confidence']),
    });
    const user = sent.messages.find((m) => m.role === 'user')!.content;
    const facts = input.documents.flatMap((d) => domainFacts(d, 'customer-success').map(factLine));
    expect(facts.length).toBeGreaterThanOrEqual(3);
    for (const f of facts) expect(user).toContain(f);
    expect(encode(facts.join(' | ')).length).toBeLessThanOrEqual(DOCUMENT_FACT_TOKEN_BUDGET);
    expect(user).not.toContain('Cash runway'); // a finance fact: not this domain's
    expect(sent.messages.find((m) => m.role === 'system')!.content).toBe(
      SPECIALIST_PERSONAS['customer-success'].systemPrompt,
    );
  });

  it('drops and logs a finding with an invented quote and one with an invented figure; keeps the rest', async () => {
    const warn = jest.spyOn(logger, 'warn');
    replies = [
      answer([
        ...GOOD_FINDINGS.slice(0, 3),
        finding(
          'Customers complain about price',
          'Several customers said the price rise drove them away.',
          'cs-03-f1',
          'the price rise was the last straw',
          'follow-up',
        ),
        finding(
          'Churn costs a fortune',
          'Churn is costing £1.9M a year in lost revenue.',
          'cs-03',
          'We lost 14 accounts last quarter',
          'follow-up',
        ),
      ]),
    ];
    const out = await analyseDomain({ llm: llm(), db }, input);

    expect(out.source).toBe('llm');
    expect(out.analysis.findings.map((f) => f.title)).toEqual(GOOD_FINDINGS.slice(0, 3).map((f) => f.title));
    expect(out.needsReview).toBe(true);
    expect(out.reviewReason).toMatch(/evidence guard dropped 2 findings/);
    const logged = warn.mock.calls.filter((c) => c[1] === 'evidence guard dropped an LLM finding');
    expect(logged.map((c) => c[0])).toEqual([
      expect.objectContaining({
        finding: 'Customers complain about price',
        reason: expect.stringMatching(/quote not found/),
      }),
      expect.objectContaining({ finding: 'Churn costs a fortune', reason: expect.stringMatching(/£1.9M/) }),
    ]);
  });

  it('falls back to the rule-based result on garbage, on schema-invalid JSON and when too few findings survive', async () => {
    const rules = analyseDomainByRules({
      ...input,
      persona: { name: SPECIALIST_PERSONAS['customer-success'].name },
    });
    const invented = GOOD_FINDINGS.map((f) => ({ ...f, detail: `${f.detail} It costs £7.7M.` }));
    for (const [label, pair] of [
      ['garbage', ['I am sorry, I cannot help with that.', 'still not JSON']],
      ['schema-invalid', [answer(GOOD_FINDINGS, { healthScore: 42 }), answer(GOOD_FINDINGS.slice(0, 1))]],
      ['guard', [answer(invented), answer(invented)]],
    ] as const) {
      replies = [...pair];
      const out = await analyseDomain({ llm: llm(), db }, input);
      expect({ label, source: out.source, needsReview: out.needsReview }).toEqual({
        label,
        source: 'rules',
        needsReview: true,
      });
      expect(out.analysis).toEqual(rules);
      expect(out.reviewReason).toMatch(/^LLM fallback: /);
      expect(requests).toHaveLength(2); // asked once more, then the rules
      requests.length = 0;
    }
  });
});
