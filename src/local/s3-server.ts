import fs from 'node:fs';
import type { AddressInfo } from 'node:net';

// s3rver has no type declarations.

const S3rver = require('s3rver');

export interface LocalS3 {
  endpoint: string;
  stop(): Promise<void>;
}

function corsXml(origins: string[]): string {
  const rules = origins
    .map(
      (origin) => `<CORSRule>
    <AllowedOrigin>${origin}</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>`,
    )
    .join('\n');
  return `<CORSConfiguration>${rules}</CORSConfiguration>`;
}

/** Starts an S3-compatible server (s3rver) on 127.0.0.1 with the bucket and its CORS rules for the web origins. */
export async function startLocalS3(opts: {
  directory: string;
  port: number;
  bucket: string;
  corsOrigins: string[];
}): Promise<LocalS3> {
  fs.mkdirSync(opts.directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: opts.port,
    directory: opts.directory,
    silent: true,
    configureBuckets: [
      { name: opts.bucket, configs: opts.corsOrigins.length ? [corsXml(opts.corsOrigins)] : [] },
    ],
  });
  const { port } = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => server.close(),
  };
}
