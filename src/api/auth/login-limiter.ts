import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';

/** Failed sign-ins allowed before the account is locked. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 15 * 60;
/** Failures older than this are forgotten. */
const FORGET_AFTER_SECONDS = 60 * 60;

/** Lock length after `failures` consecutive failures: 30 s after the 5th, doubling, at most 15 minutes. */
export function lockSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_SECONDS);
}

export class AccountLockedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'too_many_attempts', 'Too many failed sign-ins for this account, please try again later', {
      retryAfterSeconds,
    });
  }
}

/**
 * A per-account sign-in limit, in PostgreSQL so that every API task shares it. Keyed by a hash of the email,
 * so an unknown account is counted and locked exactly like an existing one (nothing to learn from it).
 * While locked, no password is checked at all (the right one is refused too).
 */
export class LoginLimiter {
  constructor(private readonly db: Db) {}

  static key(email: string): string {
    return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  }

  /** Throws AccountLockedError while the account is locked. */
  async check(email: string): Promise<void> {
    const row = await this.db.loginAttempt.findUnique({ where: { key: LoginLimiter.key(email) } });
    const until = row?.lockedUntil?.getTime() ?? 0;
    if (until > Date.now()) throw new AccountLockedError(Math.ceil((until - Date.now()) / 1000));
  }

  /** Records one failure (atomically: parallel failures all count); returns the lock it led to, if any. */
  async fail(email: string): Promise<number> {
    const key = LoginLimiter.key(email);
    const rows = await this.db.$queryRaw<Array<{ failures: number }>>`
      INSERT INTO login_attempts (key, failures, last_failed_at) VALUES (${key}, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_attempts.last_failed_at < now() - make_interval(secs => ${FORGET_AFTER_SECONDS})
                        THEN 1 ELSE login_attempts.failures + 1 END,
        last_failed_at = now()
      RETURNING failures`;
    const failures = rows[0]?.failures ?? 1;
    const seconds = lockSeconds(failures);
    if (seconds > 0)
      await this.db.loginAttempt.update({
        where: { key },
        data: { lockedUntil: new Date(Date.now() + seconds * 1000) },
      });
    return seconds;
  }

  async succeed(email: string): Promise<void> {
    await this.db.loginAttempt.deleteMany({ where: { key: LoginLimiter.key(email) } });
  }
}
