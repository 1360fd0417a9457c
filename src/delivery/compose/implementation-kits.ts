import { domainName, type DomainId } from '../../domain/domains';
import { type HealthBand } from '../../domain/analysis';
import type { ValidationResponse } from '../../domain/validation';
import {
  AGREEMENT_LABELS,
  RESOURCE_LABELS,
  SHORT_DOMAIN_NAMES,
  capitalise,
  formatDate,
  listAnd,
  lowerFirst,
  numberWord,
  sentence,
  stripStop,
} from '../format';
import { heatmapCells } from '../heatmap';
import type { Block, DeliverableDocument, DeliveryContext, KeyValueItem, Section } from '../types';
import {
  type PriorityView,
  bySeverity,
  evidenceText,
  priorityViews,
  recommendationsByHorizon,
} from './shared';
// ---------------------------------------------------------------------------------------------------------------
// Implementation kits (72 h)
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

function days(r: { start: number; end: number }, offset = 0): string {
  return `Days ${r.start + offset}–${r.end + offset}`;
}

const DOMAIN_KPIS: Record<DomainId, string[]> = {
  'strategic-alignment': [
    'Share of teams with quarterly goals linked to the three-year plan',
    'Share of budget decisions traced to a stated priority',
  ],
  'financial-management': [
    '13-week cash-flow forecast accuracy (actual against forecast)',
    'Months of cash runway',
    'Gross margin by product or service line',
  ],
  'revenue-engine': [
    'Sales forecast accuracy for the quarter',
    'Customer acquisition cost and payback period',
    'Pipeline conversion rate by stage',
  ],
  'operational-excellence': [
    'Share of core processes documented with a named owner',
    'Cycle time of the main delivery process',
    'Rework or error rate',
  ],
  'people-organization': [
    'Time to hire for key roles',
    'Regretted attrition over the last 12 months',
    'Share of roles with a written scorecard',
  ],
  'technology-data': [
    'Share of management reports produced without manual work',
    'Data-quality issues logged per month',
    'Uptime of customer-facing systems',
  ],
  'customer-experience': [
    'Customer satisfaction (CSAT or NPS)',
    'Time from customer feedback to a roadmap decision',
    'Support first-response time',
  ],
  'supply-chain': ['Supplier on-time-in-full rate', 'Days of inventory', 'Stock-outs per month'],
  'risk-compliance': [
    'High risks without a named owner',
    'Days since the last business-continuity test',
    'Overdue compliance actions',
  ],
  partnerships: [
    'Revenue sourced through partners',
    'Active partners with a joint plan',
    'Vendor reviews completed on schedule',
  ],
  'customer-success': [
    'Gross revenue churn',
    'Net revenue retention',
    'Time to first value for new customers',
  ],
  'change-management': [
    'Share of change milestones hit on time',
    'Staff understanding of the change (pulse survey)',
    'Initiatives in flight against agreed capacity',
  ],
};

function kpisFor(v: PriorityView): string[] {
  return [...DOMAIN_KPIS[v.rec.domain]];
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

function riskRows(ctx: DeliveryContext, v: PriorityView, plan: PhasePlan, offset: number): string[][] {
  const cells = heatmapCells(ctx);
  const impact = capitalise(v.rec.impact) as Level;
  const resources = v.validation?.resources;
  const rows: string[][] = [];
  rows.push([
    `Not enough people or budget for “${v.rec.title}”` +
      (resources ? ` (you rated available resources ${RESOURCE_LABELS[resources]})` : ''),
    likelihoodFromResources(resources),
    impact,
    resources === 'low' || resources === 'very-low'
      ? 'Cut the scope of the foundation phase to the single most valuable action, protect one named owner’s time, and agree any extra budget at the leadership alignment session.'
      : 'Protect the owner’s time in writing and agree the budget before the foundation phase ends.',
    'Executive sponsor',
  ]);
  const capacity = ctx.validation?.capacityForChange;
  const changeCell = cells.find((c) => c.domain === 'change-management');
  rows.push([
    capacity
      ? `Change fatigue: you rated your capacity for change ${RESOURCE_LABELS[capacity]}`
      : `Change fatigue: your change-management health is ${changeCell?.score === null || !changeCell ? 'not assessed' : `${changeCell.score}/10`}`,
    capacity ? likelihoodFromResources(capacity) : likelihoodFromBand(changeCell?.band ?? null),
    'Medium',
    'Limit initiatives in flight, stagger the priorities as in the master roadmap, and explain what is stopping to make room.',
    'Leadership team',
  ]);
  for (const dep of v.analysis?.dependencies ?? []) {
    const depCell = cells.find((c) => c.domain === dep.domain);
    rows.push([
      `Progress depends on ${domainName(dep.domain)}: ${lowerFirst(stripStop(dep.reason))}`,
      likelihoodFromBand(depCell?.band ?? null),
      v.rec.effort === 'high' ? 'High' : 'Medium',
      `Agree with the ${SHORT_DOMAIN_NAMES[dep.domain]} lead what they must deliver by day ${plan.foundation.end + offset}, and review it in the weekly report.`,
      `${SHORT_DOMAIN_NAMES[dep.domain]} lead`,
    ]);
  }
  rows.push([
    `Effort underestimated (rated ${v.rec.effort} effort)`,
    v.rec.effort === 'high' ? 'High' : v.rec.effort === 'medium' ? 'Medium' : 'Low',
    impact,
    `Break the implementation phase (${days(plan.implementation, offset).toLowerCase()}) into fortnightly deliverables and re-plan at the first missed one.`,
    'Workstream owner',
  ]);
  if (v.analysis && v.analysis.confidence < 8) {
    rows.push([
      `The diagnosis rests on partial evidence (specialist confidence ${v.analysis.confidence}/10)`,
      'Medium',
      'Medium',
      `Confirm the baseline figures for ${v.concern ? `“${stripStop(v.concern.title)}”` : 'this domain'} in the first week before committing the budget.`,
      'Workstream owner',
    ]);
  }
  if (ctx.validation?.constraints) {
    rows.push([
      `Constraint you told us about: ${stripStop(ctx.validation.constraints)}`,
      'Medium',
      'Medium',
      'Plan around it explicitly in the foundation phase and record the decision.',
      'Executive sponsor',
    ]);
  }
  return rows;
}

function kitSections(ctx: DeliveryContext, v: PriorityView, plan: PhasePlan, offset: number): Section[] {
  const preference = ctx.validation?.timelinePreference ?? 'standard';
  const a = v.analysis;
  const kpis = kpisFor(v);
  const quickWins = recommendationsByHorizon(a, 'quick-win').filter((r) => r.id !== v.rec.id);
  const midTerm = recommendationsByHorizon(a, '30-90-days').filter((r) => r.id !== v.rec.id);
  const strategic = recommendationsByHorizon(a, 'strategic').filter((r) => r.id !== v.rec.id);
  const findings = a ? [...a.findings].sort(bySeverity) : [];
  const evidence = v.concern?.evidence.map(evidenceText) ?? [];
  const totalDays = plan.integration.end;

  // Intro and the client's validation of this priority.
  const intro: KeyValueItem[] = [
    { key: 'Domain', value: domainName(v.rec.domain) },
    { key: 'The change', value: sentence(v.rec.action) },
  ];
  if (v.concern) intro.push({ key: 'Why', value: sentence(v.concern.title) });
  if (a) intro.push({ key: 'Analyst', value: a.analyst });
  intro.push({
    key: 'Timeline',
    value: `Day ${plan.foundation.start + offset} to day ${plan.integration.end + offset} of the master roadmap (${preference} pace)`,
  });
  if (v.validation) {
    intro.push({
      key: 'Your validation',
      value: `${capitalise(AGREEMENT_LABELS[v.validation.agreement])} (${v.validation.agreement}/5); resources available: ${RESOURCE_LABELS[v.validation.resources]}`,
    });
    if (v.validation.reason) intro.push({ key: 'Your reason', value: v.validation.reason });
    if (v.validation.context) intro.push({ key: 'Your context', value: v.validation.context });
  }
  const introBlocks: Block[] = [{ kind: 'keyValue', items: intro }];
  if (v.priority.rank !== v.displayRank && ctx.validation) {
    introBlocks.push({
      kind: 'paragraph',
      text: `After your validation this moved from priority ${v.priority.rank} in the detailed report to priority ${v.displayRank}.`,
    });
  }
  if (v.validation && v.validation.agreement <= 2) {
    introBlocks.push({
      kind: 'paragraph',
      text: `You disagreed with this priority, so treat the foundation phase as a test: if the baseline in the first ${plan.foundation.end} days does not confirm the problem, stop and move the effort to the next priority.`,
    });
  }

  // Playbook.
  const foundationActions = [
    `Name an owner and an executive sponsor for “${v.rec.title}”.`,
    `Record today's baseline for: ${listAnd(kpis.slice(0, 3).map(lowerFirst))}.`,
    ...(v.rec.horizon === 'quick-win' ? [sentence(v.rec.action)] : []),
    ...quickWins.map((r) => `${sentence(r.title)} ${sentence(r.action)}`),
    'Run the leadership alignment session and send the team announcement.',
  ];
  const implementationActions = [
    ...(v.rec.horizon === '30-90-days' ? [sentence(v.rec.action)] : []),
    ...(v.rec.horizon === 'strategic'
      ? [`Design and pilot with one team: ${lowerFirst(sentence(v.rec.action))}`]
      : []),
    ...midTerm.map((r) => `${sentence(r.title)} ${sentence(r.action)}`),
    'Review progress every week with the weekly report template below.',
  ];
  if (implementationActions.length === 1) {
    implementationActions.unshift(
      `Roll “${v.rec.title}” out beyond the first team and fix what the foundation phase showed up.`,
    );
  }
  const integrationActions = [
    ...(v.rec.horizon === 'strategic'
      ? [
          `Roll “${v.rec.title}” out across ${ctx.companyName} using what the pilot showed, and fund the next stage.`,
        ]
      : []),
    ...strategic.map((r) => `${sentence(r.title)} ${sentence(r.action)}`),
    `Make the new way of working part of normal routines (team meetings, budgets, job scorecards) and hand it from the project to business as usual.`,
    `Review the KPIs on day ${plan.integration.end + offset} against the baseline and decide what comes next.`,
  ];
  const playbook: Section = {
    heading: 'Change-management playbook',
    level: 2,
    blocks: [
      ...(preference !== 'standard'
        ? [
            {
              kind: 'paragraph' as const,
              text:
                preference === 'flexible'
                  ? 'You asked for a flexible pace: the phases keep their standard lengths, but each phase gate is a decision point you can move.'
                  : `You asked for a${preference === 'aggressive' ? 'n' : ''} ${preference} pace, so the standard 14 / 45 / 90-day phases are ${preference === 'aggressive' ? 'compressed' : 'stretched'} to ${plan.foundation.end} / ${plan.implementation.end} / ${plan.integration.end} days.`,
            },
          ]
        : []),
      {
        kind: 'table',
        headers: ['Phase', 'When', 'Goal', 'Actions'],
        rows: [
          [
            'Foundation',
            days(plan.foundation, offset),
            'Ownership, baseline and buy-in',
            foundationActions.map((s) => `• ${s}`).join('\n'),
          ],
          [
            'Implementation',
            days(plan.implementation, offset),
            v.rec.horizon === 'quick-win'
              ? `Build on “${v.rec.title}”`
              : v.rec.horizon === 'strategic'
                ? `Pilot “${v.rec.title}”`
                : `Deliver “${v.rec.title}”`,
            implementationActions.map((s) => `• ${s}`).join('\n'),
          ],
          [
            'Integration',
            days(plan.integration, offset),
            'Embed, measure and hand over',
            integrationActions.map((s) => `• ${s}`).join('\n'),
          ],
        ],
      },
    ],
  };

  // Stakeholder communication kit.
  const agenda = [
    `Why this matters (10 minutes): ${findings.length ? listAnd(findings.slice(0, 3).map((f) => lowerFirst(stripStop(f.title)))) : lowerFirst(stripStop(v.rec.title))}.${evidence.length ? ` Evidence: ${evidence.join('; ')}.` : ''}`,
    `What we are committing to (15 minutes): ${stripStop(v.rec.title)}, in three phases over ${totalDays} days.`,
    `Owner, sponsor and resources (15 minutes)${v.validation ? `: you told us resources are ${RESOURCE_LABELS[v.validation.resources]}` : ''}.`,
    `How we will measure success (10 minutes): ${listAnd(kpis.map(lowerFirst))}.`,
    `Risks and dependencies (10 minutes)${a?.dependencies.length ? `: ${listAnd(a.dependencies.map((d) => domainName(d.domain)))}` : ''}.`,
    `Decisions and next steps (5 minutes): announce to the team within three days; first weekly report on day ${7 + offset}.`,
  ];
  const announcement = [
    `Subject: ${v.rec.title}: what is changing at ${ctx.companyName} and why`,
    'Hi everyone,',
    `We recently reviewed how ${ctx.companyName} runs as it grows. One clear finding was that ${v.concern ? lowerFirst(stripStop(v.concern.title)) : `we need to ${lowerFirst(stripStop(v.rec.title))}`}. ${a ? sentence(a.impact) : ''}`.trim(),
    `Over the next ${totalDays} days we are going to ${lowerFirst(stripStop(v.rec.title))}. In the first ${plan.foundation.end} days that means naming an owner and measuring where we are today${quickWins.length ? `, and a first quick win: ${listAnd(quickWins.map((r) => `“${stripStop(r.title)}”`))}` : ''}.`,
    `[Owner's name] will lead this with [sponsor's name]. We will share progress every week, and we want your ideas: if you see a better way, tell [owner's name].`,
    'Thank you,\n[Your name]',
  ];
  const comms: Section = {
    heading: 'Stakeholder communication kit',
    level: 2,
    blocks: [
      { kind: 'paragraph', text: 'Leadership alignment session (about 65 minutes), agenda:' },
      { kind: 'bullets', ordered: true, items: agenda },
      { kind: 'paragraph', text: 'Team announcement (draft to adapt):' },
      ...announcement.map((text) => ({ kind: 'paragraph' as const, text })),
    ],
  };

  // Progress tracking.
  const milestones: string[][] = [
    [
      `Owner named, baseline recorded, team told`,
      `Day ${Math.min(7, plan.foundation.end) + offset}`,
      'Baseline figures in the first weekly report',
    ],
    ...quickWins.map((r) => [r.title, `Day ${plan.foundation.end + offset}`, 'Done and visible to the team']),
    ...(v.rec.horizon === 'quick-win'
      ? [[v.rec.title, `Day ${plan.foundation.end + offset}`, 'The change is live']]
      : v.rec.horizon === 'strategic'
        ? [
            [
              `${v.rec.title}: pilot`,
              `Day ${plan.implementation.end + offset}`,
              'Pilot running with first results',
            ],
            [
              `${v.rec.title}: roll-out`,
              `Day ${plan.integration.end + offset}`,
              'In use across the business',
            ],
          ]
        : [
            [
              v.rec.title,
              `Day ${plan.implementation.end + offset}`,
              'The change is live for everyone it affects',
            ],
          ]),
    ...midTerm.map((r) => [r.title, `Day ${plan.implementation.end + offset}`, 'Done and in use']),
    ...strategic.map((r) => [
      r.title,
      `Day ${plan.integration.end + offset}`,
      'Under way with a funded plan',
    ]),
    [
      `KPIs reviewed against the baseline`,
      `Day ${plan.integration.end + offset}`,
      'Decision on next steps recorded',
    ],
  ];
  const tracking: Section = {
    heading: 'Progress tracking',
    level: 2,
    blocks: [
      {
        kind: 'table',
        caption: 'Milestones',
        headers: ['Milestone', 'Due', 'Evidence of completion'],
        rows: milestones,
      },
      { kind: 'paragraph', text: 'KPIs to track every week:' },
      { kind: 'bullets', items: kpis },
      {
        kind: 'paragraph',
        text: 'Weekly report template (one page, sent by the owner to the sponsor every Friday):',
      },
      {
        kind: 'keyValue',
        items: [
          { key: 'Priority', value: v.rec.title },
          { key: 'Week', value: `[n] of ${Math.ceil(totalDays / 7)}` },
          { key: 'Phase', value: 'Foundation / Implementation / Integration' },
          { key: 'Overall status', value: 'On track / At risk / Off track' },
          { key: 'Milestones completed this week', value: '[list]' },
          { key: 'KPI readings', value: kpis.map((k) => `${k}: [value]`).join('; ') },
          { key: 'Risks and issues', value: '[new or changed risks, with owner]' },
          { key: 'Decisions needed', value: '[decision, by whom, by when]' },
          { key: 'Focus for next week', value: '[top three actions]' },
        ],
      },
    ],
  };

  // Risk mitigation.
  const risks: Section = {
    heading: 'Risk mitigation',
    level: 2,
    blocks: [
      {
        kind: 'table',
        caption: 'Risk matrix',
        headers: ['Risk', 'Likelihood', 'Impact', 'Mitigation', 'Owner'],
        rows: riskRows(ctx, v, plan, offset),
      },
      { kind: 'paragraph', text: 'Scenarios:' },
      {
        kind: 'bullets',
        items: [
          `Behind plan at day ${plan.foundation.end + offset} (no owner or no baseline yet): stop and hold a 30-minute reset with the sponsor; do not start the implementation phase without them.`,
          a?.dependencies.length
            ? `${domainName(a.dependencies[0].domain)} does not deliver what this priority needs: escalate to the sponsor the same week and re-sequence the implementation actions.`
            : 'A key person leaves or is pulled onto other work: the sponsor names a stand-in within a week and the phase end moves by no more than two weeks.',
          `Ahead of plan: bring forward the integration actions rather than adding new scope, and check the KPIs confirm the improvement.`,
        ],
      },
      { kind: 'paragraph', text: 'Escalation path:' },
      {
        kind: 'bullets',
        ordered: true,
        items: [
          'The workstream owner resolves issues within the week and records them in the weekly report.',
          'A milestone more than one week late, or a KPI moving the wrong way two weeks running, goes to the executive sponsor, who decides within 48 hours.',
          'A slip of more than three weeks, or a need for budget beyond what was agreed, goes to the leadership team to re-plan the phase.',
        ],
      },
    ],
  };

  return [
    { heading: `Kit ${v.displayRank}: ${v.rec.title}`, blocks: introBlocks },
    playbook,
    comms,
    tracking,
    risks,
  ];
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

export function composeImplementationKits(ctx: DeliveryContext): DeliverableDocument {
  const views = priorityViews(ctx);
  const preference = ctx.validation?.timelinePreference ?? 'standard';
  const plan = phasePlan(preference);
  const offsets = priorityStartOffsets(views.length, plan, ctx.validation?.capacityForChange);
  const sections: Section[] = [];

  // How these kits were shaped.
  const shaped: Block[] = [];
  if (ctx.validation) {
    const val = ctx.validation;
    shaped.push({
      kind: 'paragraph',
      text: `These kits follow your validation of the detailed report. The priorities are in the order you confirmed, and the plans follow your preferred pace and the resources you told us about.`,
    });
    const items: KeyValueItem[] = [
      { key: 'Capacity for change', value: capitalise(RESOURCE_LABELS[val.capacityForChange]) },
      { key: 'Timeline preference', value: capitalise(val.timelinePreference) },
    ];
    if (val.constraints) items.push({ key: 'Constraints', value: val.constraints });
    if (val.successCriteria) items.push({ key: 'Success criteria', value: val.successCriteria });
    shaped.push({ kind: 'keyValue', items });
    shaped.push({
      kind: 'table',
      headers: ['Priority', 'Your agreement', 'Resources', 'Your comments'],
      rows: views.map((v) => [
        `${v.displayRank}. ${v.rec.title}`,
        v.validation
          ? `${capitalise(AGREEMENT_LABELS[v.validation.agreement])} (${v.validation.agreement}/5)`
          : 'Not rated',
        v.validation ? capitalise(RESOURCE_LABELS[v.validation.resources]) : '–',
        [v.validation?.reason, v.validation?.context].filter(Boolean).join(' ') || '–',
      ]),
    });
  } else {
    shaped.push({
      kind: 'paragraph',
      text: `We did not receive your validation within 24 hours of the detailed report, so these kits follow the priorities as they stood in the report and use a standard pace (foundation days 1–14, implementation 15–45, integration 46–90).`,
    });
  }
  shaped.push({
    kind: 'paragraph',
    text: `Each kit has four parts: a change-management playbook, a stakeholder communication kit, progress tracking and risk mitigation. The master roadmap at the end shows how the ${numberWord(views.length)} ${views.length === 1 ? 'priority fits' : 'priorities fit'} together.`,
  });
  sections.push({ heading: `How to use these kits`, blocks: shaped });

  views.forEach((v, i) => sections.push(...kitSections(ctx, v, plan, offsets[i])));

  // Master roadmap.
  const capacity = ctx.validation?.capacityForChange;
  sections.push({
    heading: 'Master roadmap',
    blocks: [
      {
        kind: 'paragraph',
        text:
          capacity === 'high'
            ? 'You told us your capacity for change is high, so all priorities start together.'
            : capacity === 'low' || capacity === 'very-low'
              ? `You told us your capacity for change is ${RESOURCE_LABELS[capacity]}, so each priority starts only when the one before it has finished its implementation phase.`
              : 'Each priority starts when the one before it has finished its foundation phase, so no team carries more than one new change at a time.',
      },
      {
        kind: 'table',
        headers: ['Priority', 'Foundation', 'Implementation', 'Integration', 'Review'],
        rows: views.map((v, i) => [
          `${v.displayRank}. ${v.rec.title}`,
          days(plan.foundation, offsets[i]),
          days(plan.implementation, offsets[i]),
          days(plan.integration, offsets[i]),
          `Day ${plan.integration.end + offsets[i]}`,
        ]),
      },
      {
        kind: 'bullets',
        items: [
          'Every Friday: each owner sends the weekly report to their sponsor.',
          `Day 30: leadership check-in on all priorities, using the weekly reports.`,
          `Day ${views.length ? Math.max(...views.map((_, i) => plan.integration.end + offsets[i])) : plan.integration.end}: the last priority completes its integration phase; review every KPI against its baseline${ctx.validation?.successCriteria ? ` and against your success criteria (${stripStop(ctx.validation.successCriteria)})` : ''}, and decide what to stop, continue or scale.`,
        ],
      },
    ],
  });

  return {
    title: 'Implementation kits',
    subtitle: `${ctx.companyName} · ScaleMap operational assessment · ${formatDate(ctx.dueTimes.implementationKits)}`,
    sections,
  };
}
