/**
 * `npm run bench:api`: autocannon against the local stack with seeded data.
 * Prints requests/s and p50/p99 latency for liveness (GET /api/health/live, where it exists), readiness,
 * GET /api/assessments/:id with the session cookie and with a Bearer token, PUT .../answers (20 answers per
 * autosave), each as a share of a bare Express handler measured in the same run (before and after), with the
 * load average: on a shared machine the ratios within one run are what counts. The servers run
 * in their own processes (`npm start`'s entry point), so the load generator does not share their event loop.
 * Options: --connections 50 --duration 10 [--only Bearer,PUT] [--cpu-prof DIR]
 */
import '../../src/local/quiet';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { newUser, SAMPLE_PROFILE } from '../../src/local/http-client';
import { answersFor, chunk } from '../../src/local/sample-data';

const ROOT = path.resolve(__dirname, '..', '..');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const CONNECTIONS = arg('connections', 50);
const DURATION = arg('duration', 10);
/** --cpu-prof DIR: the API process writes a V8 CPU profile there (summarise it with scripts/bench/profile.ts). */
const CPU_PROF = process.argv.includes('--cpu-prof')
  ? process.argv[process.argv.indexOf('--cpu-prof') + 1]
  : undefined;
/** --only a,b: run only the targets whose names contain one of these (the baseline always runs). */
const ONLY = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1].split(',')
  : undefined;

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time per request of the server process and of PostgreSQL (µs): what load on the machine barely moves. */
  serverUs: number;
  pgUs: number;
}

/** CPU time (ms) a process has used so far, from /proc (Linux); 0 where there is none. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** The embedded PostgreSQL's processes: its postmaster (started on the bench's data directory) and its children. */
function postgresPids(dataDir: string): number[] {
  const stats: { pid: number; ppid: number; cmd: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      stats.push({ pid: Number(entry), ppid, cmd });
    } catch {
      // the process ended while we looked
    }
  }
  const roots = stats.filter((p) => p.cmd.includes(dataDir) && p.cmd.includes('postgres')).map((p) => p.pid);
  return stats.filter((p) => roots.includes(p.pid) || roots.includes(p.ppid)).map((p) => p.pid);
}

let measured: { server: () => number | undefined; dataDir?: string } = { server: () => undefined };

async function run(name: string, opts: autocannon.Options): Promise<Row> {
  if (ONLY && !name.startsWith('bare') && !ONLY.some((o) => name.includes(o)))
    return { name, rps: NaN, p50: NaN, p99: NaN, errors: 0, non2xx: 0, serverUs: NaN, pgUs: NaN };
  // PostgreSQL's processes before and after (a pool may open connections during the run: a new backend's CPU
  // counts whole; one that ended during the run is missed).
  const pgCpu = () =>
    new Map((measured.dataDir ? postgresPids(measured.dataDir) : []).map((pid) => [pid, cpuMs(pid)]));
  const serverBefore = cpuMs(measured.server());
  const pgBefore = pgCpu();
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  const pgAfter = pgCpu();
  const pgUsed = [...pgAfter].reduce((sum, [pid, ms]) => sum + ms - (pgBefore.get(pid) ?? 0), 0);
  const requests = Math.max(1, result.requests.total);
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    serverUs: ((cpuMs(measured.server()) - serverBefore) * 1000) / requests,
    pgUs: (pgUsed * 1000) / requests,
  };
}

/** Starts a server in its own process (the load generator must not share its event loop) and waits for `ready`. */
function startProcess(
  args: string[],
  nodeArgs: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, ...args], { cwd: ROOT, env });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d;
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', AUTH_RATE_LIMIT_PER_MINUTE: '10000' };
  delete env.DATABASE_URL;
  const bare = await startProcess(
    ['scripts/bench/baseline-server.ts'],
    [],
    { ...env, PORT: '0' },
    /listening (\d+)/,
  );
  const bareUrl = `http://127.0.0.1:${bare.match[1]}`;
  const app = await startProcess(
    ['src/local/start.ts'],
    CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(CPU_PROF)] : [],
    { ...env, PORT: '0', SCALEMAP_DATA_DIR: dataDir },
    /ScaleMap is running: (http:\S+)/,
  );
  const url = app.match[1];
  try {
    const { client, tokens } = await newUser(url);
    await client.put('/api/me/profile', SAMPLE_PROFILE);
    const id = (await client.post('/api/assessments')).body.id as string;
    const all = answersFor(SAMPLE_PROFILE, ['financial-management']);
    for (const batch of chunk(all, 50))
      await client.put(`/api/assessments/${id}/answers`, { answers: batch });
    const autosave = JSON.stringify({ answers: all.filter((a) => a.score !== undefined).slice(0, 20) });
    // The autosave bench: one assessment per connection (clients save their own assessment, not one shared row
    // set), each seeded like the first; requests go round-robin over them.
    const saveIds: string[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const own = (await client.post('/api/assessments')).body.id as string;
      for (const batch of chunk(all, 50))
        await client.put(`/api/assessments/${own}/answers`, { answers: batch });
      saveIds.push(own);
    }
    let nextSave = 0;
    const headers = { cookie: client.cookie!, 'content-type': 'application/json' };

    const bearerHeaders = { authorization: `Bearer ${tokens.idToken}`, 'content-type': 'application/json' };
    // Liveness and readiness where they exist; before them, the one health check stands for readiness.
    const hasLive = (await fetch(`${url}/api/health/live`)).status === 200;
    const hasReady = (await fetch(`${url}/api/health/ready`)).status === 200;

    const load = () =>
      os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');
    const loadBefore = load();
    process.stdout.write(
      `autocannon: ${CONNECTIONS} connections, ${DURATION} s per target, seeded ${all.length} answers (autosave: one assessment per connection); servers in their own processes\n` +
        `${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · Node ${process.version} · load average ${loadBefore}\n`,
    );
    const rows: Row[] = [];
    const view = `${url}/api/assessments/${id}`;
    const onBare = { server: () => bare.child.pid };
    const onApp = { server: () => app.child.pid, dataDir };
    measured = onBare;
    rows.push(await run('bare Express handler (baseline)', { url: `${bareUrl}/hello` }));
    measured = onApp;
    if (hasLive) rows.push(await run('liveness GET /api/health/live', { url: `${url}/api/health/live` }));
    rows.push(
      await run(hasReady ? 'readiness GET /api/health/ready' : 'readiness GET /api/health', {
        url: `${url}/api/health${hasReady ? '/ready' : ''}`,
      }),
    );
    rows.push(await run('GET /api/assessments/:id (session)', { url: view, headers }));
    rows.push(await run('GET /api/assessments/:id (Bearer)', { url: view, headers: bearerHeaders }));
    rows.push(
      await run('PUT /api/assessments/:id/answers (20)', {
        url,
        requests: [
          {
            method: 'PUT',
            headers,
            body: autosave,
            setupRequest: (req) => ({
              ...req,
              path: `/api/assessments/${saveIds[nextSave++ % saveIds.length]}/answers`,
            }),
          },
        ],
      }),
    );
    // The baseline again at the end: on a shared machine the load can change during the run.
    measured = onBare;
    rows.push(await run('bare Express handler (again)', { url: `${bareUrl}/hello` }));

    const base = (rows[0].rps + rows[rows.length - 1].rps) / 2;
    const line = (cells: string[]) =>
      `| ${cells[0].padEnd(40)} | ${cells
        .slice(1)
        .map((c) => c.padStart(8))
        .join(' | ')} |\n`;
    process.stdout.write(
      '\n' +
        line(['target', 'req/s', 'p50 ms', 'p99 ms', 'vs bare', 'errors', 'non-2xx', 'server µs', 'PG µs']) +
        line(['---', '---', '---', '---', '---', '---', '---', '---', '---']),
    );
    for (const r of rows) {
      process.stdout.write(
        line([
          r.name,
          r.rps.toFixed(0),
          String(r.p50),
          String(r.p99),
          `${((r.rps / base) * 100).toFixed(0)}%`,
          String(r.errors),
          String(r.non2xx),
          r.serverUs.toFixed(0),
          r.pgUs.toFixed(0),
        ]),
      );
    }
    process.stdout.write(`(vs bare: against the mean of the two baseline runs, ${base.toFixed(0)} req/s)\n`);
    process.stdout.write(
      '(server µs, PG µs: CPU time per request of the server process and of PostgreSQL, from /proc)\n',
    );
    process.stdout.write(`load average ${loadBefore} before, ${load()} after\n`);

    const find = (prefix: string) => rows.find((r) => r.name.startsWith(prefix));
    const targets: { row: Row | undefined; share: number; p99?: number }[] = [
      { row: find('liveness'), share: 0.7 },
      { row: find('readiness'), share: 0.4 },
      { row: find('GET /api/assessments/:id (session)'), share: 0.3, p99: 50 },
      { row: find('GET /api/assessments/:id (Bearer)'), share: 0.3, p99: 50 },
      { row: find('PUT'), share: 0.15, p99: 100 },
    ];
    process.stdout.write('\ntargets (issue 12, ratios against bare Express in this run):\n');
    for (const t of targets) {
      if (!t.row) continue;
      const share = t.row.rps / base;
      const ok = share >= t.share && (t.p99 === undefined || t.row.p99 <= t.p99);
      process.stdout.write(
        `  ${t.row.name}: ${(share * 100).toFixed(0)}% (≥ ${t.share * 100}%)` +
          (t.p99 !== undefined ? `, p99 ${t.row.p99} ms (≤ ${t.p99} ms)` : '') +
          ` ${ok ? 'meets' : 'MISSES'}\n`,
      );
    }
    const session = find('GET /api/assessments/:id (session)')!;
    const bearer = find('GET /api/assessments/:id (Bearer)')!;
    process.stdout.write(
      `  session vs Bearer, same read: p50 ${session.p50} vs ${bearer.p50} ms ` +
        `(${session.p50 - bearer.p50 >= 0 ? '+' : ''}${session.p50 - bearer.p50} ms for the session; target ≤ +1 ms), ` +
        `${session.rps.toFixed(0)} vs ${bearer.rps.toFixed(0)} req/s; ` +
        `server CPU per request ${session.serverUs.toFixed(0)} vs ${bearer.serverUs.toFixed(0)} µs ` +
        `(at 50 connections a p50 is mostly queueing: about 50 × the CPU per request)\n`,
    );
  } finally {
    await stop(app.child);
    await stop(bare.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
