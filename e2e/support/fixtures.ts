/**
 * The test fixture every spec uses. It adds `axe`: `axe.scan()` waits for the page to settle and fails the test on
 * any WCAG 2.1 A/AA violation and on the best-practice rules named below. The fixture also watches navigation: a page
 * that was shown (stayed longer than a redirect) and never scanned fails the test at teardown, so every page a test
 * visits gets a scan.
 * With ANVISA_SCREENSHOTS=1 each scan also saves a full-page screenshot under .tmp/screens/.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * Best-practice rules run beside the WCAG tags: `landmark-unique` — two landmarks of the same kind (two navigations,
 * two regions) need names that tell them apart, or a screen reader's landmark list shows the same entry twice;
 * `page-has-heading-one` — every page has an h1, where a screen reader's user jumps to start reading;
 * `heading-order` — heading levels go down one at a time (no h2 followed by an h4), so the outline a screen reader
 * lists has no missing level.
 */
const BEST_PRACTICE_RULES = ['landmark-unique', 'page-has-heading-one', 'heading-order'];
const AXE_OPTIONS = {
  runOnly: { type: 'tag' as const, values: WCAG_TAGS },
  rules: Object.fromEntries(BEST_PRACTICE_RULES.map((id) => [id, { enabled: true }])),
};
/** Client-side redirects (no session → login) replace the URL within milliseconds; a shown page stays longer. */
const REDIRECT_MS = 400;
const SCREENS = process.env.ANVISA_SCREENSHOTS === '1';

export interface Axe {
  /** Wait for the current page to settle, then scan it; fails on any violation. */
  scan(): Promise<void>;
}

/** The page has its heading and nothing is still loading. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.getByText(/^(Laddar…|Loading…)$/)).toHaveCount(0);
}

function where(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

export const test = base.extend<{ axe: Axe }>({
  axe: [
    async ({ page }, use, testInfo) => {
      const unscanned = new Set<string>();
      let current: { url: string; at: number } | null = null;
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame() || frame.url() === 'about:blank') return;
        const now = Date.now();
        if (current !== null && now - current.at > REDIRECT_MS) unscanned.add(current.url);
        current = { url: where(frame.url()), at: now };
      });
      let shot = 0;
      const axe: Axe = {
        async scan() {
          await settled(page);
          const results = await new AxeBuilder({ page }).options(AXE_OPTIONS).analyze();
          const violations = results.violations.map((v) => ({
            rule: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => n.target.join(' ')),
          }));
          expect(violations, `axe found violations on ${where(page.url())}`).toEqual([]);
          const url = where(page.url());
          unscanned.delete(url);
          if (current !== null && current.url === url) current = { url, at: Number.POSITIVE_INFINITY };
          if (SCREENS) {
            shot += 1;
            const name = `${testInfo.titlePath.slice(1).join(' - ')} ${shot}`
              .replace(/[^\p{L}\p{N}]+/gu, '-')
              .toLowerCase();
            await page.screenshot({ path: `.tmp/screens/${name}.png`, fullPage: true });
          }
        },
      };
      await use(axe);
      if (testInfo.status !== testInfo.expectedStatus) return; // the test's own failure says more
      // The page the test ended on counts as shown, unless it was scanned (marked with an infinite timestamp).
      const last = current as { url: string; at: number } | null;
      if (last !== null && last.at !== Number.POSITIVE_INFINITY) unscanned.add(last.url);
      expect([...unscanned], 'pages shown without an axe scan').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
