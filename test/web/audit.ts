/**
 * Page checks of the browser test: no horizontal overflow, axe-core with zero violations (its source evaluated
 * by the test, so the page's CSP stays on), cumulative layout shift < 0.1 (a PerformanceObserver installed before
 * the page's own scripts), no forbidden client text (src/domain/client-text.ts), and a full-page screenshot.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { findClientTextViolations } from '../../src/domain/client-text';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Records layout shifts (not those right after input, as CLS defines it) into window.__cls from the first paint. */
export async function installClsObserver(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __cls: number; __shifts: string[] };
    w.__cls = 0;
    w.__shifts = [];
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          hadRecentInput: boolean;
          sources?: { node?: Node | null }[];
        }[]) {
          if (entry.hadRecentInput) continue;
          w.__cls += entry.value;
          const node = entry.sources?.[0]?.node as HTMLElement | null | undefined;
          w.__shifts.push(
            `${entry.value.toFixed(3)} ${node?.nodeName ?? '?'}.${String(node?.className ?? '').slice(0, 60)}`,
          );
        }
      }).observe({ type: 'layout-shift', buffered: true });
    } catch {
      // layout-shift unsupported: CLS stays 0
    }
  });
}

export interface AuditResult {
  name: string;
  width: number;
  overflow: number;
  cls: number;
  shifts: string[];
  axe: string[];
  text: string[];
}

/** Waits for the page to settle: its heading, no loaders, fonts, two animation frames and a short quiet time. */
export async function settle(page: Page) {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(
    () => !document.querySelector('main [role="status"] .mantine-Loader-root, main .mantine-Skeleton-root'),
    undefined,
    { timeout: 20_000 },
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
      ),
  );
  await page.waitForTimeout(600);
}

export async function auditPage(page: Page, name: string, shotsDir: string): Promise<AuditResult> {
  await settle(page);
  const width = page.viewportSize()?.width ?? 0;
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  const { cls, shifts } = await page.evaluate(() => {
    const w = window as unknown as { __cls?: number; __shifts?: string[] };
    return { cls: w.__cls ?? 0, shifts: w.__shifts ?? [] };
  });
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
      .axe;
    const res = (await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    })) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    return res.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')})`,
    );
  });
  const text = await page.evaluate(() => document.body.innerText);
  const textProblems = findClientTextViolations(text).map(
    (v) => `${v.name}: "${v.context.replace(/\s+/g, ' ')}"`,
  );
  await page.screenshot({ path: path.join(shotsDir, `${name}-${width}.png`), fullPage: true });
  return { name, width, overflow, cls, shifts, axe: violations, text: textProblems };
}

/** The problems of a set of audits, one line each (empty when every page passes). */
export function auditProblems(results: AuditResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const at = `${r.name} @${r.width}`;
    if (r.overflow > 0) out.push(`${at}: ${r.overflow}px of horizontal overflow`);
    if (r.cls >= 0.1) out.push(`${at}: CLS ${r.cls.toFixed(3)} (${r.shifts.join('; ')})`);
    for (const v of r.axe) out.push(`${at}: axe ${v}`);
    for (const t of r.text) out.push(`${at}: client text ${t}`);
  }
  return out;
}
