import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import pg from 'pg';
import { logger } from '../logger';
import { DEFAULT_DB_TIMEOUTS, poolTimeouts, type DbTimeouts } from '../db/client';

/** How long a session read is reused by this process before PostgreSQL is asked again. */
const CACHE_MS = 2000;
const CACHE_MAX = 10_000;

/**
 * Sessions in PostgreSQL (the `session` table of the migrations), shared by every API task, with a 2-second
 * read cache per process: a page's burst of requests (and an autosave every few hundred milliseconds) reads the
 * session once. Writes and logouts go straight to PostgreSQL and clear this process's entry; another API task may
 * honour a destroyed session for at most 2 seconds more.
 */
export function createSessionStore(connectionString: string, timeouts: DbTimeouts = DEFAULT_DB_TIMEOUTS) {
  const pool = new pg.Pool({ connectionString, max: 5, allowExitOnIdle: true, ...poolTimeouts(timeouts) });
  pool.on('error', (err) => logger.warn({ err: err.message }, 'idle session-store connection closed'));
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool,
    tableName: 'session',
    createTableIfMissing: false,
    pruneSessionInterval: 600,
    // no UPDATE on every request: a session lasts 7 days from login
    disableTouch: true,
  });
  const cache = new Map<string, { at: number; value: session.SessionData | null | undefined }>();
  const get = store.get.bind(store);
  const set = store.set.bind(store);
  const destroy = store.destroy.bind(store);
  store.get = (sid, callback) => {
    const hit = cache.get(sid);
    if (hit && Date.now() - hit.at < CACHE_MS)
      return callback(null, hit.value ? structuredClone(hit.value) : hit.value);
    get(sid, (err, value) => {
      if (!err) {
        if (cache.size >= CACHE_MAX) cache.clear();
        cache.set(sid, { at: Date.now(), value: value ? structuredClone(value) : value });
      }
      callback(err, value);
    });
  };
  store.set = (sid, value, callback) => {
    cache.delete(sid);
    set(sid, value, callback);
  };
  store.destroy = (sid, callback) => {
    cache.delete(sid);
    destroy(sid, callback);
  };
  return {
    store,
    close: async () => {
      store.close();
      await pool.end().catch(() => undefined);
    },
  };
}
