/**
 * Ports: what the core needs from the outside world. src/adapters/aws implements them with the AWS SDK,
 * src/adapters/local with the embedded local stack. Nothing in src/domain, src/agents or src/delivery
 * knows which runtime it is in.
 */

import type { ZodType } from 'zod';

/** Events on the `scalemap-events` bus. */
export interface DomainEvent<T = Record<string, unknown>> {
  detailType: 'AssessmentSubmitted' | 'DomainTriageComplete' | 'DeliverableReady' | 'AssessmentFailed';
  detail: T;
  correlationId?: string;
}

export interface EventBus {
  publish(events: DomainEvent[]): Promise<void>;
}

export interface QueueMessageIn {
  body: string;
  /** FIFO message group (assessment id). */
  groupId: string;
  /** FIFO deduplication id (`assessmentId:domain`). */
  dedupId: string;
}

export interface ReceivedMessage {
  body: string;
  receiptHandle: string;
  receiveCount: number;
  messageId: string;
}

export interface TaskQueue {
  send(message: QueueMessageIn): Promise<void>;
  /** Receives up to `max` visible messages and hides them for `visibilityTimeoutSeconds`. */
  receive(opts: {
    max: number;
    visibilityTimeoutSeconds: number;
    waitSeconds?: number;
  }): Promise<ReceivedMessage[]>;
  delete(receiptHandle: string): Promise<void>;
  /** Extends (or, with 0, ends) the invisibility of a received message. */
  changeVisibility(receiptHandle: string, visibilityTimeoutSeconds: number): Promise<void>;
  /** Sends a received message to the dead-letter queue at once (a malformed body no retry can fix). */
  deadLetter(message: ReceivedMessage, reason: string): Promise<void>;
  /** Approximate counts: visible, in flight, dead-lettered. */
  depth(): Promise<{ visible: number; inFlight: number; deadLettered: number }>;
}

export type AgentMode = 'triage' | 'specialist';

export interface LaunchedTask {
  taskId: string;
}

export type TaskState = 'PENDING' | 'RUNNING' | 'STOPPED';

export interface TaskStatus {
  taskId: string;
  state: TaskState;
  /** Exit code when stopped (0 = success). */
  exitCode?: number;
  reason?: string;
}

export interface TaskLauncher {
  /**
   * `launchKey`: the same key launches at most one task (a retried step does not start a second one); ECS
   * RunTask's clientToken on AWS. Without it every call launches.
   */
  launch(opts: {
    mode: AgentMode;
    assessmentId?: string;
    correlationId?: string;
    launchKey?: string;
  }): Promise<LaunchedTask>;
  describe(taskIds: string[]): Promise<TaskStatus[]>;
  /** Number of agent tasks currently pending or running (all assessments). */
  countRunning(mode?: AgentMode): Promise<number>;
}

export interface Workflow {
  /** Starts the delivery pipeline with name = assessment id; a second start with the same name is a no-op. */
  start(opts: {
    name: string;
    input: Record<string, unknown>;
  }): Promise<{ executionId: string; alreadyStarted: boolean }>;
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void>;
  sendTaskFailure(taskToken: string, error: string, cause: string): Promise<void>;
}

export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The same key sends at most one message where the transport can tell (the local outbox); SES ignores it. */
  idempotencyKey?: string;
}

export interface Mailer {
  send(message: EmailMessage): Promise<{ messageId: string }>;
}

export interface Alerter {
  /** Founder alert (SNS topic on AWS, outbox email + log locally). */
  alert(subject: string, message: string): Promise<void>;
}

export interface ObjectStore {
  put(key: string, body: Buffer | string, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  head(key: string): Promise<{ size: number; contentType?: string } | null>;
  /** The first `bytes` bytes of an object (fewer if it is shorter). */
  readStart(key: string, bytes: number): Promise<Buffer>;
  /** Server-side copy within the store. */
  copy(fromKey: string, toKey: string): Promise<void>;
  delete(key: string): Promise<void>;
  presignPut(
    key: string,
    opts: { contentType: string; size: number; expiresSeconds: number },
  ): Promise<{
    url: string;
    headers: Record<string, string>;
  }>;
  presignGet(key: string, opts: { expiresSeconds: number; fileName?: string }): Promise<string>;
  ping(): Promise<void>;
}

/**
 * A chat-completion style LLM call returning JSON. Give `schema` (zod) for structured output validated by zod: the
 * strict JSON schema sent is derived from it and the answer parsed by it (`parsed`); or `jsonSchema` for JSON text.
 */
export interface LlmRequest<T = unknown> {
  agent: string;
  assessmentId?: string;
  system: string;
  user: string;
  /** JSON schema name, for structured output. */
  schemaName: string;
  jsonSchema?: Record<string, unknown>;
  schema?: ZodType<T>;
}

export interface LlmResponse<T = unknown> {
  content: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** The answer parsed by the request's zod schema, when one was given. */
  parsed?: T;
}

export interface Llm {
  complete<T = unknown>(request: LlmRequest<T>): Promise<LlmResponse<T>>;
}
