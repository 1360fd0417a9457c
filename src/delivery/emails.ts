import { domainName } from '../domain/domains';
import { VALIDATION_WINDOW_HOURS } from '../domain/schedule';
import { phasePlan, overallHealth, priorityViews, validationDeadline, kitPlanFor } from './documents';
import {
  BAND_LABELS,
  assessmentUrl,
  capitalise,
  deliverableUrl,
  escapeHtml,
  formatDate,
  formatDateTime,
  formatMoney,
  numberWord,
  oneDecimal,
  safeHref,
  sentence,
  stripStop,
  validationUrl,
} from './format';
import type { DeliveryContext } from './types';

export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

/**
 * Emails are built from a small model so the HTML and plain-text versions always carry the same content.
 *
 * Decision: the validation request is part of the detailed-report email (DOMAIN.md: "Detailed report (email +
 * document, with a validation request)"), so there is no separate validation email; the link and the deadline
 * are in both the email and the report.
 */
type Part =
  | { kind: 'p'; text: string }
  | { kind: 'h'; text: string }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'kv'; items: { key: string; value: string }[] }
  | { kind: 'button'; label: string; href: string }
  | { kind: 'small'; text: string };

function oneLine(text: string, max = 200): string {
  const t = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const FONT = 'font-family:Helvetica,Arial,sans-serif;';

function partHtml(part: Part): string {
  const t = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');
  switch (part.kind) {
    case 'p':
      return `<p style="margin:0 0 16px;">${t(part.text)}</p>`;
    case 'small':
      return `<p style="margin:0 0 12px;font-size:13px;color:#4b5563;">${t(part.text)}</p>`;
    case 'h':
      return `<h2 style="margin:24px 0 10px;font-size:18px;color:#1f3a5f;">${t(part.text)}</h2>`;
    case 'list': {
      const tag = part.ordered ? 'ol' : 'ul';
      return `<${tag} style="margin:0 0 16px;padding-left:22px;">${part.items
        .map((i) => `<li style="margin:0 0 8px;">${t(i)}</li>`)
        .join('')}</${tag}>`;
    }
    case 'kv':
      return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;width:100%;">${part.items
        .map(
          (i) =>
            `<tr><td style="padding:6px 12px 6px 0;font-weight:bold;vertical-align:top;width:40%;">${t(i.key)}</td><td style="padding:6px 0;vertical-align:top;">${t(i.value)}</td></tr>`,
        )
        .join('')}</table>`;
    case 'button': {
      const href = safeHref(part.href);
      if (!href) return `<p style="margin:0 0 16px;">${t(part.label)}</p>`;
      return `<p style="margin:8px 0 20px;"><a href="${escapeHtml(href)}" style="display:inline-block;background:#1f3a5f;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:4px;font-weight:bold;">${t(part.label)}</a><br><span style="font-size:12px;color:#4b5563;word-break:break-all;">${t(href)}</span></p>`;
    }
  }
}

function partText(part: Part): string {
  switch (part.kind) {
    case 'p':
    case 'small':
      return part.text;
    case 'h':
      return `${part.text}\n${'-'.repeat(Math.min(part.text.length, 60))}`;
    case 'list':
      return part.items.map((i, n) => `${part.ordered ? `${n + 1}.` : '-'} ${i}`).join('\n');
    case 'kv':
      return part.items.map((i) => `${i.key}: ${i.value}`).join('\n');
    case 'button':
      return `${part.label}: ${part.href}`;
  }
}

function buildEmail(subject: string, parts: Part[]): EmailContent {
  const cleanSubject = oneLine(subject);
  const html = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(cleanSubject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-top:4px solid #1f3a5f;">
<tr><td style="padding:28px 32px;${FONT}font-size:16px;line-height:1.5;color:#111827;">
<p style="margin:0 0 20px;font-size:13px;font-weight:bold;letter-spacing:0.08em;color:#1f3a5f;">SCALEMAP</p>
${parts.map(partHtml).join('\n')}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
  const text = `${parts.map(partText).join('\n\n')}\n`;
  return { subject: cleanSubject, html, text };
}

const SIGN_OFF: Part = { kind: 'p', text: 'The ScaleMap team' };

function greeting(firstName: string): string {
  return firstName.trim() ? `Hi ${firstName.trim()},` : 'Hello,';
}

export interface DeliverySchedule {
  executiveSummary: Date;
  detailedReport: Date;
  implementationKits: Date;
}

function scheduleItems(due: DeliverySchedule): { key: string; value: string }[] {
  return [
    { key: 'Executive summary', value: `by ${formatDateTime(due.executiveSummary)}` },
    { key: 'Detailed report and validation request', value: `by ${formatDateTime(due.detailedReport)}` },
    { key: 'Implementation kits', value: `by ${formatDateTime(due.implementationKits)}` },
  ];
}

// ---------------------------------------------------------------------------------------------------------------

export interface SubmissionConfirmationInput {
  firstName: string;
  companyName: string;
  assessmentId: string;
  submittedAt: Date;
  dueTimes: DeliverySchedule;
  appUrl: string;
}

export function submissionConfirmationEmail(input: SubmissionConfirmationInput): EmailContent {
  const company = input.companyName.trim();
  return buildEmail(`We have received ${company ? `${company}'s` : 'your'} ScaleMap assessment`, [
    { kind: 'p', text: greeting(input.firstName) },
    {
      kind: 'p',
      text: `Thank you. We received the assessment${company ? ` for ${company}` : ''} on ${formatDateTime(input.submittedAt)}, and our analysts have started work. Here is when each part of your results will arrive:`,
    },
    { kind: 'kv', items: scheduleItems(input.dueTimes) },
    {
      kind: 'p',
      text: `With the detailed report we will ask you to confirm the priorities. You will have ${VALIDATION_WINDOW_HOURS} hours to reply, and your answers shape the implementation kits.`,
    },
    { kind: 'button', label: 'Follow progress', href: assessmentUrl(input.appUrl, input.assessmentId) },
    SIGN_OFF,
    { kind: 'small', text: `Your reference: ${assessmentReference(input.assessmentId)}` },
  ]);
}

/** A short reference a client can quote to support ("SM-3F1C2A4E"), instead of the internal id. */
export function assessmentReference(assessmentId: string): string {
  return `SM-${assessmentId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

export interface PaymentReceiptInput {
  firstName: string;
  companyName: string;
  assessmentId: string;
  /** Amount in minor units (pence for GBP). */
  amountMinor: number;
  /** ISO 4217 code, e.g. "GBP". */
  currency: string;
  paidAt: Date;
  /** The payment provider's reference (e.g. the payment intent or receipt number). */
  paymentReference: string;
  appUrl: string;
}

export function paymentReceiptEmail(input: PaymentReceiptInput): EmailContent {
  const amount = formatMoney(input.amountMinor, input.currency);
  const company = input.companyName.trim();
  const product = `ScaleMap operational assessment${company ? ` for ${company}` : ''}`;
  return buildEmail(`Payment receipt: ${product}`, [
    { kind: 'p', text: greeting(input.firstName) },
    { kind: 'p', text: `Thank you for your payment. Please keep this email for your records.` },
    {
      kind: 'kv',
      items: [
        { key: 'Amount paid', value: amount },
        { key: 'Paid on', value: formatDateTime(input.paidAt) },
        { key: 'For', value: product },
        { key: 'Payment reference', value: input.paymentReference },
        { key: 'Your reference', value: assessmentReference(input.assessmentId) },
      ],
    },
    {
      kind: 'p',
      text: 'Once you submit the assessment, you will receive the executive summary within 24 hours, the detailed report within 48 hours and the implementation kits within 72 hours.',
    },
    { kind: 'button', label: 'Go to your assessment', href: assessmentUrl(input.appUrl, input.assessmentId) },
    SIGN_OFF,
  ]);
}

// ---------------------------------------------------------------------------------------------------------------

function priorityDigest(ctx: DeliveryContext, max = 3): string[] {
  return priorityViews(ctx)
    .slice(0, max)
    .map(
      (v) =>
        `${v.rec.title} (${domainName(v.rec.domain)})${v.concern ? `: ${sentence(stripStop(v.concern.title))}` : '.'}`,
    );
}

export function executiveSummaryEmail(ctx: DeliveryContext): EmailContent {
  const health = overallHealth(ctx);
  const digest = priorityDigest(ctx);
  return buildEmail(`Your ScaleMap executive summary for ${ctx.companyName} is ready`, [
    { kind: 'p', text: greeting(ctx.clientFirstName) },
    {
      kind: 'p',
      text:
        `Your executive summary is ready. ` +
        (health.score === null
          ? ''
          : `${ctx.companyName}'s overall operational health is ${oneDecimal(health.score)}/10 (${BAND_LABELS[health.band!].toLowerCase()}).`),
    },
    ...(digest.length
      ? ([
          {
            kind: 'p',
            text: `The ${digest.length === 1 ? 'priority that' : `${numberWord(digest.length)} priorities that`} would unlock the most growth:`,
          },
          { kind: 'list', ordered: true, items: digest },
        ] as Part[])
      : []),
    {
      kind: 'button',
      label: 'Read the executive summary',
      href: deliverableUrl(ctx.appUrl, ctx.assessmentId, 'executive-summary'),
    },
    {
      kind: 'p',
      text: `Next: your detailed report, with the evidence and a phased plan for each priority, by ${formatDateTime(ctx.dueTimes.detailedReport)}.`,
    },
    SIGN_OFF,
  ]);
}

export function detailedReportEmail(ctx: DeliveryContext): EmailContent {
  const deadline = validationDeadline(ctx);
  const views = priorityViews(ctx);
  const link = validationUrl(ctx.appUrl, ctx.assessmentId);
  return buildEmail(`Your ScaleMap detailed report for ${ctx.companyName}: please confirm the priorities`, [
    { kind: 'p', text: greeting(ctx.clientFirstName) },
    {
      kind: 'p',
      text: `Your detailed report is ready: the operational-health heatmap of all twelve domains, the evidence behind each priority and a 30-day, 90-day and 6-month roadmap.`,
    },
    ...(views.length
      ? ([
          { kind: 'p', text: 'The priorities and where each one starts:' },
          {
            kind: 'list',
            ordered: true,
            items: views.map((v) => {
              const label = `${v.rec.title} (${domainName(v.rec.domain)})`;
              if (v.rec.horizon === 'quick-win') return `${label}: a quick win you can start this month.`;
              const first = v.analysis?.recommendations.find((r) => r.horizon === 'quick-win') ?? null;
              return first ? `${label}: start with “${first.title}”.` : `${label}.`;
            }),
          },
        ] as Part[])
      : []),
    {
      kind: 'button',
      label: 'Read the detailed report',
      href: deliverableUrl(ctx.appUrl, ctx.assessmentId, 'detailed-report'),
    },
    { kind: 'h', text: 'Please confirm the priorities' },
    {
      kind: 'p',
      text: `Before we build your implementation kits, tell us whether these priorities are right for ${ctx.companyName}, what resources you can commit and how fast you want to move. It takes about ten minutes.`,
    },
    { kind: 'button', label: 'Validate the priorities', href: link },
    {
      kind: 'p',
      text: `Please reply by ${formatDateTime(deadline)}. If we have not heard from you by then, we will build the implementation kits on the priorities in the report, at a standard pace. Your implementation kits follow straight after.`,
    },
    SIGN_OFF,
  ]);
}

export function implementationKitsEmail(ctx: DeliveryContext): EmailContent {
  const kit = kitPlanFor(ctx);
  const titles = ctx.validation
    ? kit.priorities.map((p) => `${p.rec.title} (${domainName(p.rec.domain)})`)
    : priorityViews(ctx).map((v) => `${v.rec.title} (${domainName(v.rec.domain)})`);
  const plan = phasePlan(ctx.validation?.timelinePreference ?? 'standard');
  const parts: Part[] = [
    { kind: 'p', text: greeting(ctx.clientFirstName) },
    {
      kind: 'p',
      text: `Your implementation kits are ready: for each priority, a playbook with dates, a communication kit, progress tracking with KPIs and a risk plan, plus a master roadmap.`,
    },
  ];
  if (ctx.validation) {
    parts.push({
      kind: 'p',
      text: `The plans run at a${ctx.validation.timelinePreference === 'aggressive' ? 'n' : ''} ${ctx.validation.timelinePreference} pace (foundation days 1–${plan.foundation.end}, implementation to day ${plan.implementation.end}, integration to day ${plan.integration.end}), starting ${formatDate(kit.startDate)}.`,
    });
    if (kit.changes.length) {
      parts.push({ kind: 'p', text: 'What changed because of your validation:' });
      parts.push({ kind: 'list', items: kit.changes });
    } else {
      parts.push({
        kind: 'p',
        text: 'You agreed with the priorities as they stood, so the kits follow the report.',
      });
    }
  } else {
    parts.push({
      kind: 'p',
      text: `We did not receive your validation in time, so the kits follow the priorities in the detailed report at a standard pace (foundation days 1–14, implementation to day 45, integration to day 90).`,
    });
  }
  if (titles.length) {
    parts.push({ kind: 'p', text: titles.length === 1 ? 'Your kit:' : 'Your kits, in order:' });
    parts.push({ kind: 'list', ordered: true, items: titles });
  }
  parts.push(
    {
      kind: 'button',
      label: 'Open the implementation kits',
      href: deliverableUrl(ctx.appUrl, ctx.assessmentId, 'implementation-kits'),
    },
    {
      kind: 'p',
      text: `Your first step: in the next ${plan.foundation.end} days, confirm each kit's owner and hold the leadership session described in it.`,
    },
    {
      kind: 'small',
      text: `Earlier deliverables: executive summary ${deliverableUrl(ctx.appUrl, ctx.assessmentId, 'executive-summary')} · detailed report ${deliverableUrl(ctx.appUrl, ctx.assessmentId, 'detailed-report')}`,
    },
    SIGN_OFF,
  );
  return buildEmail(`Your ScaleMap implementation kits for ${ctx.companyName} are ready`, parts);
}

// ---------------------------------------------------------------------------------------------------------------

export interface FounderAlertInput {
  subject: string;
  message: string;
  assessmentId?: string;
  /** Pipeline stage, e.g. "executive-summary" or "triage". */
  stage?: string;
  occurredAt?: Date;
  /** Optional link for the founder (e.g. the admin page of the assessment). */
  link?: string;
}

export function founderAlertEmail(input: FounderAlertInput): EmailContent {
  const facts: { key: string; value: string }[] = [];
  if (input.assessmentId) facts.push({ key: 'Assessment', value: input.assessmentId });
  if (input.stage) facts.push({ key: 'Stage', value: input.stage });
  if (input.occurredAt) facts.push({ key: 'Time', value: formatDateTime(input.occurredAt) });
  const suffix = [input.stage, input.assessmentId].filter(Boolean).join(', ');
  return buildEmail(
    `[ScaleMap alert] ${capitalise(oneLine(input.subject, 150))}${suffix ? ` (${suffix})` : ''}`,
    [
      { kind: 'kv', items: facts },
      { kind: 'p', text: input.message },
      ...(input.link ? ([{ kind: 'button', label: 'Open', href: input.link }] as Part[]) : []),
    ],
  );
}
