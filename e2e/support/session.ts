/** Logging in through the UI's dev-user list, and the moves every test makes. */
import type { Page } from '@playwright/test';
import { expect, type Axe } from './fixtures.ts';

/** Open a path and scan the page it settles on. */
export async function visit(page: Page, axe: Axe, path: string): Promise<void> {
  await page.goto(path);
  await axe.scan();
}

/** Log in as a demo user by clicking the user's button in the dev list (retrying once if rate limited). */
export async function loginAs(page: Page, axe: Axe, name: string): Promise<void> {
  await visit(page, axe, '/login');
  const button = page.getByRole('button', { name: `Logga in som ${name}`, exact: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/dev-login'));
    await button.click();
    const response = await answer;
    if (response.status() !== 429) break;
    const wait = Number(response.headers()['retry-after'] ?? '60');
    await page.waitForTimeout((wait + 1) * 1000);
  }
  await expect(page).not.toHaveURL(/\/login/);
  await axe.scan();
}

/** Follow a link in the main menu and scan the page. */
export async function openFromMenu(page: Page, axe: Axe, label: string): Promise<void> {
  const link = page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: label, exact: true });
  const href = await link.getAttribute('href');
  await link.click();
  await expect(page).toHaveURL((url) => url.pathname === href);
  await axe.scan();
}

export function menuLinks(page: Page) {
  return page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link');
}

/** Log out with the header button and wait for the login page. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Today's date in Sweden (YYYY-MM-DD), for date fields that refuse the future. */
export function todayInSweden(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

/**
 * Open a part of the child's page from its "På sidan" navigation (one part is shown at a time): the URL keeps it,
 * focus moves to its heading, and the page is scanned.
 */
export async function openPart(page: Page, axe: Axe, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'På sidan' })
    .getByRole('link', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: label, exact: true })).toBeFocused();
  await axe.scan();
}

/**
 * A call to the API as the logged-in user of `page` (its session cookie; a write carries the CSRF token from
 * /api/session): for setting up what a test then does through the UI. Fails the test on any answer but 2xx.
 */
export async function api<T>(page: Page, method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') {
    const session = await page.request.get('/api/session');
    expect(session.ok(), 'GET /api/session').toBe(true);
    headers['x-csrf-token'] = ((await session.json()) as { csrfToken: string }).csrfToken;
  }
  const response = await page.request.fetch(url, {
    method,
    headers,
    ...(data === undefined ? {} : { data }),
  });
  expect(response.ok(), `${method} ${url} answered ${response.status()}: ${await response.text()}`).toBe(
    true,
  );
  return (await response.json()) as T;
}

/**
 * As the logged-in allocation officer: decides the child to `municipalityCode` — by the proposal when it proposes
 * that municipality, else deviating from it with `reason`.
 */
export async function decideTo(
  page: Page,
  childId: string,
  municipalityCode: string,
  reason: string,
): Promise<void> {
  const proposal = await api<{ municipality: { code: string } }>(
    page,
    'GET',
    `/api/allocation/children/${childId}/proposal`,
  );
  await api(page, 'POST', `/api/allocation/children/${childId}/decision`, {
    municipalityCode,
    proposedCode: proposal.municipality.code,
    reason: proposal.municipality.code === municipalityCode ? null : reason,
    considerations: { relatives: null, siblings: null, specialNeeds: null, childsWishes: null },
  });
}
