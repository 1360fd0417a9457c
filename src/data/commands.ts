import { snapshotPair } from './snapshot';
import { compareDatabases, formatComparison, withObjects, type Comparison } from './compare';
import { copyRows, DataRefusal, nonEmptyTables, prepareSchema } from './copy';
import {
  bucketClient,
  copyObjects,
  describeBucket,
  inventory,
  listKeys,
  type BucketLocation,
} from './objects';

/** The data commands as functions (the CLIs in scripts/data/ parse arguments and call these). */
export type Log = (line: string) => void;

export const redactUrl = (url: string) => url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');

export interface VerifyOptions {
  a: string;
  b: string;
  objectsA?: BucketLocation;
  objectsB?: BucketLocation;
}

export interface VerifyResult {
  ok: boolean;
  comparison: Comparison;
  report: string;
}

/** Schema, row counts, orphaned foreign keys, NOT NULL columns and (when given) objects of two copies. */
export async function verify(opts: VerifyOptions): Promise<VerifyResult> {
  const { a, b } = await snapshotPair(opts.a, opts.b);
  let comparison = compareDatabases(a, b);
  if (opts.objectsA && opts.objectsB) {
    const [ia, ib] = [await inventory(opts.objectsA), await inventory(opts.objectsB)];
    comparison = withObjects(comparison, ia, ib);
  }
  const report = formatComparison(comparison);
  return { ok: comparison.differences.length === 0, comparison, report };
}

export interface CopyOptions {
  from: string;
  to: string;
  objectsFrom?: BucketLocation;
  objectsTo?: BucketLocation;
  force?: boolean;
  dryRun?: boolean;
}

async function objectSummary(b: BucketLocation): Promise<{ count: number; bytes: number }> {
  const client = bucketClient(b);
  try {
    const keys = await listKeys(client, b.bucket);
    return { count: keys.length, bytes: keys.reduce((s, k) => s + k.size, 0) };
  } finally {
    client.destroy();
  }
}

/**
 * Copies a database (and its bucket) to an empty target, then verifies the two. A non-empty target is refused
 * unless `force` (its rows are then replaced, and target objects the source lacks are deleted); `dryRun` only
 * says what would happen.
 */
export async function copy(opts: CopyOptions, log: Log): Promise<VerifyResult | null> {
  if (Boolean(opts.objectsFrom) !== Boolean(opts.objectsTo))
    throw new DataRefusal('--objects-from and --objects-to go together');
  if (opts.from === opts.to) throw new DataRefusal('--from and --to are the same database');
  const occupied = await nonEmptyTables(opts.to).catch((err: Error) => {
    throw new DataRefusal(`cannot read the target database ${redactUrl(opts.to)}: ${err.message}`);
  });
  const targetObjects = opts.objectsTo ? await objectSummary(opts.objectsTo) : undefined;
  const verb = opts.dryRun ? 'would' : 'will';
  log(`database: ${redactUrl(opts.from)} -> ${redactUrl(opts.to)}`);
  if (occupied.length) {
    const list = occupied.map((t) => `${t.table} (${t.rows})`).join(', ');
    if (!opts.force)
      throw new DataRefusal(`the target database is not empty: ${list}. Use --force to replace its rows.`);
    log(`  the target holds rows (${list}): --force, they ${verb} be replaced`);
  }
  if (opts.objectsFrom && opts.objectsTo) {
    const source = await objectSummary(opts.objectsFrom);
    log(
      `objects: ${describeBucket(opts.objectsFrom)} (${source.count} objects, ${source.bytes} B) -> ${describeBucket(opts.objectsTo)}`,
    );
    if (targetObjects && targetObjects.count > 0) {
      if (!opts.force)
        throw new DataRefusal(
          `the target bucket is not empty (${targetObjects.count} objects). Use --force to mirror the source into it.`,
        );
      log(
        `  the target bucket holds ${targetObjects.count} objects: --force, ones the source lacks ${verb} be deleted`,
      );
    }
  }
  if (opts.dryRun) {
    log(
      'dry run: the target would be migrated to the source schema, every table copied in foreign-key order',
    );
    log(
      'in one transaction, sequences reset, objects copied, and the two copies verified. Nothing was changed.',
    );
    return null;
  }
  await prepareSchema(opts.from, opts.to, log);
  log('copying rows:');
  const tables = await copyRows(opts.from, opts.to, log);
  log(`copied ${tables.reduce((s, t) => s + t.rows, 0)} rows in ${tables.length} tables`);
  if (opts.objectsFrom && opts.objectsTo) {
    const res = await copyObjects(opts.objectsFrom, opts.objectsTo, { prune: opts.force });
    log(`copied ${res.copied} objects (${res.bytes} B)${res.pruned ? `, deleted ${res.pruned}` : ''}`);
  }
  log('verifying:');
  return verify({ a: opts.from, b: opts.to, objectsA: opts.objectsFrom, objectsB: opts.objectsTo });
}

export { DataRefusal };
