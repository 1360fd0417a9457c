/** A tiny HTTP client keeping one session cookie, like a browser tab. */
export class Client {
  cookie?: string;
  constructor(
    readonly base: string,
    private readonly bearer?: string,
  ) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && typeof body !== 'string' && !(body instanceof Buffer))
      h['content-type'] = 'application/json';
    if (typeof body === 'string' && !h['content-type']) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(this.base + url, {
      method,
      headers: h,
      body:
        body === undefined
          ? undefined
          : typeof body === 'string' || body instanceof Buffer
            ? body
            : JSON.stringify(body),
      redirect: 'manual',
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: callers read .text
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, headers: res.headers, text, body: json as any };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

let counter = 0;
export const PASSWORD = 'Sc4leMap-test';

/** Registers and logs in a new client; returns the logged-in client and its tokens. */
export async function newUser(base: string, companyName = 'Acme Widgets Ltd') {
  const email = `user${Date.now()}${counter++}@example.com`;
  const c = new Client(base);
  const reg = await c.post('/api/auth/register', {
    email,
    password: PASSWORD,
    firstName: 'Ada',
    lastName: 'Lovelace',
    companyName,
  });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${reg.text}`);
  const login = await c.post('/api/auth/login', { email, password: PASSWORD, includeTokens: true });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  return {
    client: c,
    email,
    tokens: login.body.tokens as { idToken: string; accessToken: string },
    userId: login.body.user.id as string,
  };
}

export const SAMPLE_PROFILE = {
  companyName: 'Acme Widgets Ltd',
  industry: 'technology',
  revenueBand: '5m-10m',
  teamSize: '51-100',
  businessModel: 'b2b',
  growthStage: 'scaling',
  regulated: false,
  hasPhysicalProducts: false,
  subscriptionModel: false,
  channelSales: false,
  headcountGrowthOver50: false,
  challenges: 'Cash is tight and sales are unpredictable.',
  objectives: 'Double revenue in two years without running out of cash.',
};
