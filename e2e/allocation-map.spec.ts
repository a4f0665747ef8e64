import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { loginAs, openFromMenu } from './support/session.ts';

const FIELDS = ['share', 'received', 'quota', 'deviation', 'female', 'male'] as const;

/** The tooltip's figures equal the area's row in the table, field by field, and are labelled like its columns. */
async function expectTooltipMatchesRow(page: Page, tooltip: Locator, code: string): Promise<void> {
  const table = page.getByTestId('area-table');
  const row = table.locator(`tr[data-code="${code}"]`);
  await expect(tooltip.locator('[data-field="name"]')).toHaveText(
    (await row.locator('[data-field="name"]').textContent()) ?? '',
  );
  const headers = (await table.locator('thead th').allInnerTexts()).map((h) =>
    h.replace(/[▲▼↕]/g, '').trim(),
  );
  for (const field of FIELDS) {
    const cell = row.locator(`[data-field="${field}"]`);
    await expect(tooltip.locator(`dd[data-field="${field}"]`)).toHaveText((await cell.textContent()) ?? '');
    const label =
      (await tooltip
        .locator(`dd[data-field="${field}"]`)
        .locator('xpath=preceding-sibling::dt')
        .textContent()) ?? '';
    expect(headers[await cell.evaluate((td) => (td as HTMLTableCellElement).cellIndex)]).toBe(label);
  }
}

test.describe('Karta och mottagande', () => {
  test('länssamordnaren ser Sveriges 290 kommuner färgade efter avvikelsen, med en ruta vars siffror är tabellens', async ({
    page,
    axe,
  }) => {
    test.setTimeout(120_000); // axe scans a page with 290 map areas and a 290-row table several times
    await loginAs(page, axe, 'Maria Lundqvist');
    await openFromMenu(page, axe, 'Karta');
    const areas = page.locator('path[data-kommunkod]');
    await expect(areas).toHaveCount(290);
    await expect(page.locator('path[data-kommunkod="1280"]')).toHaveAttribute('fill', /^#[0-9a-f]{6}$/);
    await expect(page.getByTestId('area-table').locator('tbody tr')).toHaveCount(290);

    // Hover: Kiruna's tooltip and its table row agree.
    await page.locator('path[data-kommunkod="2584"]').hover();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip.locator('[data-field="name"]')).toHaveText('Kiruna');
    await expectTooltipMatchesRow(page, tooltip, '2584');
    await axe.scan();

    // Keyboard: the map is one tab stop; the arrow keys move between municipalities in alphabetical order.
    await page.mouse.move(0, 0);
    await expect(tooltip).toBeHidden();
    await page.getByLabel('Per kommun').focus();
    await page.keyboard.press('Tab');
    const first = page.locator('path[data-kommunkod]:focus');
    await expect(first).toHaveAttribute('aria-label', 'Ale');
    await expect(tooltip.locator('[data-field="name"]')).toHaveText('Ale');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('path[data-kommunkod]:focus')).toHaveAttribute('aria-label', 'Alingsås');
    await expect(tooltip.locator('[data-field="name"]')).toHaveText('Alingsås');
    await expectTooltipMatchesRow(page, tooltip, '1489');
    await page.keyboard.press('Escape');
    await expect(tooltip).toBeHidden();

    // Sorted by deviation, largest first.
    await page.getByRole('button', { name: 'Avvikelse' }).click();
    await expect(page.getByRole('columnheader', { name: 'Avvikelse' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    const deviations = await page
      .getByTestId('area-table')
      .locator('tbody [data-field="deviation"]')
      .allTextContents();
    const numbers = deviations.map((d) => Number(d.replace('−', '-').replace(',', '.').replace('+', '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await axe.scan();

    // The county layer: 21 counties with their totals.
    await page.getByLabel('Per län (summa av länets kommuner)').check();
    await expect(page.locator('path[data-lanskod]')).toHaveCount(21);
    await expect(page.locator('path[data-kommunkod]')).toHaveCount(0);
    await expect(
      page.getByRole('table', { name: /Mottagna och exakt kvot per län/ }).locator('tbody tr'),
    ).toHaveCount(21);
    await page.locator('path[data-lanskod="25"]').hover();
    await expect(tooltip.locator('[data-field="name"]')).toHaveText('Norrbottens län');
    await expectTooltipMatchesRow(page, tooltip, '25');
    await axe.scan();

    // Over time, with the same figures as a table.
    await page.getByLabel('Visa utvecklingen för').selectOption({ label: 'Malmö' });
    await expect(
      page.getByRole('figure', { name: 'Mottagna och exakt kvot per månad: Malmö' }),
    ).toBeVisible();
    await page.getByText('Visa siffrorna som tabell').click();
    await expect(page.getByRole('table', { name: 'Mottagna och exakt kvot per månad: Malmö' })).toBeVisible();
    await axe.scan();
  });

  test('enhetschefen i Malmö ser kommunens andel och mottagande mot exakt kvot över tid', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Karin Berg');
    await openFromMenu(page, axe, 'Inkommande barn');
    const standing = page.getByRole('region', { name: 'Malmö: andel och mottagande' });
    await expect(standing.getByText('Exakt kvot').first()).toBeVisible();
    await expect(
      standing.getByRole('figure', { name: 'Mottagna och exakt kvot per månad: Malmö' }),
    ).toBeVisible();
    await axe.scan();
  });

  test('kön visar kommunerna i den ordning regeln väljer dem, för båda reglerna', async ({ page, axe }) => {
    await loginAs(page, axe, 'Maria Lundqvist');
    await openFromMenu(page, axe, 'Kön');
    await expect(page.getByRole('table', { name: 'Kön enligt kvotregeln' }).locator('tbody tr')).toHaveCount(
      20,
    );
    await page.getByLabel('Lägsta måluppfyllelse').check();
    await page.getByLabel('Antal platser i kön').selectOption('10');
    await page.getByRole('button', { name: 'Visa kön' }).click();
    await expect(page).toHaveURL(/rule=lowest-attainment/);
    const queue = page.getByRole('table', { name: 'Kön enligt lägsta måluppfyllelse' });
    await expect(queue.locator('tbody tr')).toHaveCount(10);
    await expect(queue.locator('tbody tr').first().locator('td').first()).toHaveText('1');
    await axe.scan();
  });
});
