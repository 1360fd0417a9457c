/**
 * `npm run bench:tokens -- --assessments N` (default 20): the specialist prompt tokens per assessment, for the
 * activated specialists against running all twelve (applicable) ones, without running the pipeline. The clients are
 * the pipeline bench's (same profiles and weak domains), triaged by the same rules, each prompt built with the four
 * real documents of scripts/bench/documents-fixture.ts. It prints where the tokens go, per block of the prompt, for
 * activated and for non-activated domains. `npm run bench:pipeline` prints the same token line from its own triage.
 *
 * What is counted is what one chat completion sends (gpt-tokenizer, o200k as for gpt-4o): the system message, the
 * user message, the chat framing (3 tokens a message and 3 to prime the reply, OpenAI's counting guide) and,
 * separately, the structured-output schema (its JSON; OpenAI adds it to the prompt tokens, in its own wording).
 */
import '../../src/local/quiet';
import { encode } from 'gpt-tokenizer';
import { runTriage } from '../../src/agents/triage-agent';
import {
  specialistPromptLines,
  SPECIALIST_PERSONAS,
  type PromptBlock,
  type SpecialistPromptInput,
} from '../../src/agents/personas';
import { SPECIALIST_JSON_SCHEMA } from '../../src/agents/specialist-output';
import { answersFor } from '../../src/local/sample-data';
import { applicableDomains } from '../../src/domain/questionnaire';
import { profileSchema, type CompanyProfile } from '../../src/domain/profile';
import { DOMAIN_IDS, type DomainId } from '../../src/domain/domains';
import type { AnalystAnswer, AnalystDocument } from '../../src/agents/rule-analyst';
import { benchDocuments } from './documents-fixture';

/** The pipeline bench's clients: weak domains and profiles cycle with the client's index. */
export const WEAK_SETS = [
  ['financial-management', 'revenue-engine', 'people-organization'],
  ['technology-data', 'operational-excellence'],
  ['customer-experience', 'customer-success', 'partnerships', 'strategic-alignment'],
  ['change-management', 'people-organization', 'strategic-alignment', 'financial-management'],
];
const PROFILES = [
  { industry: 'professional-services', regulated: false },
  { industry: 'saas', regulated: false },
  { industry: 'financial-services', regulated: true },
  { industry: 'manufacturing', regulated: false, hasPhysicalProducts: true },
];

export function benchProfile(i: number): CompanyProfile {
  return profileSchema.parse({
    companyName: `Bench Co ${i + 1}`,
    revenueBand: '5m-10m',
    teamSize: '51-100',
    businessModel: 'b2b',
    growthStage: 'scaling',
    hasPhysicalProducts: false,
    challenges: 'Growth is outpacing our systems.',
    objectives: 'Scale without breaking.',
    ...PROFILES[i % PROFILES.length],
  });
}

/** Chat framing per completion: 3 tokens for each of the two messages and 3 priming the reply. */
export const CHAT_FRAMING_TOKENS = 9;
/** The structured-output schema, sent with every specialist call. */
export const SCHEMA_TOKENS = encode(JSON.stringify(SPECIALIST_JSON_SCHEMA)).length;

type Part = 'system' | PromptBlock | 'framing';
const PARTS: Part[] = [
  'system',
  'profile',
  'concerns',
  'follow-ups',
  'strengths',
  'unanswered',
  'documents',
  'framing',
];

export interface TokenClient {
  profile: CompanyProfile;
  answers: readonly AnalystAnswer[];
  activated: readonly string[];
}

interface Tally {
  prompts: number;
  /** Exact tokens of the two messages plus the framing (no schema). */
  total: number;
  parts: Record<Part, number>;
}

const tally = (): Tally => ({
  prompts: 0,
  total: 0,
  parts: Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>,
});

/** Tokens of one specialist call, per part; the blocks' lines are counted with their newline. */
export function specialistCallTokens(system: string, input: SpecialistPromptInput) {
  const lines = specialistPromptLines(input);
  const parts = Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>;
  parts.system = encode(system).length;
  parts.framing = CHAT_FRAMING_TOKENS;
  for (const l of lines) parts[l.block] += encode(`${l.text}\n`).length;
  const user = encode(lines.map((l) => l.text).join('\n')).length;
  return { parts, total: parts.system + user + CHAT_FRAMING_TOKENS };
}

/**
 * The token report: per assessment, the activated specialists' calls against all applicable twelve, with and
 * without the schema, and where the tokens go per block (mean per prompt) for activated and non-activated domains.
 */
export function promptTokenReport(
  clients: readonly TokenClient[],
  documents: readonly AnalystDocument[],
  systemPrompt: (domain: DomainId) => string = (d) => SPECIALIST_PERSONAS[d].systemPrompt,
) {
  const activated = tally();
  const others = tally();
  for (const c of clients) {
    for (const domain of DOMAIN_IDS.filter((x) => applicableDomains(c.profile).includes(x))) {
      const { parts, total } = specialistCallTokens(systemPrompt(domain), {
        domain,
        profile: c.profile,
        answers: c.answers,
        documents,
      });
      const t = c.activated.includes(domain) ? activated : others;
      t.prompts++;
      t.total += total;
      for (const p of PARTS) t.parts[p] += parts[p];
    }
  }
  const n = clients.length;
  const all = activated.total + others.total;
  const withSchema = (t: Tally) => t.total + t.prompts * SCHEMA_TOKENS;
  const ratio = activated.total / all;
  const ratioWithSchema = withSchema(activated) / (withSchema(activated) + withSchema(others));
  const mean = (t: Tally, p: Part) => (t.prompts ? t.parts[p] / t.prompts : 0).toFixed(0).padStart(6);
  const lines = [
    `specialist prompt tokens/assessment  ${(activated.total / n).toFixed(0)} activated vs ${(all / n).toFixed(0)} all twelve: ${(ratio * 100).toFixed(1)}% (${activated.prompts} of ${activated.prompts + others.prompts} prompts; messages and framing, PRD expects 50–60% fewer)`,
    `  with the ${SCHEMA_TOKENS}-token output schema each call sends: ${(withSchema(activated) / n).toFixed(0)} vs ${((withSchema(activated) + withSchema(others)) / n).toFixed(0)}: ${(ratioWithSchema * 100).toFixed(1)}%`,
    `  mean tokens per prompt by block:     ${'activated'.padStart(9)} ${'others'.padStart(7)}`,
    ...PARTS.map(
      (p) => `    ${p.padEnd(34)} ${mean(activated, p).padStart(9)} ${mean(others, p).padStart(7)}`,
    ),
    `    ${'total (exact)'.padEnd(34)} ${(activated.total / Math.max(1, activated.prompts)).toFixed(0).padStart(9)} ${(others.total / Math.max(1, others.prompts)).toFixed(0).padStart(7)}`,
  ];
  return { activated: activated.total / n, all: all / n, ratio, ratioWithSchema, lines };
}

/** The bench's N clients with their complete answers and rule triage (what the pipeline stores without an LLM). */
export async function benchClients(n: number): Promise<TokenClient[]> {
  const out: TokenClient[] = [];
  for (let i = 0; i < n; i++) {
    const profile = benchProfile(i);
    const answers = answersFor(profile, WEAK_SETS[i % WEAK_SETS.length]).map((a) => ({
      questionId: a.questionId,
      score: a.score ?? null,
      text: a.text ?? null,
    }));
    const triage = await runTriage({}, { assessmentId: `bench-${i}`, profile, answers });
    out.push({ profile, answers, activated: triage.activatedDomains });
  }
  return out;
}

async function main() {
  const i = process.argv.indexOf('--assessments');
  const n = i > 0 ? Number(process.argv[i + 1]) : 20;
  const report = promptTokenReport(await benchClients(n), await benchDocuments());
  process.stdout.write(`${n} bench assessments, four real documents\n${report.lines.join('\n')}\n`);
  if (process.argv.includes('--show')) {
    const c = (await benchClients(1))[0];
    for (const domain of c.activated.slice(0, 1) as DomainId[])
      process.stdout.write(
        `\n--- system (${domain})\n${SPECIALIST_PERSONAS[domain].systemPrompt}\n--- user\n${specialistPromptLines(
          { domain, profile: c.profile, answers: c.answers, documents: await benchDocuments() },
        )
          .map((l) => l.text)
          .join('\n')}\n`,
      );
  }
}

if (require.main === module)
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
