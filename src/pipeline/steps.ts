/**
 * The delivery pipeline's steps: one function per Task state of stepfunctions/delivery.asl.yml.
 * The Lambda handlers in functions/ validate their event and call these; the local runner calls the same handlers.
 * Every step is idempotent and keyed by assessment (and domain), so an execution can be re-run from the start.
 */
import { emitMetric } from '../metrics';
import { z } from 'zod';
import type { AppContext } from '../context';
import { DOMAIN_IDS, type DomainId } from '../domain/domains';
import { computeDueTimes, isoSeconds } from '../domain/schedule';
import { prioritise } from '../domain/prioritisation';
import { kitPlanFor } from '../delivery/compose/shared';
import {
  composeDeliverable,
  detailedReportEmail,
  executiveSummaryEmail,
  implementationKitsEmail,
  renderHtml,
  renderPdf,
  submissionConfirmationEmail,
  type DeliverableStage,
} from '../delivery';
import { recordStage } from '../services/assessments';
import { publishPending } from '../services/outbox';
import { launchWithinCap } from './capacity';
import { logger } from '../logger';
import { Prisma } from '../db/client';
import { EXIT_TEMPORARY_FAILURE } from '../db/unavailable';
import { loadDeliveryContext, toStoredPriorities } from './delivery-context';

export class PipelineError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const base = z.object({
  assessmentId: z.string().uuid(),
  correlationId: z.string().max(100).optional().nullable(),
});
const STAGES = ['executive-summary', 'detailed-report', 'implementation-kits'] as const;
const STAGE_KEY = {
  'executive-summary': 'executive_summary',
  'detailed-report': 'detailed_report',
  'implementation-kits': 'implementation_kits',
} as const;

export const schemas = {
  prepareExecution: base.extend({
    submittedAt: z.string().datetime(),
    executionName: z.string().min(1).max(80),
  }),
  launchTriage: base,
  checkTask: base.extend({
    mode: z.literal('triage'),
    taskId: z.string().max(2048).nullable().optional(),
    polls: z.number().int().min(0),
    maxPolls: z.number().int().min(1),
  }),
  dispatchAgents: base,
  checkAnalyses: base.extend({ polls: z.number().int().min(0), maxPolls: z.number().int().min(1) }),
  generate: base,
  awaitValidation: base.extend({
    taskToken: z.string().min(1).max(8192),
    executionName: z.string().min(1).max(80).optional(),
  }),
  sendDeliveryEmail: base.extend({ stage: z.enum(STAGES) }),
  failure: base.extend({
    stage: z.string().min(1).max(60),
    error: z
      .object({ Error: z.string().optional(), Cause: z.unknown().optional() })
      .passthrough()
      .nullable()
      .optional(),
  }),
  triageComplete: z.object({
    assessmentId: z.string().uuid(),
    activatedDomains: z.array(z.enum(DOMAIN_IDS)).min(1).max(12),
    triageConfidence: z.number().min(0).max(1),
  }),
  assessmentSubmitted: z.object({
    assessmentId: z.string().uuid(),
    userId: z.string().uuid(),
    submittedAt: z.string().datetime(),
    industry: z.string().max(60),
    correlationId: z.string().max(100),
  }),
  specialistMessage: z.object({
    assessmentId: z.string().uuid(),
    domain: z.enum(DOMAIN_IDS),
    correlationId: z.string().max(100).optional().nullable(),
  }),
};

type In<K extends keyof typeof schemas> = z.infer<(typeof schemas)[K]>;

function timeScale(ctx: Pick<AppContext, 'config'>) {
  return ctx.config.SCALEMAP_RUNTIME === 'local' ? ctx.config.SCALEMAP_TIME_SCALE : 1;
}

/** The lifecycle in order; a step only ever moves an assessment forward (a failed one is moved by a retry). */
const LIFECYCLE = [
  'draft',
  'awaiting_payment',
  'submitted',
  'triaging',
  'analysing',
  'summary_delivered',
  'report_delivered',
  'awaiting_validation',
  'completed',
] as const;
type Status = (typeof LIFECYCLE)[number];

/** Moves the assessment to `to` if it is at an earlier stage; true when it moved. */
async function advanceStatus(ctx: Pick<AppContext, 'db'>, assessmentId: string, to: Status) {
  const earlier = LIFECYCLE.slice(0, LIFECYCLE.indexOf(to));
  const r = await ctx.db.assessment.updateMany({
    where: { id: assessmentId, status: { in: [...earlier] } },
    data: { status: to },
  });
  return r.count > 0;
}

/**
 * The AssessmentSubmitted rule's target: starts the delivery state machine with name = assessment id,
 * so a duplicate event starts nothing new.
 */
export async function startPipeline(ctx: Pick<AppContext, 'workflow'>, detail: In<'assessmentSubmitted'>) {
  const parsed = schemas.assessmentSubmitted.parse(detail);
  const started = await ctx.workflow.start({ name: parsed.assessmentId, input: parsed });
  if (started.alreadyStarted)
    logger.info({ assessmentId: parsed.assessmentId }, 'pipeline already started: duplicate event ignored');
  return started;
}

/** Due times (computed once, absolute), the execution record and the submission confirmation email. */
export async function prepareExecution(ctx: AppContext, input: In<'prepareExecution'>) {
  const a = await ctx.db.assessment.findUnique({
    where: { id: input.assessmentId },
    include: { user: true },
  });
  if (!a) throw new PipelineError('AssessmentNotFound', `assessment ${input.assessmentId} does not exist`);
  let { summaryDueAt, reportDueAt, kitsDueAt } = a;
  if (!summaryDueAt || !reportDueAt || !kitsDueAt) {
    const due = computeDueTimes(new Date(input.submittedAt), timeScale(ctx));
    ({ executiveSummary: summaryDueAt, detailedReport: reportDueAt, implementationKits: kitsDueAt } = due);
    await ctx.db.assessment.update({ where: { id: a.id }, data: { summaryDueAt, reportDueAt, kitsDueAt } });
  }
  await ctx.db.pipelineExecution.upsert({
    where: { executionId: input.executionName },
    create: {
      executionId: input.executionName,
      assessmentId: a.id,
      status: 'RUNNING',
      input: input as never,
    },
    update: {},
  });
  await recordStageOnce(ctx, a.id, 'pipeline_started', { executionName: input.executionName });
  const dueTimes = {
    executiveSummary: isoSeconds(summaryDueAt),
    detailedReport: isoSeconds(reportDueAt),
    implementationKits: isoSeconds(kitsDueAt),
  };
  await sendOnce(ctx, a.id, 'submission-confirmation', a.user.email, () =>
    submissionConfirmationEmail({
      firstName: a.user.firstName,
      companyName: (a.profileSnapshot as { companyName?: string } | null)?.companyName ?? '',
      assessmentId: a.id,
      submittedAt: a.submittedAt ?? new Date(input.submittedAt),
      dueTimes: {
        executiveSummary: summaryDueAt!,
        detailedReport: reportDueAt!,
        implementationKits: kitsDueAt!,
      },
      appUrl: appUrl(ctx),
    }),
  );
  return { dueTimes };
}

function appUrl(ctx: Pick<AppContext, 'config'>) {
  return (ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`).replace(/\/$/, '');
}

/** Starts the triage agent task if the triage is not done and capacity allows. */
export async function launchTriage(ctx: AppContext, input: In<'launchTriage'>) {
  if (await ctx.db.triageResult.findUnique({ where: { assessmentId: input.assessmentId } }))
    return { status: 'done', taskId: '', polls: 0 };
  if (await advanceStatus(ctx, input.assessmentId, 'triaging'))
    await recordStage(ctx.db, input.assessmentId, 'triage_started');
  const [taskId] = await launchWithinCap(ctx, {
    mode: 'triage',
    wanted: 1,
    assessmentId: input.assessmentId,
    correlationId: input.correlationId ?? undefined,
    launchKey: `triage:${input.assessmentId}:${(input as { polls?: number }).polls ?? 0}`,
  });
  return { status: taskId ? 'running' : 'waiting-capacity', taskId: taskId ?? '', polls: 0 };
}

/**
 * SIGKILL (137), SIGTERM (143), no exit code at all, a task the launcher no longer knows, or a task that stopped
 * because a dependency was down (EX_TEMPFAIL, 75).
 */
export function stoppedFromOutside(status: { exitCode?: number; reason?: string }): boolean {
  if (status.exitCode === undefined || [137, 143, EXIT_TEMPORARY_FAILURE].includes(status.exitCode))
    return true;
  return /killed by|vanished|MISSING|SpotInterruption|TerminationNotice/i.test(status.reason ?? '');
}

/** Bounded poll of the triage task: done when its result is stored; relaunches if it never got capacity. */
export async function checkTask(ctx: AppContext, input: In<'checkTask'>) {
  const polls = input.polls + 1;
  if (await ctx.db.triageResult.findUnique({ where: { assessmentId: input.assessmentId } }))
    return { status: 'done', taskId: input.taskId ?? '', polls };
  if (polls > input.maxPolls)
    throw new PipelineError('PollLimitExceeded', `triage not finished after ${input.maxPolls} polls`);
  if (!input.taskId) {
    const relaunched = await launchTriage(ctx, input);
    return { ...relaunched, polls };
  }
  const [status] = await ctx.taskLauncher.describe([input.taskId]);
  if (status.state === 'STOPPED') {
    // A task can write its result just before it stops: look once more.
    if (await ctx.db.triageResult.findUnique({ where: { assessmentId: input.assessmentId } }))
      return { status: 'done', taskId: input.taskId, polls };
    // Killed from outside (kill -9, a host or Spot interruption, a task that vanished): not the triage's fault, so
    // it starts again, within the same poll bound. A task that exited with an error of its own fails the stage.
    if (stoppedFromOutside(status)) {
      logger.warn(
        {
          assessmentId: input.assessmentId,
          taskId: input.taskId,
          exitCode: status.exitCode,
          reason: status.reason,
        },
        'triage task stopped from outside without a result: launching it again',
      );
      const relaunched = await launchTriage(ctx, input);
      return { ...relaunched, polls };
    }
    throw new PipelineError(
      'TriageTaskFailed',
      `triage task stopped without a result: ${status.reason ?? status.exitCode}`,
    );
  }
  return { status: 'running', taskId: input.taskId, polls };
}

async function activatedDomains(ctx: AppContext, assessmentId: string): Promise<DomainId[]> {
  const triage = await ctx.db.triageResult.findUnique({ where: { assessmentId } });
  if (!triage) throw new PipelineError('TriageMissing', `assessment ${assessmentId} has no triage result`);
  return triage.activatedDomains as DomainId[];
}

/** One FIFO message per activated domain still to analyse, then workers up to the global cap. */
export async function dispatchAgents(ctx: AppContext, input: In<'dispatchAgents'>) {
  const domains = await activatedDomains(ctx, input.assessmentId);
  const done = new Set(
    (
      await ctx.db.agentAnalysis.findMany({
        where: { assessmentId: input.assessmentId },
        select: { domain: true },
      })
    ).map((x) => x.domain),
  );
  const pending = domains.filter((d) => !done.has(d));
  for (const domain of pending) {
    await ctx.taskQueue.send({
      groupId: `${input.assessmentId}:${domain}`,
      dedupId: `${input.assessmentId}:${domain}`,
      body: JSON.stringify({
        assessmentId: input.assessmentId,
        domain,
        correlationId: input.correlationId ?? null,
      }),
    });
  }
  if (await advanceStatus(ctx, input.assessmentId, 'analysing'))
    await recordStage(ctx.db, input.assessmentId, 'analysis_started', { domains });
  const workers = await ensureWorkers(
    ctx,
    input.correlationId ?? undefined,
    `specialist:${input.assessmentId}:dispatch`,
  );
  return { activatedDomains: domains, messagesSent: pending.length, workersLaunched: workers.length };
}

/** Launches specialist workers for waiting messages, within the cap. */
async function ensureWorkers(ctx: AppContext, correlationId?: string, launchKey?: string) {
  const depth = await ctx.taskQueue.depth();
  if (depth.visible === 0) return [];
  const running = await ctx.taskLauncher.countRunning('specialist');
  return launchWithinCap(ctx, {
    mode: 'specialist',
    wanted: Math.max(0, depth.visible - running),
    correlationId,
    launchKey,
  });
}

/** Bounded poll: done when every activated domain has its analysis; relaunches workers if messages wait. */
export async function checkAnalyses(ctx: AppContext, input: In<'checkAnalyses'>) {
  const polls = input.polls + 1;
  const domains = await activatedDomains(ctx, input.assessmentId);
  const analysed = await ctx.db.agentAnalysis.count({
    where: { assessmentId: input.assessmentId, domain: { in: domains } },
  });
  if (analysed === domains.length) {
    await recordStageOnce(ctx, input.assessmentId, 'analysis_complete', { domains });
    return { status: 'done', polls, analysed, expected: domains.length };
  }
  if (polls > input.maxPolls)
    throw new PipelineError(
      'PollLimitExceeded',
      `${analysed} of ${domains.length} analyses after ${input.maxPolls} polls`,
    );
  const depth = await ctx.taskQueue.depth();
  // A message of this assessment is in the dead-letter queue when none of its analyses can still come: no
  // message waiting or in flight, and the DLQ is not empty. Fail now instead of polling for 2 hours. From the
  // third poll on: SQS's approximate counts can lag a freshly sent message.
  if (polls >= 3 && depth.deadLettered > 0 && depth.visible === 0 && depth.inFlight === 0)
    throw new PipelineError(
      'AnalysisDeadLettered',
      `${domains.length - analysed} of ${domains.length} analyses cannot complete: their message is in the dead-letter queue`,
    );
  const launched = await ensureWorkers(
    ctx,
    input.correlationId ?? undefined,
    `specialist:${input.assessmentId}:${polls}`,
  );
  return { status: 'running', polls, analysed, expected: domains.length, workersLaunched: launched.length };
}

async function recordStageOnce(
  ctx: AppContext,
  assessmentId: string,
  stage: string,
  detail?: Record<string, unknown>,
) {
  const exists = await ctx.db.stageEvent.findFirst({ where: { assessmentId, stage } });
  if (!exists) await recordStage(ctx.db, assessmentId, stage, detail);
}

const NEXT_STATUS: Record<DeliverableStage, { to: Status; event: string }> = {
  'executive-summary': { to: 'summary_delivered', event: 'executive_summary_delivered' },
  'detailed-report': { to: 'report_delivered', event: 'detailed_report_delivered' },
  'implementation-kits': { to: 'completed', event: 'implementation_kits_delivered' },
};

/**
 * Whether a stored deliverable is final. The summary and the report are once generated. The kits are generated
 * ahead, with the report's priorities, as soon as the report is (GenerateImplementationKits), and composed again
 * only when a validation came in that they do not reflect yet (ApplyValidationToKits, after AwaitValidation):
 * the validation reshapes them. Kits already released are never recomposed.
 */
async function upToDate(
  ctx: AppContext,
  stage: DeliverableStage,
  assessmentId: string,
  existing: { format: string; deliveredAt: Date | null; withValidation: boolean }[],
) {
  if (!existing.some((d) => d.format === 'html') || !existing.some((d) => d.format === 'pdf')) return false;
  if (stage !== 'implementation-kits') return true;
  if (existing.some((d) => d.deliveredAt) || existing.every((d) => d.withValidation)) return true;
  return !(await ctx.db.validation.findUnique({ where: { assessmentId }, select: { id: true } }));
}

/**
 * Composes a deliverable from the stored triage, analyses, priorities and validation; stores HTML and PDF.
 * It runs ahead of the due time and leaves the deliverable unreleased (delivered_at null): the client sees
 * it only when releaseDeliverable runs at the due time.
 */
export async function generateDeliverable(ctx: AppContext, stage: DeliverableStage, input: In<'generate'>) {
  const key = STAGE_KEY[stage];
  const existing = await ctx.db.deliverable.findMany({
    where: { assessmentId: input.assessmentId, stage: key },
  });
  if (await upToDate(ctx, stage, input.assessmentId, existing)) {
    return { stage, skipped: true };
  }
  const assessment = await ctx.db.assessment.findUniqueOrThrow({
    where: { id: input.assessmentId },
    select: { finalPriorities: true, summaryDueAt: true, reportDueAt: true, kitsDueAt: true },
  });
  // One read of everything the composers need (its reportPriorities are prioritise(analyses, triage)).
  const deliveryCtx = await loadDeliveryContext(ctx, input.assessmentId);
  if (stage === 'executive-summary' || !assessment.finalPriorities) {
    const priorities =
      deliveryCtx.reportPriorities ?? prioritise(deliveryCtx.analyses, { triage: deliveryCtx.triage });
    deliveryCtx.priorities = priorities;
    await ctx.db.assessment.update({
      where: { id: input.assessmentId },
      data: { finalPriorities: toStoredPriorities(priorities) as never },
    });
  }
  if (stage === 'implementation-kits' && deliveryCtx.validation) {
    // The client's validation reshapes the report's priorities: rejected ones dropped and replaced, constraints
    // applied, strong agreement with high resources moves a priority up (src/analysis/reshape.ts).
    const reordered = kitPlanFor(deliveryCtx).priorities.map((p) => p.item);
    deliveryCtx.priorities = reordered;
    await ctx.db.assessment.update({
      where: { id: input.assessmentId },
      data: { finalPriorities: toStoredPriorities(reordered) as never },
    });
  }
  const doc = composeDeliverable(stage, deliveryCtx);
  const html = renderHtml(doc);
  const pdf = await renderPdf(doc);
  const dueAt = {
    'executive-summary': assessment.summaryDueAt,
    'detailed-report': assessment.reportDueAt,
    'implementation-kits': assessment.kitsDueAt,
  }[stage];
  const prefix = `assessments/${input.assessmentId}/deliverables/${stage}`;
  await ctx.objectStore.put(`${prefix}.html`, html, 'text/html; charset=utf-8');
  await ctx.objectStore.put(`${prefix}.pdf`, pdf, 'application/pdf');
  const formats = [
    { format: 'html' as const, objectKey: `${prefix}.html` },
    { format: 'pdf' as const, objectKey: `${prefix}.pdf` },
  ];
  if (stage === 'detailed-report') {
    const heatmap = doc.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'heatmap');
    if (heatmap && heatmap.kind === 'heatmap') {
      await ctx.objectStore.put(`${prefix}-heatmap.svg`, heatmap.svg, 'image/svg+xml');
      formats.push({ format: 'svg' as never, objectKey: `${prefix}-heatmap.svg` });
    }
  }
  const withValidation = deliveryCtx.validation !== null;
  for (const f of formats) {
    await ctx.db.deliverable.upsert({
      where: {
        assessmentId_stage_format: { assessmentId: input.assessmentId, stage: key, format: f.format },
      },
      create: {
        assessmentId: input.assessmentId,
        stage: key,
        format: f.format,
        objectKey: f.objectKey,
        dueAt,
        withValidation,
      },
      update: { objectKey: f.objectKey, withValidation, generatedAt: new Date() },
    });
  }
  if (existing.length > 0)
    await recordStage(ctx.db, input.assessmentId, `${key}_generated`, { stage, withValidation });
  else await recordStageOnce(ctx, input.assessmentId, `${key}_generated`, { stage, withValidation });
  return {
    stage,
    skipped: false,
    withValidation,
    priorities: deliveryCtx.priorities.map((p) => p.recommendation.id),
  };
}

/**
 * Releases a generated deliverable at its due time: the client can see it from now on (delivered_at), the
 * assessment moves on, and the timeline records how late the release was against the promise (0 when on time).
 * Idempotent: a release already made keeps its time.
 */
export async function releaseDeliverable(ctx: AppContext, stage: DeliverableStage, assessmentId: string) {
  const key = STAGE_KEY[stage];
  const rows = await ctx.db.deliverable.findMany({ where: { assessmentId, stage: key } });
  if (!rows.some((d) => d.format === 'html')) {
    throw new PipelineError('DeliverableMissing', `the ${stage} was not generated before its release`);
  }
  const now = new Date();
  const released = await ctx.db.deliverable.updateMany({
    where: { assessmentId, stage: key, deliveredAt: null },
    data: { deliveredAt: now },
  });
  const next = NEXT_STATUS[stage];
  await advanceStatus(ctx, assessmentId, next.to);
  if (stage === 'implementation-kits') {
    await ctx.db.assessment.updateMany({
      where: { id: assessmentId, completedAt: null },
      data: { completedAt: now },
    });
    await ctx.db.pipelineExecution.updateMany({
      where: { assessmentId, status: 'RUNNING' },
      data: { status: 'SUCCEEDED', finishedAt: now },
    });
    if (released.count > 0) await emitCompletionMetrics(ctx, assessmentId);
  }
  const dueAt = rows[0].dueAt;
  const deliveredAt = rows.find((d) => d.deliveredAt)?.deliveredAt ?? now;
  const latenessSeconds = dueAt ? Math.max(0, (deliveredAt.getTime() - dueAt.getTime()) / 1000) : 0;
  if (released.count > 0) emitMetric('DeliveryLatenessSeconds', latenessSeconds, { Stage: stage });
  await recordStageOnce(ctx, assessmentId, next.event, { stage, latenessSeconds });
  return { deliveredAt, latenessSeconds };
}

/** Sends an email once per dedup key (emails_sent), so a re-run never mails the client twice. */
/** How long a claimed, not yet confirmed email is left to its sender before another run sends it. */
const EMAIL_CLAIM_MS = 60_000;

/**
 * Sends one email per (assessment, kind), whatever retries, re-runs and crashes happen around it: the emails_sent
 * row is claimed first (messageId empty), the message is sent with the dedup key as its idempotency key, then the
 * row is confirmed. A concurrent run waits for the confirmation; a send that failed releases its claim; only a claim
 * left unconfirmed for EMAIL_CLAIM_MS (its sender died between sending and confirming) is sent again.
 */
async function sendOnce(
  ctx: AppContext,
  assessmentId: string,
  kind: string,
  to: string,
  compose: () =>
    | Promise<{ subject: string; html: string; text: string }>
    | { subject: string; html: string; text: string },
) {
  const dedupKey = `${assessmentId}:${kind}`;
  const deadline = Date.now() + EMAIL_CLAIM_MS;
  let claimedAt: Date | undefined;
  while (!claimedAt) {
    const existing = await ctx.db.emailSent.findUnique({ where: { dedupKey } });
    if (existing?.messageId) return { sent: false };
    if (!existing) {
      const at = new Date();
      const created = await ctx.db.emailSent
        .create({ data: { assessmentId, kind, dedupKey, toAddress: to, subject: '', sentAt: at } })
        .then(
          () => true,
          (err) => {
            if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return false;
            throw err;
          },
        );
      if (created) claimedAt = at;
      continue;
    }
    if (Date.now() - existing.sentAt.getTime() > EMAIL_CLAIM_MS || Date.now() > deadline) {
      // The sender that claimed it is gone: take the claim over (one taker wins).
      const at = new Date();
      const taken = await ctx.db.emailSent.updateMany({
        where: { dedupKey, messageId: null, sentAt: existing.sentAt },
        data: { sentAt: at },
      });
      if (taken.count === 1) claimedAt = at;
      continue;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  let messageId: string;
  let email: { subject: string; html: string; text: string };
  try {
    email = await compose();
    ({ messageId } = await ctx.mailer.send({ to, ...email, idempotencyKey: dedupKey }));
  } catch (err) {
    await ctx.db.emailSent
      .deleteMany({ where: { dedupKey, messageId: null, sentAt: claimedAt } })
      .catch(() => undefined);
    throw err;
  }
  await ctx.db.emailSent.update({
    where: { dedupKey },
    data: { messageId, subject: email.subject, sentAt: new Date() },
  });
  return { sent: true, messageId };
}

/** Tasks Release*: at the due time, release the deliverable, then send its email (once, emails_sent). */
export async function releaseAndNotify(ctx: AppContext, input: In<'sendDeliveryEmail'>) {
  const release = await releaseDeliverable(ctx, input.stage, input.assessmentId);
  const a = await ctx.db.assessment.findUniqueOrThrow({
    where: { id: input.assessmentId },
    select: { user: true },
  });
  const compose = {
    'executive-summary': executiveSummaryEmail,
    'detailed-report': detailedReportEmail,
    'implementation-kits': implementationKitsEmail,
  }[input.stage];
  const result = await sendOnce(ctx, input.assessmentId, input.stage, a.user.email, async () =>
    compose(await loadDeliveryContext(ctx, input.assessmentId)),
  );
  if (result.sent) await recordStage(ctx.db, input.assessmentId, 'email_sent', { stage: input.stage });
  return { ...result, latenessSeconds: release.latenessSeconds };
}

/** Stores the validation task token; if the client already validated (a re-run), resumes at once. */
export async function awaitValidation(ctx: AppContext, input: In<'awaitValidation'>) {
  const execution = input.executionName
    ? await ctx.db.pipelineExecution.findUnique({ where: { executionId: input.executionName } })
    : await ctx.db.pipelineExecution.findFirst({
        where: { assessmentId: input.assessmentId },
        orderBy: { startedAt: 'desc' },
      });
  if (!execution)
    throw new PipelineError('ExecutionNotFound', `no execution recorded for ${input.assessmentId}`);
  const validated = await ctx.db.validation.findUnique({ where: { assessmentId: input.assessmentId } });
  if (validated) {
    await ctx.workflow.sendTaskSuccess(input.taskToken, { validated: true });
    return { waiting: false };
  }
  await ctx.db.pipelineExecution.update({
    where: { id: execution.id },
    data: { taskToken: input.taskToken, taskTokenAt: new Date() },
  });
  if (await advanceStatus(ctx, input.assessmentId, 'awaiting_validation'))
    await recordStage(ctx.db, input.assessmentId, 'validation_requested');
  return { waiting: true };
}

/** Business metrics of a completed assessment: completed, validation timed out or not, LLM tokens and cost. */
async function emitCompletionMetrics(ctx: AppContext, assessmentId: string) {
  emitMetric('AssessmentsCompleted', 1, {});
  if (!(await ctx.db.validation.findUnique({ where: { assessmentId }, select: { id: true } })))
    emitMetric('ValidationsTimedOut', 1, {});
  const usage = await ctx.db.llmUsage.aggregate({
    where: { assessmentId },
    _sum: { promptTokens: true, completionTokens: true, costUsd: true },
  });
  emitMetric(
    'LlmTokensPerAssessment',
    (usage._sum.promptTokens ?? 0) + (usage._sum.completionTokens ?? 0),
    {},
  );
  emitMetric('LlmCostCentsPerAssessment', Math.round(Number(usage._sum.costUsd ?? 0) * 1e6) / 1e4, {});
}

export async function markFailed(ctx: AppContext, input: In<'failure'>) {
  const reason = describeError(input.error);
  emitMetric('AssessmentsFailed', 1, { Stage: input.stage });
  await ctx.db.assessment.update({
    where: { id: input.assessmentId },
    data: { status: 'failed', failedStage: input.stage, failureReason: reason, failedAt: new Date() },
  });
  await ctx.db.pipelineExecution.updateMany({
    where: { assessmentId: input.assessmentId, status: { in: ['RUNNING', 'PENDING'] } },
    data: { status: 'FAILED', finishedAt: new Date(), error: reason, taskToken: null },
  });
  await recordStage(ctx.db, input.assessmentId, 'failed', { stage: input.stage, reason });
  return { marked: true };
}

export async function alertFounder(ctx: AppContext, input: In<'failure'>) {
  const reason = describeError(input.error);
  await ctx.alerter.alert(
    `ScaleMap pipeline failed at ${input.stage}`,
    `Assessment ${input.assessmentId} failed at stage "${input.stage}".\nReason: ${reason}\nCorrelation id: ${input.correlationId ?? 'n/a'}\nRe-run it from the founder console once the cause is fixed.`,
  );
  return { alerted: true };
}

function describeError(error: In<'failure'>['error']): string {
  if (!error) return 'unknown error';
  const cause = typeof error.Cause === 'string' ? error.Cause : JSON.stringify(error.Cause ?? '');
  let message = cause;
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: string };
    if (parsed?.errorMessage) message = parsed.errorMessage;
  } catch {
    // Cause was plain text
  }
  return `${error.Error ?? 'Error'}: ${message}`.slice(0, 1000);
}

export async function relayOutbox(ctx: AppContext) {
  return publishPending(ctx.db, ctx.eventBus);
}

/** Target of the DomainTriageComplete rule: puts the triage on the assessment's timeline. */
export async function onTriageComplete(ctx: Pick<AppContext, 'db'>, detail: In<'triageComplete'>) {
  const parsed = schemas.triageComplete.parse(detail);
  const exists = await ctx.db.stageEvent.findFirst({
    where: { assessmentId: parsed.assessmentId, stage: 'triage_complete' },
  });
  if (!exists) {
    await recordStage(ctx.db, parsed.assessmentId, 'triage_complete', {
      activatedDomains: parsed.activatedDomains,
      confidence: parsed.triageConfidence,
    });
  }
  return { recorded: !exists };
}
