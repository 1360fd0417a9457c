import type { DocumentFact } from '../domain/document-facts';
import type { DomainId } from '../domain/domains';
import type { CompanyProfile } from '../domain/profile';

/**
 * A small table of operating benchmarks by business model, used to tell a red flag in a client's document from a
 * healthy figure. Thresholds are deliberately round: they flag "worth a conversation", not a verdict. Each entry
 * names its source in a comment; where sources disagree we took the more conservative reading.
 */

export type BusinessKind = 'saas' | 'd2c' | 'services' | 'marketplace' | 'other';

/** The company's business model as the bank and the benchmarks see it. */
export function businessKind(p: CompanyProfile | null): BusinessKind {
  if (!p) return 'other';
  if (p.businessModel === 'marketplace' || p.industry === 'marketplace') return 'marketplace';
  if (p.subscriptionModel || p.industry === 'saas') return 'saas';
  if (
    p.hasPhysicalProducts &&
    (p.businessModel === 'b2c' || p.businessModel === 'b2b2c' || p.industry === 'retail-ecommerce')
  )
    return 'd2c';
  if (p.industry === 'professional-services') return 'services';
  if (p.hasPhysicalProducts) return 'd2c';
  return 'other';
}

export type SizeBand = 'small' | 'mid' | 'large';
/** ≤ 50 people, 51–250, > 250. */
export function sizeBand(p: CompanyProfile | null): SizeBand {
  if (!p) return 'small';
  if (p.teamSize === '1-10' || p.teamSize === '11-50') return 'small';
  if (p.teamSize === '51-100' || p.teamSize === '101-250') return 'mid';
  return 'large';
}

export interface Benchmark {
  id: string;
  /** Client-facing name of the measure. */
  name: string;
  domain: DomainId;
  /** Matches a document fact's label. */
  label: RegExp;
  /** 'higher' = higher is better. */
  better: 'higher' | 'lower';
  unit: 'percent' | 'months' | 'days' | 'hours';
  /** Threshold beyond which the figure is a warning / critical, per business kind ('other' is the default). */
  warn: Partial<Record<BusinessKind, number>> & { other: number };
  critical: Partial<Record<BusinessKind, number>> & { other: number };
  /** What "good" looks like, in words, per kind. */
  typical: Partial<Record<BusinessKind, string>> & { other: string };
}

export const BENCHMARKS: readonly Benchmark[] = [
  {
    // Source: KeyBanc Capital Markets / Sapphire Ventures SaaS Survey 2023 — median annual gross dollar churn about
    // 13% (≈ 1.1% a month) for private B2B SaaS; Recurly churn benchmarks 2023 for consumer subscriptions ≈ 4–5%/month.
    id: 'gross-churn-monthly',
    name: 'monthly gross revenue churn',
    domain: 'customer-success',
    label: /churn/i,
    better: 'lower',
    unit: 'percent',
    warn: { saas: 1.5, d2c: 5, other: 2 },
    critical: { saas: 2.5, d2c: 8, other: 3.5 },
    typical: {
      saas: 'about 1% a month for B2B SaaS',
      d2c: 'about 4–5% a month for consumer subscriptions',
      other: 'below 2% a month',
    },
  },
  {
    // Source: KeyBanc / Sapphire SaaS Survey 2023 — median net revenue retention about 102%; top quartile ≥ 110%.
    id: 'nrr',
    name: 'net revenue retention',
    domain: 'customer-success',
    label: /net revenue retention|\bnrr\b|net retention/i,
    better: 'higher',
    unit: 'percent',
    warn: { saas: 100, other: 95 },
    critical: { saas: 90, other: 85 },
    typical: {
      saas: 'about 102% at the median, 110% or more in the top quartile',
      other: 'at or above 100%',
    },
  },
  {
    // Source: common venture guidance (e.g. Y Combinator "default alive"; most investors ask for 18–24 months after a
    // raise); UK lenders treat under six months as distress.
    id: 'runway',
    name: 'cash runway',
    domain: 'financial-management',
    label: /runway/i,
    better: 'higher',
    unit: 'months',
    warn: { other: 12 },
    critical: { other: 6 },
    typical: { other: '18 months or more' },
  },
  {
    // Source: APQC Open Standards Benchmarking, "perfect order" / OTIF — median around 90%, top performers ≥ 95%.
    id: 'otif',
    name: 'on-time-in-full delivery',
    domain: 'supply-chain',
    label: /\botif\b|on[- ]time[- ]in[- ]full|on[- ]time delivery/i,
    better: 'higher',
    unit: 'percent',
    warn: { other: 90 },
    critical: { other: 80 },
    typical: { other: '95% or better for good performers' },
  },
  {
    // Source: Zendesk CX Trends / Benchmark reports — B2B email first reply within a working day is the norm, leaders
    // within 4 hours; consumer brands within a few hours.
    id: 'first-response',
    name: 'first-response time',
    domain: 'customer-experience',
    label: /first[- ]response|first reply|response time/i,
    better: 'lower',
    unit: 'hours',
    warn: { d2c: 12, other: 8 },
    critical: { d2c: 24, other: 24 },
    typical: { d2c: 'a few hours for consumer brands', other: 'under 8 working hours, leaders under 4' },
  },
  {
    // Source: UK lender and acquirer due-diligence practice — one client above 20% of revenue is flagged, above 30%
    // usually priced in as a risk (British Business Bank guidance on customer concentration).
    id: 'client-concentration',
    name: 'revenue from the largest client',
    domain: 'risk-compliance',
    label: /largest (?:client|customer)|top (?:client|customer)|concentration|share of revenue/i,
    better: 'lower',
    unit: 'percent',
    warn: { other: 20 },
    critical: { other: 30 },
    typical: { other: 'no client above 15–20% of revenue' },
  },
  {
    // Source: APQC "cycle time to perform the monthly close" — median about 6 days, top performers 4 or fewer.
    id: 'close-days',
    name: 'month-end close',
    domain: 'financial-management',
    label: /close|month[- ]end/i,
    better: 'lower',
    unit: 'days',
    warn: { other: 10 },
    critical: { other: 15 },
    typical: { other: 'about 6 working days at the median, 4 for the best' },
  },
  {
    // Source: UK Payment Practices reporting (Department for Business and Trade) — average payment about 35–40 days
    // against 30-day terms.
    id: 'debtor-days',
    name: 'debtor days',
    domain: 'financial-management',
    label: /debtor days|\bdso\b|days sales outstanding/i,
    better: 'lower',
    unit: 'days',
    warn: { other: 45 },
    critical: { other: 60 },
    typical: { other: 'about 35–40 days on 30-day terms' },
  },
  {
    // Source: KeyBanc / Sapphire SaaS Survey 2023 (subscription gross margin ≈ 77%); Shopify / McKinsey D2C studies
    // (≈ 40–60%); SPI Research Professional Services Maturity Benchmark (services ≈ 35–45% project margin).
    id: 'gross-margin',
    name: 'gross margin',
    domain: 'financial-management',
    label: /gross margin|project margin|contribution margin/i,
    better: 'higher',
    unit: 'percent',
    warn: { saas: 70, d2c: 40, services: 35, other: 35 },
    critical: { saas: 60, d2c: 30, services: 25, other: 25 },
    typical: {
      saas: 'about 75–80% for SaaS',
      d2c: '40–60% for D2C brands',
      services: '35–45% for services firms',
      other: 'above 35%',
    },
  },
  {
    // Source: SPI Research Professional Services Maturity Benchmark 2023 — billable utilisation about 70%.
    id: 'utilisation',
    name: 'billable utilisation',
    domain: 'operational-excellence',
    label: /utili[sz]ation/i,
    better: 'higher',
    unit: 'percent',
    warn: { other: 65 },
    critical: { other: 55 },
    typical: { other: 'about 70% billable' },
  },
  {
    // Source: KeyBanc / Sapphire SaaS Survey 2023 — median CAC payback around 18–24 months for private SaaS.
    id: 'cac-payback',
    name: 'CAC payback',
    domain: 'revenue-engine',
    label: /payback/i,
    better: 'lower',
    unit: 'months',
    warn: { other: 18 },
    critical: { other: 30 },
    typical: { other: 'under 18 months' },
  },
  {
    // Source: CIPD Labour Market Outlook / XpertHR labour turnover rates — UK median voluntary turnover about 15–17%.
    id: 'attrition',
    name: 'staff attrition',
    domain: 'people-organization',
    label: /attrition|staff turnover|employee turnover|leavers/i,
    better: 'lower',
    unit: 'percent',
    warn: { other: 20 },
    critical: { other: 30 },
    typical: { other: 'about 15–17% a year in the UK' },
  },
  {
    // Source: IMRG / Royal Mail UK online returns studies — fashion about 25–30%, general online retail 8–15%.
    id: 'return-rate',
    name: 'return rate',
    domain: 'supply-chain',
    label: /return rate|returns %|returns rate/i,
    better: 'lower',
    unit: 'percent',
    warn: { other: 15 },
    critical: { other: 25 },
    typical: { other: '8–15% for general online retail' },
  },
  {
    // Source: forecast-accuracy practice in revenue operations (Gartner sales forecasting research): within ±10% is good.
    id: 'forecast-variance',
    name: 'forecast variance',
    domain: 'revenue-engine',
    label: /forecast (?:variance|error|accuracy)|variance to forecast/i,
    better: 'lower',
    unit: 'percent',
    warn: { other: 10 },
    critical: { other: 20 },
    typical: { other: 'within 10% of actuals' },
  },
];

export interface BenchmarkReading {
  benchmark: Benchmark;
  value: number;
  status: 'critical' | 'warning' | 'healthy';
  typical: string;
}

function unitOk(b: Benchmark, f: DocumentFact): boolean {
  if (!f.unit) return true;
  if (b.unit === 'percent') return f.unit === 'percent';
  if (b.unit === 'months') return f.unit === 'months';
  if (b.unit === 'days') return f.unit === 'days';
  if (b.unit === 'hours') return f.unit === 'other' || f.unit === 'count' || f.unit === 'days';
  return true;
}

/** Reads a document fact against the table: which benchmark it matches, and whether it is a red flag. */
export function readAgainstBenchmarks(fact: DocumentFact, kind: BusinessKind): BenchmarkReading | null {
  const label = `${fact.label} ${fact.location ?? ''}`;
  let value = fact.latest ?? fact.number;
  if (value === undefined || !Number.isFinite(value)) return null;
  for (const b of BENCHMARKS) {
    if (!b.label.test(label) || !unitOk(b, fact)) continue;
    let v = value;
    // Churn: an annual figure is turned into a monthly one; a "%" churn above 40 is surely annual.
    if (b.id === 'gross-churn-monthly' && (/annual|year|12[- ]month/i.test(label) || v > 40)) v = v / 12;
    if (b.id === 'first-response' && fact.unit === 'days') v = v * 24;
    if (b.id === 'first-response' && /min/i.test(`${fact.label} ${fact.value}`)) v = v / 60;
    const warn = b.warn[kind] ?? b.warn.other;
    const crit = b.critical[kind] ?? b.critical.other;
    const worse = (x: number, t: number) => (b.better === 'lower' ? x > t : x < t);
    const status = worse(v, crit) ? 'critical' : worse(v, warn) ? 'warning' : 'healthy';
    value = v;
    return { benchmark: b, value, status, typical: b.typical[kind] ?? b.typical.other };
  }
  return null;
}
