import { afterEach, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeTasksCommand, ECSClient, ListTasksCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  ExecutionAlreadyExists,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { withLogContext } from '../../logger';
import {
  contentDisposition,
  EcsTaskLauncher,
  EventBridgeEventBus,
  familyOf,
  S3ObjectStore,
  SesMailer,
  SnsAlerter,
  SqsTaskQueue,
  StepFunctionsWorkflow,
} from './index';

const CLUSTER = 'scalemap-cluster';
const TRIAGE_TD = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/scalemap-triage:4';
const AGENT_TD = 'scalemap-agent:7';
const TASK_ARN = 'arn:aws:ecs:eu-west-1:123456789012:task/scalemap-cluster/0123456789abcdef';
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/scalemap-agent-tasks.fifo';
const DLQ_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/scalemap-agent-tasks-dlq.fifo';
const STATE_MACHINE = 'arn:aws:states:eu-west-1:123456789012:stateMachine:scalemap-delivery';

describe('EcsTaskLauncher', () => {
  const ecs = mockClient(ECSClient);
  const launcher = new EcsTaskLauncher(new ECSClient({ region: 'eu-west-1' }), {
    cluster: CLUSTER,
    triageTaskDefinition: TRIAGE_TD,
    agentTaskDefinition: AGENT_TD,
    subnets: ['subnet-a', 'subnet-b'],
    securityGroups: ['sg-agent'],
  });
  afterEach(() => {
    ecs.reset();
  });

  it('launches a triage task on Fargate with the triage definition, private networking and overrides', async () => {
    // Prepare
    ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK_ARN }], failures: [] });

    // Act
    const launched = await launcher.launch({
      mode: 'triage',
      assessmentId: 'asm-1',
      correlationId: 'corr-1',
    });

    // Assess
    expect(launched).toEqual({ taskId: TASK_ARN });
    const calls = ecs.commandCalls(RunTaskCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0].input).toEqual({
      cluster: CLUSTER,
      taskDefinition: TRIAGE_TD,
      launchType: 'FARGATE',
      count: 1,
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ['subnet-a', 'subnet-b'],
          securityGroups: ['sg-agent'],
          assignPublicIp: 'DISABLED',
        },
      },
      overrides: {
        containerOverrides: [
          {
            name: 'agent',
            environment: [
              { name: 'AGENT_MODE', value: 'triage' },
              { name: 'ASSESSMENT_ID', value: 'asm-1' },
              { name: 'CORRELATION_ID', value: 'corr-1' },
            ],
          },
        ],
      },
      startedBy: 'scalemap',
      tags: [
        { key: 'scalemap:mode', value: 'triage' },
        { key: 'scalemap:assessment', value: 'asm-1' },
      ],
      clientToken: expect.stringMatching(/^[\x21-\x7e]{1,64}$/),
    });
  });

  it('sends a clientToken: the same launch key gives the same token (a retried step starts no second task)', async () => {
    // Prepare
    ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK_ARN }] });

    // Act
    await launcher.launch({ mode: 'triage', assessmentId: 'asm-1', launchKey: 'triage:asm-1:0' });
    await launcher.launch({ mode: 'triage', assessmentId: 'asm-1', launchKey: 'triage:asm-1:0' });
    await launcher.launch({ mode: 'triage', assessmentId: 'asm-1', launchKey: 'triage:asm-1:1' });
    await launcher.launch({ mode: 'specialist' });
    await launcher.launch({ mode: 'specialist' });

    // Assess
    const tokens = ecs.commandCalls(RunTaskCommand).map((c) => c.args[0].input.clientToken);
    expect(tokens.every((t) => typeof t === 'string' && t.length > 0 && t.length <= 64)).toBe(true);
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[2]).not.toBe(tokens[0]);
    expect(tokens[3]).not.toBe(tokens[4]);
  });

  it('launches a specialist task with the agent definition and the correlation id of the log context', async () => {
    // Prepare
    ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK_ARN }] });

    // Act
    await withLogContext({ correlationId: 'ctx-corr' }, () => launcher.launch({ mode: 'specialist' }));

    // Assess
    const input = ecs.commandCalls(RunTaskCommand)[0].args[0].input;
    expect(input.taskDefinition).toBe(AGENT_TD);
    expect(input.launchType).toBe('FARGATE');
    expect(input.overrides?.containerOverrides?.[0].environment).toEqual([
      { name: 'AGENT_MODE', value: 'specialist' },
      { name: 'CORRELATION_ID', value: 'ctx-corr' },
    ]);
  });

  it('throws naming the reason when RunTask reports failures', async () => {
    // Prepare
    ecs
      .on(RunTaskCommand)
      .resolves({ tasks: [], failures: [{ reason: 'RESOURCE:ENI', detail: 'no ENI left' }] });

    // Act
    const act = launcher.launch({ mode: 'specialist', assessmentId: 'asm-1' });

    // Assess
    await expect(act).rejects.toThrow(/RESOURCE:ENI no ENI left/);
  });

  it('maps DescribeTasks states, the agent container exit code and reasons, and missing tasks', async () => {
    // Prepare
    const arn = (n: number) => `${TASK_ARN}${n}`;
    ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        { taskArn: arn(1), lastStatus: 'PROVISIONING' },
        { taskArn: arn(2), lastStatus: 'RUNNING' },
        { taskArn: arn(3), lastStatus: 'DEPROVISIONING' },
        {
          taskArn: arn(4),
          lastStatus: 'STOPPED',
          stoppedReason: 'Essential container in task exited',
          containers: [
            { name: 'log-router', exitCode: 0 },
            { name: 'agent', exitCode: 2, reason: 'OutOfMemoryError' },
          ],
        },
        { taskArn: arn(5), lastStatus: 'STOPPED', containers: [{ name: 'agent', exitCode: 0 }] },
      ],
      failures: [{ arn: arn(6), reason: 'MISSING' }],
    });

    // Act
    const statuses = await launcher.describe([1, 2, 3, 4, 5, 6].map(arn));

    // Assess
    expect(ecs.commandCalls(DescribeTasksCommand)[0].args[0].input).toEqual({
      cluster: CLUSTER,
      tasks: [1, 2, 3, 4, 5, 6].map(arn),
    });
    expect(statuses).toEqual([
      { taskId: arn(1), state: 'PENDING' },
      { taskId: arn(2), state: 'RUNNING' },
      { taskId: arn(3), state: 'RUNNING' },
      {
        taskId: arn(4),
        state: 'STOPPED',
        exitCode: 2,
        reason: 'Essential container in task exited: OutOfMemoryError',
      },
      { taskId: arn(5), state: 'STOPPED', exitCode: 0, reason: undefined },
      { taskId: arn(6), state: 'STOPPED', reason: 'MISSING' },
    ]);
  });

  it('counts pending and running tasks per family, following pagination', async () => {
    // Prepare
    ecs
      .on(ListTasksCommand, { family: 'scalemap-agent', nextToken: undefined })
      .resolves({ taskArns: ['a1', 'a2'], nextToken: 'page-2' })
      .on(ListTasksCommand, { family: 'scalemap-agent', nextToken: 'page-2' })
      .resolves({ taskArns: ['a3'] })
      .on(ListTasksCommand, { family: 'scalemap-triage' })
      .resolves({ taskArns: ['t1'] });

    // Act
    const specialists = await launcher.countRunning('specialist');
    const all = await launcher.countRunning();

    // Assess
    expect(specialists).toBe(3);
    expect(all).toBe(4);
    expect(ecs.commandCalls(ListTasksCommand)[0].args[0].input).toEqual({
      cluster: CLUSTER,
      family: 'scalemap-agent',
      desiredStatus: 'RUNNING',
      nextToken: undefined,
    });
  });

  it('derives the family from ARNs, family:revision and bare families', () => {
    expect(familyOf(TRIAGE_TD)).toBe('scalemap-triage');
    expect(familyOf(AGENT_TD)).toBe('scalemap-agent');
    expect(familyOf('scalemap-agent')).toBe('scalemap-agent');
  });
});

describe('SqsTaskQueue', () => {
  const sqs = mockClient(SQSClient);
  const queue = new SqsTaskQueue(new SQSClient({ region: 'eu-west-1' }), {
    queueUrl: QUEUE_URL,
    dlqUrl: DLQ_URL,
  });
  afterEach(() => {
    sqs.reset();
  });

  it('sends a FIFO message with group and deduplication ids', async () => {
    // Prepare
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });

    // Act
    await queue.send({ body: '{"domain":"finance"}', groupId: 'asm-1', dedupId: 'asm-1:finance' });

    // Assess
    expect(sqs.commandCalls(SendMessageCommand)[0].args[0].input).toEqual({
      QueueUrl: QUEUE_URL,
      MessageBody: '{"domain":"finance"}',
      MessageGroupId: 'asm-1',
      MessageDeduplicationId: 'asm-1:finance',
    });
  });

  it('receives with the receive count attribute and parses it', async () => {
    // Prepare
    sqs.on(ReceiveMessageCommand).resolves({
      Messages: [
        {
          MessageId: 'm-1',
          ReceiptHandle: 'rh-1',
          Body: 'one',
          Attributes: { ApproximateReceiveCount: '3' },
        },
        { MessageId: 'm-2', ReceiptHandle: 'rh-2', Body: 'two' },
      ],
    });

    // Act
    const messages = await queue.receive({ max: 25, visibilityTimeoutSeconds: 120, waitSeconds: 10 });

    // Assess
    expect(sqs.commandCalls(ReceiveMessageCommand)[0].args[0].input).toEqual({
      QueueUrl: QUEUE_URL,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 120,
      WaitTimeSeconds: 10,
      MessageSystemAttributeNames: ['ApproximateReceiveCount'],
    });
    expect(messages).toEqual([
      { messageId: 'm-1', receiptHandle: 'rh-1', body: 'one', receiveCount: 3 },
      { messageId: 'm-2', receiptHandle: 'rh-2', body: 'two', receiveCount: 1 },
    ]);
  });

  it('returns no messages when the queue is empty', async () => {
    // Prepare
    sqs.on(ReceiveMessageCommand).resolves({});

    // Act
    const messages = await queue.receive({ max: 1, visibilityTimeoutSeconds: 30 });

    // Assess
    expect(messages).toEqual([]);
    expect(sqs.commandCalls(ReceiveMessageCommand)[0].args[0].input.WaitTimeSeconds).toBe(0);
  });

  it('deletes and changes visibility by receipt handle', async () => {
    // Prepare
    sqs.on(DeleteMessageCommand).resolves({}).on(ChangeMessageVisibilityCommand).resolves({});

    // Act
    await queue.changeVisibility('rh-1', 300);
    await queue.delete('rh-1');

    // Assess
    expect(sqs.commandCalls(ChangeMessageVisibilityCommand)[0].args[0].input).toEqual({
      QueueUrl: QUEUE_URL,
      ReceiptHandle: 'rh-1',
      VisibilityTimeout: 300,
    });
    expect(sqs.commandCalls(DeleteMessageCommand)[0].args[0].input).toEqual({
      QueueUrl: QUEUE_URL,
      ReceiptHandle: 'rh-1',
    });
  });

  it('reports depth from the queue and its DLQ', async () => {
    // Prepare
    sqs
      .on(GetQueueAttributesCommand, { QueueUrl: QUEUE_URL })
      .resolves({
        Attributes: { ApproximateNumberOfMessages: '4', ApproximateNumberOfMessagesNotVisible: '2' },
      })
      .on(GetQueueAttributesCommand, { QueueUrl: DLQ_URL })
      .resolves({
        Attributes: { ApproximateNumberOfMessages: '1', ApproximateNumberOfMessagesNotVisible: '0' },
      });

    // Act
    const depth = await queue.depth();

    // Assess
    expect(depth).toEqual({ visible: 4, inFlight: 2, deadLettered: 1 });
    expect(sqs.commandCalls(GetQueueAttributesCommand)[0].args[0].input).toEqual({
      QueueUrl: QUEUE_URL,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    });
  });
});

describe('EventBridgeEventBus', () => {
  const eventBridge = mockClient(EventBridgeClient);
  const bus = new EventBridgeEventBus(new EventBridgeClient({ region: 'eu-west-1' }), {
    eventBusName: 'scalemap-events',
  });
  afterEach(() => {
    eventBridge.reset();
  });

  it('puts each event on the bus with source, detail type and detail including the correlation id', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
    const detail = {
      assessmentId: 'asm-1',
      userId: 'u-1',
      submittedAt: '2026-01-01T00:00:00Z',
      industry: 'saas',
    };

    // Act
    await bus.publish([{ detailType: 'AssessmentSubmitted', detail, correlationId: 'corr-1' }]);

    // Assess
    const input = eventBridge.commandCalls(PutEventsCommand)[0].args[0].input;
    expect(input.Entries).toHaveLength(1);
    const entry = input.Entries![0];
    expect(entry).toEqual({
      EventBusName: 'scalemap-events',
      Source: 'scalemap.api',
      DetailType: 'AssessmentSubmitted',
      Detail: expect.any(String),
    });
    expect(JSON.parse(entry.Detail!)).toEqual({ ...detail, correlationId: 'corr-1' });
  });

  it('uses a given source and sends batches of at most 10 entries', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0 });
    const agentBus = new EventBridgeEventBus(new EventBridgeClient({ region: 'eu-west-1' }), {
      eventBusName: 'scalemap-events',
      source: 'scalemap.agent',
    });
    const events = Array.from({ length: 23 }, (_, i) => ({
      detailType: 'DeliverableReady' as const,
      detail: { n: i },
    }));

    // Act
    await agentBus.publish(events);

    // Assess
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls.map((c) => c.args[0].input.Entries!.length)).toEqual([10, 10, 3]);
    expect(calls[0].args[0].input.Entries![0].Source).toBe('scalemap.agent');
    expect(JSON.parse(calls[2].args[0].input.Entries![2].Detail!)).toEqual({ n: 22 });
  });

  it('throws naming the failed entries when PutEvents reports failures', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: 'e-1' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
    });

    // Act
    const act = bus.publish([
      { detailType: 'AssessmentSubmitted', detail: { assessmentId: 'a' } },
      { detailType: 'DomainTriageComplete', detail: { assessmentId: 'a' } },
    ]);

    // Assess
    await expect(act).rejects.toThrow(
      'EventBridge rejected 1 of 2 event(s): DomainTriageComplete: InternalFailure try again',
    );
  });
});

describe('StepFunctionsWorkflow', () => {
  const sfn = mockClient(SFNClient);
  const workflow = new StepFunctionsWorkflow(new SFNClient({ region: 'eu-west-1' }), {
    stateMachineArn: STATE_MACHINE,
  });
  const executionArn = 'arn:aws:states:eu-west-1:123456789012:execution:scalemap-delivery:asm-1';
  afterEach(() => {
    sfn.reset();
  });

  it('starts an execution named after the assessment with the JSON input', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).resolves({ executionArn, startDate: new Date() });
    const input = { assessmentId: 'asm-1', submittedAt: '2026-01-01T00:00:00Z' };

    // Act
    const result = await workflow.start({ name: 'asm-1', input });

    // Assess
    expect(result).toEqual({ executionId: executionArn, alreadyStarted: false });
    expect(sfn.commandCalls(StartExecutionCommand)[0].args[0].input).toEqual({
      stateMachineArn: STATE_MACHINE,
      name: 'asm-1',
      input: JSON.stringify(input),
    });
  });

  it('reports ExecutionAlreadyExists as already started', async () => {
    // Prepare
    sfn
      .on(StartExecutionCommand)
      .rejects(new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} }));

    // Act
    const result = await workflow.start({ name: 'asm-1', input: {} });

    // Assess
    expect(result).toEqual({ executionId: executionArn, alreadyStarted: true });
  });

  it('passes other errors on', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).rejects(new Error('throttled'));

    // Act
    const act = workflow.start({ name: 'asm-1', input: {} });

    // Assess
    await expect(act).rejects.toThrow('throttled');
  });

  it('sends task success and failure for a task token', async () => {
    // Prepare
    sfn.on(SendTaskSuccessCommand).resolves({}).on(SendTaskFailureCommand).resolves({});

    // Act
    await workflow.sendTaskSuccess('token-1', { validated: true });
    await workflow.sendTaskFailure('token-2', 'ValidationFailed', 'x'.repeat(40000));

    // Assess
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0].args[0].input).toEqual({
      taskToken: 'token-1',
      output: '{"validated":true}',
    });
    expect(sfn.commandCalls(SendTaskFailureCommand)[0].args[0].input).toEqual({
      taskToken: 'token-2',
      error: 'ValidationFailed',
      cause: 'x'.repeat(32768),
    });
  });
});

describe('SesMailer', () => {
  const ses = mockClient(SESv2Client);
  afterEach(() => {
    ses.reset();
  });

  it('sends a simple UTF-8 email with subject, HTML and text', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const mailer = new SesMailer(new SESv2Client({ region: 'eu-west-1' }), {
      fromAddress: 'assessments@scalemap.ai',
    });

    // Act
    const result = await mailer.send({
      to: 'founder@example.com',
      subject: 'Your executive summary — ready',
      html: '<p>Ready</p>',
      text: 'Ready',
    });

    // Assess
    expect(result).toEqual({ messageId: 'ses-1' });
    expect(ses.commandCalls(SendEmailCommand)[0].args[0].input).toEqual({
      FromEmailAddress: 'assessments@scalemap.ai',
      Destination: { ToAddresses: ['founder@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: 'Your executive summary — ready', Charset: 'UTF-8' },
          Body: {
            Html: { Data: '<p>Ready</p>', Charset: 'UTF-8' },
            Text: { Data: 'Ready', Charset: 'UTF-8' },
          },
        },
      },
      ConfigurationSetName: undefined,
    });
  });
});

describe('SnsAlerter', () => {
  const sns = mockClient(SNSClient);
  const topicArn = 'arn:aws:sns:eu-west-1:123456789012:scalemap-founder-alerts';
  afterEach(() => {
    sns.reset();
  });

  it('publishes the alert to the topic', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
    const alerter = new SnsAlerter(new SNSClient({ region: 'eu-west-1' }), { topicArn });

    // Act
    await alerter.alert('Pipeline failed: asm-1', 'Stage Triage failed: timeout');

    // Assess
    expect(sns.commandCalls(PublishCommand)[0].args[0].input).toEqual({
      TopicArn: topicArn,
      Subject: 'Pipeline failed: asm-1',
      Message: 'Stage Triage failed: timeout',
    });
  });

  it('keeps the subject to one ASCII line of at most 100 characters', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({});
    const alerter = new SnsAlerter(new SNSClient({ region: 'eu-west-1' }), { topicArn });

    // Act
    await alerter.alert(`Échec\n${'y'.repeat(200)}`, 'details');

    // Assess
    const subject = sns.commandCalls(PublishCommand)[0].args[0].input.Subject!;
    expect(subject).toHaveLength(100);
    expect(subject).toMatch(/^\?chec y+\.\.\.$/);
  });
});

describe('S3ObjectStore', () => {
  const s3 = mockClient(S3Client);
  afterEach(() => {
    s3.reset();
  });

  it('presigns a PUT that binds Content-Type and Content-Length and returns the header to send', async () => {
    // Prepare
    const store = new S3ObjectStore({
      bucket: 'scalemap-documents',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });

    // Act
    const { url, headers } = await store.presignPut('assessments/asm-1/plan.pdf', {
      contentType: 'application/pdf',
      size: 12345,
      expiresSeconds: 300,
    });

    // Assess
    expect(headers).toEqual({ 'Content-Type': 'application/pdf' });
    const parsed = new URL(url);
    expect(parsed.hostname).toBe('scalemap-documents.s3.eu-west-1.amazonaws.com');
    expect(parsed.pathname).toBe('/assessments/asm-1/plan.pdf');
    expect(parsed.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(parsed.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url).not.toMatch(/checksum/i);
  });

  it('uses path-style URLs when given an endpoint and presigns GETs as attachments', async () => {
    // Prepare
    const store = new S3ObjectStore({
      bucket: 'docs',
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:4569',
    });

    // Act
    const url = new URL(
      await store.presignGet('a/b/report.pdf', { expiresSeconds: 60, fileName: 'Plan "v2"/é.pdf' }),
    );

    // Assess
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:4569/docs/a/b/report.pdf');
    expect(url.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="Plan _v2___.pdf"; filename*=UTF-8''Plan%20%22v2%22_%C3%A9.pdf`,
    );
    expect(contentDisposition('')).toBe(`attachment; filename="download"; filename*=UTF-8''download`);
  });

  it('answers head with null for a missing object', async () => {
    // Prepare
    s3.on(HeadObjectCommand).rejects(
      Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } }),
    );
    const store = new S3ObjectStore({
      bucket: 'docs',
      region: 'eu-west-1',
      client: new S3Client({ region: 'eu-west-1' }),
    });

    // Act
    const result = await store.head('missing.pdf');

    // Assess
    expect(result).toBeNull();
    expect(s3.commandCalls(HeadObjectCommand)[0].args[0].input).toEqual({
      Bucket: 'docs',
      Key: 'missing.pdf',
    });
  });
});
