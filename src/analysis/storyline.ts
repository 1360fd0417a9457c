import type { PrioritisedRecommendation, SpecialistAnalysis } from '../domain/analysis';
import { domainName, type DomainId } from '../domain/domains';
import { DOMAIN_LINKS } from '../domain/triage';

/**
 * The opening storyline: the two or three root causes behind the priorities and how they connect across domains.
 * Built from the analyses' headline findings and the domain links; it names findings rather than quoting them, so
 * each quote appears once in a document (in its priority's evidence).
 */

export interface RootCause {
  domain: DomainId;
  headline: string;
  health: number;
  /** Sentences saying which other weak domains this one feeds, and why. */
  connections: string[];
  /** The priority rank that addresses it, if any. */
  priorityRank: number | null;
}

const lower = (s: string) => s.replace(/^./, (c) => c.toLowerCase());
const stop = (s: string) => s.trim().replace(/[.\s]+$/, '');

export function rootCauses(
  analyses: readonly SpecialistAnalysis[],
  priorities: readonly PrioritisedRecommendation[],
): RootCause[] {
  const weak = analyses
    .filter((a) => a.healthScore <= 5)
    .sort(
      (a, b) =>
        (b.severity?.score ?? 10 - b.healthScore) - (a.severity?.score ?? 10 - a.healthScore) ||
        a.healthScore - b.healthScore,
    );
  const weakIds = new Set(weak.map((a) => a.domain));
  // A root cause feeds other weak domains; prefer those, then the most severe.
  const scored = weak.map((a) => ({
    a,
    feeds: DOMAIN_LINKS.filter((l) => l.from === a.domain && weakIds.has(l.to)),
  }));
  scored.sort((x, y) => y.feeds.length - x.feeds.length || weak.indexOf(x.a) - weak.indexOf(y.a));
  const chosen = scored.slice(0, 3);
  return chosen.map(({ a, feeds }) => {
    const top = a.findings.find((f) => f.severity === 'critical' || f.severity === 'high') ?? a.findings[0];
    const rank = priorities.findIndex((p) => p.recommendation.domain === a.domain);
    return {
      domain: a.domain,
      headline: stop(top?.title ?? a.summary),
      health: a.healthScore,
      connections: feeds.map((l) => `It feeds ${domainName(l.to)}: ${lower(stop(l.reason))}.`),
      priorityRank: rank >= 0 ? rank + 1 : null,
    };
  });
}

/** The storyline's paragraphs, ready for a deliverable. */
export function storylineParagraphs(
  company: string,
  analyses: readonly SpecialistAnalysis[],
  priorities: readonly PrioritisedRecommendation[],
): string[] {
  const causes = rootCauses(analyses, priorities);
  if (causes.length === 0) {
    const best = [...analyses].sort((a, b) => b.healthScore - a.healthScore)[0];
    return [
      `None of the areas analysed at ${company} is in the warning or critical band, so there is no bottleneck to fix urgently.` +
        (best
          ? ` The strongest is ${domainName(best.domain)} (${best.healthScore}/10); the job now is to protect what works as you grow.`
          : ''),
    ];
  }
  const out = [
    causes.length === 1
      ? `One root cause explains most of what we found at ${company}.`
      : `${causes.length === 2 ? 'Two' : 'Three'} root causes explain most of what we found at ${company}, and they are connected.`,
  ];
  causes.forEach((c, i) => {
    const addressed = c.priorityRank
      ? ` Priority ${c.priorityRank} addresses it.`
      : ' It is not one of the priorities, but it slows them down.';
    out.push(
      `${i + 1}. ${domainName(c.domain)} (${c.health}/10): ${lower(c.headline)}.${c.connections.length ? ` ${c.connections.join(' ')}` : ''}${addressed}`,
    );
  });
  return out;
}
