import type { Recommendation } from '../domain/analysis';
import type { Question, RecommendationTemplate } from '../domain/questionnaire/types';
import type { BusinessKind, SizeBand } from './benchmarks';
import type { DomainEvidence } from './evidence';

/**
 * The recommendation bank: the questionnaire's own templates, fitted to the company. Three filters run on every
 * template before it becomes advice:
 *  1. already in place — never recommend starting what the client already does (an answer of 1–2 on the question
 *     that describes the practice, or a document that shows it, e.g. an uploaded supplier scorecard);
 *  2. size and model — advice written for a sales team is rewritten for a founder who sells alone; a programme for
 *     "four to eight high-potential people" shrinks for a 15-person firm; a contact centre is not told to leave
 *     personal inboxes; a function is not created in a ten-person company;
 *  3. tags — what the action involves (hiring, new spend, system changes), so the validation's constraints can
 *     filter or adapt it later.
 */

export type RecTag = NonNullable<Recommendation['tags']>[number];

export interface BankContext {
  kind: BusinessKind;
  size: SizeBand;
  /** Team size as given ("11-50"). */
  teamSize: string;
  /** The founder is the main (or only) seller: founder dependence in sales answered 4–5, or a small team. */
  founderSells: boolean;
  evidence: DomainEvidence;
  /** Scores of every answered question across the assessment (practices can sit in another domain). */
  scores: ReadonlyMap<string, number>;
}

export function tagsOf(title: string, action: string): RecTag[] {
  const t = `${title} ${action}`;
  const tags = new Set<RecTag>();
  if (
    /\b(?:hire|hiring|recruit|appoint|new role|headcount|head of|bring in|create a (?:\w+ )?(?:function|role))\b/i.test(
      t,
    )
  )
    tags.add('hiring');
  if (
    /\b(?:budget for|invest|certification|non-executive|facility|retender|part-time finance|buy|licen[cs]e|tool)\b/i.test(
      t,
    )
  )
    tags.add('spend');
  if (
    /\b(?:system|integrat|crm|software|platform|migrat|automat|continuous delivery|replacement|reporting layer)\b/i.test(
      t,
    )
  )
    tags.add('system-change');
  if (/\b(?:manager|one-to-one|training|pay|career|people)\b/i.test(t)) tags.add('people');
  if (tags.size === 0) tags.add('process');
  return [...tags];
}

/** The object a "start/build/create/write X" recommendation sets up, e.g. "supplier scorecard", "risk register". */
export function practiceObject(title: string): string | null {
  const m = title.match(
    /^(?:start|build|create|write|introduce|set up|set|adopt|launch|hold|run|define|draw|map|publish|list)\s+(?:a|an|the|one|your|every)?\s*(.+)$/i,
  );
  if (!m) return null;
  const words = m[1]
    .toLowerCase()
    .replace(/[^a-z0-9&\s-]/g, ' ')
    .split(/\s+/)
    .filter(
      (w) =>
        w &&
        ![
          'a',
          'an',
          'the',
          'for',
          'of',
          'with',
          'to',
          'and',
          'each',
          'every',
          'your',
          'monthly',
          'weekly',
          'quarterly',
          'simple',
          'standard',
          'one-page',
          'rolling',
        ].includes(w),
    );
  if (words.length === 0) return null;
  return words.slice(-2).join(' ');
}

/** Explicit "the client already does this" rules: question ids answered 1–2, or words in their documents. */
const IN_PLACE: { title: RegExp; questions?: string[]; documents?: RegExp }[] = [
  {
    title: /supplier scorecard/i,
    questions: ['sc-01'],
    documents: /scorecard|supplier (?:performance|review)/i,
  },
  {
    title: /13-week cash forecast|rolling .*cash/i,
    questions: ['fin-01'],
    documents: /13[- ]week|cash[- ]?flow forecast/i,
  },
  {
    title: /health score|red, amber or green/i,
    questions: ['cs-02'],
    documents: /health score|\brag\b|red\/amber/i,
  },
  { title: /risk register/i, questions: ['risk-01'], documents: /risk register/i },
  { title: /contract register/i, questions: ['risk-06'], documents: /contract register/i },
  { title: /ARR bridge/i, questions: ['fin-09'], documents: /arr bridge|mrr movement|arr movement/i },
  { title: /month-end close calendar/i, questions: ['fin-05'], documents: /close calendar/i },
  {
    title: /budget-versus-actual/i,
    questions: ['fin-04'],
    documents: /budget (?:vs\.?|versus) actual|variance to budget/i,
  },
  { title: /onboarding plan/i, questions: ['cs-01'], documents: /onboarding plan/i },
  { title: /sales playbook/i, questions: ['rev-05'], documents: /playbook/i },
  { title: /S&OP/i, questions: ['sc-08'], documents: /s&op|sales and operations/i },
  { title: /demand forecast/i, questions: ['sc-04'], documents: /demand forecast/i },
  { title: /on-time delivery/i, questions: ['sc-05'], documents: /\botif\b|on[- ]time/i },
  {
    title: /one support channel|shared helpdesk/i,
    questions: ['cx-04'],
    documents: /zendesk|freshdesk|helpdesk|ticket|contact cent/i,
  },
  { title: /data dictionary/i, questions: ['tech-02'], documents: /data dictionary/i },
  { title: /system map/i, questions: ['tech-03'], documents: /system map/i },
  { title: /satisfaction survey/i, questions: ['cx-01'], documents: /\bnps\b|csat|satisfaction/i },
  { title: /utilisation/i, questions: ['ops-09'], documents: /utili[sz]ation/i },
  { title: /multi-factor/i, questions: ['tech-05'], documents: /\bmfa\b|multi-factor|2fa/i },
];

export function alreadyInPlace(
  tpl: { title: string },
  ctx: BankContext,
  sourceQuestion: Question,
): string | null {
  for (const rule of IN_PLACE) {
    if (!rule.title.test(tpl.title)) continue;
    const q = rule.questions?.find((id) => id !== sourceQuestion.id && (ctx.scores.get(id) ?? 9) <= 2);
    if (q) return `answered as a strength`;
    if (rule.documents?.test(ctx.evidence.documentText)) return 'shown in a document you uploaded';
  }
  const obj = practiceObject(tpl.title);
  if (obj && obj.includes(' ') && ctx.evidence.documentText.includes(obj))
    return 'shown in a document you uploaded';
  return null;
}

interface Fitted {
  title: string;
  action: string;
}

/** Rewrites (or rules out, with null) a template for the company's size and model. */
export function fitTemplate(tpl: RecommendationTemplate, q: Question, ctx: BankContext): Fitted | null {
  const { size, kind } = ctx;
  const t = tpl.title;
  if (t === 'Hold a weekly forecast call' && ctx.founderSells) {
    return {
      title: 'Keep a weekly commit list of open deals',
      action:
        'Every Monday, write down each open deal with its value, next step and your honest call (commit, best case or pipeline). At month end, compare the commit total with what actually closed, and keep the record so a future seller inherits it.',
    };
  }
  if (t === 'Have sellers lead while the founder shadows' && ctx.founderSells && size === 'small') {
    return {
      title: 'Hand the next client meetings to a colleague',
      action:
        'Choose the colleague clients already trust most after you, and let them lead the next ten client meetings with you present but silent; debrief after each one and introduce them as the day-to-day contact.',
    };
  }
  if (t === 'Run a leadership development programme' && size === 'small') {
    return {
      title: 'Develop one or two future team leads',
      action:
        'Pick the one or two people who could run a team within a year, give each a real area to own, a monthly coaching session with a founder and one short management course.',
    };
  }
  if (t === 'Route all requests through one support channel' && (size !== 'small' || kind === 'd2c')) {
    return {
      title: 'Tighten routing and first-response targets in the support queue',
      action:
        'Split the queue by request type and urgency, set a first-response target per type, and publish the daily breach count to the team leads so backlogs are visible before customers chase.',
    };
  }
  if (
    /Create a (customer success function|partnerships role|small operational excellence function)/.test(t) &&
    size === 'small'
  ) {
    return null;
  }
  if (t === 'Hire or promote a head of sales' && size === 'small') {
    return {
      title: 'Name one person to own the sales number',
      action:
        'Give one person (promoted from inside where possible) ownership of the sales target, the pipeline review and the sales process, with a written brief of what the founder stops doing.',
    };
  }
  if (t === 'Bring in part-time finance leadership' && size === 'large') return null;
  if (t === 'Pick four to eight' && size === 'small') return null;
  if (kind === 'services' && t === 'Run a price increase on new business') {
    return {
      title: 'Raise day rates on new engagements',
      action:
        'Set new day rates for every proposal from next month, with a floor the partners cannot discount below without a named reason, and track the win rate at the new rates.',
    };
  }
  return { title: tpl.title, action: tpl.action };
}
