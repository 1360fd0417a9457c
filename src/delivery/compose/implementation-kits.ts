import { domainName, type DomainId } from '../../domain/domains';
import { analystLabel, type HealthBand, type Recommendation } from '../../domain/analysis';
import type { ValidationResponse } from '../../domain/validation';
import type { FreezeWindow } from '../../analysis/constraints';
import { violates } from '../../analysis/constraints';
import type { KitPlan, KitPriority } from '../../analysis/reshape';
import { sizeBand } from '../../analysis/benchmarks';
import {
  AGREEMENT_LABELS,
  RESOURCE_LABELS,
  SHORT_DOMAIN_NAMES,
  capitalise,
  formatDate,
  listAnd,
  lowerFirst,
  sentence,
  stripStop,
} from '../format';
import { heatmapCells } from '../heatmap';
import type { Block, DeliverableDocument, DeliveryContext, KeyValueItem, Section } from '../types';
import { bySeverity, confidenceText, evidenceText, kitPlanFor, valueText } from './shared';

// ---------------------------------------------------------------------------------------------------------------
// Implementation kits (72 h): the report's priorities reshaped by the validation (src/analysis/reshape.ts), each
// kit built from the company's own evidence, owners, KPIs with baselines and targets, and calendar dates.
// ---------------------------------------------------------------------------------------------------------------

export type TimelinePreference = ValidationResponse['timelinePreference'];

/**
 * Phase lengths scale with the client's timeline preference: aggressive compresses the standard 14 / 45 / 90-day
 * plan to three quarters, conservative stretches it by half; flexible keeps the standard lengths but marks the
 * phase gates as movable.
 */
export const TIMELINE_FACTORS: Record<TimelinePreference, number> = {
  aggressive: 0.75,
  standard: 1,
  conservative: 1.5,
  flexible: 1,
};

export interface PhasePlan {
  foundation: { start: number; end: number };
  implementation: { start: number; end: number };
  integration: { start: number; end: number };
}

export function phasePlan(preference: TimelinePreference = 'standard'): PhasePlan {
  const f = TIMELINE_FACTORS[preference];
  const e1 = Math.max(7, Math.round(14 * f));
  const e2 = Math.max(e1 + 14, Math.round(45 * f));
  const e3 = Math.max(e2 + 21, Math.round(90 * f));
  return {
    foundation: { start: 1, end: e1 },
    implementation: { start: e1 + 1, end: e2 },
    integration: { start: e2 + 1, end: e3 },
  };
}

/** Start offsets (days before a priority starts) from the capacity for change: high = all at once. */
export function priorityStartOffsets(count: number, plan: PhasePlan, capacity: string | undefined): number[] {
  const step =
    capacity === 'high'
      ? 0
      : capacity === 'low' || capacity === 'very-low'
        ? plan.implementation.end
        : plan.foundation.end;
  return Array.from({ length: count }, (_, i) => i * step);
}

/** Calendar: day 1 is the plan's start date; a date inside a freeze window moves to the day after it. */
class Calendar {
  constructor(
    private readonly start: Date,
    private readonly freezes: FreezeWindow[],
  ) {}
  raw(day: number): Date {
    return new Date(this.start.getTime() + (day - 1) * 86400000);
  }
  /** Date text for a day; `golive` dates avoid the client's freeze windows. */
  on(day: number, golive = false): string {
    let d = this.raw(day);
    let moved = false;
    if (golive) {
      for (const f of this.freezes) {
        if (d >= f.from && d <= f.to) {
          d = new Date(f.to.getTime() + 86400000);
          moved = true;
        }
      }
    }
    return `${formatDate(d)}${moved ? ' (moved after your freeze)' : ''}`;
  }
  range(r: { start: number; end: number }, offset: number): string {
    const a = this.raw(r.start + offset);
    const b = this.raw(r.end + offset);
    const short = (d: Date, year: boolean) =>
      d.toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        ...(year ? { year: 'numeric' } : {}),
        timeZone: 'UTC',
      });
    return a.getUTCFullYear() === b.getUTCFullYear()
      ? `${short(a, false)}–${short(b, true)}`
      : `${short(a, true)}–${short(b, true)}`;
  }
}

/** Who owns the change when the client has not named anyone: a role that fits the company's size. */
const OWNER_ROLES: Record<DomainId, [small: string, larger: string]> = {
  'strategic-alignment': ['the founder', 'the chief executive'],
  'financial-management': ['whoever runs the finances today', 'the finance director'],
  'revenue-engine': [
    'the founder, handing over to a named colleague by the end of the plan',
    'the sales lead',
  ],
  'operational-excellence': ['the person who runs delivery day to day', 'the operations director'],
  'people-organization': ['the founder with the most senior manager', 'the people lead'],
  'technology-data': ['the most senior technical person', 'the technology lead'],
  'customer-experience': ['the person closest to customers', 'the head of customer experience'],
  'supply-chain': ['whoever manages suppliers and stock', 'the supply-chain lead'],
  'risk-compliance': ['the founder with your accountant or adviser', 'the finance director as risk owner'],
  partnerships: ['the founder', 'the partnerships lead'],
  'customer-success': ['the account manager for your largest clients', 'the head of customer success'],
  'change-management': ['the founder', 'the chief operating officer'],
};

function ownerOf(ctx: DeliveryContext, p: KitPriority): { name: string; named: boolean } {
  if (p.owner) return { name: p.owner, named: true };
  const [small, larger] = OWNER_ROLES[p.rec.domain];
  return { name: sizeBand(ctx.profile) === 'small' ? small : larger, named: false };
}

type Level = 'Low' | 'Medium' | 'High';
function likelihoodFromResources(r: string | undefined): Level {
  if (r === 'high') return 'Low';
  if (r === 'low' || r === 'very-low') return 'High';
  return 'Medium';
}
function likelihoodFromBand(band: HealthBand | null): Level {
  if (band === 'critical') return 'High';
  if (band === 'warning') return 'Medium';
  return 'Low';
}

const bullets = (items: string[]) => items.map((s) => `• ${s}`).join('\n');

function kitSections(
  ctx: DeliveryContext,
  plan: KitPlan,
  p: KitPriority,
  rank: number,
  phases: PhasePlan,
  offset: number,
  cal: Calendar,
): Section[] {
  const preference = ctx.validation?.timelinePreference ?? 'standard';
  const a = p.analysis;
  const rec = p.rec;
  const owner = ownerOf(ctx, p);
  const ownerName = owner.named ? owner.name : capitalise(owner.name);
  const allowed = (r: Recommendation) => r.id !== rec.id && !violates(r, plan.constraints);
  const byH = (h: Recommendation['horizon']) =>
    (a?.recommendations ?? []).filter((r) => r.horizon === h && allowed(r));
  const quickWins = byH('quick-win').slice(0, 2);
  const midTerm = byH('30-90-days').slice(0, 2);
  const strategic = byH('strategic').slice(0, 1);
  const findings = a ? [...a.findings].filter((f) => f.severity !== 'low').sort(bySeverity) : [];
  const headline = findings[0] ?? null;
  const headlineEvidence = headline?.evidence[0] ? evidenceText(headline.evidence[0]) : null;
  const withBaseline = p.kpis.filter((k) => k.baseline);
  const toMeasure = p.kpis.filter((k) => !k.baseline);
  const d = (day: number, golive = false) => cal.on(day + offset, golive);
  const f = phases.foundation;
  const im = phases.implementation;
  const ig = phases.integration;

  // Intro.
  const intro: KeyValueItem[] = [
    { key: 'Area', value: domainName(rec.domain) },
    { key: 'The change', value: sentence(rec.action) },
  ];
  if (headline)
    intro.push({
      key: 'Why',
      value: `${sentence(headline.title)}${headlineEvidence ? ` ${headlineEvidence}.` : ''}`,
    });
  const value = valueText(a);
  if (value) intro.push({ key: 'What it is worth', value });
  intro.push({
    key: 'Owner',
    value: owner.named
      ? `${owner.name} (named in your validation)`
      : `${capitalise(owner.name)} (suggested: name the owner in the first week)`,
  });
  if (a)
    intro.push({ key: 'Analysis by', value: `${analystLabel(a.analyst)}; confidence ${confidenceText(a)}` });
  intro.push({
    key: 'Dates',
    value: `“${rec.title}” runs ${cal.range({ start: f.start, end: ig.end }, offset)} (${preference} pace)`,
  });
  if (p.validation) {
    intro.push({
      key: 'Your validation',
      value: `${capitalise(AGREEMENT_LABELS[p.validation.agreement])} (${p.validation.agreement}/5) with “${rec.title}”; resources available: ${RESOURCE_LABELS[p.validation.resources]}`,
    });
    if (p.validation.reason) intro.push({ key: 'Your reason', value: p.validation.reason });
    if (p.validation.context) intro.push({ key: 'Your context', value: p.validation.context });
  }
  const introBlocks: Block[] = [{ kind: 'keyValue', items: intro }];
  for (const note of p.notes) introBlocks.push({ kind: 'paragraph', text: note });

  // Playbook, with dates.
  const foundation = [
    `${ownerName} takes ownership of “${rec.title}” on ${d(f.start)}.`,
    withBaseline.length
      ? `Confirm the baselines: ${listAnd(withBaseline.map((k) => `${lowerFirst(k.name)} (now “${stripStop(k.baseline!)}”, from ${k.baselineSource ?? 'your answers'})`))}.`
      : null,
    toMeasure.length
      ? `Measure for the first time, by ${d(Math.min(7, f.end))}: ${listAnd(toMeasure.map((k) => lowerFirst(k.name)))}.`
      : null,
    ...(rec.horizon === 'quick-win' ? [sentence(rec.action)] : []),
    ...quickWins.map((r) => `${sentence(r.title)} ${sentence(r.action)}`),
    `${ownerName} runs the leadership session on ${d(Math.min(3, f.end))}, then tells the team at ${ctx.companyName}.`,
  ].filter((x): x is string => !!x);
  const implementation = [
    ...(rec.horizon === '30-90-days' ? [sentence(rec.action)] : []),
    ...(rec.horizon === 'strategic'
      ? [`Pilot with one team first: ${lowerFirst(sentence(rec.action))}`]
      : []),
    ...midTerm.map((r) => `${sentence(r.title)} ${sentence(r.action)}`),
    rec.horizon === 'quick-win' && midTerm.length === 0
      ? `Extend “${rec.title}” to everyone it affects, fixing what the first ${f.end} days showed.`
      : null,
    `${ownerName} sends the weekly report every Friday; first one on ${d(7)}.`,
  ].filter((x): x is string => !!x);
  const integration = [
    ...(rec.horizon === 'strategic'
      ? [`Roll “${rec.title}” out across ${ctx.companyName} from what the pilot showed.`]
      : []),
    ...strategic.map((r) => `${sentence(r.title)} ${sentence(r.action)}`),
    `On ${d(ig.end, true)}: compare ${listAnd(p.kpis.slice(0, 2).map((k) => lowerFirst(k.name)))} with ${withBaseline.length ? 'the baselines' : 'the first measurements'}${p.kpis.some((k) => k.target) ? ' and your targets' : ''}, and decide what to scale or stop.`,
  ];
  const playbookBlocks: Block[] = [];
  if (preference === 'flexible') {
    playbookBlocks.push({
      kind: 'paragraph',
      text: 'You asked for a flexible pace: each phase end below is a decision point you can move.',
    });
  } else if (preference !== 'standard') {
    playbookBlocks.push({
      kind: 'paragraph',
      text: `You asked for a${preference === 'aggressive' ? 'n' : ''} ${preference} pace: ${f.end} / ${im.end} / ${ig.end} days instead of the standard 14 / 45 / 90.`,
    });
  }
  playbookBlocks.push({
    kind: 'table',
    headers: ['Phase', 'When', 'Actions'],
    rows: [
      ['Foundation', cal.range(f, offset), bullets(foundation)],
      ['Implementation', cal.range(im, offset), bullets(implementation)],
      ['Integration', cal.range(ig, offset), bullets(integration)],
    ],
  });

  // Communication kit: built from this priority's findings, value and KPIs.
  const agenda = [
    `What we found: ${findings.length ? listAnd(findings.slice(0, 2).map((x) => lowerFirst(stripStop(x.title)))) : lowerFirst(stripStop(rec.title))}.`,
    value ? `What it is worth: ${lowerFirst(stripStop(value.split('. ')[0]))}.` : null,
    `The change and its owner: ${lowerFirst(stripStop(rec.title))}, led by ${owner.name}, ${cal.range({ start: f.start, end: ig.end }, offset)}.`,
    p.kpis.length
      ? `How we will know: ${listAnd(p.kpis.slice(0, 3).map((k) => `${lowerFirst(k.name)}${k.target ? ` (target: “${stripStop(k.target)}”)` : ''}`))}.`
      : null,
    a?.dependencies.length
      ? `What it depends on: ${listAnd(a.dependencies.map((x) => domainName(x.domain)))}.`
      : null,
  ].filter((x): x is string => !!x);
  const announcement = [
    `Subject: ${rec.title}`,
    `We have looked hard at how ${ctx.companyName} runs. ${headline ? `One finding stood out: ${lowerFirst(stripStop(headline.title))}.` : ''}`.trim(),
    `From ${d(f.start)}, ${owner.named ? owner.name : lowerFirst(owner.name)} will lead the change: ${lowerFirst(stripStop(rec.title))}. The first step: ${lowerFirst(stripStop(quickWins[0]?.title ?? rec.title))}.`,
    p.kpis[0]
      ? `Each week we will report on one measure: ${lowerFirst(stripStop(p.kpis[0].name))}.`
      : 'We will report progress every week.',
    // The sign-off on a line of its own, as a note ends.
    ctx.clientFirstName,
  ].filter(Boolean);
  const comms: Section = {
    heading: 'Communication kit',
    level: 2,
    blocks: [
      {
        kind: 'paragraph',
        text: `Agenda for the leadership session on “${rec.title}” (${d(Math.min(3, f.end))}):`,
      },
      { kind: 'bullets', ordered: true, items: agenda },
      { kind: 'paragraph', text: `Draft note to the ${ctx.companyName} team:` },
      ...announcement.map((text) => ({ kind: 'paragraph' as const, text })),
    ],
  };

  // Progress tracking: KPIs with baselines and targets, milestones with dates.
  const milestones: string[][] = [
    [`${ownerName}: baselines and team note`, d(Math.min(7, f.end)), `First weekly report on “${rec.title}”`],
    ...quickWins.map((r) => [r.title, d(f.end), 'Done and visible']),
    rec.horizon === 'strategic'
      ? [`${rec.title}: pilot`, d(im.end, true), 'Pilot results']
      : [rec.title, d(rec.horizon === 'quick-win' ? f.end : im.end, true), `Live across ${ctx.companyName}`],
    ...midTerm.map((r) => [r.title, d(im.end, true), 'In use']),
    ...strategic.map((r) => [r.title, d(ig.end, true), 'Funded plan']),
    ['KPI review', d(ig.end, true), 'Decision recorded'],
  ];
  const tracking: Section = {
    heading: 'Progress tracking',
    level: 2,
    blocks: [
      {
        kind: 'table',
        caption: 'KPIs',
        headers: ['KPI', 'Baseline', 'Target'],
        rows: p.kpis.map((k) => [
          k.name,
          k.baseline
            ? `${k.baseline} (${k.baselineSource ?? 'your answers'})`
            : `Measure by ${d(Math.min(7, f.end))}`,
          k.target ??
            `${owner.named ? owner.name : 'The owner'} sets it once ${lowerFirst(k.name)} is measured`,
        ]),
      },
      { kind: 'table', caption: 'Milestones', headers: ['Milestone', 'Due', 'Evidence'], rows: milestones },
      {
        kind: 'keyValue',
        items: [
          {
            key: 'Weekly report',
            value: `Every Friday ${owner.named ? owner.name : lowerFirst(owner.name)} reports on “${rec.title}”: ${p.kpis.map((k) => lowerFirst(k.name)).join('; ') || 'the agreed measures'}, milestones done, risks and decisions needed.`,
          },
        ],
      },
    ],
  };

  // Risks, from this company's situation.
  const cells = heatmapCells(ctx);
  const resources = p.validation?.resources;
  const capacity = ctx.validation?.capacityForChange;
  const rows: string[][] = [];
  if (resources) {
    rows.push([
      `Resources for “${rec.title}” (you said ${RESOURCE_LABELS[resources]})`,
      likelihoodFromResources(resources),
      capitalise(rec.impact),
      resources === 'low' || resources === 'very-low'
        ? `Keep only “${quickWins[0]?.title ?? rec.title}” in the first ${f.end} days and protect ${owner.name}'s time for it.`
        : `Agree ${owner.name}'s time in writing by ${d(f.end)}.`,
    ]);
  }
  if (capacity) {
    rows.push([
      `Capacity for change alongside “${rec.title}” (you said ${RESOURCE_LABELS[capacity]})`,
      likelihoodFromResources(capacity),
      'Medium',
      capacity === 'low' || capacity === 'very-low'
        ? 'The priorities run one after another (see the master roadmap).'
        : `${ownerName} reviews this load at the monthly check-in.`,
    ]);
  }
  for (const dep of a?.dependencies ?? []) {
    const cell = cells.find((c) => c.domain === dep.domain);
    if (!cell || cell.score === null || cell.score >= 6) continue;
    rows.push([
      `${domainName(dep.domain)} is at ${cell.score}/10: ${lowerFirst(stripStop(dep.reason))}`,
      likelihoodFromBand(cell.band),
      rec.effort === 'high' ? 'High' : 'Medium',
      `Agree with the ${SHORT_DOMAIN_NAMES[dep.domain]} lead what they deliver by ${d(f.end)}.`,
    ]);
  }
  for (const fz of plan.constraints.freezes) {
    rows.push([
      `Your freeze: “${stripStop(fz.text)}”`,
      'High',
      'Medium',
      `“${rec.title}” has no go-live between ${formatDate(fz.from)} and ${formatDate(fz.to)}; its dates inside the freeze move after it.`,
    ]);
  }
  if (a && a.confidence < 8) {
    rows.push([
      `Evidence is partial (confidence ${a.confidence}/10)`,
      'Medium',
      'Medium',
      `Confirm ${listAnd((toMeasure.length ? toMeasure : p.kpis).slice(0, 2).map((k) => lowerFirst(k.name)))} by ${d(Math.min(7, f.end))} before spending more.`,
    ]);
  }
  if (p.validation && p.validation.agreement === 3) {
    rows.push([
      'You were unsure about this priority',
      'Medium',
      'Medium',
      `Stop at ${d(f.end)} if the baselines do not confirm the problem.`,
    ]);
  }
  if (rows.length === 0) {
    rows.push([
      `Effort on “${rec.title}” is ${rec.effort}`,
      rec.effort === 'high' ? 'High' : 'Low',
      capitalise(rec.impact),
      `${ownerName} re-plans at the first missed milestone.`,
    ]);
  }
  const risks: Section = {
    heading: 'Risks',
    level: 2,
    blocks: [
      { kind: 'table', headers: ['Risk', 'Likelihood', 'Impact', 'Mitigation'], rows },
      {
        kind: 'paragraph',
        text: `Escalation: ${owner.named ? owner.name : capitalise(owner.name)} resolves issues within the week; a milestone a week late goes to the leadership team, who decide within 48 hours.`,
      },
    ],
  };

  return [
    { heading: `Kit ${rank}: ${rec.title}`, blocks: introBlocks },
    { heading: 'Playbook', level: 2, blocks: playbookBlocks },
    comms,
    tracking,
    risks,
  ];
}

export function composeImplementationKits(ctx: DeliveryContext): DeliverableDocument {
  const plan = kitPlanFor(ctx);
  // Without a validation the kits follow ctx.priorities as they stand (the report's order).
  const priorities: KitPriority[] = ctx.validation
    ? plan.priorities
    : ctx.priorities.map((item, i) => {
        const fromPlan = plan.priorities.find((p) => p.rec.id === item.recommendation.id);
        return (
          fromPlan ?? {
            item,
            rec: item.recommendation,
            analysis: ctx.analyses.find((a) => a.domain === item.recommendation.domain) ?? null,
            reportRank: i + 1,
            validation: null,
            owner: null,
            kpis: (ctx.analyses.find((a) => a.domain === item.recommendation.domain)?.kpis ?? []).map(
              (k) => ({
                name: k.name,
                baseline: k.baseline,
                baselineSource: k.source,
              }),
            ),
            notes: [],
          }
        );
      });
  const preference = ctx.validation?.timelinePreference ?? 'standard';
  const phases = phasePlan(preference);
  const offsets = priorityStartOffsets(priorities.length, phases, ctx.validation?.capacityForChange);
  const cal = new Calendar(plan.startDate, plan.constraints.freezes);
  const sections: Section[] = [];

  const intro: Block[] = [];
  if (ctx.validation) {
    intro.push({
      kind: 'paragraph',
      text: plan.changes.length
        ? `Your validation changed these kits. What changed and why:`
        : `You validated the priorities as they stood, so the kits follow the report, at a${preference === 'aggressive' ? 'n' : ''} ${preference} pace.`,
    });
    if (plan.changes.length) intro.push({ kind: 'bullets', items: plan.changes });
    const items: KeyValueItem[] = [
      { key: 'Capacity for change', value: capitalise(RESOURCE_LABELS[ctx.validation.capacityForChange]) },
      { key: 'Pace', value: capitalise(preference) },
    ];
    if (ctx.validation.constraints)
      items.push({ key: 'Your constraints', value: ctx.validation.constraints });
    if (ctx.validation.successCriteria)
      items.push({ key: 'Your success criteria', value: ctx.validation.successCriteria });
    intro.push({ kind: 'keyValue', items });
  } else {
    intro.push({
      kind: 'paragraph',
      text: `We did not receive your validation in time, so the kits for ${ctx.companyName} follow the priorities in the detailed report at a standard pace, starting ${formatDate(plan.startDate)}.`,
    });
  }
  if (priorities.length === 0) {
    intro.push({
      kind: 'paragraph',
      text: `No priority remains for ${ctx.companyName}: ${plan.dropped.length ? 'you did not agree with the ones we proposed and no other area has strong enough evidence' : 'no area analysed is weak enough to need one'}. The detailed report lists what to protect.`,
    });
  } else {
    intro.push({
      kind: 'paragraph',
      text: `Kits follow for ${listAnd(priorities.map((p) => `“${p.rec.title}”`))}: each with a playbook, a communication kit, progress tracking and risks, and the master roadmap puts ${priorities.length === 1 ? 'it' : 'them'} on one calendar.`,
    });
  }
  sections.push({ heading: `How the kits for ${ctx.companyName} were shaped`, blocks: intro });

  priorities.forEach((p, i) => sections.push(...kitSections(ctx, plan, p, i + 1, phases, offsets[i], cal)));

  if (priorities.length) {
    const capacity = ctx.validation?.capacityForChange;
    const last = Math.max(...priorities.map((_, i) => phases.integration.end + offsets[i]));
    sections.push({
      heading: 'Master roadmap',
      blocks: [
        {
          kind: 'paragraph',
          text:
            capacity === 'high'
              ? 'Your capacity for change is high, so the priorities start together.'
              : capacity === 'low' || capacity === 'very-low'
                ? `Your capacity for change is ${RESOURCE_LABELS[capacity]}, so each priority starts only when the one before has finished its implementation phase.`
                : `At ${ctx.companyName} each priority starts when the one before has finished its foundation phase.`,
        },
        {
          kind: 'table',
          headers: ['Priority', 'Owner', 'Phases'],
          rows: priorities.map((p, i) => [
            `${i + 1}. ${p.rec.title}`,
            ownerOf(ctx, p).name,
            `“${p.rec.title}”: foundation ${cal.range(phases.foundation, offsets[i])}, implementation ${cal.range(phases.implementation, offsets[i])}, integration ${cal.range(phases.integration, offsets[i])}`,
          ]),
        },
        {
          kind: 'paragraph',
          text: `Final review of ${listAnd(priorities.map((p) => `“${p.rec.title}”`))} on ${cal.on(last, true)}${ctx.validation?.successCriteria ? `, against your success criteria` : ''}.`,
        },
      ],
    });
  }

  return {
    title: 'Implementation kits',
    subtitle: `${ctx.companyName} · ScaleMap operational assessment · ${formatDate(ctx.dueTimes.implementationKits)}`,
    sections,
  };
}
