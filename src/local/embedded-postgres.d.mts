export function freePort(): Promise<number>;
export function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  database?: string;
}): Promise<{ url: string; port: number; stop: () => Promise<void> }>;
