import { escapeHtml, safeHref } from './format';
import { HEATMAP_PALETTE } from './heatmap';
import type { Block, DeliverableDocument, HeatmapCell, Section } from './types';

export { escapeHtml } from './format';

/** Escaped text with line breaks kept. */
function text(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, '<br>');
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #111827; font: 16px/1.55 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 920px; margin: 0 auto; background: #ffffff; padding: 48px 56px 64px; }
header.doc { border-bottom: 3px solid #1f3a5f; margin-bottom: 28px; padding-bottom: 16px; }
header.doc .brand { color: #1f3a5f; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; font-size: 13px; margin: 0 0 8px; }
h1 { font-size: 32px; line-height: 1.2; margin: 0 0 6px; color: #1f3a5f; }
.subtitle { margin: 0; color: #4b5563; }
nav.toc { background: #f7f8fa; border: 1px solid #e5e7eb; padding: 12px 20px; margin-bottom: 28px; }
nav.toc h2 { font-size: 15px; margin: 0 0 6px; border: 0; padding: 0; }
nav.toc ol { margin: 0; padding-left: 20px; }
nav.toc a { color: #1f3a5f; }
h2 { font-size: 23px; color: #1f3a5f; margin: 36px 0 12px; padding-top: 12px; border-top: 1px solid #d1d5db; }
h3 { font-size: 18px; color: #111827; margin: 24px 0 8px; }
p { margin: 0 0 12px; }
ul, ol { margin: 0 0 14px; padding-left: 24px; }
li { margin-bottom: 6px; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 18px; font-size: 14px; }
.table-wrap { overflow-x: auto; max-width: 100%; }
caption { text-align: left; font-weight: 700; padding-bottom: 6px; }
th, td { border: 1px solid #d1d5db; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
dl.kv { display: grid; grid-template-columns: minmax(140px, 30%) 1fr; gap: 6px 16px; margin: 0 0 16px; }
dl.kv dt { font-weight: 700; }
dl.kv dd { margin: 0; }
a { color: #1d4ed8; word-break: break-word; }
figure.heatmap { margin: 12px 0 18px; }
figure.heatmap svg { max-width: 100%; height: auto; display: block; }
ul.heatmap-cells { display: none; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 8px; list-style: none; padding: 0; margin: 0; }
ul.heatmap-cells li { border-radius: 6px; padding: 8px 10px; border: 1px solid #6b7280; }
ul.heatmap-cells li.activated { border: 3px solid #111827; }
ul.heatmap-cells strong { display: block; }
footer.doc { margin-top: 40px; padding-top: 12px; border-top: 1px solid #d1d5db; color: #4b5563; font-size: 13px; }
@media (max-width: 700px) { main { padding: 24px 18px; } dl.kv { grid-template-columns: 1fr; } }
/* Phones: table cells keep whole words (the table scrolls in its box), the first column stays in view, and the
   heatmap reflows: the wide SVG grid gives way to the same cells as cards, two to a row. */
@media (max-width: 700px) {
  th, td { min-width: 9rem; overflow-wrap: normal; word-break: normal; hyphens: auto; }
  .table-wrap th:first-child, .table-wrap td:first-child { position: sticky; left: 0; z-index: 1; background: #ffffff; min-width: 7.5rem; box-shadow: 1px 0 0 #d1d5db; }
  .table-wrap th:first-child { background: #eef1f5; }
  figure.heatmap svg { display: none; }
  ul.heatmap-cells { display: grid; }
}
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { background: #ffffff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, figure, dl.kv, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: #111827; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 9pt; }
}
`;

export function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${text(block.text)}</p>`;
    case 'bullets': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((i) => `<li>${text(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const caption = block.caption ? `<caption>${text(block.caption)}</caption>` : '';
      const head = `<thead><tr>${block.headers.map((h) => `<th scope="col">${text(h)}</th>`).join('')}</tr></thead>`;
      const body = `<tbody>${block.rows
        .map((r) => `<tr>${r.map((c) => `<td>${text(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody>`;
      // Wide tables scroll inside their box on a phone instead of widening the page.
      return `<div class="table-wrap"><table>${caption}${head}${body}</table></div>`;
    }
    case 'heatmap':
      // The SVG comes from renderHeatmapSvg, which escapes every value it interpolates. On a phone the same cells
      // reflow as cards (CSS shows one or the other).
      return `<figure class="heatmap">${block.svg}${heatmapCards(block.cells)}</figure>`;
    case 'keyValue':
      return `<dl class="kv">${block.items
        .map((item) => {
          const href = safeHref(item.href);
          const value = href ? `<a href="${escapeHtml(href)}">${text(item.value)}</a>` : text(item.value);
          return `<dt>${text(item.key)}</dt><dd>${value}</dd>`;
        })
        .join('')}</dl>`;
  }
}

/** The heatmap's cells as cards, in the band's colours, with the band, score, AI specialist and priority in words. */
function heatmapCards(cells: readonly HeatmapCell[]): string {
  const items = cells.map((c) => {
    const colours = HEATMAP_PALETTE[c.band ?? 'not-assessed'];
    const score = c.score === null ? c.bandLabel : `${c.bandLabel}, ${c.score}/10`;
    const notes = [
      c.analyst ?? '',
      c.priorityRanks.length ? `Priority ${c.priorityRanks.join(', ')}` : '',
    ].filter(Boolean);
    return `<li class="${c.activated ? 'activated' : ''}" style="background:${colours.fill};color:${colours.text}"><strong>${text(c.name)}</strong>${text(score)}${notes.map((n) => `<br>${text(n)}`).join('')}</li>`;
  });
  return `<ul class="heatmap-cells">${items.join('')}</ul>`;
}

function renderSection(section: Section, id: string): string {
  const level = section.level === 2 ? 3 : 2;
  return `<section id="${escapeHtml(id)}" class="level-${section.level ?? 1}"><h${level}>${text(section.heading)}</h${level}>\n${section.blocks
    .map(renderBlock)
    .join('\n')}</section>`;
}

/** A complete standalone HTML5 page (inline CSS, print-friendly); every interpolated value is escaped. */
export function renderHtml(doc: DeliverableDocument): string {
  const ids = doc.sections.map((_, i) => `section-${i + 1}`);
  const toc = doc.sections
    .map((s, i) => ({ s, id: ids[i] }))
    .filter(({ s }) => (s.level ?? 1) === 1)
    .map(({ s, id }) => `<li><a href="#${id}">${text(s.heading)}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${doc.title}: ${doc.subtitle}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header class="doc"><p class="brand">ScaleMap</p><h1>${text(doc.title)}</h1><p class="subtitle">${text(doc.subtitle)}</p></header>
<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${toc}</ol></nav>
${doc.sections.map((s, i) => renderSection(s, ids[i])).join('\n')}
<footer class="doc">${text(doc.subtitle)}. Prepared by ScaleMap. Confidential to the addressee.</footer>
</main>
</body>
</html>
`;
}
