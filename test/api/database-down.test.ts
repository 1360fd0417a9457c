import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createDb } from '../../src/db/client';
import { isDependencyUnavailable } from '../../src/db/unavailable';
import { errorHandler } from '../../src/api/middleware/errors';
import { freePort } from '../../src/local/stack';
import { createTestDatabase } from '../helpers/db';
import { Client, PASSWORD } from '../helpers/stack';
import {
  postgresPid,
  signalDatabase,
  startStackProcess,
  timedFetch,
  type StackProcess,
} from '../../scripts/chaos/stack-process';
import { waitUntil } from '../helpers/pipeline';

/** A one-route app on the real error middleware: the route runs `query` against a real Prisma client. */
async function appRunning(query: () => Promise<unknown>) {
  const app = express();
  app.get('/q', async (_req, res) => {
    await query();
    res.json({ ok: true });
  });
  app.use(errorHandler);
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/q`;
  return { url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('a database that is down gives 503 service_unavailable with Retry-After', () => {
  it('connection refused (a stopped database)', async () => {
    const db = createDb(`postgresql://nobody:x@127.0.0.1:${await freePort()}/nothing`, 1);
    const app = await appRunning(() => db.user.findMany());
    try {
      const res = await timedFetch(app.url);
      expect(res.status).toBe(503);
      expect(res.headers?.get('retry-after')).toBe('5');
      expect(res.body).toEqual({
        error: { code: 'service_unavailable', message: expect.stringMatching(/try again/), details: null },
      });
    } finally {
      await app.close();
      await db.$disconnect();
    }
  });

  it('the server shutting our connection down (57P01) and a statement timeout (57014)', async () => {
    const database = await createTestDatabase();
    try {
      const terminate = await appRunning(() =>
        database.db.$queryRawUnsafe('SELECT pg_terminate_backend(pg_backend_pid())'),
      );
      const slow = await appRunning(() =>
        database.db.$transaction(async (tx) => {
          await tx.$executeRawUnsafe('SET LOCAL statement_timeout = 50');
          await tx.$queryRawUnsafe('SELECT pg_sleep(2)');
        }),
      );
      expect((await timedFetch(terminate.url)).status).toBe(503);
      expect((await timedFetch(slow.url)).status).toBe(503);
      await terminate.close();
      await slow.close();
    } finally {
      await database.drop();
    }
  });

  it('keeps bugs and bad input apart from outages', () => {
    expect(isDependencyUnavailable(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      false,
    );
    expect(
      isDependencyUnavailable({
        name: 'PrismaClientKnownRequestError',
        code: 'P2002',
        meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation' } } },
      }),
    ).toBe(false);
    expect(
      isDependencyUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(isDependencyUnavailable(new Error('wrapped', { cause: new Error('Query read timeout') }))).toBe(
      true,
    );
    expect(
      isDependencyUnavailable({
        code: 'P1001',
        meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } },
      }),
    ).toBe(true);
  });
});

describe('npm start with its embedded PostgreSQL frozen, then killed', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-dbdown-'));
  let stack: StackProcess;
  let user: Client;

  beforeAll(async () => {
    stack = await startStackProcess(dataDir, await freePort(), {
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      DATABASE_STATEMENT_TIMEOUT_MS: '1500',
      HEALTH_CHECK_TIMEOUT_MS: '500',
    });
    user = new Client(stack.url);
    const email = `dbdown${Date.now()}@example.com`;
    const reg = await user.post('/api/auth/register', {
      email,
      password: PASSWORD,
      firstName: 'Db',
      lastName: 'Down',
      companyName: 'Outage Ltd',
    });
    expect(reg.status).toBe(201);
    expect((await user.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
  }, 150_000);
  afterAll(async () => {
    signalDatabase(dataDir, 'SIGCONT');
    await stack?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (p: string, headers: Record<string, string> = {}) =>
    timedFetch(
      stack.url + p,
      { headers: { ...(user.cookie ? { cookie: user.cookie } : {}), ...headers } },
      20_000,
    );

  it('health: liveness and readiness, unaffected by a session cookie (real or forged)', async () => {
    for (const p of ['/api/health/live', '/api/health/ready', '/api/health']) {
      expect((await get(p)).status).toBe(200);
      expect((await get(p, { cookie: 'scalemap.sid=s%3Aforged.c2lnbmF0dXJl' })).status).toBe(200);
    }
    expect((await get('/api/health/ready')).body).toEqual({
      status: 'ok',
      database: 'ok',
      objectStore: 'ok',
    });
  });

  it('frozen (SIGSTOP): liveness 200, readiness and requests 503 within the timeouts, recovery after SIGCONT', async () => {
    await new Promise((r) => setTimeout(r, 2500)); // the session read cache (2 s) runs out
    const frozen = signalDatabase(dataDir, 'SIGSTOP');
    expect(frozen.length).toBeGreaterThan(1);
    try {
      expect((await get('/api/health/live')).status).toBe(200);
      const ready = await get('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'degraded', database: 'timeout' });
      const me = await get('/api/me');
      expect(me.status).toBe(503);
      expect(me.headers?.get('retry-after')).toBe('5');
      expect((me.body as { error: { code: string } }).error.code).toBe('service_unavailable');
      const list = await get('/api/assessments');
      expect(list.status).toBe(503);
    } finally {
      for (const p of frozen) process.kill(p, 'SIGCONT');
    }
    await waitUntil('ready again', async () => (await get('/api/health/ready')).status === 200, 30_000, 250);
    expect((await get('/api/me')).status).toBe(200);
  }, 90_000);

  it('killed: the stack logs it, restarts the database, and the data is still there', async () => {
    const before = postgresPid(dataDir)!;
    process.kill(before, 'SIGKILL');
    await waitUntil(
      'database restarted',
      async () => {
        const now = postgresPid(dataDir);
        return now !== undefined && now !== before && (await get('/api/health/ready')).status === 200;
      },
      60_000,
      250,
    );
    expect(stack.output()).toContain('embedded PostgreSQL exited: restarting it');
    expect(stack.output()).toContain('embedded PostgreSQL restarted');
    await waitUntil('session readable', async () => (await get('/api/me')).status === 200, 20_000, 250);
    expect(((await get('/api/me')).body as { user: { email: string } }).user.email).toMatch(/^dbdown/);
  }, 90_000);
});
