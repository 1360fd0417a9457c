import fs from 'node:fs';
import path from 'node:path';
import { SignJWT, importJWK, decodeJwt } from 'jose';
import { Client, newUser, startTestStack, PASSWORD, type TestStack } from '../helpers/stack';

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

/** A token signed with cognito-local's own key (so only the claims differ from a real one). */
async function signLike(claims: Record<string, unknown>, overrides: Record<string, unknown>) {
  const key = await importJWK(privateJwk, 'RS256');
  return new SignJWT({ ...claims, ...overrides })
    .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
    .sign(key);
}

describe('authentication', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({}, { runPipeline: false });
  });
  afterAll(() => stack.stop());

  it('registers, logs in and keeps the session cookie valid on later requests', async () => {
    const { client, email } = await newUser(stack.url);
    expect(client.cookie).toMatch(/^scalemap\.sid=/);
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(email);
    expect(me.body.user.role).toBe('client');
    expect(me.body.profile.companyName).toBe('Acme Widgets Ltd');
    const again = await client.get('/api/assessments');
    expect(again.status).toBe(200);
    expect(again.body.assessments).toEqual([]);
  });

  it('accepts the Cognito ID and access tokens as Bearer tokens', async () => {
    const { tokens, email } = await newUser(stack.url);
    for (const token of [tokens.idToken, tokens.accessToken]) {
      const me = await new Client(stack.url, token).get('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.user.email).toBe(email);
    }
  });

  it('rejects no token, a forged token, an expired token and a token from another pool with 401', async () => {
    const { tokens } = await newUser(stack.url);
    const claims = decodeJwt(tokens.idToken);
    const [h, , s] = tokens.idToken.split('.');
    const tampered = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url');
    const cases: Record<string, string | undefined> = {
      none: undefined,
      garbage: 'not-a-jwt',
      forgedPayload: `${h}.${tampered}.${s}`,
      expired: await signLike(claims, {
        exp: Math.floor(Date.now() / 1000) - 60,
        iat: Math.floor(Date.now() / 1000) - 3600,
      }),
      otherPool: await signLike(claims, {
        iss: String(claims.iss).replace(/local_\w+$/, 'local_OtherPool1'),
      }),
      otherClient: await signLike(claims, { aud: 'another-client-id' }),
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await new Client(stack.url, token).get('/api/me');
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
      expect(res.body.error.code).toBe('unauthorized');
    }
    // the untampered token still works: the failures above are the claims, not the harness
    expect((await new Client(stack.url, tokens.idToken).get('/api/me')).status).toBe(200);
  });

  it('answers auth errors with clear codes', async () => {
    const c = new Client(stack.url);
    const weak = await c.post('/api/auth/register', {
      email: 'x@example.com',
      password: 'short',
      firstName: 'A',
      lastName: 'B',
      companyName: 'C',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.map((d: { path: string }) => d.path)).toContain('password');
    const { email } = await newUser(stack.url);
    const taken = await c.post('/api/auth/register', {
      email,
      password: PASSWORD,
      firstName: 'A',
      lastName: 'B',
      companyName: 'C',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');
    const wrong = await c.post('/api/auth/login', { email, password: 'Wrong-passw0rd' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const unknown = await c.post('/api/auth/login', { email: 'nobody@example.com', password: PASSWORD });
    expect(unknown.status).toBe(401);
  });

  it('logs out: the cookie no longer authenticates', async () => {
    const { client } = await newUser(stack.url);
    const cookie = client.cookie;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const stale = new Client(stack.url);
    stale.cookie = cookie;
    expect((await stale.get('/api/me')).status).toBe(401);
  });

  it('refreshes tokens with the session refresh token', async () => {
    const { client } = await newUser(stack.url);
    const res = await client.post('/api/auth/refresh', {});
    expect(res.status).toBe(200);
    expect((await new Client(stack.url, res.body.tokens.idToken).get('/api/me')).status).toBe(200);
  });

  it('resets a forgotten password with the emailed code', async () => {
    const { email } = await newUser(stack.url);
    const c = new Client(stack.url);
    expect((await c.post('/api/auth/forgot', { email })).status).toBe(202);
    expect((await c.post('/api/auth/forgot', { email: 'nobody@example.com' })).status).toBe(202);
    const outbox = stack.app.ctx.outboxDir!;
    let code: string | undefined;
    for (let i = 0; i < 20 && !code; i++) {
      for (const f of fs.readdirSync(outbox)) {
        const mail = JSON.parse(fs.readFileSync(path.join(outbox, f), 'utf8'));
        if (mail.to === email && /code is (\d+)/.test(mail.text)) code = /code is (\d+)/.exec(mail.text)![1];
      }
      if (!code) await new Promise((r) => setTimeout(r, 100));
    }
    expect(code).toBeDefined();
    expect(
      (await c.post('/api/auth/reset', { email, code: '000000', password: 'N3w-password' })).status,
    ).toBe(400);
    expect((await c.post('/api/auth/reset', { email, code, password: 'N3w-password' })).status).toBe(200);
    expect((await c.post('/api/auth/login', { email, password: 'N3w-password' })).status).toBe(200);
  });

  it('makes members of the founders group admins', async () => {
    const { email, client } = await newUser(stack.url);
    expect((await client.get('/api/admin/assessments')).status).toBe(403);
    await stack.app.ctx.identity.addToGroup(email, 'founders');
    const again = new Client(stack.url);
    await again.post('/api/auth/login', { email, password: PASSWORD });
    expect((await again.get('/api/me')).body.user.role).toBe('founder');
    expect((await again.get('/api/admin/assessments')).status).toBe(200);
  });
});

describe('rate limits and CORS', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(
      { AUTH_RATE_LIMIT_PER_MINUTE: '3', CORS_ORIGINS: 'https://app.scalemap.example' },
      { runPipeline: false },
    );
  });
  afterAll(() => stack.stop());

  it('limits auth attempts per client with a 429 in the usual error shape', async () => {
    const c = new Client(stack.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await c.post('/api/auth/login', { email: 'x@example.com', password: 'Wrong-passw0rd' })).status,
      );
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    const limited = await c.post('/api/auth/login', { email: 'x@example.com', password: 'Wrong-passw0rd' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // other routes are not limited
    expect((await c.get('/api/health')).status).toBe(200);
  });

  it('answers CORS only for the configured origins, with credentials', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.url}/api/assessments`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const ok = await preflight('https://app.scalemap.example');
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.scalemap.example');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
