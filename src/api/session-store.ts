import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import pg from 'pg';
import { logger } from '../logger';
import { ReadCache } from './read-cache';
import { DEFAULT_DB_TIMEOUTS, poolTimeouts, type DbTimeouts } from '../db/client';

/**
 * Sessions in PostgreSQL (the `session` table of the migrations), shared by every API task, read through this
 * process's `ReadCache`: a session is read from PostgreSQL once, then served from memory until it is written or
 * destroyed here or on any other task (LISTEN/NOTIFY, see read-cache.ts). `cache: false` (Lambda, where a frozen
 * process cannot be trusted to have heard every notification) reads PostgreSQL on every request; its writes
 * still notify the other tasks.
 */
export function createSessionStore(
  connectionString: string,
  timeouts: DbTimeouts = DEFAULT_DB_TIMEOUTS,
  opts: { cache?: boolean } = {},
) {
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
  // Without the listener (cache: false) nothing is cached, but every write still notifies the other tasks.
  const cache = new ReadCache(connectionString, pool, {
    client: { connectionTimeoutMillis: timeouts.connectMs, keepAlive: true },
  });
  if (opts.cache !== false) void cache.start();
  let readRecord: (sid: string) => Promise<session.SessionData | null | undefined>;
  {
    const get = store.get.bind(store);
    const set = store.set.bind(store);
    const destroy = store.destroy.bind(store);
    readRecord = (sid: string) =>
      new Promise<session.SessionData | null | undefined>((resolve, reject) =>
        get(sid, (err, value) => (err ? reject(err) : resolve(value))),
      );
    // express-session changes the record it is given: every request gets its own copy.
    const copy = (value: session.SessionData | null | undefined) => (value ? structuredClone(value) : value);
    store.get = (sid, callback) => {
      cache
        .get(
          'session',
          sid,
          () => readRecord(sid),
          (value) => value?.user?.id ?? null,
        )
        .then((value) => callback(null, copy(value)), callback);
    };
    store.set = (sid, value, callback) => {
      cache.dropSession(sid);
      set(sid, value, (err) => {
        if (err) return callback?.(err);
        cache.notifySession(sid).then(() => callback?.(), callback);
      });
    };
    store.destroy = (sid, callback) => {
      cache.dropSession(sid);
      destroy(sid, (err) => {
        if (err) return callback?.(err);
        cache.notifySession(sid).then(() => callback?.(), callback);
      });
    };
  }
  return {
    store,
    /** A session record as stored (cached), not copied: for readers that do not change it (session-reader.ts). */
    read: (sid: string) =>
      cache.get(
        'session',
        sid,
        () => readRecord(sid),
        (value) => value?.user?.id ?? null,
      ),
    /** This process's authentication cache: give it to createApp. */
    cache,
    close: async () => {
      store.close();
      await cache.close();
      await pool.end().catch(() => undefined);
    },
  };
}
