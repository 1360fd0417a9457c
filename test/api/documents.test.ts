import { randomBytes } from 'node:crypto';
import { newUser, startTestStack, SAMPLE_PROFILE, type TestStack } from '../helpers/stack';

describe('documents over real HTTP (presigned S3 against s3rver)', () => {
  let stack: TestStack;
  let client: Awaited<ReturnType<typeof newUser>>['client'];
  let assessmentId: string;

  beforeAll(async () => {
    stack = await startTestStack({}, { runPipeline: false });
    ({ client } = await newUser(stack.url));
    await client.put('/api/me/profile', SAMPLE_PROFILE);
    assessmentId = (await client.post('/api/assessments')).body.id;
  });
  afterAll(() => stack.stop());

  async function upload(fileName: string, contentType: string, bytes: Buffer) {
    const created = await client.post(`/api/assessments/${assessmentId}/documents`, {
      fileName,
      contentType,
      size: bytes.length,
      domain: 'financial-management',
    });
    expect(created.status).toBe(201);
    const put = await fetch(created.body.uploadUrl, {
      method: 'PUT',
      headers: created.body.headers,
      body: new Uint8Array(bytes),
    });
    expect(put.status).toBe(200);
    return created.body.documentId as string;
  }

  it('uploads real bytes with the presigned PUT, completes, and downloads the same bytes', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096)]);
    const id = await upload('Board pack Q3.pdf', 'application/pdf', bytes);
    const done = await client.post(`/api/assessments/${assessmentId}/documents/${id}/complete`);
    expect(done.status).toBe(200);
    expect(done.body.document).toMatchObject({
      status: 'uploaded',
      size: bytes.length,
      fileName: 'Board_pack_Q3.pdf',
    });
    const redirect = await client.get(`/api/assessments/${assessmentId}/documents/${id}`);
    expect(redirect.status).toBe(302);
    const download = await fetch(redirect.headers.get('location')!);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    expect(download.headers.get('content-disposition')).toContain('Board_pack_Q3.pdf');
    const view = (await client.get(`/api/assessments/${assessmentId}`)).body;
    expect(view.documents.map((d: { id: string }) => d.id)).toContain(id);
  });

  it('rejects a wrong type, an oversize file and a path in the name before any upload', async () => {
    const cases = [
      { fileName: 'run.exe', contentType: 'application/x-msdownload', size: 100, status: 415 },
      { fileName: 'huge.pdf', contentType: 'application/pdf', size: 10 * 1024 * 1024 + 1, status: 413 },
      { fileName: '../../x.pdf', contentType: 'application/pdf', size: 100, status: 400 },
      { fileName: 'x.png', contentType: 'application/pdf', size: 100, status: 400 },
      { fileName: 'empty.pdf', contentType: 'application/pdf', size: 0, status: 400 },
    ];
    const before = (await client.get(`/api/assessments/${assessmentId}`)).body.documents.length;
    for (const { status, ...body } of cases) {
      const res = await client.post(`/api/assessments/${assessmentId}/documents`, body);
      expect({ name: body.fileName, status: res.status }).toEqual({ name: body.fileName, status });
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    expect((await client.get(`/api/assessments/${assessmentId}`)).body.documents.length).toBe(before);
  });

  it('refuses to complete a document that was never uploaded, or uploaded with another size', async () => {
    const created = await client.post(`/api/assessments/${assessmentId}/documents`, {
      fileName: 'never.pdf',
      contentType: 'application/pdf',
      size: 1234,
    });
    const res = await client.post(
      `/api/assessments/${assessmentId}/documents/${created.body.documentId}/complete`,
    );
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/not been uploaded/);
    const other = await client.post(`/api/assessments/${assessmentId}/documents`, {
      fileName: 'short.csv',
      contentType: 'text/csv',
      size: 50,
    });
    await fetch(other.body.uploadUrl, {
      method: 'PUT',
      headers: other.body.headers,
      body: new Uint8Array(Buffer.from('a,b\n1,2\n')),
    });
    const mismatch = await client.post(
      `/api/assessments/${assessmentId}/documents/${other.body.documentId}/complete`,
    );
    expect(mismatch.status).toBe(409);
    // a pending document cannot be downloaded
    expect(
      (await client.get(`/api/assessments/${assessmentId}/documents/${created.body.documentId}`)).status,
    ).toBe(404);
  });

  it('deletes a document and its object', async () => {
    const id = await upload('cash.csv', 'text/csv', Buffer.from('month,cash\njan,100\n'));
    await client.post(`/api/assessments/${assessmentId}/documents/${id}/complete`);
    const key = (await stack.app.ctx.db.document.findUniqueOrThrow({ where: { id } })).objectKey;
    expect(await stack.app.ctx.objectStore.head(key)).not.toBeNull();
    expect((await client.delete(`/api/assessments/${assessmentId}/documents/${id}`)).status).toBe(204);
    expect(await stack.app.ctx.objectStore.head(key)).toBeNull();
    expect((await client.get(`/api/assessments/${assessmentId}/documents/${id}`)).status).toBe(404);
  });

  it('allows at most 20 documents per assessment', async () => {
    const fresh = (await client.post('/api/assessments')).body.id;
    for (let i = 0; i < 20; i++) {
      const r = await client.post(`/api/assessments/${fresh}/documents`, {
        fileName: `f${i}.png`,
        contentType: 'image/png',
        size: 10,
      });
      expect(r.status).toBe(201);
    }
    const over = await client.post(`/api/assessments/${fresh}/documents`, {
      fileName: 'f21.png',
      contentType: 'image/png',
      size: 10,
    });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('too_many_documents');
  });
});
