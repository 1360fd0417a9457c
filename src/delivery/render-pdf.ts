import type * as PdfLib from 'pdf-lib';
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import { safeHref } from './format';
import {
  ACTIVATED_BORDER,
  BADGE_COLOURS,
  HEATMAP_PALETTE,
  PLAIN_BORDER,
  cellScoreText,
  paletteFor,
} from './heatmap';
import type { Block, DeliverableDocument, HeatmapCell, KeyValueItem, Section } from './types';

// ---------------------------------------------------------------------------------------------------------------
// WinAnsi sanitising: the standard 14 fonts can only encode WinAnsi (Windows-1252). Anything else would make
// pdf-lib throw, so every string drawn goes through pdfSafe().
// ---------------------------------------------------------------------------------------------------------------

/** The code points of Windows-1252 in 0x80–0x9F (smart quotes, dashes, bullet, ellipsis, euro, ...). */
const WIN_ANSI_EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e,
  0x0178,
]);

const REPLACEMENTS: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '⇒': '=>',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '≈': '~',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '—',
  '′': "'",
  '″': '"',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '✘': 'x',
  '★': '*',
  '☆': '*',
  '▪': '•',
  '●': '•',
  '◦': '•',
  '∙': '•',
  '⁄': '/',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2007': ' ',
  '\u2008': ' ',
  '\u202f': ' ',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\t': '    ',
};

export function canEncodeWinAnsi(codePoint: number): boolean {
  return (
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    WIN_ANSI_EXTRA.has(codePoint)
  );
}

/** Makes a single line of text drawable with a standard font (line breaks are removed: split lines first). */
export function pdfSafe(input: string): string {
  let out = '';
  for (const ch of input) {
    const cp = ch.codePointAt(0)!;
    if (canEncodeWinAnsi(cp)) {
      out += ch;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      out += ' ';
      continue;
    }
    const replacement = REPLACEMENTS[ch];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    // Accented letters outside Latin-1 (e.g. "ő", "ł" has no decomposition): try the base letter.
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (base && [...base].every((c) => canEncodeWinAnsi(c.codePointAt(0)!))) {
      out += base;
      continue;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue; // control characters
    if (cp >= 0x1f000 || (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0xfe00 && cp <= 0xfe0f)) continue; // emoji, dingbats
    out += '?';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------------------------

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56, top: 60, bottom: 60 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/**
 * pdf-lib (with its font metrics, about 60 ms to load) is loaded when the first PDF is rendered, not at the cold
 * start of every process that imports the deliverables (each pipeline Lambda step does).
 */
const pdfLib = () => require('pdf-lib') as typeof PdfLib;

function hex(colour: string): RGB {
  const n = parseInt(colour.replace('#', ''), 16);
  return pdfLib().rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

const PALETTE = {
  text: '#111827',
  muted: '#4b5563',
  brand: '#1f3a5f',
  rule: '#d1d5db',
  tableHead: '#eef1f5',
  link: '#1d4ed8',
};
let palette: Record<keyof typeof PALETTE, RGB> | undefined;

/** The palette as pdf-lib colours (built with the first PDF). */
function colours(): Record<keyof typeof PALETTE, RGB> {
  palette ??= Object.fromEntries(Object.entries(PALETTE).map(([k, v]) => [k, hex(v)])) as Record<
    keyof typeof PALETTE,
    RGB
  >;
  return palette;
}

class Layout {
  page!: PDFPage;
  y = 0;

  constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
  }

  get available(): number {
    return this.y - MARGIN.bottom;
  }

  ensure(height: number): void {
    if (height > this.available) this.newPage();
  }

  width(text: string, font: PDFFont, size: number): number {
    return font.widthOfTextAtSize(text, size);
  }

  /** Wraps text (which may contain \n) to the width; words longer than a line are broken. */
  wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
    const lines: string[] = [];
    for (const rawLine of text.split(/\r?\n/)) {
      const words = pdfSafe(rawLine)
        .split(/ +/)
        .filter((w) => w.length > 0);
      if (words.length === 0) {
        lines.push('');
        continue;
      }
      let line = '';
      for (let word of words) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.width(candidate, font, size) <= maxWidth) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        while (this.width(word, font, size) > maxWidth) {
          // Longest prefix that fits (at least one character, so this always progresses).
          let lo = 1;
          let hi = word.length - 1;
          while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (this.width(word.slice(0, mid), font, size) <= maxWidth) lo = mid;
            else hi = mid - 1;
          }
          lines.push(word.slice(0, lo));
          word = word.slice(lo);
        }
        line = word;
      }
      if (line) lines.push(line);
    }
    return lines;
  }

  fit(text: string, font: PDFFont, size: number, maxWidth: number): string {
    let t = pdfSafe(text);
    if (this.width(t, font, size) <= maxWidth) return t;
    while (t.length > 1 && this.width(`${t}…`, font, size) > maxWidth) t = t.slice(0, -1);
    return `${t.trimEnd()}…`;
  }

  drawText(
    text: string,
    x: number,
    y: number,
    size: number,
    font: PDFFont,
    color: RGB = colours().text,
  ): void {
    this.page.drawText(pdfSafe(text), { x, y, size, font, color });
  }

  link(url: string, x: number, y: number, w: number, h: number): void {
    const annot = this.doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [x, y, x + w, y + h],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: pdfLib().PDFString.of(url) },
    });
    this.page.node.addAnnot(this.doc.context.register(annot));
  }

  /** Draws wrapped lines from the current position, breaking pages between lines. */
  lines(
    lines: string[],
    opts: { x: number; size: number; font: PDFFont; lineHeight: number; color?: RGB; href?: string },
  ) {
    for (const line of lines) {
      this.ensure(opts.lineHeight);
      const baseline = this.y - opts.size;
      this.drawText(line, opts.x, baseline, opts.size, opts.font, opts.color);
      if (opts.href && line) {
        this.link(opts.href, opts.x, baseline - 2, this.width(line, opts.font, opts.size), opts.size + 3);
      }
      this.y -= opts.lineHeight;
    }
  }
}

const BODY = { size: 10.5, lineHeight: 14.5 };
const SMALL = { size: 9, lineHeight: 11.5 };

function drawTitle(l: Layout, doc: DeliverableDocument): void {
  l.drawText('SCALEMAP', MARGIN.left, l.y - 10, 10, l.bold, colours().brand);
  l.y -= 22;
  l.lines(l.wrap(doc.title, l.bold, 24, CONTENT_WIDTH), {
    x: MARGIN.left,
    size: 24,
    font: l.bold,
    lineHeight: 29,
    color: colours().brand,
  });
  l.lines(l.wrap(doc.subtitle, l.regular, 11.5, CONTENT_WIDTH), {
    x: MARGIN.left,
    size: 11.5,
    font: l.regular,
    lineHeight: 15,
    color: colours().muted,
  });
  l.y -= 6;
  l.page.drawLine({
    start: { x: MARGIN.left, y: l.y },
    end: { x: PAGE.width - MARGIN.right, y: l.y },
    thickness: 2,
    color: colours().brand,
  });
  l.y -= 10;
}

function drawHeading(l: Layout, section: Section): void {
  const level2 = section.level === 2;
  const size = level2 ? 12.5 : 16;
  const lineHeight = level2 ? 16 : 20;
  const lines = l.wrap(section.heading, l.bold, size, CONTENT_WIDTH);
  const before = level2 ? 10 : 18;
  // Keep the heading with at least three lines of what follows.
  if (before + lines.length * lineHeight + 3 * BODY.lineHeight > l.available) l.newPage();
  else l.y -= before;
  l.lines(lines, {
    x: MARGIN.left,
    size,
    font: l.bold,
    lineHeight,
    color: level2 ? colours().text : colours().brand,
  });
  l.y -= 4;
}

function drawParagraph(l: Layout, text: string): void {
  l.lines(l.wrap(text, l.regular, BODY.size, CONTENT_WIDTH), {
    x: MARGIN.left,
    font: l.regular,
    ...BODY,
  });
  l.y -= 6;
}

function drawBullets(l: Layout, items: string[], ordered: boolean): void {
  const indent = ordered ? 20 : 14;
  items.forEach((item, i) => {
    const lines = l.wrap(item, l.regular, BODY.size, CONTENT_WIDTH - indent);
    l.ensure(BODY.lineHeight);
    l.drawText(ordered ? `${i + 1}.` : '•', MARGIN.left + 2, l.y - BODY.size, BODY.size, l.regular);
    l.lines(lines, { x: MARGIN.left + indent, font: l.regular, ...BODY });
    l.y -= 3;
  });
  l.y -= 4;
}

function drawKeyValue(l: Layout, items: KeyValueItem[]): void {
  const keyWidth = 140;
  const gap = 12;
  const valueWidth = CONTENT_WIDTH - keyWidth - gap;
  for (const item of items) {
    const href = safeHref(item.href);
    const keyLines = l.wrap(item.key, l.bold, BODY.size, keyWidth);
    const valueLines = l.wrap(item.value, l.regular, BODY.size, valueWidth);
    const n = Math.max(keyLines.length, valueLines.length);
    if (n <= 6) l.ensure(n * BODY.lineHeight);
    for (let i = 0; i < n; i++) {
      l.ensure(BODY.lineHeight);
      const baseline = l.y - BODY.size;
      if (keyLines[i]) l.drawText(keyLines[i], MARGIN.left, baseline, BODY.size, l.bold);
      const v = valueLines[i];
      if (v) {
        const x = MARGIN.left + keyWidth + gap;
        l.drawText(v, x, baseline, BODY.size, l.regular, href ? colours().link : colours().text);
        if (href) l.link(href, x, baseline - 2, l.width(v, l.regular, BODY.size), BODY.size + 3);
      }
      l.y -= BODY.lineHeight;
    }
    l.y -= 4;
  }
  l.y -= 4;
}

function columnWidths(l: Layout, headers: string[], rows: string[][]): number[] {
  const pad = 8;
  const cols = headers.length;
  const natural = new Array<number>(cols).fill(0);
  const minimum = new Array<number>(cols).fill(0);
  for (const row of [headers, ...rows]) {
    for (let c = 0; c < cols; c++) {
      const cell = pdfSafe((row[c] ?? '').replace(/\n/g, ' '));
      const font = row === headers ? l.bold : l.regular;
      natural[c] = Math.max(natural[c], Math.min(l.width(cell, font, SMALL.size), 260) + pad);
      const longestWord = cell.split(/ +/).reduce((m, w) => Math.max(m, l.width(w, font, SMALL.size)), 0);
      minimum[c] = Math.max(minimum[c], Math.min(longestWord, 90) + pad);
    }
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const sumNatural = sum(natural);
  if (sumNatural <= CONTENT_WIDTH) return natural.map((w) => (w * CONTENT_WIDTH) / sumNatural);
  // Short columns (dates, scores, levels) keep their natural width; long text columns share the rest.
  const short = natural.map((w) => w <= 95);
  const fixedWidth = sum(natural.filter((_, c) => short[c]));
  const flexNatural = sum(natural.filter((_, c) => !short[c]));
  const flexMin = sum(minimum.filter((_, c) => !short[c]));
  if (flexNatural > 0 && fixedWidth + flexMin < CONTENT_WIDTH) {
    const k = (CONTENT_WIDTH - fixedWidth - flexMin) / (flexNatural - flexMin);
    return natural.map((w, c) => (short[c] ? w : minimum[c] + (w - minimum[c]) * k));
  }
  const sumMin = sum(minimum);
  if (sumMin >= CONTENT_WIDTH) return minimum.map((w) => (w * CONTENT_WIDTH) / sumMin);
  const k = (CONTENT_WIDTH - sumMin) / (sumNatural - sumMin);
  return minimum.map((m, c) => m + (natural[c] - m) * k);
}

function drawTable(l: Layout, block: Extract<Block, { kind: 'table' }>): void {
  const pad = 4;
  const widths = columnWidths(l, block.headers, block.rows);
  const contentHeight = PAGE.height - MARGIN.top - MARGIN.bottom;

  const drawRow = (cells: string[], header: boolean, repeatHeader: () => void) => {
    const font = header ? l.bold : l.regular;
    const remaining = cells.map((c, i) => l.wrap(c ?? '', font, SMALL.size, widths[i] - 2 * pad));
    const fullHeight = Math.max(1, ...remaining.map((r) => r.length)) * SMALL.lineHeight + 2 * pad;
    if (fullHeight > l.available && fullHeight <= contentHeight * 0.5) {
      l.newPage();
      repeatHeader();
    }
    let first = true;
    while (first || remaining.some((r) => r.length)) {
      first = false;
      let take = Math.floor((l.available - 2 * pad) / SMALL.lineHeight);
      if (take < 1) {
        l.newPage();
        repeatHeader();
        take = Math.floor((l.available - 2 * pad) / SMALL.lineHeight);
      }
      const count = Math.max(1, Math.min(take, Math.max(...remaining.map((r) => r.length))));
      const height = count * SMALL.lineHeight + 2 * pad;
      let x = MARGIN.left;
      cells.forEach((_, i) => {
        l.page.drawRectangle({
          x,
          y: l.y - height,
          width: widths[i],
          height,
          color: header ? colours().tableHead : undefined,
          borderColor: colours().rule,
          borderWidth: 0.75,
        });
        remaining[i].splice(0, count).forEach((line, j) => {
          l.drawText(line, x + pad, l.y - pad - SMALL.size - j * SMALL.lineHeight + 1, SMALL.size, font);
        });
        x += widths[i];
      });
      l.y -= height;
    }
  };

  if (block.caption) {
    const captionLines = l.wrap(block.caption, l.bold, 10, CONTENT_WIDTH);
    l.ensure(captionLines.length * 13 + 3 * SMALL.lineHeight);
    l.lines(captionLines, { x: MARGIN.left, size: 10, font: l.bold, lineHeight: 13 });
    l.y -= 2;
  }
  const header = () => drawRow(block.headers, true, () => undefined);
  l.ensure(4 * SMALL.lineHeight + 4 * pad);
  header();
  for (const row of block.rows) drawRow(row, false, header);
  l.y -= 10;
}

function drawHeatmap(l: Layout, cells: HeatmapCell[]): void {
  const columns = 4;
  const gap = 6;
  const cellW = (CONTENT_WIDTH - (columns - 1) * gap) / columns;
  const cellH = 72;
  const rows = Math.ceil(cells.length / columns);
  const legendH = 44;
  const total = rows * cellH + (rows - 1) * gap + legendH + 10;
  l.ensure(total);
  const top = l.y;
  cells.forEach((cell, i) => {
    const x = MARGIN.left + (i % columns) * (cellW + gap);
    const yTop = top - Math.floor(i / columns) * (cellH + gap);
    const p = paletteFor(cell);
    const border = cell.activated ? ACTIVATED_BORDER : PLAIN_BORDER;
    const bw = cell.activated ? 3 : 0.75;
    l.page.drawRectangle({
      x: x + bw / 2,
      y: yTop - cellH + bw / 2,
      width: cellW - bw,
      height: cellH - bw,
      color: hex(p.fill),
      borderColor: hex(border.colour),
      borderWidth: bw,
    });
    const text = hex(p.text);
    const inner = cellW - 16;
    let nameSize = 9.5;
    while (nameSize > 7.5 && l.width(pdfSafe(cell.shortName), l.bold, nameSize) > inner) nameSize -= 0.5;
    l.drawText(l.fit(cell.shortName, l.bold, nameSize, inner), x + 8, yTop - 16, nameSize, l.bold, text);
    l.drawText(l.fit(cellScoreText(cell), l.regular, 9, inner), x + 8, yTop - 30, 9, l.regular, text);
    let bx = x + 8;
    const badges = [
      ...(cell.activated ? ['SPECIALIST'] : []),
      ...(cell.priorityRanks.length ? [`PRIORITY ${cell.priorityRanks.join(', ')}`] : []),
    ];
    for (const badge of badges) {
      const w = l.width(badge, l.bold, 6.5) + 8;
      l.page.drawRectangle({
        x: bx,
        y: yTop - 48,
        width: w,
        height: 11,
        color: hex(BADGE_COLOURS.fill),
        borderColor: hex(BADGE_COLOURS.border),
        borderWidth: 0.5,
      });
      l.drawText(badge, bx + 4, yTop - 45.5, 6.5, l.bold, hex(BADGE_COLOURS.text));
      bx += w + 4;
    }
    const footer = cell.analyst
      ? cell.analyst
      : cell.source === 'triage-estimate'
        ? 'Estimated from answers'
        : '';
    if (footer) l.drawText(l.fit(footer, l.regular, 7.5, inner), x + 8, yTop - 62, 7.5, l.regular, text);
  });
  l.y = top - rows * cellH - (rows - 1) * gap - 12;

  // Legend.
  const keys = ['excellent', 'good', 'warning', 'critical', 'not-assessed'] as const;
  let lx = MARGIN.left;
  for (const key of keys) {
    const p = HEATMAP_PALETTE[key];
    l.page.drawRectangle({
      x: lx,
      y: l.y - 10,
      width: 10,
      height: 10,
      color: hex(p.fill),
      borderColor: hex(PLAIN_BORDER.colour),
      borderWidth: 0.5,
    });
    const label = key === 'not-assessed' ? p.label : `${p.label} (${p.range})`;
    l.drawText(label, lx + 14, l.y - 8.5, 8, l.regular);
    lx += 14 + l.width(pdfSafe(label), l.regular, 8) + 16;
  }
  l.y -= 22;
  l.page.drawRectangle({
    x: MARGIN.left,
    y: l.y - 10,
    width: 10,
    height: 10,
    color: hex('#ffffff'),
    borderColor: hex(ACTIVATED_BORDER.colour),
    borderWidth: 2,
  });
  l.drawText(
    'Thick border and SPECIALIST badge: analysed in depth by a specialist. (est.): estimated from questionnaire answers.',
    MARGIN.left + 14,
    l.y - 8.5,
    8,
    l.regular,
  );
  l.y -= 22;
}

function drawBlock(l: Layout, block: Block): void {
  switch (block.kind) {
    case 'paragraph':
      return drawParagraph(l, block.text);
    case 'bullets':
      return drawBullets(l, block.items, !!block.ordered);
    case 'keyValue':
      return drawKeyValue(l, block.items);
    case 'table':
      return drawTable(l, block);
    case 'heatmap':
      return drawHeatmap(l, block.cells);
  }
}

function drawFooters(doc: PDFDocument, font: PDFFont, label: string): void {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const right = `Page ${i + 1} of ${pages.length}`;
    const size = 8;
    const rightWidth = font.widthOfTextAtSize(right, size);
    let left = pdfSafe(label);
    const maxLeft = CONTENT_WIDTH - rightWidth - 20;
    while (left.length > 1 && font.widthOfTextAtSize(left, size) > maxLeft) left = left.slice(0, -2) + '…';
    page.drawText(left, { x: MARGIN.left, y: 30, size, font, color: colours().muted });
    page.drawText(right, {
      x: PAGE.width - MARGIN.right - rightWidth,
      y: 30,
      size,
      font,
      color: colours().muted,
    });
  });
}

/** Renders a document model to an A4 PDF with the standard Helvetica fonts. */
export async function renderPdf(model: DeliverableDocument): Promise<Buffer> {
  const { PDFDocument, StandardFonts } = pdfLib();
  const doc = await PDFDocument.create();
  doc.setTitle(pdfSafe(`${model.title}: ${model.subtitle}`));
  doc.setAuthor('ScaleMap');
  doc.setCreator('ScaleMap');
  doc.setProducer('ScaleMap');
  doc.setLanguage('en-GB');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const l = new Layout(doc, regular, bold);
  drawTitle(l, model);
  for (const section of model.sections) {
    drawHeading(l, section);
    for (const block of section.blocks) drawBlock(l, block);
  }
  drawFooters(doc, regular, `${model.title} · ${model.subtitle}`);
  return Buffer.from(await doc.save());
}
