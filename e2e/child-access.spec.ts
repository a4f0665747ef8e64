import type { Page } from '@playwright/test';
import { expect, test, type Axe } from './support/fixtures.ts';
import { loginAs, openFromMenu, openPart } from './support/session.ts';

/** The protected demo child (the canary): responsible municipality Malmö. */
const PROTECTED_DOSSIER = '20000100';
const PROTECTED_NAME = 'Zephyrina Quillfeather';

async function openChild(page: Page, axe: Axe, dossier: string): Promise<void> {
  await openFromMenu(page, axe, 'Barn');
  await page.getByLabel('Sök på aktnummer, namn eller födelsedatum').fill(dossier);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `matchar ”${dossier}”` })).toBeVisible();
  await axe.scan();
  await page.getByRole('link', { name: dossier, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Barn ${dossier}` })).toBeVisible();
  await axe.scan();
}

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
}

test.describe('Åtkomst till barn', () => {
  test('Sundsvalls socialsekreterare får sidan som inte finns för ett barn som Malmö ansvarar för, Malmös ser barnet', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Sara Lind');
    await openChild(page, axe, PROTECTED_DOSSIER);
    const childUrl = page.url();
    await expect(page.getByRole('main')).toContainText('Malmö');
    await logout(page);

    await loginAs(page, axe, 'Johan Nilsson');
    await page.goto(childUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan eller uppgiften hittades inte');
    await expect(page.getByRole('main')).not.toContainText(PROTECTED_DOSSIER);
    await axe.scan();
  });

  test('ett barn med skyddad identitet visas som "Skyddad identitet" för Ali Hassan men med namn för Sara Lind', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Ali Hassan');
    await openChild(page, axe, PROTECTED_DOSSIER);
    await expect(page.getByTestId('child-name')).toHaveText('Skyddad identitet');
    await expect(page.getByRole('main')).not.toContainText('Zephyrina');
    await expect(page.getByRole('main')).not.toContainText('Kanariegatan');
    await page.goBack();
    await expect(page.getByRole('table')).toContainText('Skyddad identitet');
    await expect(page.getByRole('table')).not.toContainText('Zephyrina');
    await axe.scan();
    await logout(page);

    await loginAs(page, axe, 'Sara Lind');
    await openChild(page, axe, PROTECTED_DOSSIER);
    await expect(page.getByTestId('child-name')).toHaveText(PROTECTED_NAME);
    await expect(page.getByRole('main')).toContainText('Kanariegatan 7');
  });

  test('socialsekreteraren läser barnets journal i personakten och skriver en anteckning', async ({
    page,
    axe,
  }) => {
    test.setTimeout(90_000); // two users log in and open the child's page: eleven axe scans
    // Malmö's unit manager files a note; the demo's own entries for the child may be there already.
    await loginAs(page, axe, 'Karin Berg');
    await openChild(page, axe, '20000108');
    await openPart(page, axe, 'Personakt');
    const personakt = page.getByRole('region', { name: 'Personakt' });
    await personakt
      .getByRole('textbox', { name: 'Anteckning', exact: true })
      .fill('Samtal med jourhemmet om barnets första vecka. Barnet sover dåligt.');
    await personakt.getByRole('button', { name: 'Spara anteckningen' }).click();
    await expect(personakt.getByText('Anteckningen är sparad.')).toBeVisible();
    await axe.scan();
    await logout(page);

    await loginAs(page, axe, 'Sara Lind');
    await openChild(page, axe, '20000108');
    await openPart(page, axe, 'Personakt');
    // The journal's entries (the error summary has a list of its own).
    const entries = personakt.locator('ol.journal').getByRole('listitem');
    const karinsNote = entries.filter({ hasText: 'Samtal med jourhemmet om barnets första vecka.' });
    const sarasNote = entries.filter({ hasText: 'Samtal med barnet om skolstart.' });
    await expect(karinsNote).toHaveCount(1);
    await expect(karinsNote).toContainText('Karin Berg');
    const before = await entries.count();

    await personakt.getByRole('button', { name: 'Spara anteckningen' }).click();
    await expect(
      personakt.getByRole('alert').getByRole('link', { name: 'Anteckning: Fältet måste fyllas i.' }),
    ).toBeVisible();
    await axe.scan();
    await expect(entries).toHaveCount(before); // the refused note left nothing behind

    await personakt
      .getByRole('textbox', { name: 'Anteckning', exact: true })
      .fill('Samtal med barnet om skolstart. Barnet mår bra.');
    await personakt.getByRole('button', { name: 'Spara anteckningen' }).click();
    await expect(personakt.getByText('Anteckningen är sparad.')).toBeVisible();
    // Newest first.
    await expect(entries).toHaveCount(before + 1);
    await expect(entries.first()).toContainText('Samtal med barnet om skolstart.');
    await expect(entries.first()).toContainText('Sara Lind');
    // Notes are not correspondence.
    await personakt.getByRole('radio', { name: 'Korrespondens', exact: true }).check();
    await expect(karinsNote).toHaveCount(0);
    await expect(sarasNote).toHaveCount(0);
    await personakt.getByRole('radio', { name: 'Anteckningar', exact: true }).check();
    await expect(karinsNote).toHaveCount(1);
    await expect(sarasNote).toHaveCount(1);
    await axe.scan();
  });

  test('enhetschefen ser vem som har sett barnet, med nekade försök', async ({ page, axe }) => {
    await loginAs(page, axe, 'Karin Berg');
    await openChild(page, axe, PROTECTED_DOSSIER);
    await page.getByRole('link', { name: 'Vem har sett barnet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vem har sett barnet' })).toBeVisible();
    const log = page.getByRole('table', { name: 'Åtkomst till barnets uppgifter' });
    // One entry per page view, naming the sections the page loaded (its first view is one request, one part).
    await expect(log).toContainText('Barnets sida: grunduppgifter');
    await expect(log).toContainText('Karin Berg');
    await axe.scan();
  });
});
