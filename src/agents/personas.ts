import { encode } from 'gpt-tokenizer';
import type { DocumentFact } from '../domain/document-facts';
import { DOMAIN_IDS, domainName, type DomainId } from '../domain/domains';
import { profileFacts, type CompanyProfile, type ProfileFacts } from '../domain/profile';
import { ALL_QUESTIONS, isApplicable, isValidScore } from '../domain/questionnaire';
import type { Question } from '../domain/questionnaire/types';
import { TRIAGE_SYSTEM_PROMPT } from './triage-prompt';
import type { AnalystAnswer, AnalystDocument } from './rule-analyst';

/** A specialist analyst's persona. The system prompt is what the LLM sees. */
export interface Persona {
  name: string;
  background: string;
  style: string;
  systemPrompt: string;
}

interface PersonaSeed {
  name: string;
  background: string;
  style: string;
  /** What this specialist looks at first. */
  focus: string;
}

const SEEDS: Record<DomainId, PersonaSeed> = {
  'strategic-alignment': {
    name: 'Eleanor Marsh',
    background:
      'Spent a decade in group strategy at a listed industrial company, then was chief operating officer of two venture-backed firms through their scale-up years.',
    style:
      'Calm and searching; frames every issue as a trade-off and asks what the company should stop doing.',
    focus:
      'whether the vision is concrete, whether priorities decide budgets and hiring, how goals reach teams',
  },
  'financial-management': {
    name: 'Rajiv Menon',
    background:
      'Chartered accountant who has been finance director of three companies as they grew from about £5M to £40M revenue, including one rescue from a cash crisis.',
    style: 'Precise and unhurried; leads with the numbers and is blunt about cash risk.',
    focus: 'cash visibility, unit economics, working capital, budgeting discipline and runway',
  },
  'revenue-engine': {
    name: 'Claire Donnelly',
    background:
      'Built and ran sales and revenue-operations teams at B2B software and services firms, taking one from founder-led selling to a forty-person team.',
    style: 'Direct and metric-minded; talks in pipeline coverage, conversion and cost of acquisition.',
    focus:
      'revenue predictability, acquisition cost, pipeline health, sales process and ownership of revenue data',
  },
  'operational-excellence': {
    name: 'Tom Adeyemi',
    background:
      'Lean practitioner who ran operations for a logistics scale-up and later advised manufacturers and agencies on process redesign.',
    style: 'Practical and visual; walks through the work step by step and hunts for the bottleneck.',
    focus:
      'documented processes, quality control, bottlenecks, automation and whether operations scale with volume',
  },
  'people-organization': {
    name: 'Priya Shah',
    background:
      'People director at two fast-growing companies, where she rebuilt hiring, management development and role design during headcount doubling.',
    style: 'Warm but candid; names the uncomfortable people issue and pairs it with a workable next step.',
    focus: 'hiring speed and quality, retention, the management bench, role clarity and culture under growth',
  },
  'technology-data': {
    name: 'Martin Kowalski',
    background:
      'Former chief technology officer and data architect for e-commerce and software companies, used to replacing brittle systems without stopping the business.',
    style:
      'Pragmatic and jargon-free; explains technical risk in business terms and prefers small, safe steps.',
    focus:
      'scalability of the stack, data quality, integration between systems, reporting and security basics',
  },
  'customer-experience': {
    name: 'Hannah Brooks',
    background:
      'Product leader who has run discovery and roadmap teams in consumer and business software, with an early career in customer research.',
    style: 'Evidence-led and curious; quotes the customer before giving an opinion.',
    focus:
      'customer satisfaction, product-market fit signals, feedback loops, support quality and roadmap discipline',
  },
  'supply-chain': {
    name: 'Gareth Lewis',
    background:
      'Procurement and supply-chain manager for UK manufacturers and retailers, with hands-on experience of supplier failures and stock crises.',
    style: 'Plain-spoken and risk-aware; thinks in lead times, single points of failure and stock turns.',
    focus: 'supplier reliability, inventory, logistics, quality assurance and continuity of supply',
  },
  'risk-compliance': {
    name: 'Fiona Campbell',
    background:
      'Compliance officer and later head of risk at regulated financial-services and health-technology firms, having started her career at a regulator.',
    style: 'Measured and exact; separates what is legally required from what is prudent.',
    focus: 'risk identification, business continuity, cyber risk, regulatory obligations and insurance',
  },
  partnerships: {
    name: 'Daniel Okafor',
    background:
      'Built channel and alliance programmes for software and services companies, and has managed vendor portfolios on the buying side.',
    style: 'Commercial and concise; asks what each partner is worth and what it costs to keep.',
    focus: 'the partner portfolio, channel effectiveness, vendor management and strategic alliances',
  },
  'customer-success': {
    name: 'Sophie Turner',
    background:
      'Led customer-success teams at subscription businesses, cutting churn through onboarding redesign and account health scoring.',
    style: 'Energetic but grounded; ties every point to retention or expansion revenue.',
    focus: 'onboarding, customer health scoring, churn, expansion revenue and advocacy',
  },
  'change-management': {
    name: 'Alistair Reid',
    background:
      'Transformation lead who has taken owner-managed companies through restructures, system roll-outs and mergers.',
    style: 'Steady and realistic; asks who will carry the change and what they will stop doing to make room.',
    focus: 'capacity for change, execution discipline, stakeholder buy-in and readiness of leaders and teams',
  },
};

/**
 * Version of the specialist prompts seeded into agent_prompts (3: what the output schema already says, its enums,
 * ranges and fields, is no longer repeated in the prompt; 2: compact prompt, ids and origins derived).
 */
export const SPECIALIST_PROMPT_VERSION = 3;

/**
 * The persona, then only what the structured-output schema (src/agents/specialist-output.ts) cannot say: how to read
 * the scores, the evidence rules the guard enforces, what the horizons mean and how to write for the client. The
 * schema is sent with every call and carries the fields, enums (severity, source, horizon, impact, effort, tags),
 * counts and ranges, so they are not repeated here.
 */
function specialistSystemPrompt(domain: DomainId, seed: PersonaSeed): string {
  return [
    `You are ${seed.name}, ScaleMap's specialist in ${domainName(domain)}. ${seed.background} ${seed.style}`,
    `You analyse this one domain for the founder of a scaling company (about £1M–£50M revenue). Look first at ${seed.focus}.`,
    'Answer scores: 1–2 a strength, 3 average, 4–5 a serious concern.',
    '- Use only the profile, answers, follow-ups and document facts given. Never invent figures, customers, documents or events: every figure you write must appear in them.',
    '- Findings weakest first. Evidence ref = the question id, follow-up id, file name, or "challenges"/"objectives"; quote = words copied exactly from it.',
    '- healthScore 10 is healthiest; confidence lower when answers are missing or contradictory.',
    '- Recommendations: quick-win within 30 days, 30-90-days, strategic beyond 90 days; all three where the evidence allows; basedOn = question ids.',
    '- Write for the client: UK English, plain and specific, no ids or codes in titles or text, no flattery or filler.',
    'Reply in JSON.',
  ].join('\n');
}

export const SPECIALIST_PERSONAS: Record<DomainId, Persona> = Object.fromEntries(
  DOMAIN_IDS.map((d) => {
    const seed = SEEDS[d];
    return [
      d,
      {
        name: seed.name,
        background: seed.background,
        style: seed.style,
        systemPrompt: specialistSystemPrompt(d, seed),
      },
    ];
  }),
) as Record<DomainId, Persona>;

export const TRIAGE_PERSONA: Persona = {
  name: 'Morgan Hale',
  background:
    'Engagement lead who has scoped operational reviews for more than a hundred owner-managed companies and knows where to look first.',
  style: 'Brisk and decisive; explains each choice in a sentence.',
  systemPrompt: TRIAGE_SYSTEM_PROMPT,
};

export type SpecialistPromptInput = {
  domain: DomainId;
  profile: CompanyProfile | null;
  answers: readonly AnalystAnswer[];
  documents: readonly AnalystDocument[];
  questions?: readonly Question[];
};

/** Most document-fact tokens one specialist prompt carries; facts are ranked and the lowest left out beyond it. */
export const DOCUMENT_FACT_TOKEN_BUDGET = 600;
/** Strengths (answers 1–2) shown with their wording when the domain also has concerns; the rest by topic only. */
export const MAX_STRENGTH_LABELS = 3;

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const clip = (s: string, max: number) => {
  const t = oneLine(s);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** The facts of one document that bear on a domain (the rule model's test, src/analysis/evidence.ts). */
export function domainFacts(doc: AnalystDocument, domain: DomainId): DocumentFact[] {
  const x = doc.extracted;
  if (!x || x.status !== 'read') return [];
  return x.facts.filter(
    (f) =>
      f.domains.includes(domain) ||
      (f.domains.length === 0 && (x.declaredDomain === domain || doc.domain === domain)),
  );
}

/** A fact as the model sees it and may quote it: "Label: value" (a column's "(n periods)" tail dropped). */
export function factLine(f: DocumentFact): string {
  return `${oneLine(f.label).replace(/[\s:]+$/, '')}: ${oneLine(f.value).replace(/\s*\(\d+ periods\)$/, '')}`;
}

/** Ranking: facts whose first domain is this one, from a document filed under it, with a trend, then statements. */
function factRank(f: DocumentFact, doc: AnalystDocument, domain: DomainId): number {
  const declared = (doc.extracted?.declaredDomain ?? doc.domain) === domain;
  return (
    (f.domains[0] === domain ? 4 : 0) +
    (declared ? 2 : 0) +
    (f.trend && f.trend !== 'flat' ? 1 : 0) +
    (f.kind === 'statement' ? 0.5 : 0)
  );
}

/**
 * The documents block: per document bearing on the domain, its facts for this domain, ranked across documents and
 * cut at DOCUMENT_FACT_TOKEN_BUDGET; documents filed under the domain but not read are named with the reason.
 */
function documentLines(documents: readonly AnalystDocument[], domain: DomainId, budget: number): string[] {
  const ranked = documents
    .flatMap((doc, d) =>
      domainFacts(doc, domain).map((fact, i) => ({ doc, d, i, fact, line: factLine(fact) })),
    )
    .map((x) => ({ ...x, rank: factRank(x.fact, x.doc, domain) }))
    .sort((a, b) => b.rank - a.rank || a.d - b.d || a.i - b.i);
  const kept = new Set<(typeof ranked)[number]>();
  let used = 0;
  for (const x of ranked) {
    const cost = encode(x.line).length + 2; // the line and its " | " separator
    if (used + cost > budget) continue;
    kept.add(x);
    used += cost;
  }
  const lines: string[] = [];
  documents.forEach((doc, d) => {
    const own = (doc.extracted?.declaredDomain ?? doc.domain) === domain;
    const facts = ranked.filter((x) => x.d === d && kept.has(x)).sort((a, b) => a.i - b.i);
    if (facts.length) lines.push(`${doc.fileName}: ${facts.map((x) => x.line).join(' | ')}`);
    else if (own && doc.extracted && doc.extracted.status !== 'read')
      lines.push(
        `${doc.fileName}: not read${doc.extracted.note ? ` (${clip(doc.extracted.note, 120)})` : ''}`,
      );
    else if (own && !doc.extracted) lines.push(`${doc.fileName}: not read yet`);
    else if (own && doc.extracted && !domainFacts(doc, domain).length)
      lines.push(`${doc.fileName}: read, no figures`);
  });
  const left = ranked.length - kept.size;
  if (left > 0) lines.push(`(${left} lower-ranked document facts left out for length)`);
  return lines;
}

/**
 * Profile flags worth a word in the prompt: b2b/b2c, services, team size and revenue bands are already in the company
 * line (business model, industry, team, revenue), so only these are added when true.
 */
const PROFILE_FLAGS: readonly (keyof ProfileFacts)[] = [
  'regulated',
  'physicalProducts',
  'rapidGrowth',
  'subscription',
  'channelSales',
  'platform',
];

/** The blocks of a specialist's user prompt, counted separately by the token report (scripts/bench/prompt-tokens.ts). */
export type PromptBlock = 'profile' | 'concerns' | 'follow-ups' | 'strengths' | 'unanswered' | 'documents';

export interface PromptLine {
  block: PromptBlock;
  text: string;
}

/**
 * Compact user prompt for one specialist. It carries what the model needs and nothing else: the profile, the
 * domain's concerns (answers 3–5, option wording, every follow-up verbatim), a few strengths with their wording
 * (all when the domain has no concern), the unanswered topics, and the domain's document facts within a token
 * budget. The question wording and follow-up prompts are left out: the option the client chose carries the meaning,
 * and the evidence guard derives each citation's client-readable origin from its ref.
 */
export function buildSpecialistUserPrompt(input: SpecialistPromptInput): string {
  return specialistPromptLines(input)
    .map((l) => l.text)
    .join('\n');
}

/** The user prompt's lines, each tagged with its block. */
export function specialistPromptLines(input: SpecialistPromptInput): PromptLine[] {
  const questions = input.questions ?? ALL_QUESTIONS;
  const facts = profileFacts(input.profile);
  const out: PromptLine[] = [];
  const push = (block: PromptBlock, ...texts: string[]) => texts.forEach((text) => out.push({ block, text }));
  // The domain is named in the system prompt; the profile's flags are those its fields shown here do not already say.
  const p = input.profile;
  if (p) {
    const flags = PROFILE_FLAGS.filter((k) => facts[k]);
    push(
      'profile',
      `Company: ${clip(p.companyName, 80)}; ${p.industry}; revenue ${p.revenueBand}; team ${p.teamSize}; ` +
        `${p.businessModel}; ${p.growthStage}${flags.length ? `; ${flags.join(', ')}` : ''}`,
    );
    if (p.challenges) push('profile', `challenges: ${oneLine(p.challenges)}`);
    if (p.objectives) push('profile', `objectives: ${oneLine(p.objectives)}`);
  } else {
    push('profile', 'Company: no profile given.');
  }

  const scores = new Map<string, number>();
  const texts = new Map<string, string>();
  for (const a of input.answers) {
    if (isValidScore(a.score)) scores.set(a.questionId, a.score);
    if (typeof a.text === 'string' && a.text.trim()) texts.set(a.questionId, oneLine(a.text));
  }
  const applicable = questions.filter((q) => q.domain === input.domain && isApplicable(q, facts));
  const concerns: PromptLine[] = [];
  const strengths: { q: Question; s: number }[] = [];
  const unanswered: Question[] = [];
  for (const q of applicable) {
    const s = scores.get(q.id);
    if (s === undefined) {
      unanswered.push(q);
      continue;
    }
    if (s <= 2) {
      strengths.push({ q, s });
      continue;
    }
    concerns.push({ block: 'concerns', text: `${q.id} ${q.topic} ${s} "${oneLine(q.options[s - 1])}"` });
    // Follow-ups verbatim; an answer given to several of a question's follow-ups is written once, under the first
    // id (a citation needs one ref; the guard accepts any answered follow-up and finds the quote either way).
    const seen = new Set<string>();
    for (const f of q.followUps ?? []) {
      const t = texts.get(f.id);
      if (!t || seen.has(t)) continue;
      seen.add(t);
      concerns.push({ block: 'follow-ups', text: ` ${f.id}: "${t}"` });
    }
  }
  if (concerns.length) {
    push('concerns', 'Concerns (id topic score "chosen option"):');
    out.push(...concerns);
  }
  if (strengths.length) {
    // Strongest first; with concerns present only a few keep their wording, the others are listed by topic.
    strengths.sort((a, b) => a.s - b.s);
    const worded = concerns.length ? strengths.slice(0, MAX_STRENGTH_LABELS) : strengths;
    const rest = strengths.slice(worded.length);
    push(
      'strengths',
      'Strengths:',
      ...worded.map(({ q, s }) => `${q.id} ${q.topic} ${s} "${oneLine(q.options[s - 1])}"`),
    );
    if (rest.length)
      push('strengths', `also ${rest.map(({ q, s }) => `${q.id} ${q.topic} ${s}`).join('; ')}`);
  }
  if (unanswered.length)
    push('unanswered', `Unanswered: ${unanswered.map((q) => `${q.id} ${q.topic}`).join('; ')}`);

  const docs = documentLines(input.documents, input.domain, DOCUMENT_FACT_TOKEN_BUDGET);
  // The system prompt says a document's ref is its file name.
  push('documents', ...(docs.length ? ['Documents:', ...docs] : ['Documents: none']));
  return out;
}
