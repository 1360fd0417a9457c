import type { Db } from '../db/client';
import { Prisma } from '../db/client';
import type { SessionUser } from './users';
import { notFound } from '../errors';
import { domainName, type DomainId } from '../domain/domains';
import { domainProgress, QUESTIONNAIRE_VERSION } from '../domain/questionnaire';
import { loadProfile, toDomainProfile } from './profiles';
import { isOnTime, isoSeconds, toleranceMs, type DeliveryKey } from '../domain/schedule';

const STAGE_KEY: Record<string, DeliveryKey> = {
  executive_summary: 'executiveSummary',
  detailed_report: 'detailedReport',
  implementation_kits: 'implementationKits',
};

/**
 * What a client reads when a stage fails: calm, human, and what happens next. The technical reason stays in the
 * founder console (GET /api/admin/assessments) and in the founder's alert.
 */
export function clientFailureMessage(stage: string): string {
  const s = stage.toLowerCase();
  const what = s.includes('kit')
    ? 'the implementation kits'
    : s.includes('report') || s.includes('detailed')
      ? 'the detailed report'
      : s.includes('summary') || s.includes('executive')
        ? 'the executive summary'
        : 'the analysis';
  return (
    `Preparing ${what} is taking longer than planned. Our team has been alerted and is on it; ` +
    'you do not need to do anything. This page updates by itself, and we will email you as soon as it is ready.'
  );
}

const STAGE_SLUG = {
  executive_summary: 'executive-summary',
  detailed_report: 'detailed-report',
  implementation_kits: 'implementation-kits',
} as const;
export type StageSlug = (typeof STAGE_SLUG)[keyof typeof STAGE_SLUG];
export const STAGE_FROM_SLUG: Record<StageSlug, keyof typeof STAGE_SLUG> = {
  'executive-summary': 'executive_summary',
  'detailed-report': 'detailed_report',
  'implementation-kits': 'implementation_kits',
};

export async function createAssessment(db: Db, user: SessionUser) {
  return db.assessment.create({ data: { userId: user.id, contentVersion: QUESTIONNAIRE_VERSION } });
}

/**
 * Loads an assessment the caller may see: their own, or any for a founder.
 * Anything else is the same 404 as a missing one, so ids cannot be probed.
 */
export async function getAccessibleAssessment(db: Db, user: SessionUser, id: string) {
  if (!isUuid(id)) throw notFound('Assessment');
  const assessment = await db.assessment.findUnique({ where: { id } });
  if (!assessment || (assessment.userId !== user.id && user.role !== 'founder')) throw notFound('Assessment');
  return assessment;
}

/** Only the owner may change an assessment (answers, documents, payment, submission, validation). */
export async function getOwnedAssessment(db: Db, user: SessionUser, id: string) {
  if (!isUuid(id)) throw notFound('Assessment');
  const assessment = await db.assessment.findUnique({ where: { id } });
  if (!assessment || assessment.userId !== user.id) throw notFound('Assessment');
  return assessment;
}

/** The owner's assessment and current company profile, in one query. */
export async function getOwnedAssessmentWithProfile(db: Db, user: SessionUser, id: string) {
  if (!isUuid(id)) throw notFound('Assessment');
  const a = await db.assessment.findUnique({
    where: { id },
    include: { user: { select: { profile: true } } },
  });
  if (!a || a.userId !== user.id) throw notFound('Assessment');
  const { user: owner, ...assessment } = a;
  return { assessment, profile: toDomainProfile(owner.profile) };
}

export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

export function dueTimesView(a: {
  summaryDueAt: Date | null;
  reportDueAt: Date | null;
  kitsDueAt: Date | null;
}) {
  if (!a.summaryDueAt || !a.reportDueAt || !a.kitsDueAt) return null;
  return {
    executiveSummary: isoSeconds(a.summaryDueAt),
    detailedReport: isoSeconds(a.reportDueAt),
    implementationKits: isoSeconds(a.kitsDueAt),
  };
}

export async function listAssessments(db: Db, user: SessionUser) {
  const rows = await db.assessment.findMany({
    where: { userId: user.id },
    orderBy: { createdAt: 'desc' },
    include: { answers: { select: { questionId: true, score: true, text: true } } },
  });
  const profile = await loadProfile(db, user.id);
  return rows.map((a) => ({
    id: a.id,
    status: a.status,
    createdAt: a.createdAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    progress: { overall: domainProgress(profile, a.answers).overall },
    dueTimes: dueTimesView(a),
  }));
}

/**
 * The full view of one assessment (GET /api/assessments/:id), see docs/API.md: one query (relation joins),
 * the access rule of getAccessibleAssessment included.
 */
export async function assessmentView(
  db: Db,
  user: SessionUser,
  id: string,
  opts: { paymentRequired: boolean; timeScale?: number },
) {
  if (!isUuid(id)) throw notFound('Assessment');
  const scale = opts.timeScale ?? 1;
  const a = await db.assessment.findUnique({
    where: { id },
    include: {
      user: { select: { profile: true } },
      answers: { select: { questionId: true, score: true, text: true }, orderBy: { questionId: 'asc' } },
      documents: { orderBy: { createdAt: 'asc' } },
      payments: { orderBy: { createdAt: 'desc' } },
      triage: true,
      analyses: { orderBy: { domain: 'asc' } },
      deliverables: true,
      validation: true,
      executions: { where: { taskToken: { not: null } }, select: { id: true } },
    },
  });
  if (!a || (a.userId !== user.id && user.role !== 'founder')) throw notFound('Assessment');
  const isFounder = user.role === 'founder';
  const profile = a.profileSnapshot ? (a.profileSnapshot as never) : toDomainProfile(a.user.profile);
  const progress = domainProgress(profile, a.answers);
  const paid = a.payments.some((p) => p.status === 'paid');
  const pending = a.payments.some((p) => p.status === 'pending');
  const byStage = new Map<string, { formats: string[]; deliveredAt: Date; dueAt: Date | null }>();
  // A deliverable is generated ahead of its due time and shown from its release (delivered_at) on.
  for (const d of a.deliverables) {
    if (!d.deliveredAt) continue;
    const slug = STAGE_SLUG[d.stage];
    const entry = byStage.get(slug) ?? { formats: [], deliveredAt: d.deliveredAt, dueAt: d.dueAt };
    if (d.format !== 'svg') entry.formats.push(d.format);
    byStage.set(slug, entry);
  }
  const priorities = Array.isArray(a.finalPriorities) ? (a.finalPriorities as unknown[]) : [];
  return {
    id: a.id,
    status: a.status,
    contentVersion: a.contentVersion,
    createdAt: a.createdAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    // Clients read a calm message; the technical reason is for founders only.
    failure: a.failedStage
      ? {
          stage: a.failedStage,
          at: a.failedAt?.toISOString() ?? null,
          message: clientFailureMessage(a.failedStage),
          ...(isFounder ? { reason: a.failureReason } : {}),
        }
      : null,
    dueTimes: dueTimesView(a),
    /** The stated tolerance of each promise (on time = at or before due + tolerance), scaled like the due times. */
    tolerances: {
      executiveSummary: toleranceMs('executiveSummary', scale),
      detailedReport: toleranceMs('detailedReport', scale),
      implementationKits: toleranceMs('implementationKits', scale),
    },
    progress: {
      overall: progress.overall,
      complete: progress.complete,
      domains: progress.domains,
    },
    answers: a.answers.map((x) => ({
      questionId: x.questionId,
      ...(x.score !== null ? { score: x.score } : {}),
      ...(x.text !== null ? { text: x.text } : {}),
    })),
    documents: a.documents.map(documentView),
    payment: {
      required: opts.paymentRequired,
      status: !opts.paymentRequired ? 'not-required' : paid ? 'paid' : pending ? 'pending' : 'unpaid',
    },
    // Internal triage scoring (scores, weightings, confidence) is for founders; clients see which domains.
    triage: a.triage
      ? isFounder
        ? {
            activatedDomains: a.triage.activatedDomains,
            confidence: a.triage.confidence,
            domains: a.triage.domainScores,
            source: a.triage.source,
          }
        : { activatedDomains: a.triage.activatedDomains }
      : null,
    analyses: a.analyses.map((x) => {
      const result = x.result as { analyst?: string; summary?: string };
      return {
        domain: x.domain,
        name: domainName(x.domain as DomainId),
        analyst: result.analyst ?? '',
        healthScore: x.healthScore,
        band: x.band,
        summary: result.summary ?? '',
        confidence: x.confidence,
        needsReview: x.needsReview,
      };
    }),
    deliverables: [...byStage.entries()].map(([stage, d]) => ({
      stage,
      formats: d.formats.sort(),
      deliveredAt: d.deliveredAt.toISOString(),
      dueAt: d.dueAt?.toISOString() ?? null,
      onTime: d.dueAt
        ? isOnTime(STAGE_KEY[STAGE_FROM_SLUG[stage as StageSlug]], d.dueAt, d.deliveredAt, scale)
        : null,
    })),
    priorities,
    awaitingValidation: a.status === 'awaiting_validation' && a.executions.length > 0 && !a.validation,
    validation: a.validation?.response ?? null,
  };
}

export function documentView(d: {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  domain: string | null;
  status: string;
  createdAt: Date;
}) {
  return {
    id: d.id,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    domain: d.domain,
    status: d.status,
    createdAt: d.createdAt.toISOString(),
  };
}

/** Records a stage change on the assessment's timeline (server-sent events, founder console). */
export async function recordStage(
  db: Db | Prisma.TransactionClient,
  assessmentId: string,
  stage: string,
  detail?: Record<string, unknown>,
) {
  await db.stageEvent.create({ data: { assessmentId, stage, detail: (detail ?? undefined) as never } });
}
