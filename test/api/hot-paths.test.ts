import { createTestDatabase } from '../helpers/db';
import { loadViewRow, loadViewRowWithPrisma } from '../../src/services/assessments';

/*
 * Issue 12: the assessment read is one hand-written statement building its JSON in PostgreSQL. It must return
 * exactly what Prisma's `findUnique({ include })` returned, relations, order, nulls and Dates included.
 */
describe('the one-statement assessment read', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  it('equals Prisma’s include for an empty assessment and for one with every relation filled', async () => {
    const db = t.db;
    const user = await db.user.create({
      data: { cognitoSub: 'sub-hot', email: 'hot@example.com', firstName: 'A', lastName: 'B' },
    });
    const bare = await db.assessment.create({ data: { userId: user.id, contentVersion: 1 } });
    expect(await loadViewRow(db, bare.id)).toEqual(await loadViewRowWithPrisma(db, bare.id));

    await db.companyProfile.create({
      data: { userId: user.id, companyName: 'Acme', industry: 'saas', regulated: true, challenges: null },
    });
    const due = new Date('2026-11-28T10:00:00.123Z');
    const a = await db.assessment.create({
      data: {
        userId: user.id,
        contentVersion: 3,
        status: 'awaiting_validation',
        profileSnapshot: { companyName: 'Acme', createdAt: 'not a date' },
        submittedAt: due,
        summaryDueAt: new Date(due.getTime() + 1000),
        reportDueAt: new Date(due.getTime() + 2000),
        kitsDueAt: new Date(due.getTime() + 3000),
        failedStage: 'triage',
        failureReason: 'a reason',
        failedAt: due,
        finalPriorities: ['r-2', 'r-1'],
      },
    });
    await db.answer.createMany({
      data: [
        { assessmentId: a.id, questionId: 'b-2', score: 4 },
        { assessmentId: a.id, questionId: 'a-1', text: 'Unicode ✓ "quoted"\nline' },
        { assessmentId: a.id, questionId: 'a-10', score: null, text: null },
      ],
    });
    for (const [i, name] of ['z.pdf', 'a.xlsx'].entries())
      await db.document.create({
        data: {
          assessmentId: a.id,
          fileName: name,
          contentType: 'application/pdf',
          size: 1000 + i,
          objectKey: `k/${a.id}/${i}`,
          createdAt: new Date(due.getTime() + i),
          uploadedAt: i ? due : null,
        },
      });
    await db.payment.createMany({
      data: [
        { assessmentId: a.id, userId: user.id, stripeSessionId: 's1', amountPence: 750000, createdAt: due },
        {
          assessmentId: a.id,
          userId: user.id,
          stripeSessionId: 's2',
          amountPence: 750000,
          status: 'paid',
          paidAt: due,
          createdAt: new Date(due.getTime() + 5),
        },
      ],
    });
    await db.triageResult.create({
      data: {
        assessmentId: a.id,
        activatedDomains: ['financial-management', 'technology-data'],
        domainScores: { 'financial-management': { score: 2.5, level: 'high' } },
        confidence: 0.83,
        source: 'rules',
      },
    });
    for (const domain of ['technology-data', 'financial-management'])
      await db.agentAnalysis.create({
        data: {
          assessmentId: a.id,
          domain,
          healthScore: 55,
          band: 'amber',
          confidence: 70,
          result: { analyst: 'X', summary: 'S', createdAt: '2026-01-01' },
          source: 'rules',
          needsReview: domain === 'technology-data',
        },
      });
    await db.deliverable.createMany({
      data: [
        { assessmentId: a.id, stage: 'executive_summary', format: 'pdf', objectKey: 'd1', dueAt: due },
        {
          assessmentId: a.id,
          stage: 'executive_summary',
          format: 'html',
          objectKey: 'd2',
          deliveredAt: due,
        },
      ],
    });
    await db.validation.create({ data: { assessmentId: a.id, response: { overall: { ok: true } } } });
    await db.pipelineExecution.createMany({
      data: [
        { assessmentId: a.id, executionId: 'e1', taskToken: 'tok' },
        { assessmentId: a.id, executionId: 'e2' },
      ],
    });

    const mine = await loadViewRow(db, a.id);
    const prisma = await loadViewRowWithPrisma(db, a.id);
    expect(prisma!.documents).toHaveLength(2);
    // Deliverables have no order in either read: compare them as sets.
    const byKey = (x: { objectKey: string }, y: { objectKey: string }) =>
      x.objectKey.localeCompare(y.objectKey);
    mine!.deliverables.sort(byKey);
    prisma!.deliverables.sort(byKey);
    expect(mine).toEqual(prisma);
    expect(mine!.submittedAt).toEqual(due);
    expect(await loadViewRow(db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
