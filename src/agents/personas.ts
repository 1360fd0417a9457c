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

function specialistSystemPrompt(domain: DomainId, seed: PersonaSeed): string {
  return [
    `You are ${seed.name}, ScaleMap's specialist in ${domainName(domain)}. ${seed.background} ${seed.style}`,
    `You analyse one domain of an operational assessment for the founder of a scaling company (about £1M–£50M revenue). Look first at ${seed.focus}.`,
    'Questionnaire scores run from 1 (a strength) through 3 (average) to 5 (a serious concern).',
    'Rules:',
    '- Ground every statement in the answers, follow-up notes, profile or documents provided. Never invent figures, customers, documents or events.',
    '- Give each finding evidence: source "answer", "follow-up", "document" or "profile"; ref = the question id, follow-up id, file name or profile field; quote = the words used.',
    '- healthScore is 1–10 (10 healthiest); band: 8–10 excellent, 6–7 good, 4–5 warning, 1–3 critical.',
    '- Write 3–5 findings, weakest first, severity low, medium, high or critical.',
    `- Recommendations: horizon "quick-win" (0–30 days), "30-90-days" or "strategic" (90+ days), covering all three where the evidence allows; impact and effort low, medium or high; scores 0–1 for revenue, efficiency, competitive advantage and strategic alignment; basedOn = the question ids; id = "${domain}:<question id>:<n>".`,
    '- List dependencies on other domains with a reason. Confidence is 1–10 and falls when answers are missing or contradictory.',
    '- UK English, plain and specific, no flattery or filler.',
    'Reply only with JSON matching the given schema.',
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

const clip = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** Compact user prompt for one specialist: profile, that domain's answers, unanswered topics and documents. */
export function buildSpecialistUserPrompt(input: SpecialistPromptInput): string {
  const questions = input.questions ?? ALL_QUESTIONS;
  const facts = profileFacts(input.profile);
  const lines: string[] = [`Domain: ${input.domain} (${domainName(input.domain)})`];
  const p = input.profile;
  if (p) {
    const flags = (Object.keys(facts) as (keyof ProfileFacts)[]).filter((k) => facts[k]);
    lines.push(
      `Company: ${clip(p.companyName, 80)} | industry ${p.industry} | revenue ${p.revenueBand} | team ${p.teamSize} | ` +
        `${p.businessModel} | ${p.growthStage}`,
      `Facts: ${flags.length ? flags.join(', ') : 'none'}`,
    );
    if (p.challenges) lines.push(`Challenges: ${clip(p.challenges, 800)}`);
    if (p.objectives) lines.push(`Objectives: ${clip(p.objectives, 800)}`);
  } else {
    lines.push('Company: no profile given.');
  }

  const scores = new Map<string, number>();
  const texts = new Map<string, string>();
  for (const a of input.answers) {
    if (isValidScore(a.score)) {
      scores.set(a.questionId, a.score);
    }
    if (typeof a.text === 'string' && a.text.trim()) texts.set(a.questionId, a.text);
  }
  const applicable = questions.filter((q) => q.domain === input.domain && isApplicable(q, facts));
  lines.push('', 'Answers (1 = strength, 3 = average, 5 = serious concern):');
  const unanswered: Question[] = [];
  for (const q of applicable) {
    const s = scores.get(q.id);
    if (s === undefined) {
      unanswered.push(q);
      continue;
    }
    lines.push(`- ${q.id} ${q.topic}: ${s}/5 "${clip(q.options[s - 1], 200)}"`);
    for (const f of q.followUps ?? []) {
      const t = texts.get(f.id);
      if (t) lines.push(`  ${f.id} (${clip(f.prompt, 120)}): "${clip(t, 600)}"`);
    }
  }
  if (unanswered.length) lines.push(`Unanswered: ${unanswered.map((q) => `${q.id} ${q.topic}`).join('; ')}`);

  const own = input.documents.filter((d) => d.domain === input.domain);
  const general = input.documents.filter((d) => !d.domain);
  lines.push('');
  lines.push(
    own.length
      ? `Documents for this domain: ${own.map((d) => `${d.fileName} (${d.contentType})`).join('; ')}`
      : 'Documents for this domain: none',
  );
  if (general.length) lines.push(`General documents: ${general.map((d) => d.fileName).join('; ')}`);
  return lines.join('\n');
}

const level3 = { type: 'string', enum: ['low', 'medium', 'high'] };
const domainEnum = { type: 'string', enum: [...DOMAIN_IDS] };
const unit = { type: 'number', minimum: 0, maximum: 1 };

/** JSON schema for structured output, matching specialistAnalysisSchema (all fields required, no extras). */
export const SPECIALIST_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: [
    'domain',
    'analyst',
    'healthScore',
    'band',
    'summary',
    'findings',
    'recommendations',
    'impact',
    'effort',
    'dependencies',
    'confidence',
  ],
  properties: {
    domain: domainEnum,
    analyst: { type: 'string' },
    healthScore: { type: 'integer', minimum: 1, maximum: 10 },
    band: { type: 'string', enum: ['excellent', 'good', 'warning', 'critical'] },
    summary: { type: 'string' },
    findings: {
      type: 'array',
      minItems: 3,
      maxItems: 5,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'detail', 'severity', 'evidence'],
        properties: {
          title: { type: 'string' },
          detail: { type: 'string' },
          severity: { type: 'string', enum: ['low', 'medium', 'high', 'critical'] },
          evidence: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['source', 'ref', 'quote', 'where'],
              properties: {
                source: { type: 'string', enum: ['answer', 'follow-up', 'document', 'profile'] },
                ref: { type: 'string' },
                quote: { type: 'string' },
                where: { type: 'string' },
              },
            },
          },
        },
      },
    },
    recommendations: {
      type: 'array',
      minItems: 1,
      maxItems: 12,
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'domain',
          'horizon',
          'title',
          'action',
          'impact',
          'effort',
          'scores',
          'basedOn',
          'tags',
        ],
        properties: {
          id: { type: 'string' },
          domain: domainEnum,
          horizon: { type: 'string', enum: ['quick-win', '30-90-days', 'strategic'] },
          title: { type: 'string' },
          action: { type: 'string' },
          impact: level3,
          effort: level3,
          scores: {
            type: 'object',
            additionalProperties: false,
            required: ['revenue', 'efficiency', 'competitive', 'strategic'],
            properties: { revenue: unit, efficiency: unit, competitive: unit, strategic: unit },
          },
          basedOn: { type: 'array', items: { type: 'string' } },
          tags: {
            type: 'array',
            items: { type: 'string', enum: ['hiring', 'spend', 'system-change', 'process', 'people'] },
          },
        },
      },
    },
    impact: { type: 'string' },
    effort: level3,
    dependencies: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['domain', 'reason'],
        properties: { domain: domainEnum, reason: { type: 'string' } },
      },
    },
    confidence: { type: 'integer', minimum: 1, maximum: 10 },
  },
};
