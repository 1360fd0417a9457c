import { computeDueTimes, countdown, deliverySla, isOnTime, SLA_TOLERANCE_HOURS } from './schedule';

const H = 3600_000;
const submitted = new Date('2026-03-02T09:00:00Z');
const due = computeDueTimes(submitted);

describe('the on-time rule', () => {
  it('states a tolerance for every promise, the kits included', () => {
    expect(SLA_TOLERANCE_HOURS).toEqual({ executiveSummary: 1, detailedReport: 2, implementationKits: 1 });
  });

  it('counts a delivery at, or within the tolerance after, the due time as on time', () => {
    const at = (d: Date, ms: number) => new Date(d.getTime() + ms);
    expect(isOnTime('implementationKits', due.implementationKits, due.implementationKits)).toBe(true);
    expect(isOnTime('implementationKits', due.implementationKits, at(due.implementationKits, 1000))).toBe(
      true,
    );
    expect(isOnTime('executiveSummary', due.executiveSummary, at(due.executiveSummary, H))).toBe(true);
    expect(isOnTime('executiveSummary', due.executiveSummary, at(due.executiveSummary, H + 1000))).toBe(
      false,
    );
    expect(isOnTime('detailedReport', due.detailedReport, at(due.detailedReport, 2 * H - 1))).toBe(true);
    expect(
      deliverySla('implementationKits', due.implementationKits, due.implementationKits, new Date()),
    ).toBe('delivered');
  });

  it('scales the tolerance with the local time scale', () => {
    const scaled = computeDueTimes(submitted, 1440);
    // 1 h at 1440x is 2.5 s.
    const kits = scaled.implementationKits;
    expect(isOnTime('implementationKits', kits, new Date(kits.getTime() + 2000), 1440)).toBe(true);
    expect(isOnTime('implementationKits', kits, new Date(kits.getTime() + 3000), 1440)).toBe(false);
  });

  it('never counts down into "overdue" while the delivery is within its tolerance', () => {
    const d = due.executiveSummary;
    expect(countdown('executiveSummary', d, new Date(d.getTime() - 90_000))).toEqual({
      kind: 'left',
      ms: 90_000,
    });
    expect(countdown('executiveSummary', d, d)).toEqual({ kind: 'arriving' });
    expect(countdown('executiveSummary', d, new Date(d.getTime() + H))).toEqual({ kind: 'arriving' });
    expect(countdown('executiveSummary', d, new Date(d.getTime() + H + 5000))).toEqual({
      kind: 'late',
      ms: 5000,
    });
  });
});
