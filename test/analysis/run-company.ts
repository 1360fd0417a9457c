/** Runs a test company through the pure analysis path (triage, specialists, priorities, the three deliverables). */
import { analyseDomain } from '../../src/analysis/analyse';
import { triageWithEvidence } from '../../src/analysis/triage-evidence';
import { SPECIALIST_PERSONAS } from '../../src/agents/personas';
import { prioritise } from '../../src/domain/prioritisation';
import { triageRules } from '../../src/domain/triage';
import type { ValidationResponse } from '../../src/domain/validation';
import {
  composeDetailedReport,
  composeExecutiveSummary,
  composeImplementationKits,
} from '../../src/delivery';
import { implementationKitsEmail } from '../../src/delivery/emails';
import { kitPlanFor } from '../../src/delivery/documents';
import { documentText } from '../../src/delivery/test-helpers';
import type { DeliveryContext } from '../../src/delivery/types';
import type { TestCompany } from '../fixtures/companies';

const SUBMITTED = new Date('2026-11-02T09:00:00Z');
const h = (n: number) => new Date(SUBMITTED.getTime() + n * 3600_000);

export function runCompany(c: TestCompany, validation: ValidationResponse | null = null) {
  const triage = triageWithEvidence(triageRules({ profile: c.profile, answers: c.answers }), c);
  const analyses = triage.activatedDomains.map((domain) =>
    analyseDomain({
      domain,
      analyst: SPECIALIST_PERSONAS[domain].name,
      profile: c.profile,
      answers: c.answers,
      documents: c.documents,
    }),
  );
  const priorities = prioritise(analyses, { triage });
  const ctx: DeliveryContext = {
    assessmentId: '3f0e1c2a-0000-4000-8000-000000000001',
    companyName: c.profile.companyName,
    clientFirstName: 'Sam',
    profile: c.profile,
    submittedAt: SUBMITTED,
    dueTimes: { executiveSummary: h(24), detailedReport: h(48), implementationKits: h(72) },
    triage,
    analyses,
    priorities,
    reportPriorities: priorities,
    validation,
    validatedAt: validation ? h(60) : null,
    appUrl: 'https://app.scalemap.example',
  };
  if (validation) ctx.priorities = kitPlanFor(ctx).priorities.map((p) => p.item);
  return {
    triage,
    analyses,
    priorities,
    ctx,
    summary: documentText(composeExecutiveSummary(ctx)),
    report: documentText(composeDetailedReport(ctx)),
    kits: documentText(composeImplementationKits(ctx)),
    kitsEmail: implementationKitsEmail(ctx).text,
  };
}

/** Kit sentences, normalised, for sharing/changing comparisons. */
export function sentencesOfText(text: string): string[] {
  return text
    .split(/\n|(?<=[.!?])\s+|\s\|\s|•/)
    .map((s) => s.trim().replace(/\s+/g, ' ').toLowerCase())
    .filter((s) => s.length >= 25);
}

export function sharedShare(a: string, b: string): number {
  const sa = sentencesOfText(a);
  const sb = new Set(sentencesOfText(b));
  return sa.length ? sa.filter((s) => sb.has(s)).length / sa.length : 0;
}
