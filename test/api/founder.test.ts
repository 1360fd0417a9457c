/** `npm run founder`: the founders group of the local user pool, and the role it gives at the next sign-in. */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Client, newUser, PASSWORD, startTestStack, type TestStack } from '../helpers/stack';
import { parseFounderArgs, runFounderCommand } from '../../src/local/founders';

describe('npm run founder', () => {
  let stack: TestStack;
  let cognito: CognitoIdentityProviderClient;
  beforeAll(async () => {
    stack = await startTestStack({}, { runPipeline: false });
    cognito = new CognitoIdentityProviderClient({
      endpoint: stack.app.stack.cognitoEndpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });
  afterAll(async () => {
    cognito?.destroy();
    await stack?.stop();
  });

  const login = async (email: string) => {
    const c = new Client(stack.url);
    expect((await c.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
    return c;
  };

  it('parses add, remove and list, and refuses anything else', () => {
    expect(parseFounderArgs(['add', ' Ada@Example.com'])).toEqual({
      action: 'add',
      email: 'ada@example.com',
    });
    expect(parseFounderArgs(['list'])).toEqual({ action: 'list' });
    expect(() => parseFounderArgs(['add', 'not-an-email'])).toThrow(/usage/);
    expect(() => parseFounderArgs(['promote', 'a@b.co'])).toThrow(/usage/);
  });

  it('makes an account a founder at its next sign-in, lists it, and removes it again', async () => {
    const { email } = await newUser(stack.url);
    const poolId = stack.app.stack.userPoolId;
    expect((await (await login(email)).get('/api/admin/assessments')).status).toBe(403);

    const added = await runFounderCommand(cognito, poolId, { action: 'add', email });
    expect(added[0]).toMatch(/is now a founder/);
    expect(await runFounderCommand(cognito, poolId, { action: 'list' })).toContain(email);
    const founder = await login(email);
    expect((await founder.get('/api/me')).body.user.role).toBe('founder');
    expect((await founder.get('/api/admin/assessments')).status).toBe(200);

    await runFounderCommand(cognito, poolId, { action: 'remove', email });
    expect(await runFounderCommand(cognito, poolId, { action: 'list' })).not.toContain(email);
    expect((await (await login(email)).get('/api/me')).body.user.role).toBe('client');
  });

  it('says so when the account does not exist', async () => {
    await expect(
      runFounderCommand(cognito, stack.app.stack.userPoolId, { action: 'add', email: 'nobody@example.com' }),
    ).rejects.toThrow(/register it in the web app first/);
  });
});
