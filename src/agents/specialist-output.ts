import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { DOMAIN_IDS } from '../domain/domains';

/**
 * What the OpenAI specialist writes: structured output checked with zod. Its strict JSON schema comes from this
 * definition through the SDK's `zodResponseFormat` (zod 4), so the schema sent and the check made are one thing.
 *
 * The model writes judgement only. Derived here instead: domain, analyst and band (known or computed from the
 * health score), each recommendation's id and domain, each citation's client-readable origin (`where`, from its
 * ref), and the evidence-derived fields (severity, coverage, £ value, KPIs ...) taken from the rule model. No
 * string-length keywords: strict structured outputs accept few; specialistAnalysisSchema checks lengths after.
 */
const level3 = z.enum(['low', 'medium', 'high']);
const unit = z.number().min(0).max(1);

export const llmEvidenceSchema = z.object({
  source: z.enum(['answer', 'follow-up', 'document', 'profile']),
  /** Question id, follow-up id, file name, or "challenges" / "objectives". */
  ref: z.string(),
  /** Words copied exactly from that input. */
  quote: z.string(),
});

export const llmFindingSchema = z.object({
  title: z.string(),
  detail: z.string(),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  evidence: z.array(llmEvidenceSchema).min(1),
});

export const llmRecommendationSchema = z.object({
  horizon: z.enum(['quick-win', '30-90-days', 'strategic']),
  title: z.string(),
  action: z.string(),
  impact: level3,
  effort: level3,
  scores: z.object({ revenue: unit, efficiency: unit, competitive: unit, strategic: unit }),
  basedOn: z.array(z.string()),
  tags: z.array(z.enum(['hiring', 'spend', 'system-change', 'process', 'people'])),
});

export const specialistLlmOutputSchema = z.object({
  healthScore: z.number().int().min(1).max(10),
  summary: z.string(),
  findings: z.array(llmFindingSchema).min(3).max(5),
  recommendations: z.array(llmRecommendationSchema).min(1).max(12),
  impact: z.string(),
  effort: level3,
  dependencies: z.array(z.object({ domain: z.enum(DOMAIN_IDS), reason: z.string() })),
  confidence: z.number().int().min(1).max(10),
});
export type SpecialistLlmOutput = z.infer<typeof specialistLlmOutputSchema>;
export type LlmFinding = z.infer<typeof llmFindingSchema>;

export const SPECIALIST_SCHEMA_NAME = 'specialist_analysis';

/** The strict JSON schema sent to OpenAI (for inspection and tests; the client derives it the same way). */
export const SPECIALIST_JSON_SCHEMA: Record<string, unknown> = zodResponseFormat(
  specialistLlmOutputSchema,
  SPECIALIST_SCHEMA_NAME,
).json_schema.schema as Record<string, unknown>;
