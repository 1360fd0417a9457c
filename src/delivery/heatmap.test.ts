import { DOMAINS } from '../domain/domains';
import { specialistAnalysisSchema, triageResultSchema } from '../domain/analysis';
import { profileSchema } from '../domain/profile';
import { validationSchema } from '../domain/validation';
import {
  BADGE_COLOURS,
  HEATMAP_PALETTE,
  contrastRatio,
  estimateHealthFromTriage,
  heatmapCells,
  renderHeatmapSvg,
} from './heatmap';
import {
  fixtureAnalyses,
  fixtureContext,
  fixtureProfile,
  fixtureTriage,
  fixtureValidation,
  validatedFixtureContext,
} from '../../test/fixtures/delivery';
import { markupProblem } from './test-helpers';

/** The markup of one cell group in the SVG. */
function cellMarkup(svg: string, domain: string): string {
  const start = svg.indexOf(`<g class="cell" data-domain="${domain}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  return svg.slice(start, svg.indexOf('</g>', start));
}

describe('fixtures', () => {
  it('are schema-valid', () => {
    for (const a of fixtureAnalyses) expect(() => specialistAnalysisSchema.parse(a)).not.toThrow();
    expect(() => triageResultSchema.parse(fixtureTriage)).not.toThrow();
    expect(() => profileSchema.parse(fixtureProfile)).not.toThrow();
    expect(() => validationSchema.parse(fixtureValidation)).not.toThrow();
  });
});

describe('heatmapCells', () => {
  const cells = heatmapCells(fixtureContext());

  it('has one cell per domain, in the canonical order', () => {
    expect(cells).toHaveLength(12);
    expect(cells.map((c) => c.domain)).toEqual(DOMAINS.map((d) => d.id));
  });

  it('marks the activated domains with their analysts and priority ranks', () => {
    const activated = cells.filter((c) => c.activated);
    expect(activated.map((c) => c.domain).sort()).toEqual(
      ['customer-success', 'financial-management', 'revenue-engine'].sort(),
    );
    const revenue = cells.find((c) => c.domain === 'revenue-engine')!;
    expect(revenue).toMatchObject({
      score: 3,
      band: 'critical',
      source: 'specialist',
      analyst: 'Marcus Webb (AI specialist)',
      priorityRank: 1,
    });
    expect(cells.find((c) => c.domain === 'financial-management')!.priorityRank).toBe(2);
    expect(cells.find((c) => c.domain === 'customer-success')!.priorityRank).toBe(3);
    expect(
      cells.filter((c) => !c.activated).every((c) => c.analyst === null && c.priorityRank === null),
    ).toBe(true);
  });

  it('estimates the other domains from the triage score', () => {
    expect(estimateHealthFromTriage(1)).toBe(10);
    expect(estimateHealthFromTriage(5)).toBe(1);
    expect(estimateHealthFromTriage(3)).toBe(6); // 5.5 rounds up
    const byDomain = Object.fromEntries(cells.map((c) => [c.domain, c]));
    expect(byDomain['technology-data']).toMatchObject({
      score: 8,
      band: 'excellent',
      source: 'triage-estimate',
    });
    expect(byDomain['strategic-alignment']).toMatchObject({ score: 6, band: 'good' });
    expect(byDomain['operational-excellence']).toMatchObject({ score: 5, band: 'warning' });
    expect(byDomain['supply-chain']).toMatchObject({
      score: null,
      band: null,
      bandLabel: 'Not assessed',
      source: 'not-assessed',
    });
  });

  it('follows the display order of ctx.priorities for ranks', () => {
    const validated = heatmapCells(validatedFixtureContext());
    expect(validated.find((c) => c.domain === 'financial-management')!.priorityRank).toBe(1);
    expect(validated.find((c) => c.domain === 'revenue-engine')!.priorityRank).toBe(2);
  });

  it('marks an activated domain without an analysis as activated, with an estimate', () => {
    const ctx = fixtureContext({
      triage: {
        ...fixtureTriage,
        activatedDomains: [...fixtureTriage.activatedDomains, 'operational-excellence'],
      },
    });
    const cell = heatmapCells(ctx).find((c) => c.domain === 'operational-excellence')!;
    expect(cell).toMatchObject({ activated: true, analyst: null, source: 'triage-estimate', score: 5 });
    expect(cellMarkup(renderHeatmapSvg(ctx), 'operational-excellence')).toContain('stroke-width="5"');
  });
});

describe('renderHeatmapSvg', () => {
  const svg = renderHeatmapSvg(fixtureContext());

  it('is accessible and well formed', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img"');
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)![1].split(' ');
    expect(labelledBy).toHaveLength(2);
    expect(svg).toContain(
      `<title id="${labelledBy[0]}">Operational health heatmap: Harbourline Analytics Ltd</title>`,
    );
    expect(svg).toContain(`<desc id="${labelledBy[1]}">`);
    expect(markupProblem(svg)).toBeNull();
    // The description reads out every domain.
    const desc = /<desc[^>]*>([\s\S]*?)<\/desc>/.exec(svg)![1];
    for (const d of DOMAINS) expect(desc).toContain(d.name.replace(/&/g, '&amp;'));
    expect(desc).toContain('specialist analysis by Marcus Webb (AI specialist), priority 1');
  });

  it('draws twelve cells with band colours, text labels and specialist markers', () => {
    expect(svg.match(/<g class="cell"/g)).toHaveLength(12);
    const revenue = cellMarkup(svg, 'revenue-engine');
    expect(revenue).toContain(`fill="${HEATMAP_PALETTE.critical.fill}"`);
    expect(revenue).toContain('3/10 · Critical');
    expect(revenue).toContain('stroke-width="5"');
    expect(revenue).toContain('>Specialist<');
    expect(revenue).toContain('>Priority 1<');
    const tech = cellMarkup(svg, 'technology-data');
    expect(tech).toContain(`fill="${HEATMAP_PALETTE.excellent.fill}"`);
    expect(tech).toContain('8/10 (est.) · Excellent');
    expect(tech).toContain('stroke-width="1"');
    expect(tech).not.toContain('Specialist');
    const finance = cellMarkup(svg, 'financial-management');
    expect(finance).toContain(`fill="${HEATMAP_PALETTE.warning.fill}"`);
    expect(finance).toContain('4/10 · Warning');
    const supply = cellMarkup(svg, 'supply-chain');
    expect(supply).toContain(`fill="${HEATMAP_PALETTE['not-assessed'].fill}"`);
    expect(supply).toContain('Not assessed');
    expect(svg.match(/>Specialist</g)).toHaveLength(3);
  });

  it('has a legend with every band', () => {
    const legend = svg.slice(svg.indexOf('<g class="legend">'));
    for (const label of [
      'Excellent (8–10)',
      'Good (6–7)',
      'Warning (4–5)',
      'Critical (1–3)',
      'Not assessed',
    ]) {
      expect(legend).toContain(label);
    }
  });

  it('uses text colours with at least 4.5:1 contrast', () => {
    for (const p of Object.values(HEATMAP_PALETTE))
      expect(contrastRatio(p.fill, p.text)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(BADGE_COLOURS.fill, BADGE_COLOURS.text)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#888888')).toBeLessThan(1.5);
  });

  it('escapes the company name and the analyst names', () => {
    const ctx = fixtureContext({
      companyName: '<script>alert("x")</script> & Co',
      analyses: fixtureAnalyses.map((a, i) => (i === 0 ? { ...a, analyst: 'Zoë <b>O’Neil</b>' } : a)),
    });
    const out = renderHeatmapSvg(ctx);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(markupProblem(out)).toBeNull();
  });
});
