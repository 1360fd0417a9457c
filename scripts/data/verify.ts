import 'dotenv/config';
import { z } from 'zod';
import { verify } from '../../src/data/commands';
import { parseBucket } from '../../src/data/objects';
import { args, postgresUrl, print, run } from './cli';

/** `npm run data:verify -- --a URL --b URL [--objects-a B --objects-b B]`: exits 1 on any difference. */
const opts = args(
  'npm run data:verify -- --a <database URL> --b <database URL> [--objects-a <bucket> --objects-b <bucket>]',
  {
    a: { type: 'string' },
    b: { type: 'string' },
    'objects-a': { type: 'string' },
    'objects-b': { type: 'string' },
  },
  { a: postgresUrl, b: postgresUrl, 'objects-a': z.string().optional(), 'objects-b': z.string().optional() },
);

run(async () => {
  if (Boolean(opts['objects-a']) !== Boolean(opts['objects-b'])) {
    process.stderr.write('--objects-a and --objects-b go together\n');
    return 2;
  }
  const endpoint = process.env.S3_ENDPOINT || undefined;
  const result = await verify({
    a: opts.a,
    b: opts.b,
    objectsA: opts['objects-a'] ? parseBucket(opts['objects-a'], endpoint) : undefined,
    objectsB: opts['objects-b'] ? parseBucket(opts['objects-b'], endpoint) : undefined,
  });
  print(result.report);
  return result.ok ? 0 : 1;
});
