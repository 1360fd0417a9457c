/**
 * `npm run chaos`: the full fault-injection run (scripts/chaos/chaos.ts). Prints the table; exits 1 on any loss,
 * duplicate, 5xx other than a 503 while a dependency was down, or row changed by rejected input.
 * `npm run chaos -- --short` runs the short version the test suite runs.
 */
import '../../src/local/quiet';
import { FAULTS, formatTable, runChaos, type ChaosOptions } from './chaos';

const short = process.argv.includes('--short');

export const FULL: ChaosOptions = {
  assessmentsPerFault: 2,
  faults: Object.keys(FAULTS),
  dbFreezeMs: 20_000,
  objectStoreDownMs: 10_000,
  llmFaultMs: 15_000,
  malformedCount: 1000,
  completionTimeoutMs: 600_000,
  timeScale: 20_000,
};

export const SHORT: ChaosOptions = {
  ...FULL,
  assessmentsPerFault: 1,
  faults: ['kill -9 agent', 'db frozen', 'kill -9 stack', 'duplicates'],
  dbFreezeMs: 4000,
  objectStoreDownMs: 3000,
  llmFaultMs: 3000,
  malformedCount: 100,
  completionTimeoutMs: 150_000,
};

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
