import JSZip from 'jszip';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { Client, newUser, PASSWORD, startTestStack, type TestStack } from '../helpers/stack';
import { seedCompletedAssessment } from '../helpers/completed';
import { findClientTextViolations } from '../../src/domain/client-text';
import { purgeExpiredDocuments } from '../../src/services/privacy';
import type { S3ObjectStore } from '../../src/adapters/aws';

/** Export and erasure over real HTTP against the real local stack: PostgreSQL, s3rver, cognito-local. */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({}, { runPipeline: false });
});
afterAll(() => stack?.stop());

const s3 = () => stack.app.ctx.objectStore as S3ObjectStore;

async function keysUnder(prefix: string): Promise<string[]> {
  const out = await s3().client.send(
    new ListObjectsV2Command({ Bucket: stack.app.config.S3_BUCKET, Prefix: prefix }),
  );
  return (out.Contents ?? []).map((o) => o.Key!);
}

async function poolHas(email: string): Promise<boolean> {
  const cognito = new CognitoIdentityProviderClient({
    endpoint: stack.app.stack.cognitoEndpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await cognito.send(new AdminGetUserCommand({ UserPoolId: stack.app.stack.userPoolId, Username: email }));
    return true;
  } catch (err) {
    if ((err as Error).name === 'UserNotFoundException') return false;
    throw err;
  } finally {
    cognito.destroy();
  }
}

async function founder() {
  const email = `founder${Date.now()}@example.com`;
  const c = new Client(stack.url);
  await c.post('/api/auth/register', {
    email,
    password: PASSWORD,
    firstName: 'Fran',
    lastName: 'Founder',
    companyName: 'ScaleMap',
  });
  await stack.app.ctx.identity.addToGroup(email, 'founders');
  await c.post('/api/auth/login', { email, password: PASSWORD });
  return c;
}

test('export: a zip with a manifest, the profile, answers, documents, deliverables, emails and validation', async () => {
  const user = await newUser(stack.url);
  const { assessment } = await seedCompletedAssessment(stack.app.ctx.db, stack.app.ctx.objectStore, {
    user: { id: user.userId, email: user.email },
  });
  const res = await fetch(`${stack.url}/api/me/export`, { headers: { cookie: user.client.cookie! } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  expect(res.headers.get('content-disposition')).toMatch(
    /attachment; filename="scalemap-data-\d{4}-\d\d-\d\d\.zip"/,
  );
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  expect(manifest).toMatchObject({
    format: 'scalemap-export/1',
    account: user.email,
    assessments: 1,
    unavailable: [],
  });
  const paths: string[] = manifest.files.map((f: { path: string }) => f.path);
  for (const p of paths) expect(zip.file(p)).not.toBeNull();
  const dir = paths.find((p) => p.endsWith('/assessment.json'))!.replace('/assessment.json', '');
  expect(paths).toEqual(
    expect.arrayContaining([
      'account.json',
      'profile.json',
      'payments.json',
      `${dir}/answers.json`,
      `${dir}/validation.json`,
      `${dir}/emails.json`,
      `${dir}/documents/board-pack.pdf`,
      `${dir}/documents/pipeline.csv`,
      `${dir}/deliverables/executive-summary.html`,
      `${dir}/deliverables/detailed-report.html`,
      `${dir}/deliverables/implementation-kits.html`,
    ]),
  );
  const doc = await stack.app.ctx.db.document.findFirstOrThrow({
    where: { assessmentId: assessment.id, fileName: 'board-pack.pdf' },
  });
  expect(await zip.file(`${dir}/documents/board-pack.pdf`)!.async('nodebuffer')).toEqual(
    await stack.app.ctx.objectStore.get(doc.objectKey),
  );
  const answers = JSON.parse(await zip.file(`${dir}/answers.json`)!.async('string'));
  expect(answers).toHaveLength(4);
  expect(answers[0]).toMatchObject({ questionId: 'fm-01', score: 4 });
  expect(JSON.parse(await zip.file('profile.json')!.async('string')).companyName).toBe('Acme Widgets Ltd');
  expect(JSON.parse(await zip.file(`${dir}/emails.json`)!.async('string'))[0].subject).toBe(
    'Your executive summary',
  );
  // Another user's data is not in it; without a session there is no export.
  expect((await new Client(stack.url).get('/api/me/export')).status).toBe(401);
});

test('erasure is refused with 409 while an assessment is in the pipeline, saying when it can be done', async () => {
  const user = await newUser(stack.url);
  const { assessment } = await seedCompletedAssessment(stack.app.ctx.db, stack.app.ctx.objectStore, {
    user: { id: user.userId, email: user.email },
    status: 'analysing',
    completedAt: new Date(Date.now() + 48 * 3600_000),
  });
  const res = await user.client.request('DELETE', '/api/me', { confirmEmail: user.email });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('assessment_in_progress');
  expect(res.body.error.details.canDeleteAfter).toBe(assessment.kitsDueAt!.toISOString());
  expect(res.body.error.message).toMatch(
    /once the implementation kits are delivered, after \d{4}-\d\d-\d\d \d\d:\d\d UTC\./,
  );
  expect(findClientTextViolations(res.body.error.message)).toEqual([]);
  // Nothing was removed.
  expect(await poolHas(user.email)).toBe(true);
  expect(await keysUnder(`assessments/${assessment.id}/`)).toHaveLength(2);
});

test('a wrong or missing confirmation is a 400 and removes nothing', async () => {
  const user = await newUser(stack.url);
  const missing = await user.client.request('DELETE', '/api/me', {});
  expect(missing.status).toBe(400);
  expect(missing.body.error.code).toBe('validation_error');
  const wrong = await user.client.request('DELETE', '/api/me', { confirmEmail: 'someone@else.com' });
  expect(wrong.status).toBe(400);
  expect((await user.client.get('/api/me')).status).toBe(200);
});

test('erasure: objects gone, user gone from the pool, personal fields erased, paid invoice kept; the log shows no content', async () => {
  const user = await newUser(stack.url);
  const db = stack.app.ctx.db;
  const first = await seedCompletedAssessment(db, stack.app.ctx.objectStore, {
    user: { id: user.userId, email: user.email },
  });
  const second = await seedCompletedAssessment(db, stack.app.ctx.objectStore, {
    user: { id: user.userId, email: user.email },
    paid: false,
  });
  expect(await keysUnder(`assessments/${first.assessment.id}/`)).toHaveLength(5);
  expect(await poolHas(user.email)).toBe(true);

  const res = await user.client.request('DELETE', '/api/me', { confirmEmail: user.email.toUpperCase() });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    erased: true,
    removed: { documents: 4, deliverables: 6, objects: 10, answers: 8, assessments: 2, userPoolAccount: 1 },
    kept: [{ what: 'paid invoice', count: 1 }],
  });
  expect(res.body.message).toMatch(/paid invoice is kept for accounting/);
  expect(findClientTextViolations(res.body.message)).toEqual([]);

  // The object store and the user pool, checked directly.
  expect(await keysUnder(`assessments/${first.assessment.id}/`)).toEqual([]);
  expect(await keysUnder(`assessments/${second.assessment.id}/`)).toEqual([]);
  expect(await poolHas(user.email)).toBe(false);
  // The session is gone and the password no longer signs in.
  expect((await user.client.get('/api/me')).status).toBe(401);
  const login = await new Client(stack.url).post('/api/auth/login', {
    email: user.email,
    password: PASSWORD,
  });
  expect(login.status).toBe(401);
  // A token issued before the erasure (still within its hour) does not bring the account back.
  const stale = await new Client(stack.url, user.tokens.idToken).get('/api/me');
  expect(stale.status).toBe(401);
  expect(await db.user.count({ where: { email: user.email } })).toBe(0);

  // The database: personal fields erased, content deleted, the paid invoice and its bare assessment kept.
  const row = await db.user.findUniqueOrThrow({ where: { id: user.userId }, include: { profile: true } });
  expect(row).toMatchObject({ firstName: '', lastName: '', profile: null });
  expect(row.email).not.toContain(user.email.split('@')[0]);
  expect(row.erasedAt).toBeInstanceOf(Date);
  expect(await db.payment.findMany({ where: { userId: user.userId } })).toEqual([
    expect.objectContaining({ status: 'paid', amountPence: 750000, assessmentId: first.assessment.id }),
  ]);
  const kept = await db.assessment.findMany({ where: { userId: user.userId } });
  expect(kept.map((a) => a.id)).toEqual([first.assessment.id]);
  expect(kept[0].profileSnapshot).toBeNull();
  for (const count of [
    db.answer.count({ where: { assessmentId: first.assessment.id } }),
    db.document.count({ where: { assessmentId: first.assessment.id } }),
    db.deliverable.count({ where: { assessmentId: first.assessment.id } }),
    db.emailSent.count({ where: { assessmentId: first.assessment.id } }),
    db.validation.count({ where: { assessmentId: first.assessment.id } }),
    db.agentAnalysis.count({ where: { assessmentId: first.assessment.id } }),
  ])
    expect(await count).toBe(0);

  // Founders see who (pseudonymous id), when, by whom and what, never the content.
  const admin = await founder();
  const log = await admin.get('/api/admin/erasures');
  expect(log.status).toBe(200);
  const entry = log.body.erasures.find((e: { userId: string }) => e.userId === user.userId);
  expect(entry).toMatchObject({
    actor: 'client',
    at: expect.stringMatching(/^\d{4}-/),
    removed: { documents: 4, deliverables: 6, assessments: 2 },
    kept: [{ what: 'paid invoice', count: 1 }],
  });
  const text = JSON.stringify(log.body);
  for (const secret of [user.email, 'Acme Widgets', 'board-pack', 'spreadsheet', 'Northwind', 'Ada'])
    expect(text).not.toContain(secret);
  // A client cannot read the log.
  expect((await (await newUser(stack.url)).client.get('/api/admin/erasures')).status).toBe(403);
});

test('retention deletes the documents of assessments completed before the period, and only those', async () => {
  const db = stack.app.ctx.db;
  const now = new Date();
  const monthsAgo = (m: number) => new Date(now.getTime() - m * 30.5 * 24 * 3600_000);
  const old = await seedCompletedAssessment(db, stack.app.ctx.objectStore, { completedAt: monthsAgo(13) });
  const recent = await seedCompletedAssessment(db, stack.app.ctx.objectStore, { completedAt: monthsAgo(11) });
  const running = await seedCompletedAssessment(db, stack.app.ctx.objectStore, {
    status: 'analysing',
    completedAt: monthsAgo(14),
  });
  const result = await purgeExpiredDocuments(db, stack.app.ctx.objectStore, { months: 12, now });
  expect(result.documents).toBeGreaterThanOrEqual(2);
  expect(await db.document.count({ where: { assessmentId: old.assessment.id } })).toBe(0);
  expect(await keysUnder(`assessments/${old.assessment.id}/documents/`)).toEqual([]);
  // Deliverables stay; recent and in-pipeline assessments keep their documents.
  expect(await keysUnder(`assessments/${old.assessment.id}/deliverables/`)).toHaveLength(3);
  expect(await db.document.count({ where: { assessmentId: recent.assessment.id } })).toBe(2);
  expect(await keysUnder(`assessments/${recent.assessment.id}/documents/`)).toHaveLength(2);
  expect(await db.document.count({ where: { assessmentId: running.assessment.id } })).toBe(2);
  const log = await db.erasureRecord.findFirstOrThrow({
    where: { actor: 'retention' },
    orderBy: { createdAt: 'desc' },
  });
  expect(log.removed).toMatchObject({ documents: result.documents });
  // A second run finds nothing more.
  expect((await purgeExpiredDocuments(db, stack.app.ctx.objectStore, { months: 12, now })).documents).toBe(0);
});
