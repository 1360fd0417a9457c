import JSZip from 'jszip';
import { extractedDocumentSchema } from '../../src/domain/document-facts';
import { ensureDocumentsRead } from '../../src/services/document-reading';
import { runTriageTask, SpecialistWorker } from '../../src/agents/worker';
import { newUser, startTestStack, type TestStack } from '../helpers/stack';
import { answersFor, chunk } from '../helpers/answers';
import { WEAK_PROFILE } from '../helpers/pipeline';
import {
  buildCsv,
  buildPdf,
  buildXlsx,
  CONTENT_TYPES,
  randomBytes,
  tinyPng,
} from '../fixtures/documents/build';

describe('uploaded documents are read by the agents, before they analyse (real HTTP, s3rver, PostgreSQL)', () => {
  let stack: TestStack;
  let client: Awaited<ReturnType<typeof newUser>>['client'];
  let assessmentId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startTestStack({}, { runPipeline: false });
    ({ client } = await newUser(stack.url));
    await client.put('/api/me/profile', WEAK_PROFILE);
    assessmentId = (await client.post('/api/assessments')).body.id;
  });
  afterAll(() => stack.stop());

  async function upload(fileName: string, contentType: string, bytes: Buffer, domain: string | null = null) {
    const created = await client.post(`/api/assessments/${assessmentId}/documents`, {
      fileName,
      contentType,
      size: bytes.length,
      domain,
    });
    expect(created.status).toBe(201);
    const put = await fetch(created.body.uploadUrl, {
      method: 'PUT',
      headers: created.body.headers,
      body: new Uint8Array(bytes),
    });
    expect(put.status).toBe(200);
    const id = created.body.documentId as string;
    const done = await client.post(`/api/assessments/${assessmentId}/documents/${id}/complete`);
    return { id, done };
  }

  const extraction = (documentId: string) =>
    stack.app.ctx.db.documentExtraction.findUnique({ where: { documentId } });

  it('completing an upload stores the file unread (the API carries no reader); reading stores its facts', async () => {
    const pdf = await buildPdf({
      title: 'Management accounts — March 2026',
      labelValues: [
        ['Cash at bank', '£1.2M'],
        ['Monthly net burn', '£210k'],
        ['Runway', '9 months'],
      ],
    });
    const { id, done } = await upload(
      'management-accounts.pdf',
      CONTENT_TYPES.pdf,
      pdf,
      'financial-management',
    );
    ids.pdf = id;
    expect(done.status).toBe(200);
    expect(done.body.document.status).toBe('uploaded');
    expect(done.body.reading).toBeNull();
    expect(await extraction(id)).toBeNull();

    await ensureDocumentsRead(stack.app.ctx, assessmentId);
    const row = await extraction(id);
    expect(row).toMatchObject({ assessmentId, status: 'read', extractorVersion: expect.any(Number) });
    const result = extractedDocumentSchema.parse(row!.result);
    expect(result.facts.find((f) => f.label === 'Cash at bank')).toMatchObject({
      number: 1_200_000,
      unit: 'gbp',
      domains: ['financial-management'],
    });
    expect(result.facts.find((f) => f.label === 'Runway')).toMatchObject({ number: 9, unit: 'months' });
  });

  it('a corrupt upload still completes with 200 and an unreadable row; an image is stored, not read', async () => {
    // A zip that is no workbook: it starts like one (random bytes are refused at complete, 409, because the
    // first bytes must match the declared type: test/api/security.test.ts), but cannot be read as one.
    const notAWorkbook = await new JSZip()
      .file('notes.txt', randomBytes(3000).toString('hex'))
      .generateAsync({ type: 'nodebuffer' });
    const corrupt = await upload('pipeline.xlsx', CONTENT_TYPES.xlsx, notAWorkbook, 'revenue-engine');
    ids.corrupt = corrupt.id;
    expect(corrupt.done.status).toBe(200);
    expect(corrupt.done.body.document.status).toBe('uploaded');
    const image = await upload('org-chart.png', CONTENT_TYPES.png, tinyPng());
    ids.image = image.id;
    expect(image.done.status).toBe(200);

    await ensureDocumentsRead(stack.app.ctx, assessmentId);
    const unreadable = await extraction(corrupt.id);
    expect(unreadable?.status).toBe('unreadable');
    expect(unreadable?.note).toMatch(/does not look like an Excel workbook/);
    expect((await extraction(image.id))?.status).toBe('not-read');
  });

  it('completing twice neither fails nor reads again, and shows the stored reading', async () => {
    const before = await extraction(ids.pdf!);
    const again = await client.post(`/api/assessments/${assessmentId}/documents/${ids.pdf}/complete`);
    expect(again.status).toBe(200);
    expect(again.body.reading).toMatchObject({ status: 'read', note: null });
    expect(again.body.reading.facts).toBeGreaterThanOrEqual(3);
    expect((await extraction(ids.pdf!))!.extractedAt).toEqual(before!.extractedAt);
    const corrupt = await client.post(`/api/assessments/${assessmentId}/documents/${ids.corrupt}/complete`);
    expect(corrupt.body.reading).toMatchObject({ status: 'unreadable', facts: 0 });
    expect(corrupt.body.reading.note).toMatch(/does not look like an Excel workbook/);
  });

  it('deleting a document deletes what was read from it', async () => {
    const { id } = await upload(
      'churn.csv',
      CONTENT_TYPES.csv,
      buildCsv({
        tables: [
          {
            headers: ['Month', 'Churn %'],
            rows: [
              ['Jan 2026', '3%'],
              ['Feb 2026', '4%'],
            ],
          },
        ],
      }),
    );
    await ensureDocumentsRead(stack.app.ctx, assessmentId);
    expect(await extraction(id)).not.toBeNull();
    expect((await client.delete(`/api/assessments/${assessmentId}/documents/${id}`)).status).toBe(204);
    expect(await extraction(id)).toBeNull();
  });

  it('ensureDocumentsRead: reads what has no row, returns every uploaded document validated, idempotent', async () => {
    const xlsx = await buildXlsx({
      tables: [
        {
          name: 'Clients',
          headers: ['Client', 'Revenue'],
          rows: [
            ['Acme', 380],
            ['Beta', 320],
            ['Gamma', 300],
          ],
        },
      ],
    });
    const { id } = await upload('clients.xlsx', CONTENT_TYPES.xlsx, xlsx);
    ids.xlsx = id;
    expect(await extraction(id)).toBeNull(); // completed, not read yet

    const ctx = stack.app.ctx;
    const read = await ensureDocumentsRead(ctx, assessmentId);
    expect(read.map((d) => [d.fileName, d.status])).toEqual([
      ['management-accounts.pdf', 'read'],
      ['pipeline.xlsx', 'unreadable'],
      ['org-chart.png', 'not-read'],
      ['clients.xlsx', 'read'],
    ]);
    expect(read[3]!.facts.find((f) => f.label === 'Largest client share of revenue')).toMatchObject({
      number: 38,
    });
    const stamps = (
      await ctx.db.documentExtraction.findMany({ where: { assessmentId }, orderBy: { documentId: 'asc' } })
    ).map((r) => r.extractedAt.getTime());
    expect(await ensureDocumentsRead(ctx, assessmentId)).toEqual(read);
    const again = (
      await ctx.db.documentExtraction.findMany({ where: { assessmentId }, orderBy: { documentId: 'asc' } })
    ).map((r) => r.extractedAt.getTime());
    expect(again).toEqual(stamps);
  });

  it('the triage and specialist agents read any document not read yet before they analyse', async () => {
    const ctx = stack.app.ctx;
    for (const batch of chunk(
      answersFor(WEAK_PROFILE, ['financial-management', 'revenue-engine', 'people-organization']),
      60,
    )) {
      expect((await client.put(`/api/assessments/${assessmentId}/answers`, { answers: batch })).status).toBe(
        200,
      );
    }
    expect((await client.post(`/api/assessments/${assessmentId}/submit`)).status).toBe(202);

    await ctx.db.documentExtraction.deleteMany({ where: { assessmentId } });
    await runTriageTask(ctx, assessmentId);
    expect(await ctx.db.documentExtraction.count({ where: { assessmentId } })).toBe(4);

    await ctx.db.documentExtraction.deleteMany({ where: { assessmentId } });
    await ctx.taskQueue.send({
      groupId: assessmentId,
      dedupId: `${assessmentId}:financial-management`,
      body: JSON.stringify({ assessmentId, domain: 'financial-management' }),
    });
    const worker = new SpecialistWorker(ctx, {
      visibilityTimeoutSeconds: 60,
      emptyPollsBeforeExit: 1,
      waitSeconds: 0,
      stopGraceMs: 1000,
    });
    expect(await worker.run()).toBe(1);
    expect(
      await ctx.db.agentAnalysis.findUnique({
        where: { assessmentId_domain: { assessmentId, domain: 'financial-management' } },
      }),
    ).not.toBeNull();
    expect(await ctx.db.documentExtraction.count({ where: { assessmentId } })).toBe(4);
  });
});
