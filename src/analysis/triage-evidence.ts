import { triageResultSchema, type TriageResult } from '../domain/analysis';
import { DOMAIN_IDS, type DomainId } from '../domain/domains';
import type { CompanyProfile } from '../domain/profile';
import type { Question } from '../domain/questionnaire/types';
import { MAX_ACTIVATED, MIN_ACTIVATED, requiredDomains, triageLevel } from '../domain/triage';
import { collectEvidence, type EvidenceAnswer, type EvidenceDocument } from './evidence';
import { severityOf } from './severity';

/**
 * Triage with the evidence: the rule triage's weighted means dilute acute problems, so each applicable domain's
 * score becomes the larger of the rule score and the evidence score (1 + 4 × severity / 9, on the same 1–5 scale),
 * and the 3–5 activated domains are re-picked from it (industry-required ones first, then every domain at ≥ 4.0,
 * then the highest until there are three). Pure; the rule result's shape, confidence and source are kept.
 */
export function triageWithEvidence(
  rule: TriageResult,
  input: {
    profile: CompanyProfile | null;
    answers: readonly EvidenceAnswer[];
    documents?: readonly EvidenceDocument[];
    questions?: readonly Question[];
  },
): TriageResult {
  const round2 = (n: number) => Math.round(n * 100) / 100;
  const domains = rule.domains.map((d) => {
    if (d.score < 1) return d;
    const ev = collectEvidence({
      domain: d.domain,
      profile: input.profile,
      answers: input.answers,
      documents: input.documents ?? [],
      questions: input.questions,
    });
    if (ev.applicable.length === 0) return d;
    const sev = severityOf(ev);
    const evidenceScore = round2(1 + (4 * sev.score) / 9);
    if (evidenceScore <= d.score) return d;
    const why = sev.drivers.length ? ` Evidence: ${sev.drivers.join('; ')}.` : '';
    return {
      ...d,
      score: Math.min(5, evidenceScore),
      level: triageLevel(Math.min(5, evidenceScore)),
      reason: d.reason ? `${d.reason}${why}` : why.trim() || undefined,
    };
  });
  const order = domains
    .filter((d) => d.score >= 1)
    .sort((a, b) => b.score - a.score || DOMAIN_IDS.indexOf(a.domain) - DOMAIN_IDS.indexOf(b.domain));
  const required = requiredDomains(input.profile).filter((d) => order.some((o) => o.domain === d));
  const chosen: DomainId[] = [...required];
  for (const d of order)
    if (d.score >= 4 && chosen.length < MAX_ACTIVATED && !chosen.includes(d.domain)) chosen.push(d.domain);
  for (const d of order)
    if (chosen.length < MIN_ACTIVATED && !chosen.includes(d.domain)) chosen.push(d.domain);
  const activated = order.filter((d) => chosen.includes(d.domain)).map((d) => d.domain);
  // Reasons only on activated (and not-applicable) domains, as the rule result has them.
  const withReasons = domains.map((d) => {
    if (activated.includes(d.domain) || d.score < 1) {
      return d.reason ? d : { ...d, reason: `Score ${d.score.toFixed(2)} (${d.level}).` };
    }
    const { reason: _r, ...rest } = d;
    return rest;
  });
  return triageResultSchema.parse({ ...rule, activatedDomains: activated, domains: withReasons });
}
