import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/** The page as a test names it: path and query, without the fragment (a tracking code, a token). */
function pageKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

function describe(violations: Result[]): string {
  return violations
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`)
    .join('\n');
}

/**
 * Runs axe on the page's current state and throws on any serious or critical violation. Lesser
 * findings (a missing landmark on a test-only page, say) are left to review.
 */
export async function expectAccessible(page: Page, state = ''): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  if (blocking.length > 0) {
    throw new Error(`axe: ${blocking.length} serious or critical violation(s) on ${pageKey(page.url())}${state ? ` (${state})` : ''}:\n${describe(blocking)}`);
  }
}

/**
 * Follows every page a test's browser tab visits (full loads and in-app navigation alike).
 * `check()` runs axe on the current state; `finish()` checks the last state and fails when a page
 * was visited without any check while it was open, so no journey can skip one.
 */
export function watchAccessibility(page: Page) {
  const visited = new Set<string>();
  const checked = new Set<string>();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith('http')) visited.add(pageKey(frame.url()));
  });
  const check = async (state = '') => {
    await page.waitForLoadState('domcontentloaded');
    await expectAccessible(page, state);
    checked.add(pageKey(page.url()));
  };
  return {
    check,
    async finish(): Promise<void> {
      if (!page.isClosed()) await check('last state');
      const unchecked = [...visited].filter((key) => !checked.has(key));
      if (unchecked.length > 0) throw new Error(`pages visited without an accessibility check: ${unchecked.join(', ')}`);
    },
  };
}

export type AccessibilityWatch = ReturnType<typeof watchAccessibility>;

/**
 * A browser context whose tabs are all followed by `watchAccessibility`; `close()` finishes every
 * tab's watch before closing, so a test that forgets a check fails.
 */
export async function checkedContext(browser: Browser, options: BrowserContextOptions = {}) {
  const context: BrowserContext = await browser.newContext(options);
  const watches = new Map<Page, AccessibilityWatch>();
  const newPage = async (): Promise<{ page: Page; a11y: AccessibilityWatch }> => {
    const page = await context.newPage();
    const a11y = watchAccessibility(page);
    watches.set(page, a11y);
    return { page, a11y };
  };
  return {
    context,
    newPage,
    async close(): Promise<void> {
      try {
        for (const watch of watches.values()) await watch.finish();
      } finally {
        await context.close();
      }
    },
  };
}
