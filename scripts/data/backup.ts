import 'dotenv/config';
import path from 'node:path';
import { z } from 'zod';
import { backupLocalStack } from '../../src/data/backup';
import { args, print, run } from './cli';

/** `npm run data:backup [-- --data-dir .scalemap --out backups/<time>]`: the local stack, while it runs. */
const opts = args(
  'npm run data:backup -- [--data-dir <folder>] [--out <new folder>]',
  { 'data-dir': { type: 'string' }, out: { type: 'string' } },
  { 'data-dir': z.string().min(1).optional(), out: z.string().min(1).optional() },
);

run(async () => {
  const dataDir = opts['data-dir'] ?? process.env.SCALEMAP_DATA_DIR ?? '.scalemap';
  const out = opts.out ?? path.join('backups', new Date().toISOString().replace(/[:.]/g, '-'));
  await backupLocalStack({ dataDir, out }, print);
  return 0;
});
