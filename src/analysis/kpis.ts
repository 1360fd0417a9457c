import type { DomainId } from '../domain/domains';
import type { DomainEvidence } from './evidence';
import { clip, quoteBody } from './text';

/**
 * KPIs per domain, each with where its baseline can come from: a document figure (label pattern) or the answer to
 * a question (the chosen option, quoted). A KPI with neither gets "measure in week one" in the kit.
 */
interface KpiDef {
  name: string;
  doc?: RegExp;
  question?: string;
}

export const DOMAIN_KPIS: Record<DomainId, KpiDef[]> = {
  'strategic-alignment': [
    { name: 'Share of teams with quarterly goals linked to the plan', question: 'sa-04' },
    { name: 'Share of spend traced to a stated priority', question: 'sa-03' },
  ],
  'financial-management': [
    { name: 'Months of cash runway', doc: /runway/i, question: 'fin-07' },
    { name: 'Cash forecast accuracy (13 weeks ahead)', doc: /forecast/i, question: 'fin-01' },
    { name: 'Gross margin', doc: /gross margin|margin/i, question: 'fin-02' },
    { name: 'Month-end close (working days)', doc: /close|month[- ]end/i, question: 'fin-05' },
    { name: 'Debtor days', doc: /debtor|dso/i, question: 'fin-03' },
  ],
  'revenue-engine': [
    { name: 'Forecast accuracy for the quarter', doc: /forecast/i, question: 'rev-01' },
    { name: 'Qualified pipeline against target', doc: /pipeline/i, question: 'rev-02' },
    { name: 'Win rate', doc: /win rate|conversion/i, question: 'rev-07' },
    { name: 'Share of revenue closed without the founder', question: 'rev-08' },
  ],
  'operational-excellence': [
    { name: 'Share of core processes documented with an owner', question: 'ops-01' },
    { name: 'Rework or error rate', doc: /rework|error|defect/i, question: 'ops-02' },
    { name: 'Billable utilisation', doc: /utili[sz]ation/i, question: 'ops-09' },
    { name: 'Cycle time of the main delivery process', doc: /cycle time|lead time/i, question: 'ops-03' },
  ],
  'people-organization': [
    { name: 'Regretted attrition over 12 months', doc: /attrition|turnover|leaver/i, question: 'ppl-03' },
    { name: 'Time to fill key roles', doc: /time to (?:hire|fill)|vacanc/i, question: 'ppl-01' },
    { name: 'Roles with a named successor or deputy', question: 'ppl-04' },
  ],
  'technology-data': [
    { name: 'Management reports produced without manual work', question: 'tech-04' },
    { name: 'Data-quality issues logged per month', question: 'tech-02' },
    { name: 'Uptime of customer-facing systems', doc: /uptime|availability|outage/i, question: 'tech-01' },
  ],
  'customer-experience': [
    { name: 'First-response time', doc: /first[- ]response|response time/i, question: 'cx-04' },
    { name: 'Customer satisfaction (CSAT or NPS)', doc: /csat|nps|satisfaction/i, question: 'cx-01' },
    { name: 'Complaints per 100 orders or accounts', doc: /complaint/i, question: 'cx-07' },
  ],
  'supply-chain': [
    { name: 'Supplier on-time-in-full', doc: /otif|on[- ]time/i, question: 'sc-01' },
    { name: 'Stock-outs per month', doc: /stock[- ]?out/i, question: 'sc-03' },
    { name: 'Return rate', doc: /return/i, question: 'sc-09' },
    { name: 'Days of inventory', doc: /inventory|stock (?:days|cover)/i, question: 'sc-03' },
  ],
  'risk-compliance': [
    {
      name: 'Revenue share of the largest client',
      doc: /largest|concentration|share of revenue/i,
      question: 'risk-07',
    },
    { name: 'High risks with a named owner', question: 'risk-01' },
    { name: 'Overdue compliance actions', question: 'risk-09' },
  ],
  partnerships: [
    { name: 'Revenue sourced through partners', doc: /partner/i, question: 'part-04' },
    { name: 'Active partners with a joint plan', question: 'part-01' },
  ],
  'customer-success': [
    { name: 'Gross revenue churn', doc: /churn/i, question: 'cs-03' },
    { name: 'Net revenue retention', doc: /net revenue retention|nrr|net retention/i, question: 'cs-04' },
    { name: 'Time to first value for new customers', doc: /onboarding|time to value/i, question: 'cs-01' },
  ],
  'change-management': [
    { name: 'Change milestones hit on time', question: 'chg-03' },
    { name: 'Initiatives in flight against agreed capacity', question: 'chg-02' },
  ],
};

export function kpisFor(
  domain: DomainId,
  ev: DomainEvidence,
): { name: string; baseline?: string; source?: string }[] {
  const out: { name: string; baseline?: string; source?: string }[] = [];
  for (const k of DOMAIN_KPIS[domain]) {
    const doc = k.doc ? ev.items.find((i) => i.kind === 'document' && k.doc!.test(i.quote)) : undefined;
    if (doc) {
      out.push({
        name: k.name,
        baseline: clip(quoteBody(doc.quote.split(': ').slice(1).join(': ') || doc.quote), 200),
        source: clip(doc.where, 200),
      });
      continue;
    }
    const ans = k.question ? ev.items.find((i) => i.kind === 'answer' && i.ref === k.question) : undefined;
    if (ans) {
      out.push({
        name: k.name,
        baseline: clip(quoteBody(ans.quote), 200),
        source: 'your questionnaire answer',
      });
      continue;
    }
    out.push({ name: k.name });
  }
  // KPIs with a baseline first.
  return out.sort((a, b) => Number(!!b.baseline) - Number(!!a.baseline)).slice(0, 4);
}
