import type { Finding } from '../domain/analysis';
import { findClientTextViolations } from '../domain/client-text';
import type { DomainId } from '../domain/domains';
import type { CompanyProfile } from '../domain/profile';
import { ALL_QUESTIONS, isValidScore } from '../domain/questionnaire';
import type { Question } from '../domain/questionnaire/types';
import { factLine } from './personas';
import type { AnalystAnswer, AnalystDocument } from './rule-analyst';
import type { LlmFinding, SpecialistLlmOutput } from './specialist-output';

/**
 * The evidence guard on the OpenAI specialist's answer. A finding is kept only when
 *  - every citation's ref is one of the client's inputs (an answered question or follow-up, a document, the
 *    profile's challenges or objectives), its client-readable origin (`where`) then derived from that ref;
 *  - every quote is a substring of the client's inputs (chosen option wording, follow-up answers, profile text,
 *    document text and facts), compared without regard to case, curly quotes, dashes or spacing;
 *  - every figure in its title, detail and quotes exists in the inputs or document facts (£1.2M = £1,200,000,
 *    rounding of a given figure allowed; small whole numbers up to 12 count as counts, never as £ or %);
 *  - its title and detail pass the client-text rules (no ids, no "undefined", no template text ...).
 * Everything else is dropped with a reason for the log. Pure: no I/O.
 */

export interface GuardInput {
  domain: DomainId;
  profile: CompanyProfile | null;
  answers: readonly AnalystAnswer[];
  documents: readonly AnalystDocument[];
  questions?: readonly Question[];
  /** What else the model was told (its system prompt): figures there count as given (30 days, 90 days ...). */
  instructions?: string;
}

interface RefTarget {
  source: Finding['evidence'][number]['source'];
  ref: string;
  where: string;
}

export interface InputIndex {
  /** Normalised text of every client input, one per line. */
  corpus: string;
  /** Every figure in the inputs, document facts and instructions, with its kind. */
  figures: GivenFigure[];
  refs: Map<string, RefTarget>;
}

export interface DroppedFinding {
  title: string;
  reason: string;
}

export interface GuardResult {
  findings: Finding[];
  dropped: DroppedFinding[];
  /** Summary / impact text with an invented figure or a client-text violation: replace it. */
  summaryProblem?: string;
  impactProblem?: string;
}

/** Lower case, straight quotes, plain hyphens, single spaces: how quotes and inputs are compared. */
export function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A quote without the wrapping quotation marks, trailing full stop or ellipsis the model may add. */
function quoteBody(q: string): string {
  return normalise(q)
    .replace(/^["']+|["']+$/g, '')
    .replace(/(?:\.\.\.|…)$/, '')
    .replace(/^(?:\.\.\.|…)/, '')
    .replace(/[.,;:!?]+$/, '')
    .trim();
}

const ID_PATTERN = /\b[a-z]{2,4}-\d{2}(?:-f\d)?\b/gi;
const FIGURE = /(£\s?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s?(?:k|m|bn|b)\b|\s?%|\s?per ?cent\b)?/gi;
const MULTIPLIER: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9 };

interface GivenFigure {
  value: number;
  kind: Figure['kind'];
  /** From the instructions (the system prompt), not the client: only plain numbers may match these. */
  instructions?: boolean;
}

interface Figure {
  raw: string;
  value: number;
  /** As written, before k/m multipliers (an input "£1.2M" also allows "1.2"). */
  bare: number;
  kind: 'money' | 'percent' | 'plain';
}

/** Figures in a text: £ amounts (k, m, bn), percentages and plain numbers; question ids are not figures. */
export function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.replace(ID_PATTERN, ' ').matchAll(FIGURE)) {
    const bare = Number(m[2].replace(/,/g, ''));
    if (!Number.isFinite(bare)) continue;
    const suffix = (m[3] ?? '').trim().toLowerCase();
    const mult = MULTIPLIER[suffix] ?? 1;
    const kind = m[1] || mult !== 1 ? 'money' : suffix ? 'percent' : 'plain';
    out.push({ raw: m[0].trim(), value: bare * mult, bare, kind });
  }
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/** A £ figure needs a £ (or large plain) input, a percentage a percentage (or plain client) input. */
function kindMatches(f: Figure, g: GivenFigure): boolean {
  if (f.kind === 'plain') return true;
  if (g.instructions) return false;
  return g.kind === f.kind || g.kind === 'plain';
}

function figureGiven(f: Figure, index: InputIndex): boolean {
  if (f.kind === 'plain' && Number.isInteger(f.value) && f.value >= 0 && f.value <= 12) return true;
  return index.figures.some(
    (g) =>
      kindMatches(f, g) &&
      (near(g.value, f.value) ||
        near(Math.round(g.value), f.value) ||
        near(Math.round(g.value * 10) / 10, f.value) ||
        // "£1.2M" rounded to "£1M"; "£210k" written "£0.21M"
        (f.kind === 'money' &&
          f.value >= 1000 &&
          g.value >= 1000 &&
          Math.abs(g.value - f.value) / f.value <= 0.05)),
  );
}

const PROFILE_ORIGINS: Record<string, string> = {
  challenges: 'the challenges you named in your company profile',
  objectives: 'the objectives in your company profile',
};

/** The client's inputs, indexed once per analysis: quotable text, figures and the refs a citation may use. */
export function indexInputs(input: GuardInput): InputIndex {
  const questions = input.questions ?? ALL_QUESTIONS;
  const texts: string[] = [];
  const numbers: GivenFigure[] = [];
  const refs = new Map<string, RefTarget>();
  const byId = new Map(questions.map((q) => [q.id, q]));
  const followUps = new Map(
    questions.flatMap((q) => (q.followUps ?? []).map((f) => [f.id, { q, f }] as const)),
  );

  const p = input.profile;
  if (p) {
    texts.push(p.companyName, p.industry, p.challenges ?? '', p.objectives ?? '');
    for (const key of ['challenges', 'objectives'] as const)
      if (p[key]?.trim()) refs.set(key, { source: 'profile', ref: key, where: PROFILE_ORIGINS[key] });
    for (const key of ['industry', 'revenueBand', 'teamSize', 'businessModel', 'growthStage', 'companyName'])
      refs.set(key.toLowerCase(), { source: 'profile', ref: key, where: 'your company profile' });
  }
  for (const a of input.answers) {
    const q = byId.get(a.questionId);
    if (q && isValidScore(a.score)) {
      texts.push(q.options[a.score - 1]);
      refs.set(q.id.toLowerCase(), { source: 'answer', ref: q.id, where: q.prompt });
    }
    const text = typeof a.text === 'string' ? a.text.trim() : '';
    if (text) {
      texts.push(text);
      const fu = followUps.get(a.questionId);
      if (fu) refs.set(fu.f.id.toLowerCase(), { source: 'follow-up', ref: fu.f.id, where: fu.f.prompt });
      else if (q) refs.set(q.id.toLowerCase(), { source: 'answer', ref: q.id, where: q.prompt });
    }
  }
  for (const d of input.documents) {
    refs.set(d.fileName.toLowerCase(), { source: 'document', ref: d.fileName, where: d.fileName });
    const x = d.extracted;
    if (!x || x.status !== 'read') continue;
    texts.push(x.text);
    for (const f of x.facts) {
      texts.push(factLine(f), `${f.label}: ${f.value}`, f.value);
      const kind = f.unit === 'gbp' ? 'money' : f.unit === 'percent' ? 'percent' : 'plain';
      for (const n of [f.number, f.first, f.latest]) if (n !== undefined) numbers.push({ value: n, kind });
    }
    for (const t of x.tables) texts.push(`${t.name} ${t.headers.join(' ')}`);
  }
  const corpus = texts
    .filter((t) => t.trim())
    .map(normalise)
    .join('\n');
  for (const f of figuresIn(texts.join('\n')))
    numbers.push({ value: f.value, kind: f.kind }, { value: f.bare, kind: 'plain' });
  for (const f of figuresIn(input.instructions ?? ''))
    numbers.push(
      { value: f.value, kind: f.kind, instructions: true },
      { value: f.bare, kind: 'plain', instructions: true },
    );
  return { corpus, figures: numbers, refs };
}

function resolveRef(ref: string, index: InputIndex): RefTarget | undefined {
  const key = ref.trim().toLowerCase();
  return index.refs.get(key) ?? index.refs.get(key.replace(/^profile[.:/ ]+/, ''));
}

function inventedFigures(text: string, index: InputIndex): string[] {
  return figuresIn(text)
    .filter((f) => !figureGiven(f, index))
    .map((f) => f.raw);
}

/** Why a finding must be dropped, or null when every citation and figure is grounded. */
export function findingProblem(f: LlmFinding, index: InputIndex): string | null {
  for (const e of f.evidence) {
    if (!resolveRef(e.ref, index)) return `cites an unknown source "${e.ref}"`;
    const body = quoteBody(e.quote);
    if (body.length < 3) return `an empty quote for "${e.ref}"`;
    if (!index.corpus.includes(body))
      return `quote not found in the client's inputs: "${e.quote.slice(0, 120)}"`;
  }
  const invented = inventedFigures([f.title, f.detail, ...f.evidence.map((e) => e.quote)].join('\n'), index);
  if (invented.length) return `figures not in the inputs: ${invented.join(', ')}`;
  const violations = findClientTextViolations(`${f.title}\n${f.detail}`);
  if (violations.length) return `client-text rule "${violations[0].name}": ${violations[0].match}`;
  return null;
}

/** Why a free text (summary, impact) cannot go to the client as written, or undefined. */
export function textProblem(text: string, index: InputIndex): string | undefined {
  const invented = inventedFigures(text, index);
  if (invented.length) return `figures not in the inputs: ${invented.join(', ')}`;
  const violations = findClientTextViolations(text);
  return violations.length ? `client-text rule "${violations[0].name}": ${violations[0].match}` : undefined;
}

/** Applies the guard to a parsed LLM answer: grounded findings (with derived origins), dropped ones with reasons. */
export function guardSpecialistOutput(output: SpecialistLlmOutput, index: InputIndex): GuardResult {
  const findings: Finding[] = [];
  const dropped: DroppedFinding[] = [];
  for (const f of output.findings) {
    const problem = findingProblem(f, index);
    if (problem) {
      dropped.push({ title: f.title.slice(0, 200), reason: problem });
      continue;
    }
    findings.push({
      title: f.title.trim(),
      detail: f.detail.trim(),
      severity: f.severity,
      evidence: f.evidence.map((e) => {
        const target = resolveRef(e.ref, index)!;
        return { source: target.source, ref: target.ref, quote: e.quote.trim(), where: target.where };
      }),
    });
  }
  return {
    findings,
    dropped,
    summaryProblem: textProblem(output.summary, index),
    impactProblem: textProblem(output.impact, index),
  };
}
