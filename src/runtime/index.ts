import { loadConfig } from '../config';
import type { AppContext } from '../context';
import { createContext } from './context';

let current: AppContext | undefined;

/**
 * The process's AppContext, built once from the environment on first use (a Lambda cold start, an agent task,
 * `sls invoke local`), or the one a host installed with setAppContext (the local stack, tests).
 */
export function getAppContext(): AppContext {
  current ??= createContext(loadConfig());
  return current;
}

export function setAppContext(ctx: AppContext | undefined) {
  current = ctx;
}
