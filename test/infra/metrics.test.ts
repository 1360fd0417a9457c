import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DOMAIN_IDS } from '../../src/domain/domains';
import { emitMetric, METRIC_CATALOGUE, NAMESPACE, setMetricSink, type MetricName } from '../../src/metrics';

/**
 * Ties three things together: the custom metrics the dashboard (resources/dashboard.js) and the alarms
 * (resources/*.yml) read, the metric catalogue (src/metrics), and the `emitMetric('Name', …)` calls in the code.
 * A charted metric nobody emits would be an empty widget forever; an emitted metric nobody charts is listed too.
 */
const ROOT = path.resolve(__dirname, '..', '..');

interface MetricUse {
  name: string;
  dimensions: Record<string, string>;
  where: string;
}

async function dashboardMetrics(apiRuntime: string): Promise<MetricUse[]> {
  const build = require(path.join(ROOT, 'resources/dashboard.js')) as (o: {
    resolveVariable: (v: string) => Promise<string>;
  }) => Promise<{
    Resources: { Dashboard: { Properties: { DashboardBody: { 'Fn::Sub': [string, unknown] } } } };
  }>;
  const vars: Record<string, string> = {
    'param:apiRuntime': apiRuntime,
    'param:nameSuffix': '-dev',
    'sls:stage': 'dev',
  };
  const out = await build({ resolveVariable: async (v) => vars[v] ?? '' });
  const body = JSON.parse(out.Resources.Dashboard.Properties.DashboardBody['Fn::Sub'][0]) as {
    widgets: Array<{ properties: { title?: string; metrics?: unknown[][] } }>;
  };
  const uses: MetricUse[] = [];
  for (const w of body.widgets)
    for (const m of w.properties.metrics ?? []) {
      if (m[0] !== NAMESPACE) continue;
      const parts = m.filter((x) => typeof x === 'string') as string[];
      const dims: Record<string, string> = {};
      for (let i = 2; i + 1 < parts.length; i += 2) dims[parts[i]] = parts[i + 1];
      uses.push({ name: parts[1], dimensions: dims, where: `dashboard: ${w.properties.title}` });
    }
  return uses;
}

function alarmMetrics(): MetricUse[] {
  const uses: MetricUse[] = [];
  for (const file of fs.readdirSync(path.join(ROOT, 'resources')).filter((f) => f.endsWith('.yml'))) {
    const doc = parseYaml(fs.readFileSync(path.join(ROOT, 'resources', file), 'utf8'), { strict: false }) as {
      Resources?: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    } | null;
    for (const [id, r] of Object.entries(doc?.Resources ?? {})) {
      if (r.Type !== 'AWS::CloudWatch::Alarm') continue;
      const p = r.Properties as {
        Namespace?: string;
        MetricName?: string;
        Dimensions?: Array<{ Name: string; Value: string }>;
        Metrics?: Array<{
          MetricStat?: {
            Metric: {
              Namespace: string;
              MetricName: string;
              Dimensions?: Array<{ Name: string; Value: string }>;
            };
          };
        }>;
      };
      const metrics = [
        ...(p.MetricName
          ? [{ Namespace: p.Namespace, MetricName: p.MetricName, Dimensions: p.Dimensions }]
          : []),
        ...(p.Metrics ?? []).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : [])),
      ];
      for (const m of metrics)
        if (m.Namespace === NAMESPACE)
          uses.push({
            name: m.MetricName,
            dimensions: Object.fromEntries((m.Dimensions ?? []).map((d) => [d.Name, d.Value])),
            where: `alarm ${id} (${file})`,
          });
    }
  }
  return uses;
}

/** `emitMetric('Name', …)` calls in the application code (src, functions, containers), tests excluded. */
function emittedInCode(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'generated' && e.name !== 'node_modules') walk(p);
      } else if (
        /\.ts$/.test(e.name) &&
        !/\.test\.ts$/.test(e.name) &&
        !p.includes(`${path.sep}metrics${path.sep}`)
      ) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/emitMetric\(\s*'(\w+)'/g))
          out.set(m[1], [...(out.get(m[1]) ?? []), path.relative(ROOT, p)]);
      }
    }
  };
  for (const d of ['src', 'functions', 'containers']) walk(path.join(ROOT, d));
  return out;
}

let charted: MetricUse[];
beforeAll(async () => {
  charted = [
    ...(await dashboardMetrics('fargate')),
    ...(await dashboardMetrics('lambda')),
    ...alarmMetrics(),
  ];
});

test('the dashboard and alarms read custom metrics (the check below is not vacuous)', () => {
  const names = new Set(charted.map((u) => u.name));
  expect(names).toContain('DeliveryLatenessSeconds');
  expect(charted.some((u) => u.where.startsWith('alarm'))).toBe(true);
});

test('every custom metric in the dashboard and the alarms has an emitter in the code, with the same dimensions', () => {
  const emitted = emittedInCode();
  const problems: string[] = [];
  for (const use of charted) {
    const def = METRIC_CATALOGUE[use.name as MetricName];
    if (!def) problems.push(`${use.name} (${use.where}) is not in the metric catalogue (src/metrics)`);
    else if (!emitted.has(use.name)) problems.push(`${use.name} (${use.where}) is never emitted by the code`);
    else if ([...def.dimensions].sort().join(',') !== Object.keys(use.dimensions).sort().join(','))
      problems.push(
        `${use.name} (${use.where}) reads dimensions [${Object.keys(use.dimensions)}] but is emitted with [${def.dimensions}]`,
      );
  }
  expect(problems).toEqual([]);
});

test('every metric the code emits is charted or alarmed (none emitted for nobody)', () => {
  const readers = new Set(charted.map((u) => u.name));
  const emitted = emittedInCode();
  const unread = [...emitted.keys()].filter((n) => !readers.has(n));
  expect(unread).toEqual([]);
  // ...and every catalogued metric is emitted somewhere.
  expect(Object.keys(METRIC_CATALOGUE).filter((n) => !emitted.has(n))).toEqual([]);
});

test('per-domain and per-stage widgets name every dimension value the code emits', () => {
  const values = (name: string, dim: string) =>
    new Set(charted.filter((u) => u.name === name).map((u) => u.dimensions[dim]));
  expect(values('AgentTaskDurationSeconds', 'Domain')).toEqual(new Set(['triage', ...DOMAIN_IDS]));
  expect(values('DeliveryLatenessSeconds', 'Stage')).toEqual(
    new Set(['executive-summary', 'detailed-report', 'implementation-kits']),
  );
  // Failed stages: exactly the `Result` values of the state machine's Failed* Pass states.
  const asl = fs.readFileSync(path.join(ROOT, 'stepfunctions/delivery.asl.yml'), 'utf8');
  const failedStages = [...asl.matchAll(/Result: ([a-z-]+)\n\s+ResultPath: \$\.failedStage/g)].map(
    (m) => m[1],
  );
  expect(failedStages.length).toBeGreaterThan(5);
  expect(values('AssessmentsFailed', 'Stage')).toEqual(new Set(failedStages));
});

test('the SLA widget carries the PRD tolerances: summary ±1 h, report ±2 h, kits exact', async () => {
  const build = require(path.join(ROOT, 'resources/dashboard.js'));
  const out = await build({
    resolveVariable: async (v: string) => (v === 'param:apiRuntime' ? 'fargate' : ''),
  });
  const body = JSON.parse(out.Resources.Dashboard.Properties.DashboardBody['Fn::Sub'][0]);
  const lateness = body.widgets.find((w: { properties: { title?: string } }) =>
    w.properties.title?.startsWith('Delivery lateness per stage'),
  );
  const marks = Object.fromEntries(
    lateness.properties.annotations.horizontal.map((a: { label: string; value: number }) => [
      a.label,
      a.value,
    ]),
  );
  expect(marks).toEqual({
    '24 h summary: +1 h': 3600,
    '24 h summary: -1 h': -3600,
    '48 h report: +2 h': 7200,
    '48 h report: -2 h': -7200,
    '72 h kits: exact (0)': 0,
  });
});

test('emitMetric writes one EMF line: namespace, the catalogue dimensions only (no service), unit and value', () => {
  const lines: string[] = [];
  setMetricSink((l) => lines.push(l));
  try {
    emitMetric('DeliveryLatenessSeconds', 42.5, { Stage: 'detailed-report' });
    emitMetric('AssessmentsSubmitted', 1, {});
  } finally {
    setMetricSink(undefined);
  }
  expect(lines).toHaveLength(2);
  const first = JSON.parse(lines[0]);
  expect(first._aws.CloudWatchMetrics).toEqual([
    {
      Namespace: 'ScaleMap',
      Dimensions: [['Stage']],
      Metrics: [{ Name: 'DeliveryLatenessSeconds', Unit: 'Seconds' }],
    },
  ]);
  expect(typeof first._aws.Timestamp).toBe('number');
  expect(first).toMatchObject({ Stage: 'detailed-report', DeliveryLatenessSeconds: 42.5 });
  expect(first).not.toHaveProperty('service');
  const second = JSON.parse(lines[1]);
  expect(second._aws.CloudWatchMetrics[0]).toMatchObject({
    Dimensions: [[]],
    Metrics: [{ Name: 'AssessmentsSubmitted', Unit: 'Count' }],
  });
});
