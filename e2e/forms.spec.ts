import { expect, test } from './support/fixtures.ts';
import { loginAs, openFromMenu, todayInSweden } from './support/session.ts';

test.describe('Formulär', () => {
  test('anvisningshandläggaren registrerar en ankomst: sök först, felsammanfattning, serverns fältfel och kvitto', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Anna Alm');
    await openFromMenu(page, axe, 'Anvisning');
    await page
      .getByRole('navigation', { name: 'Anvisningsvyer' })
      .getByRole('link', { name: 'Registrera ankomst' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Registrera ankomst' })).toBeVisible();
    await expect(page.getByText('Registreringsformuläret visas när du har sökt.')).toBeVisible();
    await axe.scan();

    await page.getByLabel('Aktnummer eller namn').fill('Amina Warsame');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect(page.getByText('Inga registrerade barn matchar ”Amina Warsame”.')).toBeVisible();
    await expect(page.getByLabel('Förnamn')).toHaveValue('Amina');
    await expect(page.getByLabel('Efternamn')).toHaveValue('Warsame');
    await page.getByLabel('Förnamn').fill('');

    await page.getByRole('button', { name: 'Registrera ankomsten' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: 'Förnamn: Fältet måste fyllas i.' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Kön: Välj ett alternativ.' })).toBeVisible();
    await axe.scan();
    await summary.getByRole('link', { name: 'Förnamn: Fältet måste fyllas i.' }).click();
    await expect(page.getByLabel('Förnamn')).toBeFocused();

    await page.getByLabel('Aktnummer', { exact: true }).fill('12ab');
    await page.getByLabel('Förnamn').fill('Amina');
    await page.getByLabel('Födelsedatum').fill('2011-04-02');
    await page.getByLabel('Flicka').check();
    await page.getByLabel('Ankomstkommun').selectOption({ label: 'Malmö' });
    await page.getByLabel('Ankomstdatum').fill(todayInSweden());
    await page.getByRole('button', { name: 'Registrera ankomsten' }).click();
    await expect(page.getByText('Aktnumret ska vara 4–12 siffror.').first()).toBeVisible();
    await expect(page.getByLabel('Aktnummer', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    // A number already in use: the server answers 409 with a field problem, shown at the field in Swedish,
    // and a link to the child who already has the number.
    await page.getByLabel('Aktnummer', { exact: true }).fill('20000100');
    await page.getByRole('button', { name: 'Registrera ankomsten' }).click();
    await expect(
      summary.getByRole('link', { name: 'Aktnummer: Det finns redan ett barn med det här aktnumret.' }),
    ).toBeVisible();
    await expect(page.locator('#arrival-dossierNumber-error')).toContainText(
      'Det finns redan ett barn med det här aktnumret.',
    );
    await expect(page.getByRole('link', { name: 'Öppna barnet som redan har aktnumret' })).toBeVisible();
    await axe.scan();

    await page.getByLabel('Aktnummer', { exact: true }).fill('30000001');
    await page.getByRole('button', { name: 'Registrera ankomsten' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Barnet är registrerat med aktnummer 30000001.' }),
    ).toBeFocused();
    await axe.scan();
    await openFromMenu(page, axe, 'Barn');
    await page.getByLabel('Sök på aktnummer, namn eller födelsedatum').fill('30000001');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByRole('link', { name: '30000001', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Barn 30000001' })).toBeVisible();
    await expect(page.getByTestId('child-name')).toHaveText('Amina Warsame');
    await axe.scan();
  });

  test('nödåtkomst varnar för loggning, kräver motivering och öppnar barnet med en markering', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Lena Holm');
    await openFromMenu(page, axe, 'Nödåtkomst');
    await expect(page.getByRole('heading', { name: 'Nödåtkomst loggas och granskas' })).toBeVisible();

    await page.getByLabel('Barnets aktnummer').fill('20000101');
    await page.getByLabel('Motivering').fill('Akut');
    await page.getByRole('button', { name: 'Begär nödåtkomst' }).click();
    await expect(
      page.getByRole('link', { name: 'Motivering: Motiveringen måste vara minst 10 tecken.' }),
    ).toBeVisible();
    await axe.scan();

    await page
      .getByLabel('Motivering')
      .fill('Barnet har sökt akut vård på sjukhuset i Lund och uppgifter om vistelse behövs.');
    await page.getByLabel('Hur länge behöver du åtkomst?').selectOption('4');
    await page.getByRole('button', { name: 'Begär nödåtkomst' }).click();
    await expect(page.getByText(/Nödåtkomst beviljad till och med/)).toBeVisible();
    await axe.scan();
    await page.getByRole('link', { name: 'Öppna barnets sida' }).click();
    await expect(page.getByText('Du ser barnet genom nödåtkomst.')).toBeVisible();
    await axe.scan();
  });

  test('administratören ger en ny användare en roll och tar bort den igen', async ({ page, axe }) => {
    await loginAs(page, axe, 'Maja Admin');
    await openFromMenu(page, axe, 'Administration');
    await expect(page.getByRole('table')).toContainText('Sara Lind');

    await page.getByLabel('Inloggnings-id').fill('dev:test.person');
    await page.getByLabel('Namn', { exact: true }).fill('Test Person');
    await page.getByLabel('E-post (frivillig)').fill('inte-en-adress');
    await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Administratör' });
    await page.getByLabel('Behörighet till skyddade personuppgifter').check();
    await page.getByRole('button', { name: 'Ge rollen' }).click();
    await expect(
      page.getByRole('link', { name: 'E-post (frivillig): Ange en giltig e-postadress.' }),
    ).toBeVisible();

    await page.getByLabel('E-post (frivillig)').fill('test.person@example.se');
    await page.getByRole('button', { name: 'Ge rollen' }).click();
    await expect(page.locator('#grant-protectedIdentityClearance-error')).toContainText(
      'gäller bara socialsekreterare och enhetschefer',
    );
    await axe.scan();

    await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Socialsekreterare' });
    await page.getByRole('button', { name: 'Ge rollen' }).click();
    await expect(page.getByText('Rollen är tillagd.')).toBeVisible();
    const row = page.getByRole('row', { name: /Test Person/ });
    await expect(row).toContainText('Socialsekreterare');
    await axe.scan();

    await row.getByRole('button', { name: 'Ta bort rollen Socialsekreterare för Test Person' }).click();
    await row
      .getByRole('button', { name: 'Bekräfta: ta bort rollen Socialsekreterare för Test Person' })
      .click();
    await expect(page.getByText('Rollen är borttagen.')).toBeVisible();
    await expect(page.getByRole('row', { name: /Test Person/ })).toHaveCount(0);
    await axe.scan();
  });

  test('överförmyndarens handläggare förordnar en god man för ett barn i Malmö', async ({ page, axe }) => {
    await loginAs(page, axe, 'Per Ek');
    await openFromMenu(page, axe, 'Barn');
    await page.getByRole('link', { name: '20000108', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Barn 20000108' })).toBeVisible();
    await axe.scan();

    const appoint = page.getByRole('region', { name: 'Förordna god man' });
    await appoint.getByLabel('God man').selectOption({ label: 'Hans Gren' });
    await appoint.getByRole('button', { name: 'Förordna' }).click();
    await expect(page.getByText('Den gode mannen är förordnad.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Gode män' })).toContainText('Hans Gren');
    await axe.scan();
  });
});
