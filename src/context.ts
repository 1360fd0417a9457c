import type Stripe from 'stripe';
import type { Config } from './config';
import type { Db } from './db/client';
import type { Alerter, EventBus, Llm, Mailer, ObjectStore, TaskLauncher, TaskQueue, Workflow } from './ports';
import type { CognitoIdentity } from './api/auth/identity';
import type { CognitoJwtVerifier } from './api/auth/jwt';

/**
 * Everything the application needs from the world, built once at start by the composition roots
 * (src/runtime/local.ts for `npm start` and tests, src/runtime/aws.ts for Lambda and Fargate).
 */
export interface AppContext {
  config: Config;
  db: Db;
  objectStore: ObjectStore;
  eventBus: EventBus;
  taskQueue: TaskQueue;
  taskLauncher: TaskLauncher;
  workflow: Workflow;
  mailer: Mailer;
  alerter: Alerter;
  /** OpenAI-backed LLM when OPENAI_API_KEY is set; otherwise the rule-based analysts are used. */
  llm?: Llm;
  identity: CognitoIdentity;
  jwt: CognitoJwtVerifier;
  stripe?: Stripe;
  /** Local mode only: the outbox folder where emails are written. */
  outboxDir?: string;
  close(): Promise<void>;
}

/** The subset the HTTP API needs. */
export type ApiContext = Pick<
  AppContext,
  | 'config'
  | 'db'
  | 'objectStore'
  | 'eventBus'
  | 'workflow'
  | 'identity'
  | 'jwt'
  | 'stripe'
  | 'outboxDir'
  | 'mailer'
  | 'alerter'
>;
