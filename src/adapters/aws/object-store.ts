import type { S3Client } from '@aws-sdk/client-s3';
import { logger } from '../../logger';
import type { ObjectStore } from '../../ports';
import { lazyClient, sdk } from './sdk';

export interface S3ObjectStoreSettings {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (s3rver locally). Implies path-style addressing. */
  endpoint?: string;
  /** Static credentials; with an endpoint and none given, dummy ones (s3rver does not check signatures). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** A ready client (tests); the settings above are then only used for the bucket name. */
  client?: S3Client;
}

/**
 * ObjectStore on S3, used unchanged against s3rver locally. Browsers upload and download directly through
 * presigned URLs; the PUT signature binds Content-Type and Content-Length, so a client cannot swap either.
 */
export class S3ObjectStore implements ObjectStore {
  private readonly bucket: string;
  private readonly makeClient: () => S3Client;

  constructor(settings: S3ObjectStoreSettings) {
    this.bucket = settings.bucket;
    this.makeClient = lazyClient(settings.client ?? (() => createS3Client(settings)));
  }

  /** The S3 client, created (and the SDK module loaded) on first use. */
  get client(): S3Client {
    return this.makeClient();
  }

  async put(key: string, body: Buffer | string, contentType: string): Promise<void> {
    await this.client.send(
      new (sdk.s3().PutObjectCommand)({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
      }),
    );
  }

  async get(key: string): Promise<Buffer> {
    const out = await this.client.send(new (sdk.s3().GetObjectCommand)({ Bucket: this.bucket, Key: key }));
    if (!out.Body) throw new Error(`S3 object ${key} has no body`);
    return Buffer.from(await out.Body.transformToByteArray());
  }

  async head(key: string): Promise<{ size: number; contentType?: string } | null> {
    try {
      const out = await this.client.send(new (sdk.s3().HeadObjectCommand)({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async readStart(key: string, bytes: number): Promise<Buffer> {
    const out = await this.client.send(
      new (sdk.s3().GetObjectCommand)({
        Bucket: this.bucket,
        Key: key,
        Range: `bytes=0-${Math.max(0, bytes - 1)}`,
      }),
    );
    if (!out.Body) return Buffer.alloc(0);
    return Buffer.from(await out.Body.transformToByteArray()).subarray(0, bytes);
  }

  async copy(fromKey: string, toKey: string): Promise<void> {
    await this.client.send(
      new (sdk.s3().CopyObjectCommand)({
        Bucket: this.bucket,
        Key: toKey,
        CopySource: `${this.bucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`,
      }),
    );
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new (sdk.s3().DeleteObjectCommand)({ Bucket: this.bucket, Key: key }));
  }

  async presignPut(
    key: string,
    opts: { contentType: string; size: number; expiresSeconds: number },
  ): Promise<{ url: string; headers: Record<string, string> }> {
    const command = new (sdk.s3().PutObjectCommand)({
      Bucket: this.bucket,
      Key: key,
      ContentType: opts.contentType,
      ContentLength: opts.size,
    });
    const url = await sdk.s3Presigner().getSignedUrl(this.client, command, {
      expiresIn: opts.expiresSeconds,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    // Content-Length is set by the browser from the body; Content-Type must be sent as signed.
    return { url, headers: { 'Content-Type': opts.contentType } };
  }

  async presignGet(key: string, opts: { expiresSeconds: number; fileName?: string }): Promise<string> {
    const fileName = opts.fileName ?? key.split('/').pop() ?? 'download';
    const command = new (sdk.s3().GetObjectCommand)({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: contentDisposition(fileName),
    });
    return sdk.s3Presigner().getSignedUrl(this.client, command, { expiresIn: opts.expiresSeconds });
  }

  async ping(): Promise<void> {
    await this.client.send(new (sdk.s3().HeadBucketCommand)({ Bucket: this.bucket }));
  }

  /**
   * Local use: creates the bucket if it is missing and, when origins are given, lets browsers at those origins
   * PUT and GET through presigned URLs. (On AWS the bucket and its CORS rules come from resources/.)
   */
  async ensureBucket(corsOrigins: string[]): Promise<void> {
    try {
      await this.client.send(new (sdk.s3().HeadBucketCommand)({ Bucket: this.bucket }));
    } catch (err) {
      if (!isNotFound(err)) throw err;
      try {
        await this.client.send(new (sdk.s3().CreateBucketCommand)({ Bucket: this.bucket }));
        logger.info({ bucket: this.bucket }, 'bucket created');
      } catch (createErr) {
        const name = (createErr as { name?: string }).name;
        if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw createErr;
      }
    }
    if (corsOrigins.length === 0) return;
    await this.client.send(
      new (sdk.s3().PutBucketCorsCommand)({
        Bucket: this.bucket,
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedOrigins: corsOrigins,
              AllowedMethods: ['GET', 'PUT', 'HEAD'],
              AllowedHeaders: ['*'],
              ExposeHeaders: ['ETag'],
              MaxAgeSeconds: 3000,
            },
          ],
        },
      }),
    );
  }
}

/** An S3 client for AWS or, with an endpoint, for an S3-compatible server (path-style). */
export function createS3Client(settings: Omit<S3ObjectStoreSettings, 'bucket' | 'client'>): S3Client {
  const credentials =
    settings.credentials ??
    (settings.endpoint ? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } : undefined);
  return new (sdk.s3().S3Client)({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: Boolean(settings.endpoint),
    credentials,
    // Without these the SDK adds CRC32 checksum parameters to presigned PUT URLs, which browsers cannot satisfy.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** `attachment` with an ASCII-safe filename plus the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const base =
    fileName
      .replace(/[/\\]/g, '_')
      .replace(/\p{Cc}/gu, '')
      .trim()
      .slice(0, 200) || 'download';
  const ascii = base.replace(/[^\x20-\x7e]/g, '_').replace(/["%;\\]/g, '_');
  const encoded = encodeURIComponent(base).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e.name === 'NotFound' ||
    e.name === 'NoSuchKey' ||
    e.name === 'NoSuchBucket' ||
    e.$metadata?.httpStatusCode === 404
  );
}
