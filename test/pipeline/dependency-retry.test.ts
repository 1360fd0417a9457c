import fs from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { DEFINITION_FILE } from '../../src/local/runner';
import { createHandler } from '../../src/lambda/handler';
import { setAppContext } from '../../src/runtime';
import type { AppContext } from '../../src/context';
import { lambdaContext } from '../../src/local/functions';

type State = Record<string, unknown> & { Type: string; Resource?: unknown };
const raw = YAML.parse(fs.readFileSync(DEFINITION_FILE, 'utf8')) as { States: Record<string, State> };

describe('a step that fails because a dependency is down', () => {
  it('is raised as DependencyUnavailable; other errors keep their name', async () => {
    setAppContext({} as AppContext);
    try {
      const down = createHandler('test-down', z.object({}), async () => {
        throw Object.assign(new Error('Connection terminated due to connection timeout'), {
          code: undefined,
        });
      });
      const bug = createHandler('test-bug', z.object({}), async () => {
        throw new TypeError('x is undefined');
      });
      await expect(down({}, lambdaContext('test-down'))).rejects.toMatchObject({
        name: 'DependencyUnavailable',
      });
      await expect(bug({}, lambdaContext('test-bug'))).rejects.toMatchObject({ name: 'TypeError' });
    } finally {
      setAppContext(undefined);
    }
  });

  it('is retried by the state machine for longer than a 20 s outage, before the usual quick retries', () => {
    const lambdaTasks = Object.entries(raw.States).filter(
      ([, s]) => s.Type === 'Task' && !String(s.Resource).endsWith('.waitForTaskToken'),
    );
    expect(lambdaTasks.length).toBeGreaterThanOrEqual(12);
    for (const [name, state] of lambdaTasks) {
      const retry = state.Retry as {
        ErrorEquals: string[];
        IntervalSeconds: number;
        BackoffRate: number;
        MaxAttempts: number;
      }[];
      const i = retry.findIndex((r) => r.ErrorEquals.includes('DependencyUnavailable'));
      const all = retry.findIndex((r) => r.ErrorEquals.includes('States.ALL'));
      expect({ name, before: i >= 0 && i < all }).toEqual({ name, before: true });
      const r = retry[i];
      let total = 0;
      for (let n = 0; n < r.MaxAttempts; n++) total += r.IntervalSeconds * r.BackoffRate ** n;
      expect(total).toBeGreaterThan(60);
    }
  });
});
