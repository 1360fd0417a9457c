/**
 * Server-side pieces of the client experience (issue 11): the status API shows clients a calm failure message and
 * no internal triage scoring (founders keep both), on-time flags by the one schedule rule, PDF names from company
 * and stage, robots.txt, and compressed responses.
 */
import { newUser, startTestStack, SAMPLE_PROFILE, type TestStack } from '../helpers/stack';
import { findClientTextViolations } from '../../src/domain/client-text';

describe('what clients see of their assessment', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ SCALEMAP_TIME_SCALE: '1' }, { runPipeline: false });
  });
  afterAll(() => stack.stop());

  async function failedAssessment() {
    const user = await newUser(stack.url, 'Brightpath Consulting Ltd');
    expect((await user.client.put('/api/me/profile', SAMPLE_PROFILE)).status).toBe(200);
    const id = (await user.client.post('/api/assessments')).body.id as string;
    const db = stack.app.ctx.db;
    const submittedAt = new Date(Date.now() - 50 * 3600_000);
    const due = (h: number) => new Date(submittedAt.getTime() + h * 3600_000);
    await db.assessment.update({
      where: { id },
      data: {
        status: 'failed',
        submittedAt,
        summaryDueAt: due(24),
        reportDueAt: due(48),
        kitsDueAt: due(72),
        failedStage: 'detailed-report',
        failureReason: 'NoSuchBucket: The specified bucket does not exist',
        failedAt: new Date(),
      },
    });
    await db.triageResult.create({
      data: {
        assessmentId: id,
        activatedDomains: ['financial-management', 'people-organization', 'revenue-engine'],
        domainScores: [
          {
            domain: 'financial-management',
            score: 3.22,
            level: 'low',
            reason: 'Weighting: services company +0.3',
          },
        ],
        confidence: 0.95,
        source: 'rules',
      },
    });
    // Delivered 30 minutes after its due time: inside the 1-hour tolerance, so on time.
    const key = `deliverables/${id}/executive-summary.pdf`;
    await stack.app.ctx.objectStore.put(key, Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
    await db.deliverable.create({
      data: {
        assessmentId: id,
        stage: 'executive_summary',
        format: 'pdf',
        objectKey: key,
        dueAt: due(24),
        deliveredAt: new Date(due(24).getTime() + 30 * 60_000),
      },
    });
    return { ...user, id };
  }

  it('shows a calm failure message without the technical reason, and no triage scoring', async () => {
    const { client, id } = await failedAssessment();
    const res = await client.get(`/api/assessments/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.failure.reason).toBeUndefined();
    expect(res.body.failure.message).toMatch(/detailed report is taking longer than planned/);
    expect(res.text).not.toMatch(/NoSuchBucket|3\.22|Weighting|0\.95/);
    expect(res.body.triage).toEqual({
      activatedDomains: ['financial-management', 'people-organization', 'revenue-engine'],
    });
    expect(findClientTextViolations(res.body.failure.message)).toEqual([]);
    expect(res.body.deliverables[0]).toMatchObject({ stage: 'executive-summary', onTime: true });
    expect(res.body.tolerances).toEqual({
      executiveSummary: 3600_000,
      detailedReport: 2 * 3600_000,
      implementationKits: 3600_000,
    });
  });

  it('names the PDF after the company and the stage', async () => {
    const { client, id } = await failedAssessment();
    const res = await client.get(`/api/assessments/${id}/deliverables/executive-summary?format=pdf`);
    expect(res.status).toBe(200);
    const disposition = res.headers.get('content-disposition') ?? '';
    // SAMPLE_PROFILE's company name is what the profile stores.
    const company = SAMPLE_PROFILE.companyName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    expect(disposition).toContain(`filename="${company}-scalemap-executive-summary.pdf"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(SAMPLE_PROFILE.companyName)}`);
  });

  it('answers /robots.txt with rules, not the app', async () => {
    const res = await fetch(`${stack.url}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^User-agent: \*/m);
    expect(text).not.toMatch(/<html/i);
  });

  it('compresses the web app and JSON answers', async () => {
    const html = await fetch(`${stack.url}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(html.headers.get('content-encoding')).toBe('gzip');
    const { client } = await newUser(stack.url);
    const me = await client.request('GET', '/api/questionnaire', undefined, { 'accept-encoding': 'gzip' });
    expect(me.status).toBe(200);
    expect(me.headers.get('content-encoding')).toBe('gzip');
  });
});
