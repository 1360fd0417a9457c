import type { AppContext } from '../context';
import {
  specialistAnalysisSchema,
  triageResultSchema,
  type PrioritisedRecommendation,
} from '../domain/analysis';
import type { CompanyProfile } from '../domain/profile';
import { validationSchema } from '../domain/validation';
import type { DeliveryContext } from '../delivery';
import { loadProfile } from '../services/profiles';
import { prioritise } from '../domain/prioritisation';
import { storedDocumentReadings } from '../services/document-readings';

/** The priorities as stored on the assessment (final_priorities) and shown to the client. */
export interface StoredPriority {
  rank: number;
  recommendationId: string;
  domain: string;
  title: string;
  item: PrioritisedRecommendation;
}

export function toStoredPriorities(items: PrioritisedRecommendation[]): StoredPriority[] {
  return items.map((item, i) => ({
    rank: i + 1,
    recommendationId: item.recommendation.id,
    domain: item.recommendation.domain,
    title: item.recommendation.title,
    item,
  }));
}

/** Everything the delivery composers need, read from the database (the composers themselves do no I/O). */
export async function loadDeliveryContext(
  ctx: Pick<AppContext, 'db' | 'config'>,
  assessmentId: string,
  opts: { priorities?: PrioritisedRecommendation[] } = {},
): Promise<DeliveryContext> {
  const a = await ctx.db.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    include: { user: { include: { profile: true } }, triage: true, analyses: true, validation: true },
  });
  if (!a.triage) throw new Error(`assessment ${assessmentId} has no triage result`);
  if (!a.submittedAt || !a.summaryDueAt || !a.reportDueAt || !a.kitsDueAt)
    throw new Error(`assessment ${assessmentId} has no due times`);
  const profile = (a.profileSnapshot as CompanyProfile | null) ?? (await loadProfile(ctx.db, a.userId));
  const triage = triageResultSchema.parse({
    activatedDomains: a.triage.activatedDomains,
    domains: a.triage.domainScores,
    confidence: a.triage.confidence,
    source: a.triage.source,
  });
  const analyses = a.analyses.map((x) => specialistAnalysisSchema.parse(x.result));
  const stored = (a.finalPriorities as StoredPriority[] | null) ?? [];
  return {
    assessmentId: a.id,
    companyName: profile?.companyName ?? a.user.profile?.companyName ?? 'your company',
    clientFirstName: a.user.firstName,
    profile,
    submittedAt: a.submittedAt,
    dueTimes: {
      executiveSummary: a.summaryDueAt,
      detailedReport: a.reportDueAt,
      implementationKits: a.kitsDueAt,
    },
    triage,
    analyses,
    priorities: opts.priorities ?? stored.map((p) => p.item),
    validation: a.validation ? validationSchema.parse(a.validation.response) : null,
    validatedAt: a.validation?.createdAt ?? null,
    // Deterministic: the same analyses and triage give the priorities the report showed.
    reportPriorities: prioritise(analyses, { triage }),
    documents: await storedDocumentReadings(ctx.db, a.id),
    appUrl: (ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`).replace(/\/$/, ''),
  };
}
