import { expect, test } from './support/fixtures.ts';
import { loginAs, logout, openFromMenu } from './support/session.ts';

/**
 * The reconciliation of a year (issue 14 point 8): Malmö's finance officer sees the year computed, claimed, granted
 * and paid, the rows that differ and why, all rows on request, and the CSV link; the Agency's compensation officer
 * must choose a municipality and sees Malmö's children by dossier number only. Axe on every view.
 */
test.describe('Avstämning av statlig ersättning', () => {
  test('kommunen och Migrationsverket ser skillnaderna mellan beräknat, sökt, beviljat och utbetalt', async ({
    page,
    axe,
  }) => {
    test.setTimeout(120_000);
    await loginAs(page, axe, 'Fredrik Holm');
    await openFromMenu(page, axe, 'Avstämning');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Avstämning av statlig ersättning');
    const year = await page.getByLabel('År', { exact: true }).inputValue();
    await expect(page.getByRole('heading', { level: 2, name: `Malmö ${year}` })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: /har en skillnad att stämma av/ })).toBeVisible();
    const rows = page.getByRole('table', { name: `Avstämning för Malmö ${year}, per barn och ersättning` });
    await expect(rows.getByRole('cell', { name: /^Inte (sökt|beviljat|utbetalt): / }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ladda ner avstämningen som CSV-fil' })).toHaveAttribute(
      'href',
      `/api/compensation/reconciliation.csv?year=${year}`,
    );
    await axe.scan();
    const differing = await rows.locator('tbody tr').count();
    await page.getByLabel('Visa bara rader med skillnad').uncheck();
    await expect.poll(() => rows.locator('tbody tr').count()).toBeGreaterThan(differing);
    await expect(rows.getByRole('rowheader', { name: 'Kommunen (årlig ersättning)' }).first()).toBeVisible();
    await axe.scan();
    await logout(page);

    await loginAs(page, axe, 'Eva Ström');
    await openFromMenu(page, axe, 'Avstämning');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect(page.getByText('Välj en kommun att stämma av.')).toBeVisible();
    await expect(page.getByLabel('Kommun', { exact: true })).toBeFocused();
    await axe.scan();
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Malmö' });
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: `Malmö ${year}` })).toBeFocused();
    const agencyRows = page.getByRole('table', {
      name: `Avstämning för Malmö ${year}, per barn och ersättning`,
    });
    await expect(agencyRows.getByRole('rowheader', { name: /^Dossiernummer \d+$/ }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ladda ner avstämningen som CSV-fil' })).toHaveAttribute(
      'href',
      `/api/compensation/municipalities/1280/reconciliation.csv?year=${year}`,
    );
    await axe.scan();
  });
});
