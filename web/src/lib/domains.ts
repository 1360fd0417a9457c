import { DOMAINS, type DomainId } from '../../../src/domain/domains';

/** The twelve domains (the canonical list in src/domain/domains.ts) with the topics DOMAIN.md gives for each. */
const TOPICS: Record<DomainId, string> = {
  'strategic-alignment':
    'Clarity of the 3-year vision, priorities behind resource decisions, goals that cascade to teams.',
  'financial-management': 'Cash-flow predictability, unit economics, working capital, budgeting and runway.',
  'revenue-engine': 'Revenue predictability, acquisition cost, pipeline and lead generation, sales process.',
  'operational-excellence': 'Documented processes, quality control, automation, scalability and bottlenecks.',
  'people-organization':
    'Hiring speed and quality, retention, leadership pipeline, culture and role clarity.',
  'technology-data': 'Scalability of the stack, data quality, integrations, reporting and security basics.',
  'customer-experience':
    'Satisfaction, product-market fit signals, feedback loops, support and roadmap discipline.',
  'supply-chain': 'Supplier reliability, inventory, logistics and quality assurance, for physical products.',
  'risk-compliance': 'Risk identification, business continuity, cyber risk, regulation and insurance.',
  partnerships: 'Partner portfolio, channel effectiveness, vendor management and strategic alliances.',
  'customer-success': 'Onboarding, health scoring, churn, expansion revenue and advocacy.',
  'change-management': 'Capacity for change, execution discipline, stakeholder buy-in and readiness.',
};

export const DOMAIN_LIST: { id: DomainId; name: string; topics: string }[] = DOMAINS.map((d) => ({
  id: d.id,
  name: d.name,
  topics: TOPICS[d.id],
}));

export function domainLabel(id: string | null | undefined): string {
  if (!id) return '';
  return DOMAINS.find((d) => d.id === id)?.name ?? id;
}
