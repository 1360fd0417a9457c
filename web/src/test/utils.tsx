import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { createQueryClient } from '../api/queries';
import type { Assessment, Questionnaire } from '../api/types';
import { cssVariablesResolver, theme } from '../theme';

/** One recorded call to the mocked global fetch. */
export interface FetchCall {
  method: string;
  url: string;
  body: unknown;
}

export interface MockResponse {
  status?: number;
  body?: unknown;
}

type Handler = {
  method: string;
  path: string | RegExp;
  respond: (call: FetchCall) => MockResponse | Promise<MockResponse>;
};

/**
 * Replaces global fetch with a tiny router over `handlers` (first match wins). Unknown requests answer 404 in
 * the API's error format. Returns the list of calls made.
 */
export function mockFetch(handlers: Handler[]): FetchCall[] {
  const calls: FetchCall[] = [];
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const call = { method, url, body };
    calls.push(call);
    const path = url.replace(/^https?:\/\/[^/]+/, '');
    const pathOnly = path.split('?')[0];
    const handler = handlers.find(
      (h) => h.method === method && (typeof h.path === 'string' ? h.path === pathOnly : h.path.test(path)),
    );
    const res: MockResponse = handler
      ? await handler.respond(call)
      : { status: 404, body: { error: { code: 'not_found', message: `No mock for ${method} ${path}` } } };
    const status = res.status ?? 200;
    const text =
      res.body === undefined ? '' : typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: '',
      headers: { get: () => null },
      text: async () => text,
    } as unknown as Response;
  });
  Object.assign(globalThis, { fetch: fetchMock });
  return calls;
}

export function testQueryClient(): QueryClient {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: 0 }, mutations: { retry: false } });
  return client;
}

/**
 * Renders `element` at `url`, matched by the route `path`, with the app's providers. (A MemoryRouter rather
 * than a data router: those need the Fetch API's Request, which jsdom lacks; the screens use no data APIs.)
 */
export function renderRoute(element: React.ReactElement, { path, url }: { path: string; url: string }) {
  const queryClient = testQueryClient();
  const result = render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} env="test">
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path={path} element={element} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, queryClient };
}

export const ME = {
  user: { id: 'u1', email: 'founder@example.com', firstName: 'Ada', lastName: 'Lovelace', role: 'client' },
  profile: null,
  settings: { paymentRequired: false, priceGbpPence: 750000, localMode: true, timeScale: 1 },
};

export const OPTIONS = [
  { score: 1, label: 'A clear strength' },
  { score: 2, label: 'Mostly fine' },
  { score: 3, label: 'Average' },
  { score: 4, label: 'A real problem' },
  { score: 5, label: 'A critical problem' },
];

export function makeQuestionnaire(extra: { conditional?: boolean } = {}): Questionnaire {
  const strategic = [
    {
      id: 'sa-01',
      topic: 'vision',
      prompt: 'How clear is your three-year vision?',
      options: OPTIONS,
      followUps: [
        { id: 'sa-01-f1', prompt: 'What have you tried so far?' },
        { id: 'sa-01-f2', prompt: 'What does it cost you?' },
      ],
      conditional: false,
    },
    {
      id: 'sa-02',
      topic: 'priorities',
      prompt: 'How well do priorities guide resource decisions?',
      options: OPTIONS,
      followUps: [],
      conditional: false,
    },
  ];
  if (extra.conditional) {
    strategic.push({
      id: 'sa-c1',
      topic: 'regulation',
      prompt: 'How well does strategy account for regulatory change?',
      options: OPTIONS,
      followUps: [],
      conditional: true,
    });
  }
  return {
    contentVersion: 1,
    domains: [
      {
        id: 'strategic-alignment',
        name: 'Strategic Alignment & Vision',
        description: 'Where you are going.',
        questions: strategic,
      },
      {
        id: 'financial-management',
        name: 'Financial Management & Capital Efficiency',
        description: 'Money in, money out.',
        questions: [
          {
            id: 'fm-01',
            topic: 'cash flow',
            prompt: 'How predictable is your cash flow?',
            options: OPTIONS,
            followUps: [],
            conditional: false,
          },
        ],
      },
      {
        id: 'supply-chain',
        name: 'Supply Chain & Operations',
        description: 'Physical products.',
        questions: [],
      },
    ],
  };
}

export function makeAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: 'a1',
    status: 'draft',
    contentVersion: 1,
    createdAt: '2025-06-01T09:00:00.000Z',
    submittedAt: null,
    failure: null,
    dueTimes: null,
    progress: { overall: 0, complete: false, domains: [] },
    answers: [],
    documents: [],
    payment: { required: false, status: 'not-required' },
    triage: null,
    analyses: [],
    deliverables: [],
    priorities: [],
    awaitingValidation: false,
    validation: null,
    ...overrides,
  };
}
