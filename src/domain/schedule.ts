/** The 72-hour promise: due times are fixed once, from the submission time. */
export const DELIVERY_OFFSETS_HOURS = {
  executiveSummary: 24,
  detailedReport: 48,
  implementationKits: 72,
} as const;
/**
 * The client's validation window after the report: it closes an hour before the kits are due, so the kits can be
 * generated in time and released exactly at 72 h (AwaitValidation's TimeoutSeconds in the state machine matches).
 */
export const VALIDATION_WINDOW_HOURS = 23;

export interface DueTimes {
  executiveSummary: Date;
  detailedReport: Date;
  implementationKits: Date;
}

/**
 * Due times for a submission. `timeScale` > 1 compresses the schedule for the local runtime
 * (1440: 24 h pass in 60 s); on AWS it is always 1. Whole seconds, so the ISO strings have no fractions.
 */
export function computeDueTimes(submittedAt: Date, timeScale = 1): DueTimes {
  const at = (hours: number) =>
    new Date(Math.ceil((submittedAt.getTime() + (hours * 3600_000) / timeScale) / 1000) * 1000);
  return {
    executiveSummary: at(DELIVERY_OFFSETS_HOURS.executiveSummary),
    detailedReport: at(DELIVERY_OFFSETS_HOURS.detailedReport),
    implementationKits: at(DELIVERY_OFFSETS_HOURS.implementationKits),
  };
}

/** ISO-8601 without fractions of a second, as Step Functions' TimestampPath wants. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export type SlaState = 'pending' | 'on-time' | 'at-risk' | 'late' | 'delivered' | 'delivered-late';

export type DeliveryKey = keyof typeof DELIVERY_OFFSETS_HOURS;

/**
 * The stated tolerance of each promise, in hours (DOMAIN.md: 24 h ± 1 h, 48 h ± 2 h; the kits at 72 h get a small
 * stated one of 1 h). A delivery is **on time** when it arrives at or before its due time plus this tolerance.
 * The founder console, the client's status page and the emails all use this one rule.
 */
export const SLA_TOLERANCE_HOURS: Record<DeliveryKey, number> = {
  executiveSummary: 1,
  detailedReport: 2,
  implementationKits: 1,
};

/** Tolerance in milliseconds, compressed by the local time scale like the due times themselves. */
export function toleranceMs(key: DeliveryKey, timeScale = 1): number {
  return (SLA_TOLERANCE_HOURS[key] * 3600_000) / timeScale;
}

/** On time = delivered at or before the promised time plus the stated tolerance. */
export function isOnTime(key: DeliveryKey, due: Date, deliveredAt: Date, timeScale = 1): boolean {
  return deliveredAt.getTime() <= due.getTime() + toleranceMs(key, timeScale);
}

/**
 * What a countdown shows for a delivery not yet made: time left before the due time, then "arriving" while the
 * tolerance runs (the delivery is still on track: never "overdue"), and only after that "late".
 */
export type Countdown = { kind: 'left'; ms: number } | { kind: 'arriving' } | { kind: 'late'; ms: number };

export function countdown(key: DeliveryKey, due: Date, now: Date, timeScale = 1): Countdown {
  return countdownWithTolerance(due.getTime(), now.getTime(), toleranceMs(key, timeScale));
}

/** `countdown` with the tolerance already in milliseconds (the web app gets it, scaled, from the API). */
export function countdownWithTolerance(dueMs: number, nowMs: number, tolerance: number): Countdown {
  const left = dueMs - nowMs;
  if (left > 0) return { kind: 'left', ms: left };
  if (-left <= tolerance) return { kind: 'arriving' };
  return { kind: 'late', ms: -left - tolerance };
}

/** The SLA state shown in the founder console, by the same rule as `isOnTime` and `countdown`. */
export function deliverySla(
  key: DeliveryKey,
  due: Date | null,
  deliveredAt: Date | null,
  now: Date,
  timeScale = 1,
): SlaState {
  return slaState(due, deliveredAt, now, SLA_TOLERANCE_HOURS[key], timeScale);
}

/** SLA state with an explicit tolerance in hours (scaled like the schedule). Prefer `deliverySla`. */
export function slaState(
  due: Date | null,
  deliveredAt: Date | null,
  now: Date,
  toleranceHours: number,
  timeScale = 1,
): SlaState {
  if (!due) return 'pending';
  const tolerance = (toleranceHours * 3600_000) / timeScale;
  if (deliveredAt) return deliveredAt.getTime() <= due.getTime() + tolerance ? 'delivered' : 'delivered-late';
  const remaining = due.getTime() - now.getTime();
  if (remaining < -tolerance) return 'late';
  if (remaining < (2 * 3600_000) / timeScale) return 'at-risk';
  return 'on-time';
}
