import { DOMAINS } from '../domain/domains';
import { analystLabel, healthBand, type DomainTriage, type HealthBand } from '../domain/analysis';
import { BAND_LABELS, NOT_ASSESSED_LABEL, SHORT_DOMAIN_NAMES, escapeXml } from './format';
import type { DeliveryContext, HeatmapCell } from './types';

/**
 * Health estimate (1–10) for a domain without a specialist analysis, from its triage score (1–5, 5 = most
 * critical): 10 - (score - 1) * 2.25, rounded and clamped to 1–10. Triage 1 -> 10, 3 -> 6 (5.5), 5 -> 1.
 */
export function estimateHealthFromTriage(triageScore: number): number {
  const raw = Math.round(10 - (triageScore - 1) * 2.25);
  return Math.min(10, Math.max(1, raw));
}

/**
 * A domain counts as "not assessed" when none of its applicable questions were answered (for example supply
 * chain for a company without physical products) or it has no score on the 1–5 scale.
 */
export function isAssessedByTriage(t: DomainTriage | undefined): t is DomainTriage {
  return !!t && t.answeredRatio > 0 && t.score >= 1;
}

export type PaletteKey = HealthBand | 'not-assessed';

/**
 * Cell colours. Each text colour has a WCAG contrast ratio of at least 4.5:1 against its fill (checked in the
 * tests), and the band is always written out as text as well, so colour is never the only carrier.
 */
export const HEATMAP_PALETTE: Record<
  PaletteKey,
  { fill: string; text: string; label: string; range: string }
> = {
  excellent: { fill: '#1e6b34', text: '#ffffff', label: BAND_LABELS.excellent, range: '8–10' },
  good: { fill: '#b9e4c3', text: '#0f3b1c', label: BAND_LABELS.good, range: '6–7' },
  warning: { fill: '#ffd27a', text: '#4a2c00', label: BAND_LABELS.warning, range: '4–5' },
  critical: { fill: '#a31515', text: '#ffffff', label: BAND_LABELS.critical, range: '1–3' },
  'not-assessed': { fill: '#e5e7eb', text: '#374151', label: NOT_ASSESSED_LABEL, range: 'n/a' },
};

/** Marker badges (specialist, priority) are drawn white with dark text on top of any fill. */
export const BADGE_COLOURS = { fill: '#ffffff', text: '#111827', border: '#111827' };
/** Thick border of cells whose domain was analysed by a specialist. */
export const ACTIVATED_BORDER = { colour: '#111827', width: 5 };
export const PLAIN_BORDER = { colour: '#6b7280', width: 1 };

export function paletteFor(cell: Pick<HeatmapCell, 'band'>) {
  return HEATMAP_PALETTE[cell.band ?? 'not-assessed'];
}

/** WCAG 2.x contrast ratio between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const n = parseInt(hex.replace('#', ''), 16);
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The data behind the heatmap, in the canonical domain order (DOMAINS). */
export function heatmapCells(ctx: DeliveryContext): HeatmapCell[] {
  return DOMAINS.map((d) => {
    const analysis = ctx.analyses.find((a) => a.domain === d.id);
    const triage = ctx.triage.domains.find((t) => t.domain === d.id);
    const priorityRanks = ctx.priorities
      .map((p, i) => (p.recommendation.domain === d.id ? i + 1 : 0))
      .filter((rank) => rank > 0);
    const activated = ctx.triage.activatedDomains.includes(d.id) || !!analysis;
    let score: number | null = null;
    let source: HeatmapCell['source'] = 'not-assessed';
    if (analysis) {
      score = analysis.healthScore;
      source = 'specialist';
    } else if (isAssessedByTriage(triage)) {
      score = estimateHealthFromTriage(triage.score);
      source = 'triage-estimate';
    }
    const band = score === null ? null : healthBand(score);
    return {
      domain: d.id,
      name: d.name,
      shortName: SHORT_DOMAIN_NAMES[d.id],
      score,
      band,
      bandLabel: band ? BAND_LABELS[band] : NOT_ASSESSED_LABEL,
      source,
      activated,
      analyst: analysis ? analystLabel(analysis.analyst) : null,
      priorityRank: priorityRanks[0] ?? null,
      priorityRanks,
    };
  });
}

/** "6/10 · Good", "6/10 (est.) · Good" or "Not assessed". */
export function cellScoreText(cell: HeatmapCell): string {
  if (cell.score === null) return NOT_ASSESSED_LABEL;
  return `${cell.score}/10${cell.source === 'triage-estimate' ? ' (est.)' : ''} · ${cell.bandLabel}`;
}

/** One sentence per cell, for the SVG <desc> and screen readers. */
export function cellDescription(cell: HeatmapCell): string {
  const parts: string[] = [];
  if (cell.score === null) parts.push('not assessed (no applicable questions answered)');
  else {
    parts.push(
      `${cell.score} out of 10, ${cell.bandLabel.toLowerCase()}${cell.source === 'triage-estimate' ? ' (estimated from the questionnaire)' : ''}`,
    );
  }
  if (cell.activated)
    parts.push(cell.analyst ? `specialist analysis by ${cell.analyst}` : 'specialist activated');
  if (cell.priorityRanks.length) parts.push(`priority ${cell.priorityRanks.join(' and ')}`);
  return `${cell.name}: ${parts.join(', ')}.`;
}

export const HEATMAP_GRID = { columns: 4, cellWidth: 230, cellHeight: 112, gap: 12, padding: 16 };

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function idSuffix(assessmentId: string): string {
  return assessmentId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'x';
}

/** Accessible SVG heatmap of the twelve domains (role="img", <title>, <desc>, text on every cell, legend). */
export function renderHeatmapSvg(ctx: DeliveryContext): string {
  return renderHeatmapSvgFromCells(heatmapCells(ctx), {
    title: `Operational health heatmap: ${ctx.companyName}`,
    idSuffix: idSuffix(ctx.assessmentId),
  });
}

export function renderHeatmapSvgFromCells(
  cells: HeatmapCell[],
  opts: { title: string; idSuffix?: string },
): string {
  const { columns, cellWidth, cellHeight, gap, padding } = HEATMAP_GRID;
  const rows = Math.ceil(cells.length / columns);
  const gridHeight = rows * cellHeight + (rows - 1) * gap;
  const width = padding * 2 + columns * cellWidth + (columns - 1) * gap;
  const legendTop = padding + gridHeight + 24;
  const height = legendTop + 78;
  const suffix = opts.idSuffix ?? 'x';
  const titleId = `heatmap-title-${suffix}`;
  const descId = `heatmap-desc-${suffix}`;
  const font = 'font-family="Helvetica, Arial, sans-serif"';
  const activatedCount = cells.filter((c) => c.activated).length;
  const desc =
    `Health scores out of 10 (higher is healthier) for ${cells.length} operational domains; ` +
    `${activatedCount} analysed in depth by specialists (thick border). ` +
    cells.map(cellDescription).join(' ');

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${titleId} ${descId}" ${font}>`,
  );
  out.push(`<title id="${titleId}">${escapeXml(opts.title)}</title>`);
  out.push(`<desc id="${descId}">${escapeXml(desc)}</desc>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);

  cells.forEach((cell, i) => {
    const x = padding + (i % columns) * (cellWidth + gap);
    const y = padding + Math.floor(i / columns) * (cellHeight + gap);
    const colours = paletteFor(cell);
    const border = cell.activated ? ACTIVATED_BORDER : PLAIN_BORDER;
    const inset = border.width / 2;
    out.push(
      `<g class="cell" data-domain="${escapeXml(cell.domain)}" data-band="${escapeXml(cell.band ?? 'not-assessed')}" data-activated="${cell.activated}">`,
    );
    out.push(
      `<rect x="${x + inset}" y="${y + inset}" width="${cellWidth - border.width}" height="${cellHeight - border.width}" rx="6" fill="${colours.fill}" stroke="${border.colour}" stroke-width="${border.width}"/>`,
    );
    out.push(
      `<text x="${x + 14}" y="${y + 28}" font-size="16" font-weight="bold" fill="${colours.text}">${escapeXml(cell.shortName)}</text>`,
    );
    out.push(
      `<text x="${x + 14}" y="${y + 52}" font-size="15" fill="${colours.text}">${escapeXml(cellScoreText(cell))}</text>`,
    );
    let badgeX = x + 14;
    const badges: string[] = [];
    if (cell.activated) badges.push('Specialist');
    if (cell.priorityRank !== null) badges.push(`Priority ${cell.priorityRanks.join(', ')}`);
    for (const badge of badges) {
      const w = badge.length * 7 + 14;
      out.push(
        `<rect class="badge" x="${badgeX}" y="${y + 62}" width="${w}" height="20" rx="10" fill="${BADGE_COLOURS.fill}" stroke="${BADGE_COLOURS.border}" stroke-width="1"/>`,
      );
      out.push(
        `<text x="${badgeX + w / 2}" y="${y + 76}" font-size="12" font-weight="bold" text-anchor="middle" fill="${BADGE_COLOURS.text}">${escapeXml(badge)}</text>`,
      );
      badgeX += w + 6;
    }
    if (cell.analyst) {
      out.push(
        `<text x="${x + 14}" y="${y + 100}" font-size="12" fill="${colours.text}">${escapeXml(truncate(cell.analyst, 34))}</text>`,
      );
    } else if (cell.source === 'triage-estimate') {
      out.push(
        `<text x="${x + 14}" y="${y + 100}" font-size="12" fill="${colours.text}">Estimated from answers</text>`,
      );
    }
    out.push('</g>');
  });

  // Legend: the five fills with their labels and ranges, then the specialist marker.
  out.push(`<g class="legend">`);
  out.push(
    `<text x="${padding}" y="${legendTop}" font-size="13" font-weight="bold" fill="#111827">Legend (health score out of 10, higher is healthier)</text>`,
  );
  const legendKeys: PaletteKey[] = ['excellent', 'good', 'warning', 'critical', 'not-assessed'];
  legendKeys.forEach((key, i) => {
    const p = HEATMAP_PALETTE[key];
    const lx = padding + i * 170;
    const ly = legendTop + 12;
    out.push(
      `<rect x="${lx}" y="${ly}" width="22" height="22" rx="3" fill="${p.fill}" stroke="${PLAIN_BORDER.colour}" stroke-width="1"/>`,
    );
    const label = key === 'not-assessed' ? p.label : `${p.label} (${p.range})`;
    out.push(`<text x="${lx + 30}" y="${ly + 16}" font-size="13" fill="#111827">${escapeXml(label)}</text>`);
  });
  const my = legendTop + 46;
  out.push(
    `<rect x="${padding + 2}" y="${my + 2}" width="20" height="20" rx="3" fill="#ffffff" stroke="${ACTIVATED_BORDER.colour}" stroke-width="4"/>`,
  );
  out.push(
    `<text x="${padding + 30}" y="${my + 17}" font-size="13" fill="#111827">Thick border and “Specialist” badge: analysed in depth by a specialist. “(est.)”: estimated from questionnaire answers.</text>`,
  );
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n');
}
