import { PDFDocument } from 'pdf-lib';
import { composeDetailedReport, composeExecutiveSummary, composeImplementationKits } from './documents';
import { fixtureContext, validatedFixtureContext } from '../../test/fixtures/delivery';
import { escapeHtml, renderBlock, renderHtml } from './render-html';
import { canEncodeWinAnsi, pdfSafe, renderPdf } from './render-pdf';
import { markupProblem, pdfDrawnText } from './test-helpers';
import type { DeliverableDocument } from './types';

const hostile = fixtureContext({ companyName: '<script>alert("pwned")</script> & Sons' });

describe('renderHtml', () => {
  it('produces a standalone, well-formed HTML5 page with the heatmap inline', () => {
    const html = renderHtml(composeDetailedReport(fixtureContext()));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<style>[\s\S]*@media print/);
    expect(html).not.toMatch(/<link|<script/);
    expect(html).toContain('<figure class="heatmap"><svg');
    expect(html.match(/<g class="cell"/g)).toHaveLength(12);
    expect(html).toContain(
      '<a href="https://app.scalemap.test/assessments/asm_7f3c2a/validate">Open your validation form</a>',
    );
    expect(html).toContain('Harbourline Analytics Ltd');
    expect(markupProblem(html, { html: true })).toBeNull();
  });

  it('reflows the heatmap on a phone: the same twelve cells as cards, the wide grid hidden', () => {
    const doc = composeDetailedReport(fixtureContext());
    const heatmap = doc.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'heatmap');
    if (heatmap?.kind !== 'heatmap') throw new Error('no heatmap block');
    const html = renderHtml(doc);
    const cards = html.match(/<ul class="heatmap-cells">([\s\S]*?)<\/ul>/)?.[1] ?? '';
    expect(cards.match(/<li/g)).toHaveLength(12);
    for (const cell of heatmap.cells) expect(cards).toContain(escapeHtml(cell.name));
    expect(cards).toMatch(/Critical|Warning|Good|Excellent/);
    const phone = html.match(/@media \(max-width: 700px\) \{\s*th, td[\s\S]*?\n\}/)?.[0] ?? '';
    expect(phone).toContain('figure.heatmap svg { display: none; }');
    expect(phone).toContain('ul.heatmap-cells { display: grid; }');
  });

  it('escapes every interpolated value', () => {
    for (const doc of [
      composeExecutiveSummary(hostile),
      composeDetailedReport(hostile),
      composeImplementationKits(hostile),
    ]) {
      const html = renderHtml(doc);
      expect(html).not.toContain('<script>');
      expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; Sons');
      expect(markupProblem(html, { html: true })).toBeNull();
    }
  });

  it('renders only http(s) and mailto links', () => {
    const html = renderBlock({
      kind: 'keyValue',
      items: [
        { key: 'Bad', value: 'click', href: 'javascript:alert(1)' },
        { key: 'Good', value: 'mail', href: 'mailto:hello@example.com' },
      ],
    });
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="mailto:hello@example.com">mail</a>');
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;',
    );
  });
});

describe('pdfSafe', () => {
  it('keeps what WinAnsi can encode and replaces the rest', () => {
    expect(pdfSafe('“Smart” ‘quotes’ – en — em • … £7,500 € é ß ×')).toBe(
      '“Smart” ‘quotes’ – en — em • … £7,500 € é ß ×',
    );
    expect(pdfSafe('A → B ≥ 3 ≤ 5 ✓ ★')).toBe('A -> B >= 3 <= 5 v *');
    expect(pdfSafe('Łódź Kraków ő')).toBe('Lódz Kraków o');
    expect(pdfSafe('Growth 🚀 中文\u0007\u200b')).toBe('Growth  ??');
    for (const ch of pdfSafe('→≥🚀中文\tŁ')) expect(canEncodeWinAnsi(ch.codePointAt(0)!)).toBe(true);
  });
});

describe('renderPdf', () => {
  it('renders the three documents as loadable PDFs; the report has several pages', async () => {
    const ctx = validatedFixtureContext();
    for (const doc of [
      composeExecutiveSummary(ctx),
      composeDetailedReport(ctx),
      composeImplementationKits(ctx),
    ]) {
      const pdf = await renderPdf(doc);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const loaded = await PDFDocument.load(pdf);
      expect(loaded.getPageCount()).toBeGreaterThanOrEqual(1);
      expect(loaded.getTitle()).toContain('Harbourline Analytics Ltd');
    }
    const report = await PDFDocument.load(await renderPdf(composeDetailedReport(ctx)));
    expect(report.getPageCount()).toBeGreaterThan(1);
  });

  it('draws the heatmap natively and the text of the document', async () => {
    const pdf = await renderPdf(composeDetailedReport(fixtureContext()));
    const text = pdfDrawnText(pdf);
    expect(text).toContain(
      'Revenue Engine\n3/10 · Critical\nSPECIALIST\nPRIORITY 1\nMarcus Webb (AI specialist)',
    );
    expect(text).toContain('Technology & Data\n8/10 (est.) · Excellent');
    expect(text).toContain('Supply Chain\nNot assessed');
    expect(text.match(/SPECIALIST\n/g)).toHaveLength(3);
    expect(text).toContain('Priority 1: Install a stage-weighted revenue forecast');
    // The link is words, not a raw URL (issue 11); the URL is the link's target.
    expect(text).toContain('Validate here\nOpen your validation form');
    expect(text).not.toContain('https://app.scalemap.test/assessments/asm_7f3c2a/validate');
    // "≥ 3×" in the fixture: ≥ is replaced, × is WinAnsi.
    expect(text).toContain('>= 3× coverage target');
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('never throws on text the standard fonts cannot encode, and wraps very long words', async () => {
    const doc: DeliverableDocument = {
      title: 'Stress → test ≥ 🚀',
      subtitle: 'Zażółć gęślą jaźń · 中文 · \u0007',
      sections: [
        {
          heading: 'Long content',
          blocks: [
            { kind: 'paragraph', text: 'x'.repeat(3000) },
            { kind: 'paragraph', text: 'word '.repeat(2500) },
            { kind: 'bullets', items: ['→ one', '≥ two\nwith a line break', '\t tabbed'], ordered: true },
            {
              kind: 'keyValue',
              items: [
                { key: 'Link', value: 'https://example.com/' + 'a'.repeat(300), href: 'https://example.com' },
              ],
            },
            {
              kind: 'table',
              headers: ['A', 'B'],
              rows: [
                ['≈ '.repeat(1500), 'short'],
                ['', ''],
              ],
            },
          ],
        },
        { heading: 'Empty', level: 2, blocks: [] },
      ],
    };
    const pdf = await renderPdf(doc);
    const loaded = await PDFDocument.load(pdf);
    expect(loaded.getPageCount()).toBeGreaterThan(3);
    expect(pdfDrawnText(pdf)).toContain('Stress -> test >=');
  });

  it('escapes nothing it should not: a hostile company name is drawn as text', async () => {
    const text = pdfDrawnText(await renderPdf(composeExecutiveSummary(hostile)));
    expect(text).toContain('<script>alert("pwned")</script> & Sons');
  });
});
