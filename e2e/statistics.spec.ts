import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures.ts';
import { loginAs, openFromMenu } from './support/session.ts';

test.describe('Statistik och prognos', () => {
  test('länssamordnaren ser varje diagram med sin tabell efter kön, dolda celler markerade, prognosen mot platserna', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Maria Lundqvist');
    await openFromMenu(page, axe, 'Statistik');
    await expect(
      page.getByText(/^Länet \(12\)\. Röjandeskyddad tabell: \d+ celler? visas som/),
    ).toBeVisible();
    // The chart over time and its table: every figure by gender, the total beside it.
    const overTime = page.getByRole('figure', { name: 'Ankomna barn över tid, efter kön' });
    await expect(overTime.getByRole('img')).toBeVisible();
    await expect(overTime.getByRole('table').getByRole('columnheader')).toHaveText([
      'Period',
      'Flickor',
      'Pojkar',
      'Annat eller okänt',
      'Totalt',
    ]);
    // A small count is hidden, and marked so.
    await expect(page.locator('abbr[title="Dold av röjandeskydd"]').first()).toBeVisible();
    await expect(page.getByRole('figure', { name: 'Ankomna barn per område, efter kön' })).toContainText(
      'Malmö',
    );
    await expect(
      page.getByRole('figure', { name: 'Ankomna barn efter ålder vid ankomst och kön' }),
    ).toContainText('16–17 år');
    await axe.scan();

    // Another table: children assigned, by year and asylum case.
    await page.getByLabel('Vad räknas').selectOption('anvisningar');
    await page.getByLabel('Tidsindelning').selectOption('year');
    await page.getByLabel('Dela också upp efter').selectOption('asylumStage');
    await page.getByRole('button', { name: 'Visa' }).click();
    await expect(page.getByRole('heading', { name: /^Anvisade barn, / })).toBeVisible();
    await expect(page.getByRole('figure', { name: 'Anvisade barn efter asylärendet och kön' })).toContainText(
      'Väntar på beslut',
    );

    // The export: the protected table with its note.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner tabellen som CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^anvisa-anvisningar-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toBe('period,omrade,kon,asylarende,antal');
    expect(csv).toContain('Röjandeskydd');
    expect(csv).not.toMatch(/,[1-4]\n/);

    // The forecast with its band, the municipalities against the places they reported, and the accuracy.
    await expect(page.getByRole('heading', { name: 'Prognos för ankomster' })).toBeVisible();
    const forecast = page.getByRole('figure', {
      name: 'Ankomna barn per månad och prognos för kommande 12 månader',
    });
    await expect(forecast.getByRole('columnheader')).toHaveText([
      'Månad',
      'Utfall',
      'Förväntat',
      'Lägre (10 %)',
      'Högre (90 %)',
    ]);
    const municipalities = page.getByRole('table', {
      name: 'Förväntade anvisningar per kommun, kommande 12 månader',
    });
    await expect(municipalities.getByRole('columnheader', { name: 'Rapporterade platser' })).toBeVisible();
    await expect(municipalities.getByRole('row', { name: /Malmö/ })).toBeVisible();
    const accuracy = page.getByRole('table', { name: 'Hur träffsäkra prognoserna har varit' });
    await expect(accuracy.getByRole('row', { name: /2015 2015-02-01 7 800 35 369/ })).toBeVisible();
    await axe.scan();
  });

  test('kommunen ser sina egna exakta siffror och inte länets', async ({ page, axe }) => {
    await loginAs(page, axe, 'Karin Berg');
    await openFromMenu(page, axe, 'Statistik');
    await expect(
      page.getByText(/^Den egna kommunen \(1280\)\. Du ser kommunens egna, exakta siffror\./),
    ).toBeVisible();
    await expect(page.getByLabel('Områdesindelning').locator('option')).toHaveText([
      'Förval för min organisation',
      'Kommun',
      'Ingen (hela mitt område)',
    ]);
    await expect(page.locator('abbr[title="Dold av röjandeskydd"]')).toHaveCount(0);
    await axe.scan();
  });
});
