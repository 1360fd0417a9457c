import { encode } from 'gpt-tokenizer';
import type { TriageResult } from '../domain/analysis';
import { DOMAINS, DOMAIN_IDS } from '../domain/domains';
import { profileFacts, type CompanyProfile, type ProfileFacts } from '../domain/profile';
import { ALL_QUESTIONS, isApplicable, isValidScore } from '../domain/questionnaire';
import type { Question } from '../domain/questionnaire/types';
import { lockedDomains, MAX_ACTIVATED, MIN_ACTIVATED, type AnswerInput } from '../domain/triage';

/**
 * The triage LLM prompt. It lives in src/agents, not src/domain, because counting tokens needs gpt-tokenizer
 * (about 2.8 MB): only the agent bundle that calls the LLM carries it.
 */

export const TRIAGE_SYSTEM_PROMPT = [
  'You are the triage lead of ScaleMap, an operational assessment for founders of scaling companies.',
  'From a questionnaire (1 = strength, 3 = average, 5 = serious concern) across twelve operational domains,',
  'choose the 3 to 5 domains whose specialist analysts should run: the ones where fixing the weaknesses',
  'would unlock the most growth. Running fewer specialists keeps the assessment affordable, so do not pad.',
  'A rule engine has scored each domain (0 = not applicable, otherwise 1–5 after industry and linked-domain',
  'weighting) and proposed a selection. Keep every domain it marks as locked; never choose a domain scored 0.',
  'You may swap the unlocked ones when the answers, follow-up notes or the founder’s challenges show a',
  'better choice. Write one reason per chosen domain (one or two sentences, UK English, citing topics',
  'and scores). Reply only with JSON: {"activatedDomains": [ids], "reasons": [{"domain", "reason"}],',
  '"confidence": 0–1}.',
].join(' ');

export const TRIAGE_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: ['activatedDomains', 'reasons', 'confidence'],
  properties: {
    activatedDomains: {
      type: 'array',
      items: { type: 'string', enum: [...DOMAIN_IDS] },
      minItems: MIN_ACTIVATED,
      maxItems: MAX_ACTIVATED,
    },
    reasons: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['domain', 'reason'],
        properties: { domain: { type: 'string', enum: [...DOMAIN_IDS] }, reason: { type: 'string' } },
      },
    },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
  },
};

/** Token budget for the triage user prompt (the system prompt adds about 250). */
export const TRIAGE_PROMPT_TOKEN_BUDGET = 4200;

const oneLine = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

function renderProfile(profile: CompanyProfile | null, textMax: number): string[] {
  if (!profile) return ['Company: no profile given.'];
  const f = profileFacts(profile);
  const flags = (Object.keys(f) as (keyof ProfileFacts)[]).filter((k) => f[k]);
  const lines = [
    `Company: ${oneLine(profile.companyName, 80)} | industry ${profile.industry} | revenue ${profile.revenueBand} | ` +
      `team ${profile.teamSize} | ${profile.businessModel} | ${profile.growthStage}`,
    `Facts: ${flags.length ? flags.join(', ') : 'none'}`,
  ];
  if (profile.challenges) lines.push(`Challenges: ${oneLine(profile.challenges, textMax)}`);
  if (profile.objectives) lines.push(`Objectives: ${oneLine(profile.objectives, textMax)}`);
  return lines;
}

function renderTriageUser(
  profile: CompanyProfile | null,
  answers: readonly AnswerInput[],
  rule: TriageResult,
  questions: readonly Question[],
  limits: { followUp: number; profileText: number; labels: boolean },
): string {
  const facts = profileFacts(profile);
  const scoreById = new Map<string, number>();
  const textById = new Map<string, string>();
  for (const a of answers) {
    if (isValidScore(a.score)) scoreById.set(a.questionId, a.score);
    if (a.text && a.text.trim()) textById.set(a.questionId, a.text);
  }
  const locked = lockedDomains(rule, profile);
  const lines = [...renderProfile(profile, limits.profileText)];
  lines.push(
    `Rule selection: ${rule.activatedDomains.join(', ')} | locked: ${locked.length ? locked.join(', ') : 'none'} | ` +
      `rule confidence ${rule.confidence}`,
  );
  for (const d of DOMAINS) {
    const t = rule.domains.find((x) => x.domain === d.id)!;
    if (t.score < 1) {
      lines.push(`\n## ${d.id}: not applicable (score 0)`);
      continue;
    }
    lines.push(`\n## ${d.id} score ${t.score} ${t.level}, answered ${Math.round(t.answeredRatio * 100)}%`);
    for (const q of questions) {
      if (q.domain !== d.id || !isApplicable(q, facts)) continue;
      const s = scoreById.get(q.id);
      if (s === undefined) continue;
      let line = `${q.id} ${q.topic}: ${s}`;
      if (limits.labels && s >= 4) line += ` "${oneLine(q.options[s - 1], 90)}"`;
      const notes = (q.followUps ?? [])
        .map((f) => textById.get(f.id))
        .filter((x): x is string => !!x)
        .map((x) => oneLine(x, limits.followUp));
      if (limits.followUp > 0 && notes.length) line += ` | notes: ${notes.join(' / ')}`;
      lines.push(line);
    }
  }
  return lines.join('\n');
}

/**
 * Compact triage prompt. Follow-up notes and free text are shortened step by step until the user
 * prompt fits TRIAGE_PROMPT_TOKEN_BUDGET, so the whole call stays under 5,000 tokens.
 */
export function buildTriagePrompt(
  profile: CompanyProfile | null,
  answers: readonly AnswerInput[],
  rule: TriageResult,
  questions: readonly Question[] = ALL_QUESTIONS,
): { system: string; user: string } {
  const steps = [
    { followUp: 200, profileText: 600, labels: true },
    { followUp: 120, profileText: 400, labels: true },
    { followUp: 60, profileText: 300, labels: true },
    { followUp: 0, profileText: 300, labels: true },
    { followUp: 0, profileText: 200, labels: false },
  ];
  let user = '';
  for (const limits of steps) {
    user = renderTriageUser(profile, answers, rule, questions, limits);
    if (encode(user).length <= TRIAGE_PROMPT_TOKEN_BUDGET) break;
  }
  return { system: TRIAGE_SYSTEM_PROMPT, user };
}
