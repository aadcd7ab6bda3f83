import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One serious or critical axe-core finding, short enough to read in a failed assertion. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of up to three offending nodes, with axe's summary of the first. */
  nodes: string[];
}

interface AxeResult {
  violations: Array<{
    id: string;
    impact?: string | null;
    help: string;
    nodes: Array<{ target: unknown[]; failureSummary?: string }>;
  }>;
}

/**
 * Runs axe-core (injected into the page with a script tag, as a person's browser extension would) against the
 * WCAG 2.1 A and AA rules and axe's best practices, and answers the serious and critical violations.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeScript });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n, i) => {
        const target = n.target.map(String).join(' ');
        return i === 0 && n.failureSummary ? `${target} (${n.failureSummary.replace(/\s+/g, ' ').trim()})` : target;
      }),
    }));
}

/** The texts of the page's h1 elements that a person can see or a screen reader reaches. */
export async function levelOneHeadings(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('h1, [role=heading][aria-level="1"]')]
      .filter((el) => !el.closest('[aria-hidden=true]') && getComputedStyle(el).display !== 'none')
      .map((el) => el.textContent?.trim() ?? ''),
  );
}
