/**
 * Fault injection against a private ScaleMap stack (`npm run chaos`; a short version runs in test/chaos/).
 *
 * One real `npm start` process (own data folder, embedded PostgreSQL, cognito-local) with payments on (a Stripe
 * stand-in), the LLM on (an OpenAI stand-in that answers badly) and the object store in this process (so it can
 * be taken down). Batches of assessments are paid for and submitted, and one fault at a time is injected while
 * they run. A prober keeps asking the API the whole time. At the end every assessment must be completed with its
 * three deliverables and exactly one of each client email, paid once; 1,000 malformed requests must change no row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Client, newUser, SAMPLE_PROFILE } from '../../src/local/http-client';
import { answersFor, chunk } from '../../src/local/sample-data';
import { freePort } from '../../src/local/stack';
import { startLocalS3 } from '../../src/local/s3-server';
import { childPids, signalDatabase, startStackProcess, timedFetch, type StackProcess } from './stack-process';
import { postWebhook, stripeStandIn } from './stripe-stand-in';
import { openAiStandIn } from './openai-stand-in';
import { malformedRequests } from './malformed';

const WEBHOOK_SECRET = 'whsec_chaos_local_only';

export interface ChaosOptions {
  /** Assessments submitted at the start of each fault (0: the fault hits what is already running). */
  assessmentsPerFault: number;
  /** Which faults, in order (names from FAULTS). */
  faults: string[];
  dbFreezeMs: number;
  objectStoreDownMs: number;
  llmFaultMs: number;
  malformedCount: number;
  /** Longest wait for all assessments to complete at the end. */
  completionTimeoutMs: number;
  timeScale: number;
  log?: (line: string) => void;
}

export interface FaultRow {
  fault: string;
  requests: number;
  fiveXx: number;
  /** 5xx other than 503, or a 503 while nothing was down. */
  badFiveXx: number;
  unanswered: number;
  recoverySeconds: number | null;
  assessments: number;
  completed: number;
  /** "1" when every assessment has exactly one of each; otherwise the range seen. */
  deliverablesEach: string;
  clientEmailsEach: string;
  rowsChanged: number | null;
  ok: boolean;
  notes: string[];
}

export interface ChaosResult {
  rows: FaultRow[];
  ok: boolean;
  seconds: number;
  problems: string[];
}

interface Tracked {
  id: string;
  email: string;
  client: Client;
  fault: string;
}

interface Harness {
  stack: StackProcess;
  dataDir: string;
  port: number;
  env: Record<string, string>;
  s3: { stop(): Promise<void> } | undefined;
  s3Port: number;
  s3Dir: string;
  stripe: ReturnType<typeof stripeStandIn>;
  openai: ReturnType<typeof openAiStandIn>;
  paidEvents: object[];
  tracked: Tracked[];
  log: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, fn: () => Promise<boolean>, timeoutMs: number, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await fn().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

function databaseUrl(dataDir: string): string {
  return (JSON.parse(fs.readFileSync(path.join(dataDir, 'stack.json'), 'utf8')) as { DATABASE_URL: string })
    .DATABASE_URL;
}

async function sql<T extends pg.QueryResultRow>(
  h: Harness,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: databaseUrl(h.dataDir), connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

/** Counts every API answer during a fault: the prober's and the workload's. */
class Tally {
  requests = 0;
  fiveXx = 0;
  badFiveXx = 0;
  unanswered = 0;
  down = false;
  samples: string[] = [];
  note(status: number, what: string) {
    this.requests += 1;
    if (status === 0) this.unanswered += 1;
    if (status >= 500) {
      this.fiveXx += 1;
      // Readiness answering 503 is that probe doing its job (a dependency did not answer within its timeout).
      const readinessProbe = status === 503 && what.includes('/api/health/ready');
      if (!readinessProbe && (status !== 503 || !this.down)) {
        this.badFiveXx += 1;
        if (this.samples.length < 5)
          this.samples.push(`${status} ${what}${this.down ? '' : ' (nothing down)'}`);
      }
    }
  }
}

async function startObjectStore(h: Pick<Harness, 's3Port' | 's3Dir' | 'port'>) {
  return startLocalS3({
    directory: h.s3Dir,
    port: h.s3Port,
    bucket: 'scalemap-documents',
    corsOrigins: [`http://127.0.0.1:${h.port}`],
  });
}

/** A client pays for and submits one assessment; every answer is tallied. */
async function submitOne(h: Harness, tally: Tally, fault: string): Promise<Tracked> {
  const track = async <R extends { status: number }>(what: string, p: Promise<R>) => {
    const r = await p;
    tally.note(r.status, what);
    return r;
  };
  const user = await newUser(h.stack.url);
  tally.requests += 2;
  const c = user.client;
  await track('profile', c.put('/api/me/profile', SAMPLE_PROFILE));
  const id = (await track('create', c.post('/api/assessments'))).body.id as string;
  for (const batch of chunk(answersFor(SAMPLE_PROFILE, ['financial-management', 'revenue-engine']), 60)) {
    const r = await track('answers', c.put(`/api/assessments/${id}/answers`, { answers: batch }));
    if (r.status !== 200) throw new Error(`answers refused: ${r.status} ${r.text}`);
  }
  const checkout = await track('checkout', c.post(`/api/assessments/${id}/checkout`, {}));
  if (checkout.status !== 200) throw new Error(`checkout refused: ${checkout.status} ${checkout.text}`);
  const event = h.stripe.pay(checkout.body.sessionId as string);
  if (!event) throw new Error('the checkout session could not be paid');
  h.paidEvents.push(event);
  const hook = await postWebhook(h.stack.url, event, WEBHOOK_SECRET);
  tally.note(hook.status, 'webhook');
  const submitted = await track('submit', c.post(`/api/assessments/${id}/submit`));
  if (submitted.status !== 202) throw new Error(`submit refused: ${submitted.status} ${submitted.text}`);
  return { id, email: user.email, client: c, fault };
}

/** Asks the API every 100 ms while a fault runs: readiness, liveness and a client's view of an assessment. */
function startProber(h: Harness, tally: Tally) {
  let running = true;
  const loop = async () => {
    let i = 0;
    while (running) {
      const t = h.tracked.at(-1);
      const pick = i++ % 3;
      const url =
        pick === 0 ? '/api/health/ready' : pick === 1 || !t ? '/api/health/live' : `/api/assessments/${t.id}`;
      const headers: Record<string, string> =
        pick === 2 && t?.client.cookie ? { cookie: t.client.cookie } : {};
      const r = await timedFetch(h.stack.url + url, { headers }, 15_000);
      tally.note(r.status, `GET ${url.replace(/[0-9a-f-]{36}/, ':id')}`);
      await sleep(100);
    }
  };
  const done = loop();
  return async () => {
    running = false;
    await done;
  };
}

async function ready(h: Harness): Promise<boolean> {
  const r = await timedFetch(`${h.stack.url}/api/health/ready`, {}, 5000);
  return r.status === 200;
}

async function restartStack(h: Harness) {
  h.stack = await startStackProcess(h.dataDir, h.port, h.env);
}

function agentPids(h: Harness): number[] {
  const out: number[] = [];
  for (const pid of childPids(h.stack.child.pid!)) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('containers/agent')) out.push(pid);
    } catch {
      // gone
    }
  }
  return out;
}

interface Fault {
  name: string;
  /** A dependency is down from inject until recovery: 503 is the right answer then. */
  dependency: boolean;
  run(h: Harness, tally: Tally, opts: ChaosOptions): Promise<{ healedAt: number; notes: string[] }>;
}

export const FAULTS: Record<string, Fault> = {
  'kill -9 agent': {
    name: 'kill -9 of an agent',
    dependency: false,
    async run(h) {
      const notes: string[] = [];
      let killed = 0;
      const deadline = Date.now() + 60_000;
      while (killed === 0 && Date.now() < deadline) {
        for (const pid of agentPids(h)) {
          process.kill(pid, 'SIGKILL');
          killed += 1;
        }
        if (!killed) await sleep(100);
      }
      notes.push(killed ? `${killed} agent process(es) killed` : 'no agent was running to kill');
      return { healedAt: Date.now(), notes };
    },
  },
  'kill -9 api': {
    name: 'kill -9 of the API (then restart)',
    // the API itself is down, then warming up (re-running its orphaned executions): 503 is the right answer
    dependency: true,
    async run(h) {
      await sleep(1000);
      // The API process only: its database, being its child, is orphaned and adopted by the next start.
      process.kill(h.stack.child.pid!, 'SIGKILL');
      await new Promise((r) => h.stack.child.once('exit', r));
      const healedAt = Date.now();
      await restartStack(h);
      return { healedAt, notes: [] };
    },
  },
  'kill -9 stack': {
    name: 'kill -9 of the whole stack (then restart)',
    dependency: true,
    async run(h) {
      await sleep(1000);
      await h.stack.killAll();
      const healedAt = Date.now();
      await restartStack(h);
      return { healedAt, notes: [] };
    },
  },
  'db frozen': {
    name: 'database frozen (SIGSTOP)',
    dependency: true,
    async run(h, _t, opts) {
      const pids = signalDatabase(h.dataDir, 'SIGSTOP');
      await sleep(opts.dbFreezeMs);
      for (const p of pids) {
        try {
          process.kill(p, 'SIGCONT');
        } catch {
          // gone
        }
      }
      return { healedAt: Date.now(), notes: [`${pids.length} processes frozen ${opts.dbFreezeMs / 1000} s`] };
    },
  },
  'db stopped': {
    name: 'database stopped, restarted by the supervisor',
    dependency: true,
    async run(h) {
      const pids = signalDatabase(h.dataDir, 'SIGKILL');
      return { healedAt: Date.now(), notes: [`postmaster and ${pids.length - 1} backends killed`] };
    },
  },
  'object store down': {
    name: 'object store down',
    dependency: true,
    async run(h, _t, opts) {
      await h.s3?.stop();
      h.s3 = undefined;
      await sleep(opts.objectStoreDownMs);
      h.s3 = await startObjectStore(h);
      return { healedAt: Date.now(), notes: [] };
    },
  },
  'llm faults': {
    name: 'OpenAI stand-in: 429 / 500 / garbage / timeouts',
    dependency: false,
    async run(h, _t, opts) {
      h.openai.setMode('rotate');
      const before = { ...h.openai.counts };
      await sleep(opts.llmFaultMs);
      h.openai.setMode('garbage');
      const calls = Object.entries(h.openai.counts)
        .map(([k, v]) => `${k}×${v - (before[k] ?? 0)}`)
        .join(' ');
      return { healedAt: Date.now(), notes: [`LLM calls: ${calls}`] };
    },
  },
  duplicates: {
    name: 'duplicate EventBridge events and Stripe webhooks',
    dependency: false,
    async run(h, tally) {
      // The outbox relay publishes every AssessmentSubmitted again (as after a crash between publish and mark).
      const republished = await sql(
        h,
        `UPDATE outbox_events SET published_at = NULL, locked_until = NULL WHERE detail_type = 'AssessmentSubmitted' RETURNING id`,
      );
      // Stripe delivers every completed checkout again, twice.
      let duplicates = 0;
      for (const event of [...h.paidEvents, ...h.paidEvents]) {
        const r = await postWebhook(h.stack.url, event, WEBHOOK_SECRET);
        tally.note(r.status, 'webhook again');
        if ((r.body as { duplicate?: boolean } | undefined)?.duplicate) duplicates += 1;
      }
      await waitFor(
        'republished events sent',
        async () =>
          (
            await sql<{ n: string }>(h, `SELECT count(*) AS n FROM outbox_events WHERE published_at IS NULL`)
          )[0].n === '0',
        30_000,
      );
      return {
        healedAt: Date.now(),
        notes: [`${republished.length} events published again`, `${duplicates} webhooks seen as duplicates`],
      };
    },
  },
};

async function rowFingerprints(h: Harness): Promise<Map<string, Set<string>>> {
  const tables = await sql<{ t: string }>(
    h,
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  const out = new Map<string, Set<string>>();
  for (const { t } of tables) {
    const rows = await sql<{ h: string }>(h, `SELECT md5(x::text) AS h FROM "${t}" x`);
    out.set(t, new Set(rows.map((r) => r.h)));
  }
  return out;
}

function changedRows(a: Map<string, Set<string>>, b: Map<string, Set<string>>): number {
  let n = 0;
  for (const [t, before] of a) {
    const after = b.get(t) ?? new Set<string>();
    for (const x of before) if (!after.has(x)) n += 1;
    for (const x of after) if (!before.has(x)) n += 1;
  }
  return n;
}

function range(counts: number[]): string {
  if (!counts.length) return '-';
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  return min === max ? String(min) : `${min}–${max}`;
}

/** Per assessment: status, deliverable rows per stage, client emails per subject (from the outbox), payments. */
async function verify(h: Harness, list: Tracked[]) {
  const problems: string[] = [];
  const outbox = path.join(h.dataDir, 'outbox');
  const mails = fs.existsSync(outbox)
    ? fs
        .readdirSync(outbox)
        .filter((f) => f.endsWith('.json'))
        .map(
          (f) => JSON.parse(fs.readFileSync(path.join(outbox, f), 'utf8')) as { to: string; subject: string },
        )
    : [];
  const perAssessment = [];
  for (const t of list) {
    const [a] = await sql<{ status: string }>(h, `SELECT status FROM assessments WHERE id = $1::uuid`, [
      t.id,
    ]);
    const deliverables = await sql<{ stage: string; n: string }>(
      h,
      `SELECT stage, count(*) AS n FROM deliverables WHERE assessment_id = $1::uuid AND format = 'html' GROUP BY stage`,
      [t.id],
    );
    const payments = await sql<{ status: string }>(
      h,
      `SELECT status FROM payments WHERE assessment_id = $1::uuid`,
      [t.id],
    );
    const bySubject = new Map<string, number>();
    for (const m of mails.filter((m) => m.to === t.email))
      bySubject.set(m.subject, (bySubject.get(m.subject) ?? 0) + 1);
    const deliverableCounts = deliverables.map((d) => Number(d.n));
    const emailCounts = [...bySubject.values()];
    const paid = payments.filter((p) => p.status === 'paid').length;
    if (a?.status !== 'completed') problems.push(`${t.id} (${t.fault}): status ${a?.status ?? 'missing'}`);
    if (deliverables.length !== 3 || deliverableCounts.some((n) => n !== 1))
      problems.push(`${t.id} (${t.fault}): deliverables ${JSON.stringify(deliverables)}`);
    if (emailCounts.some((n) => n !== 1))
      problems.push(`${t.id} (${t.fault}): client emails ${JSON.stringify([...bySubject])}`);
    if (bySubject.size < 3) problems.push(`${t.id} (${t.fault}): only ${bySubject.size} client emails`);
    if (paid !== 1) problems.push(`${t.id} (${t.fault}): ${paid} paid payments`);
    perAssessment.push({ t, completed: a?.status === 'completed', deliverableCounts, emailCounts });
  }
  return { problems, perAssessment };
}

export async function runChaos(opts: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-chaos-'));
  fs.chmodSync(root, 0o755);
  const stripe = stripeStandIn();
  const openai = openAiStandIn('garbage');
  const stripeBase = await stripe.start();
  const openaiBase = await openai.start();
  const port = await freePort();
  const s3Port = await freePort();
  const dataDir = path.join(root, 'data');
  const env = {
    STRIPE_SECRET_KEY: 'sk_test_chaos',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE_URL: stripeBase,
    OPENAI_API_KEY: 'sk-chaos-stand-in',
    OPENAI_BASE_URL: openaiBase,
    OPENAI_TIMEOUT_MS: '1500',
    S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    SCALEMAP_TIME_SCALE: String(opts.timeScale),
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    AGENT_EMPTY_POLLS_BEFORE_EXIT: '2',
    AGENT_VISIBILITY_TIMEOUT_SECONDS: '5',
    LOG_LEVEL: 'error',
  };
  const partial = { s3Port, s3Dir: path.join(root, 'objects'), port };
  const h: Harness = {
    ...partial,
    stack: undefined as unknown as StackProcess,
    dataDir,
    env,
    s3: await startObjectStore(partial),
    stripe,
    openai,
    paidEvents: [],
    tracked: [],
    log,
  };
  const rows: FaultRow[] = [];
  const problems: string[] = [];
  try {
    log(`starting a private stack in ${root}`);
    h.stack = await startStackProcess(dataDir, port, env);
    for (const key of opts.faults) {
      const fault = FAULTS[key];
      if (!fault) throw new Error(`unknown fault ${key}`);
      log(`fault: ${fault.name}`);
      const tally = new Tally();
      const batch: Tracked[] = [];
      for (let i = 0; i < opts.assessmentsPerFault; i++) batch.push(await submitOne(h, tally, fault.name));
      h.tracked.push(...batch);
      const stopProbe = startProber(h, tally);
      tally.down = fault.dependency;
      const injectedAt = Date.now();
      let notes: string[] = [];
      let recoverySeconds: number | null = null;
      try {
        const r = await fault.run(h, tally, opts);
        notes = r.notes;
        await waitFor('ready again', () => ready(h), 120_000, 100);
        recoverySeconds = (Date.now() - r.healedAt) / 1000;
        await sleep(1000); // the prober sees the recovered service too
      } finally {
        tally.down = false;
        await stopProbe();
      }
      log(
        `  ${tally.requests} requests, ${tally.fiveXx} 5xx, recovered in ${recoverySeconds} s (${Date.now() - injectedAt} ms)`,
      );
      rows.push({
        fault: fault.name,
        requests: tally.requests,
        fiveXx: tally.fiveXx,
        badFiveXx: tally.badFiveXx,
        unanswered: tally.unanswered,
        recoverySeconds,
        assessments: batch.length,
        completed: 0,
        deliverablesEach: '-',
        clientEmailsEach: '-',
        rowsChanged: null,
        ok: tally.badFiveXx === 0,
        notes: [...notes, ...tally.samples],
      });
    }

    log(`waiting for ${h.tracked.length} assessments to complete`);
    await waitFor(
      'every assessment completed',
      async () => {
        const ids = h.tracked.map((t) => t.id);
        const [r] = await sql<{ n: string }>(
          h,
          `SELECT count(*) AS n FROM assessments WHERE id = ANY($1::uuid[]) AND status IN ('completed', 'failed')`,
          [ids],
        );
        return Number(r.n) === ids.length;
      },
      opts.completionTimeoutMs,
      1000,
    ).catch((err: Error) => problems.push(err.message));
    await sleep(2000); // a last email after the final status would still be counted
    const checked = await verify(h, h.tracked);
    problems.push(...checked.problems);
    for (const row of rows) {
      const mine = checked.perAssessment.filter((p) => p.t.fault === row.fault);
      row.completed = mine.filter((p) => p.completed).length;
      row.deliverablesEach = range(mine.flatMap((p) => p.deliverableCounts));
      row.clientEmailsEach = range(mine.flatMap((p) => p.emailCounts));
      if (row.completed !== row.assessments || row.deliverablesEach !== (mine.length ? '1' : '-'))
        row.ok = false;
      if (row.clientEmailsEach !== (mine.length ? '1' : '-')) row.ok = false;
    }

    // Malformed input against a quiet stack: nothing may change.
    log(`sending ${opts.malformedCount} malformed requests`);
    const victim = await newUser(h.stack.url);
    await victim.client.put('/api/me/profile', SAMPLE_PROFILE);
    const draft = (await victim.client.post('/api/assessments')).body.id as string;
    const done = h.tracked[0];
    await sleep(1500);
    const before = await rowFingerprints(h);
    const tally = new Tally();
    const requests = malformedRequests(opts.malformedCount, { draft, submitted: done?.id ?? draft });
    let accepted = 0;
    for (const group of chunk(requests, 20)) {
      const answers = await Promise.all(
        group.map((r) =>
          timedFetch(
            h.stack.url + r.path,
            {
              method: r.method,
              headers: { ...(r.auth ? { cookie: victim.client.cookie! } : {}), ...r.headers },
              body: r.body,
            },
            15_000,
          ).then((res) => ({ res, r })),
        ),
      );
      for (const { res, r } of answers) {
        tally.note(res.status, `${r.method} ${r.name}`);
        if (res.status < 400) {
          accepted += 1;
          if (tally.samples.length < 5)
            tally.samples.push(`${res.status} ${r.method} ${r.name} was accepted`);
        }
      }
    }
    await sleep(1500);
    const after = await rowFingerprints(h);
    const rowsChanged = changedRows(before, after);
    rows.push({
      fault: `${opts.malformedCount} malformed requests`,
      requests: tally.requests,
      fiveXx: tally.fiveXx,
      badFiveXx: tally.badFiveXx,
      unanswered: tally.unanswered,
      recoverySeconds: null,
      assessments: 0,
      completed: 0,
      deliverablesEach: '-',
      clientEmailsEach: '-',
      rowsChanged,
      ok: tally.badFiveXx === 0 && tally.unanswered === 0 && rowsChanged === 0 && accepted === 0,
      notes: tally.samples,
    });
  } catch (err) {
    problems.push(`the run stopped: ${(err as Error).stack ?? err}`);
    if (h.stack) problems.push(`stack output (last lines):\n${h.stack.output().slice(-3000)}`);
  } finally {
    await h.stack?.stop().catch(() => undefined);
    await h.stack?.killAll().catch(() => undefined);
    await h.s3?.stop().catch(() => undefined);
    await stripe.stop();
    await openai.stop();
    if (!problems.length) fs.rmSync(root, { recursive: true, force: true });
    else problems.push(`data kept in ${root}`);
  }
  for (const row of rows)
    if (!row.ok) problems.push(`${row.fault}: ${row.notes.join('; ') || 'failed its checks'}`);
  return {
    rows,
    ok: problems.length === 0 && rows.every((r) => r.ok),
    seconds: (Date.now() - started) / 1000,
    problems,
  };
}

export function formatTable(result: ChaosResult): string {
  const head = [
    'fault',
    'requests',
    '5xx (all 503 while down)',
    'unanswered',
    'recovery s',
    'assessments completed',
    'deliverables each',
    'client emails each',
    'rows changed by rejected input',
    'result',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of result.rows) {
    lines.push(
      `| ${[
        r.fault,
        r.requests,
        r.badFiveXx ? `${r.fiveXx} (${r.badFiveXx} not allowed)` : r.fiveXx,
        r.unanswered,
        r.recoverySeconds === null ? '-' : r.recoverySeconds.toFixed(1),
        r.assessments ? `${r.completed}/${r.assessments}` : '-',
        r.deliverablesEach,
        r.clientEmailsEach,
        r.rowsChanged === null ? '-' : r.rowsChanged,
        r.ok ? 'pass' : 'FAIL',
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** `npm run chaos`: every fault, with the durations the issue asks for. */
export const FULL: ChaosOptions = {
  assessmentsPerFault: 2,
  faults: Object.keys(FAULTS),
  dbFreezeMs: 20_000,
  objectStoreDownMs: 10_000,
  llmFaultMs: 15_000,
  malformedCount: 1000,
  completionTimeoutMs: 600_000,
  timeScale: 20_000,
};

/** The version the test suite runs (test/chaos/chaos.test.ts) and `npm run chaos -- --short`. */
export const SHORT: ChaosOptions = {
  ...FULL,
  assessmentsPerFault: 1,
  faults: ['kill -9 agent', 'db frozen', 'kill -9 stack', 'duplicates'],
  dbFreezeMs: 4000,
  objectStoreDownMs: 3000,
  llmFaultMs: 3000,
  malformedCount: 100,
  completionTimeoutMs: 150_000,
};
