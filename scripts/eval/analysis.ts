/**
 * `npm run eval:analysis [-- company-key ...] [--out DIR] [--json FILE]`
 *
 * Runs the analysis evaluation set (test/eval/companies) through the real pipeline on a private local stack
 * (its own embedded PostgreSQL, s3rver, cognito-local and agent processes in .scalemap-eval/stack), each
 * company twice (its validation and the opposite one), and prints per company and overall: triage agreement,
 * priorities in good-rated / healthy domains, document facts and client statements cited, shared and changed
 * kit sentences, rejected priorities kept, constraint violations and internal-mechanics hits (metrics defined
 * in scripts/eval/metrics.ts). Exits 1 when a hard target of issue 8 fails.
 *
 * --out DIR writes every deliverable's visible text and the emails per company and run (default
 * .scalemap-eval/output) so the analysis can be read as the client reads it.
 */
import '../../src/local/quiet';
import fs from 'node:fs';
import path from 'node:path';
import { startScaleMap } from '../../src/local/server';
import { EVAL_COMPANIES, companiesByKey } from '../../test/eval/companies';
import { formatReport, hardFailures, runEvaluation, STAGES, type EvalReport } from './runner';

function parseArgs(argv: string[]) {
  const keys: string[] = [];
  let out = '.scalemap-eval/output';
  let json: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out = argv[++i];
    else if (a === '--json') json = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else keys.push(a);
  }
  return { keys, out, json };
}

function writeOutput(dir: string, report: EvalReport) {
  for (const run of report.runs) {
    const d = path.join(dir, run.company, run.variant);
    fs.mkdirSync(d, { recursive: true });
    for (const s of STAGES) fs.writeFileSync(path.join(d, `${s}.txt`), run.texts[s]);
    fs.writeFileSync(
      path.join(d, 'emails.txt'),
      run.emails.map((e) => `=== ${e.subject}\n${e.text}`).join('\n\n'),
    );
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const companies = args.keys.length ? companiesByKey(args.keys) : [...EVAL_COMPANIES];
  const dataDir = path.resolve('.scalemap-eval/stack');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const app = await startScaleMap({
    ...process.env,
    SCALEMAP_DATA_DIR: dataDir,
    PORT: '0',
    SCALEMAP_TIME_SCALE: process.env.SCALEMAP_TIME_SCALE ?? '8640',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
  });
  let report: EvalReport;
  try {
    process.stdout.write(
      `Analysis evaluation: ${companies.length} companies × 2 validations on ${app.url} (time scale ${app.config.SCALEMAP_TIME_SCALE}x)\n`,
    );
    report = await runEvaluation({ url: app.url, outboxDir: app.ctx.outboxDir! }, companies, {
      log: (l) => process.stdout.write(`  ${l}\n`),
    });
  } finally {
    await app.stop();
  }
  writeOutput(path.resolve(args.out), report);
  if (args.json) {
    const { runs, ...rest } = report;
    fs.writeFileSync(
      args.json,
      JSON.stringify(
        { ...rest, runs: runs.map(({ texts: _texts, emails, ...r }) => ({ ...r, emails: emails.length })) },
        null,
        2,
      ),
    );
  }
  process.stdout.write(`\n${formatReport(report)}\n\n`);
  const failures = hardFailures(report);
  process.stdout.write(
    failures.length
      ? `HARD TARGETS FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`
      : 'All hard targets met.\n',
  );
  process.stdout.write(`Deliverable texts: ${path.resolve(args.out)}; ${report.seconds} s.\n`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((err) => {
  console.error('evaluation failed:', err);
  process.exit(2);
});
