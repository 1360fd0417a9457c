/**
 * The container bundles (npm run build:api / build:agent) start and do their job, outside the repository's
 * node_modules: the API bundle answers GET /api/health against the test PostgreSQL, the agent bundle runs one
 * triage, and its `migrate` command migrates an empty database.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { startTestStack, type TestStack } from '../helpers/stack';
import { submitAssessment, waitUntil } from '../helpers/pipeline';

const ROOT = path.resolve(__dirname, '..', '..');

function run(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { cwd, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('container bundles', () => {
  let stack: TestStack;
  let workDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const out = execFileSync(process.execPath, ['scripts/build.mjs', 'api', 'agent'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    process.stdout.write(out); // the bundle sizes, for the record
    // Copies outside the repository: the bundles must not lean on node_modules.
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-bundles-'));
    fs.cpSync(path.join(ROOT, 'dist', 'api'), path.join(workDir, 'api'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'dist', 'agent'), path.join(workDir, 'agent'), { recursive: true });
    stack = await startTestStack({}, { runPipeline: false });
    env = {
      PATH: process.env.PATH,
      ...stack.app.stack.env,
      SCALEMAP_DATA_DIR: stack.dataDir,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    };
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('the API bundle answers GET /api/health against the database', async () => {
    const port = 21000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, ['index.js'], {
      cwd: path.join(workDir, 'api'),
      env: {
        ...env,
        PORT: String(port),
        LISTEN_HOST: '127.0.0.1',
        SESSION_SECRET: 'bundle-test-session-secret',
        // The API container runs only in the AWS runtime; health needs the database and the object store
        // (s3rver here), the other AWS settings are named but not called.
        SCALEMAP_RUNTIME: 'aws',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AGENT_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/scalemap-agent-tasks.fifo',
        AGENT_DLQ_URL: 'https://sqs.eu-west-1.amazonaws.com/000000000000/scalemap-agent-dlq.fifo',
        AGENT_TASK_DEFINITION: 'scalemap-agent',
        TRIAGE_TASK_DEFINITION: 'scalemap-triage',
        AGENT_SUBNETS: 'subnet-00000000',
        STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:000000000000:stateMachine:scalemap-delivery',
        FOUNDER_ALERT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:000000000000:scalemap-founder-alerts',
      },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      const body = await waitUntil(
        'the API bundle to answer',
        async () => {
          try {
            const res = await fetch(`http://127.0.0.1:${port}/api/health`);
            return res.status === 200 ? await res.json() : undefined;
          } catch {
            return undefined;
          }
        },
        30_000,
      ).catch((err) => {
        throw new Error(`${err.message}\n${output}`);
      });
      expect(body).toEqual({ status: 'ok', database: 'ok', objectStore: 'ok' });
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('the agent bundle runs one triage and publishes DomainTriageComplete', async () => {
    const { id } = await submitAssessment(stack);
    const result = await run(
      'index.js',
      [],
      { ...env, AGENT_MODE: 'triage', ASSESSMENT_ID: id, CORRELATION_ID: 'bundle-test' },
      path.join(workDir, 'agent'),
    );
    expect({ code: result.code, output: result.code === 0 ? '' : result.output }).toEqual({
      code: 0,
      output: '',
    });
    const triage = await stack.app.ctx.db.triageResult.findUniqueOrThrow({ where: { assessmentId: id } });
    expect(triage.activatedDomains.length).toBeGreaterThanOrEqual(3);
    expect(
      await stack.app.ctx.db.stageEvent.count({ where: { assessmentId: id, stage: 'triage_complete' } }),
    ).toBe(1);
    // A bad environment is refused with a clear message.
    const bad = await run(
      'index.js',
      [],
      { ...env, AGENT_MODE: 'triage', ASSESSMENT_ID: 'nope' },
      path.join(workDir, 'agent'),
    );
    expect(bad.code).toBe(2);
    expect(bad.output).toMatch(/ASSESSMENT_ID/);
  }, 60_000);

  it('the agent bundle migrates an empty database and seeds the specialist prompts', async () => {
    const admin = new PgClient({
      connectionString: stack.app.stack.databaseUrl.replace(/\/[^/]+$/, '/postgres'),
    });
    await admin.connect();
    const name = `bundle_migrate_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = stack.app.stack.databaseUrl.replace(/\/[^/]+$/, `/${name}`);
    try {
      const result = await run(
        'index.js',
        ['migrate'],
        { ...env, DATABASE_URL: url },
        path.join(workDir, 'agent'),
      );
      expect({ code: result.code, output: result.code === 0 ? '' : result.output }).toEqual({
        code: 0,
        output: '',
      });
      const db = new PgClient({ connectionString: url });
      await db.connect();
      const migrations = await db.query(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL',
      );
      const prompts = await db.query('SELECT count(*)::int AS n FROM agent_prompts');
      await db.end();
      expect(migrations.rowCount).toBeGreaterThanOrEqual(1);
      expect(prompts.rows[0].n).toBe(12);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);
});
