import type { DomainId } from '../domain/domains';
import type { CompanyProfile } from '../domain/profile';
import type { DomainEvidence } from './evidence';
import { annualPounds, pounds } from './text';

/**
 * A £ range for fixing a domain's problems, from the client's own figures first:
 *  1. a £ cost the client gave (follow-up, challenge or document), annualised: 40–80% recoverable in a year;
 *  2. a document figure outside its benchmark, priced against revenue (churn, retention, margin, utilisation,
 *     returns, debtor days);
 *  3. otherwise the revenue band's midpoint × the typical improvement for the domain, and what to measure first.
 * Every assumption is written out for the client.
 */

export interface Quantified {
  low: number | null;
  high: number | null;
  assumptions: string[];
  measureFirst?: string;
}

export const REVENUE_MIDPOINT: Record<CompanyProfile['revenueBand'], { mid: number; label: string }> = {
  'under-1m': { mid: 600_000, label: 'under £1 million' },
  '1m-5m': { mid: 3_000_000, label: '£1–5 million' },
  '5m-10m': { mid: 7_500_000, label: '£5–10 million' },
  '10m-25m': { mid: 17_500_000, label: '£10–25 million' },
  '25m-50m': { mid: 37_500_000, label: '£25–50 million' },
  'over-50m': { mid: 60_000_000, label: 'over £50 million' },
};

/** Typical gain from fixing the domain, as a share of revenue (low, high), and the first thing to measure. */
const LEVERS: Record<DomainId, { low: number; high: number; what: string; measure: string }> = {
  'strategic-alignment': {
    low: 0.005,
    high: 0.015,
    what: 'spend redirected from work outside the priorities',
    measure: 'the share of this year’s spend and people that goes to the three stated priorities',
  },
  'financial-management': {
    low: 0.005,
    high: 0.015,
    what: 'margin recovered and cash released',
    measure: 'gross margin by customer or product line for the last six months',
  },
  'revenue-engine': {
    low: 0.02,
    high: 0.05,
    what: 'revenue from better forecasting, pipeline and conversion',
    measure: 'the last four quarters’ forecast against actual revenue, and win rate by stage',
  },
  'operational-excellence': {
    low: 0.01,
    high: 0.03,
    what: 'cost of rework, delay and manual work removed',
    measure: 'hours of rework and manual effort per week in the main delivery process',
  },
  'people-organization': {
    low: 0.005,
    high: 0.015,
    what: 'cost of attrition, unfilled roles and overloaded key people',
    measure: 'regretted leavers in the last 12 months and the time to fill each key role',
  },
  'technology-data': {
    low: 0.005,
    high: 0.01,
    what: 'manual reporting and system failures avoided',
    measure: 'hours spent each month assembling reports by hand, and incidents per month',
  },
  'customer-experience': {
    low: 0.01,
    high: 0.02,
    what: 'revenue kept by answering customers faster and better',
    measure: 'first-response time and satisfaction by request type for the last 90 days',
  },
  'supply-chain': {
    low: 0.01,
    high: 0.03,
    what: 'lost sales and cost from late, short or excess stock',
    measure: 'on-time-in-full by supplier and stock-outs per month',
  },
  'risk-compliance': {
    low: 0.005,
    high: 0.02,
    what: 'exposure reduced (a loss avoided, not new revenue)',
    measure: 'revenue share of the largest clients and the cost of your top three risks if they happened',
  },
  partnerships: {
    low: 0.01,
    high: 0.03,
    what: 'revenue through partners and savings on vendors',
    measure: 'revenue sourced or influenced by each partner last year',
  },
  'customer-success': {
    low: 0.01,
    high: 0.03,
    what: 'revenue kept through lower churn and more expansion',
    measure: 'gross revenue churn and net revenue retention by quarter for the last year',
  },
  'change-management': {
    low: 0.005,
    high: 0.01,
    what: 'value of initiatives that finish instead of stalling',
    measure: 'initiatives in flight, their owners and how many hit their last milestone on time',
  },
};

const round = (n: number) => (n >= 100_000 ? Math.round(n / 10_000) * 10_000 : Math.round(n / 1000) * 1000);

export function quantify(ev: DomainEvidence, profile: CompanyProfile | null): Quantified {
  const band = profile ? REVENUE_MIDPOINT[profile.revenueBand] : null;
  const revenue = band?.mid ?? null;
  const lever = LEVERS[ev.domain];

  // 1. The client's own £ figures.
  const money = ev.items
    .filter((i) => i.concern)
    .flatMap((i) =>
      i.figures.filter((f) => f.unit === 'gbp').map((f) => ({ f, item: i, annual: annualPounds(f)! })),
    )
    .filter((x) => x.annual > 0 && (!revenue || x.annual <= revenue * 1.5))
    .sort((a, b) => b.annual - a.annual);
  if (money.length) {
    const { f, item, annual } = money[0];
    const source =
      item.kind === 'document'
        ? item.where
        : item.kind === 'profile'
          ? 'your company profile'
          : 'your follow-up answer';
    return {
      low: round(annual * 0.4),
      high: round(annual * 0.8),
      assumptions: [
        `You put a figure of ${f.raw}${f.per ? ` a ${f.per}` : ''} on this (${source}${item.kind === 'follow-up' ? `, asked “${item.where.replace(/[?.\s]+$/, '')}”` : ''}), about ${pounds(annual)} a year, of which we assume 40–80% can be recovered within twelve months.`,
      ],
    };
  }

  // 2. A document figure outside its benchmark, priced against revenue.
  const flag = ev.items.find((i) => i.benchmark && i.benchmark.status !== 'healthy');
  if (flag?.benchmark && revenue) {
    const b = flag.benchmark;
    const v = b.value;
    let gap: { low: number; high: number; how: string } | null = null;
    if (b.benchmark.id === 'gross-churn-monthly') {
      const excess = Math.max(0, v - 1.2) * 12;
      gap = {
        low: (revenue * excess * 0.4) / 100,
        high: (revenue * excess * 0.8) / 100,
        how: `churn of ${v.toFixed(1)}% a month against ${b.typical}: the excess over about 1.2% a month costs about ${excess.toFixed(0)}% of revenue a year; we assume 40–80% of that can be won back`,
      };
    } else if (b.benchmark.id === 'nrr') {
      const excess = Math.max(0, 105 - v);
      gap = {
        low: (revenue * excess * 0.3) / 100,
        high: (revenue * excess * 0.6) / 100,
        how: `net revenue retention of ${v.toFixed(0)}% against ${b.typical}: closing 30–60% of the gap to 105%`,
      };
    } else if (b.benchmark.id === 'gross-margin' || b.benchmark.id === 'utilisation') {
      const target = b.benchmark.warn.other;
      const excess = Math.max(1, target - v);
      gap = {
        low: (revenue * excess * 0.3) / 100,
        high: (revenue * excess * 0.6) / 100,
        how: `${b.benchmark.name} of ${v.toFixed(0)}% against ${b.typical}: recovering 30–60% of the gap to ${target}%`,
      };
    } else if (b.benchmark.id === 'return-rate') {
      const excess = Math.max(1, v - 12);
      gap = {
        low: (revenue * excess * 0.15) / 100,
        high: (revenue * excess * 0.3) / 100,
        how: `a return rate of ${v.toFixed(0)}% against ${b.typical}: each avoidable return costs about 15–30% of its sale value in handling and write-off`,
      };
    } else if (b.benchmark.id === 'debtor-days') {
      const excess = Math.max(0, v - 38);
      gap = {
        low: (revenue * excess * 0.5) / 365,
        high: (revenue * excess) / 365,
        how: `debtor days of ${v.toFixed(0)} against ${b.typical}: cash released (once, not every year) by collecting half to all of the excess`,
      };
    } else if (b.benchmark.id === 'client-concentration') {
      gap = {
        low: (revenue * v * 0.25) / 100,
        high: (revenue * v * 0.5) / 100,
        how: `${v.toFixed(0)}% of revenue from one client: this is the revenue at risk, not a gain; we count a quarter to a half of it as the exposure to reduce`,
      };
    }
    if (gap) {
      return {
        low: round(gap.low),
        high: round(gap.high),
        assumptions: [
          `From ${flag.where} (“${flag.quote}”): ${gap.how}.`,
          `Revenue taken as ${pounds(revenue)}, the midpoint of your band (${band!.label}).`,
        ],
      };
    }
  }

  // 3. The revenue band and the domain's typical lever, plus what to measure first.
  if (revenue) {
    return {
      low: round(revenue * lever.low),
      high: round(revenue * lever.high),
      assumptions: [
        `No figure in your answers or documents prices this directly, so we used your revenue band (${band!.label}, midpoint ${pounds(revenue)}) and a typical ${(lever.low * 100).toFixed(1).replace(/\.0$/, '')}–${(lever.high * 100).toFixed(1).replace(/\.0$/, '')}% of revenue in ${lever.what}.`,
      ],
      measureFirst: lever.measure,
    };
  }
  return { low: null, high: null, assumptions: [], measureFirst: lever.measure };
}

export function rangeText(q: { low: number | null; high: number | null }): string | null {
  if (q.low === null || q.high === null) return null;
  return `${pounds(q.low)}–${pounds(q.high).replace(/^£/, '£')} a year`;
}
