import type { DomainEvidence } from './evidence';

/**
 * Severity of a domain from its evidence, not from an average that dilutes acute problems.
 *
 *   breadth   = 5 × mean concern of the answered questions (1 → 0, 2 → 0.1, 3 → 0.5, 4 → 0.75, 5 → 1)
 *   acute     = 1.4 × min(3, count of 5s + 0.6 × count of 4s + ½ × answers at 4–5 that are critical by design)
 *   told      = 0.7 × min(2, follow-ups with figures) + 0.3 × min(2, other follow-ups)
 *   stated    = 1.2 × relevance (the client's own challenges and objectives naming the domain)
 *   documents = 1.5 per critical red flag, 0.8 per warning (together at most 3), − 0.5 per healthy benchmark (at most 1)
 *   severity  = clamp(breadth + acute + told + stated + documents, 0, 9);  health = round(10 − severity), 1–10
 *
 * So a domain with two critical answers, a follow-up with a £ figure and a red flag in a document is critical even
 * when its other answers are strengths, and a domain of average answers stays in the good band.
 */
export interface Severity {
  score: number;
  health: number;
  drivers: string[];
}

const CONCERN = [0, 0, 0.1, 0.5, 0.75, 1];
const round1 = (n: number) => Math.round(n * 10) / 10;

export function severityOf(ev: DomainEvidence): Severity {
  const drivers: string[] = [];
  const n = ev.answered.length;
  const mean = n ? ev.answered.reduce((s, a) => s + CONCERN[a.score], 0) / n : 0.5;
  const breadth = 5 * mean;
  const fives = ev.answered.filter((a) => a.score === 5).length;
  const fours = ev.answered.filter((a) => a.score === 4).length;
  const criticalDesign = ev.items.filter(
    (i) => i.kind === 'answer' && i.concern && (i.score ?? 0) >= 4 && i.weight > 1,
  ).length;
  const acute = 1.4 * Math.min(3, fives + 0.6 * fours + 0.5 * criticalDesign);
  const followUps = ev.items.filter((i) => i.kind === 'follow-up');
  const withFigures = followUps.filter((i) => i.figures.length > 0).length;
  const told = 0.7 * Math.min(2, withFigures) + 0.3 * Math.min(2, followUps.length - withFigures);
  const stated = 1.2 * ev.relevance;
  const flags = ev.items.filter((i) => i.kind === 'document' && i.benchmark);
  const critical = flags.filter((i) => i.benchmark!.status === 'critical').length;
  const warning = flags.filter((i) => i.benchmark!.status === 'warning').length;
  const healthy = flags.filter((i) => i.benchmark!.status === 'healthy').length;
  const statements = ev.items.filter((i) => i.kind === 'document' && !i.benchmark && i.concern).length;
  const documents =
    Math.min(3, 1.5 * critical + 0.8 * warning + 0.2 * Math.min(2, statements)) - 0.5 * Math.min(2, healthy);

  if (fives + fours)
    drivers.push(
      `${fives + fours} answers at 4–5${criticalDesign ? `, ${criticalDesign} on critical topics` : ''}`,
    );
  if (followUps.length)
    drivers.push(
      `${followUps.length} follow-up answers${withFigures ? `, ${withFigures} with figures` : ''}`,
    );
  if (ev.relevance > 0) drivers.push('named in the stated challenges or objectives');
  if (critical + warning) drivers.push(`${critical + warning} document figures outside the benchmark`);
  if (healthy) drivers.push(`${healthy} document figures within the benchmark`);

  const score = round1(Math.min(9, Math.max(0, breadth + acute + told + stated + documents)));
  const health = Math.min(10, Math.max(1, Math.round(10 - score)));
  return { score, health, drivers };
}

/**
 * Confidence 1–10 from evidence coverage: how much of the domain was answered (up to 5), how many invited follow-ups
 * were answered (up to 2), whether documents were read for it (up to 2; an image or unreadable file counts a little),
 * plus 1 as a floor. A fully answered domain with no follow-ups or documents gets 6–8, not 10.
 */
export function confidenceOf(ev: DomainEvidence): number {
  const coverage = ev.applicable.length ? ev.answered.length / ev.applicable.length : 0;
  const followUps = ev.followUpsInvited ? ev.followUpsAnswered / ev.followUpsInvited : coverage * 0.75;
  const docs = ev.documentsRead >= 2 ? 2 : ev.documentsRead === 1 ? 1.5 : ev.documentsNotRead ? 0.5 : 0;
  return Math.min(10, Math.max(1, Math.round(1 + 5 * coverage + 2 * followUps + docs)));
}
