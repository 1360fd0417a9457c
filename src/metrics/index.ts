import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logContext } from '../logger';

/**
 * Business metrics in CloudWatch's embedded metric format (EMF): one JSON line on stdout per data point, built by
 * Powertools Metrics. The same line works everywhere: Lambda extracts it from the function's log, the Fargate API
 * and agent tasks send stdout to CloudWatch Logs with the `json/emf` log format, and locally it is one more line.
 *
 * Every metric is named here, with its unit and dimensions; test/infra/metrics.test.ts ties this catalogue, the
 * `emitMetric('Name', …)` calls in the code, and the custom metrics of the dashboard and alarms together.
 */
export const NAMESPACE = 'ScaleMap';

export const METRIC_CATALOGUE = {
  /** Seconds between a deliverable's due time and its delivery (negative = early). Stage: executive-summary… */
  DeliveryLatenessSeconds: { unit: MetricUnit.Seconds, dimensions: ['Stage'] },
  AssessmentsSubmitted: { unit: MetricUnit.Count, dimensions: [] },
  AssessmentsCompleted: { unit: MetricUnit.Count, dimensions: [] },
  /** Stage: the pipeline stage that failed. */
  AssessmentsFailed: { unit: MetricUnit.Count, dimensions: ['Stage'] },
  /** Wall-clock time of one specialist analysis (Domain) or of triage (Domain = triage). */
  AgentTaskDurationSeconds: { unit: MetricUnit.Seconds, dimensions: ['Domain'] },
  /** Prompt + completion tokens of one completed assessment (all its LLM calls). */
  LlmTokensPerAssessment: { unit: MetricUnit.Count, dimensions: [] },
  /** LLM cost of one completed assessment, in US cents (CloudWatch has no currency unit). */
  LlmCostCentsPerAssessment: { unit: MetricUnit.Count, dimensions: [] },
  ValidationsReceived: { unit: MetricUnit.Count, dimensions: [] },
  /** The kits went out without the client's validation (24 h wait timed out). */
  ValidationsTimedOut: { unit: MetricUnit.Count, dimensions: [] },
} as const satisfies Record<
  string,
  { unit: (typeof MetricUnit)[keyof typeof MetricUnit]; dimensions: readonly string[] }
>;

export type MetricName = keyof typeof METRIC_CATALOGUE;
type Dimensions<N extends MetricName> = Record<(typeof METRIC_CATALOGUE)[N]['dimensions'][number], string>;

export type MetricSink = (line: string) => void;

const stdoutSink: MetricSink = (line) => {
  process.stdout.write(`${line}\n`);
};
/** Tests capture the lines; under Jest nothing is written unless a sink is set. */
let sink: MetricSink | undefined = process.env.NODE_ENV === 'test' ? undefined : stdoutSink;

export function setMetricSink(next: MetricSink | undefined): void {
  sink = next;
}

/**
 * Emits one data point. Dimensions are exactly the catalogue's (Powertools' default `service` dimension is
 * removed, or the dashboard's metric, which names none, would never match); the assessment and correlation ids
 * of the work in progress ride along as properties, searchable in Logs Insights but not dimensions.
 */
export function emitMetric<N extends MetricName>(name: N, value: number, dimensions: Dimensions<N>): void {
  if (!sink || !Number.isFinite(value)) return;
  const def = METRIC_CATALOGUE[name];
  const metrics = new Metrics({ namespace: NAMESPACE });
  metrics.clearDefaultDimensions();
  for (const key of def.dimensions) metrics.addDimension(key, (dimensions as Record<string, string>)[key]);
  metrics.addMetric(name, def.unit, value);
  const ctx = logContext();
  const emf = metrics.serializeMetrics();
  // A metric without dimensions needs one empty dimension set (`[[]]`, as aws-embedded-metrics writes it); with
  // no set at all CloudWatch would extract nothing.
  for (const directive of emf._aws.CloudWatchMetrics as Array<{ Dimensions: string[][] }>)
    if (directive.Dimensions.length === 0) directive.Dimensions = [[]];
  const line = {
    ...emf,
    ...(ctx.assessmentId ? { assessmentId: ctx.assessmentId } : {}),
    ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
  };
  metrics.clearMetrics();
  try {
    sink(JSON.stringify(line));
  } catch {
    // A metric must never break the work it measures.
  }
}
