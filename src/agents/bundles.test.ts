import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

/**
 * gpt-tokenizer (about 2.8 MB) is for the agent that calls the LLM: token counting lives in src/agents, never in
 * src/domain, so the API and pipeline Lambda bundles leave it out. Bundled as serverless-esbuild does (metafile).
 */
const ROOT = path.resolve(__dirname, '..', '..');

async function inputsOf(entry: string): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
    outfile: path.join(ROOT, '.bundle-check.js'),
  });
  return Object.keys(result.metafile.inputs);
}

describe('gpt-tokenizer stays out of the Lambda bundles', () => {
  it('is in the agent container and in none of functions/*.ts', async () => {
    expect((await inputsOf('containers/agent/main.ts')).some((i) => i.includes('gpt-tokenizer'))).toBe(true);
    const lambdas = fs.readdirSync(path.join(ROOT, 'functions')).filter((f) => /^[\w-]+\.ts$/.test(f));
    expect(lambdas).toContain('api.ts');
    for (const f of lambdas) {
      const tokenizer = (await inputsOf(`functions/${f}`)).filter((i) => i.includes('gpt-tokenizer'));
      expect({ f, tokenizer }).toEqual({ f, tokenizer: [] });
    }
  }, 120_000);
});
