import pg from 'pg';
import { logger } from '../../logger';

/** The PostgreSQL channel every API process listens on. Payload: `s:<session id>` or `u:<user id>`. */
export const AUTH_CHANNEL = 'scalemap_auth';

/** Safety net: an entry is read again after this long even if no notification came. */
const DEFAULT_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;
const RECONNECT_MS = 1000;

interface Entry<T> {
  at: number;
  userId: string | null;
  value: T;
}

/**
 * One per-process cache of what authenticating a request needs (session records, per-user security state,
 * token subject → user), kept correct across API tasks by PostgreSQL LISTEN/NOTIFY:
 * - every write that ends or changes a session or a user's security state NOTIFYs `AUTH_CHANNEL` right after
 *   it commits (`notifySession`, `notifyUser`), and drops the entry here at once;
 * - each process holds one listening connection; a notification drops the entry (a user's notification also
 *   drops every cached session of that user);
 * - while the listener is not connected nothing is cached (every read goes to PostgreSQL), and the whole cache
 *   is flushed when it (re)connects, so a notification missed while disconnected cannot leave a stale entry;
 * - a read that started before an invalidation is not stored (generation counter), so a slow read cannot put
 *   back what a notification just removed;
 * - entries expire after `ttlMs` whatever happens (a safety net, not the mechanism).
 */
export class AuthCache {
  private readonly maps = {
    session: new Map<string, Entry<unknown>>(),
    user: new Map<string, Entry<unknown>>(),
    sub: new Map<string, Entry<unknown>>(),
  };
  private generation = 0;
  private client: pg.Client | undefined;
  private live = false;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private connecting: Promise<void> | undefined;
  /** Notifications handled (for tests and diagnostics). */
  received = 0;

  constructor(
    private readonly connectionString: string,
    private readonly notifyPool: pg.Pool,
    private readonly opts: { ttlMs?: number; client?: Omit<pg.ClientConfig, 'connectionString'> } = {},
  ) {}

  /** Connects the listener (retried every second in the background until `close`). */
  start(): Promise<void> {
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  get listening(): boolean {
    return this.live;
  }

  private async connect() {
    if (this.closed) return;
    const client = new pg.Client({ ...this.opts.client, connectionString: this.connectionString });
    const lost = (why: string) => (err?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.live = false;
      this.flush();
      if (!this.closed) {
        logger.warn({ err: err?.message }, `auth cache listener ${why}; reconnecting`);
        this.scheduleReconnect();
      }
    };
    client.on('error', lost('failed'));
    client.on('end', lost('closed'));
    client.on('notification', (msg) => {
      if (msg.channel === AUTH_CHANNEL && msg.payload) this.apply(msg.payload);
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANNEL}`);
      if (this.closed || this.client !== client) {
        await client.end().catch(() => undefined);
        return;
      }
      // Anything cached before (or while) we were not listening may have missed a notification.
      this.flush();
      this.live = true;
    } catch (err) {
      if (this.client === client) this.client = undefined;
      this.live = false;
      await client.end().catch(() => undefined);
      if (!this.closed) {
        logger.warn({ err: (err as Error).message }, 'auth cache listener could not connect; retrying');
        this.scheduleReconnect();
      }
    }
  }

  private scheduleReconnect() {
    if (this.reconnectTimer || this.closed) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.start();
    }, RECONNECT_MS);
    this.reconnectTimer.unref();
  }

  async close() {
    this.closed = true;
    this.live = false;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    this.flush();
    await client?.end().catch(() => undefined);
  }

  /** A notification from any process (this one included). */
  private apply(payload: string) {
    this.received++;
    const kind = payload.slice(0, 2);
    const id = payload.slice(2);
    if (kind === 's:') this.dropSession(id);
    else if (kind === 'u:') this.dropUser(id);
    else this.flush();
  }

  flush() {
    this.generation++;
    for (const m of Object.values(this.maps)) m.clear();
  }

  dropSession(sid: string) {
    this.generation++;
    this.maps.session.delete(sid);
  }

  dropUser(userId: string) {
    this.generation++;
    this.maps.user.delete(userId);
    for (const map of [this.maps.session, this.maps.sub])
      for (const [key, e] of map) if (e.userId === userId) map.delete(key);
  }

  /**
   * The cached value, or `load()`'s (stored only if the listener is live and nothing was invalidated while
   * it was read). `userOf` names the user an entry belongs to, for user-wide invalidation.
   */
  async get<T>(
    kind: keyof AuthCache['maps'],
    key: string,
    load: () => Promise<T>,
    userOf: (value: T) => string | null,
  ): Promise<T> {
    const map = this.maps[kind];
    const hit = map.get(key);
    const ttl = this.opts.ttlMs ?? DEFAULT_TTL_MS;
    if (hit && this.live && Date.now() - hit.at < ttl) return hit.value as T;
    const generation = this.generation;
    const value = await load();
    if (this.live && generation === this.generation) {
      if (map.size >= MAX_ENTRIES) map.clear();
      map.set(key, { at: Date.now(), userId: userOf(value), value });
    }
    return value;
  }

  /** Drops the entry here and tells every other process. Call after the write committed. */
  async notifySession(sid: string) {
    this.dropSession(sid);
    await this.notify(`s:${sid}`);
  }

  async notifyUser(userId: string) {
    this.dropUser(userId);
    await this.notify(`u:${userId}`);
  }

  private async notify(payload: string) {
    await this.notifyPool.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, payload]);
  }
}
