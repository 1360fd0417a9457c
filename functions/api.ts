/**
 * The whole Express API as one Lambda behind an HTTP API (stage option apiRuntime: lambda), via serverless-http.
 * The app, its AppContext and the session store are built once per container, at the first request.
 */
import serverless from 'serverless-http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { ensureSecrets, getAppContext } from '../src/runtime';
import { createApp } from '../src/api/app';
import { createSessionStore } from '../src/api/session-store';
import { dbTimeouts } from '../src/db/client';

let wrapped: ReturnType<typeof serverless> | undefined;

function build() {
  const ctx = getAppContext();
  const { config } = ctx;
  const sessions = createSessionStore(config.DATABASE_URL!, dbTimeouts(config), { cache: false });
  const app = createApp(ctx, {
    sessionStore: sessions.store,
    authCache: sessions.cache,
    sessionSecret: config.SESSION_SECRET ?? 'scalemap-development-only-secret',
    authRateLimitPerMinute: config.AUTH_RATE_LIMIT_PER_MINUTE,
  });
  return serverless(app, { binary: ['application/pdf', 'image/*'] });
}

export const handler = async (event: APIGatewayProxyEventV2, context: Context) => {
  context.callbackWaitsForEmptyEventLoop = false;
  await ensureSecrets();
  wrapped ??= build();
  return wrapped(event, context);
};
