/**
 * What a packaged CloudFormation template (sls package) will bill for: the resources the cost model prices,
 * counted from the template itself - task CPU and memory, minimum API tasks, NAT gateway or instance, load
 * balancers, database class and storage, functions, schedules, alarms (per metric), dashboards, secrets.
 * Pure: a template in, an inventory out.
 */

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Condition?: string;
}
export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Conditions?: Record<string, unknown>;
  Outputs?: Record<string, unknown>;
}

export interface TaskSize {
  vcpu: number;
  memoryGb: number;
}

export interface Inventory {
  stage: string;
  apiRuntime: 'fargate' | 'lambda';
  /** The always-on API service, when the API runs on Fargate. */
  apiService?: TaskSize & { minTasks: number; maxTasks: number };
  triageTask: TaskSize;
  specialistTask: TaskSize;
  loadBalancers: number;
  /** Public IPv4 addresses billed by the hour: one per ALB subnet, the NAT gateway's and the NAT instance's. */
  publicIpv4: { loadBalancer: number; natGateway: number; natInstance: number };
  natGateways: number;
  natInstances: { instanceType: string; volumeGb: number }[];
  database?: { instanceClass: string; storageGb: number; multiAz: boolean };
  functions: { name: string; memoryMb: number; arm: boolean }[];
  /** Invocations a month of scheduled functions (rate(...) expressions). */
  scheduledInvocationsPerMonth: number;
  httpApis: number;
  stateMachines: number;
  /** Billed alarm metrics: one per plain alarm, one per metric in a metric-math alarm. */
  alarmMetrics: number;
  alarms: number;
  dashboards: number;
  secrets: number;
  containerInsights: boolean;
  logRetentionDays: number;
  distributions: number;
  cloudFrontFunctions: number;
  buckets: number;
  queues: number;
  /** Regional WAF web ACLs and their rules (each managed rule group or rule billed per month). */
  waf?: { webAcls: number; rules: number };
  /** Load balancer / CloudFront access logs to S3, kept this many days. */
  accessLogs?: { retentionDays: number };
  /** Agent task options priced by the model (lean profile options; the template runs x86_64 on-demand). */
  agents?: { arm64: boolean; fargateSpot: boolean };
}

type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Evaluates a condition of a packaged template (the stage parameters are literals by then). */
export function evaluateCondition(t: CfnTemplate, name: string): boolean {
  const conditions = t.Conditions ?? {};
  if (!(name in conditions)) throw new Error(`unknown condition ${name}`);
  const ev = (c: unknown): unknown => {
    if (!isObj(c)) return c;
    if ('Condition' in c) return evaluateCondition(t, String(c.Condition));
    if ('Fn::Equals' in c) {
      const [a, b] = (c['Fn::Equals'] as unknown[]).map(ev);
      return String(a) === String(b);
    }
    if ('Fn::Not' in c) return !ev((c['Fn::Not'] as unknown[])[0]);
    if ('Fn::And' in c) return (c['Fn::And'] as unknown[]).every((x) => ev(x) === true);
    if ('Fn::Or' in c) return (c['Fn::Or'] as unknown[]).some((x) => ev(x) === true);
    throw new Error(`cannot evaluate condition ${name}: ${JSON.stringify(c)}`);
  };
  return ev(conditions[name]) === true;
}

/** Resolves Fn::If with the template's conditions. */
export function resolveIf(t: CfnTemplate, v: unknown): unknown {
  if (isObj(v) && 'Fn::If' in v) {
    const [c, a, b] = v['Fn::If'] as [string, unknown, unknown];
    return resolveIf(t, evaluateCondition(t, c) ? a : b);
  }
  return v;
}

/** The resources CloudFormation will create (conditions evaluated). */
export function createdResources(t: CfnTemplate): [string, CfnResource][] {
  return Object.entries(t.Resources).filter(([, r]) => !r.Condition || evaluateCondition(t, r.Condition));
}

/** `rate(1 minute)`, `rate(5 minutes)`, `rate(1 hour)`, `rate(1 day)` → runs a month (730 h). */
export function runsPerMonth(expression: string, hoursPerMonth = 730): number {
  const m = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  if (!m) return hoursPerMonth; // cron(...) and others: assume hourly (none in this service today)
  const n = Number(m[1]);
  const perHour = m[2].startsWith('minute') ? 60 / n : m[2].startsWith('hour') ? 1 / n : 1 / (24 * n);
  return Math.round(perHour * hoursPerMonth);
}

/** Every value an Fn::If could take (the value itself otherwise). */
function branches(v: unknown): unknown[] {
  if (isObj(v) && 'Fn::If' in v) {
    const [, a, b] = v['Fn::If'] as [string, unknown, unknown];
    return [...branches(a), ...branches(b)];
  }
  return [v];
}

function taskSize(p: Json | undefined): TaskSize {
  return { vcpu: Number(p?.Cpu ?? 0) / 1024, memoryGb: Number(p?.Memory ?? 0) / 1024 };
}

function findStage(t: CfnTemplate): string {
  for (const [, r] of Object.entries(t.Resources)) {
    if (r.Type === 'AWS::StepFunctions::StateMachine') {
      const name = String(r.Properties?.StateMachineName ?? '');
      const m = /-(\w+)$/.exec(name);
      if (m) return m[1];
    }
  }
  const exported = JSON.stringify(t.Outputs ?? {});
  return /"sls-[\w-]+?-(\w+)-ServerlessDeploymentBucketName"/.exec(exported)?.[1] ?? 'unknown';
}

export function inventoryFromTemplate(t: CfnTemplate): Inventory {
  const resources = createdResources(t);
  const byType = (type: string) => resources.filter(([, r]) => r.Type === type);
  const prop = (id: string): Json | undefined => t.Resources[id]?.Properties;

  const taskDefs = new Map(byType('AWS::ECS::TaskDefinition').map(([id, r]) => [id, r.Properties ?? {}]));
  const familyDef = (prefix: string) =>
    [...taskDefs.values()].find((p) => String(p.Family ?? '').startsWith(prefix)) ?? undefined;

  const services = byType('AWS::ECS::Service');
  const scalable = byType('AWS::ApplicationAutoScaling::ScalableTarget');
  let apiService: Inventory['apiService'];
  if (services.length > 0) {
    const svc = services[0][1].Properties ?? {};
    const defRef = (svc.TaskDefinition as Json | undefined)?.Ref as string | undefined;
    const size = taskSize(defRef ? prop(defRef) : familyDef('scalemap-api'));
    const target = scalable[0]?.[1].Properties;
    // Before the first image (imageTag = bootstrap) the service sits at 0 tasks: price the running size.
    const desired = Math.max(
      ...branches(svc.DesiredCount)
        .map(Number)
        .filter((n) => !isNaN(n)),
      0,
    );
    apiService = {
      ...size,
      minTasks: Number(target?.MinCapacity ?? desired),
      maxTasks: Number(target?.MaxCapacity ?? desired),
    };
  }

  const loadBalancers = byType('AWS::ElasticLoadBalancingV2::LoadBalancer');
  const natInstances = byType('AWS::EC2::Instance').filter(
    ([, r]) => r.Properties?.SourceDestCheck === false,
  );
  const natGateways = byType('AWS::EC2::NatGateway');
  const db = byType('AWS::RDS::DBInstance')[0]?.[1].Properties;

  const functions = byType('AWS::Lambda::Function').map(([id, r]) => ({
    name: id.replace(/LambdaFunction$/, ''),
    memoryMb: Number(r.Properties?.MemorySize ?? 1024),
    arm: JSON.stringify(r.Properties?.Architectures ?? []).includes('arm64'),
  }));

  let scheduledInvocationsPerMonth = 0;
  for (const [, r] of byType('AWS::Events::Rule')) {
    const expr = r.Properties?.ScheduleExpression;
    const targets = (r.Properties?.Targets as Json[] | undefined) ?? [];
    if (typeof expr === 'string' && r.Properties?.State !== 'DISABLED')
      scheduledInvocationsPerMonth += runsPerMonth(expr) * targets.length;
  }

  let alarmMetrics = 0;
  const alarms = byType('AWS::CloudWatch::Alarm');
  for (const [, r] of alarms) {
    const metrics = r.Properties?.Metrics as Json[] | undefined;
    alarmMetrics += metrics ? Math.max(1, metrics.filter((m) => m.MetricStat).length) : 1;
  }

  const clusterSettings = byType('AWS::ECS::Cluster').flatMap(
    ([, r]) => (r.Properties?.ClusterSettings as Json[] | undefined) ?? [],
  );
  const retention = byType('AWS::Logs::LogGroup').map(([, r]) => Number(r.Properties?.RetentionInDays ?? 0));
  const hasHttpApi = byType('AWS::ApiGatewayV2::Api').length;

  return {
    stage: findStage(t),
    apiRuntime: services.length > 0 ? 'fargate' : 'lambda',
    apiService,
    triageTask: taskSize(familyDef('scalemap-triage')),
    specialistTask: taskSize(familyDef('scalemap-agent')),
    loadBalancers: loadBalancers.length,
    publicIpv4: {
      loadBalancer: loadBalancers.reduce(
        (n, [, r]) => n + ((r.Properties?.Subnets as unknown[] | undefined)?.length ?? 2),
        0,
      ),
      natGateway: natGateways.length,
      natInstance: natInstances.length,
    },
    natGateways: natGateways.length,
    natInstances: natInstances.map(([, r]) => ({
      instanceType: String(r.Properties?.InstanceType ?? 't4g.nano'),
      volumeGb: ((r.Properties?.BlockDeviceMappings as Json[] | undefined) ?? []).reduce(
        (n, m) => n + Number((m.Ebs as Json | undefined)?.VolumeSize ?? 8),
        0,
      ),
    })),
    database: db
      ? {
          instanceClass: String(db.DBInstanceClass),
          storageGb: Number(db.AllocatedStorage),
          multiAz: db.MultiAZ === true,
        }
      : undefined,
    functions,
    scheduledInvocationsPerMonth,
    httpApis: hasHttpApi,
    stateMachines: byType('AWS::StepFunctions::StateMachine').length,
    alarmMetrics,
    alarms: alarms.length,
    dashboards: byType('AWS::CloudWatch::Dashboard').length,
    // + the RDS-managed master secret (ManageMasterUserPassword), which is not a resource of the template.
    secrets:
      byType('AWS::SecretsManager::Secret').length +
      byType('AWS::RDS::DBInstance').filter(([, r]) => r.Properties?.ManageMasterUserPassword === true)
        .length,
    waf: {
      webAcls: byType('AWS::WAFv2::WebACL').length,
      rules: byType('AWS::WAFv2::WebACL').reduce(
        (n, [, r]) => n + ((r.Properties?.Rules as unknown[] | undefined)?.length ?? 0),
        0,
      ),
    },
    accessLogs: accessLogs(t, resources),
    agents: {
      arm64:
        String(((familyDef('scalemap-agent')?.RuntimePlatform as Json | undefined) ?? {}).CpuArchitecture) ===
        'ARM64',
      fargateSpot: false,
    },
    containerInsights: clusterSettings.some((s) => s.Name === 'containerInsights' && s.Value === 'enabled'),
    logRetentionDays: retention.length ? Math.max(...retention) : 0,
    distributions: byType('AWS::CloudFront::Distribution').length,
    cloudFrontFunctions: byType('AWS::CloudFront::Function').length,
    buckets: byType('AWS::S3::Bucket').length,
    queues: byType('AWS::SQS::Queue').length,
  };
}

/** Access logs to S3 (load balancer attribute or CloudFront Logging) and their retention (lifecycle rule). */
function accessLogs(t: CfnTemplate, resources: [string, CfnResource][]): Inventory['accessLogs'] {
  const text = JSON.stringify(resources.map(([, r]) => r.Properties ?? {}));
  const on = text.includes('"access_logs.s3.enabled","Value":"true"') || /"Logging":\{"Bucket"/.test(text);
  if (!on) return undefined;
  const logs = t.Resources.LogsBucket?.Properties as Json | undefined;
  const rules = ((logs?.LifecycleConfiguration as Json | undefined)?.Rules as Json[] | undefined) ?? [];
  const days = Number(rules.find((r) => r.ExpirationInDays)?.ExpirationInDays ?? 90);
  return { retentionDays: days };
}
