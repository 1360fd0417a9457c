import { mockClient } from 'aws-sdk-client-mock';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { resolveSecretArns } from './secrets';

describe('resolveSecretArns', () => {
  it('turns each *_SECRET_ARN into its value, once, and leaves values already set alone', async () => {
    // Prepare
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand, { SecretId: 'arn:db' }).resolves({
      SecretString: 'postgresql://u:p@db:5432/scalemap',
    });
    sm.on(GetSecretValueCommand, { SecretId: 'arn:session' }).resolves({
      SecretString: 's3cret-session-value',
    });
    const env: NodeJS.ProcessEnv = {
      DATABASE_URL_SECRET_ARN: 'arn:db',
      SESSION_SECRET_SECRET_ARN: 'arn:session',
      STRIPE_SECRET_KEY_SECRET_ARN: 'arn:stripe',
      STRIPE_SECRET_KEY: 'already-set',
    };
    // Act
    const resolved = await resolveSecretArns(env, new SecretsManagerClient({ region: 'eu-west-1' }));
    // Assess
    expect(resolved.sort()).toEqual(['DATABASE_URL', 'SESSION_SECRET']);
    expect(env.DATABASE_URL).toBe('postgresql://u:p@db:5432/scalemap');
    expect(env.SESSION_SECRET).toBe('s3cret-session-value');
    expect(env.STRIPE_SECRET_KEY).toBe('already-set');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    sm.restore();
  });

  it('fails loudly when a secret has no value', async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand).resolves({});
    await expect(
      resolveSecretArns({ X_SECRET_ARN: 'arn:x' }, new SecretsManagerClient({ region: 'eu-west-1' })),
    ).rejects.toThrow(/X_SECRET_ARN/);
    sm.restore();
  });
});
