import { expect, test } from './support/fixtures.ts';
import { loginAs, logout, openFromMenu } from './support/session.ts';

/** A demo child Malmö is responsible for. */
const MALMO_CHILD = '20000102';

test.describe('Logg och statistik', () => {
  test('Malmös dataskyddsombud granskar loggen, filtrerar på nekade försök och öppnar en användares rapport', async ({
    page,
    axe,
  }) => {
    // A refused attempt to review: a Malmö social worker tries a child outside the scope.
    await loginAs(page, axe, 'Ali Hassan');
    await page.goto('/barn/00000000-0000-4000-8000-000000000000');
    await expect(page.getByTestId('not-found')).toBeVisible();
    await axe.scan();
    await page.getByRole('button', { name: 'Logga ut', exact: true }).click();

    await loginAs(page, axe, 'Mikael Ek');
    await openFromMenu(page, axe, 'Logg');
    const events = page.getByRole('table', { name: 'Logghändelser, nyast först' });
    await expect(events).toContainText('Ali Hassan');

    await page.getByLabel('Utfall').selectOption({ label: 'Nekad' });
    await page.getByRole('button', { name: 'Visa händelser' }).click();
    await expect(page).toHaveURL(/outcome=denied/);
    await expect(events).toContainText('Nekad');
    await expect(events).not.toContainText('Tillåten');
    await axe.scan();

    await page.getByLabel('Från och med').fill('2026-12-31');
    await page.getByLabel('Till och med').fill('2026-01-01');
    await page.getByRole('button', { name: 'Visa händelser' }).click();
    await expect(
      page.getByRole('link', { name: 'Till och med: Ange ett riktigt datum som ÅÅÅÅ-MM-DD.' }),
    ).toBeVisible();
    await axe.scan();

    await events.getByRole('link', { name: 'Åtkomstrapport för Ali Hassan' }).first().click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Åtkomstrapport för Ali Hassan' }),
    ).toBeVisible();
    await expect(page.getByRole('definition').nth(2)).not.toHaveText('0');
    await axe.scan();

    await page.getByRole('link', { name: 'Nödåtkomster' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nödåtkomster' })).toBeVisible();
    await axe.scan();
  });

  test('Sundsvalls dataskyddsombud ser en sidvisning som en post, öppnar barnets aktnummer och söker på det', async ({
    page,
    axe,
  }) => {
    // A Sundsvall social worker opens emergency access to a child Malmö is responsible for, and views its page.
    await loginAs(page, axe, 'Johan Nilsson');
    await openFromMenu(page, axe, 'Nödåtkomst');
    await page.getByLabel('Barnets aktnummer').fill(MALMO_CHILD);
    await page.getByLabel('Motivering').fill('Barnet har avvikit och har setts i Sundsvall i natt.');
    await page.getByLabel('Hur länge behöver du åtkomst?').selectOption('4');
    await page.getByRole('button', { name: 'Begär nödåtkomst' }).click();
    await expect(page.getByText(/Nödåtkomst beviljad till och med/)).toBeVisible();
    await axe.scan();
    await page.getByRole('link', { name: 'Öppna barnets sida' }).click();
    await expect(page.getByText('Du ser barnet genom nödåtkomst.')).toBeVisible();
    await axe.scan();
    await logout(page);

    await loginAs(page, axe, 'Sofia Dahlberg');
    await openFromMenu(page, axe, 'Logg');
    const events = page.getByRole('table', { name: 'Logghändelser, nyast först' });
    // The child's page loaded its first view in one request and the chosen part in another: one entry, naming them.
    const pageView = events
      .getByRole('row')
      .filter({ hasText: 'Johan Nilsson' })
      .filter({ hasText: 'Barnets sida: grunduppgifter' });
    await expect(pageView).toHaveCount(1);
    await expect(pageView).toContainText('översikt och tidslinje');
    await expect(pageView).toContainText('Nödåtkomst');
    await axe.scan();

    // The child is shown by its dossier number, linked to a page the officer may open: the log about that child.
    await pageView.getByRole('link', { name: `Händelser om barnet med aktnummer ${MALMO_CHILD}` }).click();
    await expect(page).toHaveURL(/\/logg\?dossier=/);
    await expect(page.getByRole('heading', { level: 1, name: 'Logg' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Aktnummer' })).toHaveValue(MALMO_CHILD);
    const rows = events.getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(rows).not.toHaveCount(0);
    await expect(rows.filter({ hasNotText: MALMO_CHILD })).toHaveCount(0);
    await axe.scan();

    // The officer types another number: a malformed one is named in the error summary.
    await page.getByRole('textbox', { name: 'Aktnummer' }).fill('12-34');
    await page.getByRole('button', { name: 'Visa händelser' }).click();
    await expect(
      page.getByRole('link', { name: 'Aktnummer: Aktnumret ska vara 4–12 siffror.' }),
    ).toBeVisible();
    await axe.scan();

    // The list of emergency accesses links the same way, never to the child's own page.
    await page.getByRole('link', { name: 'Nödåtkomster' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nödåtkomster' })).toBeVisible();
    await axe.scan();
    await page
      .getByRole('link', { name: `Händelser om barnet med aktnummer ${MALMO_CHILD}` })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Logg' })).toBeVisible();
    await expect(events).toContainText('Johan Nilsson');
    await axe.scan();
  });

  test('Malmös dataskyddsombud bläddrar i loggen med Visa äldre och Visa nyare och kommer tillbaka till samma sida', async ({
    page,
    axe,
  }) => {
    // More entries than one page holds: sixty separate list requests by a Malmö social worker.
    await loginAs(page, axe, 'Ali Hassan');
    for (let i = 0; i < 60; i++)
      expect((await page.request.get('/api/children?pageSize=5')).status()).toBe(200);
    await logout(page);

    await loginAs(page, axe, 'Mikael Ek');
    await openFromMenu(page, axe, 'Logg');
    const events = page.getByRole('table', { name: 'Logghändelser, nyast først'.replace('ø', 'ö') });
    const rows = events.locator('tbody tr');
    const paging = page.getByRole('navigation', { name: 'Bläddra i loggen' });
    await expect(rows).toHaveCount(50);
    await expect(page.getByText('50 poster visas.')).toBeVisible();
    await expect(paging.getByRole('link', { name: 'Visa nyare' })).toHaveCount(0);
    const newest = (await rows.first().textContent()) ?? '';
    const firstPage = await rows.allTextContents();

    await paging.getByRole('link', { name: 'Visa äldre' }).click();
    await expect(page).toHaveURL(/aldre=\d+/);
    await expect(events).toBeFocused();
    await expect(rows.first()).not.toHaveText(newest);
    const olderUrl = page.url();
    const firstOfOlder = (await rows.first().textContent()) ?? '';
    await axe.scan();

    // A user's report and back: the log keeps its place.
    await events.getByRole('link', { name: 'Åtkomstrapport för Ali Hassan' }).first().click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Åtkomstrapport för Ali Hassan' }),
    ).toBeVisible();
    await axe.scan();
    await page.goBack();
    await expect(page).toHaveURL(olderUrl);
    await expect(rows.first()).toHaveText(firstOfOlder);
    await axe.scan();

    await paging.getByRole('link', { name: 'Visa nyare' }).click();
    await expect(page).toHaveURL(/nyare=\d+/);
    await expect(rows).toHaveCount(50);
    await expect(rows).toHaveText(firstPage);
    await axe.scan();
  });

  test('länssamordnaren ser statistik per kommun och kön utan namn, röjandeskyddad', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Maria Lundqvist');
    await openFromMenu(page, axe, 'Statistik');
    const table = page.getByRole('table', { name: 'Barn per ansvarig kommun och kön' });
    await expect(table.getByRole('columnheader')).toHaveText([
      'Kommun',
      'Flickor',
      'Pojkar',
      'Annat',
      'Totalt',
    ]);
    await expect(table).toContainText('Alla kommuner');
    // Every Skåne municipality is listed, zeros shown; a small count is hidden, never shown as 1–4.
    await expect(table.getByRole('row')).toHaveCount(33 + 2);
    await expect(table).not.toContainText('Zephyrina');
  });
});
