import fs from 'node:fs/promises';
import path from 'node:path';
import { Router } from 'express';
import type { ApiContext } from '../../context';
import { notFound } from '../../errors';

/**
 * Local mode only: the emails the system "sent" (written to the outbox folder). Signed-in clients see their own
 * mail and founders everything; signed out, the whole outbox is listed, so that a password-reset code can be
 * read on this machine (there is no real mail locally; the API is bound to 127.0.0.1).
 */
export function devRoutes(ctx: ApiContext) {
  const router = Router();
  router.get('/outbox', async (req, res) => {
    if (ctx.config.SCALEMAP_RUNTIME !== 'local' || !ctx.outboxDir) throw notFound('Outbox');
    const user = req.user;
    const files = (await fs.readdir(ctx.outboxDir).catch(() => [] as string[])).filter((f) =>
      f.endsWith('.json'),
    );
    const emails = [];
    for (const f of files.sort().reverse()) {
      const email = JSON.parse(await fs.readFile(path.join(ctx.outboxDir, f), 'utf8'));
      // Clients see their own mail; founders see everything.
      if (!user || user.role === 'founder' || email.to === user.email) emails.push(email);
    }
    res.json({ emails });
  });
  return router;
}
