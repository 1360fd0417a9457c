import {
  composeDetailedReport,
  composeExecutiveSummary,
  composeImplementationKits,
  overallHealth,
  phasePlan,
  priorityStartOffsets,
  validationDeadline,
} from './documents';
import { formatDateTime } from './format';
import {
  customerSuccessAnalysis,
  financeAnalysis,
  fixtureAnalyses,
  fixtureContext,
  fixturePriorities,
  fixtureValidation,
  revenueAnalysis,
  validatedFixtureContext,
} from '../../test/fixtures/delivery';
import { documentText } from './test-helpers';
import { findClientTextViolations } from '../domain/client-text';
import { HIRING_WORDS } from '../analysis/constraints';
import type { Block, DeliverableDocument } from './types';

const ctx = fixtureContext();
const titles = fixturePriorities.map((p) => p.recommendation.title);

function blocksOf<K extends Block['kind']>(doc: DeliverableDocument, kind: K): Extract<Block, { kind: K }>[] {
  return doc.sections
    .flatMap((s) => s.blocks)
    .filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
}

function sectionIndex(doc: DeliverableDocument, heading: string): number {
  return doc.sections.findIndex((s) => s.heading === heading);
}

/** The playbook table of the nth kit (0-based). */
function playbookRows(doc: DeliverableDocument, n: number): string[][] {
  const playbooks = doc.sections.filter((s) => s.heading === 'Playbook');
  const table = playbooks[n].blocks.find((b) => b.kind === 'table');
  if (!table || table.kind !== 'table') throw new Error('no playbook table');
  return table.rows;
}

describe('overall health', () => {
  it('weights specialist scores twice and triage estimates once, leaving out unassessed domains', () => {
    // Specialists: 4, 3, 5 (x2) = 24; estimates: 6 + 5 + 7 + 8 + 7 + 6 + 6 + 5 = 50; weights 6 + 8 = 14.
    const h = overallHealth(ctx);
    expect(h).toMatchObject({ score: 5.3, band: 'warning', specialistDomains: 3, estimatedDomains: 8 });
    expect(h.notAssessedDomains).toBe(1);
  });
});

describe('composeExecutiveSummary', () => {
  const doc = composeExecutiveSummary(ctx);
  const text = documentText(doc);

  it('is about the client and their data', () => {
    expect(doc.subtitle).toContain('Harbourline Analytics Ltd');
    for (const t of titles) expect(text).toContain(t);
    // Each priority's concern and its evidence.
    expect(text).toContain('The sales forecast is unreliable.');
    expect(text).toContain('We miss the quarterly forecast by more than 25% most quarters');
    expect(text).toContain('We look at the bank balance weekly');
    expect(text).toContain('We usually hear about churn when they give notice');
    expect(text).toContain(revenueAnalysis.impact);
  });

  it('has the strategic context, overall health, three priorities, strengths and next steps', () => {
    expect(text).toContain('scaling B2B business in software as a service (SaaS)');
    expect(text).toContain(ctx.profile!.challenges);
    expect(text).toContain(ctx.profile!.objectives);
    expect(text).toContain('overall operational health is 5.3/10 (warning)');
    expect(doc.sections.filter((s) => s.level === 2 && s.heading.startsWith('Priority '))).toHaveLength(3);
    expect(doc.sections[sectionIndex(doc, 'Strengths')].blocks.length).toBeGreaterThan(0);
    expect(text).toContain('Technology & Data Infrastructure: 8/10 (excellent');
    expect(text).toContain(formatDateTime(ctx.dueTimes.detailedReport));
    expect(text).toContain(formatDateTime(ctx.dueTimes.implementationKits));
    expect(formatDateTime(ctx.dueTimes.detailedReport)).toBe('Thursday 5 June 2025, 10:15 BST');
  });

  it('shows at most three priorities', () => {
    const extra = { ...fixturePriorities[0], rank: 4, recommendation: revenueAnalysis.recommendations[0] };
    const four = composeExecutiveSummary(fixtureContext({ priorities: [...fixturePriorities, extra] }));
    expect(four.sections.filter((s) => s.heading.startsWith('Priority '))).toHaveLength(3);
    expect(documentText(four)).not.toContain('Priority 4');
  });

  it('copes without a profile', () => {
    const text2 = documentText(composeExecutiveSummary(fixtureContext({ profile: null })));
    expect(text2).toContain('We did not receive a company profile for Harbourline Analytics Ltd');
  });
});

describe('composeDetailedReport', () => {
  const doc = composeDetailedReport(ctx);
  const text = documentText(doc);

  it('opens with the storyline, then the heatmap and a table of all twelve domains', () => {
    const [heatmap] = blocksOf(doc, 'heatmap');
    expect(heatmap.cells).toHaveLength(12);
    expect(heatmap.svg).toContain('role="img"');
    const table = doc.sections[1].blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.rows).toHaveLength(12);
    expect(text).toContain(
      'Revenue Engine & Growth Systems | 3/10 | Critical | Marcus Webb (AI specialist) | #1',
    );
    expect(text).toContain('Supply Chain & Operations | – | Not assessed | – | –');
  });

  it('has one section per priority with current state, every finding with its evidence, and phases', () => {
    for (const [i, t] of titles.entries())
      expect(sectionIndex(doc, `Priority ${i + 1}: ${t}`)).toBeGreaterThan(0);
    for (const a of fixtureAnalyses) {
      expect(text).toContain(a.summary);
      for (const f of a.findings) {
        expect(text).toContain(f.title);
        for (const e of f.evidence) expect(text).toContain(e.quote);
      }
    }
    expect(text).toContain('0–30 days (quick wins) | Define stage exit criteria');
    expect(text).toContain('30–90 days | Install a stage-weighted revenue forecast (the priority action)');
    expect(text).toContain('90+ days (strategic) | Build a repeatable enterprise sales playbook');
  });

  it('has dependencies, strengths and the 30-day / 90-day / 6-month roadmap', () => {
    expect(text).toContain(
      'Revenue Engine & Growth Systems | Technology & Data Infrastructure | 8/10 (Excellent) | The CRM needs cleaning',
    );
    expect(text).toContain(
      'Revenue Engine & Growth Systems and Financial Management & Capital Efficiency depend on each other',
    );
    expect(sectionIndex(doc, 'Strengths to build on')).toBeGreaterThan(0);
    const order = ['Next 30 days', 'Days 31–90', 'Months 4–6'].map((h) => sectionIndex(doc, h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('Start a 13-week cash-flow forecast (priority 2) | Finance | High / low');
    expect(text).toContain('Introduce customer health scoring (priority 3) | Customer Success | High / high');
  });

  it('ends with the validation link and the deadline 24 hours after the report', () => {
    const last = doc.sections[doc.sections.length - 1];
    expect(last.heading).toBe('Validate your priorities');
    const kv = last.blocks.find((b) => b.kind === 'keyValue');
    const link = kv && kv.kind === 'keyValue' ? kv.items.find((i) => i.href) : undefined;
    expect(link?.href).toBe('https://app.scalemap.test/assessments/asm_7f3c2a/validate');
    // The window closes an hour before the kits are due (VALIDATION_WINDOW_HOURS = 23).
    expect(validationDeadline(ctx).toISOString()).toBe('2025-06-06T08:15:00.000Z');
    // A compressed local schedule never puts the deadline after the kits; an explicit deadline wins.
    const t0 = ctx.submittedAt.getTime();
    const compressed = {
      executiveSummary: new Date(t0 + 60_000),
      detailedReport: new Date(t0 + 120_000),
      implementationKits: new Date(t0 + 180_000),
    };
    expect(validationDeadline(fixtureContext({ dueTimes: compressed }))).toEqual(
      compressed.implementationKits,
    );
    const explicit = new Date('2025-06-06T12:00:00Z');
    expect(validationDeadline(fixtureContext({ validationDeadline: explicit }))).toEqual(explicit);
    expect(text).toContain('Please reply by: Friday 6 June 2025, 09:15 BST');
  });

  it('lists analyses that produced no priority in their own section', () => {
    const two = composeDetailedReport(fixtureContext({ priorities: fixturePriorities.slice(0, 2) }));
    const i = sectionIndex(two, 'Other specialist analyses');
    expect(i).toBeGreaterThan(0);
    expect(two.sections[i + 1].heading).toBe(
      'Customer Success & Growth (5/10, Sofia Lindqvist (AI specialist))',
    );
    expect(documentText(two)).toContain(customerSuccessAnalysis.findings[1].evidence[0].quote);
    expect(sectionIndex(doc, 'Other specialist analyses')).toBe(-1);
  });
});

describe('composeImplementationKits', () => {
  it('follows the order of ctx.priorities without a validation', () => {
    const kitHeadings = (d: DeliverableDocument) => d.sections.filter((s) => s.heading.startsWith('Kit '));
    const original = kitHeadings(composeImplementationKits(ctx)).map((s) => s.heading);
    expect(original).toEqual(titles.map((t, i) => `Kit ${i + 1}: ${t}`));
    const [p1, p2, p3] = fixturePriorities;
    const swapped = kitHeadings(composeImplementationKits(fixtureContext({ priorities: [p3, p1, p2] }))).map(
      (s) => s.heading,
    );
    expect(swapped).toEqual([
      'Kit 1: Introduce customer health scoring',
      'Kit 2: Install a stage-weighted revenue forecast',
      'Kit 3: Start a 13-week cash-flow forecast',
    ]);
  });

  it('has the four parts per priority and a master roadmap, built from the company’s own material', () => {
    const doc = composeImplementationKits(ctx);
    const headings = doc.sections.map((s) => s.heading);
    for (const part of ['Playbook', 'Communication kit', 'Progress tracking', 'Risks']) {
      expect(headings.filter((h) => h === part)).toHaveLength(3);
    }
    expect(headings[headings.length - 1]).toBe('Master roadmap');
    const text = documentText(doc);
    expect(text).toContain('Harbourline Analytics Ltd');
    expect(text).toContain('We did not receive your validation');
    // Built from the priority's own recommendations and findings.
    expect(text).toContain('Define stage exit criteria. Write one-line exit criteria');
    expect(text).toContain('Run a risk review of the next 90 days of renewals');
    expect(text).toContain('Subject: Install a stage-weighted revenue forecast');
    expect(text).toContain('Risk | Likelihood | Impact | Mitigation');
    // Analysts shown honestly as AI specialists; no internal ids.
    expect(text).toContain('(AI specialist)');
    expect(findClientTextViolations(text)).toEqual([]);
  });

  it('dates the standard 14 / 45 / 90-day phases from the kits’ start', () => {
    const rows = playbookRows(composeImplementationKits(ctx), 0);
    // No validation: the plan starts the day after the kits are due (6 June 2025).
    expect(rows.map((r) => [r[0].split(':')[0], r[1]])).toEqual([
      ['Foundation', '7 Jun–20 Jun 2025'],
      ['Implementation', '21 Jun–21 Jul 2025'],
      ['Integration', '22 Jul–4 Sept 2025'],
    ]);
  });

  it('stretches or compresses the phases with the timeline preference', () => {
    expect(phasePlan('standard').integration.end).toBe(90);
    expect(phasePlan('aggressive').integration.end).toBe(68);
    expect(phasePlan('conservative').integration.end).toBe(135);
    const withPace = (timelinePreference: typeof fixtureValidation.timelinePreference) =>
      playbookRows(
        composeImplementationKits(
          validatedFixtureContext({
            validation: { ...fixtureValidation, timelinePreference },
            validatedAt: new Date('2025-06-05T12:00:00Z'),
          }),
        ),
        0,
      ).map((r) => r[1]);
    expect(withPace('aggressive')).toEqual(['6 Jun–16 Jun 2025', '17 Jun–9 Jul 2025', '10 Jul–12 Aug 2025']);
    expect(withPace('standard')[2]).toBe('21 Jul–3 Sept 2025');
  });

  it('reshapes the kits with the client’s validation', () => {
    const doc = composeImplementationKits(validatedFixtureContext());
    const text = documentText(doc);
    // The priority rated 1/5 is dropped, not kept with a full kit; no other domain has evidence to replace it.
    expect(doc.sections.filter((s) => s.heading.startsWith('Kit ')).map((s) => s.heading)).toEqual([
      'Kit 1: Start a 13-week cash-flow forecast',
      'Kit 2: Introduce customer health scoring',
    ]);
    expect(text).toContain('“Install a stage-weighted revenue forecast” is dropped');
    expect(text).toContain(fixtureValidation.priorities[0].reason!.replace(/\.$/, ''));
    expect(text).not.toContain('in the order you confirmed');
    expect(text).toContain('Pace: Aggressive');
    expect(text).toContain('Your constraints: No new hires before the Series A closes in September.');
    expect(text).toContain(
      'Your validation: Strongly agree (5/5) with “Start a 13-week cash-flow forecast”; resources available: high',
    );
    expect(text).toContain(fixtureValidation.priorities[1].context!);
    // Headcount constraint: nothing in the kits adds people.
    expect(text).toContain('No step in the kits adds headcount');
    const kitText = doc.sections
      .slice(1)
      .flatMap((s) => s.blocks)
      .map((b) => JSON.stringify(b))
      .join(' ');
    expect(kitText).not.toMatch(HIRING_WORDS);
    // The success criteria become the forecast KPI's target.
    expect(text).toContain(fixtureValidation.successCriteria);
    expect(findClientTextViolations(text)).toEqual([]);
  });

  it('starts every priority together when capacity for change is high', () => {
    const plan = phasePlan('standard');
    expect(priorityStartOffsets(3, plan, 'high')).toEqual([0, 0, 0]);
    expect(priorityStartOffsets(3, plan, 'medium')).toEqual([0, 14, 28]);
    expect(priorityStartOffsets(3, plan, 'very-low')).toEqual([0, 45, 90]);
  });

  it('does not depend on analyses of domains without a priority', () => {
    const text = documentText(composeImplementationKits(fixtureContext({ analyses: [financeAnalysis] })));
    expect(text).toContain('Kit 1: Install a stage-weighted revenue forecast');
    expect(text).toContain('Start a 13-week cash-flow forecast');
  });
});

describe('edge cases', () => {
  it('reads naturally with a single priority and copes with none', () => {
    const one = documentText(
      composeExecutiveSummary(fixtureContext({ priorities: fixturePriorities.slice(0, 1) })),
    );
    expect(one).toContain('The priority bottleneck');
    expect(one).toContain('this change would unlock the most growth');
    const none = fixtureContext({ priorities: [] });
    for (const compose of [composeExecutiveSummary, composeDetailedReport, composeImplementationKits]) {
      expect(() => compose(none)).not.toThrow();
    }
    expect(documentText(composeExecutiveSummary(none))).toContain(
      'No priority recommendations were produced',
    );
  });

  it('writes small counts as words', () => {
    const text = documentText(composeExecutiveSummary(ctx));
    expect(text).toContain('The three priority bottlenecks');
    expect(text).toContain('the three specialist health scores (counted twice) and eight estimates');
  });
});
