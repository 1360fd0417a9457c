import { z } from 'zod';
import { DOMAIN_IDS } from './domains';

/** Triage result (DOMAIN.md "Triage"). */
export const TRIAGE_LEVELS = ['critical', 'high', 'moderate', 'low'] as const;
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];

export const domainTriageSchema = z.object({
  domain: z.enum(DOMAIN_IDS),
  /** Weighted score on the 1–5 scale (5 = most critical). */
  score: z.number().min(0).max(5),
  level: z.enum(TRIAGE_LEVELS),
  /** Share of the domain's applicable questions answered (0–1). */
  answeredRatio: z.number().min(0).max(1),
  reason: z.string().optional(),
});

export const triageResultSchema = z.object({
  activatedDomains: z.array(z.enum(DOMAIN_IDS)).min(3).max(5),
  domains: z.array(domainTriageSchema).length(12),
  confidence: z.number().min(0).max(1),
  source: z.enum(['llm', 'rules']),
});
export type DomainTriage = z.infer<typeof domainTriageSchema>;
export type TriageResult = z.infer<typeof triageResultSchema>;

/** Specialist output (DOMAIN.md "Specialist analysis"); validated before it is stored, whatever produced it. */
export const HEALTH_BANDS = ['excellent', 'good', 'warning', 'critical'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

export function healthBand(score: number): HealthBand {
  if (score >= 8) return 'excellent';
  if (score >= 6) return 'good';
  if (score >= 4) return 'warning';
  return 'critical';
}

const level3 = z.enum(['low', 'medium', 'high']);

export const findingSchema = z.object({
  title: z.string().min(3).max(300),
  detail: z.string().min(3).max(2000),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  /** Evidence from answers (question ids) or documents (file names). */
  evidence: z
    .array(
      z.object({
        source: z.enum(['answer', 'follow-up', 'document', 'profile']),
        ref: z.string(),
        quote: z.string().max(1000),
        /** Client-readable origin: the question's wording, the follow-up's prompt, "your stated challenges", a file name. */
        where: z.string().max(400).optional(),
      }),
    )
    .min(1),
});

export const recommendationSchema = z.object({
  id: z.string().min(1),
  domain: z.enum(DOMAIN_IDS),
  horizon: z.enum(['quick-win', '30-90-days', 'strategic']),
  title: z.string().min(3).max(300),
  action: z.string().min(3).max(2000),
  impact: level3,
  effort: level3,
  /** Growth-impact components 0–1: revenue, efficiency, competitive advantage, strategic alignment. */
  scores: z.object({
    revenue: z.number().min(0).max(1),
    efficiency: z.number().min(0).max(1),
    competitive: z.number().min(0).max(1),
    strategic: z.number().min(0).max(1),
  }),
  /** Question ids this recommendation answers. */
  basedOn: z.array(z.string()).default([]),
  /** What the action involves, for validation constraints: hiring, new spend, system changes. */
  tags: z.array(z.enum(['hiring', 'spend', 'system-change', 'process', 'people'])).optional(),
});

export const specialistAnalysisSchema = z.object({
  domain: z.enum(DOMAIN_IDS),
  analyst: z.string().min(1),
  healthScore: z.number().int().min(1).max(10),
  band: z.enum(HEALTH_BANDS),
  summary: z.string().min(10).max(3000),
  findings: z.array(findingSchema).min(3).max(5),
  recommendations: z.array(recommendationSchema).min(1).max(12),
  impact: z.string().min(3).max(2000),
  effort: level3,
  dependencies: z.array(z.object({ domain: z.enum(DOMAIN_IDS), reason: z.string() })).default([]),
  confidence: z.number().int().min(1).max(10),
  /** Version 2 (evidence-led analysis) adds these; version-1 rows lack them and still render. */
  severity: z
    .object({
      /** 0–9, higher is more severe; health = 10 − severity, rounded, 1–10. */
      score: z.number().min(0).max(10),
      drivers: z.array(z.string().max(300)).max(8),
    })
    .optional(),
  /** 0–1: how closely the domain matches what the client said matters (challenges, objectives). */
  relevance: z.number().min(0).max(1).optional(),
  coverage: z
    .object({
      answered: z.number().int().min(0),
      applicable: z.number().int().min(0),
      followUpsAnswered: z.number().int().min(0),
      followUpsInvited: z.number().int().min(0),
      documentsRead: z.number().int().min(0),
    })
    .optional(),
  /** £ range for fixing the domain's problems, with the assumptions; or what to measure first. */
  quantified: z
    .object({
      low: z.number().min(0).nullable(),
      high: z.number().min(0).nullable(),
      assumptions: z.array(z.string().max(500)).max(6),
      measureFirst: z.string().max(500).optional(),
    })
    .optional(),
  /** KPIs with baselines from the answers and documents. */
  kpis: z
    .array(
      z.object({
        name: z.string().max(200),
        baseline: z.string().max(200).optional(),
        source: z.string().max(200).optional(),
      }),
    )
    .max(6)
    .optional(),
  /** Practices already in place (answers of 1–2, documents showing them), so advice never restarts them. */
  practicesInPlace: z.array(z.string().max(300)).max(12).optional(),
});
/**
 * Fields computed from the evidence by src/analysis (never asked of an LLM): the OpenAI specialist's answer is
 * merged with the rule model's values for these.
 */
export const EVIDENCE_DERIVED_FIELDS = [
  'severity',
  'relevance',
  'coverage',
  'quantified',
  'kpis',
  'practicesInPlace',
] as const;

export type Finding = z.infer<typeof findingSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type SpecialistAnalysis = z.infer<typeof specialistAnalysisSchema>;

/** How an analyst is named to the client: honestly, as an AI specialist. */
export function analystLabel(name: string): string {
  return /\bAI\b/.test(name) ? name : `${name} (AI specialist)`;
}

/** Confidence gates (DOMAIN.md): ≥ 8 deliver, 6–7 recommend review, 4–5 require review, < 4 re-run. */
export function confidenceGate(
  confidence: number,
): 'deliver' | 'recommend-review' | 'require-review' | 'rerun' {
  if (confidence >= 8) return 'deliver';
  if (confidence >= 6) return 'recommend-review';
  if (confidence >= 4) return 'require-review';
  return 'rerun';
}

/** A prioritised recommendation (DOMAIN.md "Prioritisation"). */
export interface PrioritisedRecommendation {
  rank: number;
  recommendation: Recommendation;
  impactScore: number;
  feasibilityScore: number;
  synergyScore: number;
  urgencyScore: number;
  priorityScore: number;
}
