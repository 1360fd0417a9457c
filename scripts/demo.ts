/**
 * `npm run demo`: ScaleMap end to end on this machine in about a minute.
 * Starts the local stack (its own data folder), registers a demo client, fills the questionnaire for a sample
 * company with clear weaknesses, submits, lets the compressed pipeline run, validates the report, and prints
 * where the three deliverables and the emails are. Exits 0 when all three were delivered.
 */
import '../src/local/quiet';
import fs from 'node:fs';
import path from 'node:path';
import { startScaleMap } from '../src/local/server';
import { newUser } from '../src/local/http-client';
import { answersFor, chunk } from '../src/local/sample-data';

const DATA_DIR = process.env.SCALEMAP_DATA_DIR ?? '.scalemap-demo';
const PROFILE = {
  companyName: 'Northwind Field Services Ltd',
  industry: 'professional-services',
  revenueBand: '5m-10m',
  teamSize: '51-100',
  businessModel: 'b2b',
  growthStage: 'rapid-growth',
  regulated: false,
  hasPhysicalProducts: false,
  subscriptionModel: false,
  channelSales: false,
  headcountGrowthOver50: true,
  challenges:
    'We run out of cash every quarter despite growing, our pipeline is unpredictable and senior engineers keep leaving.',
  objectives: 'Reach £15M revenue in three years with a predictable pipeline and a stable leadership team.',
};
const WEAK = ['financial-management', 'revenue-engine', 'people-organization'];

function step(message: string) {
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function main() {
  const started = Date.now();
  const app = await startScaleMap({
    ...process.env,
    SCALEMAP_DATA_DIR: DATA_DIR,
    PORT: process.env.PORT ?? '0',
    SCALEMAP_TIME_SCALE: process.env.SCALEMAP_TIME_SCALE ?? '4320',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  let ok: boolean;
  try {
    const scale = app.config.SCALEMAP_TIME_SCALE;
    step(
      `ScaleMap is running at ${app.url} (time scale ${scale}x: 24 h pass in ${Math.round(86400 / scale)} s)`,
    );
    const { client, email } = await newUser(app.url, PROFILE.companyName);
    step(`registered demo client ${email}`);
    await client.put('/api/me/profile', PROFILE);
    const id = (await client.post('/api/assessments')).body.id as string;
    const answers = answersFor(PROFILE, WEAK);
    for (const batch of chunk(answers, 50))
      await client.put(`/api/assessments/${id}/answers`, { answers: batch });
    step(`answered ${answers.length} questions (weak: ${WEAK.join(', ')})`);
    const bytes = Buffer.from(
      'month,cash_in,cash_out\nJan,410000,455000\nFeb,380000,462000\nMar,520000,470000\n',
    );
    const doc = (
      await client.post(`/api/assessments/${id}/documents`, {
        fileName: 'cash-flow.csv',
        contentType: 'text/csv',
        size: bytes.length,
        domain: 'financial-management',
      })
    ).body;
    await fetch(doc.uploadUrl, { method: 'PUT', headers: doc.headers, body: new Uint8Array(bytes) });
    await client.post(`/api/assessments/${id}/documents/${doc.documentId}/complete`);
    step('uploaded cash-flow.csv');
    const submitted = await client.post(`/api/assessments/${id}/submit`);
    if (submitted.status !== 202) throw new Error(`submit failed: ${submitted.text}`);
    step(
      `submitted: summary due ${submitted.body.dueTimes.executiveSummary}, report ${submitted.body.dueTimes.detailedReport}, kits ${submitted.body.dueTimes.implementationKits}`,
    );

    let last = '';
    let validated = false;
    const deadline = Date.now() + 170_000;
    for (;;) {
      const a = (await client.get(`/api/assessments/${id}`)).body;
      if (a.status !== last) {
        last = a.status;
        const extra =
          a.triage && last === 'analysing' ? ` (specialists: ${a.triage.activatedDomains.join(', ')})` : '';
        step(`status: ${last}${extra}`);
      }
      if (a.awaitingValidation && !validated) {
        const body = {
          priorities: a.priorities.map((p: { recommendationId: string }, i: number) => ({
            recommendationId: p.recommendationId,
            agreement: i === 0 ? 2 : 4,
            reason: i === 0 ? 'We tried this last year; the team has no capacity for it now.' : undefined,
            resources: i === 0 ? 'low' : 'medium',
          })),
          capacityForChange: 'medium',
          timelinePreference: 'standard',
          constraints: 'No new senior hires before the next funding round.',
          successCriteria: 'Thirteen weeks of cash visibility and a forecast within 10%.',
        };
        const v = await client.post(`/api/assessments/${id}/validation`, body);
        validated = v.status === 202;
        step(`validated the report (disagreed with priority 1): ${v.status}`);
      }
      if (a.status === 'completed' || a.status === 'failed') break;
      if (Date.now() > deadline) throw new Error('the pipeline did not finish in time');
      await new Promise((r) => setTimeout(r, 500));
    }
    const final = (await client.get(`/api/assessments/${id}`)).body;
    const outDir = path.resolve(DATA_DIR, 'demo-output', id);
    fs.mkdirSync(outDir, { recursive: true });
    for (const d of final.deliverables) {
      for (const format of d.formats) {
        const res = await fetch(`${app.url}/api/assessments/${id}/deliverables/${d.stage}?format=${format}`, {
          headers: { cookie: client.cookie! },
        });
        fs.writeFileSync(path.join(outDir, `${d.stage}.${format}`), Buffer.from(await res.arrayBuffer()));
      }
    }
    const emails = fs
      .readdirSync(app.ctx.outboxDir!)
      .filter((f) => JSON.parse(fs.readFileSync(path.join(app.ctx.outboxDir!, f), 'utf8')).to === email);
    ok = final.status === 'completed' && final.deliverables.length === 3;
    step(
      `final status: ${final.status}; deliverables: ${final.deliverables.map((d: { stage: string }) => d.stage).join(', ')}`,
    );
    process.stdout.write(
      [
        '',
        `Deliverables (HTML and PDF): ${outDir}`,
        `  in the app: ${app.url}/assessments/${id}/deliverables/detailed-report (log in as ${email} / Sc4leMap-test)`,
        `Emails to the client (${emails.length}): ${app.ctx.outboxDir}`,
        `Priorities after validation: ${final.priorities.map((p: { title: string }) => p.title).join(' | ')}`,
        `Done in ${Math.round((Date.now() - started) / 1000)} s.`,
        '',
      ].join('\n'),
    );
  } finally {
    await app.stop();
  }
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error('demo failed:', err);
  process.exit(1);
});
