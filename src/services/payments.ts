import type Stripe from 'stripe';
import { z } from 'zod';
import type { Db } from '../db/client';
import { Prisma } from '../db/client';
import { AppError, conflict } from '../errors';
import { logger } from '../logger';
import { recordStage } from './assessments';
import type { Alerter } from '../ports';

/**
 * Starts (or resumes) paying for an assessment with one Stripe Checkout session at a time.
 * Concurrent or repeated calls queue on the assessment's row lock; then an open session for the same amount is
 * reused, any other open session is expired through Stripe's API (so it cannot be paid), and a session Stripe
 * already reports complete means the payment is being confirmed (409). Refused once paid or submitted.
 */
export async function createCheckout(
  db: Db,
  stripe: Stripe | undefined,
  opts: {
    assessment: { id: string; status: string; userId: string };
    email: string;
    pricePence: number;
    appUrl: string;
  },
): Promise<{ url: string; sessionId: string; reused: boolean }> {
  if (!stripe)
    throw conflict(
      'Payments are not enabled on this server: the assessment can be submitted without payment',
    );
  const { assessment } = opts;
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ status: string }[]>(
        'SELECT status FROM assessments WHERE id = $1::uuid FOR UPDATE',
        assessment.id,
      );
      const status = rows[0]?.status;
      if (!status || !['draft', 'awaiting_payment'].includes(status))
        throw conflict('This assessment has already been submitted');
      const paid = await tx.payment.findFirst({ where: { assessmentId: assessment.id, status: 'paid' } });
      if (paid) throw conflict('This assessment is already paid');

      const pending = await tx.payment.findMany({
        where: { assessmentId: assessment.id, status: 'pending' },
        orderBy: { createdAt: 'desc' },
      });
      let reuse: { sessionId: string; url: string } | undefined;
      const soon = Math.floor(Date.now() / 1000) + 5 * 60;
      for (const p of pending) {
        const existing = await stripe.checkout.sessions.retrieve(p.stripeSessionId);
        if (existing.status === 'complete')
          throw conflict('A payment for this assessment is being confirmed: please wait a moment', {
            reason: 'payment_in_progress',
          });
        const reusable =
          existing.status === 'open' &&
          existing.url &&
          p.amountPence === opts.pricePence &&
          (existing.expires_at ?? Infinity) > soon;
        if (!reuse && reusable) {
          reuse = { sessionId: existing.id, url: existing.url! };
          continue;
        }
        if (existing.status === 'open') await stripe.checkout.sessions.expire(p.stripeSessionId);
        await tx.payment.update({ where: { id: p.id }, data: { status: 'expired' } });
        logger.info(
          { assessmentId: assessment.id, sessionId: p.stripeSessionId },
          'checkout session expired',
        );
      }
      if (reuse) return { ...reuse, reused: true };

      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        customer_email: opts.email,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: 'gbp',
              unit_amount: opts.pricePence,
              product_data: { name: 'ScaleMap 72-hour operational assessment' },
            },
          },
        ],
        metadata: { assessmentId: assessment.id, userId: assessment.userId },
        client_reference_id: assessment.id,
        success_url: `${opts.appUrl}/assessments/${assessment.id}/review?paid=1`,
        cancel_url: `${opts.appUrl}/assessments/${assessment.id}/review?cancelled=1`,
      });
      if (!session.url)
        throw new AppError(502, 'payment_provider_error', 'Stripe did not return a checkout URL');
      await tx.payment.create({
        data: {
          assessmentId: assessment.id,
          userId: assessment.userId,
          stripeSessionId: session.id,
          amountPence: opts.pricePence,
          currency: 'gbp',
        },
      });
      await tx.assessment.update({ where: { id: assessment.id }, data: { status: 'awaiting_payment' } });
      return { url: session.url, sessionId: session.id, reused: false };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/**
 * Verifies and applies one Stripe webhook event. The signature is always checked on the raw body;
 * each event id is applied once (the stripe_events row is written in the same transaction as its effect).
 */
export async function handleStripeWebhook(
  db: Db,
  stripe: Stripe,
  secret: string,
  rawBody: Buffer,
  signature: string | undefined,
  alerter?: Alerter,
): Promise<{ duplicate: boolean; type: string }> {
  if (!signature) throw new AppError(400, 'invalid_signature', 'Missing Stripe-Signature header');
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw new AppError(400, 'invalid_signature', 'The Stripe signature is not valid');
  }
  assertWellFormed(event);
  let outcome: Outcome;
  try {
    outcome = await db.$transaction(async (tx) => {
      await tx.stripeEvent.create({ data: { id: event.id, type: event.type } });
      return applyEvent(tx, event);
    });
  } catch (err) {
    if (
      err instanceof Prisma.PrismaClientKnownRequestError &&
      err.code === 'P2002' &&
      (await db.stripeEvent.findUnique({ where: { id: event.id } }))
    ) {
      logger.info({ eventId: event.id }, 'stripe event already processed');
      return { duplicate: true, type: event.type };
    }
    throw err;
  }
  await afterEvent(stripe, alerter, outcome);
  return { duplicate: false, type: event.type };
}

/** The parts of an event that applyEvent reads; a signed event without them is refused (400), not a 500. */
const checkoutSessionEvent = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  data: z.object({
    object: z.object({
      id: z.string().min(1),
      payment_status: z.string().optional(),
      payment_intent: z.union([z.string(), z.object({ id: z.string() }).passthrough(), z.null()]).optional(),
    }),
  }),
});
const anyEvent = z.object({ id: z.string().min(1), type: z.string().min(1) });

function assertWellFormed(event: unknown) {
  const type = (event as { type?: unknown })?.type;
  const schema =
    typeof type === 'string' && type.startsWith('checkout.session.') ? checkoutSessionEvent : anyEvent;
  const parsed = schema.safeParse(event);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    logger.warn(
      { eventId: (event as { id?: unknown })?.id, type, problems },
      'malformed stripe event refused',
    );
    throw new AppError(400, 'invalid_event', 'The Stripe event is not well formed', problems);
  }
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'paid'; assessmentId: string; otherOpenSessions: string[] }
  | {
      kind: 'duplicate_payment';
      assessmentId: string;
      sessionId: string;
      paymentIntentId: string | null;
      amountPence: number;
      firstSessionId: string;
    };

/** After the commit: close the other ways to pay, and raise a second payment to the founders. */
async function afterEvent(stripe: Stripe, alerter: Alerter | undefined, outcome: Outcome) {
  if (outcome.kind === 'paid') {
    for (const sessionId of outcome.otherOpenSessions) {
      try {
        await stripe.checkout.sessions.expire(sessionId);
      } catch (err) {
        // Already expired or completed: a completion arrives as its own event and is recorded as a duplicate.
        logger.warn(
          { err, sessionId, assessmentId: outcome.assessmentId },
          'could not expire a checkout session',
        );
      }
    }
  }
  if (outcome.kind === 'duplicate_payment') {
    logger.error(outcome, 'second payment for an already paid assessment');
    const body = [
      `Assessment ${outcome.assessmentId} was paid a second time.`,
      `First payment: Checkout session ${outcome.firstSessionId}.`,
      `Second payment: Checkout session ${outcome.sessionId}, payment intent ${outcome.paymentIntentId ?? 'unknown'}, ${(outcome.amountPence / 100).toFixed(2)} GBP.`,
      'It is recorded as a duplicate payment; nothing was refunded. Decide whether to refund it in the Stripe dashboard.',
    ].join('\n');
    try {
      await alerter?.alert('Duplicate payment received', body);
    } catch (err) {
      logger.error({ err, ...outcome }, 'could not send the duplicate-payment alert');
    }
  }
}

async function applyEvent(tx: Prisma.TransactionClient, event: Stripe.Event): Promise<Outcome> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object as Stripe.Checkout.Session;
      if (session.payment_status !== 'paid') return { kind: 'none' };
      let payment = await tx.payment.findUnique({ where: { stripeSessionId: session.id } });
      if (!payment) {
        logger.warn({ sessionId: session.id }, 'stripe session for an unknown payment');
        return { kind: 'none' };
      }
      // Payments of one assessment are applied one at a time (two sessions completing together).
      await tx.$queryRawUnsafe(
        'SELECT id FROM assessments WHERE id = $1::uuid FOR UPDATE',
        payment.assessmentId,
      );
      payment = await tx.payment.findUniqueOrThrow({ where: { id: payment.id } });
      if (payment.status === 'paid' || payment.status === 'duplicate') return { kind: 'none' };
      const paymentIntentId = typeof session.payment_intent === 'string' ? session.payment_intent : null;
      const first = await tx.payment.findFirst({
        where: { assessmentId: payment.assessmentId, status: 'paid', NOT: { id: payment.id } },
      });
      if (first) {
        await tx.payment.update({
          where: { id: payment.id },
          data: { status: 'duplicate', paidAt: new Date(), stripePaymentIntentId: paymentIntentId },
        });
        return {
          kind: 'duplicate_payment',
          assessmentId: payment.assessmentId,
          sessionId: session.id,
          paymentIntentId,
          amountPence: payment.amountPence,
          firstSessionId: first.stripeSessionId,
        };
      }
      await tx.payment.update({
        where: { id: payment.id },
        data: { status: 'paid', paidAt: new Date(), stripePaymentIntentId: paymentIntentId },
      });
      await recordStage(tx, payment.assessmentId, 'payment_received', { amountPence: payment.amountPence });
      const others = await tx.payment.findMany({
        where: { assessmentId: payment.assessmentId, status: 'pending', NOT: { id: payment.id } },
      });
      if (others.length)
        await tx.payment.updateMany({
          where: { id: { in: others.map((o) => o.id) } },
          data: { status: 'expired' },
        });
      return {
        kind: 'paid',
        assessmentId: payment.assessmentId,
        otherOpenSessions: others.map((o) => o.stripeSessionId),
      };
    }
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      const session = event.data.object as Stripe.Checkout.Session;
      await tx.payment.updateMany({
        where: { stripeSessionId: session.id, status: 'pending' },
        data: { status: 'failed' },
      });
      return { kind: 'none' };
    }
    default:
      logger.debug({ type: event.type }, 'stripe event ignored');
      return { kind: 'none' };
  }
}
