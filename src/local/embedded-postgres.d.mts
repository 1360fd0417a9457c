export function freePort(): Promise<number>;
export function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  database?: string;
  /** Restart the server when it exits on its own, logging each exit and restart. */
  supervise?: boolean;
  log?: (level: 'info' | 'warn' | 'error', message: string, detail?: object) => void;
}): Promise<{
  url: string;
  port: number;
  /** The postmaster's process id (undefined while it is down). */
  pid: () => number | undefined;
  /** How many times supervision has restarted it. */
  restarts: () => number;
  stop: () => Promise<void>;
}>;
