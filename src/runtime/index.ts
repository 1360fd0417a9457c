import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import type { AppContext } from '../context';
import { createContext } from './context';
import { resolveSecretArns } from './secrets';
import { withDatabaseUrl } from './database-url';

let current: AppContext | undefined;

/**
 * Where a local handler finds the running local stack: `npm start` writes its endpoints to
 * SCALEMAP_DATA_DIR/stack.json, so `sls invoke local -f NAME` works against it with no other set-up.
 */
function localStackEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  if (env.SCALEMAP_RUNTIME === 'aws' || env.DATABASE_URL) return {};
  const file = path.resolve(env.SCALEMAP_DATA_DIR ?? '.scalemap', 'stack.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/**
 * The process's AppContext, built once from the environment on first use (a Lambda cold start, an agent task,
 * `sls invoke local`), or the one a host installed with setAppContext (the local stack, tests).
 */
export function getAppContext(): AppContext {
  current ??= createContext(loadConfig(withDatabaseUrl({ ...localStackEnv(process.env), ...process.env })));
  return current;
}

export function setAppContext(ctx: AppContext | undefined) {
  current = ctx;
}

let secretsResolved: Promise<unknown> | undefined;

/** On AWS Lambda: the secrets named by `*_SECRET_ARN` variables, fetched once before the context is built. */
export function ensureSecrets(): Promise<unknown> {
  secretsResolved ??= process.env.SCALEMAP_RUNTIME === 'aws' ? resolveSecretArns() : Promise.resolve([]);
  return secretsResolved;
}
