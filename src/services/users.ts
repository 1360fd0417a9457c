import type { Db } from '../db/client';
import { Prisma } from '../db/client';
import type { VerifiedToken } from '../api/auth/jwt';
import { erasedSub } from './privacy';
import { unauthorized } from '../errors';
import { logger } from '../logger';

export interface SessionUser {
  id: string;
  sub: string;
  email: string;
  role: 'client' | 'founder';
}

export const FOUNDERS_GROUP = 'founders';

/**
 * Finds the user a verified token belongs to. `syncRole` (at sign-in, with a token just issued) keeps the role
 * in step with the `founders` group; an older token's groups are not trusted for that (admin requests ask the
 * pool, see AccountSecurity.isFounder).
 */
export async function userFromToken(
  db: Db,
  token: VerifiedToken,
  opts: { syncRole?: boolean } = {},
): Promise<SessionUser | null> {
  let user = await db.user.findUnique({ where: { cognitoSub: token.sub } });
  const role = token.groups.includes(FOUNDERS_GROUP) ? 'founder' : 'client';
  if (!user) {
    // A token issued before its account was erased (valid until it expires) must not bring the account back.
    if (await db.user.findUnique({ where: { cognitoSub: erasedSub(token.sub) } })) return null;
    // A user created in Cognito outside ScaleMap: an ID token carries enough to create the row.
    const email = token.email?.toLowerCase();
    if (!email) return null;
    const given = typeof token.payload.given_name === 'string' ? token.payload.given_name : '';
    const family = typeof token.payload.family_name === 'string' ? token.payload.family_name : '';
    try {
      user = await db.user.upsert({
        where: { cognitoSub: token.sub },
        create: { cognitoSub: token.sub, email, firstName: given, lastName: family, role },
        update: {},
      });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        // Another pool user already owns this email here (e.g. the pool user was deleted and made again):
        // never link them silently; that would hand one person's data to another.
        logger.warn({ sub: token.sub }, 'token for an unknown user whose email belongs to another account');
        throw unauthorized('This sign-in is not linked to a ScaleMap account; please contact support');
      }
      throw err;
    }
  }
  if (opts.syncRole && user.role !== role)
    user = await db.user.update({ where: { id: user.id }, data: { role } });
  return { id: user.id, sub: user.cognitoSub, email: user.email, role: user.role };
}
