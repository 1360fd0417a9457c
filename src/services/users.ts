import type { Db } from '../db/client';
import type { VerifiedToken } from '../api/auth/jwt';
import { erasedSub } from './privacy';

export interface SessionUser {
  id: string;
  sub: string;
  email: string;
  role: 'client' | 'founder';
}

export const FOUNDERS_GROUP = 'founders';

/** Finds the user a verified token belongs to, keeping the role in step with the `founders` group. */
export async function userFromToken(db: Db, token: VerifiedToken): Promise<SessionUser | null> {
  let user = await db.user.findUnique({ where: { cognitoSub: token.sub } });
  if (!user) {
    // A token issued before its account was erased (valid until it expires) must not bring the account back.
    if (await db.user.findUnique({ where: { cognitoSub: erasedSub(token.sub) } })) return null;
    // A user created in Cognito outside ScaleMap: an ID token carries enough to create the row.
    const email = token.email;
    if (!email) return null;
    const given = typeof token.payload.given_name === 'string' ? token.payload.given_name : '';
    const family = typeof token.payload.family_name === 'string' ? token.payload.family_name : '';
    user = await db.user.upsert({
      where: { cognitoSub: token.sub },
      create: { cognitoSub: token.sub, email: email.toLowerCase(), firstName: given, lastName: family },
      update: {},
    });
  }
  const role = token.groups.includes(FOUNDERS_GROUP) ? 'founder' : 'client';
  if (user.role !== role) user = await db.user.update({ where: { id: user.id }, data: { role } });
  return { id: user.id, sub: user.cognitoSub, email: user.email, role: user.role };
}
