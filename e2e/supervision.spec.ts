/**
 * Issue 13 point 4 in the browser: the county board's supervision of a guardianship authority. Ingrid Malm at the
 * Skåne county board sees the year's plan, is refused a skipped year without a reason, opens an ad-hoc review of
 * Malmö's guardianship authority, draws a sample, opens a sampled file, records a finding at each criticism level and
 * sends the report; Per Ek at the authority sees the report and responds with a follow-up action; the inspector sees
 * the response. Every page is scanned with axe.
 */
import { expect, test } from './support/fixtures.ts';
import { loginAs, logout, openFromMenu, todayInSweden } from './support/session.ts';

const AUTHORITY = 'Överförmyndaren i Malmö';

test.describe('Tillsyn över överförmyndare', () => {
  test('planera, stickprov, kritik i tre nivåer, rapport och överförmyndarens svar', async ({
    page,
    axe,
  }) => {
    test.setTimeout(240_000);
    const today = todayInSweden();
    const nextYear = String(Number(today.slice(0, 4)) + 1);

    await loginAs(page, axe, 'Ingrid Malm');
    await openFromMenu(page, axe, 'Tillsyn');
    const plan = page.getByRole('table', { name: /^Inspektionsplan/ });
    await expect(plan.getByRole('rowheader', { name: new RegExp(AUTHORITY) })).toBeVisible();
    // Last year's skipped authority must be inspected this year.
    await expect(plan.getByText('Ska inspekteras i år (året före hoppades över)')).toBeVisible();

    // A skipped year without a reason is refused, on the field.
    await page.getByLabel('Överförmyndare', { exact: true }).selectOption({ label: AUTHORITY });
    await page.getByRole('radio', { name: 'Hoppa över året (undantag)' }).check();
    await page.getByLabel('År', { exact: true }).fill(nextYear);
    await page.getByRole('button', { name: 'Spara i planen' }).click();
    await expect(
      page.getByText('Ett år utan inspektion kräver ett skäl på minst 10 tecken.').first(),
    ).toBeVisible();
    await axe.scan();

    // An ad-hoc review after a complaint.
    await page.getByRole('radio', { name: 'Särskild granskning' }).check();
    await page.getByLabel('Datum för inspektionen').fill(today);
    await page.getByLabel('Vad föranledde granskningen').selectOption({ label: 'Klagomål' });
    await page.getByLabel('Vad som kom fram').fill('En god man har klagat på långa svarstider.');
    await page.getByRole('button', { name: 'Spara i planen' }).click();
    await expect(page.getByText('Granskningen är upplagd.')).toBeVisible();
    const row = plan.getByRole('row', { name: new RegExp(AUTHORITY) });
    await row.getByRole('link', { name: new RegExp(`Särskild granskning ${today} – Planerad`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inspektion av överförmyndare' })).toBeVisible();
    await axe.scan();

    // The sample, and one sampled file.
    await page.getByLabel('Antal akter').fill('3');
    await page.getByRole('button', { name: 'Dra stickprov' }).click();
    await expect(page.getByText(/akter dragna av \d+ \(frö \d+\)/)).toBeVisible();
    await page.getByRole('button', { name: 'Öppna akten' }).first().click();
    await expect(page.getByRole('heading', { level: 3, name: /^Akt: / })).toBeVisible();
    await axe.scan();

    // A finding at each criticism level.
    for (const [level, title] of [
      ['Kan inte undgå kritik', 'Beslut om arvode saknas i akten'],
      ['Kritik', 'Årsräkningar granskas sent'],
      ['Allvarlig kritik', 'Frågor från gode män besvaras inte'],
    ] as const) {
      await page.getByRole('radio', { name: level, exact: true }).check();
      await page.getByLabel('Rubrik', { exact: true }).fill(title);
      await page.getByLabel('Iakttagelse', { exact: true }).fill('Iakttaget vid granskningen.');
      await page.getByRole('button', { name: 'Registrera iakttagelse' }).click();
      await expect(page.getByRole('heading', { level: 3, name: `${level}: ${title}` })).toBeVisible();
    }
    await axe.scan();
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await expect(page.getByText('Kommunrevisionen, Malmö')).toBeVisible();
    await axe.scan();
    const url = page.url();
    await logout(page);

    // The authority sees the report about itself and responds.
    await loginAs(page, axe, 'Per Ek');
    await openFromMenu(page, axe, 'Tillsynsrapporter');
    await page
      .getByRole('link', { name: new RegExp(`Särskild granskning \\d{4} \\(${today}\\)`) })
      .first()
      .click();
    await expect(
      page.getByRole('heading', { level: 3, name: 'Allvarlig kritik: Frågor från gode män besvaras inte' }),
    ).toBeVisible();
    await page
      .getByLabel('Överförmyndarens svar', { exact: true })
      .fill('Nämnden inför en svarstid på fem arbetsdagar.');
    await page.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    await page.getByLabel('Åtgärd', { exact: true }).fill('Rutin för svarstider');
    await page.getByLabel('Tidsfrist').fill(`${nextYear}-03-31`);
    await axe.scan();
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Överförmyndarens svar' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Rutin för svarstider' })).toBeVisible();
    await axe.scan();
    await logout(page);

    // The inspector sees the response.
    await loginAs(page, axe, 'Ingrid Malm');
    await page.goto(new URL(url).pathname);
    await expect(page.getByText('Nämnden inför en svarstid på fem arbetsdagar.')).toBeVisible();
    await expect(page.getByText('Svar inkommet')).toBeVisible();
    await axe.scan();
  });
});
