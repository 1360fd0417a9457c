/** Requests that must all be refused with a 4xx JSON error and change nothing. */
export interface MalformedRequest {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Sent with a signed-in client's cookie. */
  auth: boolean;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** `count` malformed requests cycling through the kinds below, against a draft and a submitted assessment. */
export function malformedRequests(
  count: number,
  ids: { draft: string; submitted: string },
): MalformedRequest[] {
  const { draft, submitted } = ids;
  const kinds: Array<(i: number) => MalformedRequest> = [
    () => ({
      name: 'register: broken JSON',
      method: 'POST',
      path: '/api/auth/register',
      headers: JSON_HEADERS,
      body: '{"email":',
      auth: false,
    }),
    (i) => ({
      name: 'login: wrong types',
      method: 'POST',
      path: '/api/auth/login',
      headers: JSON_HEADERS,
      body: JSON.stringify({ email: [`x${i}@example.com`], password: { $gt: '' } }),
      auth: false,
    }),
    () => ({
      name: 'answers: SQL in ids, score out of range',
      method: 'PUT',
      path: `/api/assessments/${draft}/answers`,
      headers: JSON_HEADERS,
      body: JSON.stringify({ answers: [{ questionId: "x'; DROP TABLE users;--", score: 99 }] }),
      auth: true,
    }),
    () => ({
      name: 'answers: not a list',
      method: 'PUT',
      path: `/api/assessments/${draft}/answers`,
      headers: JSON_HEADERS,
      body: JSON.stringify({ answers: 'all of them' }),
      auth: true,
    }),
    () => ({
      name: 'answers on a submitted assessment of another user',
      method: 'PUT',
      path: `/api/assessments/${submitted}/answers`,
      headers: JSON_HEADERS,
      body: JSON.stringify({ answers: [] }),
      auth: true,
    }),
    () => ({
      name: 'assessment id not a uuid',
      method: 'GET',
      path: '/api/assessments/1%20OR%201=1',
      headers: {},
      auth: true,
    }),
    () => ({
      name: 'document: bad type and size',
      method: 'POST',
      path: `/api/assessments/${draft}/documents`,
      headers: JSON_HEADERS,
      body: JSON.stringify({
        fileName: '../../etc/passwd',
        contentType: 'application/x-msdownload',
        size: -1,
      }),
      auth: true,
    }),
    () => ({
      name: 'webhook: forged signature',
      method: 'POST',
      path: '/api/stripe/webhook',
      headers: { ...JSON_HEADERS, 'stripe-signature': 't=1,v1=00' },
      body: JSON.stringify({ id: 'evt_forged', type: 'checkout.session.completed', data: { object: {} } }),
      auth: false,
    }),
    () => ({
      name: 'events: Last-Event-ID 1.5',
      method: 'GET',
      path: `/api/assessments/${draft}/events`,
      headers: { 'last-event-id': '1.5' },
      auth: true,
    }),
    () => ({
      name: 'events: 23-digit Last-Event-ID',
      method: 'GET',
      path: `/api/assessments/${draft}/events`,
      headers: { 'last-event-id': '12345678901234567890123' },
      auth: true,
    }),
    () => ({
      name: 'profile: body over 1 MB',
      method: 'PUT',
      path: '/api/me/profile',
      headers: JSON_HEADERS,
      body: JSON.stringify({ companyName: 'x'.repeat(1_100_000) }),
      auth: true,
    }),
    () => ({
      name: 'profile: wrong types',
      method: 'PUT',
      path: '/api/me/profile',
      headers: JSON_HEADERS,
      body: JSON.stringify({ companyName: 42, industry: null, revenueBand: ['a'] }),
      auth: true,
    }),
    () => ({
      name: 'checkout: unknown fields',
      method: 'POST',
      path: `/api/assessments/${draft}/checkout`,
      headers: JSON_HEADERS,
      body: JSON.stringify({ successUrl: 'javascript:alert(1)', amount: 1 }),
      auth: true,
    }),
    () => ({
      name: 'validation: garbage',
      method: 'POST',
      path: `/api/assessments/${draft}/validation`,
      headers: JSON_HEADERS,
      body: JSON.stringify({ priorities: 'yes' }),
      auth: true,
    }),
    () => ({
      name: 'admin as a client',
      method: 'GET',
      path: '/api/admin/assessments',
      headers: {},
      auth: true,
    }),
    () => ({
      name: 'signed out',
      method: 'POST',
      path: '/api/assessments',
      headers: JSON_HEADERS,
      body: '{}',
      auth: false,
    }),
    () => ({
      name: 'deeply nested JSON',
      method: 'PUT',
      path: `/api/assessments/${draft}/answers`,
      headers: JSON_HEADERS,
      body: '{"answers":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
      auth: true,
    }),
    () => ({
      name: 'answers as text/plain',
      method: 'PUT',
      path: `/api/assessments/${draft}/answers`,
      headers: { 'content-type': 'text/plain' },
      body: 'answers=1',
      auth: true,
    }),
    () => ({
      name: 'bad bearer token',
      method: 'GET',
      path: '/api/me',
      headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
      auth: false,
    }),
    () => ({
      name: 'unsupported encoding',
      method: 'PUT',
      path: '/api/me/profile',
      headers: { ...JSON_HEADERS, 'content-encoding': 'br' },
      body: '{}',
      auth: true,
    }),
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length](i));
}
