import 'dotenv/config';
import { z } from 'zod';
import { copy } from '../../src/data/commands';
import { parseBucket } from '../../src/data/objects';
import { args, postgresUrl, print, run } from './cli';

/** `npm run data:copy -- --from URL --to URL [--objects-from B --objects-to B] [--force] [--dry-run]` */
const opts = args(
  'npm run data:copy -- --from <database URL> --to <database URL> [--objects-from <bucket> --objects-to <bucket>] [--force] [--dry-run]',
  {
    from: { type: 'string' },
    to: { type: 'string' },
    'objects-from': { type: 'string' },
    'objects-to': { type: 'string' },
    force: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  {
    from: postgresUrl,
    to: postgresUrl,
    'objects-from': z.string().optional(),
    'objects-to': z.string().optional(),
    force: z.boolean().optional(),
    'dry-run': z.boolean().optional(),
  },
);

run(async () => {
  const endpoint = process.env.S3_ENDPOINT || undefined;
  const result = await copy(
    {
      from: opts.from,
      to: opts.to,
      objectsFrom: opts['objects-from'] ? parseBucket(opts['objects-from'], endpoint) : undefined,
      objectsTo: opts['objects-to'] ? parseBucket(opts['objects-to'], endpoint) : undefined,
      force: opts.force,
      dryRun: opts['dry-run'],
    },
    print,
  );
  if (!result) return 0;
  print(result.report);
  return result.ok ? 0 : 1;
});
