import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type OpenAiMode = 'garbage' | '429' | '500' | 'timeout' | 'rotate';

/**
 * An OpenAI-compatible stand-in on 127.0.0.1 (OPENAI_BASE_URL) that answers badly on purpose: 429 with a short
 * Retry-After, 500, a 200 whose content is not the JSON asked for, or no answer at all (the client times out).
 * `rotate` cycles through the four. ScaleMap must retry, trip its breaker and fall back to the rule-based analysts.
 */
export function openAiStandIn(initial: OpenAiMode = 'garbage') {
  let mode: OpenAiMode = initial;
  let n = 0;
  const counts: Record<string, number> = { garbage: 0, '429': 0, '500': 0, timeout: 0 };
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const kinds = ['429', '500', 'garbage', 'timeout'] as const;
      const kind = mode === 'rotate' ? kinds[n++ % kinds.length] : mode;
      counts[kind] += 1;
      if (kind === 'timeout') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      res.setHeader('content-type', 'application/json');
      if (kind === '429') {
        res.statusCode = 429;
        res.setHeader('retry-after-ms', '50');
        return res.end(JSON.stringify({ error: { type: 'rate_limit_exceeded', message: 'slow down' } }));
      }
      if (kind === '500') {
        res.statusCode = 500;
        return res.end(JSON.stringify({ error: { type: 'server_error', message: 'stand-in failure' } }));
      }
      res.end(
        JSON.stringify({
          id: `chatcmpl-${n}`,
          object: 'chat.completion',
          created: 0,
          model: 'gpt-4o-mini',
          choices: [
            { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: '{"oops": [1, 2' } },
          ],
          usage: { prompt_tokens: 100, completion_tokens: 5, total_tokens: 105 },
        }),
      );
    });
  });
  return {
    counts,
    setMode(m: OpenAiMode) {
      mode = m;
    },
    start: () =>
      new Promise<string>((r) =>
        server.listen(0, '127.0.0.1', () =>
          r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`),
        ),
      ),
    stop: () =>
      new Promise<void>((r) => {
        for (const res of hanging) res.destroy();
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
