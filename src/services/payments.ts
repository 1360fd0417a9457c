import type Stripe from 'stripe';
import { z } from 'zod';
import type { Db } from '../db/client';
import { Prisma } from '../db/client';
import { AppError, conflict } from '../errors';
import { logger } from '../logger';
import { recordStage } from './assessments';

export async function createCheckout(
  db: Db,
  stripe: Stripe | undefined,
  opts: {
    assessment: { id: string; status: string; userId: string };
    email: string;
    pricePence: number;
    appUrl: string;
  },
) {
  if (!stripe)
    throw conflict(
      'Payments are not enabled on this server: the assessment can be submitted without payment',
    );
  const { assessment } = opts;
  if (!['draft', 'awaiting_payment'].includes(assessment.status))
    throw conflict('This assessment has already been submitted');
  const paid = await db.payment.findFirst({ where: { assessmentId: assessment.id, status: 'paid' } });
  if (paid) throw conflict('This assessment is already paid');
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
  await db.$transaction([
    db.payment.create({
      data: {
        assessmentId: assessment.id,
        userId: assessment.userId,
        stripeSessionId: session.id,
        amountPence: opts.pricePence,
        currency: 'gbp',
      },
    }),
    db.assessment.update({ where: { id: assessment.id }, data: { status: 'awaiting_payment' } }),
  ]);
  if (!session.url) throw new AppError(502, 'payment_provider_error', 'Stripe did not return a checkout URL');
  return { url: session.url, sessionId: session.id };
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
): Promise<{ duplicate: boolean; type: string }> {
  if (!signature) throw new AppError(400, 'invalid_signature', 'Missing Stripe-Signature header');
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw new AppError(400, 'invalid_signature', 'The Stripe signature is not valid');
  }
  assertWellFormed(event);
  try {
    await db.$transaction(async (tx) => {
      await tx.stripeEvent.create({ data: { id: event.id, type: event.type } });
      await applyEvent(tx, event);
    });
    return { duplicate: false, type: event.type };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      logger.info({ eventId: event.id }, 'stripe event already processed');
      return { duplicate: true, type: event.type };
    }
    throw err;
  }
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

async function applyEvent(tx: Prisma.TransactionClient, event: Stripe.Event) {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object as Stripe.Checkout.Session;
      if (session.payment_status !== 'paid') return;
      const payment = await tx.payment.findUnique({ where: { stripeSessionId: session.id } });
      if (!payment) {
        logger.warn({ sessionId: session.id }, 'stripe session for an unknown payment');
        return;
      }
      await tx.payment.update({
        where: { id: payment.id },
        data: {
          status: 'paid',
          paidAt: new Date(),
          stripePaymentIntentId: typeof session.payment_intent === 'string' ? session.payment_intent : null,
        },
      });
      await recordStage(tx, payment.assessmentId, 'payment_received', { amountPence: payment.amountPence });
      return;
    }
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      const session = event.data.object as Stripe.Checkout.Session;
      await tx.payment.updateMany({
        where: { stripeSessionId: session.id, status: 'pending' },
        data: { status: 'failed' },
      });
      return;
    }
    default:
      logger.debug({ type: event.type }, 'stripe event ignored');
  }
}
