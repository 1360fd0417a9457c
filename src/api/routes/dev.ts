import fs from 'node:fs/promises';
import path from 'node:path';
import { Router } from 'express';
import type { ApiContext } from '../../context';
import { notFound } from '../../errors';
import { requireUser } from '../middleware/auth';

/** Local mode only: the emails the system "sent" (written to the outbox folder). */
export function devRoutes(ctx: ApiContext) {
  const router = Router();
  router.get('/outbox', requireUser, async (req, res) => {
    if (ctx.config.SCALEMAP_RUNTIME !== 'local' || !ctx.outboxDir) throw notFound('Outbox');
    const user = req.user!;
    const files = (await fs.readdir(ctx.outboxDir).catch(() => [] as string[])).filter((f) =>
      f.endsWith('.json'),
    );
    const emails = [];
    for (const f of files.sort().reverse()) {
      const email = JSON.parse(await fs.readFile(path.join(ctx.outboxDir, f), 'utf8'));
      // Clients see their own mail; founders see everything.
      if (user.role === 'founder' || email.to === user.email) emails.push(email);
    }
    res.json({ emails });
  });
  return router;
}
