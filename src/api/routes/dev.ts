import fs from 'node:fs/promises';
import path from 'node:path';
import { Router } from 'express';
import type { ApiContext } from '../../context';
import { notFound } from '../../errors';
import { currentUser } from '../middleware/auth';

/**
 * Local mode only: the emails the system "sent" (written to the outbox folder), for a signed-in user only.
 * Clients see the mail addressed to them (password-reset codes included); founders see everything.
 */
export function devRoutes(ctx: ApiContext) {
  const router = Router();
  router.get('/outbox', async (req, res) => {
    if (ctx.config.SCALEMAP_RUNTIME !== 'local' || !ctx.outboxDir) throw notFound('Outbox');
    const user = currentUser(req);
    const files = (await fs.readdir(ctx.outboxDir).catch(() => [] as string[])).filter((f) =>
      f.endsWith('.json'),
    );
    const emails = [];
    for (const f of files.sort().reverse()) {
      const email = JSON.parse(await fs.readFile(path.join(ctx.outboxDir, f), 'utf8'));
      if (user.role === 'founder' || String(email.to).toLowerCase() === user.email) emails.push(email);
    }
    res.json({ emails });
  });
  return router;
}
