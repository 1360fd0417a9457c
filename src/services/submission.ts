import { emitMetric } from '../metrics';
import type { Db } from '../db/client';
import type { EventBus } from '../ports';
import { AppError, conflict } from '../errors';
import { domainProgress } from '../domain/questionnaire';
import { computeDueTimes, isoSeconds } from '../domain/schedule';
import { loadProfile } from './profiles';
import { recordStage } from './assessments';
import { logger } from '../logger';
import { publishPending } from './outbox';

export interface AssessmentSubmitted {
  assessmentId: string;
  userId: string;
  submittedAt: string;
  industry: string;
  correlationId: string;
}

/**
 * Submits an assessment: completeness (every applicable domain ≥ 80%), payment, then the status change,
 * due times and the `AssessmentSubmitted` outbox record in one transaction; the record is published after commit
 * (and retried by the outbox relay until it is).
 */
export async function submitAssessment(
  db: Db,
  eventBus: EventBus,
  opts: {
    assessmentId: string;
    userId: string;
    paymentRequired: boolean;
    timeScale: number;
    correlationId: string;
  },
) {
  const profile = await loadProfile(db, opts.userId);
  if (!profile)
    throw new AppError(422, 'incomplete', 'Complete the company profile before submitting', {
      profile: false,
    });
  const submittedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const due = computeDueTimes(submittedAt, opts.timeScale);
  const detail: AssessmentSubmitted = {
    assessmentId: opts.assessmentId,
    userId: opts.userId,
    submittedAt: isoSeconds(submittedAt),
    industry: profile.industry,
    correlationId: opts.correlationId,
  };
  await db.$transaction(
    async (tx) => {
      // Lock the row so two submits cannot both pass the checks.
      const rows = await tx.$queryRawUnsafe<{ status: string }[]>(
        'SELECT status FROM assessments WHERE id = $1::uuid FOR UPDATE',
        opts.assessmentId,
      );
      const status = rows[0]?.status;
      if (status !== 'draft' && status !== 'awaiting_payment')
        throw conflict('This assessment has already been submitted');
      const answers = await tx.answer.findMany({
        where: { assessmentId: opts.assessmentId },
        select: { questionId: true, score: true, text: true },
      });
      const progress = domainProgress(profile, answers);
      const incomplete = progress.domains.filter((d) => !d.complete);
      if (incomplete.length) {
        throw new AppError(422, 'incomplete', 'Some domains are less than 80% answered', {
          incompleteDomains: incomplete.map((d) => ({ domain: d.domain, name: d.name, ratio: d.ratio })),
        });
      }
      if (opts.paymentRequired) {
        const paid = await tx.payment.findFirst({
          where: { assessmentId: opts.assessmentId, status: 'paid' },
        });
        if (!paid) throw new AppError(402, 'payment_required', 'Payment is required before submission');
      }
      await tx.assessment.update({
        where: { id: opts.assessmentId },
        data: {
          status: 'submitted',
          submittedAt,
          summaryDueAt: due.executiveSummary,
          reportDueAt: due.detailedReport,
          kitsDueAt: due.implementationKits,
          correlationId: opts.correlationId,
          profileSnapshot: profile as never,
        },
      });
      await tx.outboxEvent.create({
        data: {
          aggregateId: opts.assessmentId,
          detailType: 'AssessmentSubmitted',
          payload: detail as never,
          correlationId: opts.correlationId,
        },
      });
      await recordStage(tx, opts.assessmentId, 'submitted', { dueTimes: mapIso(due) });
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
  // Best effort now; the relay retries whatever is left unpublished.
  await publishPending(db, eventBus, { aggregateId: opts.assessmentId }).catch((err) =>
    logger.warn(
      { err, assessmentId: opts.assessmentId },
      'publishing AssessmentSubmitted failed; the relay will retry',
    ),
  );
  emitMetric('AssessmentsSubmitted', 1, {});
  return { submittedAt: isoSeconds(submittedAt), dueTimes: mapIso(due) };
}

function mapIso(due: ReturnType<typeof computeDueTimes>) {
  return {
    executiveSummary: isoSeconds(due.executiveSummary),
    detailedReport: isoSeconds(due.detailedReport),
    implementationKits: isoSeconds(due.implementationKits),
  };
}
