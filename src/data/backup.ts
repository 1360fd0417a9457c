import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import pg from 'pg';
import { loadConfig } from '../config';
import { startLocalStack, type LocalStack } from '../local/stack';
import { S3ObjectStore } from '../adapters/aws/object-store';
import { readSchema, snapshotDatabase, type DatabaseSnapshot } from './snapshot';
import { compareDatabases, formatComparison, withObjects } from './compare';
import { DataRefusal, dumpRows, loadRows, nonEmptyTables, type TableCopy } from './copy';
import { bucketClient, getObject, listKeys, sha256, inventory, type StoredObject } from './objects';
import type { Log } from './commands';

/**
 * Backup and restore of the local stack (`npm start`'s data folder): the database, the object store and the
 * user pool, taken while the stack runs. Consistency: the database is read in one REPEATABLE READ snapshot first;
 * the user pool and the objects are read after it. ScaleMap writes a user to the pool before its row, and an
 * object before the row that names it, so everything the snapshot refers to is in the backup.
 */
export const BACKUP_FORMAT = 'scalemap-local-backup/1';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: {
    serverVersion: string;
    migrations: string[];
    tables: TableCopy[];
    schema: Pick<DatabaseSnapshot, 'tables' | 'enums' | 'foreignKeys'>;
  };
  objects: { bucket: string; items: Array<StoredObject & { file: string }> };
  userPool: {
    userPoolId: string;
    clientId: string;
    users: number;
    files: Array<{ name: string; sha256: string }>;
  };
}

interface StackEnv {
  DATABASE_URL: string;
  S3_ENDPOINT: string;
  S3_BUCKET: string;
  COGNITO_ENDPOINT: string;
  COGNITO_USER_POOL_ID: string;
  COGNITO_CLIENT_ID: string;
}

function reachable(endpoint: string): Promise<boolean> {
  const url = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** The running stack of a data folder (from its stack.json), or undefined when it is not running. */
export async function runningStack(dataDir: string): Promise<StackEnv | undefined> {
  const file = path.join(dataDir, 'stack.json');
  if (!fs.existsSync(file)) return undefined;
  const env = JSON.parse(fs.readFileSync(file, 'utf8')) as StackEnv;
  return (await reachable(env.S3_ENDPOINT)) && (await reachable(env.COGNITO_ENDPOINT)) ? env : undefined;
}

/** Reads a JSON file written whole by another process, again if it was caught mid-write. */
function readJsonFile(file: string): { text: string; json: Record<string, unknown> } {
  for (let attempt = 0; ; attempt++) {
    const text = fs.readFileSync(file, 'utf8');
    try {
      return { text, json: JSON.parse(text) as Record<string, unknown> };
    } catch (err) {
      if (attempt >= 20)
        throw new Error(`${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
}

const objectFile = (i: number) => `objects/${String(i).padStart(6, '0')}`;

/**
 * Backs up the local stack of `dataDir` into `out` (created; must not exist). Uses the running stack when there is
 * one; otherwise starts the stack's services on the folder for the time of the backup.
 */
export async function backupLocalStack(
  opts: { dataDir: string; out: string },
  log: Log,
): Promise<BackupManifest> {
  const dataDir = path.resolve(opts.dataDir);
  const out = path.resolve(opts.out);
  if (fs.existsSync(out) && fs.readdirSync(out).length)
    throw new DataRefusal(`${out} exists and is not empty`);
  let env = await runningStack(dataDir);
  let started: LocalStack | undefined;
  if (env) {
    log(`backing up the running stack of ${dataDir}`);
  } else {
    if (!fs.existsSync(path.join(dataDir, 'cognito', 'pool.json')))
      throw new DataRefusal(`${dataDir} holds no ScaleMap local stack (no cognito/pool.json)`);
    log(`the stack of ${dataDir} is not running: starting its services for the backup`);
    started = await startLocalStack(loadConfig({ ...process.env, SCALEMAP_DATA_DIR: dataDir }), {
      applyMigrations: false,
    });
    env = started.env as unknown as StackEnv;
  }
  try {
    fs.mkdirSync(path.join(out, 'db'), { recursive: true, mode: 0o700 });
    fs.mkdirSync(path.join(out, 'objects'), { recursive: true });
    fs.mkdirSync(path.join(out, 'cognito'), { recursive: true });
    // 1. The database, one snapshot.
    const dump = await dumpRows(env.DATABASE_URL, path.join(out, 'db'));
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const schema = await readSchema(client).finally(() => client.end());
    const version = await snapshotVersion(env.DATABASE_URL);
    log(`database: ${dump.tables.reduce((s, t) => s + t.rows, 0)} rows in ${dump.tables.length} tables`);
    // 2. The user pool (cognito-local's files; each is written whole).
    const cognitoDir = path.join(dataDir, 'cognito');
    const files: Array<{ name: string; sha256: string }> = [];
    let users = 0;
    for (const name of fs
      .readdirSync(cognitoDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const { text, json } = readJsonFile(path.join(cognitoDir, name));
      fs.writeFileSync(path.join(out, 'cognito', name), text);
      files.push({ name, sha256: sha256(Buffer.from(text)) });
      if (name === `${env.COGNITO_USER_POOL_ID}.json`)
        users = Object.keys((json.Users as object) ?? {}).length;
    }
    log(`user pool: ${users} ${users === 1 ? 'user' : 'users'}`);
    // 3. The objects.
    const bucket = { bucket: env.S3_BUCKET, endpoint: env.S3_ENDPOINT };
    const s3 = bucketClient(bucket);
    const items: BackupManifest['objects']['items'] = [];
    try {
      for (const [i, { key }] of (await listKeys(s3, bucket.bucket)).entries()) {
        const { body, contentType } = await getObject(s3, bucket.bucket, key);
        const file = objectFile(i);
        fs.writeFileSync(path.join(out, file), body);
        items.push({ key, size: body.length, sha256: sha256(body), contentType, file });
      }
    } finally {
      s3.destroy();
    }
    log(`objects: ${items.length} (${items.reduce((s, o) => s + o.size, 0)} B)`);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      database: { serverVersion: version, migrations: dump.migrations, tables: dump.tables, schema },
      objects: { bucket: bucket.bucket, items },
      userPool: { userPoolId: env.COGNITO_USER_POOL_ID, clientId: env.COGNITO_CLIENT_ID, users, files },
    };
    for (const extra of ['ports.json'])
      if (fs.existsSync(path.join(dataDir, extra)))
        fs.copyFileSync(path.join(dataDir, extra), path.join(out, extra));
    fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
    log(`backup written to ${out}`);
    return manifest;
  } finally {
    await started?.stop();
  }
}

async function snapshotVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } finally {
    await c.end();
  }
}

/** Checks a backup folder against its manifest before anything is restored from it. */
export function checkBackup(dir: string): BackupManifest {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new DataRefusal(`${dir} has no manifest.json: not a ScaleMap backup`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new DataRefusal(`unknown backup format ${String(manifest.format)}`);
  const problems: string[] = [];
  for (const t of manifest.database.tables)
    if (!fs.existsSync(path.join(dir, 'db', `${t.table}.copy`))) problems.push(`db/${t.table}.copy missing`);
  for (const o of manifest.objects.items) {
    const p = path.join(dir, o.file);
    if (!fs.existsSync(p)) problems.push(`${o.key}: file missing`);
    else if (sha256(fs.readFileSync(p)) !== o.sha256) problems.push(`${o.key}: checksum differs`);
  }
  for (const f of manifest.userPool.files) {
    const p = path.join(dir, 'cognito', f.name);
    if (!fs.existsSync(p) || sha256(fs.readFileSync(p)) !== f.sha256)
      problems.push(`cognito/${f.name} damaged`);
  }
  if (problems.length) throw new DataRefusal(`the backup is damaged: ${problems.join('; ')}`);
  return manifest;
}

/**
 * Restores a backup into a data folder whose stack is stopped. A folder already holding data is refused unless
 * `force`; its old data is then moved aside into `replaced-<time>/`, never deleted. Ends with a verification of
 * the restored database, objects and user pool against the manifest.
 */
export async function restoreLocalStack(
  opts: { from: string; dataDir: string; force?: boolean },
  log: Log,
): Promise<{ ok: boolean; report: string }> {
  const from = path.resolve(opts.from);
  const dataDir = path.resolve(opts.dataDir);
  const manifest = checkBackup(from);
  log(`backup of ${manifest.createdAt} checked: every file matches its checksum`);
  if (await runningStack(dataDir))
    throw new DataRefusal(
      `the stack of ${dataDir} is running: stop it (Ctrl+C on npm start) before restoring`,
    );
  const parts = ['postgres', 'objects', 'cognito', 'stack.json', 'ports.json'];
  const present = parts.filter((p) => fs.existsSync(path.join(dataDir, p)));
  if (present.length && !opts.force)
    throw new DataRefusal(
      `${dataDir} already holds data (${present.join(', ')}). Use --force to replace it.`,
    );
  if (present.length) {
    const aside = path.join(dataDir, `replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    fs.mkdirSync(aside, { recursive: true });
    for (const p of present) fs.renameSync(path.join(dataDir, p), path.join(aside, p));
    log(`the folder's previous data moved to ${aside}`);
  }
  fs.mkdirSync(path.join(dataDir, 'cognito'), { recursive: true });
  fs.chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as its own user and must reach its folder
  for (const f of manifest.userPool.files)
    fs.copyFileSync(path.join(from, 'cognito', f.name), path.join(dataDir, 'cognito', f.name));
  fs.writeFileSync(
    path.join(dataDir, 'cognito', 'pool.json'),
    JSON.stringify(
      { userPoolId: manifest.userPool.userPoolId, clientId: manifest.userPool.clientId },
      null,
      2,
    ),
  );
  if (fs.existsSync(path.join(from, 'ports.json')))
    fs.copyFileSync(path.join(from, 'ports.json'), path.join(dataDir, 'ports.json'));
  const config = loadConfig({
    ...process.env,
    SCALEMAP_DATA_DIR: dataDir,
    S3_BUCKET: manifest.objects.bucket,
  });
  const stack = await startLocalStack(config, { applyMigrations: true });
  try {
    const known = await appliedIn(stack.databaseUrl);
    const unknown = manifest.database.migrations.filter((m) => !known.includes(m));
    if (unknown.length)
      throw new DataRefusal(`the backup has migrations this checkout lacks: ${unknown.join(', ')}`);
    if (config.DATABASE_URL && !opts.force) {
      const occupied = await nonEmptyTables(stack.databaseUrl);
      if (occupied.length)
        throw new DataRefusal(
          `DATABASE_URL names a database that is not empty. Use --force to replace its rows.`,
        );
    }
    const loaded = await loadRows(stack.databaseUrl, path.join(from, 'db'), manifest.database.tables);
    log(`database: ${loaded.reduce((s, t) => s + t.rows, 0)} rows in ${loaded.length} tables`);
    const store = new S3ObjectStore({
      bucket: manifest.objects.bucket,
      region: 'eu-west-1',
      endpoint: stack.s3Endpoint,
    });
    await store.ensureBucket([]);
    for (const o of manifest.objects.items)
      await store.client.send(
        new PutObjectCommand({
          Bucket: manifest.objects.bucket,
          Key: o.key,
          Body: fs.readFileSync(path.join(from, o.file)),
          ContentType: o.contentType,
        }),
      );
    store.client.destroy();
    log(`objects: ${manifest.objects.items.length}`);
    // Verify: the restored copy against the manifest (database, objects) and the user pool through its API.
    const expected: DatabaseSnapshot = {
      serverVersion: manifest.database.serverVersion,
      ...manifest.database.schema,
      rowCounts: Object.fromEntries(manifest.database.tables.map((t) => [t.table, t.rows])),
      orphans: {},
      nullViolations: {},
    };
    const restored = await snapshotDatabase(stack.databaseUrl, expected);
    let comparison = compareDatabases(expected, restored);
    const restoredObjects = await inventory({ bucket: manifest.objects.bucket, endpoint: stack.s3Endpoint });
    comparison = withObjects(comparison, manifest.objects.items, restoredObjects);
    const users = await countUsers(stack.cognitoEndpoint, stack.userPoolId);
    if (stack.userPoolId !== manifest.userPool.userPoolId || users !== manifest.userPool.users)
      comparison.differences.push({
        check: 'rows',
        name: '(user pool users)',
        a: String(manifest.userPool.users),
        b: String(users),
      });
    const report = `${formatComparison(comparison, { a: 'backup', b: 'restored' })}\nuser pool: ${users} of ${manifest.userPool.users} users restored`;
    return { ok: comparison.differences.length === 0, report };
  } finally {
    await stack.stop();
  }
}

async function appliedIn(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations');
    return r.rows.map((x) => x.migration_name);
  } finally {
    await c.end();
  }
}

async function countUsers(endpoint: string, userPoolId: string): Promise<number> {
  const client = new CognitoIdentityProviderClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    let n = 0;
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListUsersCommand({ UserPoolId: userPoolId, PaginationToken: token }),
      );
      n += page.Users?.length ?? 0;
      token = page.PaginationToken;
    } while (token);
    return n;
  } finally {
    client.destroy();
  }
}
