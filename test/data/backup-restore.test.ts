import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, PASSWORD, startTestStack, type TestStack } from '../helpers/stack';
import { newUser } from '../helpers/stack';
import { seedCompletedAssessment } from '../helpers/completed';
import { runScript, startSecondPostgres } from '../helpers/processes';

/**
 * `npm run data:backup` of a running local stack (database, s3rver objects, cognito-local user pool), then
 * `npm run data:restore` into a new data folder with its own embedded PostgreSQL, then the restored stack serves
 * the same user (log-in through the restored pool), assessment and document.
 */
let stack: TestStack | undefined;
let restored: TestStack | undefined;
let restoredPg: { url: string; stop: () => Promise<void> } | undefined;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-backup-'));
fs.chmodSync(root, 0o755);
const backupDir = path.join(root, 'backup');
const restoreDir = path.join(root, 'restored');

afterAll(async () => {
  await restored?.stop();
  await restoredPg?.stop();
  await stack?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

test('backup while running, restore into a new folder, and the restored stack serves the same data', async () => {
  stack = await startTestStack({}, { runPipeline: false });
  const user = await newUser(stack.url);
  const { assessment } = await seedCompletedAssessment(stack.app.ctx.db, stack.app.ctx.objectStore, {
    user: { id: user.userId, email: user.email },
  });
  const doc = await stack.app.ctx.db.document.findFirstOrThrow({ where: { assessmentId: assessment.id } });
  const original = await stack.app.ctx.objectStore.get(doc.objectKey);

  const backup = await runScript('scripts/data/backup.ts', ['--data-dir', stack.dataDir, '--out', backupDir]);
  expect(backup.stderr).toBe('');
  expect(backup.code).toBe(0);
  expect(backup.stdout).toMatch(/backing up the running stack/);
  expect(backup.stdout).toMatch(/user pool: 1 user\n/);
  expect(backup.stdout).toMatch(/objects: 5 /);

  // A running stack is never restored over.
  const refused = await runScript('scripts/data/restore.ts', [
    '--from',
    backupDir,
    '--data-dir',
    stack.dataDir,
  ]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/is running: stop it/);
  await stack.stop();
  stack = undefined;

  // A damaged backup is refused before anything is touched.
  const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
  const firstObject = path.join(backupDir, manifest.objects.items[0].file);
  const good = fs.readFileSync(firstObject);
  fs.writeFileSync(firstObject, good.subarray(0, 3));
  const damaged = await runScript(
    'scripts/data/restore.ts',
    ['--from', backupDir, '--data-dir', restoreDir],
    {
      DATABASE_URL: '',
    },
  );
  expect(damaged.code).toBe(2);
  expect(damaged.stderr).toMatch(/the backup is damaged: .*checksum differs/);
  expect(fs.existsSync(path.join(restoreDir, 'postgres'))).toBe(false);
  fs.writeFileSync(firstObject, good);

  const restore = await runScript(
    'scripts/data/restore.ts',
    ['--from', backupDir, '--data-dir', restoreDir],
    {
      DATABASE_URL: '',
    },
  );
  expect(restore.stderr).toBe('');
  expect(restore.code).toBe(0);
  expect(restore.stdout).toMatch(/No differences/);
  expect(restore.stdout).toMatch(/user pool: 1 of 1 users restored/);

  // The restored folder's own embedded PostgreSQL (started in a child process: Jest cannot load its ESM module).
  restoredPg = await startSecondPostgres(path.join(restoreDir, 'postgres'));
  restored = await startTestStack(
    { DATABASE_URL: restoredPg.url },
    { dataDir: restoreDir, database: false, runPipeline: false },
  );
  const c = new Client(restored.url);
  const login = await c.post('/api/auth/login', { email: user.email, password: PASSWORD });
  expect(login.status).toBe(200);
  const list = await c.get('/api/assessments');
  expect(list.status).toBe(200);
  expect(JSON.stringify(list.body)).toContain(assessment.id);
  expect(await restored.app.ctx.objectStore.get(doc.objectKey)).toEqual(original);
});
