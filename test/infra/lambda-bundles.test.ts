/**
 * The Lambda bundles, built as serverless-esbuild builds them (resources/esbuild.js), for every function in
 * serverless.yml: each fits the cold-start budget (< 5 MB with its assets), carries only what it runs, and loads
 * no AWS SDK module before it calls a service (issue 12, cold starts; timings are in `npm run bench:cold-start`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');
const serverlessEsbuildConfig = require('../../resources/esbuild.js') as ((serverless: unknown) => {
  plugins: esbuild.Plugin[];
  exclude: string[];
}) & {
  lambdaBuildOptions: () => esbuild.BuildOptions;
  lambdaFunctions: () => { name: string; entry: string }[];
};
const { lambdaBuildOptions, lambdaFunctions } = serverlessEsbuildConfig;

interface Built {
  name: string;
  outfile: string;
  bytes: number;
  withAssets: number;
  inputs: string[];
}

const packages = (inputs: string[], names: string[]) =>
  names.filter((n) => inputs.some((i) => i.includes(`node_modules/${n}/`)));

describe('Lambda bundles', () => {
  let work: string;
  const built = new Map<string, Built>();

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-lambda-bundles-'));
    for (const fn of lambdaFunctions()) {
      const outfile = path.join(work, fn.name, 'index.js');
      const result = await esbuild.build({
        ...lambdaBuildOptions(),
        entryPoints: [path.join(ROOT, fn.entry)],
        outfile,
        metafile: true,
        logLevel: 'silent',
      });
      const dir = path.dirname(outfile);
      built.set(fn.name, {
        name: fn.name,
        outfile,
        bytes: fs.statSync(outfile).size,
        withAssets: fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0),
        inputs: Object.keys(result.metafile.inputs),
      });
    }
  }, 300_000);
  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('covers every function of serverless.yml, the API included', () => {
    expect([...built.keys()]).toEqual(
      expect.arrayContaining(['api', 'relayOutbox', 'prepareExecution', 'generateDetailedReport']),
    );
    expect(built.size).toBeGreaterThanOrEqual(17);
  });

  it('each is under 5 MB with its assets (Prisma query compiler .wasm beside the bundle)', () => {
    for (const b of built.values()) {
      expect({ fn: b.name, under5MB: b.withAssets < 5_000_000 }).toEqual({ fn: b.name, under5MB: true });
      expect(fs.readdirSync(path.dirname(b.outfile)).some((f) => f.endsWith('.wasm'))).toBe(true);
    }
  });

  it('the API carries no document reader, no LLM client, no PDF renderer and no local runtime', () => {
    const api = built.get('api')!;
    expect(packages(api.inputs, ['unpdf', 'exceljs', 'mammoth', 'csv-parse', 'openai', 'pdf-lib'])).toEqual(
      [],
    );
    // It checks an upload's first bytes (src/documents/sniff.ts) but reads no document.
    const readers = /^src\/(adapters\/local|documents\/(extract|pdf|xlsx|docx|csv))/;
    expect(api.inputs.filter((i) => readers.test(i))).toEqual([]);
  });

  it('no pipeline step carries the document readers, the LLM client or the local runtime', () => {
    for (const b of built.values()) {
      const heavy = packages(b.inputs, ['unpdf', 'exceljs', 'mammoth', 'openai', 'aws-local-stepfunctions']);
      const local = b.inputs.filter((i) => i.startsWith('src/adapters/local/'));
      expect({ fn: b.name, heavy, local }).toEqual({ fn: b.name, heavy: [], local: [] });
    }
  });

  it('loading a bundle loads no AWS SDK module: each client module is required when its service is first called', () => {
    for (const name of ['api', 'relayOutbox', 'dispatchAgents']) {
      const r = spawnSync(
        process.execPath,
        [
          '-e',
          `require(process.env.BUNDLE);
           process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('@aws-sdk'))));`,
        ],
        {
          env: {
            PATH: process.env.PATH,
            NODE_PATH: path.join(ROOT, 'node_modules'),
            BUNDLE: built.get(name)!.outfile,
          },
          encoding: 'utf8',
        },
      );
      expect({ name, stderr: r.stderr, sdk: JSON.parse(r.stdout || 'null') }).toEqual({
        name,
        stderr: '',
        sdk: [],
      });
    }
  });

  it('serverless-esbuild leaves the local runtime out when packaging, and keeps it for `sls invoke local`', async () => {
    const plugins = (commands: string[]) =>
      serverlessEsbuildConfig({ processedInput: { commands } }).plugins.map((p) => p.name);
    expect(plugins(['package'])).toEqual(['scalemap-aws-runtime-only', 'scalemap-prisma-wasm-file']);
    expect(plugins(['invoke', 'local'])).toEqual(['scalemap-prisma-wasm-file']);
    expect(serverlessEsbuildConfig({}).exclude).toEqual(['@aws-sdk/*']);
    // A deployed bundle asked for the local runtime says so instead of half-working.
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        `require(process.env.BUNDLE).handler({}, { getRemainingTimeInMillis: () => 1000 })
           .then(() => process.stdout.write('answered'), (e) => process.stdout.write(e.message));`,
      ],
      {
        env: {
          PATH: process.env.PATH,
          NODE_PATH: path.join(ROOT, 'node_modules'),
          BUNDLE: built.get('relayOutbox')!.outfile,
          SCALEMAP_RUNTIME: 'local',
          DATABASE_URL: 'postgresql://127.0.0.1:1/none',
          COGNITO_USER_POOL_ID: 'eu-west-1_x',
          COGNITO_CLIENT_ID: 'x',
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
      },
    );
    expect(r.stdout).toMatch(/SCALEMAP_RUNTIME=local is not available in a deployed Lambda bundle/);
  });
});
