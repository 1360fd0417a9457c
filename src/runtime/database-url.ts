/**
 * DATABASE_URL on AWS is composed at run time, never stored: the host, port and database name come from the
 * environment (DATABASE_HOST, DATABASE_PORT, DATABASE_NAME) and the credentials from a Secrets Manager
 * secret's JSON (`{"username","password"}`), injected as DATABASE_CREDENTIALS (ECS `Secrets`, or a Lambda's
 * DATABASE_CREDENTIALS_SECRET_ARN read at cold start). A rotated password is picked up by the next process,
 * with no deployment. An explicit DATABASE_URL always wins (local stack, tests).
 *
 * Without credentials the URL has none: a process that never queries (alertFounder, startPipeline) needs no
 * database secret at all.
 */
export function composeDatabaseUrl(
  env: NodeJS.ProcessEnv,
  credentialsVar = 'DATABASE_CREDENTIALS',
): string | undefined {
  if (!env.DATABASE_HOST) return undefined;
  const port = env.DATABASE_PORT || '5432';
  const name = env.DATABASE_NAME || 'scalemap';
  let auth = '';
  const raw = env[credentialsVar];
  if (raw) {
    let creds: { username?: unknown; password?: unknown };
    try {
      creds = JSON.parse(raw) as typeof creds;
    } catch {
      throw new Error(`${credentialsVar} is not the JSON of a database secret ({"username","password"})`);
    }
    if (typeof creds.username !== 'string' || typeof creds.password !== 'string')
      throw new Error(`${credentialsVar} lacks a username or a password`);
    auth = `${encodeURIComponent(creds.username)}:${encodeURIComponent(creds.password)}@`;
  }
  return `postgresql://${auth}${env.DATABASE_HOST}:${port}/${encodeURIComponent(name)}?sslmode=verify-full`;
}

/** The environment with DATABASE_URL composed when it is not set and the parts are there. */
export function withDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.DATABASE_URL) return env;
  const url = composeDatabaseUrl(env);
  return url ? { ...env, DATABASE_URL: url } : env;
}
