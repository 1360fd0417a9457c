import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { handler, isEventStream } from './api';

function event(method: string, rawPath: string): APIGatewayProxyEventV2 {
  return { rawPath, requestContext: { http: { method } } } as unknown as APIGatewayProxyEventV2;
}

describe('the API Lambda entrypoint', () => {
  test('the event stream answers 204 at once (no 29 s buffered stream, no 5xx, no reconnect)', async () => {
    // Act: nothing is configured - the answer must not need the app, the database or the secrets
    const res = await handler(
      event('GET', '/api/assessments/0b6f7c9e-1f7a-4b5e-9a51-1c1d5f2f9a10/events'),
      {} as Context,
    );
    // Assess
    expect(res).toMatchObject({ statusCode: 204, body: '' });
  });

  test('only that route', () => {
    expect(isEventStream(event('GET', '/api/assessments/abc/events'))).toBe(true);
    expect(isEventStream(event('POST', '/api/assessments/abc/events'))).toBe(false);
    expect(isEventStream(event('GET', '/api/assessments/abc'))).toBe(false);
    expect(isEventStream(event('GET', '/api/assessments/abc/events/x'))).toBe(false);
  });
});
