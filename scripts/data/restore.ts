import 'dotenv/config';
import { z } from 'zod';
import { restoreLocalStack } from '../../src/data/backup';
import { args, print, run } from './cli';

/** `npm run data:restore -- --from <backup> [--data-dir .scalemap] [--force]`: the stack must be stopped. */
const opts = args(
  'npm run data:restore -- --from <backup folder> [--data-dir <folder>] [--force]',
  { from: { type: 'string' }, 'data-dir': { type: 'string' }, force: { type: 'boolean' } },
  { from: z.string().min(1), 'data-dir': z.string().min(1).optional(), force: z.boolean().optional() },
);

run(async () => {
  const dataDir = opts['data-dir'] ?? process.env.SCALEMAP_DATA_DIR ?? '.scalemap';
  const result = await restoreLocalStack({ from: opts.from, dataDir, force: opts.force }, print);
  print(result.report);
  return result.ok ? 0 : 1;
});
