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

/** SLA tolerance per DOMAIN.md: 24 h ± 1 h, 48 h ± 2 h, 72 h (scaled like the schedule). */
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
