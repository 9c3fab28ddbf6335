import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on the page as it is now, against WCAG 2.1 A and AA, and fails listing every violation with
 * the elements it found.
 *
 * axe is evaluated through the DevTools protocol rather than `page.addScriptTag({ path })`: addScriptTag inserts
 * an inline script, which the server's CSP (`script-src 'self'`) rightly blocks, and the journeys keep that CSP
 * on so an inline script in the app would fail them.
 * @param page - the page to check, fully rendered
 * @param label - names the page in the failure message
 */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    axeSource ??= readFileSync(AXE_PATH, 'utf8');
    await page.evaluate(axeSource);
  }
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    TAGS,
  );
  assert.equal(results.violations.length, 0, `axe found violations on ${label}:\n${describe(results.violations)}`);
}

function describe(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n${nodes}`;
    })
    .join('\n');
}
