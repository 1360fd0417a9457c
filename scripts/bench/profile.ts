/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. from `npm run bench:api -- --cpu-prof DIR`):
 * self time by package (node_modules/<name>, node internals, GC, our own code) and the top functions.
 * Usage: tsx scripts/bench/profile.ts FILE.cpuprofile [--top 25] [--busiest SECONDS]
 * --busiest S keeps only the busiest S-second window (e.g. the 10 s of one bench target, without start-up).
 */
import fs from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: profile.ts FILE.cpuprofile');
const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 25;
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const isIdle = (id: number) => byId.get(id)?.callFrame.functionName === '(idle)';

/** [from, to) sample indices of the busiest window of `seconds` (two pointers over the cumulative time). */
function busiestWindow(seconds: number): [number, number] {
  const span = seconds * 1e6;
  let best: [number, number] = [0, profile.samples.length];
  let bestBusy = -1;
  let from = 0;
  let elapsed = 0;
  let busyInWindow = 0;
  for (let to = 0; to < profile.samples.length; to++) {
    const d = profile.timeDeltas[to] ?? 0;
    elapsed += d;
    if (!isIdle(profile.samples[to])) busyInWindow += d;
    while (elapsed > span && from < to) {
      const f = profile.timeDeltas[from] ?? 0;
      elapsed -= f;
      if (!isIdle(profile.samples[from])) busyInWindow -= f;
      from++;
    }
    if (busyInWindow > bestBusy) {
      bestBusy = busyInWindow;
      best = [from, to + 1];
    }
  }
  return best;
}

const busiestAt = process.argv.indexOf('--busiest');
const [first, last] =
  busiestAt > 0 ? busiestWindow(Number(process.argv[busiestAt + 1])) : [0, profile.samples.length];
const self = new Map<number, number>();
for (let i = first; i < last; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}

function bucket(n: Node): string {
  const { functionName, url } = n.callFrame;
  if (functionName === '(idle)') return '(idle)';
  if (functionName === '(garbage collector)') return '(garbage collector)';
  if (functionName === '(program)') return '(program)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.includes('/src/generated/')) return 'prisma (generated client)';
  if (url.startsWith('node:') || !url) return 'node internals';
  return 'our code';
}

const total = [...self.values()].reduce((a, b) => a + b, 0);
const busy =
  total -
  [...self.entries()].filter(([id]) => bucket(byId.get(id)!) === '(idle)').reduce((a, [, t]) => a + t, 0);
const buckets = new Map<string, number>();
const fns = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  buckets.set(bucket(n), (buckets.get(bucket(n)) ?? 0) + t);
  const where = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|scripts)\//, '$1/');
  const key = `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + t);
}
const pct = (t: number, of: number) => `${((t / of) * 100).toFixed(1)}%`.padStart(6);
process.stdout.write(
  `${file}: ${(total / 1e6).toFixed(1)} s sampled, busy ${pct(busy, total)}\n\nself time by package (share of busy time):\n`,
);
for (const [name, t] of [...buckets].sort((a, b) => b[1] - a[1]))
  if (name !== '(idle)') process.stdout.write(`  ${pct(t, busy)}  ${name}\n`);
process.stdout.write(`\ntop ${top} functions by self time:\n`);
for (const [name, t] of [...fns]
  .filter(([k]) => !k.startsWith('(idle)'))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top))
  process.stdout.write(`  ${pct(t, busy)}  ${name}\n`);
