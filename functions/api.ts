/**
 * The whole Express API as one Lambda behind an HTTP API (stage option apiRuntime: lambda), via serverless-http.
 * The app, its AppContext and the session store are built once per container, at the first request.
 *
 * The server-sent event stream cannot stream through an HTTP API (the response is buffered until the 29 s
 * timeout, then a 5xx, then the browser reconnects): here it answers 204 No Content at once, which tells an
 * EventSource not to reconnect, and the web app falls back to polling.
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
  if (!config.SESSION_SECRET)
    throw new Error('SESSION_SECRET is required by the API (SESSION_SECRET_SECRET_ARN)');
  const sessions = createSessionStore(config.DATABASE_URL!, dbTimeouts(config), { cache: false });
  const app = createApp(ctx, {
    sessionStore: sessions.store,
    readCache: sessions.cache,
    readSession: sessions.read,
    sessionSecret: config.SESSION_SECRET ?? 'scalemap-development-only-secret',
    authRateLimitPerMinute: config.AUTH_RATE_LIMIT_PER_MINUTE,
  });
  return serverless(app, { binary: ['application/pdf', 'image/*'] });
}

/** GET /api/assessments/:id/events (the SSE route of the Express app). */
const EVENT_STREAM = /^\/api\/assessments\/[^/]+\/events\/?$/;

export function isEventStream(event: Pick<APIGatewayProxyEventV2, 'rawPath' | 'requestContext'>): boolean {
  return event.requestContext?.http?.method === 'GET' && EVENT_STREAM.test(event.rawPath ?? '');
}

export const handler = async (event: APIGatewayProxyEventV2, context: Context) => {
  context.callbackWaitsForEmptyEventLoop = false;
  if (isEventStream(event)) return { statusCode: 204, headers: { 'cache-control': 'no-store' }, body: '' };
  await ensureSecrets();
  wrapped ??= build();
  return wrapped(event, context);
};
