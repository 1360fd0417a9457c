import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startScaleMap, type ScaleMapLocal } from '../../src/local/server';
import { createTestDatabase } from './db';
import type { RunnerOptions } from '../../src/local/runner';
export { Client, newUser, PASSWORD, SAMPLE_PROFILE } from '../../src/local/http-client';

export interface TestStack {
  app: ScaleMapLocal;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The real local stack for a test file: its own database (cloned from the migrated template),
 * s3rver and cognito-local in a temporary folder, the API on a free port.
 */
export async function startTestStack(
  env: Record<string, string> = {},
  opts: { runner?: Partial<RunnerOptions>; runPipeline?: boolean; dataDir?: string; database?: boolean } = {},
): Promise<TestStack> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-test-'));
  const database = opts.database === false ? undefined : await createTestDatabase();
  const app = await startScaleMap(
    {
      NODE_ENV: 'test',
      PORT: '0',
      SCALEMAP_DATA_DIR: dataDir,
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      LOG_LEVEL: 'silent',
      ...(database ? { DATABASE_URL: database.url } : {}),
      ...env,
    },
    { runner: opts.runner, runPipeline: opts.runPipeline, applyMigrations: false },
  );
  return {
    app,
    url: app.url,
    dataDir,
    stop: async () => {
      await app.stop();
      await database?.drop();
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
