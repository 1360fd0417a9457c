import { Router } from 'express';
import type { ApiContext } from '../../context';
import { paymentsEnabled } from '../../config';
import { currentUser } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { profileSchema } from '../../domain/profile';
import { loadProfile, profileView, saveProfile } from '../../services/profiles';
import { applicableQuestions, DOMAIN_DEFINITIONS, QUESTIONNAIRE_VERSION } from '../../domain/questionnaire';

export function meRoutes(ctx: ApiContext) {
  const router = Router();

  router.get('/me', async (req, res) => {
    const user = await ctx.db.user.findUniqueOrThrow({
      where: { id: currentUser(req).id },
      include: { profile: true },
    });
    res.json({
      user: {
        id: user.id,
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        role: user.role,
      },
      profile: profileView(user.profile),
      settings: {
        paymentRequired: paymentsEnabled(ctx.config),
        priceGbpPence: ctx.config.STRIPE_PRICE_GBP,
        localMode: ctx.config.SCALEMAP_RUNTIME === 'local',
        timeScale: ctx.config.SCALEMAP_RUNTIME === 'local' ? ctx.config.SCALEMAP_TIME_SCALE : 1,
      },
    });
  });

  router.put('/me/profile', async (req, res) => {
    const profile = parse(profileSchema, req.body);
    const row = await saveProfile(ctx.db, currentUser(req).id, profile);
    res.json({ profile: profileView(row) });
  });

  router.get('/questionnaire', async (req, res) => {
    const profile = await loadProfile(ctx.db, currentUser(req).id);
    const applicable = new Set(applicableQuestions(profile).map((q) => q.id));
    res.json({
      contentVersion: QUESTIONNAIRE_VERSION,
      profileComplete: profile !== null,
      domains: DOMAIN_DEFINITIONS.map((d) => ({
        id: d.id,
        name: d.name,
        description: d.description,
        questions: d.questions
          .filter((q) => applicable.has(q.id))
          .map((q) => ({
            id: q.id,
            topic: q.topic,
            prompt: q.prompt,
            options: q.options.map((label, i) => ({ score: i + 1, label })),
            followUps: q.followUps ?? [],
            conditional: Boolean(q.conditions?.length),
          })),
      })).filter((d) => d.questions.length > 0),
    });
  });

  return router;
}
