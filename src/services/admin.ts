import type { Db } from '../db/client';
import type { Config } from '../config';
import type { Workflow } from '../ports';
import { conflict, notFound } from '../errors';
import { dueTimesView, recordStage } from './assessments';
import { deliverySla } from '../domain/schedule';
import { isoSeconds } from '../domain/schedule';

/** The founder console: every assessment's stage, due times, SLA state, failures, tokens and cost. */
export async function adminAssessments(db: Db, config: Config, now = new Date()) {
  const scale = config.SCALEMAP_RUNTIME === 'local' ? config.SCALEMAP_TIME_SCALE : 1;
  const rows = await db.assessment.findMany({
    orderBy: { createdAt: 'desc' },
    take: 500,
    include: {
      user: { select: { email: true, profile: { select: { companyName: true } } } },
      deliverables: { select: { stage: true, deliveredAt: true } },
      triage: { select: { activatedDomains: true } },
      analyses: { select: { domain: true, needsReview: true } },
    },
  });
  const usage = await db.llmUsage.groupBy({
    by: ['assessmentId'],
    _sum: { promptTokens: true, completionTokens: true, costUsd: true },
  });
  const usageBy = new Map(usage.map((u) => [u.assessmentId, u._sum]));
  return rows.map((a) => {
    const delivered = (stage: string) => a.deliverables.find((d) => d.stage === stage)?.deliveredAt ?? null;
    const u = usageBy.get(a.id);
    return {
      id: a.id,
      company: a.user.profile?.companyName ?? '',
      email: a.user.email,
      status: a.status,
      createdAt: a.createdAt.toISOString(),
      submittedAt: a.submittedAt ? isoSeconds(a.submittedAt) : null,
      dueTimes: dueTimesView(a),
      sla: a.submittedAt
        ? {
            executiveSummary: deliverySla(
              'executiveSummary',
              a.summaryDueAt,
              delivered('executive_summary'),
              now,
              scale,
            ),
            detailedReport: deliverySla(
              'detailedReport',
              a.reportDueAt,
              delivered('detailed_report'),
              now,
              scale,
            ),
            implementationKits: deliverySla(
              'implementationKits',
              a.kitsDueAt,
              delivered('implementation_kits'),
              now,
              scale,
            ),
          }
        : null,
      failure: a.failedStage
        ? { stage: a.failedStage, reason: a.failureReason, at: a.failedAt?.toISOString() ?? null }
        : null,
      activatedDomains: a.triage?.activatedDomains ?? [],
      analysesNeedingReview: a.analyses.filter((x) => x.needsReview).map((x) => x.domain),
      tokens: { prompt: u?.promptTokens ?? 0, completion: u?.completionTokens ?? 0 },
      costUsd: Number(u?.costUsd ?? 0),
    };
  });
}

/**
 * Re-runs the pipeline of a failed assessment. Every step is idempotent and the due times are absolute,
 * so a new execution skips what is done and resumes at the failed stage.
 */
export async function retryAssessment(
  db: Db,
  workflow: Workflow,
  assessmentId: string,
  correlationId: string,
) {
  const a = await db.assessment.findUnique({
    where: { id: assessmentId },
    include: { executions: true, user: true },
  });
  if (!a) throw notFound('Assessment');
  if (a.status !== 'failed' || !a.submittedAt) throw conflict('Only a failed assessment can be re-run');
  const name = `${a.id}-retry-${a.executions.length}`;
  const input = {
    assessmentId: a.id,
    userId: a.userId,
    submittedAt: isoSeconds(a.submittedAt),
    industry: (a.profileSnapshot as { industry?: string } | null)?.industry ?? 'other',
    correlationId,
  };
  const failedStage = a.failedStage;
  await db.assessment.update({
    where: { id: a.id },
    data: { status: 'submitted', failedStage: null, failureReason: null, failedAt: null },
  });
  await recordStage(db, a.id, 'retry_requested', { failedStage });
  const started = await workflow.start({ name, input });
  return { executionId: started.executionId, failedStage };
}
