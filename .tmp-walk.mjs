// Walkthrough: log in as each role this change touches, open its pages, screenshot, axe. Not part of the repo.
import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
const base = 'http://127.0.0.1:3300';
const out = '/tmp/walk';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const results = [];
async function scan(page, name) {
  await page.waitForLoadState('networkidle');
  await page.getByText('Laddar…').first().waitFor({ state: 'hidden', timeout: 15000 }).catch(() => {});
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  const r = await new AxeBuilder({ page }).analyze();
  results.push(`${name}: ${r.violations.length} axe violations ${r.violations.map((v) => v.id).join(',')}`);
}
async function as(name, fn) {
  const ctx = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${base}/login`);
  await page.getByRole('button', { name: `Logga in som ${name}`, exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await fn(page);
  results.push(`${name}: errors ${JSON.stringify(errors)}`);
  await ctx.close();
}
const slug = (s) => s.toLowerCase().replace(/[^a-z]+/g, '-');
await as('Anna Alm', async (page) => {
  await page.goto(`${base}/ko`); await scan(page, 'anna-queue');
  const link = page.locator('a[href^="/anvisning/barn/"]').first();
  if (await link.count()) { await link.click(); await scan(page, 'anna-decide'); }
  await page.goto(`${base}/anvisning/beslut`); await scan(page, 'anna-decisions');
});
await as('Sara Lind', async (page) => {
  await page.goto(`${base}/arbetslista`); await scan(page, 'sara-worklist');
  await page.goto(`${base}/barn`); await scan(page, 'sara-children');
  const links = page.locator('a[href^="/barn/"]');
  const n = Math.min(await links.count(), 2);
  const hrefs = [];
  for (let i = 0; i < n; i++) hrefs.push(await links.nth(i).getAttribute('href'));
  for (const [i, h] of hrefs.entries()) {
    await page.goto(`${base}${h}`); await scan(page, `sara-child-${i}`);
    for (const part of ['Placering', 'Skola', 'Hälsa', 'Ansvar', 'God man']) {
      const tab = page.getByRole('navigation', { name: 'På sidan' }).getByRole('link', { name: new RegExp(`^${part}`) }).first();
      if (await tab.count()) { await tab.click(); await scan(page, `sara-child-${i}-${slug(part)}`); }
    }
  }
});
await as('Per Ek', async (page) => {
  await page.goto(`${base}/godman/begaran`); await scan(page, 'per-requests');
});
await as('Lena Holm', async (page) => {
  await page.goto(`${base}/barn`); await scan(page, 'lena-children');
});
await browser.close();
console.log(results.join('\n'));
