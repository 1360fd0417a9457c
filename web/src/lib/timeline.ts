import { VALIDATION_WINDOW_HOURS } from '../../../src/domain/schedule';
import type { Assessment, DeliverableStage } from '../api/types';

export type StepState = 'done' | 'active' | 'waiting' | 'failed' | 'skipped';

export interface TimelineStep {
  key: 'submitted' | 'triage' | 'analysis' | DeliverableStage | 'validation';
  title: string;
  description: string;
  /** "24 h" etc. for the staged deliverables. */
  promise?: string;
  state: StepState;
  dueAt: string | null;
  doneAt: string | null;
  /** Delivered at or before the due time plus the stated tolerance (the API's one rule). */
  onTime?: boolean | null;
  /** The promise's stated tolerance in ms (scaled like the due times): countdowns never read overdue within it. */
  toleranceMs?: number;
}

const RANK: Record<string, number> = {
  draft: 0,
  awaiting_payment: 0,
  submitted: 1,
  triaging: 2,
  analysing: 3,
  summary_delivered: 4,
  report_delivered: 5,
  awaiting_validation: 6,
  completed: 8,
};

/** Which step a failure's stage name points at (the API does not fix the vocabulary; match loosely). */
export function stepForFailure(stage: string): TimelineStep['key'] | null {
  const s = stage.toLowerCase();
  if (s.includes('triag')) return 'triage';
  if (s.includes('analy') || s.includes('specialist') || s.includes('priorit')) return 'analysis';
  if (s.includes('summary') || s.includes('executive')) return 'executive-summary';
  if (s.includes('report') || s.includes('detailed')) return 'detailed-report';
  if (s.includes('valid')) return 'validation';
  if (s.includes('kit') || s.includes('implementation')) return 'implementation-kits';
  if (s.includes('submit')) return 'submitted';
  return null;
}

/** The seven steps of the 72-hour pipeline, from the assessment as the API describes it. */
export function buildTimeline(a: Assessment): TimelineStep[] {
  const rank = RANK[a.status] ?? 0;
  const delivered = (stage: DeliverableStage) =>
    a.deliverables.find((d) => d.stage === stage && d.deliveredAt);
  const es = delivered('executive-summary');
  const dr = delivered('detailed-report');
  const ik = delivered('implementation-kits');
  const due = a.dueTimes;
  const tol = a.tolerances;

  const steps: TimelineStep[] = [
    {
      key: 'submitted',
      title: 'Submitted',
      description: 'Your answers and documents are locked and the clock starts.',
      state: a.submittedAt ? 'done' : 'waiting',
      dueAt: null,
      doneAt: a.submittedAt,
    },
    {
      key: 'triage',
      title: 'Triage',
      description: 'All twelve domains are reviewed and the 3 to 5 that matter most get an AI specialist.',
      state: a.triage || rank >= 3 || es ? 'done' : 'waiting',
      dueAt: null,
      doneAt: null,
    },
    {
      key: 'analysis',
      title: 'AI specialist analysis',
      description:
        'Each AI specialist studies your answers and documents and proposes findings and recommendations.',
      state: rank >= 4 || es ? 'done' : 'waiting',
      dueAt: null,
      doneAt: null,
    },
    {
      key: 'executive-summary',
      title: 'Executive summary',
      promise: '24 h',
      description: 'Overall operational health, the three priority bottlenecks and your strengths.',
      state: es ? 'done' : 'waiting',
      dueAt: es?.dueAt ?? due?.executiveSummary ?? null,
      doneAt: es?.deliveredAt ?? null,
      onTime: es?.onTime ?? null,
      toleranceMs: tol?.executiveSummary ?? 0,
    },
    {
      key: 'detailed-report',
      title: 'Detailed report',
      promise: '48 h',
      description: 'The heatmap of all twelve domains, a section per priority and a roadmap.',
      state: dr ? 'done' : 'waiting',
      dueAt: dr?.dueAt ?? due?.detailedReport ?? null,
      doneAt: dr?.deliveredAt ?? null,
      onTime: dr?.onTime ?? null,
      toleranceMs: tol?.detailedReport ?? 0,
    },
    {
      key: 'validation',
      title: 'Your validation',
      description: `Tell us whether the priorities fit. Without an answer within ${VALIDATION_WINDOW_HOURS} hours we go ahead with them.`,
      state: a.validation ? 'done' : ik || a.status === 'completed' ? 'skipped' : 'waiting',
      dueAt: null,
      doneAt: null,
    },
    {
      key: 'implementation-kits',
      title: 'Implementation kits',
      promise: '72 h',
      description: 'A 90-day playbook, communication kit, KPIs and risk plan for each priority.',
      state: ik ? 'done' : 'waiting',
      dueAt: ik?.dueAt ?? due?.implementationKits ?? null,
      doneAt: ik?.deliveredAt ?? null,
      onTime: ik?.onTime ?? null,
      toleranceMs: tol?.implementationKits ?? 0,
    },
  ];

  if (!a.submittedAt) return steps;
  const firstOpen = steps.find((s) => s.state === 'waiting');
  if (a.status === 'failed' || a.failure) {
    const key = a.failure ? stepForFailure(a.failure.stage) : null;
    const failed = steps.find((s) => s.key === key && s.state !== 'done') ?? firstOpen;
    if (failed && a.status === 'failed') failed.state = 'failed';
    else if (firstOpen) firstOpen.state = 'active';
  } else if (firstOpen) {
    firstOpen.state = 'active';
  }
  return steps;
}
