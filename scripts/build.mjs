#!/usr/bin/env node
// Bundles the container entrypoints with esbuild (bundle, platform node, target node22, CommonJS) and prints
// each bundle's size. The Dockerfiles copy only these folders into their runtime images.
//
//   node scripts/build.mjs api      containers/api/main.ts   -> dist/api/index.js
//   node scripts/build.mjs agent    containers/agent/main.ts -> dist/agent/index.js (+ migration assets)
//   node scripts/build.mjs all
//   node scripts/build.mjs --entry some/file.ts --outdir /tmp/out   (any entry, e.g. to try the script)
//
// The agent image also runs the database migrations (`node index.js migrate`, see docs/runbooks/deploy.md),
// so dist/agent/ also gets prisma/schema.prisma, prisma/migrations/ and the schema engine's .wasm file.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const TARGETS = {
  api: { entry: 'containers/api/main.ts', outdir: 'dist/api' },
  agent: { entry: 'containers/agent/main.ts', outdir: 'dist/agent', assets: migrationAssets },
};

/** What `migrate` needs next to the agent bundle: the schema, the migrations and the schema engine (WASM). */
function migrationAssets(outdir) {
  const copied = [];
  const prismaDir = path.join(root, 'prisma');
  if (fs.existsSync(path.join(prismaDir, 'schema.prisma'))) {
    fs.mkdirSync(path.join(outdir, 'prisma'), { recursive: true });
    fs.copyFileSync(path.join(prismaDir, 'schema.prisma'), path.join(outdir, 'prisma', 'schema.prisma'));
    copied.push('prisma/schema.prisma');
  }
  if (fs.existsSync(path.join(prismaDir, 'migrations'))) {
    fs.cpSync(path.join(prismaDir, 'migrations'), path.join(outdir, 'prisma', 'migrations'), {
      recursive: true,
    });
    copied.push('prisma/migrations/');
  }
  try {
    const wasm = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    fs.copyFileSync(wasm, path.join(outdir, 'schema_engine_bg.wasm'));
    copied.push('schema_engine_bg.wasm');
  } catch {
    // not installed: the image cannot migrate, the rest still works
  }
  return copied;
}

function kib(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

function folderSize(dir) {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? folderSize(p) : fs.statSync(p).size;
  }
  return total;
}

async function build(name, { entry, outdir, assets }) {
  const entryPath = path.resolve(root, entry);
  if (!fs.existsSync(entryPath)) throw new Error(`${name}: entry ${entry} does not exist`);
  const out = path.resolve(root, outdir);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: [entryPath],
    outfile: path.join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    keepNames: true,
    sourcemap: 'linked', // readable stack traces with NODE_OPTIONS=--enable-source-maps (set in the Dockerfiles)
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    // src/db/schema-engine.mjs falls back to SCALEMAP_PRISMA_DIR / __dirname when import.meta is empty (CJS).
    logOverride: { 'empty-import-meta': 'silent' },
    absWorkingDir: root,
  });
  const bundle = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('index.js'));
  const copied = assets ? assets(out) : [];
  const ms = Date.now() - started;
  console.log(
    `${name}: ${path.relative(root, path.join(out, 'index.js'))} ${kib(bundle?.[1].bytes ?? 0)}` +
      ` (folder ${kib(folderSize(out))}${copied.length ? `, with ${copied.join(', ')}` : ''}) in ${ms} ms`,
  );
}

async function main() {
  const args = process.argv.slice(2);
  const entryAt = args.indexOf('--entry');
  if (entryAt >= 0) {
    const outAt = args.indexOf('--outdir');
    const entry = args[entryAt + 1];
    const outdir =
      outAt >= 0 ? args[outAt + 1] : path.join('dist', path.basename(entry, path.extname(entry)));
    await build(path.basename(entry), { entry, outdir });
    return;
  }
  const names = args.length === 0 || args.includes('all') ? Object.keys(TARGETS) : args;
  for (const name of names) {
    const target = TARGETS[name];
    if (!target) throw new Error(`unknown target ${name}: use ${Object.keys(TARGETS).join(', ')} or all`);
    await build(name, target);
  }
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
