import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { logger } from '../logger';
import type { Llm, LlmRequest, LlmResponse } from '../ports';
import { CircuitBreaker } from './circuit-breaker';

export { CircuitBreaker, CircuitOpenError } from './circuit-breaker';

/** One attempt's usage, as stored in the llm_usage table. */
export interface LlmUsageRecord {
  assessmentId?: string;
  agent: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  outcome: 'ok' | 'error' | 'invalid-output';
}

export type RecordUsage = (usage: LlmUsageRecord) => Promise<void>;

/** Each model call's usage, as a row of `llm_usage` (the founder console's cost figures). */
export function recordUsageIn(db: Db): RecordUsage {
  return async (u) => {
    await db.llmUsage.create({
      data: {
        assessmentId: u.assessmentId ?? null,
        agent: u.agent,
        model: u.model,
        promptTokens: u.promptTokens,
        completionTokens: u.completionTokens,
        costUsd: u.costUsd,
        outcome: u.outcome,
      },
    });
  };
}

/**
 * The agents' LLM: OpenAI when OPENAI_API_KEY is set, else none (the rule-based analysts run). Only the agent
 * entrypoint wires it (containers/agent/main.ts): the API and the Lambda steps never call a model, so their
 * bundles do not carry the OpenAI SDK.
 */
export function agentLlm(config: Config, db: Db): Llm | undefined {
  return config.OPENAI_API_KEY ? OpenAiLlm.fromConfig(config, recordUsageIn(db)) : undefined;
}

export interface OpenAiLlmOptions {
  apiKey: string;
  /** An OpenAI-compatible endpoint (config OPENAI_BASE_URL); the OpenAI API unless given. */
  baseURL?: string;
  /** Config OPENAI_MODEL. */
  model: string;
  /** Per attempt, the whole request including the body (config OPENAI_TIMEOUT_MS). */
  timeoutMs: number;
  /** Called after every attempt; its failures are logged, never thrown. */
  recordUsage?: RecordUsage;
  /** Attempts per call, the first included (default 3). */
  maxAttempts?: number;
  /** Backoff before retry n: baseDelayMs·2^(n-1), with jitter, capped by maxDelayMs (defaults 500 ms, 10 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Default: opens after 3 consecutive failed calls, for 60 s. */
  breaker?: CircuitBreaker;
  temperature?: number;
  /** Injectable for tests. */
  client?: OpenAI;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The model answered, but not with JSON (or with no content at all: a refusal, a truncated answer). */
export class InvalidLlmOutputError extends Error {
  constructor(
    message: string,
    readonly content: string | null,
  ) {
    super(message);
    this.name = 'InvalidLlmOutputError';
  }
}

/** An attempt took longer than the per-call timeout. */
export class LlmTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`LLM call timed out after ${timeoutMs} ms`);
    this.name = 'LlmTimeoutError';
  }
}

/** USD per 1M tokens. Dated variants (gpt-4o-mini-2024-07-18) match by prefix; unknown models cost as gpt-4o-mini. */
const PRICES: Record<string, { input: number; output: number }> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10.0 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
};
const DEFAULT_PRICE_MODEL = 'gpt-4o-mini';

export function estimateCostUsd(model: string, promptTokens: number, completionTokens: number): number {
  const key =
    Object.keys(PRICES)
      .filter((k) => model === k || model.startsWith(`${k}-`))
      .sort((a, b) => b.length - a.length)[0] ?? DEFAULT_PRICE_MODEL;
  const price = PRICES[key];
  const usd = (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
  return Math.round(usd * 1e8) / 1e8;
}

/** 429, 5xx, timeouts and connection failures are worth another attempt; other errors are not. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof LlmTimeoutError) return true;
  if (err instanceof OpenAI.APIConnectionError) return true; // includes APIConnectionTimeoutError
  if (err instanceof OpenAI.APIError)
    return err.status === 429 || (err.status !== undefined && err.status >= 500);
  return false;
}

/**
 * The `Llm` port on OpenAI chat completions with strict JSON-schema output. The SDK's own retries are off;
 * this class retries transient failures with exponential backoff and jitter, times each attempt out, and
 * wraps calls in a circuit breaker so a failing provider is left alone (callers fall back to rule-based
 * analysis on any error, CircuitOpenError included). Every attempt's tokens and cost go to `recordUsage`.
 */
export class OpenAiLlm implements Llm {
  readonly breaker: CircuitBreaker;
  private readonly client: OpenAI;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly opts: OpenAiLlmOptions) {
    this.client =
      opts.client ??
      new OpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL, maxRetries: 0, timeout: opts.timeoutMs });
    this.breaker = opts.breaker ?? new CircuitBreaker({ name: 'openai' });
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? 3);
    this.baseDelayMs = opts.baseDelayMs ?? 500;
    this.maxDelayMs = opts.maxDelayMs ?? 10_000;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = opts.random ?? Math.random;
  }

  /** From config; throws when OPENAI_API_KEY is not set (use the rule-based analyst then). */
  static fromConfig(config: Config, recordUsage?: RecordUsage): OpenAiLlm {
    if (!config.OPENAI_API_KEY) throw new Error('OPENAI_API_KEY is not set');
    return new OpenAiLlm({
      apiKey: config.OPENAI_API_KEY,
      baseURL: config.OPENAI_BASE_URL,
      model: config.OPENAI_MODEL,
      timeoutMs: config.OPENAI_TIMEOUT_MS,
      recordUsage,
    });
  }

  complete<T = unknown>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
    return this.breaker.execute(() => this.withRetries(request));
  }

  private async withRetries<T>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(request);
      } catch (err) {
        const retry = attempt < this.maxAttempts && isRetryable(err);
        logger.warn(
          { agent: request.agent, assessmentId: request.assessmentId, attempt, retry, err: describe(err) },
          'LLM attempt failed',
        );
        if (!retry) throw err;
        await this.sleep(this.backoffMs(attempt, err));
      }
    }
  }

  /**
   * One HTTP call, timed out as a whole, its usage recorded whatever the outcome. With a zod `schema`, the SDK's
   * helper `zodResponseFormat` (zod 4 through `z.toJSONSchema`, made strict) gives the response format and its
   * `$parseRaw` (what `chat.completions.parse` runs) checks the answer; `create` is called rather than `parse` so a
   * schema-invalid answer still has its tokens recorded.
   */
  private async attempt<T>(request: LlmRequest<T>): Promise<LlmResponse<T>> {
    const format = request.schema ? zodResponseFormat(request.schema, schemaName(request.schemaName)) : null;
    if (!format && !request.jsonSchema) throw new Error(`LLM request for ${request.agent} has no schema`);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.opts.timeoutMs);
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await this.client.chat.completions.create(
        {
          model: this.opts.model,
          messages: [
            { role: 'system', content: request.system },
            { role: 'user', content: request.user },
          ],
          response_format: format ?? {
            type: 'json_schema',
            json_schema: { name: schemaName(request.schemaName), schema: request.jsonSchema, strict: true },
          },
          ...(this.opts.temperature !== undefined ? { temperature: this.opts.temperature } : {}),
        },
        { signal: controller.signal, timeout: this.opts.timeoutMs, maxRetries: 0 },
      );
    } catch (err) {
      await this.record(request, this.opts.model, 0, 0, 'error');
      throw timedOut || err instanceof OpenAI.APIConnectionTimeoutError
        ? new LlmTimeoutError(this.opts.timeoutMs)
        : err;
    } finally {
      clearTimeout(timer);
    }

    const model = completion.model || this.opts.model;
    const promptTokens = completion.usage?.prompt_tokens ?? 0;
    const completionTokens = completion.usage?.completion_tokens ?? 0;
    const content = completion.choices[0]?.message?.content ?? null;
    if (!isJson(content)) {
      await this.record(request, model, promptTokens, completionTokens, 'invalid-output');
      const why =
        content === null ? `no content (finish_reason ${completion.choices[0]?.finish_reason})` : 'not JSON';
      throw new InvalidLlmOutputError(`LLM output for ${request.agent} is ${why}`, content);
    }
    let parsed: T | undefined;
    if (format) {
      try {
        parsed = format.$parseRaw(content) as T;
      } catch (err) {
        await this.record(request, model, promptTokens, completionTokens, 'invalid-output');
        const issue = err instanceof z.ZodError ? err.issues[0] : undefined;
        const where = issue ? `${issue.path.join('.') || 'answer'}: ${issue.message}` : 'invalid';
        throw new InvalidLlmOutputError(
          `LLM output for ${request.agent} does not match the schema (${where})`,
          content,
        );
      }
    }
    await this.record(request, model, promptTokens, completionTokens, 'ok');
    return { content, model, promptTokens, completionTokens, ...(format ? { parsed } : {}) };
  }

  /** Exponential backoff with equal jitter; a longer Retry-After from the server wins, within maxDelayMs. */
  private backoffMs(attempt: number, err: unknown): number {
    const exp = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    const jittered = exp / 2 + (this.random() * exp) / 2;
    return Math.min(this.maxDelayMs, Math.max(jittered, retryAfterMs(err)));
  }

  private async record(
    request: LlmRequest<unknown>,
    model: string,
    promptTokens: number,
    completionTokens: number,
    outcome: LlmUsageRecord['outcome'],
  ): Promise<void> {
    if (!this.opts.recordUsage) return;
    try {
      await this.opts.recordUsage({
        assessmentId: request.assessmentId,
        agent: request.agent,
        model,
        promptTokens,
        completionTokens,
        costUsd: estimateCostUsd(model, promptTokens, completionTokens),
        outcome,
      });
    } catch (err) {
      logger.warn({ agent: request.agent, err: describe(err) }, 'could not record LLM usage');
    }
  }
}

function isJson(content: string | null): content is string {
  if (content === null) return false;
  try {
    JSON.parse(content);
    return true;
  } catch {
    return false;
  }
}

/** OpenAI schema names: letters, digits, `_` and `-`, at most 64 characters. */
function schemaName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'response';
}

function retryAfterMs(err: unknown): number {
  if (!(err instanceof OpenAI.APIError) || !err.headers) return 0;
  const ms = Number(err.headers.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const seconds = Number(err.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

function describe(err: unknown): Record<string, unknown> {
  if (err instanceof OpenAI.APIError) return { name: err.name, status: err.status, message: err.message };
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { message: String(err) };
}
