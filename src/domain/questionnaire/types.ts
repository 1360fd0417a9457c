import type { DomainId } from '../domains';
import type { ProfileCondition } from '../profile';

/** Five labelled options, scored 1–5: 1 = strength, 3 = average, 5 = critical concern. */
export type OptionLabels = readonly [string, string, string, string, string];

export interface FollowUp {
  /** Id of the free-text follow-up question, e.g. `fin-03-f1`. Answers use it as questionId with `text`. */
  id: string;
  prompt: string;
}

export interface Question {
  /** Stable id, e.g. `fin-03`. Never reuse an id for a different question. */
  id: string;
  domain: DomainId;
  /** Short topic, used in findings ("cash-flow forecasting"). */
  topic: string;
  prompt: string;
  /** labels[0] is scored 1 (strength) ... labels[4] is scored 5 (critical). */
  options: OptionLabels;
  /** When present, the question applies only if all these profile facts are true. */
  conditions?: readonly ProfileCondition[];
  /** A score of 4 or 5 opens these one or two free-text follow-ups. */
  followUps?: readonly FollowUp[];
  /** The weak practice a score of 4–5 reveals, as a finding sentence ("Cash flow is not forecast beyond the month"). */
  weakPractice: string;
  /** The strength a score of 1–2 shows ("Rolling 13-week cash-flow forecast"). */
  strength: string;
  /** Recommendations the rule-based analyst draws from when this question scores 3–5. */
  recommendations: readonly RecommendationTemplate[];
}

export type Horizon = 'quick-win' | '30-90-days' | 'strategic';
export type Level3 = 'low' | 'medium' | 'high';

export interface RecommendationTemplate {
  horizon: Horizon;
  title: string;
  action: string;
  impact: Level3;
  effort: Level3;
  /** Growth-impact components 0–1 (DOMAIN.md prioritisation). */
  revenueImpact: number;
  efficiencyImpact: number;
  competitiveImpact: number;
  strategicImpact: number;
}

export interface DomainDefinition {
  id: DomainId;
  name: string;
  description: string;
  questions: readonly Question[];
}
