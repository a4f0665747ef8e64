import { expect, test } from './support/fixtures.ts';
import { loginAs, logout, openFromMenu, openPart, todayInSweden } from './support/session.ts';

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
    await expect(page.getByRole('table', { name: /^Användare med roller i/ })).toContainText('Sara Lind');
    // The staff of the municipality's providers have tables of their own: the demo HVB's Nils Persson.
    await expect(page.getByRole('table', { name: /^Personal hos / })).toContainText('Nils Persson');

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

    // Staff at one of the municipality's providers: the provider is chosen, and the person is listed under it.
    await page.getByLabel('Inloggnings-id').fill('dev:hvb.person');
    await page.getByLabel('Namn', { exact: true }).fill('Hvb Person');
    await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Personal hos utförare' });
    await page.getByRole('button', { name: 'Ge rollen' }).click();
    await expect(page.getByRole('link', { name: /^Utförare: / })).toBeVisible();
    const provider = page.getByLabel('Utförare', { exact: true });
    const name = (await provider.locator('option').nth(1).textContent()) ?? '';
    await provider.selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Ge rollen' }).click();
    await expect(page.getByText('Rollen är tillagd.')).toBeVisible();
    await expect(page.getByRole('table', { name: `Personal hos ${name}` })).toContainText('Hvb Person');
    await axe.scan();
  });

  test('socialtjänsten begär god man, överförmyndaren förordnar en ur registret och den gode mannen ser barnet', async ({
    page,
    axe,
  }) => {
    // 20000110: Malmö is responsible and no god man has been requested in the demo data.
    await loginAs(page, axe, 'Sara Lind');
    await openFromMenu(page, axe, 'Barn');
    await page.getByRole('link', { name: '20000110', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Barn 20000110' })).toBeVisible();
    await axe.scan();
    await openPart(page, axe, 'God man och särskilt förordnad vårdnadshavare');
    await page.getByRole('button', { name: 'Begär god man', exact: true }).click();
    const request = page.getByRole('form', { name: 'Begär god man' });
    await request.getByRole('button', { name: 'Skicka begäran om god man' }).click();
    await expect(page.getByText('Begäran är skickad till överförmyndaren.')).toBeVisible();
    await expect(page.getByTestId('guardianship-state')).toHaveText('God man begärd');
    await axe.scan();
    await logout(page);

    await loginAs(page, axe, 'Per Ek');
    await openFromMenu(page, axe, 'Gode män');
    await page.getByRole('button', { name: 'Ändra uppgifterna om Hans Gren' }).click();
    const profile = page.getByRole('region', { name: 'Ändra Hans Gren' });
    await profile.getByLabel('Språk', { exact: true }).fill('dari, svenska');
    await profile.getByLabel('Malmö').check();
    await profile.getByLabel('Tar emot nya uppdrag').check();
    await profile.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByText('Registret är uppdaterat.')).toBeVisible();
    await axe.scan();

    await openFromMenu(page, axe, 'Begäran om god man');
    await page.getByRole('link', { name: 'Förordna god man för barn 20000110' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Förordna god man för barn 20000110' }),
    ).toBeVisible();
    await axe.scan();
    const select = page.getByLabel('God man', { exact: true });
    await select.selectOption(
      (await select.locator('option', { hasText: 'Hans Gren' }).getAttribute('value')) ?? '',
    );
    await page.getByRole('button', { name: 'Förordna', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' });
    await expect(summary).toBeFocused();
    await page.getByLabel('art. 3 barnets bästa').check();
    await page
      .getByLabel('Vad vet vi om barnets situation?')
      .fill('Barnet kom ensamt och behöver en god man för asylärendet.');
    await page.getByLabel('Barnets egna åsikter').fill('Jag vill ha någon som pratar mitt språk.');
    await page.getByLabel('Språk som barnet uttryckte sig på').fill('dari');
    await page
      .getByLabel('Hur har barnets bästa och åsikter vägts?')
      .fill('Barnets önskan om språk vägde tyngst.');
    await page
      .getByLabel('Återkoppling till barnet')
      .fill('Barnet fick veta vem som blir god man, med tolk.');
    await page.getByLabel('Datum för återkopplingen').fill(todayInSweden());
    await page.getByRole('button', { name: 'Förordna', exact: true }).click();
    await expect(page.getByText('Hans Gren är förordnad som god man från och med ')).toBeVisible();
    await axe.scan();
    await logout(page);

    await loginAs(page, axe, 'Hans Gren');
    await openFromMenu(page, axe, 'Mina uppdrag');
    await expect(page.getByRole('link', { name: 'Öppna sidan för barn 20000110' })).toBeVisible();
  });
});
