import type { DomainId } from '../domain/domains';
import type {
  HealthBand,
  PrioritisedRecommendation,
  SpecialistAnalysis,
  TriageResult,
} from '../domain/analysis';
import type { CompanyProfile } from '../domain/profile';
import type { ValidationResponse } from '../domain/validation';
import type { ExtractedDocument } from '../domain/document-facts';

/** Everything the composers need about one assessment. Pure data: the delivery code does no I/O. */
export interface DeliveryContext {
  assessmentId: string;
  companyName: string;
  clientFirstName: string;
  profile: CompanyProfile | null;
  submittedAt: Date;
  dueTimes: { executiveSummary: Date; detailedReport: Date; implementationKits: Date };
  triage: TriageResult;
  analyses: SpecialistAnalysis[];
  /**
   * The priorities in the order they are to be presented. For the implementation kits this is the order after
   * validation (if the client answered). Display ranks are positions in this array (1-based), not `rank`.
   */
  priorities: PrioritisedRecommendation[];
  validation: ValidationResponse | null;
  /** When the client validated (kit dates are counted from the next day). */
  validatedAt?: Date | null;
  /**
   * The priorities as the detailed report presented them, before validation; the kits reshape these. Defaults to
   * `priorities` when absent.
   */
  reportPriorities?: PrioritisedRecommendation[];
  /** Base URL of the web app, without a trailing slash (one is tolerated), e.g. `https://app.scalemap.co.uk`. */
  appUrl: string;
  /**
   * Optional: when the validation window actually closes, if the pipeline knows it. Defaults to 24 hours after
   * the detailed report is due (or the kits' due time when the schedule is compressed locally).
   */
  validationDeadline?: Date;
  /**
   * What was read from each uploaded document (stored extractions, in upload order); documents not read yet
   * are absent. Feeds "What we read in your documents" and the summary's figures. Optional: none when absent.
   */
  documents?: ExtractedDocument[];
}

export const DELIVERABLE_STAGES = ['executive-summary', 'detailed-report', 'implementation-kits'] as const;
export type DeliverableStage = (typeof DELIVERABLE_STAGES)[number];

/** Where a heatmap cell's score comes from. */
export type CellSource = 'specialist' | 'triage-estimate' | 'not-assessed';

/** The data behind one heatmap cell (and one row of the detailed report's heatmap table). */
export interface HeatmapCell {
  domain: DomainId;
  /** Full domain name, e.g. "Financial Management & Capital Efficiency". */
  name: string;
  /** Short label for the grid, e.g. "Finance". */
  shortName: string;
  /** Health score 1–10 (higher is healthier); null when not assessed. */
  score: number | null;
  band: HealthBand | null;
  /** "Excellent", "Good", "Warning", "Critical" or "Not assessed". */
  bandLabel: string;
  source: CellSource;
  /** The triage activated a specialist for this domain. */
  activated: boolean;
  /** The specialist's name when there is an analysis. */
  analyst: string | null;
  /** Display rank (1-based position in ctx.priorities) of the first priority in this domain, if any. */
  priorityRank: number | null;
  /** All display ranks of priorities in this domain. */
  priorityRanks: number[];
}

/** Document model: one model, rendered to HTML and to PDF. */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[]; ordered?: boolean }
  | { kind: 'table'; headers: string[]; rows: string[][]; caption?: string }
  | { kind: 'heatmap'; svg: string; cells: HeatmapCell[]; title: string }
  | { kind: 'keyValue'; items: KeyValueItem[] };

export interface KeyValueItem {
  key: string;
  value: string;
  /** Optional link target (http, https or mailto only; anything else is rendered as plain text). */
  href?: string;
}

export interface Section {
  heading: string;
  /** 1 = main section (default), 2 = sub-section of the preceding main section. */
  level?: 1 | 2;
  blocks: Block[];
}

export interface DeliverableDocument {
  title: string;
  subtitle: string;
  sections: Section[];
}
