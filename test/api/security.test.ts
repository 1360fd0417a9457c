import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { SignJWT, importJWK, decodeJwt } from 'jose';
import {
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { Client, newUser, startTestStack, PASSWORD, SAMPLE_PROFILE, type TestStack } from '../helpers/stack';
import { startScaleMap } from '../../src/local/server';
import { ConfigError } from '../../src/config';
import { isCommonPassword, passwordProblems } from '../../src/domain/passwords';
import { matchesDeclaredType } from '../../src/documents/declared-type';
import { postgresAccessProblem } from '../../src/local/data-dir';

const ROOT = path.resolve(__dirname, '..', '..');

/* Issue 9, items 1-4, 7, 8, 10, 11: each block below failed on the code before the fix. */

const privateJwk = JSON.parse(
  fs.readFileSync(
    path.join(
      require.resolve('cognito-local/package.json'),
      '..',
      'lib',
      'keys',
      'cognitoLocal.private.json',
    ),
    'utf8',
  ),
).jwk;

async function signLike(claims: Record<string, unknown>, overrides: Record<string, unknown>) {
  const key = await importJWK(privateJwk, 'RS256');
  return new SignJWT({ ...claims, ...overrides })
    .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
    .sign(key);
}

async function login(url: string, email: string, password = PASSWORD) {
  const c = new Client(url);
  const res = await c.post('/api/auth/login', { email, password, includeTokens: true });
  return {
    client: c,
    res,
    tokens: res.body?.tokens as { idToken: string; accessToken: string; refreshToken: string },
  };
}

/** The last code mailed to `email` in the local outbox folder. */
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

function cognito(stack: TestStack) {
  return new CognitoIdentityProviderClient({
    endpoint: stack.app.stack.cognitoEndpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

describe('account security', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ ROLE_CACHE_SECONDS: '0' }, { runPipeline: false });
  });
  afterAll(() => stack.stop());

  describe('1. the local outbox', () => {
    it('is closed to signed-out callers; a client reads only their own mail, a founder all of it', async () => {
      const a = await newUser(stack.url);
      const b = await newUser(stack.url);
      const anon = new Client(stack.url);
      await anon.post('/api/auth/forgot', { email: a.email });
      await anon.post('/api/auth/forgot', { email: b.email });
      await codeFor(stack, a.email);
      await codeFor(stack, b.email);

      const signedOut = await anon.get('/api/dev/outbox');
      expect(signedOut.status).toBe(401);
      expect(signedOut.text).not.toContain('code is');

      const mine = await a.client.get('/api/dev/outbox');
      expect(mine.status).toBe(200);
      const recipients = new Set(mine.body.emails.map((e: { to: string }) => e.to));
      expect([...recipients]).toEqual([a.email]);

      await stack.app.ctx.identity.addToGroup(a.email, 'founders');
      const founder = await login(stack.url, a.email);
      const all = await founder.client.get('/api/dev/outbox');
      expect(all.body.emails.map((e: { to: string }) => e.to)).toEqual(
        expect.arrayContaining([a.email, b.email]),
      );
    });

    it('local mode refuses to start with NODE_ENV=production', async () => {
      await expect(
        startScaleMap({ NODE_ENV: 'production', SCALEMAP_DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent' }),
      ).rejects.toThrow(ConfigError);
      await expect(
        startScaleMap({ NODE_ENV: 'production', SCALEMAP_DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent' }),
      ).rejects.toThrow(/SCALEMAP_RUNTIME/);
    });

    it('npm start listens on 127.0.0.1 unless told otherwise, and then warns', async () => {
      expect(new URL(stack.url).hostname).toBe('127.0.0.1');
      const written: string[] = [];
      const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
      let open: TestStack | undefined;
      try {
        open = await startTestStack({ HOST: '0.0.0.0' }, { runPipeline: false });
      } finally {
        spy.mockRestore();
        await open?.stop();
      }
      expect(written.join('')).toMatch(/WARNING: HOST=0\.0\.0\.0 .*reachable from other machines/);
    });

    it('the API container refuses to start unless SCALEMAP_RUNTIME=aws', async () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'containers', 'api', 'main.ts')],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH,
            SCALEMAP_RUNTIME: 'local',
            DATABASE_URL: stack.app.config.DATABASE_URL,
            COGNITO_USER_POOL_ID: stack.app.stack.userPoolId,
            COGNITO_CLIENT_ID: stack.app.stack.clientId,
            LISTEN_HOST: '127.0.0.1',
            PORT: '0',
          },
        },
      );
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      clearTimeout(timer);
      expect(out).toContain('SCALEMAP_RUNTIME=aws');
      expect(code).toBe(1);
    });
  });

  describe('2. sign-in limits', () => {
    it('locks an account after 5 failures, the same way for an existing and an unknown account', async () => {
      const { email } = await newUser(stack.url);
      const unknown = `nobody-${Date.now()}@example.com`;
      const c = new Client(stack.url);
      const attempt = async (who: string, password = 'Wrong-passw0rd-1') => {
        const r = await c.post('/api/auth/login', { email: who, password });
        return { status: r.status, code: r.body.error?.code, retry: r.headers.get('retry-after') !== null };
      };
      const existing = [];
      const missing = [];
      for (let i = 0; i < 6; i++) {
        existing.push(await attempt(email));
        missing.push(await attempt(unknown));
      }
      expect(existing.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
      expect(missing).toEqual(existing);
      expect(existing[5]).toEqual({ status: 429, code: 'too_many_attempts', retry: true });
      // locked: the right password is refused too (no oracle)
      expect((await attempt(email, PASSWORD)).status).toBe(429);
      // the lock ends (here: its time is moved to the past) and the right password works again
      await stack.app.ctx.db.loginAttempt.updateMany({ data: { lockedUntil: new Date(Date.now() - 1000) } });
      expect((await attempt(email, PASSWORD)).status).toBe(200);
    });
  });

  describe('3. logout and password reset end tokens', () => {
    it('logout revokes the session, its ID and access tokens and its refresh token', async () => {
      const { email } = await newUser(stack.url);
      const { client, tokens } = await login(stack.url, email);
      expect((await new Client(stack.url, tokens.idToken).get('/api/me')).status).toBe(200);
      expect((await client.post('/api/auth/logout')).status).toBe(204);
      for (const token of [tokens.idToken, tokens.accessToken]) {
        const res = await new Client(stack.url, token).get('/api/me');
        expect(res.status).toBe(401);
      }
      const refreshed = await new Client(stack.url).post('/api/auth/refresh', {
        refreshToken: tokens.refreshToken,
      });
      expect(refreshed.status).toBe(401);
    });

    it('an API client logs its own Bearer token out', async () => {
      const { email } = await newUser(stack.url);
      const { tokens } = await login(stack.url, email);
      const api = new Client(stack.url, tokens.accessToken);
      expect((await api.post('/api/auth/logout', { refreshToken: tokens.refreshToken })).status).toBe(204);
      expect((await api.get('/api/me')).status).toBe(401);
      expect((await new Client(stack.url, tokens.idToken).get('/api/me')).status).toBe(401);
    });

    it('the web login gets no tokens in its body; an API client asks for them', async () => {
      const { email } = await newUser(stack.url);
      const web = await new Client(stack.url).post('/api/auth/login', { email, password: PASSWORD });
      expect(web.status).toBe(200);
      expect(web.body.tokens).toBeUndefined();
      expect(web.text).not.toMatch(/refreshToken|eyJ/);
      const api = await login(stack.url, email);
      expect(api.tokens.refreshToken).toEqual(expect.any(String));
      // a session-based refresh does not hand the refresh token to the browser
      const refreshed = await api.client.post('/api/auth/refresh', {});
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.tokens.refreshToken).toBeUndefined();
    });

    it('a password reset ends every session, Bearer token and refresh token of the user', async () => {
      const { email } = await newUser(stack.url);
      const first = await login(stack.url, email);
      const second = await login(stack.url, email);
      const anon = new Client(stack.url);
      expect((await anon.post('/api/auth/forgot', { email })).status).toBe(202);
      const code = await codeFor(stack, email);
      const newPassword = 'Another-Secret-42';
      expect((await anon.post('/api/auth/reset', { email, code, password: newPassword })).status).toBe(200);

      expect((await first.client.get('/api/me')).status).toBe(401);
      expect((await second.client.get('/api/me')).status).toBe(401);
      for (const token of [first.tokens.idToken, first.tokens.accessToken, second.tokens.idToken]) {
        expect((await new Client(stack.url, token).get('/api/me')).status).toBe(401);
      }
      const refreshed = await anon.post('/api/auth/refresh', { refreshToken: first.tokens.refreshToken });
      expect(refreshed.status).toBe(401);

      // a new sign-in right after the reset works, by cookie and by Bearer
      const fresh = await login(stack.url, email, newPassword);
      expect(fresh.res.status).toBe(200);
      expect((await fresh.client.get('/api/me')).status).toBe(200);
      expect((await new Client(stack.url, fresh.tokens.idToken).get('/api/me')).status).toBe(200);
    });
  });

  describe('4. admin role', () => {
    it('is checked on each admin request: removal from the founders group ends admin access', async () => {
      const { email } = await newUser(stack.url);
      await stack.app.ctx.identity.addToGroup(email, 'founders');
      const founder = await login(stack.url, email);
      expect((await founder.client.get('/api/admin/assessments')).status).toBe(200);
      const bearer = new Client(stack.url, founder.tokens.idToken);
      expect((await bearer.get('/api/admin/assessments')).status).toBe(200);

      const sub = String(decodeJwt(founder.tokens.idToken).sub);
      const pool = cognito(stack);
      await pool.send(
        new AdminRemoveUserFromGroupCommand({
          UserPoolId: stack.app.stack.userPoolId,
          Username: sub,
          GroupName: 'founders',
        }),
      );
      pool.destroy();

      const afterCookie = await founder.client.get('/api/admin/assessments');
      expect(afterCookie.status).toBe(403);
      // the ID token still says "founders", but the pool no longer does
      expect((await bearer.get('/api/admin/assessments')).status).toBe(403);
      expect((await founder.client.get('/api/me')).body.user.role).toBe('client');
    });
  });

  describe('7. control characters and all-or-nothing registration', () => {
    it('answers 400 (never 500) to a NUL or another control character in any text field', async () => {
      const { client } = await newUser(stack.url);
      const id = (await client.post('/api/assessments')).body.id as string;
      const cases: Array<[string, string, unknown]> = [
        ['PUT', '/api/me/profile', { companyName: 'Acme\u0000Ltd' }],
        ['PUT', `/api/assessments/${id}/answers`, { answers: [{ questionId: 'x\u0000', value: 1 }] }],
        [
          'POST',
          `/api/assessments/${id}/documents`,
          { fileName: 'a\u0007.pdf', contentType: 'application/pdf', size: 10 },
        ],
        ['POST', '/api/auth/login', { email: 'a\u0000@example.com', password: 'x' }],
        ['POST', '/api/auth/forgot', { email: 'a@example.com\u001b' }],
        ['PUT', '/api/me/profile', { companyName: 'Broken \ud800 surrogate' }],
      ];
      for (const [method, url, body] of cases) {
        const res = await client.request(method, url, body);
        expect({ url, status: res.status }).toEqual({ url, status: 400 });
        expect(res.body.error.code).toBe('validation_error');
      }
      // line breaks and tabs are text
      const ok = await client.put('/api/me/profile', { ...SAMPLE_PROFILE, challenges: 'One\nTwo\tThree' });
      expect(ok.status).not.toBe(400);
    });

    it('a refused registration leaves no account behind, so a retry works', async () => {
      const email = `nul${Date.now()}@example.com`;
      const c = new Client(stack.url);
      const body = { email, password: PASSWORD, firstName: 'Ada', lastName: 'Lovelace', companyName: 'Acme' };
      const bad = await c.post('/api/auth/register', { ...body, firstName: 'A\u0000da' });
      expect(bad.status).toBe(400);
      const retry = await c.post('/api/auth/register', body);
      expect(retry.status).toBe(201);
    });

    it('undoes the pool user when the database write fails', async () => {
      const email = `orphan${Date.now()}@example.com`;
      // a profile row already holds this email (e.g. its pool user was deleted by hand)
      await stack.app.ctx.db.user.create({
        data: { cognitoSub: `gone-${Date.now()}`, email, firstName: 'Old', lastName: 'Row' },
      });
      const c = new Client(stack.url);
      const res = await c.post('/api/auth/register', {
        email,
        password: PASSWORD,
        firstName: 'Ada',
        lastName: 'Lovelace',
        companyName: 'Acme',
      });
      expect(res.status).toBe(409);
      const pool = cognito(stack);
      await expect(
        pool.send(new AdminGetUserCommand({ UserPoolId: stack.app.stack.userPoolId, Username: email })),
      ).rejects.toThrow();
      pool.destroy();
      // with the stale row gone, the same registration goes through (no half-made pool user in the way)
      await stack.app.ctx.db.user.delete({ where: { email } });
      expect(
        (
          await c.post('/api/auth/register', {
            email,
            password: PASSWORD,
            firstName: 'Ada',
            lastName: 'Lovelace',
            companyName: 'Acme',
          })
        ).status,
      ).toBe(201);
    });
  });

  describe('8. clean errors', () => {
    it('a valid token for an unknown sub whose email is taken is a 401, not a 500', async () => {
      const { tokens } = await newUser(stack.url);
      const claims = decodeJwt(tokens.idToken);
      const token = await signLike(claims, { sub: '00000000-1111-2222-3333-444444444444' });
      const res = await new Client(stack.url, token).get('/api/me');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    });
  });

  describe('11. smaller holes', () => {
    it('one password rule: 12+ characters, mixed case, a digit, not a common password', async () => {
      expect(passwordProblems(PASSWORD)).toEqual([]);
      expect(isCommonPassword('Password1234')).toBe(true);
      expect(isCommonPassword('P@ssw0rd1234')).toBe(true);
      const c = new Client(stack.url);
      for (const password of ['Sh0rt-pass1', 'Password1234', 'Qwerty123456', 'Welcome12345']) {
        const res = await c.post('/api/auth/register', {
          email: `weak${Date.now()}@example.com`,
          password,
          firstName: 'A',
          lastName: 'B',
          companyName: 'C',
        });
        expect({ password, status: res.status }).toEqual({ password, status: 400 });
        expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('password');
      }
    });

    it('reset and confirm answer an unknown account exactly like a wrong code', async () => {
      const { email } = await newUser(stack.url);
      const c = new Client(stack.url);
      await c.post('/api/auth/forgot', { email });
      await codeFor(stack, email);
      const known = await c.post('/api/auth/reset', { email, code: '000000', password: 'Brand-New-Pass-77' });
      const unknown = await c.post('/api/auth/reset', {
        email: `nobody${Date.now()}@example.com`,
        code: '000000',
        password: 'Brand-New-Pass-77',
      });
      expect(unknown.status).toBe(known.status);
      expect(unknown.body).toEqual(known.body);
      const confirmUnknown = await c.post('/api/auth/confirm', {
        email: `nobody${Date.now()}@example.com`,
        code: '000000',
      });
      expect(confirmUnknown.status).toBe(400);
      expect(confirmUnknown.body.error.code).toBe('invalid_code');
    });

    it('a completed upload cannot be replaced through its upload URL, and its bytes must match its type', async () => {
      const { client } = await newUser(stack.url);
      const id = (await client.post('/api/assessments')).body.id as string;
      const pdf = Buffer.from('%PDF-1.4\n% ScaleMap test\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
      const created = await client.post(`/api/assessments/${id}/documents`, {
        fileName: 'plan.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
      });
      expect(created.status).toBe(201);
      const put = (body: Buffer) =>
        fetch(created.body.uploadUrl, {
          method: 'PUT',
          headers: created.body.headers,
          body: new Uint8Array(body),
        });
      expect((await put(pdf)).ok).toBe(true);
      const docUrl = `/api/assessments/${id}/documents/${created.body.documentId}`;
      expect((await client.post(`${docUrl}/complete`)).status).toBe(200);
      // the same presigned URL, once more, with other bytes of the same length
      const evil = Buffer.from('%PDF-1.4\n'.padEnd(pdf.length, 'X'));
      await put(evil);
      const download = await client.get(docUrl);
      expect(download.status).toBe(302);
      const bytes = Buffer.from(await (await fetch(download.headers.get('location')!)).arrayBuffer());
      expect(bytes.equals(pdf)).toBe(true);

      const fake = Buffer.from('this is not a PDF at all');
      const second = await client.post(`/api/assessments/${id}/documents`, {
        fileName: 'fake.pdf',
        contentType: 'application/pdf',
        size: fake.length,
      });
      await fetch(second.body.uploadUrl, {
        method: 'PUT',
        headers: second.body.headers,
        body: new Uint8Array(fake),
      });
      const refused = await client.post(
        `/api/assessments/${id}/documents/${second.body.documentId}/complete`,
      );
      expect(refused.status).toBe(409);
      expect(matchesDeclaredType('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]))).toBe(
        true,
      );
      expect(matchesDeclaredType('text/csv', Buffer.from('a,b\n1,\u0000'))).toBe(false);
    });

    it('answers headers over 16 KB with 431 in the JSON error shape', async () => {
      const { port } = new URL(stack.url);
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => {
          socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
        });
        let data = '';
        socket.on('data', (d) => (data += d));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 431/);
      const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
      expect(body.error.code).toBe('headers_too_large');
    });

    it('marks API answers no-store and serves no source maps', async () => {
      const { client } = await newUser(stack.url);
      const me = await client.get('/api/me');
      expect(me.headers.get('cache-control')).toBe('no-store');
      const assets = path.join(__dirname, '..', '..', 'web', 'dist', 'assets');
      const map = fs.readdirSync(assets).find((f) => f.endsWith('.map'));
      expect(map).toBeDefined();
      const js = map!.replace(/\.map$/, '');
      expect((await fetch(`${stack.url}/assets/${js}`)).status).toBe(200);
      expect((await fetch(`${stack.url}/assets/${map}`)).status).toBe(404);
    });

    it('refuses state-changing requests from another origin', async () => {
      const { client } = await newUser(stack.url);
      const evil = await client.request('POST', '/api/assessments', {}, { origin: 'https://evil.example' });
      expect(evil.status).toBe(403);
      expect(evil.body.error.code).toBe('origin_not_allowed');
      const same = await client.request('POST', '/api/assessments', {}, { origin: stack.url });
      expect(same.status).toBe(201);
      // reads are not affected
      expect(
        (await client.request('GET', '/api/assessments', undefined, { origin: 'https://evil.example' }))
          .status,
      ).toBe(200);
    });
  });
});

describe('client address and proxies (TRUST_PROXY)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ AUTH_RATE_LIMIT_PER_MINUTE: '10' }, { runPipeline: false });
  });
  afterAll(() => stack.stop());

  it('a rotating X-Forwarded-For does not get round the per-client limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const res = await new Client(stack.url).request(
        'POST',
        '/api/auth/login',
        { email: `x${i}@example.com`, password: 'Wrong-passw0rd-1' },
        { 'x-forwarded-for': `203.0.113.${i % 250}` },
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
  });
});

describe('payments errors', () => {
  const WEBHOOK_SECRET = 'whsec_test_scalemap_security';
  let stack: TestStack;
  let closedPort: number;
  beforeAll(async () => {
    closedPort = await new Promise<number>((resolve) => {
      const srv = http.createServer();
      srv.listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    stack = await startTestStack(
      {
        STRIPE_SECRET_KEY: 'sk_test_scalemap',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_BASE_URL: `http://127.0.0.1:${closedPort}`,
      },
      { runPipeline: false },
    );
  });
  afterAll(() => stack.stop());

  it('Stripe unreachable: 502 with a clear message', async () => {
    const { client } = await newUser(stack.url);
    const id = (await client.post('/api/assessments')).body.id as string;
    const res = await client.post(`/api/assessments/${id}/checkout`, {});
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('payment_provider_error');
    expect(res.body.error.message).toMatch(/payment provider/);
  });

  it('a correctly signed but malformed event: 400, nothing recorded', async () => {
    const payload = JSON.stringify({ id: 'evt_malformed_1', type: 'checkout.session.completed', data: {} });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const res = await fetch(`${stack.url}/api/stripe/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
      body: payload,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_event');
    expect(await stack.app.ctx.db.stripeEvent.count({ where: { id: 'evt_malformed_1' } })).toBe(0);
  });

  it('docs/API.md and the server agree on the checkout body', async () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'API.md'), 'utf8');
    const row = doc.split('\n').find((l) => l.includes('/api/assessments/:id/checkout'))!;
    const bodyCell = row.split('|')[3];
    const fields = [...bodyCell.matchAll(/(\w+)\??[,}]/g)].map((m) => m[1]);
    const body = Object.fromEntries(fields.map((f) => [f, `${stack.url}/somewhere`]));
    const { client } = await newUser(stack.url);
    const id = (await client.post('/api/assessments')).body.id as string;
    const res = await client.post(`/api/assessments/${id}/checkout`, body);
    // Stripe is unreachable here: anything but a refused body shows the documented body is accepted
    expect(res.status).not.toBe(400);
  });
});

describe('10. the local data folder', () => {
  it('is private: a 0700 folder works with the embedded database, and every file is 0600', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-private-'));
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    // `npm start` itself, as a process: its own embedded PostgreSQL in this private folder
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SCALEMAP_DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    delete env.TEST_DATABASE_TEMPLATE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/local/start.ts'], { cwd: ROOT, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${out}`)), 90_000);
        child.stdout.on('data', () => {
          const m = /ScaleMap is running: (http:\/\/\S+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        void exited.then((code) => reject(new Error(`exited with ${code}:\n${out}`)));
      });
      const { email } = await newUser(url);
      await new Client(url).post('/api/auth/forgot', { email });
      const outbox = path.join(dataDir, 'outbox');
      for (let i = 0; i < 50 && !(fs.existsSync(outbox) && fs.readdirSync(outbox).length); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(fs.readdirSync(outbox).length).toBeGreaterThan(0);
      const root = process.getuid?.() === 0;
      expect(fs.statSync(dataDir).mode & 0o777).toBe(root ? 0o711 : 0o700);
      const loose: string[] = [];
      const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (p === path.join(dataDir, 'postgres')) continue;
          const mode = fs.statSync(p).mode & 0o777;
          if (mode & 0o077) loose.push(`${path.relative(dataDir, p)} ${mode.toString(8)}`);
          if (e.isDirectory()) walk(p);
        }
      };
      walk(dataDir);
      expect(loose).toEqual([]);
      expect(fs.readdirSync(path.join(dataDir, 'cognito')).length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('names the fix when the database user cannot pass through a parent folder', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-closed-'));
    try {
      const problem = postgresAccessProblem(path.join(parent, 'data'), 999_999);
      expect(problem).toContain(`chmod o+x ${parent}`);
      fs.chmodSync(parent, 0o711);
      expect(postgresAccessProblem(path.join(parent, 'data'), 999_999)).toBeUndefined();
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
