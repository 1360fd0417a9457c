/** Delivery: pure composers for the three deliverables and every email (no I/O). */
export { DELIVERABLE_STAGES } from './types';
export type {
  Block,
  CellSource,
  DeliverableDocument,
  DeliverableStage,
  DeliveryContext,
  HeatmapCell,
  KeyValueItem,
  Section,
} from './types';
export {
  HEATMAP_PALETTE,
  contrastRatio,
  estimateHealthFromTriage,
  heatmapCells,
  isAssessedByTriage,
  renderHeatmapSvg,
} from './heatmap';
export {
  TIMELINE_FACTORS,
  composeDetailedReport,
  composeExecutiveSummary,
  composeImplementationKits,
  overallHealth,
  phasePlan,
  priorityStartOffsets,
  validationDeadline,
} from './documents';
export type { PhasePlan, TimelinePreference } from './documents';
export { renderHtml } from './render-html';
export { renderPdf, pdfSafe } from './render-pdf';
export {
  detailedReportEmail,
  executiveSummaryEmail,
  founderAlertEmail,
  implementationKitsEmail,
  paymentReceiptEmail,
  submissionConfirmationEmail,
} from './emails';
export type {
  EmailContent,
  FounderAlertInput,
  PaymentReceiptInput,
  SubmissionConfirmationInput,
} from './emails';
export { assessmentUrl, deliverableUrl, escapeHtml, formatDateTime, validationUrl } from './format';

import type { DeliverableStage, DeliverableDocument, DeliveryContext } from './types';
import { composeDetailedReport, composeExecutiveSummary, composeImplementationKits } from './documents';

/** The document of a stage. */
export function composeDeliverable(stage: DeliverableStage, ctx: DeliveryContext): DeliverableDocument {
  switch (stage) {
    case 'executive-summary':
      return composeExecutiveSummary(ctx);
    case 'detailed-report':
      return composeDetailedReport(ctx);
    case 'implementation-kits':
      return composeImplementationKits(ctx);
  }
}
