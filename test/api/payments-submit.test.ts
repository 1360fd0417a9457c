import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { newUser, startTestStack, SAMPLE_PROFILE, type TestStack } from '../helpers/stack';
import { answersFor, chunk } from '../helpers/answers';

const WEBHOOK_SECRET = 'whsec_test_scalemap_local_secret';

/** A Stripe API stand-in on 127.0.0.1: answers Checkout Session creation and records the requests. */
function stripeStandIn() {
  const requests: { path: string; body: string }[] = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', body });
      const id = `cs_test_${++n}`;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({ id, object: 'checkout.session', url: `https://checkout.stripe.test/pay/${id}` }),
      );
    });
  });
  return {
    requests,
    start: () =>
      new Promise<string>((r) =>
        server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function signed(event: object) {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  return { payload, header };
}

describe('payment and submission (Stripe configured)', () => {
  let stack: TestStack;
  const stripeApi = stripeStandIn();

  beforeAll(async () => {
    const base = await stripeApi.start();
    stack = await startTestStack(
      {
        STRIPE_SECRET_KEY: 'sk_test_scalemap',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_BASE_URL: base,
      },
      { runPipeline: false },
    );
  });
  afterAll(async () => {
    await stack.stop();
    await stripeApi.stop();
  });

  async function completeAssessment() {
    const user = await newUser(stack.url);
    await user.client.put('/api/me/profile', SAMPLE_PROFILE);
    const id = (await user.client.post('/api/assessments')).body.id as string;
    for (const batch of chunk(answersFor(SAMPLE_PROFILE, ['financial-management']), 50)) {
      expect((await user.client.put(`/api/assessments/${id}/answers`, { answers: batch })).status).toBe(200);
    }
    return { ...user, id };
  }

  async function webhook(event: object, header?: string) {
    const s = signed(event);
    return fetch(`${stack.url}/api/stripe/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': header ?? s.header },
      body: s.payload,
    });
  }

  const completed = (sessionId: string, eventId: string) => ({
    id: eventId,
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: { id: sessionId, object: 'checkout.session', payment_status: 'paid', payment_intent: 'pi_123' },
    },
  });

  it('requires payment: 402 before, Checkout in GBP at the configured price, 202 after the webhook', async () => {
    const { client, id, userId } = await completeAssessment();
    expect((await client.get(`/api/assessments/${id}`)).body.payment).toEqual({
      required: true,
      status: 'unpaid',
    });
    const unpaid = await client.post(`/api/assessments/${id}/submit`);
    expect(unpaid.status).toBe(402);
    expect(unpaid.body.error.code).toBe('payment_required');

    const checkout = await client.post(`/api/assessments/${id}/checkout`, {});
    expect(checkout.status).toBe(200);
    expect(checkout.body.url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const sent = new URLSearchParams(stripeApi.requests.at(-1)!.body);
    expect(stripeApi.requests.at(-1)!.path).toBe('/v1/checkout/sessions');
    expect(sent.get('line_items[0][price_data][currency]')).toBe('gbp');
    expect(sent.get('line_items[0][price_data][unit_amount]')).toBe('750000');
    expect(sent.get('metadata[assessmentId]')).toBe(id);
    expect(sent.get('metadata[userId]')).toBe(userId);
    expect((await client.get(`/api/assessments/${id}`)).body.payment.status).toBe('pending');

    const res = await webhook(completed(checkout.body.sessionId, `evt_paid_${id}`));
    expect(res.status).toBe(200);
    expect((await client.get(`/api/assessments/${id}`)).body.payment.status).toBe('paid');
    const submitted = await client.post(`/api/assessments/${id}/submit`);
    expect(submitted.status).toBe(202);
  });

  it('rejects a bad signature with 400 and changes nothing', async () => {
    const { client, id } = await completeAssessment();
    const checkout = await client.post(`/api/assessments/${id}/checkout`, {});
    const event = completed(checkout.body.sessionId, `evt_forged_${id}`);
    const forged = Stripe.webhooks.generateTestHeaderString({
      payload: JSON.stringify(event),
      secret: 'whsec_wrong',
    });
    const res = await webhook(event, forged);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_signature');
    const missing = await fetch(`${stack.url}/api/stripe/webhook`, {
      method: 'POST',
      body: JSON.stringify(event),
    });
    expect(missing.status).toBe(400);
    expect((await client.get(`/api/assessments/${id}`)).body.payment.status).toBe('pending');
    expect(await stack.app.ctx.db.stripeEvent.findUnique({ where: { id: event.id } })).toBeNull();
  });

  it('applies the same event once when Stripe delivers it twice', async () => {
    const { client, id } = await completeAssessment();
    const checkout = await client.post(`/api/assessments/${id}/checkout`, {});
    const event = completed(checkout.body.sessionId, `evt_twice_${id}`);
    const first = await webhook(event);
    const second = await webhook(event);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect((await second.json()).duplicate).toBe(true);
    const stages = await stack.app.ctx.db.stageEvent.count({
      where: { assessmentId: id, stage: 'payment_received' },
    });
    expect(stages).toBe(1);
    expect(await stack.app.ctx.db.stripeEvent.count({ where: { id: event.id } })).toBe(1);
  });

  it('submit: 422 with the incomplete domains, 409 when already submitted, one outbox record', async () => {
    const user = await newUser(stack.url);
    await user.client.put('/api/me/profile', SAMPLE_PROFILE);
    const id = (await user.client.post('/api/assessments')).body.id as string;
    const partial = answersFor(SAMPLE_PROFILE, [], { skipDomains: ['people-organization', 'partnerships'] });
    for (const batch of chunk(partial, 50))
      await user.client.put(`/api/assessments/${id}/answers`, { answers: batch });
    const incomplete = await user.client.post(`/api/assessments/${id}/submit`);
    expect(incomplete.status).toBe(422);
    expect(
      incomplete.body.error.details.incompleteDomains.map((d: { domain: string }) => d.domain).sort(),
    ).toEqual(['partnerships', 'people-organization']);
    for (const batch of chunk(answersFor(SAMPLE_PROFILE), 50))
      await user.client.put(`/api/assessments/${id}/answers`, { answers: batch });
    const checkout = await user.client.post(`/api/assessments/${id}/checkout`, {});
    await webhook(completed(checkout.body.sessionId, `evt_sub_${id}`));
    const ok = await user.client.post(`/api/assessments/${id}/submit`);
    expect(ok.status).toBe(202);
    expect(ok.body.dueTimes.executiveSummary).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const twice = await user.client.post(`/api/assessments/${id}/submit`);
    expect(twice.status).toBe(409);
    const outbox = await stack.app.ctx.db.outboxEvent.findMany({ where: { aggregateId: id } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0].detailType).toBe('AssessmentSubmitted');
    expect(outbox[0].payload).toMatchObject({
      assessmentId: id,
      userId: user.userId,
      industry: 'technology',
    });
    expect(outbox[0].publishedAt).not.toBeNull();
    // submitted assessments are frozen
    const late = await user.client.put(`/api/assessments/${id}/answers`, {
      answers: [{ questionId: partial[0].questionId, score: 1 }],
    });
    expect(late.status).toBe(409);
    // the local bus started exactly one pipeline execution, named after the assessment
    expect(await stack.app.ctx.db.pipelineExecution.count({ where: { assessmentId: id } })).toBe(1);
  });
});
