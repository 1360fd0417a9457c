import type { AssessmentStatus, SlaState } from '../api/types';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export const STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: 'Draft',
  awaiting_payment: 'Awaiting payment',
  submitted: 'Submitted',
  triaging: 'Triage in progress',
  analysing: 'Analysis in progress',
  summary_delivered: 'Executive summary ready',
  report_delivered: 'Detailed report ready',
  awaiting_validation: 'Your validation is requested',
  completed: 'Completed',
  failed: 'Delayed: our team is on it',
};

export const STATUS_TONES: Record<AssessmentStatus, Tone> = {
  draft: 'neutral',
  awaiting_payment: 'warning',
  submitted: 'info',
  triaging: 'info',
  analysing: 'info',
  summary_delivered: 'success',
  report_delivered: 'success',
  awaiting_validation: 'warning',
  completed: 'success',
  failed: 'warning',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as AssessmentStatus] ?? status;
}

export function statusTone(status: string): Tone {
  return STATUS_TONES[status as AssessmentStatus] ?? 'neutral';
}

/** The client can still change answers and documents, pay and submit. */
export function isEditable(status: string): boolean {
  return status === 'draft' || status === 'awaiting_payment';
}

/** The next thing the client should do, as a link label and an app path. */
export function nextStep(a: { id: string; status: string }): { label: string; to: string } {
  const base = `/assessments/${encodeURIComponent(a.id)}`;
  switch (a.status) {
    case 'draft':
      return { label: 'Continue the questionnaire', to: `${base}/questionnaire` };
    case 'awaiting_payment':
      return { label: 'Pay and submit', to: `${base}/review` };
    case 'summary_delivered':
      return { label: 'Read the executive summary', to: `${base}/deliverables/executive-summary` };
    case 'report_delivered':
      return { label: 'Read the detailed report', to: `${base}/deliverables/detailed-report` };
    case 'awaiting_validation':
      return { label: 'Validate the priorities', to: `${base}/validate` };
    case 'completed':
      return { label: 'Open the implementation kits', to: `${base}/deliverables/implementation-kits` };
    default:
      return { label: 'Follow the progress', to: `${base}/status` };
  }
}

export const SLA_LABELS: Record<SlaState, string> = {
  pending: 'Pending',
  'on-time': 'On track',
  'at-risk': 'Due soon',
  late: 'Late',
  delivered: 'Delivered on time',
  'delivered-late': 'Delivered late',
};

export const SLA_TONES: Record<SlaState, Tone> = {
  pending: 'neutral',
  'on-time': 'success',
  'at-risk': 'warning',
  late: 'danger',
  delivered: 'success',
  'delivered-late': 'danger',
};

/** The profile has every required field (the API says so with `complete`, else check the fields). */
export function isProfileComplete(
  p: { complete?: boolean; industry?: unknown; revenueBand?: unknown; teamSize?: unknown } | null | undefined,
): boolean {
  if (!p) return false;
  if (typeof p.complete === 'boolean') return p.complete;
  return !!(p.industry && p.revenueBand && p.teamSize);
}

/** Timeline entries of GET /api/assessments/:id/events, in words. */
export const STAGE_EVENT_LABELS: Record<string, string> = {
  submitted: 'Assessment submitted',
  payment_received: 'Payment received',
  triage_started: 'Triage started',
  triage_complete: 'Triage complete: AI specialists chosen',
  analysis_started: 'AI specialist analysis started',
  domain_analysed: 'An AI specialist finished a domain',
  analysis_complete: 'AI specialist analysis complete',
  executive_summary_delivered: 'Executive summary delivered',
  detailed_report_delivered: 'Detailed report delivered',
  validation_requested: 'Your validation is requested',
  validation_received: 'Validation received',
  implementation_kits_delivered: 'Implementation kits delivered',
  email_sent: 'Email sent',
  failed: 'A step is taking longer than planned',
  retry_requested: 'Re-run started',
};

export function stageEventLabel(stage: string): string {
  return STAGE_EVENT_LABELS[stage] ?? stage.replace(/[_-]+/g, ' ');
}
