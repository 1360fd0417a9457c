import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { Client, newUser, startTestStack, type TestStack } from '../helpers/stack';
import { createTestDatabase } from '../helpers/db';
import { createContext } from '../../src/runtime/context';
import { createApp } from '../../src/api/app';
import { createSessionStore } from '../../src/api/session-store';
import { AuthCache } from '../../src/api/auth/auth-cache';

/*
 * Issue 12: session and account-security reads are cached per API process and invalidated across processes by
 * PostgreSQL LISTEN/NOTIFY. The old 2-second per-process cache honoured a session destroyed on another task
 * for up to 2 s; these tests refuse it as soon as the notification has arrived (bounded poll, no sleeps).
 */

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('AuthCache (real PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: pg.Pool;
  const caches: AuthCache[] = [];
  const cache = async () => {
    const c = new AuthCache(database.url, pool);
    caches.push(c);
    await c.start();
    return c;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 3 });
  });
  afterAll(async () => {
    for (const c of caches) await c.close();
    await pool.end();
    await database.drop();
  });

  it('serves a second read from memory, and reads again once another process notifies', async () => {
    const a = await cache();
    const b = await cache();
    let loads = 0;
    const load = async () => ({ n: ++loads });
    expect(await a.get('user', 'u1', load, () => 'u1')).toEqual({ n: 1 });
    expect(await a.get('user', 'u1', load, () => 'u1')).toEqual({ n: 1 });
    const before = a.received;
    await b.notifyUser('u1');
    await until('the notification', () => a.received > before);
    expect(await a.get('user', 'u1', load, () => 'u1')).toEqual({ n: 2 });
  });

  it("a user's notification also drops every cached session of that user", async () => {
    const a = await cache();
    const b = await cache();
    let loads = 0;
    const load = async () => ({ user: 'u2', n: ++loads });
    await a.get('session', 'sid-1', load, (v) => v.user);
    const before = a.received;
    await b.notifyUser('u2');
    await until('the notification', () => a.received > before);
    expect((await a.get('session', 'sid-1', load, (v) => v.user)).n).toBe(2);
  });

  it('does not store a read that an invalidation overtook', async () => {
    const a = await cache();
    let loads = 0;
    let release!: () => void;
    const slow = () =>
      new Promise<number>((resolve) => {
        loads++;
        release = () => resolve(loads);
      });
    const reading = a.get('user', 'u3', slow, () => 'u3');
    a.dropUser('u3');
    release();
    await reading;
    const again = a.get('user', 'u3', slow, () => 'u3');
    release();
    expect(await again).toBe(2);
  });

  it('caches nothing while its listener is down, flushes and caches again once it is back', async () => {
    const a = await cache();
    let loads = 0;
    const load = async () => ++loads;
    await a.get('user', 'u4', load, () => 'u4');
    // The server ends the listening connection (a failover, a restart).
    await pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query = 'LISTEN scalemap_auth'`,
    );
    await until('the listener to notice', () => !a.listening);
    expect(await a.get('user', 'u4', load, () => 'u4')).toBe(2);
    expect(await a.get('user', 'u4', load, () => 'u4')).toBe(3);
    await until('the listener to reconnect', () => a.listening);
    expect(await a.get('user', 'u4', load, () => 'u4')).toBe(4);
    expect(await a.get('user', 'u4', load, () => 'u4')).toBe(4);
  });
});

describe('two API processes sharing one database', () => {
  let stack: TestStack;
  let bUrl: string;
  let bCache: AuthCache;
  let stopB: () => Promise<void>;

  beforeAll(async () => {
    stack = await startTestStack(
      { SESSION_SECRET: 'two-apps-share-this-session-secret' },
      { runPipeline: false },
    );
    // App B: its own context, pools, session store and listener, like a second Fargate task.
    const ctx = createContext(stack.app.config);
    const sessions = createSessionStore(stack.app.config.DATABASE_URL!);
    await sessions.cache.start();
    bCache = sessions.cache;
    const app = createApp(ctx, {
      sessionStore: sessions.store,
      sessionSecret: stack.app.config.SESSION_SECRET!,
      authCache: sessions.cache,
    });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    bUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stopB = async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await sessions.close();
      await ctx.close();
    };
  }, 60_000);
  afterAll(async () => {
    await stopB?.();
    await stack?.stop();
  });

  /** The same signed-in browser, talking to app B. */
  function onB(c: Client) {
    const b = new Client(bUrl);
    b.cookie = c.cookie;
    return b;
  }

  async function afterNotification(before: number) {
    await until('app B to hear the notification', () => bCache.received > before);
  }

  it('a session logged out on app A is refused on app B at once', async () => {
    const { client } = await newUser(stack.url);
    const b = onB(client);
    expect((await b.get('/api/me')).status).toBe(200);
    expect((await b.get('/api/me')).status).toBe(200); // now served from B's cache
    const before = bCache.received;
    expect((await client.post('/api/auth/logout', {})).status).toBeLessThan(300);
    await afterNotification(before);
    expect((await b.get('/api/me')).status).toBe(401);
  });

  it('a password reset on app A ends the session and the tokens on app B at once', async () => {
    const { client, email, tokens } = await newUser(stack.url);
    const b = onB(client);
    const withToken = () => new Client(bUrl, tokens.idToken).get('/api/me');
    expect((await b.get('/api/me')).status).toBe(200);
    expect((await withToken()).status).toBe(200);
    expect((await withToken()).status).toBe(200);

    const anon = new Client(stack.url);
    expect((await anon.post('/api/auth/forgot', { email })).status).toBe(202);
    const code = await codeFor(stack, email);
    const before = bCache.received;
    const reset = await anon.post('/api/auth/reset', { email, code, password: 'An0ther-long-passw0rd' });
    expect(reset.status).toBe(200);
    await afterNotification(before);
    expect((await b.get('/api/me')).status).toBe(401);
    expect((await withToken()).status).toBe(401);
  });

  it('a token revoked by logout on app A is refused on app B at once', async () => {
    const { tokens } = await newUser(stack.url);
    const me = () => new Client(bUrl, tokens.accessToken).get('/api/me');
    expect((await me()).status).toBe(200);
    expect((await me()).status).toBe(200);
    const before = bCache.received;
    const out = await new Client(stack.url, tokens.accessToken).post('/api/auth/logout', {});
    expect(out.status).toBeLessThan(300);
    await afterNotification(before);
    expect((await me()).status).toBe(401);
  });
});

async function codeFor(stack: TestStack, email: string): Promise<string> {
  const dir = stack.app.ctx.outboxDir!;
  for (let i = 0; i < 50; i++) {
    const codes = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))
      .filter((m) => m.to === email && /code is (\d+)/.test(m.text))
      .map((m) => /code is (\d+)/.exec(m.text)![1]);
    if (codes.length) return codes[codes.length - 1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code mailed to ${email}`);
}
