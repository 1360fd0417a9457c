/**
 * `npm run sample:report`: the sample assessment linked from the landing page. Runs a fictional company through
 * the real local pipeline (a private, temporary stack), validates the report, and writes the three deliverables
 * (HTML and PDF) into web/public/sample/, with a small index.json the /sample page reads. Fails when a deliverable
 * is missing or its text breaks the client-text rules (src/domain/client-text.ts).
 */
import '../src/local/quiet';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startScaleMap } from '../src/local/server';
import { newUser } from '../src/local/http-client';
import { answersFor, chunk } from '../src/local/sample-data';
import { findClientTextViolations } from '../src/domain/client-text';
import { visibleText } from './eval/visible-text';

const OUT = path.resolve(__dirname, '..', 'web', 'public', 'sample');
/** Fictional: any likeness to a real company is accidental. */
const PROFILE = {
  companyName: 'Harbourline Logistics Software Ltd',
  industry: 'saas',
  revenueBand: '5m-10m',
  teamSize: '51-100',
  businessModel: 'b2b',
  growthStage: 'scaling',
  regulated: false,
  hasPhysicalProducts: false,
  subscriptionModel: true,
  channelSales: false,
  headcountGrowthOver50: true,
  challenges:
    'Revenue grew 60% last year but cash is tight every quarter, forecasts miss by a wide margin, and two of five team leads left in six months.',
  objectives:
    'Reach £15M annual recurring revenue in three years with predictable cash and a stable leadership team.',
};
const WEAK = ['financial-management', 'revenue-engine', 'people-organization'];

function log(message: string) {
  process.stdout.write(`[sample] ${message}\n`);
}

/** The text a reader sees, one block (paragraph, list item, cell) per line, as the client-text rules expect. */
function textOf(html: string): string {
  return visibleText(html);
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-sample-'));
  fs.chmodSync(dataDir, 0o755);
  const app = await startScaleMap({
    ...process.env,
    SCALEMAP_DATA_DIR: dataDir,
    DATABASE_URL: '',
    PORT: '0',
    SCALEMAP_TIME_SCALE: process.env.SCALEMAP_TIME_SCALE ?? '4320',
    LOG_LEVEL: 'warn',
  });
  let problems: string[] = [];
  try {
    const { client } = await newUser(app.url, PROFILE.companyName);
    await client.put('/api/me/profile', PROFILE);
    const id = (await client.post('/api/assessments')).body.id as string;
    for (const batch of chunk(answersFor(PROFILE, WEAK), 50))
      await client.put(`/api/assessments/${id}/answers`, { answers: batch });
    const submitted = await client.post(`/api/assessments/${id}/submit`);
    if (submitted.status !== 202) throw new Error(`submit failed: ${submitted.text}`);
    log('submitted; waiting for the pipeline');
    let validated = false;
    const deadline = Date.now() + 240_000;
    let a;
    for (;;) {
      a = (await client.get(`/api/assessments/${id}`)).body;
      if (a.awaitingValidation && !validated) {
        const v = await client.post(`/api/assessments/${id}/validation`, {
          priorities: a.priorities.map((p: { recommendationId: string }) => ({
            recommendationId: p.recommendationId,
            agreement: 4,
            resources: 'medium',
          })),
          capacityForChange: 'medium',
          timelinePreference: 'standard',
          constraints: 'No new senior hires before the next funding round.',
          successCriteria: 'Thirteen weeks of cash visibility and a forecast within 10%.',
        });
        validated = v.status === 202;
        log(`validated: ${v.status}`);
      }
      if (a.status === 'completed' || a.status === 'failed') break;
      if (Date.now() > deadline) throw new Error('the pipeline did not finish in time');
      await new Promise((r) => setTimeout(r, 500));
    }
    if (a.status !== 'completed') throw new Error(`the pipeline ended as ${a.status}`);
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    const files: { stage: string; html: string; pdf: string }[] = [];
    for (const stage of ['executive-summary', 'detailed-report', 'implementation-kits']) {
      const entry = { stage, html: `${stage}.html`, pdf: `${stage}.pdf` };
      for (const format of ['html', 'pdf'] as const) {
        const res = await fetch(`${app.url}/api/assessments/${id}/deliverables/${stage}?format=${format}`, {
          headers: { cookie: client.cookie! },
        });
        if (res.status !== 200) throw new Error(`${stage}.${format}: HTTP ${res.status}`);
        const body = Buffer.from(await res.arrayBuffer());
        fs.writeFileSync(path.join(OUT, entry[format]), body);
        if (format === 'html') {
          problems = problems.concat(
            findClientTextViolations(textOf(body.toString('utf8'))).map(
              (v) => `${stage}: ${v.name}: "${v.context}"`,
            ),
          );
        }
      }
      files.push(entry);
    }
    fs.writeFileSync(
      path.join(OUT, 'index.json'),
      JSON.stringify({ company: PROFILE.companyName, industry: 'B2B software', files }, null, 2) + '\n',
    );
    log(`wrote ${files.length * 2} files to ${path.relative(process.cwd(), OUT)}`);
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (problems.length) {
    process.stderr.write(`client-text problems in the sample:\n  ${problems.join('\n  ')}\n`);
    process.exit(1);
  }
  process.exit(0);
}

main().catch((err) => {
  console.error('sample report failed:', err);
  process.exit(1);
});
