import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A Stripe API stand-in on 127.0.0.1 with Checkout sessions that have a life: create, retrieve, expire (the calls
 * ScaleMap makes through the real stripe SDK), plus `pay()` for the test to play the customer paying, which returns
 * the `checkout.session.completed` event Stripe would send. Expired or completed sessions cannot be paid.
 */
export interface StandInSession {
  id: string;
  object: 'checkout.session';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  url: string | null;
  expires_at: number;
  amount_total: number;
  currency: string;
  metadata: Record<string, string>;
  client_reference_id: string | null;
  payment_intent: string | null;
}

export function stripeStandIn() {
  const sessions = new Map<string, StandInSession>();
  const requests: { method: string; path: string; body: string }[] = [];
  let n = 0;
  let failNext = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', body });
      const send = (status: number, payload: unknown) => {
        res.statusCode = status;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(payload));
      };
      if (failNext > 0) {
        failNext -= 1;
        return send(500, { error: { type: 'api_error', message: 'stand-in failure' } });
      }
      const path = (req.url ?? '').split('?')[0];
      const form = new URLSearchParams(body);
      if (req.method === 'POST' && path === '/v1/checkout/sessions') {
        const id = `cs_test_${++n}_${Date.now().toString(36)}`;
        const metadata: Record<string, string> = {};
        for (const [k, v] of form) {
          const m = /^metadata\[(\w+)\]$/.exec(k);
          if (m) metadata[m[1]] = v;
        }
        const session: StandInSession = {
          id,
          object: 'checkout.session',
          status: 'open',
          payment_status: 'unpaid',
          url: `https://checkout.stripe.test/pay/${id}`,
          expires_at: Math.floor(Date.now() / 1000) + 24 * 3600,
          amount_total: Number(form.get('line_items[0][price_data][unit_amount]') ?? 0),
          currency: form.get('line_items[0][price_data][currency]') ?? 'gbp',
          metadata,
          client_reference_id: form.get('client_reference_id'),
          payment_intent: null,
        };
        sessions.set(id, session);
        return send(200, session);
      }
      const m = /^\/v1\/checkout\/sessions\/([\w-]+)(\/expire)?$/.exec(path);
      const session = m ? sessions.get(m[1]) : undefined;
      if (!m || !session)
        return send(404, { error: { type: 'invalid_request_error', message: 'No such checkout session' } });
      if (m[2] && req.method === 'POST') {
        if (session.status !== 'open')
          return send(400, {
            error: { type: 'invalid_request_error', message: `Only open sessions can be expired` },
          });
        session.status = 'expired';
        session.url = null;
        return send(200, session);
      }
      if (req.method === 'GET') return send(200, session);
      return send(404, { error: { type: 'invalid_request_error', message: 'Unrecognized request' } });
    });
  });
  let eventN = 0;
  return {
    sessions,
    requests,
    /** The next `count` API calls answer 500. */
    failNext(count: number) {
      failNext = count;
    },
    /** The customer pays an open session: returns the completion event, or undefined when it cannot be paid. */
    pay(sessionId: string): Stripe.Event | undefined {
      const s = sessions.get(sessionId);
      if (!s || s.status !== 'open') return undefined;
      s.status = 'complete';
      s.payment_status = 'paid';
      s.payment_intent = `pi_${sessionId}`;
      return {
        id: `evt_${sessionId}_${++eventN}`,
        object: 'event',
        type: 'checkout.session.completed',
        data: { object: { ...s } },
      } as unknown as Stripe.Event;
    },
    /** A completion event for a session, whatever its state (Stripe delivering late or twice). */
    completedEvent(sessionId: string, eventId?: string): Stripe.Event {
      const s = sessions.get(sessionId)!;
      return {
        id: eventId ?? `evt_${sessionId}_${++eventN}`,
        object: 'event',
        type: 'checkout.session.completed',
        data: {
          object: { ...s, status: 'complete', payment_status: 'paid', payment_intent: `pi_${sessionId}` },
        },
      } as unknown as Stripe.Event;
    },
    start: () =>
      new Promise<string>((r) =>
        server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/** Signs an event as Stripe does (Stripe's own helper), for POST /api/stripe/webhook. */
export function signedWebhook(event: object, secret: string) {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return { payload, header };
}

export async function postWebhook(baseUrl: string, event: object, secret: string) {
  const s = signedWebhook(event, secret);
  const res = await fetch(`${baseUrl}/api/stripe/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': s.header },
    body: s.payload,
  });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as unknown };
}
