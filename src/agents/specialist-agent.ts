import type { AppContext } from '../context';
import type { DomainId } from '../domain/domains';
import {
  confidenceGate,
  EVIDENCE_DERIVED_FIELDS,
  healthBand,
  specialistAnalysisSchema,
  type SpecialistAnalysis,
} from '../domain/analysis';
import type { CompanyProfile } from '../domain/profile';
import { analyseDomainByRules, type AnalystAnswer, type AnalystDocument } from './rule-analyst';
import {
  buildSpecialistUserPrompt,
  SPECIALIST_PERSONAS,
  SPECIALIST_PROMPT_VERSION,
  type Persona,
} from './personas';
import { guardSpecialistOutput, indexInputs } from './evidence-guard';
import { InvalidLlmOutputError } from './llm-client';
import {
  SPECIALIST_SCHEMA_NAME,
  specialistLlmOutputSchema,
  type SpecialistLlmOutput,
} from './specialist-output';
import { MIN_FINDINGS } from './rule-analyst';
import { logger } from '../logger';

function evidenceDerived(a: SpecialistAnalysis): Partial<SpecialistAnalysis> {
  const out: Record<string, unknown> = {};
  for (const k of EVIDENCE_DERIVED_FIELDS) if (a[k] !== undefined) out[k] = a[k];
  return out as Partial<SpecialistAnalysis>;
}

export interface SpecialistOutcome {
  analysis: SpecialistAnalysis;
  source: 'llm' | 'rules';
  needsReview: boolean;
  reviewReason?: string;
}

/** The persona and prompt for a domain, from the agent_prompts table (seeded from SPECIALIST_PERSONAS). */
export async function loadPersona(db: AppContext['db'], domain: DomainId): Promise<Persona> {
  const row = await db.agentPrompt.findFirst({
    where: { domain, active: true },
    orderBy: { version: 'desc' },
  });
  if (!row) return SPECIALIST_PERSONAS[domain];
  return {
    name: row.personaName,
    background: row.background,
    style: row.style,
    systemPrompt: row.systemPrompt,
  };
}

/** Seeds the twelve specialist prompts (version SPECIALIST_PROMPT_VERSION) if they are not there yet. */
export async function seedAgentPrompts(db: AppContext['db']) {
  for (const [domain, p] of Object.entries(SPECIALIST_PERSONAS)) {
    await db.agentPrompt.upsert({
      where: { domain_version: { domain, version: SPECIALIST_PROMPT_VERSION } },
      create: {
        domain,
        version: SPECIALIST_PROMPT_VERSION,
        personaName: p.name,
        background: p.background,
        style: p.style,
        systemPrompt: p.systemPrompt,
      },
      update: {},
    });
  }
}

/**
 * One specialist analysis. With an LLM: the persona's prompt from the database, structured JSON output checked
 * against the schema; a low-confidence answer is asked again once. When the LLM is missing, failing (retries,
 * breaker) or keeps answering badly, the rule-based analyst writes it, and an LLM failure flags it for founder review.
 */
export async function analyseDomain(
  ctx: Pick<AppContext, 'llm' | 'db'>,
  input: {
    assessmentId: string;
    domain: DomainId;
    profile: CompanyProfile | null;
    answers: AnalystAnswer[];
    documents: AnalystDocument[];
  },
): Promise<SpecialistOutcome> {
  const persona = await loadPersona(ctx.db, input.domain);
  const rules = () => analyseDomainByRules({ ...input, persona });
  if (!ctx.llm) {
    const analysis = rules();
    const gate = confidenceGate(analysis.confidence);
    return gate === 'deliver' || gate === 'recommend-review'
      ? {
          analysis,
          source: 'rules',
          needsReview: gate === 'recommend-review',
          reviewReason:
            gate === 'recommend-review' ? 'confidence 6–7: founder review recommended' : undefined,
        }
      : {
          analysis,
          source: 'rules',
          needsReview: true,
          reviewReason: `confidence ${analysis.confidence}: founder review required`,
        };
  }
  let lastProblem = '';
  const index = indexInputs({ ...input, instructions: persona.systemPrompt });
  for (let attempt = 1; attempt <= 2; attempt++) {
    let output: SpecialistLlmOutput;
    try {
      const response = await ctx.llm.complete({
        agent: `specialist:${input.domain}`,
        assessmentId: input.assessmentId,
        system: persona.systemPrompt,
        user: buildSpecialistUserPrompt(input),
        schemaName: SPECIALIST_SCHEMA_NAME,
        schema: specialistLlmOutputSchema,
      });
      output = response.parsed ?? specialistLlmOutputSchema.parse(JSON.parse(response.content));
    } catch (err) {
      lastProblem = (err as Error).message;
      // A malformed answer is asked again once; a failed call is not (the client retried, the breaker decides).
      if (err instanceof InvalidLlmOutputError) continue;
      break;
    }
    // The evidence guard: findings with an unknown source, a quote or a figure not in the inputs are dropped.
    const guard = guardSpecialistOutput(output, index);
    for (const d of guard.dropped)
      logger.warn(
        { assessmentId: input.assessmentId, domain: input.domain, finding: d.title, reason: d.reason },
        'evidence guard dropped an LLM finding',
      );
    if (guard.findings.length < MIN_FINDINGS) {
      lastProblem = `evidence guard kept ${guard.findings.length} of ${output.findings.length} findings (${guard.dropped[0]?.reason ?? 'none'})`;
      continue;
    }
    const ruleAnalysis = rules();
    for (const [field, problem] of [
      ['summary', guard.summaryProblem],
      ['impact', guard.impactProblem],
    ] as const)
      if (problem)
        logger.warn(
          { assessmentId: input.assessmentId, domain: input.domain, field, reason: problem },
          'evidence guard replaced an LLM text with the rule model’s',
        );
    const known = new Set(index.refs.keys());
    const parsed = specialistAnalysisSchema.safeParse({
      domain: input.domain,
      analyst: persona.name,
      healthScore: output.healthScore,
      band: healthBand(output.healthScore),
      summary: guard.summaryProblem ? ruleAnalysis.summary : output.summary,
      findings: guard.findings,
      recommendations: output.recommendations.map((r, i) => {
        const basedOn = r.basedOn.filter((id) => known.has(id.toLowerCase()));
        return { ...r, id: `${input.domain}:${basedOn[0] ?? 'llm'}:${i + 1}`, domain: input.domain, basedOn };
      }),
      impact: guard.impactProblem ? ruleAnalysis.impact : output.impact,
      effort: output.effort,
      dependencies: output.dependencies.filter((d) => d.domain !== input.domain),
      confidence: output.confidence,
      // The evidence-derived fields (severity, coverage, £ value, KPIs...) come from the rule model, not the LLM.
      ...evidenceDerived(ruleAnalysis),
    });
    if (!parsed.success) {
      lastProblem = `output did not match the schema: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
      continue;
    }
    const analysis = parsed.data;
    const gate = confidenceGate(analysis.confidence);
    if (gate === 'rerun' && attempt === 1) {
      lastProblem = `confidence ${analysis.confidence} below 4`;
      continue;
    }
    const droppedNote = guard.dropped.length
      ? `; evidence guard dropped ${guard.dropped.length} finding${guard.dropped.length === 1 ? '' : 's'}`
      : '';
    return {
      analysis,
      source: 'llm',
      needsReview: gate !== 'deliver' || guard.dropped.length > 0,
      reviewReason:
        gate === 'deliver' && !droppedNote
          ? undefined
          : `confidence ${analysis.confidence}: ${gate}${droppedNote}`.slice(0, 500),
    };
  }
  logger.warn(
    { domain: input.domain, problem: lastProblem },
    'LLM specialist unavailable; rule-based analyst used',
  );
  return {
    analysis: rules(),
    source: 'rules',
    needsReview: true,
    reviewReason: `LLM fallback: ${lastProblem}`.slice(0, 500),
  };
}
