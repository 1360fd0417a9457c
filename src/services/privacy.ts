import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import type { Db } from '../db/client';
import type { ObjectStore } from '../ports';
import { AppError } from '../errors';
import { logger } from '../logger';
import { followUpById, questionById } from '../domain/questionnaire';

/**
 * A client's own data under UK GDPR: access (a zip of everything ScaleMap holds about them, with a JSON manifest)
 * and erasure (documents and deliverables removed from the object store, the user removed from the pool, personal
 * fields erased; a paid invoice kept for accounting and said so). The erasure log records who, when and what —
 * counts and kinds, never the erased content. The retention job deletes documents of completed assessments after
 * the retention period and records that in the same log.
 */

/** What an erased account's `cognito_sub` becomes: a hash, so a token issued before the erasure finds no account. */
export const erasedSub = (sub: string) => `erased:${createHash('sha256').update(sub).digest('hex')}`;

/** Statuses of an assessment that the pipeline is working on: the account cannot be erased mid-run. */
export const IN_PIPELINE = [
  'submitted',
  'triaging',
  'analysing',
  'summary_delivered',
  'report_delivered',
  'awaiting_validation',
] as const;

const STAGE_FILE: Record<string, string> = {
  executive_summary: 'executive-summary',
  detailed_report: 'detailed-report',
  implementation_kits: 'implementation-kits',
};

const safeName = (name: string) =>
  name
    .replace(/[/\\]/g, '_')
    .replace(/\p{Cc}/gu, '')
    .replace(/^\.+/, '_')
    .slice(0, 150) || 'file';

/** The export: a zip with manifest.json, profile, assessments (answers, documents, deliverables, emails, validation). */
export async function exportUserData(
  db: Db,
  store: ObjectStore,
  userId: string,
  now = new Date(),
): Promise<{ zip: Buffer; fileName: string; manifest: ExportManifest }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      profile: true,
      payments: { orderBy: { createdAt: 'asc' } },
      assessments: {
        orderBy: { createdAt: 'asc' },
        include: {
          answers: { orderBy: { questionId: 'asc' } },
          documents: { orderBy: { createdAt: 'asc' } },
          deliverables: true,
          validation: true,
          emails: { orderBy: { sentAt: 'asc' } },
          triage: true,
          analyses: { orderBy: { domain: 'asc' } },
        },
      },
    },
  });
  const zip = new JSZip();
  const files: ExportManifest['files'] = [];
  const add = (path: string, body: string | Buffer, description: string) => {
    zip.file(path, body);
    files.push({ path, description, bytes: Buffer.byteLength(body) });
  };
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  add(
    'account.json',
    json({
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      createdAt: user.createdAt.toISOString(),
    }),
    'Your account',
  );
  if (user.profile) {
    const { id: _id, userId: _u, ...profile } = user.profile;
    add('profile.json', json(profile), 'Your company profile');
  }
  add(
    'payments.json',
    json(
      user.payments.map((p) => ({
        assessmentId: p.assessmentId,
        amountPence: p.amountPence,
        currency: p.currency,
        status: p.status,
        paidAt: p.paidAt?.toISOString() ?? null,
      })),
    ),
    'Your payments',
  );
  const missing: string[] = [];
  for (const [i, a] of user.assessments.entries()) {
    const dir = `assessments/${i + 1}-${a.createdAt.toISOString().slice(0, 10)}`;
    add(
      `${dir}/assessment.json`,
      json({
        id: a.id,
        status: a.status,
        createdAt: a.createdAt.toISOString(),
        submittedAt: a.submittedAt?.toISOString() ?? null,
        completedAt: a.completedAt?.toISOString() ?? null,
        profileAtSubmission: a.profileSnapshot,
        triage: a.triage
          ? { activatedDomains: a.triage.activatedDomains, confidence: a.triage.confidence }
          : null,
        analyses: a.analyses.map((x) => ({ domain: x.domain, healthScore: x.healthScore, result: x.result })),
      }),
      'The assessment, its triage and analyses',
    );
    add(
      `${dir}/answers.json`,
      json(
        a.answers.map((x) => ({
          questionId: x.questionId,
          question: questionById(x.questionId)?.prompt ?? followUpById(x.questionId)?.followUp.prompt ?? null,
          score: x.score,
          text: x.text,
        })),
      ),
      'Your answers',
    );
    if (a.validation)
      add(`${dir}/validation.json`, json(a.validation.response), 'Your validation of the report');
    add(
      `${dir}/emails.json`,
      json(a.emails.map((e) => ({ to: e.toAddress, subject: e.subject, sentAt: e.sentAt.toISOString() }))),
      'Emails sent to you',
    );
    const used = new Set<string>();
    for (const d of a.documents) {
      let name = safeName(d.fileName);
      for (let n = 2; used.has(name); n++) name = `${n}-${safeName(d.fileName)}`;
      used.add(name);
      try {
        add(`${dir}/documents/${name}`, await store.get(d.objectKey), `Document you uploaded: ${d.fileName}`);
      } catch (err) {
        logger.warn({ err, documentId: d.id }, 'export: document object missing');
        missing.push(`${dir}/documents/${name}`);
      }
    }
    for (const d of a.deliverables) {
      const path = `${dir}/deliverables/${STAGE_FILE[d.stage] ?? d.stage}${d.format === 'svg' ? '-heatmap' : ''}.${d.format}`;
      try {
        add(path, await store.get(d.objectKey), 'Deliverable');
      } catch (err) {
        logger.warn({ err, deliverableId: d.id }, 'export: deliverable object missing');
        missing.push(path);
      }
    }
  }
  const manifest: ExportManifest = {
    format: 'scalemap-export/1',
    exportedAt: now.toISOString(),
    account: user.email,
    assessments: user.assessments.length,
    files,
    unavailable: missing,
  };
  zip.file('manifest.json', json(manifest));
  const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { zip: body, fileName: `scalemap-data-${now.toISOString().slice(0, 10)}.zip`, manifest };
}

export interface ExportManifest {
  format: 'scalemap-export/1';
  exportedAt: string;
  account: string;
  assessments: number;
  files: Array<{ path: string; description: string; bytes: number }>;
  unavailable: string[];
}

export interface ErasureSummary {
  removed: Record<string, number>;
  kept: Array<{ what: string; reason: string; count: number }>;
}

interface UserPool {
  removeFromPool(email: string): Promise<'removed' | 'already-absent'>;
}

/** 409 while an assessment is in the pipeline, saying when the account can be deleted. */
async function assertNotInPipeline(db: Db, userId: string) {
  const running = await db.assessment.findMany({
    where: { userId, status: { in: [...IN_PIPELINE] } },
    select: { id: true, status: true, kitsDueAt: true },
  });
  if (running.length === 0) return;
  const latest = running
    .map((a) => a.kitsDueAt)
    .filter((d): d is Date => d !== null)
    .sort((x, y) => y.getTime() - x.getTime())[0];
  throw new AppError(
    409,
    'assessment_in_progress',
    latest
      ? `Your assessment is being prepared. You can delete your account once the implementation kits are delivered, after ${latest.toISOString().slice(0, 16).replace('T', ' ')} UTC.`
      : 'Your assessment is being prepared. You can delete your account once it is complete.',
    { canDeleteAfter: latest?.toISOString() ?? null, assessments: running.map((a) => a.id) },
  );
}

/**
 * Erases a client's account. Order: objects, then the user pool, then one database transaction (personal fields
 * blanked, rows deleted, the log written). Each step is idempotent, so a failure part-way is fixed by asking again.
 */
export async function eraseAccount(
  db: Db,
  store: ObjectStore,
  pool: UserPool,
  userId: string,
  actor: 'client' | 'founder' = 'client',
): Promise<ErasureSummary> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.erasedAt) throw new AppError(404, 'not_found', 'Account not found');
  await assertNotInPipeline(db, userId);
  const assessments = await db.assessment.findMany({
    where: { userId },
    include: {
      documents: { select: { objectKey: true } },
      deliverables: { select: { objectKey: true } },
      payments: { select: { status: true } },
      _count: { select: { answers: true, emails: true, analyses: true } },
    },
  });
  let objects = 0;
  for (const a of assessments)
    for (const o of [...a.documents, ...a.deliverables]) {
      await store.delete(o.objectKey);
      objects++;
    }
  const poolResult = await pool.removeFromPool(user.email);
  const paid = new Set(
    assessments.filter((a) => a.payments.some((p) => p.status === 'paid')).map((a) => a.id),
  );
  const keptInvoices = await db.payment.count({ where: { userId, status: 'paid' } });
  const removed: Record<string, number> = {
    documents: assessments.reduce((s, a) => s + a.documents.length, 0),
    deliverables: assessments.reduce((s, a) => s + a.deliverables.length, 0),
    objects,
    answers: assessments.reduce((s, a) => s + a._count.answers, 0),
    analyses: assessments.reduce((s, a) => s + a._count.analyses, 0),
    emails: assessments.reduce((s, a) => s + a._count.emails, 0),
    assessments: assessments.length,
    profile: 1,
    userPoolAccount: poolResult === 'removed' ? 1 : 0,
  };
  const kept: ErasureSummary['kept'] = keptInvoices
    ? [
        {
          what: 'paid invoice',
          reason:
            'Kept for accounting (amount, date and payment reference only; no name, email or assessment content).',
          count: keptInvoices,
        },
      ]
    : [];
  const ids = assessments.map((a) => a.id);
  const keptIds = [...paid];
  await db.$transaction([
    db.answer.deleteMany({ where: { assessmentId: { in: ids } } }),
    db.document.deleteMany({ where: { assessmentId: { in: ids } } }),
    db.deliverable.deleteMany({ where: { assessmentId: { in: ids } } }),
    db.agentAnalysis.deleteMany({ where: { assessmentId: { in: ids } } }),
    db.triageResult.deleteMany({ where: { assessmentId: { in: ids } } }),
    db.validation.deleteMany({ where: { assessmentId: { in: ids } } }),
    db.emailSent.deleteMany({ where: { assessmentId: { in: ids } } }),
    db.stageEvent.deleteMany({ where: { assessmentId: { in: ids } } }),
    db.pipelineExecution.deleteMany({ where: { assessmentId: { in: ids } } }),
    db.payment.deleteMany({ where: { userId, status: { not: 'paid' } } }),
    db.assessment.deleteMany({ where: { userId, id: { notIn: keptIds } } }),
    // An assessment a paid invoice refers to stays as a bare record: dates and status, no content.
    db.$executeRaw`UPDATE assessments SET profile_snapshot = NULL, final_priorities = NULL, failure_reason = NULL,
      correlation_id = NULL WHERE id = ANY(${keptIds}::uuid[])`,
    db.companyProfile.deleteMany({ where: { userId } }),
    db.$executeRaw`DELETE FROM session WHERE sess -> 'user' ->> 'id' = ${userId}`,
    db.user.update({
      where: { id: userId },
      data: {
        email: `erased-${userId}@erased.invalid`,
        cognitoSub: erasedSub(user.cognitoSub),
        firstName: '',
        lastName: '',
        erasedAt: new Date(),
      },
    }),
    db.erasureRecord.create({ data: { userId, actor, removed, kept: kept as never } }),
    // Every API task drops its cached sessions and security state of this user at commit (read-cache.ts).
    db.$executeRaw`SELECT pg_notify('scalemap_cache', ${`u:${userId}`})`,
  ]);
  return { removed, kept };
}

/** The founder console's erasure log: who (pseudonymous id), when, by whom, counts removed, what was kept. */
export async function erasureLog(db: Db, take = 200) {
  const rows = await db.erasureRecord.findMany({ orderBy: { createdAt: 'desc' }, take });
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    actor: r.actor,
    at: r.createdAt.toISOString(),
    removed: r.removed as Record<string, number>,
    kept: r.kept as ErasureSummary['kept'],
  }));
}

/**
 * Retention: documents of assessments completed more than `months` ago are deleted (object and row); the
 * deliverables stay. One log record per run that deleted something.
 */
export async function purgeExpiredDocuments(
  db: Db,
  store: ObjectStore,
  opts: { months: number; now?: Date },
): Promise<{ documents: number; assessments: number; cutoff: string }> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - opts.months);
  const docs = await db.document.findMany({
    where: { assessment: { status: 'completed', completedAt: { lt: cutoff } } },
    select: { id: true, objectKey: true, assessmentId: true },
  });
  for (const d of docs) {
    await store.delete(d.objectKey);
    await db.document.delete({ where: { id: d.id } });
  }
  const assessments = new Set(docs.map((d) => d.assessmentId)).size;
  if (docs.length)
    await db.erasureRecord.create({
      data: {
        actor: 'retention',
        removed: { documents: docs.length, objects: docs.length, assessments },
        kept: [
          {
            what: 'deliverables',
            reason: `Documents of assessments completed before ${cutoff.toISOString().slice(0, 10)} (${opts.months} months) deleted`,
            count: 0,
          },
        ],
      },
    });
  return { documents: docs.length, assessments, cutoff: cutoff.toISOString() };
}
