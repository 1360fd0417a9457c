import type Stripe from 'stripe';
import { assertLocalModeAllowed, paymentsEnabled, type Config } from '../config';
import type { AppContext } from '../context';
import { createDb, dbTimeouts } from '../db/client';
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
import { sdk } from '../adapters/aws/sdk';
import type { BaseContext } from './local-context';

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Stripe's SDK is loaded only where payments are configured (the API), not in every pipeline step. */
function createStripe(config: Config): Stripe {
  const StripeClient = require('stripe') as typeof import('stripe');
  const base = config.STRIPE_API_BASE_URL ? new URL(config.STRIPE_API_BASE_URL) : undefined;
  return new StripeClient(config.STRIPE_SECRET_KEY!, {
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
 * `aws` wires the AWS adapters (below); `local` the embedded stack's (./local-context.ts, loaded only then).
 * The LLM is the agents' alone: their entrypoint adds it (agentLlm in src/agents/llm-client.ts).
 * The AWS SDK clients are created on first use, one per service (src/adapters/aws/sdk.ts): a Lambda loads only
 * the SDK modules of the services it calls.
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
    () =>
      new (sdk.cognitoIdp().CognitoIdentityProviderClient)({
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

  const base: BaseContext = { config, db, objectStore, identity, jwt, stripe };
  if (local) {
    const { createLocalContext } = require('./local-context') as typeof import('./local-context');
    return createLocalContext(base);
  }
  return {
    ...base,
    mailer: new SesMailer(() => new (sdk.sesv2().SESv2Client)({ region }), {
      fromAddress: config.SES_FROM_ADDRESS,
    }),
    alerter: new SnsAlerter(() => new (sdk.sns().SNSClient)({ region }), {
      topicArn: config.FOUNDER_ALERT_TOPIC_ARN!,
    }),
    eventBus: new EventBridgeEventBus(() => new (sdk.eventBridge().EventBridgeClient)({ region }), {
      eventBusName: config.EVENT_BUS_NAME,
    }),
    taskQueue: new SqsTaskQueue(() => new (sdk.sqs().SQSClient)({ region }), {
      queueUrl: config.AGENT_QUEUE_URL!,
      dlqUrl: config.AGENT_DLQ_URL,
    }),
    taskLauncher: new EcsTaskLauncher(() => new (sdk.ecs().ECSClient)({ region }), {
      cluster: config.ECS_CLUSTER,
      triageTaskDefinition: config.TRIAGE_TASK_DEFINITION!,
      agentTaskDefinition: config.AGENT_TASK_DEFINITION!,
      subnets: config.AGENT_SUBNETS,
      securityGroups: config.AGENT_SECURITY_GROUPS,
    }),
    workflow: new StepFunctionsWorkflow(() => new (sdk.sfn().SFNClient)({ region }), {
      stateMachineArn: config.STATE_MACHINE_ARN!,
    }),
    close: () => db.$disconnect(),
  };
}
