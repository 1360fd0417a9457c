import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import pg from 'pg';
import { logger } from '../logger';

/** Sessions in PostgreSQL (the `session` table of the migrations), shared by every API task. */
export function createSessionStore(connectionString: string) {
  const pool = new pg.Pool({ connectionString, max: 5, allowExitOnIdle: true });
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
  return {
    store,
    close: async () => {
      store.close();
      await pool.end().catch(() => undefined);
    },
  };
}
