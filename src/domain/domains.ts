/** The twelve operational domains (DOMAIN.md). The id is the stable key used everywhere. */
export const DOMAINS = [
  { id: 'strategic-alignment', name: 'Strategic Alignment & Vision' },
  { id: 'financial-management', name: 'Financial Management & Capital Efficiency' },
  { id: 'revenue-engine', name: 'Revenue Engine & Growth Systems' },
  { id: 'operational-excellence', name: 'Operational Excellence & Process Management' },
  { id: 'people-organization', name: 'People & Organizational Development' },
  { id: 'technology-data', name: 'Technology & Data Infrastructure' },
  { id: 'customer-experience', name: 'Customer Experience & Product Development' },
  { id: 'supply-chain', name: 'Supply Chain & Operations' },
  { id: 'risk-compliance', name: 'Risk Management & Compliance' },
  { id: 'partnerships', name: 'External Partnerships & Ecosystem' },
  { id: 'customer-success', name: 'Customer Success & Growth' },
  { id: 'change-management', name: 'Change Management & Implementation' },
] as const;

export type DomainId = (typeof DOMAINS)[number]['id'];
export const DOMAIN_IDS = DOMAINS.map((d) => d.id) as unknown as readonly [DomainId, ...DomainId[]];

export function domainName(id: DomainId): string {
  return DOMAINS.find((d) => d.id === id)!.name;
}

export function isDomainId(value: unknown): value is DomainId {
  return typeof value === 'string' && (DOMAIN_IDS as readonly string[]).includes(value);
}
