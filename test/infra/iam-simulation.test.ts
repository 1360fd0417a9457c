/**
 * IAM by simulation (issue 10, item 1). Drives every Lambda handler, the API's AWS paths and each agent mode
 * (triage, specialist with a malformed message) with the AWS adapters on a real database, every AWS SDK client
 * replaced by aws-sdk-client-mock; records each command sent (client, command, input), maps it to its IAM
 * action, resource ARN and condition keys, and evaluates it with @cloud-copilot/iam-simulate against the role
 * that runs that code in the packaged template of every stage. Secrets the ECS agent injects at task start
 * (task definition `Secrets`) are checked against the execution roles the same way.
 *
 * A call the role does not allow fails the test. A permission no recorded call uses is listed, and must be on
 * the short list below of permissions needed by something the recorder cannot see.
 */
import type { Context } from 'aws-lambda';
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DescribeTasksCommand, ECSClient, ListTasksCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { loadConfig } from '../../src/config';
import type { AppContext } from '../../src/context';
import { createContext } from '../../src/runtime/context';
import { setAppContext } from '../../src/runtime';
import { resolveSecretArns } from '../../src/runtime/secrets';
import { runTriageTask, SpecialistWorker } from '../../src/agents/worker';
import { startTestStack, type TestStack } from '../helpers/stack';
import { submitAssessment } from '../helpers/pipeline';
import type { Template } from './helpers/cfn-spec';
import {
  mappingFor,
  rolePolicies,
  simulate,
  statementCovers,
  TemplateResolver,
  toIamRequests,
  type IamRequest,
  type RecordedCall,
} from './helpers/iam';
import { STAGE_ENV, STAGES, stageTemplate, type Json, type Stage } from './helpers/template';

// ------------------------------------------------------------------------------------------------------
// Recording
// ------------------------------------------------------------------------------------------------------

const CLIENTS = {
  ecs: ECSClient,
  sqs: SQSClient,
  states: SFNClient,
  ses: SESv2Client,
  sns: SNSClient,
  events: EventBridgeClient,
  s3: S3Client,
  'cognito-idp': CognitoIdentityProviderClient,
  secretsmanager: SecretsManagerClient,
} as const;
type Service = keyof typeof CLIENTS;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStub = AwsStub<any, any, any>;

const stubs = {} as Record<Service, AnyStub>;
/** Messages "in" the agent queue: what SendMessage put there, handed back by ReceiveMessage. */
let queued: { Body: string; ReceiptHandle: string; MessageId: string }[] = [];

function installMocks() {
  for (const [service, Client] of Object.entries(CLIENTS) as [Service, (typeof CLIENTS)[Service]][]) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    stubs[service] = mockClient(Client as any);
    stubs[service].onAnyCommand().resolves({});
  }
  stubs.states.on(StartExecutionCommand).callsFake((input: Json) => ({
    executionArn: `${input.stateMachineArn.replace(':stateMachine:', ':execution:')}:${input.name}`,
  }));
  stubs.ecs.on(RunTaskCommand).callsFake((input: Json) => ({
    tasks: [{ taskArn: `arn:aws:ecs:eu-west-1:123456789012:task/${input.cluster}/0123456789abcdef` }],
    failures: [],
  }));
  stubs.ecs.on(DescribeTasksCommand).callsFake((input: Json) => ({
    tasks: input.tasks.map((taskArn: string) => ({ taskArn, lastStatus: 'RUNNING' })),
  }));
  stubs.ecs.on(ListTasksCommand).resolves({ taskArns: [] });
  stubs.sqs.on(SendMessageCommand).callsFake((input: Json) => {
    if (String(input.QueueUrl).includes('-dlq')) return { MessageId: 'dead' }; // the dead-letter queue
    queued.push({
      Body: input.MessageBody,
      ReceiptHandle: `rh-${queued.length}`,
      MessageId: `m-${queued.length}`,
    });
    return { MessageId: 'm' };
  });
  stubs.sqs.on(GetQueueAttributesCommand).resolves({
    Attributes: { ApproximateNumberOfMessages: '1', ApproximateNumberOfMessagesNotVisible: '0' },
  });
  stubs.sqs.on(ReceiveMessageCommand).callsFake(() => {
    const next = queued.shift();
    return { Messages: next ? [{ ...next, Attributes: { ApproximateReceiveCount: '1' } }] : [] };
  });
  stubs.ses.on(SendEmailCommand).resolves({ MessageId: 'ses-message' });
  stubs.events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e' }] });
  stubs.s3.on(GetObjectCommand).resolves({
    Body: { transformToByteArray: async () => new Uint8Array([60, 112, 62]) },
  } as Json);
  stubs.s3.on(HeadObjectCommand).resolves({ ContentLength: 3, ContentType: 'application/pdf' });
  stubs.secretsmanager.on(GetSecretValueCommand).resolves({ SecretString: 'secret-value' });
  stubs['cognito-idp']
    .on(SignUpCommand)
    .resolves({ UserSub: '00000000-0000-4000-8000-000000000001', UserConfirmed: false });
  stubs['cognito-idp'].on(InitiateAuthCommand).resolves({
    AuthenticationResult: { IdToken: 'id', AccessToken: 'access', RefreshToken: 'refresh', ExpiresIn: 3600 },
  });
}

/** The commands sent since the last take, in order. */
function take(): RecordedCall[] {
  const out: RecordedCall[] = [];
  for (const [service, stub] of Object.entries(stubs) as [Service, AnyStub][]) {
    for (const c of stub.calls()) {
      const command = c.args[0] as { constructor: { name: string }; input: Json };
      out.push({ service, command: command.constructor.name.replace(/Command$/, ''), input: command.input });
    }
    stub.resetHistory();
  }
  return out;
}

/** Who sent what: a Lambda function (by its logical id), the API, an agent mode, an ECS execution role. */
interface Recording {
  who: string;
  calls: RecordedCall[];
  /** Requests made on the code's behalf that no SDK call shows (presigned URLs, ECS secret injection). */
  extra?: IamRequest[];
}

// ------------------------------------------------------------------------------------------------------
// Driving the code
// ------------------------------------------------------------------------------------------------------

function lambdaEnv(res: TemplateResolver, fnId: string): Record<string, string> {
  const vars = (res.t.Resources[fnId]?.Properties as Json)?.Environment?.Variables ?? {};
  return res.resolve(vars) as Record<string, string>;
}

function containerEnv(res: TemplateResolver, taskDefId: string): Record<string, string> {
  const def = (res.t.Resources[taskDefId].Properties as Json).ContainerDefinitions[0];
  return Object.fromEntries(
    (res.resolve(def.Environment ?? []) as { Name: string; Value: string }[]).map((e) => [e.Name, e.Value]),
  );
}

/** An AWS-runtime context on the test database, configured with a process's environment from the template. */
function awsContext(env: Record<string, string>, databaseUrl: string): AppContext {
  const config = loadConfig({
    ...env,
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: 'a-session-secret-for-the-simulation',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_POOL_MAX: '2',
  });
  return createContext(config);
}

const lambda = {} as Context;
// Presigning signs locally: any credentials do (nothing reaches AWS).
process.env.AWS_ACCESS_KEY_ID = 'AKIASIMULATION';
process.env.AWS_SECRET_ACCESS_KEY = 'simulation';

/**
 * Runs the whole AWS path once, in pipeline order, against one packaged template's environment, and returns
 * what each principal sent. The triage and specialist analysis run for real (rule-based analyst).
 */
async function drive(stage: Stage, t: Template, stack: TestStack): Promise<Recording[]> {
  const res = new TemplateResolver(t);
  const databaseUrl = stack.app.config.DATABASE_URL!;
  const { id: assessmentId } = await submitAssessment(stack);
  // An uploaded document not read yet: the triage task reads it from S3 (src/services/document-reading.ts).
  await stack.app.ctx.db.document.create({
    data: {
      assessmentId,
      fileName: 'cash-flow.csv',
      contentType: 'text/csv',
      size: 24,
      objectKey: `assessments/${assessmentId}/documents/00000000-0000-4000-8000-000000000000/cash-flow.csv`,
      status: 'uploaded',
      uploadedAt: new Date(),
    },
  });
  const a = await stack.app.ctx.db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
  const recordings: Recording[] = [];
  queued = [];
  installMocks(); // after the submission: the local stack's own SDK clients (cognito-local, s3rver) are real

  const anyLambda = Object.keys(t.Resources).find((id) => id === 'PrepareExecutionLambdaFunction')!;
  const ctx = awsContext(lambdaEnv(res, anyLambda), databaseUrl);
  const agentCtx = awsContext(containerEnv(res, 'AgentTaskDefinition'), databaseUrl);
  setAppContext(ctx);
  const base = { assessmentId, correlationId: `sim-${stage}` };
  const execName = assessmentId;

  /** Runs a function's handler: its secret reads at cold start (from its own environment), then the event. */
  async function fn(name: string, file: string, event: Json) {
    const fnId = `${name}LambdaFunction`;
    await resolveSecretArns({ ...lambdaEnv(res, fnId) }, new SecretsManagerClient({}));
    const { handler } = require(`../../functions/${file}`) as {
      handler: (e: Json, c: Context) => Promise<Json>;
    };
    const out = await handler(event, lambda);
    recordings.push({ who: fnId, calls: take() });
    return out;
  }

  try {
    await fn('StartPipeline', 'start-pipeline', {
      'detail-type': 'AssessmentSubmitted',
      detail: {
        assessmentId,
        userId: a.userId,
        submittedAt: new Date().toISOString(),
        industry: 'professional-services',
        correlationId: base.correlationId,
      },
    });
    await fn('PrepareExecution', 'prepare-execution', {
      ...base,
      submittedAt: new Date().toISOString(),
      executionName: execName,
    });
    const launched = await fn('LaunchTriage', 'launch-triage', base);
    // No capacity was free at launch: the poll relaunches.
    await fn('CheckTask', 'check-task', { ...base, mode: 'triage', taskId: null, polls: 0, maxPolls: 5 });
    await fn('CheckTask', 'check-task', {
      ...base,
      mode: 'triage',
      taskId: launched.taskId,
      polls: 0,
      maxPolls: 5,
    });

    // The triage task (agent image, AgentTaskRole).
    await runTriageTask(agentCtx, assessmentId, base.correlationId);
    recordings.push({ who: 'agent:triage', calls: take() });

    await fn('OnTriageComplete', 'on-triage-complete', {
      'detail-type': 'DomainTriageComplete',
      detail: { assessmentId, activatedDomains: ['financial-management'], triageConfidence: 0.8 },
    });
    await fn('CheckTask', 'check-task', {
      ...base,
      mode: 'triage',
      taskId: launched.taskId,
      polls: 1,
      maxPolls: 5,
    });
    await fn('DispatchAgents', 'dispatch-agents', base);
    await fn('CheckAnalyses', 'check-analyses', { ...base, polls: 0, maxPolls: 5 });

    // A specialist task: the queued messages, plus one malformed message (dead-lettered, founder alerted).
    queued.push({ Body: '{"not":"a specialist message"}', ReceiptHandle: 'rh-bad', MessageId: 'm-bad' });
    const worker = new SpecialistWorker(agentCtx, {
      visibilityTimeoutSeconds: 900,
      emptyPollsBeforeExit: 1,
      waitSeconds: 0,
      stopGraceMs: 1000,
      analysisDelayMs: 0,
    } as Json);
    await worker.run();
    recordings.push({ who: 'agent:specialist', calls: take() });

    await fn('CheckAnalyses', 'check-analyses', { ...base, polls: 1, maxPolls: 5 });
    await fn('GenerateExecutiveSummary', 'generate-executive-summary', base);
    await fn('SendDeliveryEmail', 'send-delivery-email', { ...base, stage: 'executive-summary' });
    await fn('GenerateDetailedReport', 'generate-detailed-report', base);
    await fn('SendDeliveryEmail', 'send-delivery-email', { ...base, stage: 'detailed-report' });
    await fn('AwaitValidation', 'await-validation', {
      ...base,
      taskToken: 'token-1',
      executionName: execName,
    });
    const report = await ctx.db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    const priorities = ((report.finalPriorities ?? []) as { recommendationId: string }[]).slice(0, 5);
    await ctx.db.validation.create({
      data: {
        assessmentId,
        response: {
          priorities: priorities.map((p) => ({
            recommendationId: p.recommendationId,
            agreement: 4,
            resources: 'medium',
          })),
          capacityForChange: 'medium',
          timelinePreference: 'standard',
          constraints: '',
          successCriteria: '',
        } as Json,
      },
    });
    await fn('AwaitValidation', 'await-validation', {
      ...base,
      taskToken: 'token-2',
      executionName: execName,
    });
    await fn('GenerateImplementationKits', 'generate-implementation-kits', base);
    await fn('SendDeliveryEmail', 'send-delivery-email', { ...base, stage: 'implementation-kits' });
    const failure = { ...base, stage: 'simulation', error: { Error: 'States.Timeout', Cause: 'simulated' } };
    await fn('AlertFounder', 'alert-founder', failure);
    await fn('MarkFailed', 'mark-failed', failure);
    await ctx.db.outboxEvent.updateMany({
      where: { aggregateId: assessmentId },
      data: { publishedAt: null, lockedUntil: null },
    });
    await fn('RelayOutbox', 'relay-outbox', {});
    // Retention: the assessment completed long ago, so its uploaded document is deleted (S3 and row).
    await ctx.db.assessment.update({
      where: { id: assessmentId },
      data: { status: 'completed', completedAt: new Date('2020-01-01T00:00:00Z') },
    });
    await fn('PurgeExpiredDocuments', 'purge-documents', {});

    // The API's AWS paths (the calls its routes make through the ports), with the API's own environment.
    const apiEnv =
      'ApiTaskDefinition' in t.Resources
        ? containerEnv(res, 'ApiTaskDefinition')
        : lambdaEnv(res, 'ApiLambdaFunction');
    const apiCtx = awsContext(apiEnv, databaseUrl);
    try {
      if ('ApiLambdaFunction' in t.Resources)
        await resolveSecretArns({ ...lambdaEnv(res, 'ApiLambdaFunction') }, new SecretsManagerClient({}));
      const id = apiCtx.identity;
      await id.signUp({
        email: 'sim@example.com',
        password: 'Correct-horse-1',
        firstName: 'Sim',
        lastName: 'User',
      });
      await id.confirm('sim@example.com', '123456');
      await id.login('sim@example.com', 'Correct-horse-1');
      await id.refresh('refresh');
      await id.forgot('sim@example.com');
      await id.reset('sim@example.com', '123456', 'Correct-horse-2');
      await id.revokeRefreshToken('refresh');
      await id.groupsOf('00000000-0000-4000-8000-000000000001'); // founder check
      await id.globalSignOut('sim@example.com');
      await id.deleteUser('sim@example.com'); // undoing a registration whose profile could not be saved
      const key = `assessments/${assessmentId}/documents/doc.pdf`;
      await apiCtx.objectStore.presignPut(key, {
        contentType: 'application/pdf',
        size: 3,
        expiresSeconds: 300,
      });
      await apiCtx.objectStore.presignGet(key, { expiresSeconds: 300 });
      await apiCtx.objectStore.head(key);
      await apiCtx.objectStore.get(key);
      await apiCtx.objectStore.delete(key);
      await apiCtx.objectStore.ping(); // readiness
      await apiCtx.eventBus.publish([{ detailType: 'AssessmentSubmitted', detail: { assessmentId } }]);
      await apiCtx.workflow.sendTaskSuccess('token-1', { validated: true });
      await apiCtx.workflow.start({ name: `${assessmentId}-retry-1`, input: { assessmentId } });
      const bucket = apiCtx.config.S3_BUCKET;
      recordings.push({
        who: 'api',
        calls: take(),
        // A presigned URL is signed by the API's role and used by the browser: S3 authorises it as that role.
        extra: [
          { action: 's3:PutObject', resource: `arn:aws:s3:::${bucket}/${key}`, call: 'presigned PUT' },
          { action: 's3:GetObject', resource: `arn:aws:s3:::${bucket}/${key}`, call: 'presigned GET' },
        ],
      });
    } finally {
      await apiCtx.close();
    }

    // ECS injects task definition `Secrets` with the execution role, at task start.
    for (const [id, r] of Object.entries(t.Resources)) {
      if (r.Type !== 'AWS::ECS::TaskDefinition') continue;
      const p = r.Properties as Json;
      const secrets = (p.ContainerDefinitions as Json[]).flatMap((c) => c.Secrets ?? []);
      recordings.push({
        who: `ecs-secrets:${id}`,
        calls: [],
        extra: secrets.map((s: Json) => ({
          action: 'secretsmanager:GetSecretValue',
          resource: String(res.resolve(s.ValueFrom)),
          call: `${id} secret ${s.Name}`,
        })),
      });
    }
    // Lambda sends a failed asynchronous invocation to its on-failure destination with the function's role.
    for (const r of Object.values(t.Resources)) {
      if (r.Type !== 'AWS::Lambda::EventInvokeConfig') continue;
      const p = r.Properties as Json;
      const fnId = `${String(p.FunctionName.Ref)}`;
      const destination = p.DestinationConfig?.OnFailure?.Destination;
      if (!destination) continue;
      recordings.push({
        who: fnId,
        calls: [],
        extra: [
          {
            action: 'sqs:SendMessage',
            resource: String(res.resolve(destination)),
            call: 'on-failure destination',
          },
        ],
      });
    }
  } finally {
    for (const stub of Object.values(stubs)) stub.restore();
    setAppContext(undefined);
    await ctx.close();
    await agentCtx.close();
  }
  return recordings;
}

// ------------------------------------------------------------------------------------------------------
// Who runs as which role
// ------------------------------------------------------------------------------------------------------

function roleOf(t: Template, who: string): string {
  const getRole = (v: Json) =>
    v && typeof v === 'object' && 'Fn::GetAtt' in v ? v['Fn::GetAtt'][0] : undefined;
  if (who.endsWith('LambdaFunction')) return getRole((t.Resources[who].Properties as Json).Role);
  const td = (id: string) => t.Resources[id].Properties as Json;
  if (who === 'agent:triage') return getRole(td('TriageTaskDefinition').TaskRoleArn);
  if (who === 'agent:specialist') return getRole(td('AgentTaskDefinition').TaskRoleArn);
  if (who === 'api')
    return 'ApiTaskDefinition' in t.Resources
      ? getRole(td('ApiTaskDefinition').TaskRoleArn)
      : getRole((t.Resources.ApiLambdaFunction.Properties as Json).Role);
  if (who.startsWith('ecs-secrets:')) return getRole(td(who.slice('ecs-secrets:'.length)).ExecutionRoleArn);
  throw new Error(`no role for ${who}`);
}

/**
 * Permissions granted that no recorded call uses, allowed because something the recorder cannot see needs
 * them (role id pattern -> actions):
 * - Lambda roles: CloudWatch Logs for the runtime's own log lines; the ENI actions of VPC functions (the
 *   AWSLambdaVPCAccessExecutionRole managed policy); X-Ray is not used.
 * - ECS execution roles: pulling the image (ECR) and shipping the container's logs (awslogs driver).
 */
const INVISIBLE_USES: [RegExp, RegExp][] = [
  // The specialist worker extends a message's visibility on a timer during long analyses and releases it on
  // SIGTERM; a fast run does neither.
  [/^AgentTaskRole$/, /^sqs:ChangeMessageVisibility$/],
  [/IamRoleLambdaExecution$/, /^logs:(CreateLogStream|CreateLogGroup|PutLogEvents|TagResource)$/],
  [
    /ExecutionRole$/,
    /^(ecr:(GetAuthorizationToken|BatchCheckLayerAvailability|GetDownloadUrlForLayer|BatchGetImage)|logs:(CreateLogStream|PutLogEvents))$/,
  ],
];

// ------------------------------------------------------------------------------------------------------
// The test
// ------------------------------------------------------------------------------------------------------

describe.each(STAGES)('IAM by simulation: %s', (stage) => {
  let stack: TestStack;
  let t: Template;
  let res: TemplateResolver;
  let recordings: Recording[];

  beforeAll(async () => {
    t = stageTemplate(stage);
    res = new TemplateResolver(t);
    stack = await startTestStack({}, { runPipeline: false });
    recordings = await drive(stage, t, stack);
  }, 1_000_000);
  afterAll(async () => {
    await stack?.stop();
  });

  test('every call the code makes is allowed by the role it runs as', async () => {
    const mapping = mappingFor(res, STAGE_ENV[stage].SCALEMAP_SES_IDENTITY);
    const denied: string[] = [];
    let checked = 0;
    for (const r of recordings) {
      const role = roleOf(t, r.who);
      const requests = [...r.calls.flatMap((c) => toIamRequests(c, mapping)), ...(r.extra ?? [])];
      for (const req of requests) {
        checked++;
        const { allowed, detail } = await simulate(res, role, req);
        if (!allowed)
          denied.push(`${r.who} (${role}): ${req.call} -> ${req.action} on ${req.resource} [${detail}]`);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(denied).toEqual([]);
  });

  test('every permission granted is used by a recorded call, or by something the recorder cannot see', async () => {
    const mapping = mappingFor(res, STAGE_ENV[stage].SCALEMAP_SES_IDENTITY);
    const used = new Map<string, Set<string>>();
    for (const r of recordings) {
      const role = roleOf(t, r.who);
      const set = used.get(role) ?? new Set<string>();
      for (const req of [...r.calls.flatMap((c) => toIamRequests(c, mapping)), ...(r.extra ?? [])])
        set.add(req.action.toLowerCase());
      used.set(role, set);
    }
    const unused: string[] = [];
    for (const role of used.keys()) {
      for (const { policy } of rolePolicies(res, role)) {
        for (const s of policy.Statement) {
          if (s.Effect !== 'Allow') continue;
          for (const action of ([] as string[]).concat(s.Action)) {
            if ([...used.get(role)!].some((u) => statementCovers({ ...s, Action: action }, u))) continue;
            if (INVISIBLE_USES.some(([r, a]) => r.test(role) && a.test(action))) continue;
            unused.push(`${role}: ${action}`);
          }
        }
      }
    }
    expect([...new Set(unused)]).toEqual([]);
  });
});
