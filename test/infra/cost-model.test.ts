/**
 * The cost model (scripts/cost/model.ts) and the template inventory (scripts/cost/inventory.ts) with fixed
 * inputs: round prices so that every figure can be checked by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  inventoryFromTemplate,
  runsPerMonth,
  type CfnTemplate,
  type Inventory,
} from '../../scripts/cost/inventory';
import {
  budgetStanding,
  DEFAULT_USAGE,
  estimate,
  leanProfile,
  pipelineShape,
  type Estimate,
  type Prices,
  type Usage,
} from '../../scripts/cost/model';

const PRICES: Prices = {
  region: 'test-region',
  currency: 'USD',
  asOf: 'test',
  source: 'round numbers for tests',
  hoursPerMonth: 730,
  fargate: { vcpuHour: 0.04, gbHour: 0.005, arm64Factor: 0.8, spotFactor: 0.3 },
  waf: { webAclMonth: 5, ruleMonth: 1, perMillionRequests: 0.6 },
  alb: { hour: 0.02, lcuHour: 0.01 },
  natGateway: { hour: 0.05, perGbProcessed: 0.05 },
  publicIpv4Hour: 0.005,
  ec2Hour: { 't4g.nano': 0.005 },
  ebsGp3GbMonth: 0.1,
  rds: { instanceHour: { 'db.t4g.micro': 0.02, 'db.t4g.small': 0.04 }, gp3GbMonth: 0.1 },
  lambda: { perMillionRequests: 0.2, gbSecondArm: 0.00001, gbSecondX86: 0.00002 },
  httpApi: { perMillionRequests: 1 },
  stepFunctions: { perThousandTransitions: 0.025 },
  sqs: { perMillionFifoRequests: 0.5 },
  eventBridge: { perMillionCustomEvents: 1 },
  secretsManager: { secretMonth: 0.4, per10kApiCalls: 0.05 },
  cloudWatch: {
    logsIngestPerGb: 0.5,
    logsStoragePerGbMonth: 0.03,
    alarmMetricMonth: 0.1,
    dashboardMonth: 3,
    customMetricMonth: 0.3,
  },
  s3: { standardGbMonth: 0.02, putPer1k: 0.005, getPer1k: 0.0004 },
  cloudFront: { perGbOutEuropeNA: 0.085, httpsRequestsPer10k: 0.01, functionPerMillion: 0.1 },
  ses: { per1000Emails: 0.1 },
  ecr: { gbMonth: 0.1 },
  openai: { 'test-model': { inputPerMillion: 1, outputPerMillion: 4 } },
  freeTier: {
    note: 'test',
    alwaysFree: {
      lambdaRequests: 1_000_000,
      lambdaGbSeconds: 400_000,
      stepFunctionsTransitions: 4_000,
      sqsRequests: 1_000_000,
      cloudWatchAlarmMetrics: 10,
      cloudWatchDashboards: 3,
      cloudWatchLogsGb: 5,
      cloudWatchCustomMetrics: 10,
      cloudFrontGb: 1_000,
      cloudFrontRequests: 10_000_000,
      cloudFrontFunctionInvocations: 2_000_000,
    },
    firstYear: {
      rdsMicroHours: 750,
      rdsStorageGb: 20,
      albHours: 750,
      albLcuHours: 11_250,
      ec2InstancePublicIpv4Hours: 750,
      s3Gb: 5,
      ecrGb: 0.5,
      httpApiRequests: 1_000_000,
      sesEmails: 3_000,
      ebsGb: 30,
    },
  },
};

/** The PRD's sizing: API 1 vCPU / 2 GB x 1-3 behind an ALB, NAT gateway, db.t4g.micro 20 GB. */
const PRD_INVENTORY: Inventory = {
  stage: 'prod',
  apiRuntime: 'fargate',
  apiService: { vcpu: 1, memoryGb: 2, minTasks: 1, maxTasks: 3 },
  triageTask: { vcpu: 0.5, memoryGb: 1 },
  specialistTask: { vcpu: 0.5, memoryGb: 1 },
  loadBalancers: 1,
  publicIpv4: { loadBalancer: 2, natGateway: 1, natInstance: 0 },
  natGateways: 1,
  natInstances: [],
  database: { instanceClass: 'db.t4g.micro', storageGb: 20, multiAz: false },
  functions: [
    { name: 'PrepareExecution', memoryMb: 512, arm: true },
    { name: 'GenerateDetailedReport', memoryMb: 1024, arm: true },
    { name: 'RelayOutbox', memoryMb: 512, arm: true },
  ],
  scheduledInvocationsPerMonth: 43_800,
  httpApis: 0,
  stateMachines: 1,
  alarmMetrics: 10,
  alarms: 8,
  dashboards: 1,
  secrets: 7,
  containerInsights: false,
  logRetentionDays: 30,
  distributions: 1,
  cloudFrontFunctions: 1,
  buckets: 3,
  queues: 2,
};

/** Usage with round figures: 10 assessments, 4 specialists of 10 min, triage 3 min, 10 GB through the NAT. */
const USAGE: Usage = {
  ...DEFAULT_USAGE,
  assessmentsPerMonth: 10,
  specialistsPerAssessment: 4,
  triageTaskMinutes: 3,
  specialistTaskMinutes: 10,
  agentConcurrencyCap: 5,
  model: 'test-model',
  tokens: {
    triage: { input: 4_000, output: 1_000 },
    perSpecialist: { input: 10_000, output: 2_000 },
    deliverables: { input: 26_000, output: 11_000 },
  },
  albAvgLcu: 0.5,
  natGbProcessedPerMonth: 10,
  apiExtraTaskHours: 0,
  secretsApiCallsPerMonth: 10_000,
  ecrStorageGb: 2,
  storedMbPerAssessment: 102.4,
  storageMonthsKept: 10,
  logsGbBasePerMonth: 1,
  logsMbPerAssessment: 51.2,
  appCustomMetrics: 3,
  emailsPerAssessment: 3,
};

function line(e: Estimate, service: string, itemStart = ''): { firstYear: number; afterFreeTier: number } {
  const found = e.lines.filter((l) => l.service === service && l.item.startsWith(itemStart));
  if (found.length === 0) throw new Error(`no ${service} line starting ${itemStart}`);
  return {
    firstYear: Math.round(found.reduce((n, l) => n + l.firstYear, 0) * 100) / 100,
    afterFreeTier: Math.round(found.reduce((n, l) => n + l.afterFreeTier, 0) * 100) / 100,
  };
}

describe('cost model with fixed inputs', () => {
  test('pipeline shape: polls every 15 s (triage) and 30 s (analyses), invocations, transitions, task minutes', () => {
    // Act
    const shape = pipelineShape(USAGE);
    // Assess: 3 min / 15 s = 12 polls; 10 min / 30 s = 20 polls; 11 fixed invocations; 18 fixed states + 3 per poll
    expect(shape).toEqual({
      triagePolls: 12,
      analysisPolls: 20,
      lambdaInvocations: 44,
      stateTransitions: 115,
      agentTaskMinutes: 43,
    });
    // Beyond the cap of 5, specialists run in a second wave.
    expect(pipelineShape({ ...USAGE, specialistsPerAssessment: 6 }).analysisPolls).toBe(40);
  });

  test("the PRD's sizing, line by line", () => {
    // Act
    const e = estimate(PRD_INVENTORY, USAGE, PRICES);
    // Assess
    // API: 730 h x (1 x 0.04 + 2 x 0.005) = 36.50
    expect(line(e, 'ECS Fargate', 'API')).toEqual({ firstYear: 36.5, afterFreeTier: 36.5 });
    // Agents: 10 x 43 min / 60 x (0.5 x 0.04 + 1 x 0.005) = 10 x 0.7167 h x 0.025 = 0.18
    expect(line(e, 'ECS Fargate', 'agents')).toEqual({ firstYear: 0.18, afterFreeTier: 0.18 });
    // ALB: 730 x 0.02 + 365 LCU-h x 0.01 = 14.60 + 3.65; free in year 1 (750 h, 11 250 LCU-h)
    expect(line(e, 'Load balancer')).toEqual({ firstYear: 0, afterFreeTier: 18.25 });
    // NAT gateway: 730 x 0.05 + 10 GB x 0.05 = 37.00
    expect(line(e, 'NAT')).toEqual({ firstYear: 37, afterFreeTier: 37 });
    // 3 public IPv4 (2 ALB, 1 NAT gateway) x 730 h x 0.005 = 10.95, none of them an EC2 instance's
    expect(line(e, 'Public IPv4')).toEqual({ firstYear: 10.95, afterFreeTier: 10.95 });
    // RDS: 730 h x 0.02 = 14.60 (free in year 1) + 20 GB x 0.1 = 2.00 (free in year 1)
    expect(line(e, 'RDS PostgreSQL')).toEqual({ firstYear: 0, afterFreeTier: 16.6 });
    // Secrets: 7 x 0.40 + 1 x 0.05 = 2.85
    expect(line(e, 'Secrets Manager')).toEqual({ firstYear: 2.85, afterFreeTier: 2.85 });
    // Step Functions: 10 x 114 = 1 140 transitions, under the 4 000 free
    expect(line(e, 'Step Functions')).toEqual({ firstYear: 0, afterFreeTier: 0 });
    // Lambda: 430 + 43 800 invocations, under the free allowances
    expect(line(e, 'Lambda')).toEqual({ firstYear: 0, afterFreeTier: 0 });
    // CloudWatch: 10 alarm metrics (all free), 1 dashboard (free), 3 custom metrics (free);
    // logs 1 + 0.5 (API) + 10 x 51.2 MB = 2.0 GB: ingestion free, storage 2.0 x 30/30 x 0.03 = 0.06
    expect(line(e, 'CloudWatch')).toEqual({ firstYear: 0.06, afterFreeTier: 0.06 });
    // S3: 10 x 102.4 MB x 10 months = 10 GB + 0.05 GB web = 10.05 GB x 0.02 = 0.201, year 1 (5 GB free) 0.101;
    // requests 10 x (20 PUT x 0.005 + 100 GET x 0.0004) / 1000 = 0.0014
    expect(line(e, 'S3')).toEqual({ firstYear: 0.1, afterFreeTier: 0.2 });
    // ECR: 2 GB x 0.10 = 0.20; year 1: 1.5 GB x 0.10
    expect(line(e, 'ECR')).toEqual({ firstYear: 0.15, afterFreeTier: 0.2 });
    // SES: 30 emails x 0.10 / 1000 = 0.003 (year 1: free)
    expect(line(e, 'SES')).toEqual({ firstYear: 0, afterFreeTier: 0 });
    expect(e.lines.some((l) => l.service === 'API Gateway')).toBe(false);

    // AWS totals: 36.50 + 0.18 + 37.00 + 10.95 + 2.85 + 0.06 + 0.10 + 0.15 = 87.79 in year 1 (+ sub-cent lines);
    // after: 36.50 + 0.18 + 18.25 + 37.00 + 10.95 + 16.60 + 2.85 + 0.06 + 0.20 + 0.20 = 122.79
    expect(e.aws.firstYear).toBeCloseTo(87.79, 1);
    expect(e.aws.afterFreeTier).toBeCloseTo(122.79, 1);
    // OpenAI per assessment: input 4 000 + 4 x 10 000 + 26 000 = 70 000 -> 0.07; output 1 000 + 8 000 + 11 000 = 20 000 -> 0.08
    expect(e.derived.tokensPerAssessment).toEqual({ input: 70_000, output: 20_000 });
    expect(e.perAssessment.openai).toBe(0.15);
    expect(e.openai).toBe(1.5);
    expect(e.perAssessment.allInFirstYear).toBeCloseTo((e.aws.firstYear + 1.5) / 10, 1);
    expect(budgetStanding(e)).toEqual({ firstYear: 'above', afterFreeTier: 'above' });
  });

  test('the lean profile: NAT instance, API on Lambda behind an HTTP API, no ALB, smallest database', () => {
    // Prepare
    const lean = leanProfile(PRD_INVENTORY);
    // Act
    const e = estimate(lean, USAGE, PRICES);
    // Assess
    expect(lean).toMatchObject({
      apiRuntime: 'lambda',
      apiService: undefined,
      loadBalancers: 0,
      natGateways: 0,
      httpApis: 1,
    });
    expect(lean.database).toEqual({ instanceClass: 'db.t4g.micro', storageGb: 20, multiAz: false });
    expect(lean.alarmMetrics).toBe(8);
    expect(e.lines.some((l) => l.service === 'Load balancer')).toBe(false);
    expect(e.lines.some((l) => l.item.startsWith('API'))).toBe(false);
    // NAT instance: 730 x 0.005 + 8 GB x 0.10 = 3.65 + 0.80 (EBS free in year 1)
    expect(line(e, 'NAT')).toEqual({ firstYear: 3.65, afterFreeTier: 4.45 });
    // Its Elastic IP: 730 h x 0.005 = 3.65, free for an EC2 instance in year 1 (750 h)
    expect(line(e, 'Public IPv4')).toEqual({ firstYear: 0, afterFreeTier: 3.65 });
    // HTTP API: 10 x 400 + 50 000 = 54 000 requests x 1 / 1e6 = 0.054 (year 1: free)
    expect(line(e, 'API Gateway')).toEqual({ firstYear: 0, afterFreeTier: 0.05 });
    expect(e.aws.afterFreeTier).toBeLessThan(estimate(PRD_INVENTORY, USAGE, PRICES).aws.afterFreeTier - 60);
    expect(budgetStanding(e).afterFreeTier).toBe('within');
  });

  test('costs that grow with assessments are marked variable, and scale linearly', () => {
    const ten = estimate(PRD_INVENTORY, USAGE, PRICES);
    const hundred = estimate(PRD_INVENTORY, { ...USAGE, assessmentsPerMonth: 100 }, PRICES);
    expect(line(hundred, 'ECS Fargate', 'agents').afterFreeTier).toBeCloseTo(
      line(ten, 'ECS Fargate', 'agents').afterFreeTier * 10,
      1,
    );
    expect(hundred.openai).toBe(15);
    expect(line(hundred, 'ECS Fargate', 'API')).toEqual(line(ten, 'ECS Fargate', 'API'));
    expect(hundred.lines.filter((l) => l.variable).map((l) => l.service)).toEqual(
      expect.arrayContaining(['ECS Fargate', 'Lambda', 'Step Functions', 'SES', 'S3']),
    );
  });

  test('Multi-AZ doubles the database hours and is never in the free tier; unknown sizes are refused', () => {
    const e = estimate(
      { ...PRD_INVENTORY, database: { instanceClass: 'db.t4g.micro', storageGb: 20, multiAz: true } },
      USAGE,
      PRICES,
    );
    // 2 x 730 h x 0.02 = 29.20 + 2.00 storage (free in year 1)
    expect(line(e, 'RDS PostgreSQL')).toEqual({ firstYear: 29.2, afterFreeTier: 31.2 });
    expect(() =>
      estimate(
        { ...PRD_INVENTORY, database: { instanceClass: 'db.r7g.large', storageGb: 20, multiAz: false } },
        USAGE,
        PRICES,
      ),
    ).toThrow(/no price for RDS db.r7g.large/);
    expect(() => estimate(PRD_INVENTORY, { ...USAGE, model: 'gpt-99' }, PRICES)).toThrow(/no OpenAI price/);
  });

  test('the real eu-west-1 price table has every figure the model reads', () => {
    const prices = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', '..', 'scripts', 'cost', 'prices-eu-west-1.json'), 'utf8'),
    ) as Prices;
    expect(prices.region).toBe('eu-west-1');
    expect(prices.asOf).toMatch(/^\d{4}-\d{2}/);
    const e = estimate(PRD_INVENTORY, DEFAULT_USAGE, prices);
    expect(Number.isFinite(e.aws.afterFreeTier)).toBe(true);
    expect(e.aws.afterFreeTier).toBeGreaterThan(80); // the PRD's own sizing does not fit its cap
    expect(estimate(leanProfile(PRD_INVENTORY), DEFAULT_USAGE, prices).aws.afterFreeTier).toBeLessThan(80);
  });
});

describe('inventory from a packaged template', () => {
  const template: CfnTemplate = {
    Conditions: {
      UseNatGateway: { 'Fn::Equals': ['true', 'true'] },
      UseNatInstance: { 'Fn::Not': [{ Condition: 'UseNatGateway' }] },
      HasImage: { 'Fn::Not': [{ 'Fn::Equals': ['bootstrap', 'bootstrap'] }] },
    },
    Resources: {
      ApiTaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: { Family: 'scalemap-api', Cpu: '1024', Memory: '2048' },
      },
      TriageTaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: { Family: 'scalemap-triage', Cpu: '512', Memory: '1024' },
      },
      AgentTaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: { Family: 'scalemap-agent', Cpu: '512', Memory: '1024' },
      },
      ApiService: {
        Type: 'AWS::ECS::Service',
        Properties: {
          TaskDefinition: { Ref: 'ApiTaskDefinition' },
          DesiredCount: { 'Fn::If': ['HasImage', '1', 0] },
        },
      },
      ApiScalableTarget: {
        Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
        Condition: 'HasImage',
        Properties: { MinCapacity: 1, MaxCapacity: 3 },
      },
      ApiLoadBalancer: {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: { Subnets: [{ Ref: 'A' }, { Ref: 'B' }] },
      },
      NatGateway: { Type: 'AWS::EC2::NatGateway', Condition: 'UseNatGateway', Properties: {} },
      NatInstance: {
        Type: 'AWS::EC2::Instance',
        Condition: 'UseNatInstance',
        Properties: { SourceDestCheck: false, InstanceType: 't4g.nano' },
      },
      Database: {
        Type: 'AWS::RDS::DBInstance',
        Properties: { DBInstanceClass: 'db.t4g.micro', AllocatedStorage: '20', MultiAZ: false },
      },
      RelayOutboxLambdaFunction: {
        Type: 'AWS::Lambda::Function',
        Properties: { MemorySize: 512, Architectures: ['arm64'] },
      },
      Schedule: {
        Type: 'AWS::Events::Rule',
        Properties: { ScheduleExpression: 'rate(1 minute)', Targets: [{ Id: 'relay' }] },
      },
      Alarm5xx: {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: {
          Metrics: [
            { Id: 'e', Expression: 'a/b' },
            { Id: 'a', MetricStat: {} },
            { Id: 'b', MetricStat: {} },
          ],
        },
      },
      AlarmDlq: { Type: 'AWS::CloudWatch::Alarm', Properties: { MetricName: 'x' } },
      Secret: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
      Cluster: {
        Type: 'AWS::ECS::Cluster',
        Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] },
      },
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } },
      StateMachine: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { StateMachineName: 'scalemap-delivery-prod' },
      },
    },
  };

  test('counts what the template creates, with conditions evaluated', () => {
    // Act
    const inv = inventoryFromTemplate(template);
    // Assess
    expect(inv).toMatchObject({
      stage: 'prod',
      apiRuntime: 'fargate',
      // the scalable target is not created before the first image; the running size comes from DesiredCount
      apiService: { vcpu: 1, memoryGb: 2, minTasks: 1, maxTasks: 1 },
      triageTask: { vcpu: 0.5, memoryGb: 1 },
      specialistTask: { vcpu: 0.5, memoryGb: 1 },
      loadBalancers: 1,
      publicIpv4: { loadBalancer: 2, natGateway: 1, natInstance: 0 },
      natGateways: 1,
      natInstances: [],
      database: { instanceClass: 'db.t4g.micro', storageGb: 20, multiAz: false },
      scheduledInvocationsPerMonth: 43_800,
      alarms: 2,
      alarmMetrics: 3,
      secrets: 1,
      containerInsights: true,
      logRetentionDays: 30,
    });
  });

  test('with an image, the scalable target gives min and max tasks', () => {
    const withImage = {
      ...template,
      Conditions: { ...template.Conditions, HasImage: { 'Fn::Equals': ['x', 'x'] } },
    };
    expect(inventoryFromTemplate(withImage).apiService).toMatchObject({ minTasks: 1, maxTasks: 3 });
  });

  test('schedules: rate expressions in runs a month', () => {
    expect(runsPerMonth('rate(1 minute)')).toBe(43_800);
    expect(runsPerMonth('rate(5 minutes)')).toBe(8_760);
    expect(runsPerMonth('rate(1 hour)')).toBe(730);
    expect(runsPerMonth('rate(2 days)')).toBe(15);
  });
});

describe('issue 10: WAF, access logs, secrets and the lean profile options', () => {
  test('a regional web ACL is priced per ACL, per rule and per request; the lean profile has none', () => {
    // Prepare
    const inv: Inventory = { ...PRD_INVENTORY, waf: { webAcls: 1, rules: 4 } };
    // Act
    const withWaf = estimate(inv, USAGE, PRICES);
    const lean = estimate(leanProfile(inv), USAGE, PRICES);
    // Assess
    const waf = withWaf.lines.filter((l) => l.service === 'WAF');
    expect(waf).toHaveLength(1);
    expect(waf[0].afterFreeTier).toBeGreaterThanOrEqual(5 + 4);
    expect(lean.lines.some((l) => l.service === 'WAF')).toBe(false);
  });

  test('ARM64 and Fargate Spot are lean profile options that lower only the agent tasks', () => {
    const BIG: Usage = { ...USAGE, assessmentsPerMonth: 10_000 }; // line figures are rounded to cents
    const agents = (e: Estimate) =>
      e.lines.filter((l) => l.service === 'ECS Fargate').reduce((n, l) => n + l.afterFreeTier, 0);
    const plain = estimate(leanProfile(PRD_INVENTORY), BIG, PRICES);
    const arm = estimate(leanProfile(PRD_INVENTORY, { arm64: true }), BIG, PRICES);
    const spot = estimate(leanProfile(PRD_INVENTORY, { fargateSpot: true }), BIG, PRICES);
    const both = estimate(leanProfile(PRD_INVENTORY, { arm64: true, fargateSpot: true }), BIG, PRICES);
    expect(agents(plain)).toBeGreaterThan(0);
    expect(agents(arm)).toBeCloseTo(agents(plain) * 0.8, 0);
    expect(agents(spot)).toBeCloseTo(agents(plain) * 0.3, 0);
    expect(agents(both)).toBeCloseTo(agents(plain) * 0.24, 0);
    expect(both.lines.find((l) => l.service === 'ECS Fargate')?.item).toMatch(/ARM64, Fargate Spot/);
    expect(plain.aws.afterFreeTier - both.aws.afterFreeTier).toBeCloseTo(agents(plain) - agents(both), 0);
  });

  test('the inventory counts the web ACL rules, the RDS-managed master secret and the access logs', () => {
    // Prepare
    const t: CfnTemplate = {
      Resources: {
        Acl: { Type: 'AWS::WAFv2::WebACL', Properties: { Rules: [{}, {}, {}] } },
        Db: {
          Type: 'AWS::RDS::DBInstance',
          Properties: {
            DBInstanceClass: 'db.t4g.micro',
            AllocatedStorage: '20',
            ManageMasterUserPassword: true,
          },
        },
        S1: { Type: 'AWS::SecretsManager::Secret' },
        LogsBucket: {
          Type: 'AWS::S3::Bucket',
          Properties: { LifecycleConfiguration: { Rules: [{ ExpirationInDays: 365 }] } },
        },
        Lb: {
          Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
          Properties: { LoadBalancerAttributes: [{ Key: 'access_logs.s3.enabled', Value: 'true' }] },
        },
      },
    };
    // Act
    const inv = inventoryFromTemplate(t);
    // Assess
    expect(inv.waf).toEqual({ webAcls: 1, rules: 3 });
    expect(inv.secrets).toBe(2);
    expect(inv.accessLogs).toEqual({ retentionDays: 365 });
  });
});
