import type { DomainId } from '../domain/domains';

/**
 * Which operational domains a fact bears on, from the words of its label (and, for statements, its
 * sentence): a per-domain vocabulary of the terms consultants and finance teams use. The document's
 * declared domain always comes first. Pure.
 */
const VOCABULARY: Record<DomainId, RegExp> = {
  'financial-management':
    /\b(cash|bank balance|runway|burn|gross margin|net margin|margins?|ebitda|profit|loss|p&l|budget|forecast|working capital|debtor days|creditor days|dso|dpo|receivables?|payables?|overdue invoices?|invoic\w*|close days|days to close|month[- ]end|year[- ]end|management accounts|balance sheet|funding|covenant|overdraft|opex|cost base|costs?|unit economics|vat|payroll cost)\b/i,
  'revenue-engine':
    /\b(revenue|sales|pipeline|win rate|conversion|cac|acquisition cost|leads?|mqls?|sqls?|quota|bookings|arr|mrr|deals?|close rate|sales cycle|acv|average deal|new customers?|clients?|customer concentration|largest client|top client)\b/i,
  'customer-success':
    /\b(churn\w*|retention|nrr|net revenue retention|grr|gross retention|expansion|upsell\w*|renewals?|onboarding|health scores?|cancellations?|logo churn|customer success)\b/i,
  'customer-experience':
    /\b(first response|response times?|resolution times?|csat|nps|net promoter|tickets?|support|complaints?|satisfaction|customer reviews?|online reviews?|feature requests?|roadmap|customer feedback|product[- ]market fit)\b/i,
  'supply-chain':
    /\b(otif|on[- ]time[- ]in[- ]full|on[- ]time delivery|suppliers?|stock\w*|inventory|lead times?|warehouse|logistics|shipping|shipments?|purchase orders?|defect rate|freight|procurement|sku)\b/i,
  'people-organization':
    /\b(attrition|headcount|hires?|hiring|time to hire|vacanc\w*|open roles|turnover|employees?|staff|engagement|enps|leavers|absence|sickness|training|managers?|span of control|recruit\w*|people|team size|fte)\b/i,
  'technology-data':
    /\b(uptime|downtime|outages?|deploy\w*|releases?|systems?|data quality|integrations?|crm|erp|security|backups?|tech debt|technical debt|bugs?|latency|servers?|cloud|software|it spend|reporting tool|bi)\b/i,
  'operational-excellence':
    /\b(process\w*|throughput|utili[sz]ation|capacity|cycle time|error rate|rework|backlog|sla|productivity|automat\w*|manual\w*|bottlenecks?|turnaround|quality|sops?|documented)\b/i,
  'risk-compliance':
    /\b(risks?|compliance|gdpr|regulat\w*|audit findings?|insurance|breach\w*|fca|iso ?\d*|certification|continuity|concentration|single point of failure|key person|disaster recovery|cyber)\b/i,
  'strategic-alignment':
    /\b(strategy|strategic|vision|okrs?|objectives|priorit\w*|three[- ]year plan|3[- ]year plan|goals?|mission|market share|board)\b/i,
  partnerships:
    /\b(partners?|partnerships?|channel|resellers?|alliances?|affiliates?|vendors?|agenc(y|ies)|referral)\b/i,
  'change-management':
    /\b(change programme|transformation|initiatives?|implementation|roll-?out|adoption|programme|milestones?|change management)\b/i,
};

const ORDER = Object.keys(VOCABULARY) as DomainId[];

/** Domains whose vocabulary appears in the text, in the vocabulary's order. */
export function vocabularyDomains(text: string): DomainId[] {
  return ORDER.filter((d) => VOCABULARY[d].test(text));
}

/**
 * The domains of a fact: the declared domain first, then up to `max - 1` more from the vocabulary
 * (matches in `primary` — the label — before matches in `secondary`, e.g. the sheet name).
 */
export function domainsFor(primary: string, declared: DomainId | null, secondary = '', max = 3): DomainId[] {
  const out: DomainId[] = declared ? [declared] : [];
  for (const d of [...vocabularyDomains(primary), ...vocabularyDomains(secondary)]) {
    if (!out.includes(d)) out.push(d);
  }
  return out.slice(0, max);
}

/** Labels about money: bare scaled numbers next to them are pounds ("ARR 2.4M"). */
export function isMoneyLabel(label: string): boolean {
  return /\b(cash|revenue|arr|mrr|burn|cost|costs|spend|profit|loss|ebitda|margin £|budget|salary|salaries|payroll|price|value|amount|sales|turnover|balance|funding|invoice\w*|debt|overdraft|cac|acv|income|expenses?|opex|capex|gbp|£)\b/i.test(
    label,
  );
}
