import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { APIConnectionError } from 'openai';
import { z } from 'zod';
import type { LlmRequest } from '../ports';
import { CircuitBreaker, CircuitOpenError } from './circuit-breaker';
import {
  estimateCostUsd,
  InvalidLlmOutputError,
  LlmTimeoutError,
  OpenAiLlm,
  type LlmUsageRecord,
  type OpenAiLlmOptions,
} from './llm-client';

/** What the stand-in server answers to one request. */
interface Reply {
  status: number;
  body?: unknown;
  delayMs?: number;
}

/** A stand-in for the OpenAI chat completions endpoint: answers scripted replies in order, records requests. */
class StandInServer {
  readonly requests: { headers: http.IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  private replies: Reply[] = [];
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private readonly timers = new Set<NodeJS.Timeout>();

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  script(...replies: Reply[]): void {
    this.replies = replies;
    this.requests.length = 0;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      this.requests.push({ headers: req.headers, body: JSON.parse(raw) });
      const reply = this.replies.shift() ?? {
        status: 500,
        body: { error: { message: 'no reply scripted' } },
      };
      const send = () => {
        if (res.destroyed) return;
        res
          .writeHead(reply.status, { 'content-type': 'application/json' })
          .end(JSON.stringify(reply.body ?? {}));
      };
      if (!reply.delayMs) return send();
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        send();
      }, reply.delayMs);
      this.timers.add(timer);
    });
  }
}

function completion(content: string | null, usage = { prompt_tokens: 1000, completion_tokens: 500 }): Reply {
  return {
    status: 200,
    body: {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gpt-4o-mini-2024-07-18',
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}

const error = (status: number, message = 'upstream trouble'): Reply => ({
  status,
  body: { error: { message, type: 'server_error', code: null } },
});

const request: LlmRequest = {
  agent: 'finance-analyst',
  assessmentId: '6f1c2a4e-0000-4000-8000-000000000001',
  system: 'You are a finance operations analyst.',
  user: 'Analyse these answers.',
  schemaName: 'domain_analysis',
  jsonSchema: {
    type: 'object',
    properties: { score: { type: 'number' } },
    required: ['score'],
    additionalProperties: false,
  },
};

describe('OpenAiLlm against a stand-in HTTP server', () => {
  const server = new StandInServer();
  let baseURL: string;
  let usage: LlmUsageRecord[];
  let clock: number;

  const llm = (overrides: Partial<OpenAiLlmOptions> = {}) =>
    new OpenAiLlm({
      apiKey: 'test-key',
      baseURL,
      model: 'gpt-4o-mini',
      timeoutMs: 2000,
      baseDelayMs: 1,
      recordUsage: async (u) => {
        usage.push(u);
      },
      breaker: new CircuitBreaker({ now: () => clock }),
      ...overrides,
    });

  beforeAll(async () => {
    baseURL = await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });
  beforeEach(() => {
    usage = [];
    clock = 1_000_000;
  });

  it('returns the JSON content and records usage with its cost', async () => {
    // Prepare
    server.script(completion('{"score":3.5}'));

    // Act
    const response = await llm().complete(request);

    // Assess
    expect(response).toEqual({
      content: '{"score":3.5}',
      model: 'gpt-4o-mini-2024-07-18',
      promptTokens: 1000,
      completionTokens: 500,
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].headers.authorization).toBe('Bearer test-key');
    expect(server.requests[0].body).toMatchObject({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: request.system },
        { role: 'user', content: request.user },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'domain_analysis', schema: request.jsonSchema, strict: true },
      },
    });
    expect(usage).toEqual([
      {
        assessmentId: request.assessmentId,
        agent: 'finance-analyst',
        model: 'gpt-4o-mini-2024-07-18',
        promptTokens: 1000,
        completionTokens: 500,
        costUsd: 0.00045,
        outcome: 'ok',
      },
    ]);
  });

  it('with a zod schema: sends the strict schema derived from it and returns the parsed answer', async () => {
    // Prepare
    const schema = z.object({ score: z.number().min(1).max(5), note: z.string() });
    server.script(completion('{"score":3,"note":"ok"}'));

    // Act
    const response = await llm().complete({ ...request, jsonSchema: undefined, schema });

    // Assess
    expect(response.parsed).toEqual({ score: 3, note: 'ok' });
    expect(server.requests[0].body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: {
        name: 'domain_analysis',
        strict: true,
        schema: {
          type: 'object',
          additionalProperties: false,
          required: ['score', 'note'],
          properties: { score: { type: 'number', minimum: 1, maximum: 5 } },
        },
      },
    });
  });

  it('with a zod schema: a schema-invalid answer is an InvalidLlmOutputError, its tokens recorded', async () => {
    // Prepare
    const schema = z.object({ score: z.number().min(1).max(5) });
    server.script(completion('{"score":42}'));

    // Act
    const act = llm().complete({ ...request, jsonSchema: undefined, schema });

    // Assess
    await expect(act).rejects.toThrow(InvalidLlmOutputError);
    await expect(act).rejects.toThrow(/score/);
    expect(server.requests).toHaveLength(1); // not retried by the client: the caller decides
    expect(usage).toEqual([expect.objectContaining({ outcome: 'invalid-output', promptTokens: 1000 })]);
  });

  it('retries 429s with growing backoff and succeeds on the third attempt', async () => {
    // Prepare
    server.script(error(429, 'rate limited'), error(429, 'rate limited'), completion('{"score":1}'));
    const delays: number[] = [];
    const client = llm({
      baseDelayMs: 100,
      random: () => 1,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });

    // Act
    const response = await client.complete(request);

    // Assess
    expect(response.content).toBe('{"score":1}');
    expect(server.requests).toHaveLength(3);
    expect(delays).toEqual([100, 200]);
    expect(usage.map((u) => u.outcome)).toEqual(['error', 'error', 'ok']);
    expect(usage[0]).toMatchObject({ promptTokens: 0, completionTokens: 0, costUsd: 0 });
  });

  it('gives up after 3 attempts on repeated 500s', async () => {
    // Prepare
    server.script(error(500), error(500), error(500), completion('{"score":1}'));

    // Act
    const act = llm().complete(request);

    // Assess
    await expect(act).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(3);
    expect(usage.map((u) => u.outcome)).toEqual(['error', 'error', 'error']);
  });

  it('does not retry a 400', async () => {
    // Prepare
    server.script(error(400, 'bad schema'), completion('{"score":1}'));

    // Act
    const act = llm().complete(request);

    // Assess
    await expect(act).rejects.toMatchObject({ status: 400 });
    expect(server.requests).toHaveLength(1);
    expect(usage.map((u) => u.outcome)).toEqual(['error']);
  });

  it('treats non-JSON content as invalid output, with its usage recorded', async () => {
    // Prepare
    server.script(
      completion('Sure! Here is the analysis: score 3', { prompt_tokens: 200, completion_tokens: 10 }),
    );

    // Act
    const act = llm().complete(request);

    // Assess
    await expect(act).rejects.toBeInstanceOf(InvalidLlmOutputError);
    expect(server.requests).toHaveLength(1);
    expect(usage).toEqual([
      expect.objectContaining({
        outcome: 'invalid-output',
        promptTokens: 200,
        completionTokens: 10,
        costUsd: estimateCostUsd('gpt-4o-mini', 200, 10),
      }),
    ]);
  });

  it('treats a missing content (refusal) as invalid output', async () => {
    // Prepare
    server.script(completion(null));

    // Act
    const act = llm().complete(request);

    // Assess
    await expect(act).rejects.toThrow(/no content/);
  });

  it('opens the breaker after 3 failed calls, refuses without calling, then lets a trial through after the cool-down', async () => {
    // Prepare
    server.script(error(400), error(400), error(400), completion('{"score":2}'));
    const client = llm();
    for (let i = 0; i < 3; i++) await expect(client.complete(request)).rejects.toMatchObject({ status: 400 });
    expect(client.breaker.state).toBe('open');

    // Act
    const refused = client.complete(request);

    // Assess
    await expect(refused).rejects.toBeInstanceOf(CircuitOpenError);
    expect(server.requests).toHaveLength(3);

    // Act: the cool-down passes, the trial succeeds
    clock += 60_000;
    expect(client.breaker.state).toBe('half-open');
    const trial = await client.complete(request);

    // Assess
    expect(trial.content).toBe('{"score":2}');
    expect(server.requests).toHaveLength(4);
    expect(client.breaker.state).toBe('closed');
  });

  it('times out a slow answer, retries, and fails after 3 attempts', async () => {
    // Prepare
    server.script(
      { ...completion('{"score":1}'), delayMs: 1000 },
      { ...completion('{"score":1}'), delayMs: 1000 },
      { ...completion('{"score":1}'), delayMs: 1000 },
    );
    const started = Date.now();

    // Act
    const act = llm({ timeoutMs: 100 }).complete(request);

    // Assess
    await expect(act).rejects.toBeInstanceOf(LlmTimeoutError);
    expect(server.requests).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(usage.map((u) => u.outcome)).toEqual(['error', 'error', 'error']);
  });

  it('retries a refused connection', async () => {
    // Prepare: a port nobody listens on
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    let sleeps = 0;

    // Act
    const act = llm({
      baseURL: `http://127.0.0.1:${port}/v1`,
      sleep: async () => {
        sleeps++;
      },
    }).complete(request);

    // Assess
    await expect(act).rejects.toBeInstanceOf(APIConnectionError);
    expect(sleeps).toBe(2);
    expect(usage).toHaveLength(3);
  });
});

describe('CircuitBreaker', () => {
  it('lets one trial through when half-open and reopens when it fails', async () => {
    // Prepare
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 1000, now: () => now });
    const fail = () => Promise.reject(new Error('down'));
    await expect(breaker.execute(fail)).rejects.toThrow('down');
    await expect(breaker.execute(fail)).rejects.toThrow('down');
    now = 1000;
    let release: () => void = () => undefined;
    const slowTrial = breaker.execute(
      () => new Promise<void>((_, reject) => (release = () => reject(new Error('still down')))),
    );

    // Act
    const concurrent = breaker.execute(async () => 'should not run');

    // Assess
    await expect(concurrent).rejects.toBeInstanceOf(CircuitOpenError);
    release();
    await expect(slowTrial).rejects.toThrow('still down');
    expect(breaker.state).toBe('open');
    await expect(breaker.execute(async () => 'x')).rejects.toMatchObject({ retryAt: 2000 });
  });

  it('resets the failure count on success', async () => {
    // Prepare
    const breaker = new CircuitBreaker({ failureThreshold: 2 });

    // Act
    await expect(breaker.execute(() => Promise.reject(new Error('1')))).rejects.toThrow();
    await breaker.execute(async () => 'ok');
    await expect(breaker.execute(() => Promise.reject(new Error('2')))).rejects.toThrow();

    // Assess
    expect(breaker.state).toBe('closed');
  });
});

describe('estimateCostUsd', () => {
  it('prices per model, dated variants by prefix, unknown models as gpt-4o-mini', () => {
    expect(estimateCostUsd('gpt-4o-mini', 1_000_000, 1_000_000)).toBeCloseTo(0.75);
    expect(estimateCostUsd('gpt-4o-2024-08-06', 1_000_000, 1_000_000)).toBeCloseTo(12.5);
    expect(estimateCostUsd('gpt-4.1-mini', 1_000_000, 0)).toBeCloseTo(0.4);
    expect(estimateCostUsd('some-new-model', 0, 1_000_000)).toBeCloseTo(0.6);
  });
});
