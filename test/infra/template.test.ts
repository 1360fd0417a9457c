/**
 * The compiled CloudFormation of serverless.yml + resources/, packaged offline for `dev` (API on Lambda, no
 * account-specific settings) and `prod` (API on Fargate with certificate, domains, alert email and an
 * image tag), checked against the and the PRD's acceptance criteria and against the CloudFormation
 * resource specification.
 */
import { checkTemplate, findCycles, type Template } from './helpers/cfn-spec';
import {
  actions,
  allStatements,
  allStrings,
  condition,
  containerEnv,
  created,
  ofType,
  props,
  resolveIf,
  roleAllows,
  roleStatements,
  runPackage,
  STAGE_ENV,
  stageTemplate,
  stateMachineDefinition,
  type Json,
} from './helpers/template';

const PROD_ENV = STAGE_ENV.prod;

/** Functions the state machine calls, by logical id. */
const PIPELINE_FUNCTIONS = [
  'PrepareExecution',
  'LaunchTriage',
  'CheckTask',
  'DispatchAgents',
  'CheckAnalyses',
  'GenerateExecutiveSummary',
  'GenerateDetailedReport',
  'GenerateImplementationKits',
  'AwaitValidation',
  'SendDeliveryEmail',
  'AlertFounder',
  'MarkFailed',
].map((f) => `${f}LambdaFunction`);
const DB_FUNCTIONS = [
  ...PIPELINE_FUNCTIONS.filter((f) => f !== 'AlertFounderLambdaFunction'),
  'RelayOutboxLambdaFunction',
  'OnTriageCompleteLambdaFunction',
];

/** Environment variable names every process expects (src/config.ts). */
const SHARED_ENV = [
  'SCALEMAP_RUNTIME',
  'EVENT_BUS_NAME',
  'AGENT_QUEUE_URL',
  'AGENT_DLQ_URL',
  'ECS_CLUSTER',
  'AGENT_TASK_DEFINITION',
  'TRIAGE_TASK_DEFINITION',
  'AGENT_SUBNETS',
  'AGENT_SECURITY_GROUPS',
  'STATE_MACHINE_ARN',
  'S3_BUCKET',
  'SES_FROM_ADDRESS',
  'FOUNDER_ALERT_TOPIC_ARN',
  'COGNITO_USER_POOL_ID',
  'COGNITO_CLIENT_ID',
];

const ref = (id: string) => ({ Ref: id });
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

function ingress(t: Template, sg: string): Json[] {
  return props(t, sg).SecurityGroupIngress ?? [];
}

function lambdaEnv(t: Template, id: string): Record<string, Json> {
  return props(t, id).Environment?.Variables ?? {};
}

function roleOf(t: Template, fnId: string): string {
  return props(t, fnId).Role['Fn::GetAtt'][0];
}

/** Checks that apply to every stage. */
function commonChecks(stage: 'dev' | 'prod', get: () => Template) {
  const suffix = stage === 'prod' ? '' : `-${stage}`;
  const retention = stage === 'prod' ? 30 : 7;

  test('every resource type and property conforms to the CloudFormation resource specification', () => {
    expect(checkTemplate(get())).toEqual([]);
  });

  test('no dependency cycle between resources', () => {
    expect(findCycles(get())).toEqual([]);
  });

  test('network: VPC 10.0.0.0/16, public and private subnets in two AZs, IGW, S3 gateway endpoint', () => {
    const t = get();
    expect(props(t, 'Vpc').CidrBlock).toBe('10.0.0.0/16');
    const azIndex = (id: string) => props(t, id).AvailabilityZone['Fn::Select'][0];
    expect([azIndex('PublicSubnetA'), azIndex('PublicSubnetB')]).toEqual([0, 1]);
    expect([azIndex('PrivateSubnetA'), azIndex('PrivateSubnetB')]).toEqual([0, 1]);
    expect(props(t, 'PublicDefaultRoute')).toMatchObject({
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: ref('InternetGateway'),
    });
    expect(props(t, 'InternetGatewayAttachment')).toMatchObject({
      VpcId: ref('Vpc'),
      InternetGatewayId: ref('InternetGateway'),
    });
    expect(props(t, 'S3GatewayEndpoint')).toMatchObject({ VpcEndpointType: 'Gateway' });
    expect(props(t, 'S3GatewayEndpoint').RouteTableIds).toContainEqual(ref('PrivateRouteTable'));
  });

  test("security groups: LB 443 from CloudFront's origin-facing prefix list only, API 3000 from the LB only, DB 5432 from API/agent/Lambda only", () => {
    const t = get();
    const lb = ingress(t, 'LoadBalancerSecurityGroup');
    expect(lb.map((r) => [r.FromPort, r.ToPort, r.CidrIp, r.SourcePrefixListId])).toEqual([
      [443, 443, undefined, 'pl-4fa04526'],
    ]);
    expect(ingress(t, 'ApiTaskSecurityGroup')).toEqual([
      expect.objectContaining({
        FromPort: 3000,
        ToPort: 3000,
        SourceSecurityGroupId: ref('LoadBalancerSecurityGroup'),
      }),
    ]);
    expect(ingress(t, 'AgentTaskSecurityGroup')).toEqual([]);
    expect(ingress(t, 'LambdaSecurityGroup')).toEqual([]);
    const db = ingress(t, 'DatabaseSecurityGroup');
    expect(db.every((r) => r.FromPort === 5432 && r.ToPort === 5432 && !r.CidrIp)).toBe(true);
    expect(db.map((r) => r.SourceSecurityGroupId.Ref).sort()).toEqual(
      ['AgentTaskSecurityGroup', 'ApiTaskSecurityGroup', 'LambdaSecurityGroup'].sort(),
    );
  });

  test('database: PostgreSQL 16+, db.t4g.micro, 20 GB gp3, encrypted, single-AZ, private, 7-day backups, Sunday maintenance', () => {
    const t = get();
    const db = props(t, 'Database');
    expect(db.Engine).toBe('postgres');
    expect(Number(String(db.EngineVersion).split('.')[0])).toBeGreaterThanOrEqual(16);
    expect(db).toMatchObject({
      DBInstanceClass: 'db.t4g.micro',
      StorageType: 'gp3',
      StorageEncrypted: true,
      MultiAZ: false,
      PubliclyAccessible: false,
      BackupRetentionPeriod: 7,
      PreferredMaintenanceWindow: 'sun:03:00-sun:05:00',
      DBSubnetGroupName: ref('DatabaseSubnetGroup'),
    });
    expect(Number(db.AllocatedStorage)).toBe(20);
    expect(props(t, 'DatabaseSubnetGroup').SubnetIds).toEqual([ref('PrivateSubnetA'), ref('PrivateSubnetB')]);
    // The master password is RDS's own secret, rotated by Secrets Manager; no copy of it anywhere.
    expect(db.ManageMasterUserPassword).toBe(true);
    expect(db.MasterUserPassword).toBeUndefined();
    expect(props(t, 'AppDatabaseSecret').GenerateSecretString).toMatchObject({
      SecretStringTemplate: '{"username":"scalemap_app"}',
      GenerateStringKey: 'password',
      ExcludePunctuation: true,
    });
  });

  test('secrets: /scalemap/<stage>/... exist and no secret value is written in the template', () => {
    const t = get();
    const names = ofType(t, 'AWS::SecretsManager::Secret').map(([, r]) => (r.Properties as Json).Name);
    for (const n of [
      'app-database',
      'session-secret',
      'origin-verify',
      'openai-api-key',
      'stripe-secret-key',
      'stripe-webhook-secret',
      'cognito-config',
    ]) {
      expect(names).toContain(`/scalemap/${stage}/${n}`);
    }
    for (const [id, r] of ofType(t, 'AWS::SecretsManager::Secret')) {
      const p = r.Properties as Json;
      const s = p.SecretString;
      if (s === undefined) expect(p.GenerateSecretString).toBeDefined();
      else if (typeof s === 'string')
        expect({ id, s }).toEqual({ id, s: ' ' }); // placeholder, filled by hand
      else {
        // Composed at deploy time: only dynamic references and non-secret identifiers.
        const text = String(s['Fn::Sub']);
        expect(text.replace(/\{\{resolve:secretsmanager:[^}]+\}\}/g, '')).not.toMatch(/:\/\/[^:]+:[^@$]+@/);
      }
    }
    const strings = allStrings(t.Resources);
    for (const pattern of [
      /sk-[A-Za-z0-9]{16,}/,
      /sk_(live|test)_/,
      /whsec_/,
      /postgres(ql)?:\/\/[^:/]+:(?!\{\{resolve)[^@]+@/,
    ]) {
      expect(strings.filter((x) => pattern.test(x))).toEqual([]);
    }
    // Secret-named environment variables carry references, never literals.
    const envs: [string, Json][] = [];
    for (const [id] of ofType(t, 'AWS::Lambda::Function')) envs.push(...Object.entries(lambdaEnv(t, id)));
    for (const [id] of ofType(t, 'AWS::ECS::TaskDefinition'))
      envs.push(...Object.entries(containerEnv(t, id)));
    for (const [name, value] of envs) {
      if (/(KEY|SECRET|PASSWORD|TOKEN|DATABASE_URL)(_SECRET_ARN)?$/.test(name)) {
        expect({ name, literal: typeof value === 'string' }).toEqual({ name, literal: false });
      }
    }
  });

  // Deny statements only take rights away (the deployment bucket's TLS-only policy denies s3:*), so the
  // wildcard rule applies to Allow statements.
  test('no IAM Allow statement has a "*" or "service:*" action; "*" resources only where IAM allows nothing narrower', () => {
    const t = get();
    const resourceStarOk = new Set([
      'ecr:GetAuthorizationToken',
      'ecs:ListTasks', // scoped by the ecs:cluster condition
      'states:SendTaskSuccess', // task-token APIs take no resource: IAM accepts only "*" (the token is the scope)
      'logs:CreateLogDelivery',
      'logs:GetLogDelivery',
      'logs:UpdateLogDelivery',
      'logs:DeleteLogDelivery',
      'logs:ListLogDeliveries',
      'logs:PutResourcePolicy',
      'logs:DescribeResourcePolicies',
      'logs:DescribeLogGroups',
      'xray:PutTraceSegments',
      'xray:PutTelemetryRecords',
      'xray:GetSamplingRules',
      'xray:GetSamplingTargets',
    ]);
    const statements = allStatements(t);
    expect(statements.length).toBeGreaterThan(30);
    for (const { where, statement } of statements) {
      if (statement.Effect === 'Deny') {
        expect({ where, condition: JSON.stringify(statement.Condition) }).toEqual({
          where,
          condition: expect.stringContaining('aws:SecureTransport'),
        });
      }
      if (statement.Effect !== 'Allow') continue;
      for (const a of actions(statement)) {
        expect({ where, action: a }).not.toEqual({ where, action: expect.stringMatching(/^\*$|:\*$/) });
        if (JSON.stringify(statement.Resource) === '"*"') {
          expect({ where, action: a, resourceStarOk: resourceStarOk.has(a) }).toEqual({
            where,
            action: a,
            resourceStarOk: true,
          });
        }
      }
    }
  });

  test('ECR repositories scan on push and keep the last 20 images; the cluster is scalemap-cluster', () => {
    const t = get();
    for (const [id, name] of [
      ['ApiRepository', `scalemap-api${suffix}`],
      ['AgentRepository', `scalemap-agent-worker${suffix}`],
    ]) {
      const p = props(t, id);
      expect(p.RepositoryName).toBe(name);
      expect(p.ImageScanningConfiguration).toEqual({ ScanOnPush: true });
      const rule = JSON.parse(p.LifecyclePolicy.LifecyclePolicyText).rules[0];
      expect(rule.selection).toMatchObject({ countType: 'imageCountMoreThan', countNumber: 20 });
      expect(rule.action.type).toBe('expire');
    }
    expect(props(t, 'Cluster').ClusterName).toBe(`scalemap-cluster${suffix}`);
  });

  test('triage and specialist task definitions: 0.5 vCPU / 1 GB, container `agent`, AGENT_MODE, secrets by reference', () => {
    const t = get();
    for (const [id, mode, family] of [
      ['TriageTaskDefinition', 'triage', `scalemap-triage${suffix}`],
      ['AgentTaskDefinition', 'specialist', `scalemap-agent${suffix}`],
    ]) {
      const p = props(t, id);
      expect(p).toMatchObject({
        Cpu: '512',
        Memory: '1024',
        NetworkMode: 'awsvpc',
        RequiresCompatibilities: ['FARGATE'],
        Family: family,
      });
      const c = p.ContainerDefinitions[0];
      expect(c.Name).toBe('agent');
      expect(containerEnv(t, id).AGENT_MODE).toBe(mode);
      expect(c.LogConfiguration.Options['awslogs-group']).toEqual(ref('AgentLogGroup'));
      expect(c.Secrets).toEqual(
        expect.arrayContaining([
          { Name: 'DATABASE_CREDENTIALS', ValueFrom: ref('AppDatabaseSecret') },
          { Name: 'OPENAI_API_KEY', ValueFrom: ref('OpenAiApiKeySecret') },
        ]),
      );
      const env = containerEnv(t, id);
      for (const name of SHARED_ENV) expect(Object.keys(env)).toContain(name);
      expect(env.AGENT_CONCURRENCY_CAP).toBe('5');
      expect(env.AGENT_TASK_DEFINITION).toBe(`scalemap-agent${suffix}`);
      expect(env.TRIAGE_TASK_DEFINITION).toBe(`scalemap-triage${suffix}`);
    }
  });

  test('agent task role: receive/delete/change visibility on the queue, dead-letter + alert, PutEvents; nothing else', () => {
    const t = get();
    for (const a of ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility']) {
      expect(roleAllows(t, 'AgentTaskRole', a, arnOf('AgentQueue'))).toBe(true);
    }
    expect(roleAllows(t, 'AgentTaskRole', 'events:PutEvents', arnOf('EventBus'))).toBe(true);
    expect(roleAllows(t, 'AgentTaskRole', 'sqs:SendMessage', arnOf('AgentDeadLetterQueue'))).toBe(true);
    expect(roleAllows(t, 'AgentTaskRole', 'sns:Publish', ref('FounderAlertTopic'))).toBe(true);
    const all = roleStatements(t, 'AgentTaskRole').flatMap(actions).sort();
    expect(all).toEqual(
      [
        'events:PutEvents',
        's3:GetObject',
        'sns:Publish',
        'sqs:ChangeMessageVisibility',
        'sqs:DeleteMessage',
        'sqs:ReceiveMessage',
        'sqs:SendMessage',
      ].sort(),
    );
    expect(
      roleAllows(t, 'AgentExecutionRole', 'secretsmanager:GetSecretValue', ref('AppDatabaseSecret')),
    ).toBe(true);
    expect(roleAllows(t, 'AgentExecutionRole', 'secretsmanager:GetSecretValue', ref('SessionSecret'))).toBe(
      false,
    );
  });

  test(`log groups: /ecs/scalemap-agents and every Lambda and the state machine keep logs ${retention} days`, () => {
    const t = get();
    expect(props(t, 'AgentLogGroup')).toEqual({
      LogGroupName: `/ecs/scalemap-agents${suffix}`,
      RetentionInDays: retention,
    });
    for (const [id, r] of ofType(t, 'AWS::Logs::LogGroup')) {
      expect({ id, days: (r.Properties as Json).RetentionInDays }).toEqual({ id, days: retention });
    }
  });

  test('event bus scalemap-events with an archive; AssessmentSubmitted starts the state machine through startPipeline (execution name = assessment id)', () => {
    const t = get();
    expect(props(t, 'EventBus').Name).toBe(`scalemap-events${suffix}`);
    expect(props(t, 'EventArchive').SourceArn).toEqual(arnOf('EventBus'));
    const rule = props(t, 'AssessmentSubmittedRule');
    expect(rule.EventBusName).toEqual(ref('EventBus'));
    expect(rule.EventPattern).toEqual({ source: ['scalemap.api'], 'detail-type': ['AssessmentSubmitted'] });
    expect(rule.Targets).toEqual([expect.objectContaining({ Arn: arnOf('StartPipelineLambdaFunction') })]);
    expect(props(t, 'StartPipelinePermission')).toMatchObject({
      Principal: 'events.amazonaws.com',
      SourceArn: arnOf('AssessmentSubmittedRule'),
    });
    const role = roleOf(t, 'StartPipelineLambdaFunction');
    const stateMachineArn = {
      'Fn::Sub': `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:scalemap-delivery-${stage}`,
    };
    expect(roleAllows(t, role, 'states:StartExecution', stateMachineArn)).toBe(true);
    expect(roleAllows(t, role, 'ecs:RunTask')).toBe(false);
  });

  test('DomainTriageComplete goes to onTriageComplete, which EventBridge may invoke', () => {
    const t = get();
    const rule = props(t, 'DomainTriageCompleteRule');
    expect(rule.EventBusName).toEqual(ref('EventBus'));
    expect(rule.EventPattern['detail-type']).toEqual(['DomainTriageComplete']);
    expect(rule.Targets[0].Arn).toEqual(arnOf('OnTriageCompleteLambdaFunction'));
    expect(props(t, 'OnTriageCompletePermission')).toMatchObject({
      Principal: 'events.amazonaws.com',
      SourceArn: arnOf('DomainTriageCompleteRule'),
    });
  });

  test('agent queue: FIFO, deduplicated, 900 s visibility, 3 receives then the FIFO DLQ, which alarms on any message', () => {
    const t = get();
    const q = props(t, 'AgentQueue');
    expect(q).toMatchObject({
      QueueName: `scalemap-agent-tasks${suffix}.fifo`,
      FifoQueue: true,
      ContentBasedDeduplication: true,
      VisibilityTimeout: 900,
      RedrivePolicy: { deadLetterTargetArn: arnOf('AgentDeadLetterQueue'), maxReceiveCount: 3 },
    });
    expect(props(t, 'AgentDeadLetterQueue')).toMatchObject({
      QueueName: `scalemap-agent-tasks-dlq${suffix}.fifo`,
      FifoQueue: true,
    });
    expect(props(t, 'AgentDeadLetterAlarm')).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['AgentDeadLetterQueue', 'QueueName'] } }],
      AlarmActions: [ref('FounderAlertTopic')],
    });
  });

  test('delivery state machine: STANDARD, named per stage, X-Ray, ALL logging; its role invokes exactly the pipeline functions', () => {
    const t = get();
    const sm = props(t, 'DeliveryStateMachine');
    expect(sm).toMatchObject({
      StateMachineName: `scalemap-delivery-${stage}`,
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: true,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: arnOf('DeliveryStateMachineLogGroup') } }],
      },
    });
    const invoke = roleStatements(t, sm.RoleArn['Fn::GetAtt'][0]).filter((s) =>
      actions(s).includes('lambda:InvokeFunction'),
    );
    const targets = new Set(
      invoke
        .flatMap((s) => ([] as Json[]).concat(s.Resource))
        .map((r) => JSON.stringify(r).match(/"(\w+LambdaFunction)"/)?.[1]),
    );
    expect([...targets].sort()).toEqual([...PIPELINE_FUNCTIONS].sort());
    for (const s of roleStatements(t, sm.RoleArn['Fn::GetAtt'][0])) {
      for (const a of actions(s)) expect(a).toMatch(/^(lambda:InvokeFunction|logs:\w+|xray:\w+)$/);
    }
  });

  test('every Task state retries States.ALL at 1 s, 2 s, 4 s (3 attempts) and has a Catch failure path', () => {
    const { definition, placeholders } = stateMachineDefinition(get());
    const tasks = Object.entries(definition.States).filter(([, s]) => s.Type === 'Task');
    expect(tasks.length).toBeGreaterThanOrEqual(14);
    for (const [name, s] of tasks) {
      expect({ name, retry: s.Retry }).toEqual({
        name,
        retry: expect.arrayContaining([
          expect.objectContaining({
            ErrorEquals: ['States.ALL'],
            IntervalSeconds: 1,
            BackoffRate: 2,
            MaxAttempts: 3,
          }),
        ]),
      });
      expect({ name, catch: s.Catch }).toEqual({
        name,
        catch: expect.arrayContaining([
          expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: expect.any(String) }),
        ]),
      });
      for (const c of s.Catch) expect(definition.States[c.Next]).toBeDefined();
    }
    // Every Resource resolves to one of this stack's functions (or the task-token integration).
    const referenced = Object.values(placeholders).map((p) => JSON.stringify(p));
    for (const fn of PIPELINE_FUNCTIONS) expect(referenced.some((r) => r.includes(`"${fn}"`))).toBe(true);
    expect(JSON.stringify(definition)).toContain('arn:aws:states:::lambda:invoke.waitForTaskToken');
  });

  test('functions: Node.js 22; database functions in the private subnets with the Lambda SG and the DB secret ARN', () => {
    const t = get();
    for (const [id, r] of ofType(t, 'AWS::Lambda::Function')) {
      expect({ id, runtime: (r.Properties as Json).Runtime }).toEqual({ id, runtime: 'nodejs22.x' });
      const env = lambdaEnv(t, id);
      expect(env.AWS_REGION).toBeUndefined();
      expect(env.SCALEMAP_RUNTIME).toBe('aws');
      for (const name of SHARED_ENV) expect({ id, name, set: name in env }).toEqual({ id, name, set: true });
    }
    for (const id of DB_FUNCTIONS) {
      expect(props(t, id).VpcConfig).toEqual({
        SecurityGroupIds: [ref('LambdaSecurityGroup')],
        SubnetIds: [ref('PrivateSubnetA'), ref('PrivateSubnetB')],
      });
      expect(lambdaEnv(t, id).DATABASE_CREDENTIALS_SECRET_ARN).toEqual(ref('AppDatabaseSecret'));
      expect(lambdaEnv(t, id).DATABASE_POOL_MAX).toBe('1');
      expect(roleAllows(t, roleOf(t, id), 'secretsmanager:GetSecretValue', ref('AppDatabaseSecret'))).toBe(
        true,
      );
    }
    expect(props(t, 'AlertFounderLambdaFunction').VpcConfig).toBeUndefined();
    // SESSION_SECRET only where sessions are handled (the API); no database credentials where there is no query.
    for (const [id] of ofType(t, 'AWS::Lambda::Function')) {
      const env = lambdaEnv(t, id);
      expect({ id, session: 'SESSION_SECRET_SECRET_ARN' in env }).toEqual({
        id,
        session: id === 'ApiLambdaFunction',
      });
      expect(env.DATABASE_URL_SECRET_ARN).toBeUndefined();
    }
    for (const id of ['AlertFounderLambdaFunction', 'StartPipelineLambdaFunction'])
      expect(lambdaEnv(t, id).DATABASE_CREDENTIALS_SECRET_ARN).toBeUndefined();
  });

  test('least privilege per function, as the issue lists it', () => {
    const t = get();
    const allows = (fn: string, action: string, res?: unknown) =>
      roleAllows(t, roleOf(t, `${fn}LambdaFunction`), action, res);
    const triageDefs = {
      'Fn::Sub': `arn:\${AWS::Partition}:ecs:\${AWS::Region}:\${AWS::AccountId}:task-definition/scalemap-triage${suffix}:*`,
    };
    const agentDefs = {
      'Fn::Sub': `arn:\${AWS::Partition}:ecs:\${AWS::Region}:\${AWS::AccountId}:task-definition/scalemap-agent${suffix}:*`,
    };
    expect(allows('LaunchTriage', 'ecs:RunTask', triageDefs)).toBe(true);
    expect(allows('LaunchTriage', 'ecs:RunTask', agentDefs)).toBe(false);
    expect(allows('LaunchTriage', 'ecs:ListTasks')).toBe(true);
    expect(allows('LaunchTriage', 'iam:PassRole', arnOf('AgentTaskRole'))).toBe(true);
    expect(allows('CheckTask', 'ecs:DescribeTasks')).toBe(true);
    expect(allows('CheckTask', 'ecs:RunTask')).toBe(true);
    expect(allows('DispatchAgents', 'sqs:SendMessage', arnOf('AgentQueue'))).toBe(true);
    expect(allows('DispatchAgents', 'sqs:GetQueueAttributes', arnOf('AgentQueue'))).toBe(true);
    expect(allows('PrepareExecution', 'ses:SendEmail')).toBe(true); // the submission confirmation
    expect(allows('AwaitValidation', 'states:SendTaskSuccess', '*')).toBe(true);
    expect(allows('DispatchAgents', 'ecs:RunTask', agentDefs)).toBe(true);
    expect(allows('CheckAnalyses', 'sqs:GetQueueAttributes', arnOf('AgentQueue'))).toBe(true);
    expect(allows('CheckAnalyses', 'ecs:RunTask', agentDefs)).toBe(true);
    expect(allows('CheckAnalyses', 'sqs:SendMessage')).toBe(false);
    for (const fn of ['GenerateExecutiveSummary', 'GenerateDetailedReport', 'GenerateImplementationKits']) {
      expect(allows(fn, 's3:PutObject', { 'Fn::Sub': '${DocumentsBucket.Arn}/*' })).toBe(true);
    }
    expect(allows('SendDeliveryEmail', 'ses:SendEmail')).toBe(true);
    expect(allows('SendDeliveryEmail', 's3:GetObject')).toBe(false);
    expect(allows('AlertFounder', 'sns:Publish', ref('FounderAlertTopic'))).toBe(true);
    expect(allows('RelayOutbox', 'events:PutEvents', arnOf('EventBus'))).toBe(true);
    expect(allows('MarkFailed', 'events:PutEvents')).toBe(false);
    expect(allows('AwaitValidation', 'ecs:RunTask')).toBe(false);
  });

  test('relayOutbox runs every minute', () => {
    const t = get();
    const schedules = ofType(t, 'AWS::Events::Rule').filter(
      ([, r]) => (r.Properties as Json).ScheduleExpression,
    );
    // Two schedules: the outbox relay every minute, the document retention job once a day.
    expect(schedules).toHaveLength(2);
    const target = (fn: string) =>
      schedules.find(
        ([, r]) => JSON.stringify((r.Properties as Json).Targets[0].Arn) === JSON.stringify(arnOf(fn)),
      );
    expect((target('RelayOutboxLambdaFunction')?.[1].Properties as Json).ScheduleExpression).toBe(
      'rate(1 minute)',
    );
    expect((target('PurgeExpiredDocumentsLambdaFunction')?.[1].Properties as Json).ScheduleExpression).toBe(
      'rate(1 day)',
    );
  });

  test('auth: user pool, app client (USER_PASSWORD_AUTH, refresh, no secret), founders group', () => {
    const t = get();
    expect(props(t, 'UserPoolClient')).toMatchObject({
      UserPoolId: ref('UserPool'),
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    expect(props(t, 'FoundersGroup')).toMatchObject({ GroupName: 'founders', UserPoolId: ref('UserPool') });
  });

  test('documents bucket: private, encrypted, TLS only, CORS for presigned PUT/GET from the web origin', () => {
    const t = get();
    const b = props(t, 'DocumentsBucket');
    expect(b.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(
      b.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm,
    ).toBe('AES256');
    const cors = b.CorsConfiguration.CorsRules[0];
    expect(cors.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'PUT']));
    expect(cors.AllowedOrigins).toHaveLength(1);
    expect(JSON.stringify(cors.AllowedOrigins)).not.toContain('*');
    const deny = props(t, 'DocumentsBucketPolicy').PolicyDocument.Statement[0];
    expect(deny).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  });

  test('web: private bucket behind CloudFront with OAC; /api/* to the API origin over HTTPS viewers, uncached', () => {
    const t = get();
    const d = props(t, 'WebDistribution').DistributionConfig;
    const web = d.Origins.find((o: Json) => o.Id === 'web');
    expect(web.OriginAccessControlId).toEqual({ 'Fn::GetAtt': ['WebOriginAccessControl', 'Id'] });
    expect(web.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(props(t, 'WebOriginAccessControl').OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
    });
    const oacRead = props(t, 'WebBucketPolicy').PolicyDocument.Statement[0];
    expect(oacRead).toMatchObject({
      Effect: 'Allow',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
    });
    expect(d.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    const api = d.CacheBehaviors.find((b: Json) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      TargetOriginId: 'api',
      ViewerProtocolPolicy: 'https-only',
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
    });
    expect(api.AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT', 'DELETE', 'PATCH']));
  });

  test('monitoring: founder-alert topic, execution failed/timed-out alarms, ECS task failures to SNS, dashboard', () => {
    const t = get();
    expect(props(t, 'FounderAlertTopic').TopicName).toBe(`scalemap-founder-alerts${suffix}`);
    for (const [id, metric] of [
      ['DeliveryExecutionsFailedAlarm', 'ExecutionsFailed'],
      ['DeliveryExecutionsTimedOutAlarm', 'ExecutionsTimedOut'],
    ]) {
      expect(props(t, id)).toMatchObject({
        Namespace: 'AWS/States',
        MetricName: metric,
        Dimensions: [{ Name: 'StateMachineArn', Value: ref('DeliveryStateMachine') }],
        AlarmActions: [ref('FounderAlertTopic')],
      });
    }
    const ecs = props(t, 'EcsTaskFailureRule');
    expect(ecs.EventPattern).toMatchObject({
      source: ['aws.ecs'],
      'detail-type': ['ECS Task State Change'],
      detail: { clusterArn: [arnOf('Cluster')], lastStatus: ['STOPPED'] },
    });
    expect(JSON.stringify(ecs.EventPattern)).toContain('anything-but');
    expect(ecs.Targets[0].Arn).toEqual(ref('FounderAlertTopic'));
    const publishFromRule = props(t, 'FounderAlertTopicPolicy').PolicyDocument.Statement.find(
      (s: Json) => s.Principal?.Service === 'events.amazonaws.com',
    );
    expect(publishFromRule.Condition.ArnEquals['aws:SourceArn']).toEqual(arnOf('EcsTaskFailureRule'));
    const body = JSON.stringify(props(t, 'Dashboard').DashboardBody);
    for (const m of ['ExecutionsFailed', 'ExecutionTime', 'p50', 'p99', 'CpuUtilized', 'MemoryUtilized'])
      expect(body).toContain(m);
  });

  test('API 5xx alarm: metric math above 5 % for 2 minutes, to the founder', () => {
    const p = props(get(), 'Api5xxAlarm');
    expect(p).toMatchObject({
      Threshold: 5,
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    const expr = p.Metrics.find((m: Json) => m.Expression);
    expect(expr.Expression).toMatch(/100 \*/);
    expect(p.Metrics.filter((m: Json) => m.MetricStat).every((m: Json) => m.MetricStat.Period === 60)).toBe(
      true,
    );
  });
}

describe('dev stage (API on Lambda, no NAT gateway)', () => {
  let t: Template;
  beforeAll(() => {
    t = stageTemplate('dev');
  }, 1_000_000);
  commonChecks('dev', () => t);

  test('the API is a Lambda behind an HTTP API route ANY /api/{proxy+}; no load balancer, no API service', () => {
    expect(props(t, 'ApiLambdaFunction').Handler).toBe('functions/api.handler');
    const routes = ofType(t, 'AWS::ApiGatewayV2::Route').map(([, r]) => (r.Properties as Json).RouteKey);
    expect(routes).toEqual(['ANY /api/{proxy+}']);
    expect(ofType(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer')).toEqual([]);
    expect(ofType(t, 'AWS::ECS::Service')).toEqual([]);
    expect(Object.keys(t.Resources)).not.toContain('ApiTaskDefinition');
    const origin = props(t, 'WebDistribution').DistributionConfig.Origins.find((o: Json) => o.Id === 'api');
    expect(origin.DomainName).toEqual({ 'Fn::Sub': '${HttpApi}.execute-api.${AWS::Region}.amazonaws.com' });
    expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    const alarm = props(t, 'Api5xxAlarm');
    expect(JSON.stringify(alarm.Metrics)).toContain('"AWS/ApiGateway"');
  });

  test('the API Lambda may use S3, EventBridge and its secrets; only the Cognito admin actions it calls', () => {
    const role = roleOf(t, 'ApiLambdaFunction');
    expect(roleAllows(t, role, 's3:PutObject', { 'Fn::Sub': '${DocumentsBucket.Arn}/*' })).toBe(true);
    // Only the founder check, sign-out everywhere and undoing a half-made registration; never AdminAddUserToGroup.
    expect(
      roleStatements(t, role)
        .flatMap(actions)
        .filter((a) => a.startsWith('cognito-idp:'))
        .sort(),
    ).toEqual([
      'cognito-idp:AdminDeleteUser',
      'cognito-idp:AdminListGroupsForUser',
      'cognito-idp:AdminUserGlobalSignOut',
    ]);
    expect(props(t, 'ApiLambdaFunction').Environment.Variables.TRUST_PROXY).toBe('2');
    expect(roleAllows(t, role, 'events:PutEvents', arnOf('EventBus'))).toBe(true);
    expect(roleAllows(t, role, 'secretsmanager:GetSecretValue', ref('StripeSecretKeySecret'))).toBe(true);
    expect(props(t, 'ApiLambdaFunction').Environment.Variables.STRIPE_SECRET_KEY_SECRET_ARN).toEqual(
      ref('StripeSecretKeySecret'),
    );
  });

  test('no NAT gateway: a NAT instance routes the private subnets; no deletion protection; no budgets', () => {
    expect(condition(t, 'UseNatGateway')).toBe(false);
    expect(created(t, 'NatGateway')).toBe(false);
    expect(created(t, 'NatInstance')).toBe(true);
    expect(props(t, 'PrivateDefaultRouteViaNatInstance').InstanceId).toEqual(ref('NatInstance'));
    expect(props(t, 'NatInstance').SourceDestCheck).toBe(false);
    expect(resolveIf(t, props(t, 'Database').DeletionProtection)).toBe(false);
    expect(created(t, 'MonthlyBudget')).toBe(false);
    expect(created(t, 'FounderAlertEmail')).toBe(false); // no alert email configured for dev
    expect(props(t, 'Cluster').ClusterSettings).toEqual([{ Name: 'containerInsights', Value: 'disabled' }]);
  });
});

describe('prod stage (API on Fargate behind the ALB, NAT gateway, protected)', () => {
  let t: Template;
  beforeAll(() => {
    t = stageTemplate('prod');
  }, 1_000_000);
  commonChecks('prod', () => t);

  test('API task definition: 1 vCPU / 2 GB, port 3000, secrets by reference, the shared environment', () => {
    const p = props(t, 'ApiTaskDefinition');
    expect(p).toMatchObject({
      Cpu: '1024',
      Memory: '2048',
      NetworkMode: 'awsvpc',
      RequiresCompatibilities: ['FARGATE'],
    });
    const c = p.ContainerDefinitions[0];
    expect(c.PortMappings).toEqual([{ ContainerPort: 3000, Protocol: 'tcp' }]);
    expect(c.Image).toEqual({ 'Fn::Sub': `\${ApiRepository.RepositoryUri}:${PROD_ENV.IMAGE_TAG}` });
    expect(c.Secrets.map((s: Json) => s.Name).sort()).toEqual(
      [
        'DATABASE_CREDENTIALS',
        'OPENAI_API_KEY',
        'SESSION_SECRET',
        'STRIPE_SECRET_KEY',
        'STRIPE_WEBHOOK_SECRET',
      ].sort(),
    );
    expect(c.LogConfiguration.Options['awslogs-group']).toEqual(ref('ApiLogGroup'));
    expect(props(t, 'ApiLogGroup')).toEqual({ LogGroupName: '/ecs/scalemap-api', RetentionInDays: 30 });
    const env = containerEnv(t, 'ApiTaskDefinition');
    expect(env).toMatchObject({
      PORT: '3000',
      HOST: '0.0.0.0',
      DATABASE_POOL_MAX: '10',
      PUBLIC_URL: 'https://app.example.com',
      TRUST_PROXY: '2',
      DATABASE_NAME: 'scalemap',
    });
    for (const name of SHARED_ENV) expect(Object.keys(env)).toContain(name);
  });

  test('API service behind the ALB: liveness check GET /api/health/live every 30 s, circuit breaker with rollback, 1-3 tasks on CPU', () => {
    const s = props(t, 'ApiService');
    expect(s).toMatchObject({
      ServiceName: 'scalemap-api-service',
      Cluster: ref('Cluster'),
      LaunchType: 'FARGATE',
      DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true } },
      LoadBalancers: [{ ContainerName: 'api', ContainerPort: 3000, TargetGroupArn: ref('ApiTargetGroup') }],
    });
    expect(s.NetworkConfiguration.AwsvpcConfiguration).toMatchObject({
      AssignPublicIp: 'DISABLED',
      SecurityGroups: [ref('ApiTaskSecurityGroup')],
    });
    expect(Number(resolveIf(t, s.DesiredCount))).toBe(1);
    expect(props(t, 'ApiTargetGroup')).toMatchObject({
      Port: 3000,
      TargetType: 'ip',
      HealthCheckPath: '/api/health/live',
      HealthCheckIntervalSeconds: 30,
      Matcher: { HttpCode: '200' },
    });
    expect(created(t, 'ApiScalableTarget')).toBe(true);
    expect(props(t, 'ApiScalableTarget')).toMatchObject({
      MinCapacity: 1,
      MaxCapacity: 3,
      ScalableDimension: 'ecs:service:DesiredCount',
    });
    expect(
      props(t, 'ApiCpuScaling').TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification,
    ).toEqual({
      PredefinedMetricType: 'ECSServiceAverageCPUUtilization',
    });
    expect(props(t, 'ApiLoadBalancer')).toMatchObject({
      Scheme: 'internet-facing',
      Subnets: [ref('PublicSubnetA'), ref('PublicSubnetB')],
    });
  });

  test('HTTPS end to end: 443 only, the stage certificate, only requests carrying the CloudFront origin secret are forwarded', () => {
    expect(ofType(t, 'AWS::ElasticLoadBalancingV2::Listener').map(([id]) => id)).toEqual(['HttpsListener']);
    expect(props(t, 'HttpsListener')).toMatchObject({
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: PROD_ENV.SCALEMAP_CERTIFICATE_ARN }],
      DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '403' } }],
    });
    const rule = props(t, 'HttpsFromCloudFrontRule');
    expect(rule.Conditions[0].HttpHeaderConfig.HttpHeaderName).toBe('X-Origin-Verify');
    const secretRef = { 'Fn::Sub': '{{resolve:secretsmanager:${OriginVerifySecret}:SecretString}}' };
    expect(rule.Conditions[0].HttpHeaderConfig.Values).toEqual([secretRef]);
    expect(rule.Actions).toEqual([{ Type: 'forward', TargetGroupArn: ref('ApiTargetGroup') }]);
    const origin = props(t, 'WebDistribution').DistributionConfig.Origins.find((o: Json) => o.Id === 'api');
    expect(origin.DomainName).toBe('api.example.com');
    expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(origin.OriginCustomHeaders).toEqual([{ HeaderName: 'X-Origin-Verify', HeaderValue: secretRef }]);
    expect(resolveIf(t, props(t, 'WebDistribution').DistributionConfig.Aliases)).toEqual(['app.example.com']);
    // HSTS and CSP on everything CloudFront serves; WAF and access logs on the load balancer.
    const headers = props(t, 'SecurityHeadersPolicy').ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      Override: true,
    });
    expect(JSON.stringify(headers.ContentSecurityPolicy)).toContain("default-src 'self'");
    expect(props(t, 'ApiWebAclAssociation').ResourceArn).toEqual(ref('ApiLoadBalancer'));
    expect(props(t, 'ApiLoadBalancer').LoadBalancerAttributes).toContainEqual({
      Key: 'access_logs.s3.enabled',
      Value: 'true',
    });
  });

  test('API task role: S3 on the bucket, PutEvents, StartExecution, task tokens ("*"); only the Cognito admin actions it calls', () => {
    const sm = {
      'Fn::Sub':
        'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:scalemap-delivery-prod',
    };
    expect(roleAllows(t, 'ApiTaskRole', 's3:PutObject', { 'Fn::Sub': '${DocumentsBucket.Arn}/*' })).toBe(
      true,
    );
    // Only the founder check, sign-out everywhere and undoing a half-made registration; never AdminAddUserToGroup.
    expect(
      roleStatements(t, 'ApiTaskRole')
        .flatMap(actions)
        .filter((a) => a.startsWith('cognito-idp:'))
        .sort(),
    ).toEqual([
      'cognito-idp:AdminDeleteUser',
      'cognito-idp:AdminListGroupsForUser',
      'cognito-idp:AdminUserGlobalSignOut',
    ]);
    expect(roleAllows(t, 'ApiTaskRole', 'events:PutEvents', arnOf('EventBus'))).toBe(true);
    expect(roleAllows(t, 'ApiTaskRole', 'states:StartExecution', sm)).toBe(true);
    expect(roleAllows(t, 'ApiTaskRole', 'states:SendTaskSuccess', '*')).toBe(true);
    expect(
      roleAllows(t, 'ApiExecutionRole', 'secretsmanager:GetSecretValue', ref('StripeWebhookSecretSecret')),
    ).toBe(true);
  });

  test('NAT gateway on, deletion protection on, retained data, 30-day logs, Container Insights', () => {
    expect(created(t, 'NatGateway')).toBe(true);
    expect(created(t, 'NatInstance')).toBe(false);
    expect(props(t, 'PrivateDefaultRouteViaNatGateway').NatGatewayId).toEqual(ref('NatGateway'));
    expect(resolveIf(t, props(t, 'Database').DeletionProtection)).toBe(true);
    expect(t.Resources.Database.DeletionPolicy).toBe('Snapshot');
    expect(t.Resources.DocumentsBucket.DeletionPolicy).toBe('Retain');
    // Every secret and data store is retained in prod.
    for (const type of [
      'AWS::SecretsManager::Secret',
      'AWS::S3::Bucket',
      'AWS::Cognito::UserPool',
      'AWS::ECR::Repository',
    ])
      for (const [id, r] of ofType(t, type)) {
        // The built web app (redeployed from git) and the framework's deployment artifacts.
        if (id === 'WebBucket' || id === 'ServerlessDeploymentBucket') continue;
        expect({ id, d: r.DeletionPolicy, u: r.UpdateReplacePolicy }).toEqual({
          id,
          d: 'Retain',
          u: 'Retain',
        });
      }
    expect(resolveIf(t, props(t, 'UserPool').DeletionProtection)).toBe('ACTIVE');
    expect(props(t, 'Cluster').ClusterSettings).toEqual([{ Name: 'containerInsights', Value: 'enabled' }]);
  });

  test('the ALB 5xx alarm divides target and load balancer 5xx by requests', () => {
    const metrics = props(t, 'Api5xxAlarm').Metrics;
    const names = metrics.filter((m: Json) => m.MetricStat).map((m: Json) => m.MetricStat.Metric.MetricName);
    expect(names.sort()).toEqual(
      ['HTTPCode_ELB_5XX_Count', 'HTTPCode_Target_5XX_Count', 'RequestCount'].sort(),
    );
  });

  test('alert email subscription, SES identity, and budgets at $10, $20, $50, $100 to the alert email', () => {
    expect(created(t, 'FounderAlertEmail')).toBe(true);
    expect(props(t, 'FounderAlertEmail')).toMatchObject({
      Protocol: 'email',
      Endpoint: 'founders@example.com',
    });
    expect(props(t, 'SesIdentity').EmailIdentity).toBe('example.com');
    expect(created(t, 'MonthlyBudget')).toBe(true);
    const notes = props(t, 'MonthlyBudget').NotificationsWithSubscribers;
    const actual = notes.filter((n: Json) => n.Notification.NotificationType === 'ACTUAL');
    expect(actual.map((n: Json) => n.Notification.Threshold)).toEqual([10, 20, 50, 100]);
    expect(actual.every((n: Json) => n.Notification.ThresholdType === 'ABSOLUTE_VALUE')).toBe(true);
    expect(notes.every((n: Json) => n.Subscribers[0].Address === 'founders@example.com')).toBe(true);
  });

  test('staging and prod refuse to package without an alert email, a certificate or the API domain; every stage without a sender or an image tag', () => {
    const prod = runPackage(
      'prod',
      { SCALEMAP_SES_FROM: 'assessments@example.com', IMAGE_TAG: 'abc' },
      '.serverless-prod-incomplete',
    );
    expect(prod.status).not.toBe(0);
    expect(prod.output).toMatch(/params\.prod\.alertEmail/);
    expect(prod.output).toMatch(/params\.prod\.certificateArn/);
    expect(prod.output).toMatch(/params\.prod\.apiDomain/);
    const dev = runPackage('dev', {}, '.serverless-dev-incomplete');
    expect(dev.status).not.toBe(0);
    expect(dev.output).toMatch(/SCALEMAP_SES_FROM must be set|IMAGE_TAG is not set/);
    const devLocalSender = runPackage(
      'dev',
      { SCALEMAP_SES_FROM: 'assessments@scalemap.local', IMAGE_TAG: 'abc' },
      '.serverless-dev-incomplete',
    );
    expect(devLocalSender.status).not.toBe(0);
    expect(devLocalSender.output).toMatch(/SCALEMAP_SES_FROM must be set/);
  }, 300_000);
});
