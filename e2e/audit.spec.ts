import { expect, test } from './support/fixtures.ts';
import { loginAs, openFromMenu } from './support/session.ts';

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

  test('länssamordnaren ser statistik per kommun och kön utan namn', async ({ page, axe }) => {
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
    await expect(table).not.toContainText('Zephyrina');
  });
});
