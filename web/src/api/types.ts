/** Shapes of the ScaleMap HTTP API (docs/API.md). */
import type { CompanyProfile } from '../../../src/domain/profile';
import type { ValidationResponse } from '../../../src/domain/validation';

export type { CompanyProfile, ValidationResponse };

export type Role = 'client' | 'founder';

export interface User {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role | string;
}

export interface Settings {
  paymentRequired: boolean;
  priceGbpPence: number;
  localMode: boolean;
  timeScale: number;
}

/**
 * The profile as GET /api/me shows it: registration already stores the company name, so it can be partial;
 * the API adds `complete` (all required fields valid).
 */
export type ProfileView = { [K in keyof CompanyProfile]?: CompanyProfile[K] | null } & { complete?: boolean };

export interface Me {
  user: User;
  profile: ProfileView | null;
  settings: Settings;
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface LoginResponse {
  user: User;
  /** Only when the login asked for them (`includeTokens: true`); the web app uses its session cookie. */
  tokens?: Tokens;
}

export interface RegisterResponse {
  userId: string;
  email: string;
  confirmed: boolean;
}

export interface QuestionOption {
  score: number;
  label: string;
}

export interface FollowUpQuestion {
  id: string;
  prompt: string;
}

export interface QuestionnaireQuestion {
  id: string;
  topic: string;
  prompt: string;
  options: QuestionOption[];
  followUps: FollowUpQuestion[];
  conditional: boolean;
}

export interface QuestionnaireDomain {
  id: string;
  name: string;
  description: string;
  questions: QuestionnaireQuestion[];
}

export interface Questionnaire {
  contentVersion: string | number;
  /** Sent by the API (not in docs/API.md): false while the profile is incomplete. */
  profileComplete?: boolean;
  /** Only domains with at least one applicable question. */
  domains: QuestionnaireDomain[];
}

export type AssessmentStatus =
  | 'draft'
  | 'awaiting_payment'
  | 'submitted'
  | 'triaging'
  | 'analysing'
  | 'summary_delivered'
  | 'report_delivered'
  | 'awaiting_validation'
  | 'completed'
  | 'failed';

export interface Answer {
  questionId: string;
  score?: number | null;
  text?: string;
}

export interface DomainProgress {
  domain: string;
  name: string;
  applicable: number;
  answered: number;
  ratio: number;
  complete: boolean;
}

export interface Progress {
  overall: number;
  complete: boolean;
  domains: DomainProgress[];
}

export interface DocumentInfo {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  domain: string | null;
  status: string;
  createdAt: string;
}

export type PaymentStatus = 'not-required' | 'unpaid' | 'pending' | 'paid';

export interface TriageDomain {
  domain: string;
  score: number;
  level: string;
  reason?: string;
}

/** Clients see which domains were activated; the scoring (domains, confidence) is sent to founders only. */
export interface Triage {
  activatedDomains: string[];
  confidence?: number;
  domains?: TriageDomain[];
}

export interface AnalysisSummary {
  domain: string;
  name?: string;
  analyst: string;
  healthScore: number;
  band: string;
  summary: string;
  confidence: number;
  needsReview: boolean;
}

export const DELIVERABLE_STAGES = ['executive-summary', 'detailed-report', 'implementation-kits'] as const;
export type DeliverableStage = (typeof DELIVERABLE_STAGES)[number];

export interface Deliverable {
  stage: DeliverableStage;
  formats: string[];
  deliveredAt: string | null;
  dueAt: string | null;
  /** By the one rule of src/domain/schedule.ts: at or before the due time plus its stated tolerance. */
  onTime?: boolean | null;
}

export interface Priority {
  rank: number;
  recommendationId: string;
  domain: string;
  title: string;
}

export interface DueTimes {
  executiveSummary: string;
  detailedReport: string;
  implementationKits: string;
}

export interface Failure {
  stage: string;
  /** The technical reason: founders only (the founder console). */
  reason?: string | null;
  /** The calm message for clients (GET /api/assessments/:id). */
  message?: string;
  at: string | null;
}

export interface Assessment {
  id: string;
  status: AssessmentStatus;
  contentVersion: string | number;
  createdAt: string;
  submittedAt: string | null;
  failure: Failure | null;
  dueTimes: DueTimes | null;
  /** Stated tolerance of each promise in ms, scaled like the due times. */
  tolerances?: Record<keyof DueTimes, number>;
  progress: Progress;
  answers: Answer[];
  documents: DocumentInfo[];
  payment: { required: boolean; status: PaymentStatus };
  triage: Triage | null;
  analyses: AnalysisSummary[];
  deliverables: Deliverable[];
  priorities: Priority[];
  awaitingValidation: boolean;
  validation: ValidationResponse | null;
}

export interface AssessmentSummary {
  id: string;
  status: AssessmentStatus;
  createdAt: string;
  submittedAt: string | null;
  progress: { overall: number };
  dueTimes: DueTimes | null;
}

export interface SaveAnswersResponse {
  saved: number;
  progress: Progress;
}

export interface CreateDocumentResponse {
  documentId: string;
  uploadUrl: string;
  headers: Record<string, string>;
}

export interface SubmitResponse {
  status: 'submitted';
  dueTimes: DueTimes;
}

/** One `event: stage` message of GET /api/assessments/:id/events. */
export interface StageEvent {
  stage: string;
  status: string;
  at: string;
  detail?: unknown;
}

export type SlaState = 'pending' | 'on-time' | 'at-risk' | 'late' | 'delivered' | 'delivered-late';

export interface AdminAssessment {
  id: string;
  company: string | null;
  email: string;
  status: AssessmentStatus;
  submittedAt: string | null;
  dueTimes: DueTimes | null;
  /** null until submitted. */
  sla: { executiveSummary: SlaState; detailedReport: SlaState; implementationKits: SlaState } | null;
  /** Domains whose analysis the confidence gate sent to founder review (not in docs/API.md). */
  analysesNeedingReview?: string[];
  failure: Failure | null;
  tokens: { prompt: number; completion: number };
  costUsd: number;
  activatedDomains: string[];
}

export interface OutboxEmail {
  id: string;
  to: string | string[];
  subject: string;
  sentAt: string;
  text: string;
  html: string;
}
