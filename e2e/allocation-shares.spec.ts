import { expect, test } from './support/fixtures.ts';
import { loginAs, openFromMenu } from './support/session.ts';

test.describe('Andelar', () => {
  test('andelarna för 2026 summerar till 1 000, och en import med en felaktig rad visar radens fel', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Anna Alm');
    await openFromMenu(page, axe, 'Andelar');
    await page.getByRole('link', { name: 'Andelar som gäller från 2026-01-01' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Andelar från 2026-01-01' })).toBeVisible();
    await expect(page.getByTestId('shares-sum')).toHaveText('1000 ‰');
    await expect(page.getByTestId('shares-shown-sum')).toHaveText('1000');
    await expect(page.getByRole('table', { name: 'Andelar per kommun (290 kommuner)' })).toBeVisible();
    await axe.scan();
    await page.getByLabel('Visa län').selectOption({ label: 'Skåne län' });
    await expect(
      page.getByRole('table', { name: /Andelar per kommun i Skåne län \(33 kommuner\)/ }),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: /Summa för Skåne län/ })).toBeVisible();

    await page
      .getByRole('navigation', { name: 'Andelsvyer' })
      .getByRole('link', { name: 'Importera andelar' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Importera andelar' })).toBeVisible();
    await axe.scan();
    await page.getByLabel('Gäller från').fill('2027-01-01');
    await page.getByLabel('Anteckning').fill('Andelar 2027 (test)');
    // The file is read in the browser into the text box.
    await page.getByLabel('Läs in en fil (frivilligt)').setInputFiles({
      name: 'andelar.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('kommunkod,promille\n0114,500\n9999,500\n'),
    });
    await expect(page.getByText('Filen andelar.csv är inläst i textrutan.')).toBeVisible();
    await expect(page.getByLabel('Andelar (CSV)')).toHaveValue(/9999,500/);
    await page.getByRole('button', { name: 'Importera andelarna' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' });
    await expect(summary.getByRole('link', { name: /^Andelar \(CSV\): Filen innehåller fel/ })).toBeVisible();
    const problems = page.getByTestId('line-problems');
    await expect(problems).toContainText('Rad 3: unknown kommunkod 9999');
    await axe.scan();
  });

  test('ett förslag till andelar beräknas från underlag med en förklaring per kommun', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Anna Alm');
    const municipalities = await page.evaluate(async () => {
      const response = await fetch('/api/reference/municipalities');
      return ((await response.json()) as { code: string }[]).map((m) => m.code);
    });
    const csv = [
      'kommunkod,folkmangd,mottagna_nyanlanda,mottagna_ekb,asyl_dygn,ankomst_dygn',
      ...municipalities.map((code, i) => `${code},${10_000 + 100 * i},${i % 7},${i % 3},${365 * (i % 5)},0`),
    ].join('\n');
    await openFromMenu(page, axe, 'Andelar');
    await page
      .getByRole('navigation', { name: 'Andelsvyer' })
      .getByRole('link', { name: 'Beräkna förslag' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Beräkna förslag till andelar' })).toBeVisible();
    await axe.scan();
    await page.getByLabel('Underlag (CSV)').fill(csv);
    await page.getByLabel('Prognos för hela landet (barn)').fill('3000');
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    const result = page.getByRole('table', { name: 'Föreslagna andelar (290 kommuner)' });
    await expect(result).toBeVisible();
    await expect(result.getByRole('row', { name: /Summa för alla kommuner/ })).toContainText('1000');
    await result.getByRole('button', { name: 'Visa förklaring – Malmö' }).click();
    await expect(result.getByRole('button', { name: 'Dölj förklaring – Malmö' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const explanation = page.locator('#explain-1280');
    await expect(explanation).toContainText('Befolkningsandel');
    await expect(explanation).toContainText('Rått värde (andel × T − R)');
    await expect(explanation).toContainText('Justering');
    await axe.scan();
  });
});
