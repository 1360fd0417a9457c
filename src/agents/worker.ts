import type { AppContext } from '../context';
import type { ReceivedMessage } from '../ports';
import type { DomainId } from '../domain/domains';
import type { CompanyProfile } from '../domain/profile';
import { Prisma } from '../db/client';
import { schemas } from '../pipeline/steps';
import { loadProfile } from '../services/profiles';
import { runTriage } from './triage-agent';
import { analyseDomain } from './specialist-agent';
import { logger, withLogContext } from '../logger';
import { recordStage } from '../services/assessments';
import { emitMetric } from '../metrics';
import { ensureDocumentsRead } from '../services/document-reading';
import type { AnalystDocument } from './rule-analyst';

/**
 * The agent worker, as run by the container entrypoint (containers/agent/main.ts) on Fargate,
 * or as a child process locally. `triage` handles one assessment; `specialist` drains the queue.
 */

async function assessmentInputs(ctx: AppContext, assessmentId: string) {
  const a = await ctx.db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    include: { answers: { select: { questionId: true, score: true, text: true } }, documents: true },
  });
  const profile = (a.profileSnapshot as CompanyProfile | null) ?? (await loadProfile(ctx.db, a.userId));
  // Every uploaded document, read (documents read at upload come from their stored result).
  const read = new Map((await ensureDocumentsRead(ctx, assessmentId)).map((e) => [e.documentId, e]));
  const documents: AnalystDocument[] = a.documents
    .filter((d) => d.status === 'uploaded')
    .map((d) => ({
      fileName: d.fileName,
      domain: d.domain,
      contentType: d.contentType,
      extracted: read.get(d.id),
    }));
  return { assessment: a, profile, documents };
}

/** Triage mode: rules (plus an optional LLM refinement), stored once, then `DomainTriageComplete`. */
export async function runTriageTask(ctx: AppContext, assessmentId: string, correlationId?: string) {
  return withLogContext({ assessmentId, correlationId, mode: 'triage' }, async () => {
    const existing = await ctx.db.triageResult.findUnique({ where: { assessmentId } });
    let result;
    if (existing) {
      logger.info('triage already stored: nothing to do');
      result = { activatedDomains: existing.activatedDomains, confidence: existing.confidence };
    } else {
      const started = Date.now();
      const { assessment, profile, documents } = await assessmentInputs(ctx, assessmentId);
      const triage = await runTriage(ctx, { assessmentId, profile, answers: assessment.answers, documents });
      emitMetric('AgentTaskDurationSeconds', (Date.now() - started) / 1000, { Domain: 'triage' });
      try {
        await ctx.db.triageResult.create({
          data: {
            assessmentId,
            activatedDomains: triage.activatedDomains,
            domainScores: triage.domains as never,
            confidence: triage.confidence,
            source: triage.source,
          },
        });
      } catch (err) {
        if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
      }
      result = { activatedDomains: triage.activatedDomains, confidence: triage.confidence };
      logger.info({ activated: triage.activatedDomains, confidence: triage.confidence }, 'triage stored');
    }
    await ctx.eventBus.publish([
      {
        detailType: 'DomainTriageComplete',
        detail: {
          assessmentId,
          activatedDomains: result.activatedDomains,
          triageConfidence: result.confidence,
        },
        correlationId,
      },
    ]);
    return result;
  });
}

export interface SpecialistWorkerOptions {
  visibilityTimeoutSeconds: number;
  /** Consecutive empty receives before the worker exits (scale to zero). */
  emptyPollsBeforeExit: number;
  waitSeconds: number;
  /** How long a SIGTERM waits for the message in progress before releasing it. */
  stopGraceMs: number;
  /** Test hook: a pause inside each analysis (AGENT_TEST_DELAY_MS). */
  analysisDelayMs?: number;
}

/** Specialist mode: receive, skip if done, analyse, write, delete; extend visibility while working. */
export class SpecialistWorker {
  private stopping = false;
  private current?: ReceivedMessage;
  processed = 0;

  constructor(
    private readonly ctx: AppContext,
    private readonly opts: SpecialistWorkerOptions,
  ) {}

  /** SIGTERM: finish the message in progress within the grace time, else release it for another worker. */
  async stop() {
    this.stopping = true;
    const deadline = Date.now() + this.opts.stopGraceMs;
    while (this.current && Date.now() < deadline) await sleep(100);
    if (this.current) {
      logger.warn({ messageId: this.current.messageId }, 'stopping: releasing the message in progress');
      await this.ctx.taskQueue.changeVisibility(this.current.receiptHandle, 0);
    }
  }

  async run(): Promise<number> {
    let empty = 0;
    while (!this.stopping) {
      const [message] = await this.ctx.taskQueue.receive({
        max: 1,
        visibilityTimeoutSeconds: this.opts.visibilityTimeoutSeconds,
        waitSeconds: this.opts.waitSeconds,
      });
      if (!message) {
        if (++empty >= this.opts.emptyPollsBeforeExit) break;
        continue;
      }
      empty = 0;
      if (this.stopping) {
        await this.ctx.taskQueue.changeVisibility(message.receiptHandle, 0);
        break;
      }
      this.current = message;
      try {
        await this.handle(message);
        this.processed++;
      } catch (err) {
        // Leave the message: it becomes visible again after the timeout; the 3rd failed receive dead-letters it.
        logger.error(
          { err, messageId: message.messageId, receiveCount: message.receiveCount },
          'analysis failed',
        );
      } finally {
        this.current = undefined;
      }
    }
    return this.processed;
  }

  private async handle(message: ReceivedMessage) {
    let body: unknown;
    try {
      body = JSON.parse(message.body);
    } catch {
      body = undefined;
    }
    const parsed = schemas.specialistMessage.safeParse(body);
    if (!parsed.success) {
      const reason = `malformed agent message: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
      logger.error({ messageId: message.messageId, reason }, 'message rejected');
      await this.ctx.taskQueue.deadLetter(message, reason);
      await this.ctx.alerter.alert(
        'Agent message rejected',
        `${reason}\n\nMessage: ${message.body.slice(0, 2000)}`,
      );
      return;
    }
    const { assessmentId, domain, correlationId } = parsed.data;
    await withLogContext(
      { assessmentId, domain, correlationId: correlationId ?? undefined, mode: 'specialist' },
      async () => {
        const exists = await this.ctx.db.agentAnalysis.findUnique({
          where: { assessmentId_domain: { assessmentId, domain } },
        });
        if (exists) {
          logger.info('analysis already stored: message skipped');
          await this.ctx.taskQueue.delete(message.receiptHandle);
          return;
        }
        const heartbeat = setInterval(
          () => {
            this.ctx.taskQueue
              .changeVisibility(message.receiptHandle, this.opts.visibilityTimeoutSeconds)
              .catch((err) => logger.warn({ err }, 'could not extend the message visibility'));
          },
          Math.max(1000, (this.opts.visibilityTimeoutSeconds * 1000) / 3),
        );
        try {
          const started = Date.now();
          const { assessment, profile, documents } = await assessmentInputs(this.ctx, assessmentId);
          if (this.opts.analysisDelayMs) await sleep(this.opts.analysisDelayMs);
          const outcome = await analyseDomain(this.ctx, {
            assessmentId,
            domain: domain as DomainId,
            profile,
            answers: assessment.answers,
            documents,
          });
          try {
            await this.ctx.db.agentAnalysis.create({
              data: {
                assessmentId,
                domain,
                healthScore: outcome.analysis.healthScore,
                band: outcome.analysis.band,
                confidence: outcome.analysis.confidence,
                result: outcome.analysis as never,
                source: outcome.source,
                needsReview: outcome.needsReview,
                reviewReason: outcome.reviewReason ?? null,
              },
            });
            emitMetric('AgentTaskDurationSeconds', (Date.now() - started) / 1000, { Domain: domain });
            await recordStage(this.ctx.db, assessmentId, 'domain_analysed', {
              domain,
              analyst: outcome.analysis.analyst,
              healthScore: outcome.analysis.healthScore,
            });
            logger.info(
              { healthScore: outcome.analysis.healthScore, source: outcome.source },
              'analysis stored',
            );
          } catch (err) {
            if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
            logger.info('another worker stored this analysis first');
          }
        } finally {
          clearInterval(heartbeat);
        }
        await this.ctx.taskQueue.delete(message.receiptHandle);
      },
    );
  }
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
