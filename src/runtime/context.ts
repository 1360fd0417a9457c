import path from 'node:path';
import Stripe from 'stripe';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ECSClient } from '@aws-sdk/client-ecs';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { assertLocalModeAllowed, paymentsEnabled, type Config } from '../config';
import type { AppContext } from '../context';
import { createDb, dbTimeouts, type Db } from '../db/client';
import { CognitoIdentity } from '../api/auth/identity';
import { CognitoJwtVerifier } from '../api/auth/jwt';
import {
  EcsTaskLauncher,
  EventBridgeEventBus,
  S3ObjectStore,
  SesMailer,
  SnsAlerter,
  SqsTaskQueue,
  StepFunctionsWorkflow,
} from '../adapters/aws';
import { OpenAiLlm, type LlmUsageRecord } from '../agents/llm-client';
import { LocalEventBus } from '../adapters/local/local-event-bus';
import { LocalWorkflow } from '../adapters/local/local-workflow';
import { MailAlerter, OutboxMailer } from '../adapters/local/outbox-mailer';
import { PgTaskQueue } from '../adapters/local/pg-task-queue';
import { ProcessTaskLauncher } from '../adapters/local/process-task-launcher';
import { onTriageComplete, startPipeline } from '../pipeline/steps';

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

function recordUsage(db: Db) {
  return async (u: LlmUsageRecord) => {
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

function createStripe(config: Config): Stripe {
  const base = config.STRIPE_API_BASE_URL ? new URL(config.STRIPE_API_BASE_URL) : undefined;
  return new Stripe(config.STRIPE_SECRET_KEY!, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || 443),
          protocol: base.protocol.replace(':', '') as 'http' | 'https',
        }
      : {}),
  });
}

/**
 * The composition root: builds the AppContext for the runtime named by SCALEMAP_RUNTIME.
 * `aws` wires the AWS adapters; `local` wires the embedded stack's (see the table in DESIGN.md / README).
 */
export function createContext(config: Config): AppContext {
  assertLocalModeAllowed(config);
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set (the local stack sets it at start)');
  if (!config.COGNITO_USER_POOL_ID || !config.COGNITO_CLIENT_ID)
    throw new Error(
      'COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID are not set (the local stack sets them at start)',
    );
  const db = createDb(config.DATABASE_URL, config.DATABASE_POOL_MAX, dbTimeouts(config));
  const local = config.SCALEMAP_RUNTIME === 'local';
  const region = config.AWS_REGION;
  const objectStore = new S3ObjectStore({
    bucket: config.S3_BUCKET,
    region,
    endpoint: config.S3_ENDPOINT,
  });
  const identity = new CognitoIdentity(
    new CognitoIdentityProviderClient({
      region,
      endpoint: config.COGNITO_ENDPOINT,
      credentials: config.COGNITO_ENDPOINT ? LOCAL_CREDENTIALS : undefined,
    }),
    { userPoolId: config.COGNITO_USER_POOL_ID, clientId: config.COGNITO_CLIENT_ID, autoConfirm: local },
  );
  const jwt = new CognitoJwtVerifier({
    userPoolId: config.COGNITO_USER_POOL_ID,
    clientId: config.COGNITO_CLIENT_ID,
    region,
    endpoint: config.COGNITO_ENDPOINT,
  });
  const stripe = paymentsEnabled(config) ? createStripe(config) : undefined;
  const llm = config.OPENAI_API_KEY ? OpenAiLlm.fromConfig(config, recordUsage(db)) : undefined;

  const base = { config, db, objectStore, identity, jwt, stripe, llm };
  if (!local) {
    const mailer = new SesMailer(new SESv2Client({ region }), { fromAddress: config.SES_FROM_ADDRESS });
    const alerter = new SnsAlerter(new SNSClient({ region }), { topicArn: config.FOUNDER_ALERT_TOPIC_ARN! });
    return {
      ...base,
      eventBus: new EventBridgeEventBus(new EventBridgeClient({ region }), {
        eventBusName: config.EVENT_BUS_NAME,
      }),
      taskQueue: new SqsTaskQueue(new SQSClient({ region }), {
        queueUrl: config.AGENT_QUEUE_URL!,
        dlqUrl: config.AGENT_DLQ_URL,
      }),
      taskLauncher: new EcsTaskLauncher(new ECSClient({ region }), {
        cluster: config.ECS_CLUSTER,
        triageTaskDefinition: config.TRIAGE_TASK_DEFINITION!,
        agentTaskDefinition: config.AGENT_TASK_DEFINITION!,
        subnets: config.AGENT_SUBNETS,
        securityGroups: config.AGENT_SECURITY_GROUPS,
      }),
      workflow: new StepFunctionsWorkflow(new SFNClient({ region }), {
        stateMachineArn: config.STATE_MACHINE_ARN!,
      }),
      mailer,
      alerter,
      close: () => db.$disconnect(),
    };
  }

  const dataDir = path.resolve(config.SCALEMAP_DATA_DIR);
  const outboxDir = path.join(dataDir, 'outbox');
  const mailer = new OutboxMailer(outboxDir, config.SES_FROM_ADDRESS);
  const alerter = new MailAlerter(mailer, config.FOUNDER_EMAIL);
  const workflow = new LocalWorkflow(db);
  const taskQueue = new PgTaskQueue(db, {
    onDeadLetter: async (m) => {
      await alerter.alert('Agent message dead-lettered', `${m.reason}\n\nMessage: ${m.body.slice(0, 2000)}`);
    },
  });
  const childEnv: Record<string, string> = {};
  for (const key of Object.keys(config) as (keyof Config)[]) {
    const value = config[key];
    if (value === undefined) continue;
    childEnv[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  const ctx: AppContext = {
    ...base,
    workflow,
    taskQueue,
    taskLauncher: new ProcessTaskLauncher(db, { env: childEnv }),
    mailer,
    alerter,
    outboxDir,
    eventBus: new LocalEventBus(
      {
        AssessmentSubmitted: async (event) => {
          await startPipeline(ctx, { correlationId: event.correlationId, ...event.detail } as never);
        },
        DomainTriageComplete: async (event) => {
          await onTriageComplete(ctx, event.detail as never);
        },
      },
      path.join(dataDir, 'events.jsonl'),
    ),
    close: async () => {
      await db.$disconnect();
    },
  };
  return ctx;
}
