import fs from 'node:fs';
import { startTestStack, type TestStack } from '../helpers/stack';
import { submitAssessment, waitUntil } from '../helpers/pipeline';

/**
 * The real state machine file on the local runner, real PostgreSQL, agent child processes running the
 * container entrypoint. At time scale 17280, 24 h pass in 5 s.
 */
describe('delivery pipeline end to end (local runner)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(
      { SCALEMAP_TIME_SCALE: '17280', LOG_LEVEL: 'silent' },
      { runner: { pollMs: 200 } },
    );
  });
  afterAll(() => stack.stop());

  function outboxFor(email: string) {
    const dir = stack.app.ctx.outboxDir!;
    return fs
      .readdirSync(dir)
      .map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8')))
      .filter((m) => m.to === email)
      .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  }

  it('triages, analyses exactly the activated domains, delivers three documents in order, and a demoting validation changes the kits', async () => {
    const { client, id, email } = await submitAssessment(stack);
    const db = stack.app.ctx.db;

    const awaiting = await waitUntil(
      'the validation request',
      async () => {
        const a = (await client.get(`/api/assessments/${id}`)).body;
        return a.awaitingValidation ? a : undefined;
      },
      90_000,
    );
    expect(awaiting.triage.activatedDomains).toEqual(
      expect.arrayContaining(['financial-management', 'revenue-engine', 'people-organization']),
    );
    expect(awaiting.analyses.map((a: { domain: string }) => a.domain).sort()).toEqual(
      [...awaiting.triage.activatedDomains].sort(),
    );
    expect(awaiting.deliverables.map((d: { stage: string }) => d.stage).sort()).toEqual([
      'detailed-report',
      'executive-summary',
    ]);
    const reportPriorities = awaiting.priorities.map((p: { recommendationId: string }) => p.recommendationId);
    expect(reportPriorities.length).toBeGreaterThanOrEqual(2);
    // The kits are already composed (with the report's priorities), not visible to the client yet.
    const kitsAhead = await db.deliverable.findMany({
      where: { assessmentId: id, stage: 'implementation_kits' },
    });
    expect(kitsAhead.map((k) => [k.format, k.withValidation, k.deliveredAt]).sort()).toEqual([
      ['html', false, null],
      ['pdf', false, null],
    ]);

    // The report is readable as HTML with the heatmap, and as PDF.
    const report = await client.get(`/api/assessments/${id}/deliverables/detailed-report?format=html`);
    expect(report.status).toBe(200);
    expect(report.text).toContain('<svg');
    const pdf = await fetch(`${stack.url}/api/assessments/${id}/deliverables/detailed-report?format=pdf`, {
      headers: { cookie: client.cookie! },
    });
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await client.get(`/api/assessments/${id}/deliverables/detailed-report?format=doc`)).status).toBe(
      400,
    );

    // Validation: strongly disagree with priority 1.
    const validation = {
      priorities: awaiting.priorities.map((p: { recommendationId: string }, i: number) => ({
        recommendationId: p.recommendationId,
        agreement: i === 0 ? 1 : 5,
        reason: i === 0 ? 'We already tried this last year.' : undefined,
        resources: 'medium',
      })),
      capacityForChange: 'medium',
      timelinePreference: 'standard',
      constraints: 'No new hires before April.',
      successCriteria: 'Three months of cash visibility.',
    };
    expect(
      (await client.post(`/api/assessments/${id}/validation`, { ...validation, capacityForChange: 'lots' }))
        .status,
    ).toBe(400);
    expect((await client.post(`/api/assessments/${id}/validation`, validation)).status).toBe(202);
    expect((await client.post(`/api/assessments/${id}/validation`, validation)).status).toBe(409);

    const done = await waitUntil(
      'completion',
      async () => {
        const a = (await client.get(`/api/assessments/${id}`)).body;
        return a.status === 'completed' ? a : undefined;
      },
      60_000,
    );
    const kitsOrder = done.priorities.map((p: { recommendationId: string }) => p.recommendationId);
    // The priority the client strongly disagreed with is dropped (issue 8): no kit for it; the next one leads.
    expect(kitsOrder).not.toContain(reportPriorities[0]);
    expect(kitsOrder[0]).toBe(reportPriorities[1]);
    const kits = await client.get(`/api/assessments/${id}/deliverables/implementation-kits`);
    expect(kits.status).toBe(200);
    // Composed again with the validation (ApplyValidationToKits), then released.
    const kitsReleased = await db.deliverable.findMany({
      where: { assessmentId: id, stage: 'implementation_kits' },
    });
    expect(kitsReleased.every((k) => k.withValidation && k.deliveredAt)).toBe(true);

    // Deliverables in order, each once.
    const rows = await db.deliverable.findMany({
      where: { assessmentId: id, format: 'html' },
      orderBy: { deliveredAt: 'asc' },
    });
    expect(rows.map((r) => r.stage)).toEqual(['executive_summary', 'detailed_report', 'implementation_kits']);
    // Exactly the activated analyses.
    expect(await db.agentAnalysis.count({ where: { assessmentId: id } })).toBe(
      awaiting.triage.activatedDomains.length,
    );
    // Emails: confirmation, then the three deliveries.
    const subjects = outboxFor(email).map((m) => m.subject);
    expect(subjects).toHaveLength(4);
    expect(subjects.join(' | ')).toMatch(/executive summary/i);
    const execution = await db.pipelineExecution.findUniqueOrThrow({ where: { executionId: id } });
    await waitUntil(
      'the execution to be recorded',
      async () =>
        (await db.pipelineExecution.findUniqueOrThrow({ where: { executionId: id } })).status === 'SUCCEEDED',
    );
    expect(execution.assessmentId).toBe(id);
    // The timeline the client sees.
    const stages = (
      await db.stageEvent.findMany({ where: { assessmentId: id }, orderBy: { id: 'asc' } })
    ).map((s) => s.stage);
    for (const s of [
      'submitted',
      'triage_started',
      'triage_complete',
      'analysis_started',
      'executive_summary_delivered',
      'detailed_report_delivered',
      'validation_requested',
      'validation_received',
      'implementation_kits_delivered',
    ])
      expect(stages).toContain(s);
  }, 150_000);

  it('without a validation the timeout path delivers the kits with the report’s priorities', async () => {
    const { client, id } = await submitAssessment(stack, [
      'technology-data',
      'operational-excellence',
      'customer-experience',
    ]);
    const done = await waitUntil(
      'completion',
      async () => {
        const a = (await client.get(`/api/assessments/${id}`)).body;
        return a.status === 'completed' ? a : undefined;
      },
      120_000,
    );
    expect(done.validation).toBeNull();
    expect(done.deliverables.map((d: { stage: string }) => d.stage).sort()).toEqual([
      'detailed-report',
      'executive-summary',
      'implementation-kits',
    ]);
    await stack.app.runner.waitFor(id);
    const history = stack.app.runner.executionHistory(id);
    expect(history.some((e) => e.type === 'StateEntered' && e.state === 'ValidationTimedOut')).toBe(true);
  }, 150_000);
});
