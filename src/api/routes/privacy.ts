import { Router } from 'express';
import { z } from 'zod';
import type { ApiContext } from '../../context';
import { accountSecurity, currentUser } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { badRequest } from '../../errors';
import { eraseAccount, exportUserData } from '../../services/privacy';
import { contentDisposition } from '../../adapters/aws/object-store';

const eraseSchema = z
  .object({
    /** The account's email, typed again: the confirmation that this is meant. */
    confirmEmail: z.string().trim().min(1, 'Type your email address to confirm'),
  })
  .strict();

/** The client's own data: `GET /api/me/export` (zip) and `DELETE /api/me` (erasure). */
export function privacyRoutes(ctx: ApiContext) {
  const router = Router();

  router.get('/me/export', async (req, res) => {
    const { zip, fileName } = await exportUserData(ctx.db, ctx.objectStore, currentUser(req).id);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', contentDisposition(fileName));
    res.setHeader('Cache-Control', 'no-store');
    res.send(zip);
  });

  router.delete('/me', async (req, res) => {
    const user = currentUser(req);
    const body = parse(eraseSchema, req.body ?? {});
    if (body.confirmEmail.toLowerCase() !== user.email.toLowerCase())
      throw badRequest('The email address does not match this account', [
        { path: 'confirmEmail', message: 'Type the email address you sign in with' },
      ]);
    const summary = await eraseAccount(ctx.db, ctx.objectStore, ctx.identity, user.id, 'client');
    await accountSecurity(req).invalidate(user.id);
    const done = () =>
      res.json({
        erased: true,
        removed: summary.removed,
        kept: summary.kept,
        message: summary.kept.length
          ? 'Your account and data are deleted. A record of your paid invoice is kept for accounting, without your name, email or assessment content.'
          : 'Your account and data are deleted.',
      });
    // The session that asked ends with the account (a Bearer request has none).
    if (req.sessionView)
      void req.sessionView
        .end()
        .catch(() => undefined)
        .then(done);
    else done();
  });

  return router;
}
