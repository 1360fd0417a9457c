import type { DomainId } from '../domain/domains';
import type { HealthBand, Recommendation } from '../domain/analysis';
import type { DeliverableStage } from './types';

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** XML escaping for SVG text and attributes (same rules as HTML, plus no control characters). */
export function escapeXml(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  return escapeHtml(String(value ?? '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''));
}

/** Only http(s) and mailto links are ever rendered as links. */
export function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  return /^(https?:\/\/|mailto:)/i.test(trimmed) ? trimmed : null;
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function assessmentUrl(appUrl: string, assessmentId: string): string {
  return `${trimSlash(appUrl)}/assessments/${encodeURIComponent(assessmentId)}`;
}

export function deliverableUrl(appUrl: string, assessmentId: string, stage: DeliverableStage): string {
  return `${assessmentUrl(appUrl, assessmentId)}/deliverables/${stage}`;
}

export function validationUrl(appUrl: string, assessmentId: string): string {
  return `${assessmentUrl(appUrl, assessmentId)}/validate`;
}

/** Default time zone for dates shown to clients (UK company founders). */
export const DISPLAY_TIME_ZONE = 'Europe/London';

/** Intl formatters are costly to build (a kit composition formats dozens of dates): one per zone and kind. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'dateTime' | 'date', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      'en-GB',
      kind === 'dateTime'
        ? {
            timeZone,
            weekday: 'long',
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
            timeZoneName: 'short',
          }
        : { timeZone, day: 'numeric', month: 'long', year: 'numeric' },
    );
    formatters.set(key, f);
  }
  return f;
}

/** "Tuesday 3 June 2025, 14:30 BST" (UK style, explicit zone). */
export function formatDateTime(date: Date, timeZone: string = DISPLAY_TIME_ZONE): string {
  const parts = formatter('dateTime', timeZone).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}

/** "3 June 2025". */
export function formatDate(date: Date, timeZone: string = DISPLAY_TIME_ZONE): string {
  return formatter('date', timeZone).format(date);
}

export function formatMoney(amountMinor: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase() }).format(
    amountMinor / 100,
  );
}

export const HOURS = 60 * 60 * 1000;

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * HOURS);
}

/** "a, b and c". */
export function listAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function capitalise(text: string): string {
  return text.length ? text[0].toUpperCase() + text.slice(1) : text;
}

/** Lower-cases the first letter unless the first word looks like an acronym or a name with capitals inside. */
export function lowerFirst(text: string): string {
  const firstWord = text.split(/\s/)[0] ?? '';
  if (firstWord.length > 1 && /[A-Z]/.test(firstWord.slice(1))) return text;
  return text.length ? text[0].toLowerCase() + text.slice(1) : text;
}

/** Removes one trailing full stop so a sentence can be embedded in another. */
export function stripStop(text: string): string {
  return text.trim().replace(/[.]+$/, '');
}

export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

export const BAND_LABELS: Record<HealthBand, string> = {
  excellent: 'Excellent',
  good: 'Good',
  warning: 'Warning',
  critical: 'Critical',
};

export const NOT_ASSESSED_LABEL = 'Not assessed';

export const SHORT_DOMAIN_NAMES: Record<DomainId, string> = {
  'strategic-alignment': 'Strategy & Vision',
  'financial-management': 'Finance',
  'revenue-engine': 'Revenue Engine',
  'operational-excellence': 'Operations & Process',
  'people-organization': 'People & Organisation',
  'technology-data': 'Technology & Data',
  'customer-experience': 'Customer Experience',
  'supply-chain': 'Supply Chain',
  'risk-compliance': 'Risk & Compliance',
  partnerships: 'Partnerships',
  'customer-success': 'Customer Success',
  'change-management': 'Change Management',
};

export const HORIZON_LABELS: Record<Recommendation['horizon'], string> = {
  'quick-win': '0–30 days (quick wins)',
  '30-90-days': '30–90 days',
  strategic: '90+ days (strategic)',
};

export const HORIZON_ORDER: Recommendation['horizon'][] = ['quick-win', '30-90-days', 'strategic'];

export const INDUSTRY_LABELS: Record<string, string> = {
  technology: 'technology',
  saas: 'software as a service (SaaS)',
  'financial-services': 'financial services',
  healthcare: 'healthcare',
  energy: 'energy',
  manufacturing: 'manufacturing',
  'retail-ecommerce': 'retail and e-commerce',
  'professional-services': 'professional services',
  marketplace: 'marketplace / platform',
  media: 'media',
  logistics: 'logistics',
  other: 'other',
};

export const REVENUE_LABELS: Record<string, string> = {
  'under-1m': 'under £1M',
  '1m-5m': '£1M–£5M',
  '5m-10m': '£5M–£10M',
  '10m-25m': '£10M–£25M',
  '25m-50m': '£25M–£50M',
  'over-50m': 'over £50M',
};

export const STAGE_LABELS: Record<string, string> = {
  early: 'early stage',
  scaling: 'scaling',
  'rapid-growth': 'rapid growth',
  mature: 'mature',
};

export const MODEL_LABELS: Record<string, string> = {
  b2b: 'B2B',
  b2c: 'B2C',
  b2b2c: 'B2B2C',
  marketplace: 'marketplace',
};

export const TEAM_LABELS: Record<string, string> = {
  '1-10': '1–10 people',
  '11-50': '11–50 people',
  '51-100': '51–100 people',
  '101-250': '101–250 people',
  '251-500': '251–500 people',
  'over-500': 'over 500 people',
};

export const AGREEMENT_LABELS: Record<number, string> = {
  1: 'strongly disagree',
  2: 'disagree',
  3: 'neutral',
  4: 'agree',
  5: 'strongly agree',
};

export const RESOURCE_LABELS: Record<string, string> = {
  high: 'high',
  medium: 'medium',
  low: 'low',
  'very-low': 'very low',
};

const NUMBER_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** Small whole numbers as words (UK style for counts in running text): 3 -> "three". */
export function numberWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : String(n);
}

/** Rounds to one decimal place and drops a trailing ".0". */
export function oneDecimal(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}
