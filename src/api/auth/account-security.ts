import type { JWTPayload } from 'jose';
import type { Db } from '../../db/client';
import { AppError, unauthorized } from '../../errors';
import { logger } from '../../logger';
import type { CognitoIdentity } from './identity';
import type { VerifiedToken } from './jwt';
import { FOUNDERS_GROUP, userFromToken, type SessionUser } from '../../services/users';
import type { ReadCache } from '../read-cache';

/**
 * Token and session revocation, and the role check of admin requests.
 *
 * The one mechanism (cache-friendly: one small state per user, invalidated by every revocation):
 * - `users.tokens_valid_after` — a password reset sets it to the next whole second. A JWT whose
 *   `auth_time` (or `iat`) is earlier, and a session created earlier, are refused. On Cognito a refreshed
 *   token keeps the original `auth_time`, so tokens refreshed from an old sign-in are refused too.
 * - `revoked_tokens` — logout records the session's token ids (`origin_jti`, `event_id` and `jti` of its ID
 *   and access tokens) until they expire; a token carrying any revoked id is refused.
 * Both are read together per user through the process's `ReadCache`; every write here NOTIFYs the other API
 * tasks right after it commits, so a revocation is refused at once here and, as soon as the notification
 * arrives (milliseconds), everywhere. Without a cache every request reads PostgreSQL.
 */
export interface AccountState {
  role: 'client' | 'founder';
  tokensValidAfter: number | null;
  revoked: Set<string>;
}

export interface TokenRef {
  /** The ids that name this token (any of them revoked = token revoked). */
  ids: string[];
  /** Expiry, ms since the epoch. */
  expiresAt: number;
}

/** The ids that identify a token for revocation: its sign-in (origin_jti), its issuance (event_id), itself (jti). */
export function tokenIds(payload: JWTPayload): string[] {
  return [payload.origin_jti, payload.event_id, payload.jti].filter(
    (v): v is string => typeof v === 'string' && v.length > 0,
  );
}

export function tokenRef(payload: JWTPayload): TokenRef {
  return { ids: tokenIds(payload), expiresAt: (payload.exp ?? Math.floor(Date.now() / 1000) + 3600) * 1000 };
}

/** When the token's sign-in happened, ms since the epoch. */
function issuedAt(payload: JWTPayload): number {
  const authTime = typeof payload.auth_time === 'number' ? payload.auth_time : undefined;
  return (authTime ?? payload.iat ?? 0) * 1000;
}

export class AccountSecurity {
  private readonly founders = new Map<string, { at: number; founder: boolean }>();

  constructor(
    private readonly db: Db,
    private readonly identity: CognitoIdentity,
    private readonly opts: { roleCacheMs: number; cache?: ReadCache },
  ) {}

  async state(userId: string): Promise<AccountState | null> {
    const cache = this.opts.cache;
    if (!cache) return this.readState(userId);
    return cache.get(
      'user',
      userId,
      () => this.readState(userId),
      () => userId,
    );
  }

  /** The user a verified token names (created on first sight, see userFromToken), cached by subject. */
  async userOf(token: VerifiedToken): Promise<SessionUser | null> {
    const cache = this.opts.cache;
    const load = () => userFromToken(this.db, token);
    if (!cache) return load();
    const user = await cache.get('sub', token.sub, load, (u) => u?.id ?? null);
    return user ? { ...user } : null;
  }

  private async readState(userId: string): Promise<AccountState | null> {
    const [user, revoked] = await Promise.all([
      this.db.user.findUnique({ where: { id: userId }, select: { role: true, tokensValidAfter: true } }),
      this.db.revokedToken.findMany({
        where: { userId, expiresAt: { gt: new Date() } },
        select: { jti: true },
      }),
    ]);
    const state = user
      ? {
          role: user.role,
          tokensValidAfter: user.tokensValidAfter?.getTime() ?? null,
          revoked: new Set(revoked.map((r) => r.jti)),
        }
      : null;
    return state;
  }

  /** After a committed change to the user's security state: drop it here and on every other task. */
  async invalidate(userId: string) {
    this.founders.delete(userId);
    await this.opts.cache?.notifyUser(userId);
  }

  /** Throws 401 unless a verified token of this user is still valid (not revoked, not from before a reset). */
  async checkToken(userId: string, payload: JWTPayload): Promise<AccountState> {
    const state = await this.state(userId);
    if (!state) throw unauthorized('Unknown user');
    if (tokenIds(payload).some((id) => state.revoked.has(id))) throw unauthorized('This token was revoked');
    if (state.tokensValidAfter !== null && issuedAt(payload) < state.tokensValidAfter)
      throw unauthorized('This token was revoked');
    return state;
  }

  /** Throws 401 unless a session created at `createdAt` (ms) is still valid for this user. */
  async checkSession(userId: string, createdAt: number | undefined): Promise<AccountState> {
    const state = await this.state(userId);
    if (!state) throw unauthorized('Unknown user');
    if (state.tokensValidAfter !== null && (createdAt ?? 0) < state.tokensValidAfter)
      throw unauthorized('Your session has ended, please sign in again');
    return state;
  }

  /** Logout: the given tokens stop working here, whatever their expiry. */
  async revokeTokens(userId: string, tokens: TokenRef[]) {
    const rows = tokens.flatMap((t) =>
      t.ids.map((jti) => ({ jti, userId, expiresAt: new Date(t.expiresAt) })),
    );
    if (rows.length) await this.db.revokedToken.createMany({ data: rows, skipDuplicates: true });
    await this.invalidate(userId);
    await this.db.revokedToken.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  }

  /**
   * Password reset: every session and token of the user ends (here and, through the pool's global sign-out,
   * every refresh token). Returns the instant from which new sign-ins count.
   */
  async endAllSessions(userId: string): Promise<Date> {
    const validAfter = new Date(Math.ceil(Date.now() / 1000) * 1000);
    await this.db.user.update({ where: { id: userId }, data: { tokensValidAfter: validAfter } });
    await this.db.$executeRaw`DELETE FROM "session" WHERE sess -> 'user' ->> 'id' = ${userId}`;
    await this.invalidate(userId);
    return validAfter;
  }

  /**
   * Just after a reset, a new sign-in must come after `tokens_valid_after` (whole seconds, as in JWTs):
   * waits out the rest of that second (at most ~1 s), with a margin for the pool's clock.
   */
  async waitForNewSignIns(email: string) {
    const user = await this.db.user.findUnique({ where: { email }, select: { tokensValidAfter: true } });
    const wait = (user?.tokensValidAfter?.getTime() ?? 0) + 250 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, Math.min(wait, 1500)));
  }

  /**
   * Admin requests: is this user in the `founders` group of the pool now? Read from the pool, reused for at
   * most ROLE_CACHE_SECONDS; the users table follows the answer.
   */
  async isFounder(user: { id: string; sub: string; role: string }): Promise<boolean> {
    const hit = this.founders.get(user.id);
    if (hit && Date.now() - hit.at < this.opts.roleCacheMs) return hit.founder;
    let groups: string[];
    try {
      groups = await this.identity.groupsOf(user.sub);
    } catch (err) {
      if (err instanceof AppError && err.status < 500) groups = [];
      else {
        logger.error({ err }, 'could not read the user groups from the user pool');
        throw new AppError(503, 'service_unavailable', 'The sign-in service is not reachable, try again');
      }
    }
    const founder = groups.includes(FOUNDERS_GROUP);
    const role = founder ? 'founder' : 'client';
    if (user.role !== role) {
      await this.db.user.update({ where: { id: user.id }, data: { role } });
      await this.opts.cache?.notifyUser(user.id);
      logger.info({ userId: user.id, role }, 'role changed in the user pool');
    }
    if (this.opts.roleCacheMs > 0) this.founders.set(user.id, { at: Date.now(), founder });
    return founder;
  }
}
