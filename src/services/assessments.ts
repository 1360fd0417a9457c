import type { Db } from '../db/client';
import { Prisma, sql } from '../db/client';
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

/** The company profile of the assessment's owner as JSON, in Prisma's field names (toDomainProfile reads it). */
const PROFILE_JSON = `(
    SELECT json_build_object('id', p.id, 'userId', p.user_id, 'companyName', p.company_name,
      'industry', p.industry, 'revenueBand', p.revenue_band, 'teamSize', p.team_size,
      'businessModel', p.business_model, 'growthStage', p.growth_stage, 'regulated', p.regulated,
      'hasPhysicalProducts', p.has_physical_products, 'subscriptionModel', p.subscription_model,
      'channelSales', p.channel_sales, 'headcountGrowthOver50', p.headcount_growth_over_50,
      'challenges', p.challenges, 'objectives', p.objectives, 'updatedAt', p.updated_at)
      FROM company_profiles p WHERE p.user_id = a.user_id)`;

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

/** What the view reads: the assessment with these relations, in Prisma's own shape. */
const VIEW_INCLUDE = {
  user: { select: { profile: true } },
  answers: { select: { questionId: true, score: true, text: true }, orderBy: { questionId: 'asc' } },
  documents: { orderBy: { createdAt: 'asc' } },
  payments: { orderBy: { createdAt: 'desc' } },
  triage: true,
  analyses: { orderBy: { domain: 'asc' } },
  deliverables: true,
  validation: true,
  executions: { where: { taskToken: { not: null } }, select: { id: true } },
} satisfies Prisma.AssessmentInclude;
export type ViewRow = Prisma.AssessmentGetPayload<{ include: typeof VIEW_INCLUDE }>;

/** Timestamp columns (stored as UTC without a zone) in the view's JSON, revived as Dates. */
const VIEW_DATES = new Set([
  'submittedAt',
  'summaryDueAt',
  'reportDueAt',
  'kitsDueAt',
  'completedAt',
  'failedAt',
  'createdAt',
  'updatedAt',
  'uploadedAt',
  'paidAt',
  'dueAt',
  'generatedAt',
  'deliveredAt',
]);

/**
 * The hot read (GET /api/assessments/:id) as one statement that builds the whole row, relations included,
 * as JSON in PostgreSQL; the same shape `findUnique({ include: VIEW_INCLUDE })` returns (a test compares the
 * two). It replaced Prisma's client runtime on this path: see the README's API profile.
 */
export const VIEW_SQL = `
SELECT json_build_object(
  'id', a.id, 'userId', a.user_id, 'status', a.status, 'contentVersion', a.content_version,
  'profileSnapshot', a.profile_snapshot, 'submittedAt', a.submitted_at, 'summaryDueAt', a.summary_due_at,
  'reportDueAt', a.report_due_at, 'kitsDueAt', a.kits_due_at, 'completedAt', a.completed_at,
  'failedStage', a.failed_stage, 'failureReason', a.failure_reason, 'failedAt', a.failed_at,
  'correlationId', a.correlation_id, 'finalPriorities', a.final_priorities, 'createdAt', a.created_at,
  'updatedAt', a.updated_at,
  'user', json_build_object('profile', ${PROFILE_JSON}),
  'answers', COALESCE((
    SELECT json_agg(json_build_object('questionId', x.question_id, 'score', x.score, 'text', x.text)
                    ORDER BY x.question_id)
      FROM answers x WHERE x.assessment_id = a.id), '[]'::json),
  'documents', COALESCE((
    SELECT json_agg(json_build_object('id', d.id, 'assessmentId', d.assessment_id, 'fileName', d.file_name,
      'contentType', d.content_type, 'size', d.size, 'domain', d.domain, 'objectKey', d.object_key,
      'status', d.status, 'createdAt', d.created_at, 'uploadedAt', d.uploaded_at) ORDER BY d.created_at)
      FROM documents d WHERE d.assessment_id = a.id), '[]'::json),
  'payments', COALESCE((
    SELECT json_agg(json_build_object('id', y.id, 'assessmentId', y.assessment_id, 'userId', y.user_id,
      'stripeSessionId', y.stripe_session_id, 'stripePaymentIntentId', y.stripe_payment_intent_id,
      'amountPence', y.amount_pence, 'currency', y.currency, 'status', y.status, 'createdAt', y.created_at,
      'paidAt', y.paid_at) ORDER BY y.created_at DESC)
      FROM payments y WHERE y.assessment_id = a.id), '[]'::json),
  'triage', (
    SELECT json_build_object('id', t.id, 'assessmentId', t.assessment_id,
      'activatedDomains', t.activated_domains, 'domainScores', t.domain_scores, 'confidence', t.confidence,
      'source', t.source, 'createdAt', t.created_at)
      FROM triage_results t WHERE t.assessment_id = a.id),
  'analyses', COALESCE((
    SELECT json_agg(json_build_object('id', n.id, 'assessmentId', n.assessment_id, 'domain', n.domain,
      'healthScore', n.health_score, 'band', n.band, 'confidence', n.confidence, 'result', n.result,
      'source', n.source, 'needsReview', n.needs_review, 'reviewReason', n.review_reason,
      'createdAt', n.created_at) ORDER BY n.domain)
      FROM agent_analyses n WHERE n.assessment_id = a.id), '[]'::json),
  'deliverables', COALESCE((
    SELECT json_agg(json_build_object('id', v.id, 'assessmentId', v.assessment_id, 'stage', v.stage,
      'format', v.format, 'objectKey', v.object_key, 'dueAt', v.due_at, 'generatedAt', v.generated_at,
      'deliveredAt', v.delivered_at, 'withValidation', v.with_validation))
      FROM deliverables v WHERE v.assessment_id = a.id), '[]'::json),
  'validation', (
    SELECT json_build_object('id', w.id, 'assessmentId', w.assessment_id, 'response', w.response,
      'createdAt', w.created_at)
      FROM validations w WHERE w.assessment_id = a.id),
  'executions', COALESCE((
    SELECT json_agg(json_build_object('id', e.id))
      FROM pipeline_executions e WHERE e.assessment_id = a.id AND e.task_token IS NOT NULL), '[]'::json)
) AS row
FROM assessments a WHERE a.id = $1::uuid`;

/** Stored JSON documents: returned as they are. */
const VIEW_JSON_COLUMNS = new Set([
  'profileSnapshot',
  'finalPriorities',
  'domainScores',
  'result',
  'response',
]);

/** Revives the view's timestamps (JSON text of UTC values without a zone) as Dates, in place. */
function reviveDates(value: unknown): unknown {
  if (Array.isArray(value)) value.forEach(reviveDates);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      const v = o[key];
      if (typeof v === 'string' && VIEW_DATES.has(key)) o[key] = new Date(/[Z+]/.test(v) ? v : `${v}Z`);
      else if (!VIEW_JSON_COLUMNS.has(key)) reviveDates(v);
    }
  }
  return value;
}

/** The assessment with the view's relations, in one statement (see VIEW_SQL); null when there is none. */
export async function loadViewRow(db: Db, id: string): Promise<ViewRow | null> {
  const rows = await sql<{ row: unknown }>(db, VIEW_SQL, [id]);
  return rows.length ? (reviveDates(rows[0].row) as ViewRow) : null;
}

/** The same row through Prisma's client (the reference the one-statement read is tested against). */
export function loadViewRowWithPrisma(db: Db, id: string): Promise<ViewRow | null> {
  return db.assessment.findUnique({ where: { id }, include: VIEW_INCLUDE });
}

/**
 * The full view of one assessment (GET /api/assessments/:id), see docs/API.md: one statement (loadViewRow),
 * the access rule of getAccessibleAssessment included.
 */
export async function assessmentView(
  db: Db,
  user: SessionUser,
  id: string,
  opts: { paymentRequired: boolean; timeScale?: number },
) {
  const a = await accessibleViewRow(db, user, id);
  return viewOf(a, user.role === 'founder', opts);
}

/** The view's row, with getAccessibleAssessment's rule: the caller's own, or any for a founder; else 404. */
export async function accessibleViewRow(
  db: Db,
  user: SessionUser,
  id: string,
  loadRow: (id: string) => Promise<ViewRow | null> = (x) => loadViewRow(db, x),
): Promise<ViewRow> {
  if (!isUuid(id)) throw notFound('Assessment');
  const a = await loadRow(id);
  if (!a || (a.userId !== user.id && user.role !== 'founder')) throw notFound('Assessment');
  return a;
}

/** The view of a loaded row (pure: the same row and role give the same view, which the API may memoise). */
export function viewOf(
  a: ViewRow,
  isFounder: boolean,
  opts: { paymentRequired: boolean; timeScale?: number },
) {
  const scale = opts.timeScale ?? 1;
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
