import pg from 'pg';
import { logger } from '../logger';

/**
 * The PostgreSQL channel every API process listens on. Payloads: `s:<session id>` and `u:<user id>` (sent by the
 * code that changes a session or a user's security state), `a:<assessment id>` and `p:<user id>` (sent by
 * triggers on the assessment's tables and on company_profiles, migration `view_change_notifications`).
 */
export const CACHE_CHANNEL = 'scalemap_cache';

/** Safety net: an entry is read again after this long even if no notification came. */
const DEFAULT_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;
/** A view row carries the analyses and can weigh tens of kB: fewer of them (a full map is cleared, then refills). */
const MAX_VIEWS = 2_000;
const RECONNECT_MS = 1000;

interface Entry<T> {
  at: number;
  userId: string | null;
  value: T;
}

/**
 * One per-process cache of what the hot requests read: what authenticating a request needs (session records,
 * per-user security state, token subject → user), the assessment view's row (`view`, by assessment) and a
 * user's company profile (`profile`), kept correct across API tasks by PostgreSQL LISTEN/NOTIFY:
 * - every write that ends or changes a session or a user's security state NOTIFYs `CACHE_CHANNEL` right after
 *   it commits (`notifySession`, `notifyUser`), and drops the entry here at once;
 * - every write to an assessment or one of its view's tables, and to a company profile, NOTIFYs from a trigger
 *   inside the writing transaction (so no code path can forget it; PostgreSQL delivers it at commit, once per
 *   payload and transaction), except the autosave's answers, notified right after their commit
 *   (`notifyAssessment`: see the migration `view_change_notifications` for why); the API drops the view here at
 *   once after its own writes (`dropAssessment`);
 * - each process holds one listening connection; a notification drops the entry (a user's notification also
 *   drops every cached session of that user);
 * - while the listener is not connected nothing is cached (every read goes to PostgreSQL), and the whole cache
 *   is flushed when it (re)connects, so a notification missed while disconnected cannot leave a stale entry;
 * - a read that started before an invalidation of its entry is not stored, so a slow read cannot put
 *   back what a notification just removed;
 * - entries expire after `ttlMs` whatever happens (a safety net, not the mechanism).
 */
type Kind = keyof ReadCache['maps'];

export class ReadCache {
  private readonly maps = {
    session: new Map<string, Entry<unknown>>(),
    user: new Map<string, Entry<unknown>>(),
    sub: new Map<string, Entry<unknown>>(),
    view: new Map<string, Entry<unknown>>(),
    profile: new Map<string, Entry<unknown>>(),
  };
  /** Reads in flight, by `kind:key`: an invalidation removes one, and its result is then not stored. */
  private readonly loading = new Map<string, Promise<unknown>>();
  private client: pg.Client | undefined;
  private live = false;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private connecting: Promise<void> | undefined;
  /** Notifications handled, and the last one's payload (for tests and diagnostics). */
  received = 0;
  lastPayload: string | undefined;

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
        logger.warn({ err: err?.message }, `read cache listener ${why}; reconnecting`);
        this.scheduleReconnect();
      }
    };
    client.on('error', lost('failed'));
    client.on('end', lost('closed'));
    client.on('notification', (msg) => {
      if (msg.channel === CACHE_CHANNEL && msg.payload) this.apply(msg.payload);
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
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
        logger.warn({ err: (err as Error).message }, 'read cache listener could not connect; retrying');
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
    this.lastPayload = payload;
    const kind = payload.slice(0, 2);
    const id = payload.slice(2);
    if (kind === 'a:') this.dropAssessment(id);
    else if (kind === 'p:') this.dropProfile(id);
    else if (kind === 's:') this.dropSession(id);
    else if (kind === 'u:') this.dropUser(id);
    else this.flush();
  }

  flush() {
    this.loading.clear();
    for (const m of Object.values(this.maps)) m.clear();
  }

  dropSession(sid: string) {
    this.drop('session', sid);
  }

  dropUser(userId: string) {
    this.drop('user', userId);
    for (const kind of ['session', 'sub'] as const) this.dropWhere(kind, userId);
  }

  /** The assessment changed (its row or one of its view's tables). */
  dropAssessment(assessmentId: string) {
    this.drop('view', assessmentId);
  }

  /** Something changed an assessment this process cannot name (a payment event): every view is read again. */
  dropAllViews() {
    this.maps.view.clear();
    for (const key of this.loading.keys()) if (key.startsWith('view:')) this.loading.delete(key);
  }

  /** The user's company profile changed: it and the views of the user's assessments (they show it). */
  dropProfile(userId: string) {
    this.drop('profile', userId);
    this.dropWhere('view', userId);
  }

  private drop(kind: Kind, key: string) {
    this.maps[kind].delete(key);
    this.loading.delete(`${kind}:${key}`);
  }

  /** Drops a kind's entries of one user, and every read of that kind in flight (whose user is not known yet). */
  private dropWhere(kind: Kind, userId: string) {
    const map = this.maps[kind];
    for (const [key, e] of map) if (e.userId === userId) map.delete(key);
    for (const key of this.loading.keys()) if (key.startsWith(`${kind}:`)) this.loading.delete(key);
  }

  /**
   * The cached value, or `load()`'s, stored only if the listener is live and the entry was not invalidated while
   * it was read (an invalidation forgets the read in flight). `userOf` names the user an entry belongs to, for
   * user-wide invalidation.
   */
  async get<T>(
    kind: Kind,
    key: string,
    load: () => Promise<T>,
    userOf: (value: T) => string | null,
  ): Promise<T> {
    const map = this.maps[kind];
    const hit = map.get(key);
    const ttl = this.opts.ttlMs ?? DEFAULT_TTL_MS;
    if (hit && this.live && Date.now() - hit.at < ttl) return hit.value as T;
    const marker = `${kind}:${key}`;
    // Requests for an entry being read share that read (one query however many ask at once), unless an
    // invalidation came since it started: then its result is stale and a fresh read starts.
    const inFlight = this.loading.get(marker);
    if (inFlight) return inFlight as Promise<T>;
    const read = load().then((value) => {
      if (this.loading.get(marker) === read) {
        this.loading.delete(marker);
        if (this.live) {
          if (map.size >= (kind === 'view' ? MAX_VIEWS : MAX_ENTRIES)) map.clear();
          map.set(key, { at: Date.now(), userId: userOf(value), value });
        }
      }
      return value;
    });
    this.loading.set(marker, read);
    read.catch(() => {
      if (this.loading.get(marker) === read) this.loading.delete(marker);
    });
    return read;
  }

  /** Drops the entry here and tells every other process. Call after the write committed. */
  async notifySession(sid: string) {
    this.dropSession(sid);
    await this.notify(`s:${sid}`);
  }

  /** After a committed write to an assessment that no trigger announces (the autosave's answers). */
  async notifyAssessment(assessmentId: string) {
    this.dropAssessment(assessmentId);
    await this.notify(`a:${assessmentId}`);
  }

  async notifyUser(userId: string) {
    this.dropUser(userId);
    await this.notify(`u:${userId}`);
  }

  /**
   * Sends a notification. Those asked for in the same turn of the event loop go out in one statement (under load,
   * many autosaves finish together: one round trip for all of them); each caller waits until it is sent.
   */
  private notify(payload: string): Promise<void> {
    this.pendingNotifications.add(payload);
    this.notifying ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        const payloads = [...this.pendingNotifications];
        this.pendingNotifications.clear();
        this.notifying = undefined;
        this.notifyPool
          .query({
            name: 'scalemap_cache_notify',
            text: 'SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p',
            values: [CACHE_CHANNEL, payloads],
          })
          .then(() => resolve(), reject);
      });
    });
    return this.notifying;
  }

  private readonly pendingNotifications = new Set<string>();
  private notifying: Promise<void> | undefined;
}
