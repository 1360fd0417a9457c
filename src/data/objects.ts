import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createS3Client } from '../adapters/aws/object-store';

/**
 * Buckets as the data commands name them: `s3://bucket` or a bare name (AWS, or S3_ENDPOINT when set), or
 * `http://127.0.0.1:PORT/bucket` (an S3-compatible server such as the local stack's s3rver, path-style).
 */
export interface BucketLocation {
  bucket: string;
  endpoint?: string;
}

export function parseBucket(spec: string, defaultEndpoint?: string): BucketLocation {
  const s = spec.trim();
  if (/^https?:\/\//.test(s)) {
    const url = new URL(s);
    const bucket = url.pathname.split('/').filter(Boolean)[0];
    if (!bucket) throw new Error(`no bucket name in ${spec} (expected http://host:port/bucket)`);
    return { bucket, endpoint: url.origin };
  }
  const bucket = s.replace(/^s3:\/\//, '').replace(/\/+$/, '');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error(`not a bucket name: ${spec}`);
  return { bucket, endpoint: defaultEndpoint };
}

export function describeBucket(b: BucketLocation): string {
  return b.endpoint ? `${b.endpoint}/${b.bucket}` : `s3://${b.bucket}`;
}

export interface StoredObject {
  key: string;
  size: number;
  sha256: string;
  contentType?: string;
}

export function bucketClient(b: BucketLocation, region = process.env.AWS_REGION ?? 'eu-west-1'): S3Client {
  return createS3Client({ region, endpoint: b.endpoint });
}

export async function listKeys(
  client: S3Client,
  bucket: string,
): Promise<Array<{ key: string; size: number }>> {
  const out: Array<{ key: string; size: number }> = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token, MaxKeys: 1000 }),
    );
    for (const o of page.Contents ?? []) if (o.Key) out.push({ key: o.Key, size: o.Size ?? 0 });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export async function getObject(
  client: S3Client,
  bucket: string,
  key: string,
): Promise<{ body: Buffer; contentType?: string }> {
  const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const body = res.Body ? Buffer.from(await res.Body.transformToByteArray()) : Buffer.alloc(0);
  return { body, contentType: res.ContentType };
}

export const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** Every object in the bucket with its size and SHA-256 (read in full: the checksum is ours, not the ETag). */
export async function inventory(b: BucketLocation, client = bucketClient(b)): Promise<StoredObject[]> {
  const out: StoredObject[] = [];
  for (const { key } of await listKeys(client, b.bucket)) {
    const { body, contentType } = await getObject(client, b.bucket, key);
    out.push({ key, size: body.length, sha256: sha256(body), contentType });
  }
  return out;
}

/**
 * Copies every object of `from` to `to` (same keys, bodies and content types). With `prune`, objects of `to`
 * that `from` lacks are deleted, so the target ends up a mirror.
 */
export async function copyObjects(
  from: BucketLocation,
  to: BucketLocation,
  opts: { prune?: boolean; onObject?: (key: string, size: number) => void } = {},
): Promise<{ copied: number; bytes: number; pruned: number }> {
  const src = bucketClient(from);
  const dst = bucketClient(to);
  try {
    const keys = await listKeys(src, from.bucket);
    let bytes = 0;
    for (const { key } of keys) {
      const { body, contentType } = await getObject(src, from.bucket, key);
      await dst.send(
        new PutObjectCommand({ Bucket: to.bucket, Key: key, Body: body, ContentType: contentType }),
      );
      bytes += body.length;
      opts.onObject?.(key, body.length);
    }
    let pruned = 0;
    if (opts.prune) {
      const wanted = new Set(keys.map((k) => k.key));
      for (const { key } of await listKeys(dst, to.bucket)) {
        if (wanted.has(key)) continue;
        await dst.send(new DeleteObjectCommand({ Bucket: to.bucket, Key: key }));
        pruned++;
      }
    }
    return { copied: keys.length, bytes, pruned };
  } finally {
    src.destroy();
    dst.destroy();
  }
}
