import type { AppContext } from '../context';
import { triageRules, refineTriage } from '../domain/triage';
import { buildTriagePrompt, TRIAGE_JSON_SCHEMA } from './triage-prompt';
import type { TriageResult } from '../domain/analysis';
import type { CompanyProfile } from '../domain/profile';
import { logger } from '../logger';
import { triageWithEvidence } from '../analysis/triage-evidence';
import type { AnalystDocument } from './rule-analyst';

/**
 * The triage agent: DOMAIN.md's rules pick 3–5 domains; with an LLM configured, one call may refine the pick.
 * An invalid or out-of-range LLM answer (or a failed call) falls back to the rule result, with the reason logged.
 */
export async function runTriage(
  ctx: Pick<AppContext, 'llm'>,
  input: {
    assessmentId: string;
    profile: CompanyProfile | null;
    answers: { questionId: string; score: number | null; text: string | null }[];
    /** The uploaded documents with what was read from them (red flags against the benchmarks). */
    documents?: readonly AnalystDocument[];
  },
): Promise<TriageResult> {
  // DOMAIN.md's weighted rules, then the evidence (acute answers, follow-ups, stated challenges, document red flags).
  const rule = triageWithEvidence(triageRules({ profile: input.profile, answers: input.answers }), input);
  if (!ctx.llm) return rule;
  try {
    const prompt = buildTriagePrompt(input.profile, input.answers, rule);
    const response = await ctx.llm.complete({
      agent: 'triage',
      assessmentId: input.assessmentId,
      system: prompt.system,
      user: prompt.user,
      schemaName: 'triage',
      jsonSchema: TRIAGE_JSON_SCHEMA,
    });
    const refined = refineTriage(rule, response.content, input.profile);
    if (!refined.accepted)
      logger.warn({ reason: refined.reason }, 'LLM triage rejected; the rule result stands');
    return refined.result;
  } catch (err) {
    logger.warn({ err }, 'LLM triage call failed; the rule result stands');
    return rule;
  }
}
