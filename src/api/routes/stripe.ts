import { Router } from 'express';
import type { ApiContext } from '../../context';
import { AppError } from '../../errors';
import { handleStripeWebhook } from '../../services/payments';

export function stripeRoutes(ctx: ApiContext) {
  const router = Router();
  router.post('/webhook', async (req, res) => {
    if (!ctx.stripe || !ctx.config.STRIPE_WEBHOOK_SECRET)
      throw new AppError(404, 'not_found', 'Payments are not enabled on this server');
    if (!Buffer.isBuffer(req.body))
      throw new AppError(400, 'validation_error', 'Expected the raw Stripe event');
    const result = await handleStripeWebhook(
      ctx.db,
      ctx.stripe,
      ctx.config.STRIPE_WEBHOOK_SECRET,
      req.body,
      req.get('stripe-signature'),
      ctx.alerter,
    );
    res.json({ received: true, duplicate: result.duplicate });
  });
  return router;
}
