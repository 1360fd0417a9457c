import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { sdk } from '../adapters/aws/sdk';

const SUFFIX = '_SECRET_ARN';

/**
 * Lambdas get secrets as ARNs, never as values: `<NAME>_SECRET_ARN` names the Secrets Manager secret whose value
 * becomes `<NAME>` (e.g. DATABASE_URL_SECRET_ARN → DATABASE_URL). Resolved once per container, before the config
 * is read. (ECS task definitions inject the values themselves through `Secrets`.)
 */
export async function resolveSecretArns(
  env: NodeJS.ProcessEnv = process.env,
  client?: Pick<SecretsManagerClient, 'send'>,
): Promise<string[]> {
  const wanted = Object.keys(env).filter(
    (k) => k.endsWith(SUFFIX) && env[k] && !env[k.slice(0, -SUFFIX.length)],
  );
  if (wanted.length === 0) return [];
  const { GetSecretValueCommand, SecretsManagerClient } = sdk.secretsManager();
  const sm = client ?? new SecretsManagerClient({});
  await Promise.all(
    wanted.map(async (key) => {
      const out = await sm.send(new GetSecretValueCommand({ SecretId: env[key]! }));
      if (out.SecretString === undefined) throw new Error(`secret ${key} has no string value`);
      env[key.slice(0, -SUFFIX.length)] = out.SecretString;
    }),
  );
  return wanted.map((k) => k.slice(0, -SUFFIX.length));
}
