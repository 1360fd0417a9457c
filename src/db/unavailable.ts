/**
 * Recognises "a dependency is down" failures — the database or another service cannot be reached, was shut down
 * under us, or did not answer in time — as opposed to a bug or bad input. The API answers these with
 * 503 `service_unavailable` and Retry-After (src/api/middleware/errors.ts): the request may be retried as is.
 */

/** PostgreSQL SQLSTATEs meaning the server is going away or unreachable (class 08, 57P0x, too many connections). */
const PG_UNAVAILABLE = new Set([
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
  '57014', // query_canceled: statement timeout (a frozen or overloaded server)
]);

/** Node socket errors. */
const NET_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** Prisma's codes for an unreachable or timed-out database. */
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

/** Driver-adapter error kinds (meta.driverAdapterError.cause.kind). */
const ADAPTER_UNAVAILABLE = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'DatabaseDoesNotExist',
]);

/** Messages of pg and pg-pool that carry no code. */
const MESSAGE_UNAVAILABLE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection timeout|Can't reach database server|Client has encountered a connection error|Connection refused|socket hang up|Cannot use a pool after calling end/i;

type Bag = {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } };
  errors?: unknown;
};

/** True when `err` (or anything in its cause chain) says a dependency is unavailable. */
export function isDependencyUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 6) return false;
  const e = err as Bag;
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code && (PG_UNAVAILABLE.has(code) || NET_UNAVAILABLE.has(code) || PRISMA_UNAVAILABLE.has(code)))
    return true;
  const adapter = e.meta?.driverAdapterError?.cause;
  if (adapter) {
    if (typeof adapter.kind === 'string' && ADAPTER_UNAVAILABLE.has(adapter.kind)) return true;
    const pgCode = adapter.originalCode ?? adapter.code;
    if (typeof pgCode === 'string' && PG_UNAVAILABLE.has(pgCode)) return true;
  }
  if (e.name === 'PrismaClientInitializationError') return true;
  if (typeof e.message === 'string' && MESSAGE_UNAVAILABLE.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDependencyUnavailable(x, depth + 1))) return true;
  return isDependencyUnavailable(e.cause, depth + 1);
}

/** Seconds a client should wait before retrying a request that failed because a dependency is down. */
export const RETRY_AFTER_SECONDS = 5;

/** Exit code of an agent task that stopped because a dependency was down (EX_TEMPFAIL): it is launched again. */
export const EXIT_TEMPORARY_FAILURE = 75;
