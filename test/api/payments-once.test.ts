import fs from 'node:fs';
import Stripe from 'stripe';
import { newUser, startTestStack, SAMPLE_PROFILE, type TestStack } from '../helpers/stack';
import { answersFor, chunk } from '../helpers/answers';
import { postWebhook, stripeStandIn } from '../../scripts/chaos/stripe-stand-in';
import { findClientTextViolations } from '../../src/domain/client-text';

const WEBHOOK_SECRET = 'whsec_test_scalemap_once';

describe('an assessment is paid exactly once', () => {
  let stack: TestStack;
  const stripeApi = stripeStandIn();
  let base: string;

  beforeAll(async () => {
    base = await stripeApi.start();
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

  const db = () => stack.app.ctx.db;
  const payments = (assessmentId: string) =>
    db().payment.findMany({ where: { assessmentId }, orderBy: { createdAt: 'asc' } });
  const created = () =>
    stripeApi.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
  const webhook = (event: object) => postWebhook(stack.url, event, WEBHOOK_SECRET);
  const founderAlerts = () => {
    const dir = stack.app.ctx.outboxDir!;
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8')))
      .filter((m) => m.to === stack.app.config.FOUNDER_EMAIL);
  };

  async function completeAssessment() {
    const user = await newUser(stack.url);
    await user.client.put('/api/me/profile', SAMPLE_PROFILE);
    const id = (await user.client.post('/api/assessments')).body.id as string;
    for (const batch of chunk(answersFor(SAMPLE_PROFILE, ['financial-management']), 50)) {
      expect((await user.client.put(`/api/assessments/${id}/answers`, { answers: batch })).status).toBe(200);
    }
    return { ...user, id };
  }

  /** A second Checkout session left open for the assessment (as earlier code made on every click). */
  async function leakedSession(id: string, userId: string) {
    const sdk = new Stripe('sk_test_scalemap', {
      host: new URL(base).hostname,
      port: Number(new URL(base).port),
      protocol: 'http',
    });
    const s = await sdk.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        { quantity: 1, price_data: { currency: 'gbp', unit_amount: 750000, product_data: { name: 'x' } } },
      ],
      metadata: { assessmentId: id, userId },
    });
    await db().payment.create({
      data: { assessmentId: id, userId, stripeSessionId: s.id, amountPence: 750000, createdAt: new Date(0) },
    });
    return s.id;
  }

  it('concurrent and repeated checkouts share one open Stripe session', async () => {
    const { client, id } = await completeAssessment();
    const before = created().length;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => client.post(`/api/assessments/${id}/checkout`, {})),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.sessionId)).size).toBe(1);
    const again = await client.post(`/api/assessments/${id}/checkout`, {});
    expect(again.body).toMatchObject({
      sessionId: answers[0].body.sessionId,
      url: answers[0].body.url,
      reused: true,
    });
    expect(created().length - before).toBe(1);
    expect((await payments(id)).map((p) => p.status)).toEqual(['pending']);
  });

  it('a session that expired is replaced; other open sessions are expired through Stripe', async () => {
    const { client, id, userId } = await completeAssessment();
    const first = (await client.post(`/api/assessments/${id}/checkout`, {})).body.sessionId as string;
    stripeApi.sessions.get(first)!.status = 'expired';
    const second = (await client.post(`/api/assessments/${id}/checkout`, {})).body.sessionId as string;
    expect(second).not.toBe(first);
    const leaked = await leakedSession(id, userId);
    const third = await client.post(`/api/assessments/${id}/checkout`, {});
    expect(third.body.sessionId).toBe(second);
    expect(stripeApi.sessions.get(leaked)!.status).toBe('expired');
    expect(stripeApi.pay(leaked)).toBeUndefined(); // can no longer be paid
    const rows = await payments(id);
    expect(rows.find((p) => p.stripeSessionId === first)!.status).toBe('expired');
    expect(rows.find((p) => p.stripeSessionId === leaked)!.status).toBe('expired');
    expect(rows.filter((p) => p.status === 'pending').map((p) => p.stripeSessionId)).toEqual([second]);
  });

  it('refuses checkout once paid and once submitted (409), and expires what was left open', async () => {
    const { client, id, userId } = await completeAssessment();
    const sessionId = (await client.post(`/api/assessments/${id}/checkout`, {})).body.sessionId as string;
    const leaked = await leakedSession(id, userId);
    expect((await webhook(stripeApi.pay(sessionId)!)).status).toBe(200);
    expect(stripeApi.sessions.get(leaked)!.status).toBe('expired');
    const paid = await client.post(`/api/assessments/${id}/checkout`, {});
    expect(paid.status).toBe(409);
    expect(paid.body.error.message).toMatch(/already paid/);
    expect((await client.post(`/api/assessments/${id}/submit`)).status).toBe(202);
    const submitted = await client.post(`/api/assessments/${id}/checkout`, {});
    expect(submitted.status).toBe(409);
    expect(submitted.body.error.message).toMatch(/already been submitted/);
    expect((await payments(id)).map((p) => p.status).sort()).toEqual(['expired', 'paid']);
  });

  it('a session Stripe reports complete before its webhook arrives: 409 "being confirmed", no new session', async () => {
    const { client, id } = await completeAssessment();
    const sessionId = (await client.post(`/api/assessments/${id}/checkout`, {})).body.sessionId as string;
    const event = stripeApi.pay(sessionId)!;
    const before = created().length;
    const res = await client.post(`/api/assessments/${id}/checkout`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual({ reason: 'payment_in_progress' });
    expect(created().length).toBe(before);
    expect((await webhook(event)).status).toBe(200);
  });

  it.each(['one after the other', 'at the same time'])(
    'a second paid session (%s) is recorded as a duplicate and raised to the founders, never a second paid row',
    async (timing) => {
      const { client, id, userId } = await completeAssessment();
      const sessionId = (await client.post(`/api/assessments/${id}/checkout`, {})).body.sessionId as string;
      const leaked = await leakedSession(id, userId);
      // both paid at Stripe before either webhook arrives
      const a = stripeApi.pay(sessionId)!;
      const b = stripeApi.pay(leaked)!;
      const alertsBefore = founderAlerts().length;
      if (timing === 'one after the other') {
        expect((await webhook(a)).status).toBe(200);
        expect((await webhook(b)).status).toBe(200);
      } else {
        const both = await Promise.all([webhook(a), webhook(b)]);
        expect(both.map((r) => r.status)).toEqual([200, 200]);
      }
      // Stripe delivers the second one again: applied once
      expect((await webhook(b)).body).toMatchObject({ duplicate: true });
      const rows = await payments(id);
      expect(rows.filter((p) => p.status === 'paid')).toHaveLength(1);
      expect(rows.filter((p) => p.status === 'duplicate')).toHaveLength(1);
      expect(await db().stageEvent.count({ where: { assessmentId: id, stage: 'payment_received' } })).toBe(1);
      const alerts = founderAlerts().slice(alertsBefore);
      expect(alerts).toHaveLength(1);
      expect(alerts[0].subject).toContain('Duplicate payment');
      const duplicate = rows.find((p) => p.status === 'duplicate')!;
      expect(alerts[0].text).toContain(duplicate.stripeSessionId);
      expect(alerts[0].text).toContain(id);
      // the client sees one payment, paid
      const view = await client.get(`/api/assessments/${id}`);
      expect(view.body.payment.status).toBe('paid');
      expect(findClientTextViolations(JSON.stringify(view.body.payment))).toEqual([]);
      // the database itself refuses a second paid row
      await expect(
        db().payment.update({ where: { id: duplicate.id }, data: { status: 'paid' } }),
      ).rejects.toThrow();
    },
  );
});
