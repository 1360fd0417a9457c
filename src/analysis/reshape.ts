import type {
  PrioritisedRecommendation,
  Recommendation,
  SpecialistAnalysis,
  TriageResult,
} from '../domain/analysis';
import { domainName, type DomainId } from '../domain/domains';
import { AGREEMENT_FACTOR, GOOD_HEALTH, RESOURCE_FACTOR, scoreCandidates } from '../domain/prioritisation';
import type { ValidationResponse } from '../domain/validation';
import {
  HIRING_WORDS,
  criteriaClauses,
  namedOwner,
  parseConstraints,
  violates,
  type ParsedConstraints,
} from './constraints';
import { DOMAIN_VOCABULARY } from './text';

/**
 * How the client's validation reshapes the kits (issue 8, item 6). Pure.
 *  - A priority rated 1–2 is dropped, and replaced by the next-best candidate from a domain not rated good and not
 *    already in play (or left out, saying why).
 *  - Strong agreement (5) with high resources lifts a priority by 25% and at least one place.
 *  - Constraints filter the actions: under a hiring freeze a priority whose action is hiring is replaced by the
 *    domain's best action that is not; a budget freeze does the same for new spend; freeze windows move dates.
 *  - Owners the client named become the kit owners; success criteria become KPI targets with baselines.
 */

export interface KitKpi {
  name: string;
  baseline?: string;
  baselineSource?: string;
  /** The client's own words from the success criteria, verbatim. */
  target?: string;
}

export interface KitPriority {
  item: PrioritisedRecommendation;
  rec: Recommendation;
  analysis: SpecialistAnalysis | null;
  /** Rank in the detailed report, null for a replacement. */
  reportRank: number | null;
  validation: ValidationResponse['priorities'][number] | null;
  owner: string | null;
  kpis: KitKpi[];
  /** Why it is here / how it changed, for the kit's intro and the email. */
  notes: string[];
}

export interface KitPlan {
  priorities: KitPriority[];
  dropped: { title: string; domain: DomainId; reason: string; replacedBy: string | null }[];
  constraints: ParsedConstraints;
  /** What changed because of the validation, in plain sentences (empty without one). */
  changes: string[];
  startDate: Date;
}

function kpisFor(a: SpecialistAnalysis | null, domain: DomainId, criteria: string[]): KitKpi[] {
  const base: KitKpi[] = (a?.kpis ?? []).map((k) => ({
    name: k.name,
    baseline: k.baseline,
    baselineSource: k.source,
  }));
  const vocab = DOMAIN_VOCABULARY[domain];
  const GENERIC = new Set([
    'month',
    'months',
    'share',
    'rate',
    'time',
    'days',
    'over',
    'with',
    'named',
    'roles',
    'first',
    'customers',
    'customer',
    'new',
    'number',
    'quarter',
  ]);
  const words = (x: string) =>
    x
      .toLowerCase()
      .split(/\W+/)
      .filter((w) => w.length > 3 && !GENERIC.has(w));
  for (const clause of criteria) {
    const lc = clause.toLowerCase();
    const kpi = base.find((k) =>
      words(k.name).some((w) => words(clause).some((c) => c.slice(0, 5) === w.slice(0, 5))),
    );
    if (kpi) {
      if (!kpi.target) kpi.target = clause;
    } else if (
      vocab.some((v) =>
        new RegExp(`(?:^|[^a-z])${v.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(lc),
      ) &&
      /\d|£|%/.test(clause)
    ) {
      base.unshift({
        name: clause.replace(/\s+(?:below|above|under|over|to|at|within)\b.*$/i, ''),
        target: clause,
      });
    }
  }
  return base.sort((x, y) => Number(!!y.target) - Number(!!x.target)).slice(0, 5);
}

export function planKits(input: {
  reportPriorities: readonly PrioritisedRecommendation[];
  analyses: readonly SpecialistAnalysis[];
  triage?: TriageResult;
  validation: ValidationResponse | null;
  /** When the client validated (kit dates start the next day); else when the kits are due. */
  startFrom: Date;
}): KitPlan {
  const { validation } = input;
  const byDomain = new Map(input.analyses.map((a) => [a.domain, a]));
  const startDate = new Date(input.startFrom.getTime() + 86400000);
  const constraints = parseConstraints(
    validation
      ? `${validation.constraints}\n${validation.priorities.map((p) => `${p.reason ?? ''} ${p.context ?? ''}`).join('\n')}`
      : '',
    input.startFrom,
  );
  const criteria = validation ? criteriaClauses(validation.successCriteria) : [];
  const answers = new Map((validation?.priorities ?? []).map((p) => [p.recommendationId, p]));
  const changes: string[] = [];
  const dropped: KitPlan['dropped'] = [];

  const report = [...input.reportPriorities].sort((a, b) => a.rank - b.rank);
  type Work = KitPriority & { score: number; strong: boolean };
  const kept: Work[] = [];
  const rejectedDomains = new Set<DomainId>();
  report.forEach((item, i) => {
    const v = answers.get(item.recommendation.id) ?? null;
    if (v && v.agreement <= 2) {
      rejectedDomains.add(item.recommendation.domain);
      dropped.push({
        title: item.recommendation.title,
        domain: item.recommendation.domain,
        reason: v.reason?.trim().replace(/[.!\s]+$/, '') || `you rated it ${v.agreement} out of 5`,
        replacedBy: null,
      });
      return;
    }
    const strong = !!v && v.agreement === 5 && v.resources === 'high';
    const factor = v ? (AGREEMENT_FACTOR[v.agreement] ?? 1) * RESOURCE_FACTOR[v.resources] : 1;
    kept.push({
      item,
      rec: item.recommendation,
      analysis: byDomain.get(item.recommendation.domain) ?? null,
      reportRank: i + 1,
      validation: v,
      owner: null,
      kpis: [],
      notes: [],
      score: item.priorityScore * factor * (strong ? 1.25 : 1),
      strong,
    });
  });

  // Replacements for dropped priorities: the next-best candidates from other, not-good, not-rejected domains.
  if (dropped.length) {
    const { scored } = scoreCandidates(input.analyses, { triage: input.triage });
    const inPlay = new Set(kept.map((k) => k.rec.domain));
    for (const d of dropped) {
      const next = scored.find((c) => {
        const a = byDomain.get(c.domain);
        return (
          a &&
          a.healthScore < GOOD_HEALTH &&
          !inPlay.has(c.domain) &&
          !rejectedDomains.has(c.domain) &&
          !violates(c.rec, constraints)
        );
      });
      if (next) {
        inPlay.add(next.domain);
        d.replacedBy = next.rec.title;
        kept.push({
          item: {
            rank: 0,
            recommendation: next.rec,
            impactScore: Math.round(next.impact * 1000) / 1000,
            feasibilityScore: Math.round(next.feasibility * 1000) / 1000,
            synergyScore: Math.round(next.synergy * 1000) / 1000,
            urgencyScore: Math.round(next.urgency * 1000) / 1000,
            priorityScore: Math.round(next.priority * 1000) / 1000,
          },
          rec: next.rec,
          analysis: byDomain.get(next.domain) ?? null,
          reportRank: null,
          validation: null,
          owner: null,
          kpis: [],
          notes: [`It replaces “${d.title}”, which you did not agree with.`],
          score: next.priority * 0.9,
          strong: false,
        });
        changes.push(
          `“${d.title}” is dropped (${d.reason}); “${next.rec.title}” in ${domainName(next.domain)} takes its place.`,
        );
      } else {
        changes.push(
          `“${d.title}” is dropped (${d.reason}). No other area has evidence strong enough to take its place, so the kits carry ${kept.length === 0 ? 'no priority' : kept.length === 1 ? 'one priority' : `${['', '', 'two', 'three', 'four', 'five'][kept.length] ?? kept.length} priorities`}.`,
        );
      }
    }
  }

  // Constraints: a priority whose own action breaks one is swapped for the domain's best action that does not.
  for (const k of kept) {
    const why = violates(k.rec, constraints);
    if (!why) continue;
    const alt = (k.analysis?.recommendations ?? []).find(
      (r) => r.id !== k.rec.id && !violates(r, constraints),
    );
    if (alt) {
      changes.push(
        why === 'hiring'
          ? `Your headcount constraint rules out “${k.rec.title}”; the kit uses “${alt.title}” with the people you already have.`
          : `Your budget constraint rules out “${k.rec.title}”; the kit uses “${alt.title}”, which needs no new spend.`,
      );
      k.notes.push(`Adapted to your ${why === 'hiring' ? 'headcount' : 'budget'} constraint.`);
      k.rec = alt;
      k.item = { ...k.item, recommendation: alt };
    }
  }

  // Order: adjusted score; a strong, well-resourced priority moves up at least one place.
  const ordered = [...kept].sort((a, b) => b.score - a.score || (a.reportRank ?? 9) - (b.reportRank ?? 9));
  for (let i = 1; i < ordered.length; i++) {
    const p = ordered[i];
    const before = kept.filter(
      (k) => k.reportRank !== null && p.reportRank !== null && k.reportRank < p.reportRank,
    ).length;
    if (p.strong && i >= before && !ordered[i - 1].strong) {
      [ordered[i - 1], ordered[i]] = [ordered[i], ordered[i - 1]];
    }
  }
  ordered.forEach((p, i) => {
    if (p.reportRank !== null && p.reportRank !== i + 1 && validation) {
      const up = i + 1 < p.reportRank;
      const reason = p.strong
        ? 'you strongly agreed and have the resources'
        : p.validation
          ? `you rated it ${p.validation.agreement} out of 5 with ${p.validation.resources.replace('-', ' ')} resources`
          : 'the priorities around it changed';
      p.notes.push(`Moved ${up ? 'up' : 'down'} from priority ${p.reportRank} to ${i + 1}: ${reason}.`);
      if (up || p.strong)
        changes.push(`“${p.rec.title}” moves ${up ? 'up' : 'down'} to priority ${i + 1}: ${reason}.`);
    }
  });

  // Owners and KPI targets.
  for (const p of ordered) {
    const own = p.validation
      ? namedOwner(`${p.validation.context ?? ''} ${p.validation.reason ?? ''}`)
      : null;
    const global = validation
      ? ((validation.constraints + '\n' + validation.successCriteria)
          .split(/[.\n;]/)
          .filter((s) => DOMAIN_VOCABULARY[p.rec.domain].some((w) => s.toLowerCase().includes(w.trim())))
          .map(namedOwner)
          .find(Boolean) ?? null)
      : null;
    p.owner = own ?? global;
    if (p.owner) changes.push(`${p.owner} owns “${p.rec.title}”, as you told us.`);
    // Under a headcount freeze, no hiring measure either.
    p.kpis = kpisFor(p.analysis, p.rec.domain, criteria).filter(
      (k) => !constraints.hiringFreeze || !HIRING_WORDS.test(k.name),
    );
  }
  if (constraints.hiringFreeze)
    changes.push('No step in the kits adds headcount: everything uses the team you have.');
  if (constraints.budgetFreeze) changes.push('No step in the kits needs new budget.');
  for (const f of constraints.freezes)
    changes.push(
      `Nothing goes live during your freeze (“${f.text.replace(/[.\s]+$/, '')}”): dates falling in it move to after it.`,
    );
  const targeted = ordered.flatMap((p) => p.kpis.filter((k) => k.target).map((k) => k.name.toLowerCase()));
  if (targeted.length) changes.push(`Your success criteria set the targets for ${targeted.join(', ')}.`);

  return {
    priorities: ordered.map(({ score: _s, strong: _st, ...p }, i) => ({
      ...p,
      item: { ...p.item, rank: i + 1 },
    })),
    dropped,
    constraints,
    changes,
    startDate,
  };
}
