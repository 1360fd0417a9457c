import fs from 'node:fs';
import path from 'node:path';
import { newUser, type Client } from '../../src/local/http-client';
import type { EvalCompany, EvalValidation } from '../../test/eval/types';
import { generateDocument } from '../../test/eval/documents';
import { extractDocument } from '../../src/documents/extract';
import {
  changedBetween,
  citedFacts,
  citedStatements,
  forbiddenAdvice,
  mechanicsHits,
  sentenceSet,
  share,
  sharedWithOthers,
  triageAgreement,
  type AdviceViolation,
  type Ratio,
} from './metrics';
import { visibleText } from './visible-text';

/**
 * The analysis evaluation runner, shared by `npm run eval:analysis` (scripts/eval/analysis.ts) and the CI test
 * (test/eval/analysis.eval.test.ts). Each company goes through the real API and pipeline twice on one running
 * local stack: once with its validation and once with its opposite validation. The two runs are separate
 * assessments with the same profile, answers and documents, so everything before validation is the same
 * input and the kits differ only because of validation — the cleanest way to measure what validation changes
 * while still exercising submit → triage → analysts → 24 h → 48 h → validation → 72 h for real.
 */

export const STAGES = ['executive-summary', 'detailed-report', 'implementation-kits'] as const;
export type Stage = (typeof STAGES)[number];
export type Variant = 'validation' | 'opposite';

export interface EvalStack {
  url: string;
  outboxDir: string;
}

interface StoredPriority {
  rank: number;
  recommendationId: string;
  domain: string;
  title: string;
}

export interface RunResult {
  company: string;
  variant: Variant;
  assessmentId: string;
  status: string;
  failure: unknown;
  activated: string[];
  bands: Record<string, string>;
  reportPriorities: StoredPriority[];
  finalPriorities: StoredPriority[];
  /** Recommendation ids the validation rated 1–2. */
  rejected: string[];
  texts: Record<Stage, string>;
  emails: { subject: string; text: string }[];
  seconds: number;
}

export interface RunOptions {
  /** Give up on one run after this long (ms). */
  timeoutMs?: number;
  pollMs?: number;
  log?: (line: string) => void;
}

function ok(res: { status: number; text: string }, what: string, expected: number[] = [200, 201, 202, 204]) {
  if (!expected.includes(res.status))
    throw new Error(`${what}: HTTP ${res.status} ${res.text.slice(0, 400)}`);
}

/** A GET that rides out a dropped keep-alive connection (ECONNRESET) on a busy machine. */
async function getWithRetry(client: Client, url: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.get(url);
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

async function upload(client: Client, id: string, company: EvalCompany) {
  for (const spec of company.documents) {
    const { bytes, contentType } = await generateDocument(spec);
    const created = await client.post(`/api/assessments/${id}/documents`, {
      fileName: spec.fileName,
      contentType,
      size: bytes.length,
      domain: spec.domain,
    });
    ok(created, `create document ${spec.fileName}`);
    const put = await fetch(created.body.uploadUrl, {
      method: 'PUT',
      headers: created.body.headers,
      body: new Uint8Array(bytes),
    });
    if (!put.ok) throw new Error(`upload ${spec.fileName}: HTTP ${put.status}`);
    ok(
      await client.post(`/api/assessments/${id}/documents/${created.body.documentId}/complete`),
      `complete ${spec.fileName}`,
    );
  }
}

/** The validation body for the report's priorities: each gets its domain's vote, or the default. */
export function validationBody(v: EvalValidation, priorities: readonly StoredPriority[]) {
  return {
    priorities: priorities.slice(0, 5).map((p) => {
      const vote = v.byDomain[p.domain as keyof typeof v.byDomain] ?? v.otherwise;
      return {
        recommendationId: p.recommendationId,
        agreement: vote.agreement,
        resources: vote.resources,
        ...(vote.reason ? { reason: vote.reason } : {}),
        ...(vote.context ? { context: vote.context } : {}),
      };
    }),
    capacityForChange: v.capacityForChange,
    timelinePreference: v.timelinePreference,
    constraints: v.constraints,
    successCriteria: v.successCriteria,
  };
}

function readEmails(outboxDir: string, to: string) {
  if (!fs.existsSync(outboxDir)) return [];
  return fs
    .readdirSync(outboxDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(outboxDir, f), 'utf8')))
    .filter((m) => m.to === to)
    .sort((a, b) => String(a.sentAt).localeCompare(String(b.sentAt)))
    .map((m) => ({
      subject: String(m.subject ?? ''),
      text: [m.subject, m.text ?? '', m.html ? visibleText(String(m.html)) : ''].join('\n'),
    }));
}

/** One company, one validation variant, through the real API and pipeline. */
export async function runCompany(
  stack: EvalStack,
  company: EvalCompany,
  variant: Variant,
  opts: RunOptions = {},
): Promise<RunResult> {
  const started = Date.now();
  const log = (m: string) => opts.log?.(`${company.key}/${variant}: ${m}`);
  const { client, email } = await newUser(stack.url, company.profile.companyName);
  ok(await client.put('/api/me/profile', company.profile), 'profile');
  const created = await client.post('/api/assessments');
  ok(created, 'create assessment');
  const id = created.body.id as string;
  const answers = [
    ...Object.entries(company.scores).map(([questionId, score]) => ({ questionId, score })),
    ...Object.entries(company.followUps).map(([questionId, text]) => ({ questionId, text })),
  ];
  for (let i = 0; i < answers.length; i += 100)
    ok(await client.put(`/api/assessments/${id}/answers`, { answers: answers.slice(i, i + 100) }), 'answers');
  await upload(client, id, company);
  const submitted = await client.post(`/api/assessments/${id}/submit`);
  ok(submitted, 'submit', [202]);
  log('submitted');

  const validation = variant === 'validation' ? company.validation : company.opposite;
  const deadline = Date.now() + (opts.timeoutMs ?? 600_000);
  let reportPriorities: StoredPriority[] = [];
  let rejected: string[] = [];
  let validated = false;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let view: any;
  let lastStatus = '';
  for (;;) {
    view = (await getWithRetry(client, `/api/assessments/${id}`)).body;
    if (view.awaitingValidation && !validated) {
      reportPriorities = view.priorities;
      const body = validationBody(validation, reportPriorities);
      rejected = body.priorities.filter((p) => p.agreement <= 2).map((p) => p.recommendationId);
      ok(await client.post(`/api/assessments/${id}/validation`, body), 'validation', [202]);
      validated = true;
      log(`validated (${validation.label})`);
    }
    if (view.status !== lastStatus) {
      log(`${view.status} after ${Math.round((Date.now() - started) / 1000)} s`);
      lastStatus = view.status;
    }
    if (view.status === 'completed' || view.status === 'failed') break;
    if (Date.now() > deadline)
      throw new Error(`${company.key}/${variant}: timed out at status ${view.status}`);
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 300));
  }
  if (!validated) reportPriorities = view.priorities;

  const texts = {} as Record<Stage, string>;
  for (const stage of STAGES) {
    const res = await getWithRetry(client, `/api/assessments/${id}/deliverables/${stage}?format=html`);
    texts[stage] = res.status === 200 ? visibleText(res.text) : '';
  }
  // The kits email follows the kits document: wait until the outbox stops growing (briefly).
  let emails = readEmails(stack.outboxDir, email);
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const again = readEmails(stack.outboxDir, email);
    if (again.length === emails.length && i >= 3) break;
    emails = again;
  }
  return {
    company: company.key,
    variant,
    assessmentId: id,
    status: view.status,
    failure: view.failure,
    activated: view.triage?.activatedDomains ?? [],
    bands: Object.fromEntries(
      (view.analyses ?? []).map((a: { domain: string; band: string }) => [a.domain, a.band]),
    ),
    reportPriorities,
    finalPriorities: view.priorities ?? [],
    rejected,
    texts,
    emails,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

/**
 * Expected document facts that the document reader (src/documents) makes available at all: the same bytes
 * through the same extractor, any form in the extracted text or facts. Tells an extraction gap from an
 * analysis that does not cite what was read.
 */
export async function availableFacts(company: EvalCompany): Promise<number> {
  const read: string[] = [];
  for (const spec of company.documents) {
    const { bytes, contentType } = await generateDocument(spec);
    const x = await extractDocument({
      documentId: spec.fileName,
      fileName: spec.fileName,
      contentType,
      declaredDomain: spec.domain,
      bytes,
    });
    read.push(x.text, ...x.facts.map((f) => `${f.label}: ${f.value}`));
  }
  return citedFacts(read.join('\n'), company.expected.documentFacts).count;
}

export interface CompanyScore {
  company: string;
  status: string;
  triage: ReturnType<typeof triageAgreement>;
  /** Priorities (report + both kits) in a domain the analysis rated good or excellent. */
  goodRated: Ratio & { examples: string[] };
  /** Priorities (report + both kits) in a domain the consultant calls healthy. */
  healthy: Ratio & { examples: string[] };
  priorityCounts: { report: number; kits: number; oppositeKits: number };
  facts: ReturnType<typeof citedFacts> & { available: number };
  statements: ReturnType<typeof citedStatements>;
  shared: Ratio;
  change: Ratio;
  rejectedKept: Ratio;
  violations: AdviceViolation[];
  mechanics: ReturnType<typeof mechanicsHits>;
  owners: Ratio;
  seconds: number;
}

function namesOf(company: EvalCompany): string[] {
  const name = company.profile.companyName;
  return [
    name,
    name.replace(/\s+(?:Ltd|Limited|plc)$/i, ''),
    name.split(/\s+/)[0],
    'Ada Lovelace',
    ...[company.validation, company.opposite].flatMap((v) =>
      v.owners.flatMap((o) => [o.name, o.name.split(' ')[0]]),
    ),
  ];
}

/** Everything the client wrote: profile texts, follow-ups, validation texts (both variants). */
export function clientWords(company: EvalCompany): string {
  return [
    company.profile.challenges,
    company.profile.objectives,
    ...Object.values(company.followUps),
    ...[company.validation, company.opposite].flatMap((v) => [
      v.constraints,
      v.successCriteria,
      ...[...Object.values(v.byDomain), v.otherwise].flatMap((p) => [p.reason ?? '', p.context ?? '']),
    ]),
  ].join('\n');
}

function allText(run: RunResult): string {
  return STAGES.map((s) => run.texts[s]).join('\n');
}

/** Scores one company from its two runs; `others` are the other companies' validation runs (for sharing). */
export function scoreCompany(
  company: EvalCompany,
  a: RunResult,
  b: RunResult,
  others: { company: EvalCompany; run: RunResult }[],
  available = 0,
): CompanyScore {
  const names = namesOf(company);
  const words = clientWords(company);
  const kitsA = sentenceSet(a.texts['implementation-kits'], names, words);
  const kitsB = sentenceSet(b.texts['implementation-kits'], names, words);
  const otherKits = others.map((o) =>
    sentenceSet(o.run.texts['implementation-kits'], namesOf(o.company), clientWords(o.company)),
  );

  const priorityLists = [
    { label: 'report', run: a, list: a.reportPriorities },
    { label: 'kits', run: a, list: a.finalPriorities },
    { label: 'opposite kits', run: b, list: b.finalPriorities },
  ];
  const flat = priorityLists.flatMap((l) =>
    l.list.map((p) => ({ ...p, label: l.label, bands: l.run.bands })),
  );
  const good = flat.filter((p) => ['good', 'excellent'].includes(p.bands[p.domain] ?? ''));
  const healthy = flat.filter((p) => company.expected.healthy.includes(p.domain as never));

  const keptA = a.rejected.filter((id) => a.finalPriorities.some((p) => p.recommendationId === id));
  const keptB = b.rejected.filter((id) => b.finalPriorities.some((p) => p.recommendationId === id));

  const violations = [
    ...forbiddenAdvice(allText(a), company.expected.forbidden, words),
    ...forbiddenAdvice(allText(b), company.expected.forbidden, words),
    ...forbiddenAdvice(a.texts['implementation-kits'], company.validation.forbidden, words),
    ...forbiddenAdvice(b.texts['implementation-kits'], company.opposite.forbidden, words),
  ];
  const mechanics = [a, b].flatMap((run) =>
    mechanicsHits([
      ...STAGES.map((s) => ({ source: `${run.variant} ${s}`, text: run.texts[s] })),
      ...run.emails.map((e) => ({ source: `${run.variant} email "${e.subject}"`, text: e.text })),
    ]),
  );
  const owners = company.validation.owners;
  return {
    company: company.key,
    status: a.status === b.status ? a.status : `${a.status}/${b.status}`,
    triage: triageAgreement(a.activated, company.expected.domains),
    goodRated: {
      count: good.length,
      total: flat.length,
      examples: good.map((p) => `${p.label}: ${p.domain} (${p.bands[p.domain]}) "${p.title}"`),
    },
    healthy: {
      count: healthy.length,
      total: flat.length,
      examples: healthy.map((p) => `${p.label}: ${p.domain} "${p.title}"`),
    },
    priorityCounts: {
      report: a.reportPriorities.length,
      kits: a.finalPriorities.length,
      oppositeKits: b.finalPriorities.length,
    },
    facts: { ...citedFacts(allText(a), company.expected.documentFacts), available },
    statements: citedStatements(allText(a), company.expected.statements),
    shared: sharedWithOthers(kitsA, otherKits),
    change: changedBetween(kitsA, kitsB),
    rejectedKept: { count: keptA.length + keptB.length, total: a.rejected.length + b.rejected.length },
    violations,
    mechanics,
    owners: {
      count: owners.filter((o) => a.texts['implementation-kits'].includes(o.name)).length,
      total: owners.length,
    },
    seconds: Math.max(a.seconds, b.seconds),
  };
}

export interface EvalReport {
  companies: CompanyScore[];
  overall: {
    triage: Ratio;
    goodRated: Ratio;
    healthy: Ratio;
    facts: Ratio;
    statements: Ratio;
    shared: Ratio;
    change: Ratio;
    rejectedKept: Ratio;
    violations: number;
    mechanics: number;
    owners: Ratio;
  };
  runs: RunResult[];
  seconds: number;
}

function pool(rs: Ratio[]): Ratio {
  return rs.reduce((acc, r) => ({ count: acc.count + r.count, total: acc.total + r.total }), {
    count: 0,
    total: 0,
  });
}

/** Runs every company twice (validation, opposite) concurrently on one stack and scores them. */
export async function runEvaluation(
  stack: EvalStack,
  companies: readonly EvalCompany[],
  opts: RunOptions = {},
): Promise<EvalReport> {
  const started = Date.now();
  const jobs = companies.flatMap((c) => (['validation', 'opposite'] as const).map((v) => ({ c, v })));
  const settled = await Promise.allSettled(jobs.map(({ c, v }) => runCompany(stack, c, v, opts)));
  // A run that fails (timeout, HTTP error) is scored as empty with its error as status, so the other
  // companies' figures still come out and the report says what went wrong.
  const runs: RunResult[] = settled.map((r, i) =>
    r.status === 'fulfilled'
      ? r.value
      : {
          company: jobs[i].c.key,
          variant: jobs[i].v,
          assessmentId: '',
          status: `error: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`.slice(0, 200),
          failure: null,
          activated: [],
          bands: {},
          reportPriorities: [],
          finalPriorities: [],
          rejected: [],
          texts: { 'executive-summary': '', 'detailed-report': '', 'implementation-kits': '' },
          emails: [],
          seconds: 0,
        },
  );
  const runOf = (c: EvalCompany, v: Variant) => runs.find((r) => r.company === c.key && r.variant === v)!;
  const available = await Promise.all(companies.map((c) => availableFacts(c)));
  const scores = companies.map((c, i) =>
    scoreCompany(
      c,
      runOf(c, 'validation'),
      runOf(c, 'opposite'),
      companies.filter((o) => o !== c).map((o) => ({ company: o, run: runOf(o, 'validation') })),
      available[i],
    ),
  );
  return {
    companies: scores,
    overall: {
      triage: pool(scores.map((s) => s.triage)),
      goodRated: pool(scores.map((s) => s.goodRated)),
      healthy: pool(scores.map((s) => s.healthy)),
      facts: pool(scores.map((s) => s.facts)),
      statements: pool(scores.map((s) => s.statements)),
      shared: pool(scores.map((s) => s.shared)),
      change: pool(scores.map((s) => s.change)),
      rejectedKept: pool(scores.map((s) => s.rejectedKept)),
      violations: scores.reduce((n, s) => n + s.violations.length, 0),
      mechanics: scores.reduce((n, s) => n + s.mechanics.length, 0),
      owners: pool(scores.map((s) => s.owners)),
    },
    runs,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

export const TARGETS = { maxShared: 0.2, minChange: 0.4 } as const;

/** The hard targets of issue 8 that fail, as readable lines (empty = all met). */
export function hardFailures(report: EvalReport): string[] {
  const o = report.overall;
  const out: string[] = [];
  const failed = report.companies.filter((c) => c.status !== 'completed');
  if (failed.length)
    out.push(`pipeline did not complete for ${failed.map((c) => `${c.company} (${c.status})`).join(', ')}`);
  if (o.goodRated.count > 0)
    out.push(`${o.goodRated.count} priorities in domains the analysis rated good (must be 0)`);
  if (o.healthy.count > 0)
    out.push(`${o.healthy.count} priorities in domains the consultant calls healthy (must be 0)`);
  if (o.rejectedKept.count > 0)
    out.push(`${o.rejectedKept.count} rejected priorities kept in the kits (must be 0)`);
  if (o.violations > 0) out.push(`${o.violations} constraint or fit violations (must be 0)`);
  if (o.mechanics > 0) out.push(`${o.mechanics} internal-mechanics hits (must be 0)`);
  if (share(o.shared) > TARGETS.maxShared)
    out.push(`${pct(share(o.shared))} of kit sentences shared with another company (target ≤ 20%)`);
  if (share(o.change) < TARGETS.minChange)
    out.push(`${pct(share(o.change))} of kit sentences change under the opposite validation (target ≥ 40%)`);
  return out;
}

export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function frac(r: Ratio): string {
  return `${r.count}/${r.total}`;
}

/** The per-company and overall table, then the details an analyst needs to act on. */
export function formatReport(report: EvalReport): string {
  const head = [
    'company',
    'status',
    'triage',
    'good-rated prio',
    'healthy prio',
    'prio r/k/o',
    'doc facts (read)',
    'statements',
    'shared',
    'change',
    'rejected kept',
    'violations',
    'mechanics',
    'owners',
  ];
  const rows = report.companies.map((c) => [
    c.company,
    c.status,
    frac(c.triage),
    frac(c.goodRated),
    frac(c.healthy),
    `${c.priorityCounts.report}/${c.priorityCounts.kits}/${c.priorityCounts.oppositeKits}`,
    `${frac(c.facts)} (${c.facts.available})`,
    frac(c.statements),
    `${pct(share(c.shared))} (${frac(c.shared)})`,
    `${pct(share(c.change))} (${frac(c.change)})`,
    frac(c.rejectedKept),
    String(c.violations.length),
    String(c.mechanics.length),
    frac(c.owners),
  ]);
  const o = report.overall;
  rows.push([
    'OVERALL',
    '',
    frac(o.triage),
    frac(o.goodRated),
    frac(o.healthy),
    '',
    `${frac(o.facts)} (${report.companies.reduce((n, c) => n + c.facts.available, 0)})`,
    frac(o.statements),
    `${pct(share(o.shared))} (${frac(o.shared)})`,
    `${pct(share(o.change))} (${frac(o.change)})`,
    frac(o.rejectedKept),
    String(o.violations),
    String(o.mechanics),
    frac(o.owners),
  ]);
  rows.push(['target', '', '', '0', '0', '', '', '', '≤ 20%', '≥ 40%', '0', '0', '0', '']);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join(' | ');
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line), ''];
  for (const c of report.companies) {
    const d: string[] = [];
    if (c.triage.missed.length || c.triage.extra.length)
      d.push(`triage missed [${c.triage.missed.join(', ')}], extra [${c.triage.extra.join(', ')}]`);
    for (const e of c.goodRated.examples) d.push(`good-rated priority — ${e}`);
    for (const e of c.healthy.examples) d.push(`healthy-domain priority — ${e}`);
    if (c.facts.missing.length) d.push(`document facts not cited: ${c.facts.missing.join('; ')}`);
    if (c.statements.missing.length)
      d.push(`statements not quoted: ${c.statements.missing.map((s) => `“${s}”`).join('; ')}`);
    for (const v of c.violations.slice(0, 5)) d.push(`violation (${v.why}): “${v.sentence}”`);
    if (c.violations.length > 5) d.push(`… ${c.violations.length - 5} more violations`);
    for (const m of c.mechanics.slice(0, 5))
      d.push(`mechanics (${m.name}) in ${m.source}: “${m.context.replace(/\n/g, ' ')}”`);
    if (c.mechanics.length > 5) d.push(`… ${c.mechanics.length - 5} more mechanics hits`);
    if (d.length) out.push(`${c.company}:`, ...d.map((x) => `  - ${x}`));
  }
  return out.join('\n');
}
