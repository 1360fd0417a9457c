import { makeAssessment } from '../test/utils';
import { buildTimeline, stepForFailure } from './timeline';

const due = {
  executiveSummary: '2025-06-02T10:00:00.000Z',
  detailedReport: '2025-06-03T10:00:00.000Z',
  implementationKits: '2025-06-04T10:00:00.000Z',
};

const states = (a: ReturnType<typeof makeAssessment>) => buildTimeline(a).map((s) => `${s.key}:${s.state}`);

describe('buildTimeline', () => {
  it('marks the first open step of a running assessment as active', () => {
    const a = makeAssessment({ status: 'analysing', submittedAt: '2025-06-01T10:00:00.000Z', dueTimes: due });
    expect(states(a)).toEqual([
      'submitted:done',
      'triage:done',
      'analysis:active',
      'executive-summary:waiting',
      'detailed-report:waiting',
      'validation:waiting',
      'implementation-kits:waiting',
    ]);
    expect(buildTimeline(a)[3].dueAt).toBe(due.executiveSummary);
  });

  it('waits for validation after the report, and records a skipped validation once the kits are out', () => {
    const delivered = (stage: 'executive-summary' | 'detailed-report' | 'implementation-kits') => ({
      stage,
      formats: ['html', 'pdf'],
      deliveredAt: '2025-06-02T09:00:00.000Z',
      dueAt: null,
    });
    const awaiting = makeAssessment({
      status: 'awaiting_validation',
      submittedAt: '2025-06-01T10:00:00.000Z',
      awaitingValidation: true,
      deliverables: [delivered('executive-summary'), delivered('detailed-report')],
    });
    expect(states(awaiting).slice(5)).toEqual(['validation:active', 'implementation-kits:waiting']);

    const done = makeAssessment({
      ...awaiting,
      status: 'completed',
      awaitingValidation: false,
      deliverables: [...awaiting.deliverables, delivered('implementation-kits')],
    });
    expect(states(done).slice(5)).toEqual(['validation:skipped', 'implementation-kits:done']);
  });

  it('shows a failure on the failed stage', () => {
    const a = makeAssessment({
      status: 'failed',
      submittedAt: '2025-06-01T10:00:00.000Z',
      failure: { stage: 'triage', reason: 'LLM timeout', at: '2025-06-01T10:05:00.000Z' },
    });
    expect(states(a)[1]).toBe('triage:failed');
    expect(stepForFailure('compose-detailed-report')).toBe('detailed-report');
    expect(stepForFailure('specialist-analysis')).toBe('analysis');
  });
});
