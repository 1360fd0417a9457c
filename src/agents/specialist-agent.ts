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
  SPECIALIST_JSON_SCHEMA,
  SPECIALIST_PERSONAS,
  type Persona,
} from './personas';
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

/** Seeds the twelve specialist prompts (version 1) if they are not there yet. */
export async function seedAgentPrompts(db: AppContext['db']) {
  for (const [domain, p] of Object.entries(SPECIALIST_PERSONAS)) {
    await db.agentPrompt.upsert({
      where: { domain_version: { domain, version: 1 } },
      create: {
        domain,
        version: 1,
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
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const response = await ctx.llm.complete({
        agent: `specialist:${input.domain}`,
        assessmentId: input.assessmentId,
        system: persona.systemPrompt,
        user: buildSpecialistUserPrompt(input),
        schemaName: 'specialist_analysis',
        jsonSchema: SPECIALIST_JSON_SCHEMA,
      });
      // The evidence-derived fields (severity, coverage, £ value, KPIs...) come from the rule model, not the LLM.
      const derived = evidenceDerived(rules());
      const parsed = specialistAnalysisSchema.safeParse({
        ...JSON.parse(response.content),
        ...derived,
        domain: input.domain,
        analyst: persona.name,
      });
      if (!parsed.success) {
        lastProblem = `output did not match the schema: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
        continue;
      }
      const analysis = { ...parsed.data, band: healthBand(parsed.data.healthScore) };
      const gate = confidenceGate(analysis.confidence);
      if (gate === 'rerun' && attempt === 1) {
        lastProblem = `confidence ${analysis.confidence} below 4`;
        continue;
      }
      return {
        analysis,
        source: 'llm',
        needsReview: gate !== 'deliver',
        reviewReason: gate === 'deliver' ? undefined : `confidence ${analysis.confidence}: ${gate}`,
      };
    } catch (err) {
      lastProblem = (err as Error).message;
      break; // the client already retried and the breaker decides; do not hammer it
    }
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
