import { Client, newUser, startTestStack, SAMPLE_PROFILE, type TestStack } from '../helpers/stack';
import { answersFor } from '../helpers/answers';

describe('assessments, answers and access', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({}, { runPipeline: false });
  });
  afterAll(() => stack.stop());

  async function clientWithAssessment() {
    const user = await newUser(stack.url);
    expect((await user.client.put('/api/me/profile', SAMPLE_PROFILE)).status).toBe(200);
    const created = await user.client.post('/api/assessments');
    expect(created.status).toBe(201);
    return { ...user, assessmentId: created.body.id as string };
  }

  it('shows only the questions that apply to the profile', async () => {
    const { client } = await newUser(stack.url);
    const tech = (await client.put('/api/me/profile', SAMPLE_PROFILE)).body;
    expect(tech.profile.complete).toBe(true);
    const q1 = (await client.get('/api/questionnaire')).body;
    expect(q1.contentVersion).toBeGreaterThanOrEqual(1);
    const ids1 = q1.domains.map((d: { id: string }) => d.id);
    expect(ids1).not.toContain('supply-chain');
    expect(q1.domains[0].questions[0].options).toHaveLength(5);
    await client.put('/api/me/profile', { ...SAMPLE_PROFILE, hasPhysicalProducts: true, regulated: true });
    const q2 = (await client.get('/api/questionnaire')).body;
    expect(q2.domains.map((d: { id: string }) => d.id)).toContain('supply-chain');
    const count = (q: { domains: { questions: unknown[] }[] }) =>
      q.domains.reduce((n, d) => n + d.questions.length, 0);
    expect(count(q2)).toBeGreaterThan(count(q1));
  });

  it('rejects an invalid profile with the field named', async () => {
    const { client } = await newUser(stack.url);
    const res = await client.put('/api/me/profile', { ...SAMPLE_PROFILE, industry: 'alchemy', teamSize: 7 });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['industry', 'teamSize']));
  });

  it('saves an autosave batch and reports progress', async () => {
    const { client, assessmentId } = await clientWithAssessment();
    const answers = answersFor(SAMPLE_PROFILE).slice(0, 20);
    const res = await client.put(`/api/assessments/${assessmentId}/answers`, { answers });
    expect(res.status).toBe(200);
    expect(res.body.saved).toBe(20);
    expect(res.body.progress.overall).toBeGreaterThan(0);
    const view = (await client.get(`/api/assessments/${assessmentId}`)).body;
    expect(view.answers).toHaveLength(20);
    expect(view.status).toBe('draft');
    // overwrite one answer and clear another
    const again = await client.put(`/api/assessments/${assessmentId}/answers`, {
      answers: [
        { questionId: answers[0].questionId, score: 4 },
        { questionId: answers[1].questionId, score: null },
      ],
    });
    expect(again.status).toBe(200);
    const after = (await client.get(`/api/assessments/${assessmentId}`)).body;
    expect(
      after.answers.find((a: { questionId: string }) => a.questionId === answers[0].questionId).score,
    ).toBe(4);
    expect(
      after.answers.find((a: { questionId: string }) => a.questionId === answers[1].questionId).score,
    ).toBeUndefined();
  });

  it('rejects bad answers with a 4xx and a clear message, leaving saved answers unchanged', async () => {
    const { client, assessmentId } = await clientWithAssessment();
    const good = answersFor(SAMPLE_PROFILE).slice(0, 5);
    expect((await client.put(`/api/assessments/${assessmentId}/answers`, { answers: good })).status).toBe(
      200,
    );
    const before = (await client.get(`/api/assessments/${assessmentId}`)).body.answers;
    const supplyChain = 'sc-01';
    const bad: Record<string, unknown> = {
      unknownQuestion: { answers: [{ questionId: 'zz-99', score: 3 }] },
      inapplicable: { answers: [{ questionId: supplyChain, score: 3 }] },
      scoreZero: { answers: [{ questionId: good[0].questionId, score: 0 }] },
      scoreSix: { answers: [{ questionId: good[0].questionId, score: 6 }] },
      scoreWord: { answers: [{ questionId: good[0].questionId, score: 'five' }] },
      fractional: { answers: [{ questionId: good[0].questionId, score: 2.5 }] },
      textOnScored: { answers: [{ questionId: good[0].questionId, text: 'hello' }] },
      mixedBatch: {
        answers: [
          { questionId: good[0].questionId, score: 1 },
          { questionId: 'zz-99', score: 3 },
        ],
      },
      extraField: { answers: [{ questionId: good[0].questionId, score: 1, admin: true }] },
      notArray: { answers: 'all of them' },
    };
    for (const [name, body] of Object.entries(bad)) {
      const res = await client.put(`/api/assessments/${assessmentId}/answers`, body);
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect(res.body.error.message).toEqual(expect.any(String));
      expect(res.body.error.code).toBe('validation_error');
    }
    const mixed = await client.put(`/api/assessments/${assessmentId}/answers`, bad.mixedBatch);
    expect(JSON.stringify(mixed.body.error.details)).toContain('zz-99');
    const malformed = await client.request(
      'PUT',
      `/api/assessments/${assessmentId}/answers`,
      '{"answers": [',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');
    const huge = await client.request(
      'PUT',
      `/api/assessments/${assessmentId}/answers`,
      JSON.stringify({
        answers: [{ questionId: good[0].questionId, score: 1 }],
        padding: 'x'.repeat(1_100_000),
      }),
    );
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const after = (await client.get(`/api/assessments/${assessmentId}`)).body.answers;
    expect(after).toEqual(before);
  });

  it('answers 404 for another user’s assessment, answers and documents, exactly like a missing one', async () => {
    const owner = await clientWithAssessment();
    await owner.client.put(`/api/assessments/${owner.assessmentId}/answers`, {
      answers: answersFor(SAMPLE_PROFILE).slice(0, 3),
    });
    const doc = await owner.client.post(`/api/assessments/${owner.assessmentId}/documents`, {
      fileName: 'plan.pdf',
      contentType: 'application/pdf',
      size: 10,
    });
    expect(doc.status).toBe(201);
    const other = await newUser(stack.url);
    await other.client.put('/api/me/profile', SAMPLE_PROFILE);
    const id = owner.assessmentId;
    const missing = '00000000-0000-4000-8000-000000000000';
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/assessments/${id}`],
      ['PUT', `/api/assessments/${id}/answers`, { answers: [{ questionId: 'sa-01', score: 1 }] }],
      [
        'POST',
        `/api/assessments/${id}/documents`,
        { fileName: 'x.pdf', contentType: 'application/pdf', size: 5 },
      ],
      ['GET', `/api/assessments/${id}/documents/${doc.body.documentId}`],
      ['DELETE', `/api/assessments/${id}/documents/${doc.body.documentId}`],
      ['POST', `/api/assessments/${id}/documents/${doc.body.documentId}/complete`, {}],
      ['POST', `/api/assessments/${id}/submit`, {}],
      ['GET', `/api/assessments/${id}/events`],
    ];
    for (const [method, url, body] of calls) {
      const theirs = await other.client.request(method, url, body);
      const none = await other.client.request(method, url.replace(id, missing), body);
      expect({ method, url, status: theirs.status }).toEqual({ method, url, status: 404 });
      expect(theirs.body).toEqual(none.body);
    }
    // and the owner's data is untouched
    const view = (await owner.client.get(`/api/assessments/${id}`)).body;
    expect(view.answers).toHaveLength(3);
    expect(view.documents).toHaveLength(1);
    expect((await new Client(stack.url).get(`/api/assessments/${id}`)).status).toBe(401);
  });

  it('lists the caller’s assessments only', async () => {
    const a = await clientWithAssessment();
    const b = await clientWithAssessment();
    const list = (await a.client.get('/api/assessments')).body.assessments;
    expect(list.map((x: { id: string }) => x.id)).toEqual([a.assessmentId]);
    expect(list.map((x: { id: string }) => x.id)).not.toContain(b.assessmentId);
  });

  it('tells a signed-out visitor the price and whether payment is on', async () => {
    const res = await new Client(stack.url).get('/api/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      paymentRequired: false,
      priceGbpPence: 750000,
      localMode: true,
      contactEmail: 'hello@scalemap.local',
    });
  });

  it('answers health with database and object store status', async () => {
    const res = await new Client(stack.url).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok', objectStore: 'ok' });
  });

  it('sends security headers and no CORS for unknown origins', async () => {
    const res = await fetch(`${stack.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('x-correlation-id')).toMatch(/^[\w-]{8,}$/);
  });
});
