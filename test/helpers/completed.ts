import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/client';
import type { ObjectStore } from '../../src/ports';
import { fixtureAnalyses, fixtureProfile } from '../fixtures/delivery';

/**
 * A completed assessment written straight into the database and object store, with a row in every table a real
 * run fills: profile, answers, documents (objects), payment, triage, analyses, deliverables (objects), validation,
 * emails, LLM usage, stage events, pipeline execution. For the data-stewardship tests, which need data, not a run.
 */
export async function seedCompletedAssessment(
  db: Db,
  store: ObjectStore,
  opts: {
    user?: { id: string; email: string };
    cognitoSub?: string;
    completedAt?: Date;
    status?: 'completed' | 'analysing';
    paid?: boolean;
  } = {},
) {
  const user =
    opts.user ??
    (await db.user.create({
      data: {
        cognitoSub: opts.cognitoSub ?? randomUUID(),
        email: `client-${randomUUID().slice(0, 8)}@example.com`,
        firstName: 'Ada',
        lastName: 'Founder',
        profile: {
          create: {
            companyName: 'Northwind Analytics',
            industry: fixtureProfile.industry,
            revenueBand: '5m-10m',
            challenges: 'Cash is tight every quarter.',
          },
        },
      },
    }));
  const submittedAt = new Date((opts.completedAt ?? new Date()).getTime() - 72 * 3600_000);
  const status = opts.status ?? 'completed';
  const a = await db.assessment.create({
    data: {
      userId: user.id,
      status,
      contentVersion: 1,
      profileSnapshot: { companyName: 'Northwind Analytics' },
      submittedAt,
      summaryDueAt: new Date(submittedAt.getTime() + 24 * 3600_000),
      reportDueAt: new Date(submittedAt.getTime() + 48 * 3600_000),
      kitsDueAt: new Date(submittedAt.getTime() + 72 * 3600_000),
      completedAt: status === 'completed' ? (opts.completedAt ?? new Date()) : null,
    },
  });
  await db.answer.createMany({
    data: ['fm-01', 'fm-02', 're-01', 'po-01'].map((questionId, i) => ({
      assessmentId: a.id,
      questionId,
      score: 4 - (i % 2),
      text: i === 0 ? 'We forecast cash in a spreadsheet once a month.' : null,
    })),
  });
  const docs = [
    {
      name: 'board-pack.pdf',
      type: 'application/pdf',
      body: Buffer.from(`%PDF-1.4 board pack ${a.id}\n`.repeat(40)),
    },
    {
      name: 'pipeline.csv',
      type: 'text/csv',
      body: Buffer.from(`stage,value\nlead,100\nwon,${a.id.length}\n`),
    },
  ];
  for (const d of docs) {
    const objectKey = `assessments/${a.id}/documents/${randomUUID()}/${d.name}`;
    await store.put(objectKey, d.body, d.type);
    await db.document.create({
      data: {
        assessmentId: a.id,
        fileName: d.name,
        contentType: d.type,
        size: d.body.length,
        objectKey,
        status: 'uploaded',
        uploadedAt: submittedAt,
        createdAt: submittedAt,
      },
    });
  }
  if (opts.paid !== false)
    await db.payment.create({
      data: {
        assessmentId: a.id,
        userId: user.id,
        stripeSessionId: `cs_test_${randomUUID()}`,
        stripePaymentIntentId: `pi_${randomUUID().slice(0, 12)}`,
        amountPence: 750000,
        status: 'paid',
        paidAt: submittedAt,
      },
    });
  if (status === 'completed') {
    await db.triageResult.create({
      data: {
        assessmentId: a.id,
        activatedDomains: fixtureAnalyses.map((x) => x.domain),
        domainScores: {},
        confidence: 0.8,
        source: 'rules',
      },
    });
    for (const an of fixtureAnalyses)
      await db.agentAnalysis.create({
        data: {
          assessmentId: a.id,
          domain: an.domain,
          healthScore: an.healthScore,
          band: 'warning',
          confidence: 8,
          result: an as never,
          source: 'rules',
        },
      });
    for (const stage of ['executive_summary', 'detailed_report', 'implementation_kits'] as const) {
      const objectKey = `assessments/${a.id}/deliverables/${stage}.html`;
      await store.put(
        objectKey,
        `<html><body><h1>${stage}</h1><p>Northwind Analytics</p></body></html>`,
        'text/html',
      );
      await db.deliverable.create({ data: { assessmentId: a.id, stage, format: 'html', objectKey } });
    }
    await db.validation.create({
      data: { assessmentId: a.id, response: { overall: { capacity: 'medium' } } },
    });
    await db.emailSent.create({
      data: {
        assessmentId: a.id,
        kind: 'executive-summary',
        dedupKey: `${a.id}:executive-summary`,
        toAddress: user.email,
        subject: 'Your executive summary',
      },
    });
    await db.llmUsage.create({
      data: {
        assessmentId: a.id,
        agent: 'triage',
        model: 'gpt-4o-mini',
        promptTokens: 1200,
        completionTokens: 300,
        costUsd: '0.000360',
        outcome: 'ok',
      },
    });
    await db.pipelineExecution.create({
      data: { assessmentId: a.id, executionId: `local:${a.id}`, status: 'SUCCEEDED', finishedAt: new Date() },
    });
  }
  await db.stageEvent.createMany({
    data: ['submitted', 'triage_complete'].map((stage) => ({ assessmentId: a.id, stage })),
  });
  return { user, assessment: a };
}
