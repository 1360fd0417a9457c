import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { encode } from 'gpt-tokenizer';
import { runTriage } from '../../src/agents/triage-agent';
import { OpenAiLlm } from '../../src/agents/llm-client';
import { CircuitBreaker } from '../../src/agents/circuit-breaker';
import { profileSchema } from '../../src/domain/profile';
import { answersFor } from '../helpers/answers';
import { WEAK_PROFILE } from '../helpers/pipeline';

/** The triage's one OpenAI call, against an OpenAI stand-in on 127.0.0.1 that answers what each test sets. */
describe('triage refined by one LLM call', () => {
  let server: http.Server;
  let base = '';
  let reply = '';
  const prompts: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const request = JSON.parse(body) as { messages: { content: string }[] };
        prompts.push(request.messages.map((m) => m.content).join('\n'));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'x',
            object: 'chat.completion',
            created: 0,
            model: 'gpt-4o-mini',
            choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: reply } }],
            usage: { prompt_tokens: 1200, completion_tokens: 80, total_tokens: 1280 },
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const profile = profileSchema.parse(WEAK_PROFILE);
  const answers = answersFor(WEAK_PROFILE, [
    'financial-management',
    'revenue-engine',
    'people-organization',
  ]).map((a) => ({
    questionId: a.questionId,
    score: a.score ?? null,
    text: a.text ?? null,
  }));
  const llm = () =>
    new OpenAiLlm({
      apiKey: 'sk-test',
      baseURL: base,
      model: 'gpt-4o-mini',
      timeoutMs: 2000,
      baseDelayMs: 5,
      breaker: new CircuitBreaker(),
    });

  it('accepts a valid refinement that keeps the required domains, and stays under 5,000 prompt tokens', async () => {
    reply = JSON.stringify({
      activatedDomains: ['financial-management', 'revenue-engine', 'people-organization', 'customer-success'],
      reasons: [
        { domain: 'financial-management', reason: 'Cash forecasting is absent.' },
        { domain: 'revenue-engine', reason: 'Pipeline is unpredictable.' },
        { domain: 'people-organization', reason: 'Attrition of key people.' },
        { domain: 'customer-success', reason: 'Services firms live on renewals.' },
      ],
      confidence: 0.8,
    });
    const result = await runTriage({ llm: llm() }, { assessmentId: 'a1', profile, answers });
    expect(result.source).toBe('llm');
    expect(result.activatedDomains).toEqual([
      'financial-management',
      'revenue-engine',
      'people-organization',
      'customer-success',
    ]);
    expect(encode(prompts.at(-1)!).length).toBeLessThan(5000);
  });

  it('falls back to the rules on an out-of-range or invalid answer', async () => {
    const rules = await runTriage({}, { assessmentId: 'a1', profile, answers });
    expect(rules.source).toBe('rules');
    for (const bad of [
      JSON.stringify({
        activatedDomains: ['financial-management', 'revenue-engine'],
        reasons: [],
        confidence: 0.9,
      }),
      JSON.stringify({
        activatedDomains: ['astrology', 'revenue-engine', 'people-organization'],
        reasons: [],
        confidence: 0.9,
      }),
      JSON.stringify({
        activatedDomains: ['partnerships', 'supply-chain', 'risk-compliance'],
        reasons: [],
        confidence: 2,
      }),
      'not json at all',
    ]) {
      reply = bad;
      const result = await runTriage({ llm: llm() }, { assessmentId: 'a1', profile, answers });
      expect({ bad, source: result.source, domains: result.activatedDomains }).toEqual({
        bad,
        source: 'rules',
        domains: rules.activatedDomains,
      });
    }
  });
});
