/**
 * The monthly cost model: an inventory (what the packaged template creates, see inventory.ts), usage
 * assumptions and a price table (prices-eu-west-1.json) in; one line per service out, for the first year
 * (AWS 12-month free tier applied) and after it, plus the cost per assessment. Pure and deterministic.
 */
import type { Inventory, TaskSize } from './inventory';

export interface Prices {
  region: string;
  currency: string;
  asOf: string;
  source: string;
  hoursPerMonth: number;
  fargate: { vcpuHour: number; gbHour: number; arm64Factor: number; spotFactor: number };
  waf: { webAclMonth: number; ruleMonth: number; perMillionRequests: number };
  alb: { hour: number; lcuHour: number };
  natGateway: { hour: number; perGbProcessed: number };
  publicIpv4Hour: number;
  ec2Hour: Record<string, number>;
  ebsGp3GbMonth: number;
  rds: { instanceHour: Record<string, number>; gp3GbMonth: number };
  lambda: { perMillionRequests: number; gbSecondArm: number; gbSecondX86: number };
  httpApi: { perMillionRequests: number };
  stepFunctions: { perThousandTransitions: number };
  sqs: { perMillionFifoRequests: number };
  eventBridge: { perMillionCustomEvents: number };
  secretsManager: { secretMonth: number; per10kApiCalls: number };
  cloudWatch: {
    logsIngestPerGb: number;
    logsStoragePerGbMonth: number;
    alarmMetricMonth: number;
    dashboardMonth: number;
    customMetricMonth: number;
  };
  s3: { standardGbMonth: number; putPer1k: number; getPer1k: number };
  cloudFront: { perGbOutEuropeNA: number; httpsRequestsPer10k: number; functionPerMillion: number };
  ses: { per1000Emails: number };
  ecr: { gbMonth: number };
  openai: Record<string, { inputPerMillion: number; outputPerMillion: number }>;
  freeTier: {
    note: string;
    alwaysFree: {
      lambdaRequests: number;
      lambdaGbSeconds: number;
      stepFunctionsTransitions: number;
      sqsRequests: number;
      cloudWatchAlarmMetrics: number;
      cloudWatchDashboards: number;
      cloudWatchLogsGb: number;
      cloudWatchCustomMetrics: number;
      cloudFrontGb: number;
      cloudFrontRequests: number;
      cloudFrontFunctionInvocations: number;
    };
    firstYear: {
      rdsMicroHours: number;
      rdsStorageGb: number;
      albHours: number;
      albLcuHours: number;
      ec2InstancePublicIpv4Hours: number;
      s3Gb: number;
      ecrGb: number;
      httpApiRequests: number;
      sesEmails: number;
      ebsGb: number;
    };
  };
}

export interface Tokens {
  input: number;
  output: number;
}

/** Usage assumptions. Per-assessment figures follow the PRD (3-5 of 12 specialists, ~5K tokens of triage). */
export interface Usage {
  assessmentsPerMonth: number;
  /** Specialists activated per assessment (PRD: 3-5 of 12). */
  specialistsPerAssessment: number;
  /** Wall-clock minutes of one triage task (PRD: under 2 minutes; 3 with start-up). */
  triageTaskMinutes: number;
  /** Wall-clock minutes of one specialist task (PRD: all agents within 15 minutes). */
  specialistTaskMinutes: number;
  /** Agent tasks that run at once (the cap). */
  agentConcurrencyCap: number;
  model: string;
  tokens: { triage: Tokens; perSpecialist: Tokens; deliverables: Tokens };
  apiRequestsPerAssessment: number;
  apiRequestsBaselinePerMonth: number;
  apiLambdaAvgMs: number;
  pipelineLambdaAvgMs: number;
  generatorLambdaAvgMs: number;
  relayLambdaAvgMs: number;
  /** Task-hours the API scales out above its minimum, per month. */
  apiExtraTaskHours: number;
  /** Average load balancer capacity units used per hour. */
  albAvgLcu: number;
  natGbProcessedPerMonth: number;
  emailsPerAssessment: number;
  eventsPerAssessment: number;
  sqsRequestsPerAssessment: number;
  storedMbPerAssessment: number;
  /** Months the documents and deliverables stay in S3 (the steady-state stock is this many months of uploads). */
  storageMonthsKept: number;
  webGbPerMonth: number;
  webRequestsPerMonth: number;
  logsGbBasePerMonth: number;
  logsMbPerAssessment: number;
  /** Custom metrics the app emits (dashboard: ScaleMap/DeliveryLatenessSeconds per stage). */
  appCustomMetrics: number;
  /** Metrics Container Insights publishes for the cluster, the API service and the two agent families. */
  containerInsightsMetrics: number;
  secretsApiCallsPerMonth: number;
  /** Access logs written a month (load balancer + CloudFront), GB. */
  accessLogsGbPerMonth: number;
  ecrStorageGb: number;
}

export const DEFAULT_USAGE: Usage = {
  assessmentsPerMonth: 100,
  specialistsPerAssessment: 4,
  triageTaskMinutes: 3,
  specialistTaskMinutes: 10,
  agentConcurrencyCap: 5,
  model: 'gpt-4o-mini',
  tokens: {
    triage: { input: 4_000, output: 1_000 },
    perSpecialist: { input: 12_000, output: 3_000 },
    deliverables: { input: 30_000, output: 10_000 },
  },
  apiRequestsPerAssessment: 400,
  apiRequestsBaselinePerMonth: 50_000,
  apiLambdaAvgMs: 150,
  pipelineLambdaAvgMs: 800,
  generatorLambdaAvgMs: 8_000,
  relayLambdaAvgMs: 300,
  apiExtraTaskHours: 0,
  albAvgLcu: 0.2,
  natGbProcessedPerMonth: 5,
  emailsPerAssessment: 3,
  eventsPerAssessment: 3,
  sqsRequestsPerAssessment: 200,
  storedMbPerAssessment: 25,
  storageMonthsKept: 12,
  webGbPerMonth: 5,
  webRequestsPerMonth: 200_000,
  logsGbBasePerMonth: 1,
  logsMbPerAssessment: 5,
  appCustomMetrics: 3,
  containerInsightsMetrics: 30,
  secretsApiCallsPerMonth: 20_000,
  accessLogsGbPerMonth: 0.5,
  ecrStorageGb: 2,
};

export interface CostLine {
  service: string;
  item: string;
  /** Grows with the number of assessments. */
  variable: boolean;
  /** Monthly USD once the 12-month free tier is over (always-free allowances applied). */
  afterFreeTier: number;
  /** Monthly USD during the free-tier year. */
  firstYear: number;
}

export interface Estimate {
  lines: CostLine[];
  aws: { firstYear: number; afterFreeTier: number };
  /** OpenAI is billed outside AWS; kept apart from the AWS budget. */
  openai: number;
  perAssessment: { variableAws: number; openai: number; allInFirstYear: number; allInAfterFreeTier: number };
  derived: {
    lambdaInvocationsPerAssessment: number;
    stateTransitionsPerAssessment: number;
    agentTaskMinutesPerAssessment: number;
    tokensPerAssessment: Tokens;
  };
}

/** The PRD's budget: $45-68 a month in the free-tier year, at most $80 after (AWS only). */
export const PRD_BUDGET = { firstYear: { min: 45, max: 68 }, afterFreeTier: { max: 80 } };

const round2 = (n: number) => Math.round(n * 100) / 100;
const pos = (n: number) => Math.max(0, n);

/** Bounded polls of the state machine: triage every 15 s, analyses every 30 s (stepfunctions/delivery.asl.yml). */
export function pipelineShape(usage: Usage): {
  triagePolls: number;
  analysisPolls: number;
  lambdaInvocations: number;
  stateTransitions: number;
  agentTaskMinutes: number;
} {
  const triagePolls = Math.ceil((usage.triageTaskMinutes * 60) / 15);
  const waves = Math.max(1, Math.ceil(usage.specialistsPerAssessment / usage.agentConcurrencyCap));
  const analysisPolls = Math.ceil((waves * usage.specialistTaskMinutes * 60) / 30);
  // prepare, launchTriage, dispatch, 3 generators, 3 emails, awaitValidation, onTriageComplete, applyValidationToKits
  // (short unless a validation came in) + the polls
  const lambdaInvocations = 12 + triagePolls + analysisPolls;
  // 19 states on the straight path + Wait/Check/Choice per poll
  const stateTransitions = 19 + 3 * (triagePolls + analysisPolls);
  const agentTaskMinutes =
    usage.triageTaskMinutes + usage.specialistsPerAssessment * usage.specialistTaskMinutes;
  return { triagePolls, analysisPolls, lambdaInvocations, stateTransitions, agentTaskMinutes };
}

function fargateHour(p: Prices, t: TaskSize): number {
  return t.vcpu * p.fargate.vcpuHour + t.memoryGb * p.fargate.gbHour;
}

function isFreeTierDbClass(c: string): boolean {
  return /^db\.(t2|t3|t4g)\.micro$/.test(c);
}

export function estimate(inv: Inventory, usage: Usage, p: Prices): Estimate {
  const H = p.hoursPerMonth;
  const A = usage.assessmentsPerMonth;
  const free = p.freeTier.alwaysFree;
  const year1 = p.freeTier.firstYear;
  const shape = pipelineShape(usage);
  const lines: CostLine[] = [];
  const add = (
    service: string,
    item: string,
    afterFreeTier: number,
    firstYear = afterFreeTier,
    variable = false,
  ) => lines.push({ service, item, variable, afterFreeTier: pos(afterFreeTier), firstYear: pos(firstYear) });

  // --- Compute ---
  if (inv.apiService) {
    const s = inv.apiService;
    const hours = s.minTasks * H + usage.apiExtraTaskHours;
    add(
      'ECS Fargate',
      `API ${s.vcpu} vCPU / ${s.memoryGb} GB x ${s.minTasks} task(s) 24/7`,
      hours * fargateHour(p, s),
    );
  }
  const agentFactor =
    (inv.agents?.arm64 ? p.fargate.arm64Factor : 1) * (inv.agents?.fargateSpot ? p.fargate.spotFactor : 1);
  const agentCost =
    agentFactor *
    A *
    ((usage.triageTaskMinutes / 60) * fargateHour(p, inv.triageTask) +
      ((usage.specialistsPerAssessment * usage.specialistTaskMinutes) / 60) *
        fargateHour(p, inv.specialistTask));
  const agentOptions = [inv.agents?.arm64 ? 'ARM64' : '', inv.agents?.fargateSpot ? 'Fargate Spot' : '']
    .filter(Boolean)
    .join(', ');
  add(
    'ECS Fargate',
    `agents ${inv.specialistTask.vcpu} vCPU / ${inv.specialistTask.memoryGb} GB${agentOptions ? ` (${agentOptions})` : ''}, ${shape.agentTaskMinutes} task-min/assessment`,
    agentCost,
    agentCost,
    true,
  );

  // --- Network ---
  if (inv.loadBalancers > 0) {
    const lbHours = inv.loadBalancers * H;
    const lcuHours = lbHours * usage.albAvgLcu;
    add(
      'Load balancer',
      `${inv.loadBalancers} ALB, ${usage.albAvgLcu} LCU average`,
      lbHours * p.alb.hour + lcuHours * p.alb.lcuHour,
      pos(lbHours - year1.albHours) * p.alb.hour + pos(lcuHours - year1.albLcuHours) * p.alb.lcuHour,
    );
  }
  if (inv.natGateways > 0) {
    add(
      'NAT',
      `${inv.natGateways} NAT gateway, ${usage.natGbProcessedPerMonth} GB processed`,
      inv.natGateways * H * p.natGateway.hour + usage.natGbProcessedPerMonth * p.natGateway.perGbProcessed,
    );
  }
  for (const n of inv.natInstances) {
    const hourly = p.ec2Hour[n.instanceType];
    if (hourly === undefined) throw new Error(`no price for EC2 ${n.instanceType} in the price table`);
    add(
      'NAT',
      `NAT instance ${n.instanceType} + ${n.volumeGb} GB gp3`,
      H * hourly + n.volumeGb * p.ebsGp3GbMonth,
      H * hourly + pos(n.volumeGb - year1.ebsGb) * p.ebsGp3GbMonth,
    );
  }
  const ips = inv.publicIpv4;
  const ipCount = ips.loadBalancer + ips.natGateway + ips.natInstance;
  if (ipCount > 0) {
    add(
      'Public IPv4',
      `${ipCount} address(es): ALB ${ips.loadBalancer}, NAT gateway ${ips.natGateway}, NAT instance ${ips.natInstance}`,
      ipCount * H * p.publicIpv4Hour,
      ((ips.loadBalancer + ips.natGateway) * H +
        pos(ips.natInstance * H - year1.ec2InstancePublicIpv4Hours)) *
        p.publicIpv4Hour,
    );
  }

  // --- Database ---
  if (inv.database) {
    const d = inv.database;
    const hourly = p.rds.instanceHour[d.instanceClass];
    if (hourly === undefined) throw new Error(`no price for RDS ${d.instanceClass} in the price table`);
    const instanceHours = H * (d.multiAz ? 2 : 1);
    const freeHours = isFreeTierDbClass(d.instanceClass) && !d.multiAz ? year1.rdsMicroHours : 0;
    add(
      'RDS PostgreSQL',
      `${d.instanceClass}${d.multiAz ? ' Multi-AZ' : ''}`,
      instanceHours * hourly,
      pos(instanceHours - freeHours) * hourly,
    );
    add(
      'RDS PostgreSQL',
      `${d.storageGb} GB gp3 (backups within the DB size are free)`,
      d.storageGb * p.rds.gp3GbMonth,
      pos(d.storageGb - year1.rdsStorageGb) * p.rds.gp3GbMonth,
    );
  }

  // --- Serverless ---
  const fn = (name: string) => inv.functions.find((f) => f.name === name);
  const memGb = (name: string, fallbackMb: number) => (fn(name)?.memoryMb ?? fallbackMb) / 1024;
  const apiOnLambda = inv.apiRuntime === 'lambda';
  const apiRequests = A * usage.apiRequestsPerAssessment + usage.apiRequestsBaselinePerMonth;
  const pipelineInvocations = A * shape.lambdaInvocations;
  const requests = pipelineInvocations + inv.scheduledInvocationsPerMonth + (apiOnLambda ? apiRequests : 0);
  const gbSeconds =
    A * (shape.lambdaInvocations - 3) * memGb('PrepareExecution', 512) * (usage.pipelineLambdaAvgMs / 1000) +
    A * 3 * memGb('GenerateDetailedReport', 1024) * (usage.generatorLambdaAvgMs / 1000) +
    inv.scheduledInvocationsPerMonth * memGb('RelayOutbox', 512) * (usage.relayLambdaAvgMs / 1000) +
    (apiOnLambda ? apiRequests * memGb('Api', 1024) * (usage.apiLambdaAvgMs / 1000) : 0);
  const gbSecondPrice = inv.functions.every((f) => f.arm) ? p.lambda.gbSecondArm : p.lambda.gbSecondX86;
  add(
    'Lambda',
    `${Math.round(requests).toLocaleString('en-US')} invocations, ${Math.round(gbSeconds).toLocaleString('en-US')} GB-s`,
    (pos(requests - free.lambdaRequests) / 1e6) * p.lambda.perMillionRequests +
      pos(gbSeconds - free.lambdaGbSeconds) * gbSecondPrice,
    undefined,
    true,
  );
  if (inv.httpApis > 0 && apiOnLambda) {
    add(
      'API Gateway',
      `HTTP API, ${apiRequests.toLocaleString('en-US')} requests`,
      (apiRequests / 1e6) * p.httpApi.perMillionRequests,
      (pos(apiRequests - year1.httpApiRequests) / 1e6) * p.httpApi.perMillionRequests,
      true,
    );
  }
  const transitions = A * shape.stateTransitions;
  add(
    'Step Functions',
    `${transitions.toLocaleString('en-US')} state transitions (Standard)`,
    (pos(transitions - free.stepFunctionsTransitions) / 1000) * p.stepFunctions.perThousandTransitions,
    undefined,
    true,
  );
  const sqsRequests = A * usage.sqsRequestsPerAssessment;
  add(
    'SQS',
    `${sqsRequests.toLocaleString('en-US')} FIFO requests`,
    (pos(sqsRequests - free.sqsRequests) / 1e6) * p.sqs.perMillionFifoRequests,
    undefined,
    true,
  );
  const events = A * usage.eventsPerAssessment;
  add(
    'EventBridge',
    `${events.toLocaleString('en-US')} custom events (+ archive)`,
    (events / 1e6) * p.eventBridge.perMillionCustomEvents,
    undefined,
    true,
  );

  // --- Edge protection ---
  if (inv.waf && inv.waf.webAcls > 0) {
    const wafRequests = apiRequests;
    add(
      'WAF',
      `${inv.waf.webAcls} web ACL, ${inv.waf.rules} rules, ${wafRequests.toLocaleString('en-US')} requests`,
      inv.waf.webAcls * p.waf.webAclMonth +
        inv.waf.rules * p.waf.ruleMonth +
        (wafRequests / 1e6) * p.waf.perMillionRequests,
      undefined,
      true,
    );
  }

  // --- Secrets, monitoring ---
  add(
    'Secrets Manager',
    `${inv.secrets} secrets`,
    inv.secrets * p.secretsManager.secretMonth +
      (usage.secretsApiCallsPerMonth / 10_000) * p.secretsManager.per10kApiCalls,
  );
  add(
    'CloudWatch',
    `${inv.alarms} alarms (${inv.alarmMetrics} alarm metrics)`,
    pos(inv.alarmMetrics - free.cloudWatchAlarmMetrics) * p.cloudWatch.alarmMetricMonth,
  );
  if (inv.dashboards > 0) {
    add(
      'CloudWatch',
      `${inv.dashboards} dashboard(s)`,
      pos(inv.dashboards - free.cloudWatchDashboards) * p.cloudWatch.dashboardMonth,
    );
  }
  const customMetrics = usage.appCustomMetrics + (inv.containerInsights ? usage.containerInsightsMetrics : 0);
  add(
    'CloudWatch',
    `${customMetrics} custom metrics${inv.containerInsights ? ' (Container Insights on)' : ''}`,
    pos(customMetrics - free.cloudWatchCustomMetrics) * p.cloudWatch.customMetricMonth,
  );
  const logsGb =
    usage.logsGbBasePerMonth +
    (inv.apiService ? 0.5 : 0) +
    (inv.containerInsights ? 0.3 : 0) +
    (A * usage.logsMbPerAssessment) / 1024;
  add(
    'CloudWatch',
    `logs: ${logsGb.toFixed(1)} GB ingested, kept ${inv.logRetentionDays} days`,
    pos(logsGb - free.cloudWatchLogsGb) * p.cloudWatch.logsIngestPerGb +
      logsGb * (inv.logRetentionDays / 30) * p.cloudWatch.logsStoragePerGbMonth,
    undefined,
    true,
  );

  // --- Storage, delivery ---
  if (inv.accessLogs) {
    const months = inv.accessLogs.retentionDays / 30;
    const gb = usage.accessLogsGbPerMonth * months;
    add(
      'S3',
      `access logs (load balancer, CloudFront): ${gb.toFixed(1)} GB kept ${inv.accessLogs.retentionDays} days`,
      gb * p.s3.standardGbMonth,
      undefined,
      true,
    );
  }
  const storedGb = (A * usage.storedMbPerAssessment * usage.storageMonthsKept) / 1024 + 0.05;
  const s3Requests = (A * (20 * p.s3.putPer1k + 100 * p.s3.getPer1k)) / 1000;
  add(
    'S3',
    `${storedGb.toFixed(1)} GB stored (${usage.storageMonthsKept} months of documents)`,
    storedGb * p.s3.standardGbMonth + s3Requests,
    pos(storedGb - year1.s3Gb) * p.s3.standardGbMonth + s3Requests,
    true,
  );
  if (inv.distributions > 0) {
    add(
      'CloudFront',
      `${usage.webGbPerMonth} GB, ${usage.webRequestsPerMonth.toLocaleString('en-US')} requests`,
      pos(usage.webGbPerMonth - free.cloudFrontGb) * p.cloudFront.perGbOutEuropeNA +
        (pos(usage.webRequestsPerMonth - free.cloudFrontRequests) / 10_000) *
          p.cloudFront.httpsRequestsPer10k +
        (inv.cloudFrontFunctions > 0
          ? (pos(usage.webRequestsPerMonth - free.cloudFrontFunctionInvocations) / 1e6) *
            p.cloudFront.functionPerMillion
          : 0),
    );
  }
  const emails = A * usage.emailsPerAssessment;
  add(
    'SES',
    `${emails.toLocaleString('en-US')} emails`,
    (emails / 1000) * p.ses.per1000Emails,
    (pos(emails - year1.sesEmails) / 1000) * p.ses.per1000Emails,
    true,
  );
  add(
    'ECR',
    `${usage.ecrStorageGb} GB of images`,
    usage.ecrStorageGb * p.ecr.gbMonth,
    pos(usage.ecrStorageGb - year1.ecrGb) * p.ecr.gbMonth,
  );

  // --- OpenAI (outside AWS) ---
  const price = p.openai[usage.model];
  if (!price) throw new Error(`no OpenAI price for model ${usage.model}`);
  const tokens: Tokens = {
    input:
      usage.tokens.triage.input +
      usage.specialistsPerAssessment * usage.tokens.perSpecialist.input +
      usage.tokens.deliverables.input,
    output:
      usage.tokens.triage.output +
      usage.specialistsPerAssessment * usage.tokens.perSpecialist.output +
      usage.tokens.deliverables.output,
  };
  const openaiPerAssessment =
    (tokens.input / 1e6) * price.inputPerMillion + (tokens.output / 1e6) * price.outputPerMillion;

  const sum = (k: 'firstYear' | 'afterFreeTier', onlyVariable = false) =>
    lines.filter((l) => !onlyVariable || l.variable).reduce((n, l) => n + l[k], 0);
  const aws = { firstYear: sum('firstYear'), afterFreeTier: sum('afterFreeTier') };
  const openai = A * openaiPerAssessment;
  const perA = (n: number) => (A > 0 ? n / A : 0);
  return {
    lines: lines.map((l) => ({
      ...l,
      firstYear: round2(l.firstYear),
      afterFreeTier: round2(l.afterFreeTier),
    })),
    aws: { firstYear: round2(aws.firstYear), afterFreeTier: round2(aws.afterFreeTier) },
    openai: round2(openai),
    perAssessment: {
      variableAws: round2(perA(sum('afterFreeTier', true))),
      openai: round2(openaiPerAssessment),
      allInFirstYear: round2(perA(aws.firstYear + openai)),
      allInAfterFreeTier: round2(perA(aws.afterFreeTier + openai)),
    },
    derived: {
      lambdaInvocationsPerAssessment: shape.lambdaInvocations,
      stateTransitionsPerAssessment: shape.stateTransitions,
      agentTaskMinutesPerAssessment: shape.agentTaskMinutes,
      tokensPerAssessment: tokens,
    },
  };
}

/**
 * The lean profile: the same stack with no NAT gateway (a t4g.nano NAT instance), the API on Lambda behind
 * an HTTP API (no ALB, no always-on task) and the smallest database - what the `dev` stage deploys.
 */
export function leanProfile(
  inv: Inventory,
  options: { arm64?: boolean; fargateSpot?: boolean } = {},
): Inventory {
  const hasApiFunction = inv.functions.some((f) => f.name === 'Api');
  const fargateApiAlarms = inv.apiRuntime === 'fargate';
  return {
    ...inv,
    apiRuntime: 'lambda',
    apiService: undefined,
    loadBalancers: 0,
    natGateways: 0,
    natInstances: [{ instanceType: 't4g.nano', volumeGb: 8 }],
    publicIpv4: { loadBalancer: 0, natGateway: 0, natInstance: 1 },
    database: { instanceClass: 'db.t4g.micro', storageGb: 20, multiAz: false },
    functions: hasApiFunction
      ? inv.functions
      : [...inv.functions, { name: 'Api', memoryMb: 1024, arm: true }],
    httpApis: 1,
    // On Lambda the 5xx alarm reads 2 metrics instead of 3 and the no-healthy-task alarm does not exist.
    alarmMetrics: fargateApiAlarms ? inv.alarmMetrics - 2 : inv.alarmMetrics,
    alarms: fargateApiAlarms ? inv.alarms - 1 : inv.alarms,
    // The regional web ACL protects the load balancer; there is none on Lambda (CloudFront's is optional).
    waf: { webAcls: 0, rules: 0 },
    // Options: agent tasks on Graviton (ARM64 images) and/or Fargate Spot (interruptible; a stopped
    // specialist's message returns to the queue and is retried).
    agents: { arm64: Boolean(options.arm64), fargateSpot: Boolean(options.fargateSpot) },
  };
}

export type BudgetStanding = 'below' | 'within' | 'above';

/** Where an estimate's AWS total stands against the PRD budget. */
export function budgetStanding(e: Estimate): { firstYear: BudgetStanding; afterFreeTier: BudgetStanding } {
  const y1 = e.aws.firstYear;
  return {
    firstYear: y1 < PRD_BUDGET.firstYear.min ? 'below' : y1 <= PRD_BUDGET.firstYear.max ? 'within' : 'above',
    afterFreeTier: e.aws.afterFreeTier <= PRD_BUDGET.afterFreeTier.max ? 'within' : 'above',
  };
}
