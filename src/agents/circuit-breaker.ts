/**
 * A small circuit breaker. Closed: calls pass; `failureThreshold` consecutive failed calls open it. Open: calls
 * are refused with a CircuitOpenError (nothing is called) until `coolDownMs` has passed. Half-open: one trial
 * call passes (others are still refused); its success closes the breaker, its failure opens it again.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the breaker (default 3). */
  failureThreshold?: number;
  /** How long the breaker stays open before a trial call (default 60 s). */
  coolDownMs?: number;
  /** Clock, injectable for tests (default Date.now). */
  now?: () => number;
  /** Named in errors and logs, e.g. 'openai'. */
  name?: string;
}

export class CircuitOpenError extends Error {
  constructor(
    readonly breaker: string,
    /** When a trial call will be let through (epoch ms). */
    readonly retryAt: number,
  ) {
    super(`Circuit '${breaker}' is open until ${new Date(retryAt).toISOString()}`);
    this.name = 'CircuitOpenError';
  }
}

export class CircuitBreaker {
  readonly name: string;
  private readonly failureThreshold: number;
  private readonly coolDownMs: number;
  private readonly now: () => number;
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(opts: CircuitBreakerOptions = {}) {
    this.name = opts.name ?? 'circuit';
    this.failureThreshold = opts.failureThreshold ?? 3;
    this.coolDownMs = opts.coolDownMs ?? 60_000;
    this.now = opts.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() < this.openedAt + this.coolDownMs ? 'open' : 'half-open';
  }

  /** Runs `fn` if the breaker lets it, counting its outcome; otherwise throws CircuitOpenError. */
  async execute<T>(fn: () => Promise<T>): Promise<T> {
    const trial = this.acquire();
    try {
      const result = await fn();
      this.onSuccess();
      return result;
    } catch (err) {
      this.onFailure(trial);
      throw err;
    }
  }

  /** Throws when the call may not go ahead; returns whether it is the half-open trial. */
  private acquire(): boolean {
    if (this.openedAt === undefined) return false;
    const retryAt = this.openedAt + this.coolDownMs;
    if (this.now() < retryAt || this.trialInFlight) throw new CircuitOpenError(this.name, retryAt);
    this.trialInFlight = true;
    return true;
  }

  private onSuccess(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  private onFailure(trial: boolean): void {
    if (trial) {
      this.trialInFlight = false;
      this.openedAt = this.now();
      return;
    }
    this.failures += 1;
    if (this.failures >= this.failureThreshold && this.openedAt === undefined) this.openedAt = this.now();
  }
}
