/**
 * The text a client sees in one of our HTML deliverables or emails, one block (paragraph, list item, heading,
 * table cell, heatmap label) per line. Markup, styles, scripts and non-visible SVG titles are dropped; entities
 * are decoded. Our deliverables are generated, well-formed HTML, so a tag-level reading is exact enough.
 */
const BLOCK_TAGS =
  'p|li|h[1-6]|tr|td|th|dt|dd|div|br|caption|figure|figcaption|section|header|footer|nav|main|article|ul|ol|dl|table|thead|tbody|blockquote|text|tspan';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  pound: '£',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
      );
    return NAMED[e.toLowerCase()] ?? m;
  });
}

export function visibleText(html: string): string {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<head[\s\S]*?<\/head>/gi, '')
    .replace(/<(style|script|title|desc|noscript|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(new RegExp(`<\\/?(?:${BLOCK_TAGS})\\b[^>]*>`, 'gi'), '\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(body)
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
