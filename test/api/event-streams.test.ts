import { newUser, startTestStack, SAMPLE_PROFILE, type TestStack } from '../helpers/stack';
import { waitUntil } from '../helpers/pipeline';
import { parseLastEventId } from '../../src/api/routes/pipeline';

describe('progress event streams', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(
      { EVENT_STREAMS_PER_USER: '3', EVENT_STREAM_KEEPALIVE_MS: '150' },
      { runPipeline: false },
    );
  });
  afterAll(() => stack.stop());

  async function assessment() {
    const user = await newUser(stack.url);
    await user.client.put('/api/me/profile', SAMPLE_PROFILE);
    const id = (await user.client.post('/api/assessments')).body.id as string;
    return { ...user, id };
  }

  function open(id: string, cookie: string, lastEventId?: string) {
    const controller = new AbortController();
    const response = fetch(`${stack.url}/api/assessments/${id}/events`, {
      headers: { cookie, ...(lastEventId !== undefined ? { 'last-event-id': lastEventId } : {}) },
      signal: controller.signal,
    });
    return { response, close: () => controller.abort() };
  }

  async function readUntil(res: Response, pattern: RegExp, count: number) {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while ((text.match(pattern) ?? []).length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel().catch(() => undefined);
    return text;
  }

  it.each(['1.5', '12345678901234567890123', '9223372036854775808', '-1', 'abc', '1e3'])(
    'answers Last-Event-ID %p with a 400 JSON error instead of a hanging stream',
    async (header) => {
      const { id, client } = await assessment();
      const stream = open(id, client.cookie!, header);
      const res = await Promise.race([
        stream.response,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), 10_000)),
      ]);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect((await res.json()).error).toMatchObject({ code: 'validation_error' });
      stream.close();
    },
  );

  it('parses a valid id, and resumes after it', async () => {
    expect(parseLastEventId(undefined)).toBe(0n);
    expect(parseLastEventId('42')).toBe(42n);
    expect(parseLastEventId('9223372036854775807')).toBe(9223372036854775807n);
    const { id, client } = await assessment();
    const stream = open(id, client.cookie!, '9223372036854775807');
    const res = await stream.response;
    expect(res.status).toBe(200);
    // nothing after the last possible id: only keep-alives arrive, and they keep arriving
    const text = await readUntil(res, /: keep-alive/g, 3);
    expect(text.match(/: keep-alive/g)?.length).toBeGreaterThanOrEqual(3);
    expect(text).not.toContain('event: stage');
    stream.close();
  });

  it('caps the streams one user holds open at once (429), and frees a slot when one closes', async () => {
    const { id, client } = await assessment();
    const streams = [open(id, client.cookie!), open(id, client.cookie!), open(id, client.cookie!)];
    for (const s of streams) expect((await s.response).status).toBe(200);
    const fourth = open(id, client.cookie!);
    const refused = await fourth.response;
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('too_many_streams');
    // another user is not affected
    const other = await assessment();
    const theirs = open(other.id, other.client.cookie!);
    expect((await theirs.response).status).toBe(200);
    theirs.close();

    streams[0].close();
    const again = await waitUntil(
      'a free slot',
      async () => {
        const s = open(id, client.cookie!);
        const r = await s.response;
        if (r.status === 200) return s;
        await r.text();
        return undefined;
      },
      10_000,
      100,
    );
    again.close();
    streams.slice(1).forEach((s) => s.close());
  });
});
