/**
 * `npm run bench:api`: autocannon against the local stack with seeded data.
 * Prints requests/s and p50/p99 latency for GET /api/health, GET /api/assessments/:id, PUT .../answers
 * (20 answers per autosave) and a bare Express handler started in the same run as the baseline. The servers run
 * in their own processes (`npm start`'s entry point), so the load generator does not share their event loop.
 * Options: --connections 50 --duration 10
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

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function run(name: string, opts: autocannon.Options): Promise<Row> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Starts a server in its own process (the load generator must not share its event loop) and waits for `ready`. */
function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env });
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
    { ...env, PORT: '0' },
    /listening (\d+)/,
  );
  const bareUrl = `http://127.0.0.1:${bare.match[1]}`;
  const app = await startProcess(
    ['src/local/start.ts'],
    { ...env, PORT: '0', SCALEMAP_DATA_DIR: dataDir },
    /ScaleMap is running: (http:\S+)/,
  );
  const url = app.match[1];
  try {
    const { client } = await newUser(url);
    await client.put('/api/me/profile', SAMPLE_PROFILE);
    const id = (await client.post('/api/assessments')).body.id as string;
    const all = answersFor(SAMPLE_PROFILE, ['financial-management']);
    for (const batch of chunk(all, 50))
      await client.put(`/api/assessments/${id}/answers`, { answers: batch });
    const autosave = JSON.stringify({ answers: all.filter((a) => a.score !== undefined).slice(0, 20) });
    const headers = { cookie: client.cookie!, 'content-type': 'application/json' };

    process.stdout.write(
      `autocannon: ${CONNECTIONS} connections, ${DURATION} s per target, seeded ${all.length} answers; servers in their own processes\n`,
    );
    const rows: Row[] = [];
    rows.push(await run('bare Express handler (baseline)', { url: `${bareUrl}/hello` }));
    rows.push(await run('GET /api/health', { url: `${url}/api/health` }));
    rows.push(await run('GET /api/assessments/:id', { url: `${url}/api/assessments/${id}`, headers }));
    rows.push(
      await run('PUT /api/assessments/:id/answers (20)', {
        url: `${url}/api/assessments/${id}/answers`,
        method: 'PUT',
        headers,
        body: autosave,
      }),
    );

    const base = rows[0].rps;
    const line = (cells: string[]) =>
      `${cells[0].padEnd(40)}${cells
        .slice(1)
        .map((c) => c.padStart(10))
        .join('')}\n`;
    process.stdout.write(
      '\n' + line(['target', 'req/s', 'p50 ms', 'p99 ms', 'vs base', 'errors', 'non-2xx']),
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
        ]),
      );
    }
    const targets = [
      { row: rows[1], limit: 50 },
      { row: rows[2], limit: 50 },
      { row: rows[3], limit: 100 },
    ];
    process.stdout.write('\ntargets (p99 at 50 connections): reads < 50 ms, autosave < 100 ms\n');
    for (const t of targets)
      process.stdout.write(
        `  ${t.row.name}: p99 ${t.row.p99} ms ${t.row.p99 < t.limit ? 'meets' : 'MISSES'} < ${t.limit} ms\n`,
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
