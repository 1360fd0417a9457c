/**
 * `npm run chaos`: the full fault-injection run (scripts/chaos/chaos.ts). Prints the table; exits 1 on any loss,
 * duplicate, 5xx other than a 503 while a dependency was down, or row changed by rejected input.
 * `npm run chaos -- --short` runs the short version the test suite runs.
 */
import '../../src/local/quiet';
import { formatTable, FULL, runChaos, SHORT } from './chaos';

const short = process.argv.includes('--short');

async function main() {
  const opts = short ? SHORT : FULL;
  const started = new Date();
  const result = await runChaos({ ...opts, log: (l) => process.stdout.write(`[chaos] ${l}\n`) });
  process.stdout.write(
    `\nFault injection, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC (${result.seconds.toFixed(0)} s)\n\n`,
  );
  process.stdout.write(`${formatTable(result)}\n\n`);
  if (!result.ok) {
    process.stdout.write(`FAILED:\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('passed: nothing lost, nothing duplicated\n');
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
