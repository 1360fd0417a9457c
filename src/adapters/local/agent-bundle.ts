import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { logger } from '../../logger';

/**
 * The local agent tasks run the container entrypoint from a prebuilt esbuild bundle, as the Fargate image does
 * (`npm run build:agent`), instead of `node --import tsx containers/agent/main.ts`: tsx transpiles every module
 * on every start (about 2 s of CPU per task; 15–30 s of wall clock when five tasks start at once on a loaded
 * 2-core machine), a bundle loads in about 1 s of CPU.
 *
 * The bundle is built once into node_modules/.cache/scalemap-agent and reused while none of its inputs changed
 * (a manifest records each source file's size and mtime, checked at most every few seconds), so `npm start` on a fresh clone builds it on first use and
 * an edited source file is picked up at the next launch. Concurrent builders (test workers) each write their own
 * file and swap the manifest atomically.
 */
interface Manifest {
  file: string;
  inputs: Record<string, [number, number]>;
}

export interface AgentBundleOptions {
  root: string;
  entry?: string;
  cacheDir?: string;
}

function stamp(file: string): [number, number] | undefined {
  try {
    const s = fs.statSync(file);
    return [s.size, Math.round(s.mtimeMs)];
  } catch {
    return undefined;
  }
}

function readManifest(manifestFile: string, root: string): Manifest | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    if (!fs.existsSync(m.file)) return undefined;
    for (const [input, [size, mtime]] of Object.entries(m.inputs)) {
      const now = stamp(path.resolve(root, input));
      if (!now || now[0] !== size || now[1] !== mtime) return undefined;
    }
    return m;
  } catch {
    return undefined;
  }
}

async function build(opts: Required<AgentBundleOptions>, manifestFile: string): Promise<string> {
  // A runtime require by variable: esbuild (a native binary) is a build tool, never part of the agent bundle.
  const esbuildModule = 'esbuild';
  const esbuild = require(esbuildModule) as typeof import('esbuild');
  fs.mkdirSync(opts.cacheDir, { recursive: true });
  const file = path.join(opts.cacheDir, `agent-${randomUUID()}.js`);
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: [path.resolve(opts.root, opts.entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    format: 'cjs',
    keepNames: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    logOverride: { 'empty-import-meta': 'silent' },
    absWorkingDir: opts.root,
  });
  // Sources by their own stamp; dependencies by npm's record of node_modules (an install rewrites it).
  const inputs: Manifest['inputs'] = {};
  const sources = Object.keys(result.metafile.inputs).filter((i) => !i.includes('node_modules/'));
  for (const input of [...sources, path.join('node_modules', '.package-lock.json')]) {
    const s = stamp(path.resolve(opts.root, input));
    if (s) inputs[input] = s;
  }
  const tmp = `${manifestFile}.${process.pid}.${randomUUID()}`;
  fs.writeFileSync(tmp, JSON.stringify({ file, inputs } satisfies Manifest));
  fs.renameSync(tmp, manifestFile);
  logger.info({ file, ms: Date.now() - started }, 'agent bundle built');
  removeOldBundles(opts.cacheDir, file);
  return file;
}

/** Bundles no manifest names any more, once they are an hour old (a task may still be starting from one). */
function removeOldBundles(dir: string, keep: string) {
  const hourAgo = Date.now() - 3600_000;
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (!name.startsWith('agent-') || p === keep || p === `${keep}.map`) continue;
    try {
      if (fs.statSync(p).mtimeMs < hourAgo) fs.rmSync(p, { force: true });
    } catch {
      // another process removed it
    }
  }
}

const pending = new Map<string, Promise<string>>();
const checked = new Map<string, { file: string; at: number }>();
const RECHECK_MS = 5000;

/** The path of an up-to-date agent bundle, built if missing or stale (one build at a time per process). */
export function ensureAgentBundle(options: AgentBundleOptions): Promise<string> {
  const opts: Required<AgentBundleOptions> = {
    entry: path.join('containers', 'agent', 'main.ts'),
    cacheDir: path.join(options.root, 'node_modules', '.cache', 'scalemap-agent'),
    ...options,
  };
  const manifestFile = path.join(opts.cacheDir, 'manifest.json');
  const recent = checked.get(manifestFile);
  if (recent && Date.now() - recent.at < RECHECK_MS && fs.existsSync(recent.file))
    return Promise.resolve(recent.file);
  const fresh = readManifest(manifestFile, opts.root);
  if (fresh) {
    checked.set(manifestFile, { file: fresh.file, at: Date.now() });
    return Promise.resolve(fresh.file);
  }
  let p = pending.get(manifestFile);
  if (!p) {
    p = build(opts, manifestFile)
      .then((file) => {
        checked.set(manifestFile, { file, at: Date.now() });
        return file;
      })
      .finally(() => pending.delete(manifestFile));
    pending.set(manifestFile, p);
  }
  return p;
}
