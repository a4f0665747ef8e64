import { expect, test } from './support/fixtures.ts';
import { loginAs, openFromMenu } from './support/session.ts';

test.describe('Länsstyrelsen: nätverk, kompetenstillfällen och kontakter', () => {
  test('länssamordnaren ser nätverkets medlemmar, registrerar ett tillfälle och ser deltagandet per kön', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Maria Lundqvist');
    await openFromMenu(page, axe, 'Nätverk och kontakter');
    await expect(page.getByRole('heading', { level: 1, name: 'Nätverk och kontakter' })).toBeVisible();
    const list = page.getByRole('table', { name: 'Nätverk som länet är med i' });
    // Skåne is not in the Värmland–Örebro–Dalarna network: it is not listed.
    await expect(list.getByRole('link')).toHaveCount(1);
    await list.getByRole('link', { name: 'Skånes nätverk för mottagande av ensamkommande barn' }).click();

    await expect(
      page.getByRole('heading', { level: 1, name: 'Skånes nätverk för mottagande av ensamkommande barn' }),
    ).toBeVisible();
    const members = page.getByRole('table', { name: /^Medlemmar i Skånes nätverk/ });
    await expect(members.getByRole('rowheader', { name: 'Elin Österlen' })).toBeVisible();
    await expect(members.getByRole('row').filter({ hasText: 'Socialsekreterare' })).toHaveCount(1);
    await expect(members.getByText('Behöver ses över')).toHaveCount(1);
    await axe.scan();

    // The last day before the first: the server names the field in Swedish.
    const form = page.getByRole('region', { name: 'Registrera ett kompetenstillfälle' });
    await form.getByLabel('Tema').fill('Heder och barnkonventionen');
    await form.getByLabel('Första dagen').fill('2026-10-02');
    await form.getByLabel('Sista dagen').fill('2026-10-01');
    await form.getByLabel('Elin Österlen (Socialsekreterare)').check();
    await form.getByRole('button', { name: 'Lägg till en rad med antal' }).click();
    const row = form.getByRole('group', { name: 'Deltagare utan namn, rad 1' });
    await row.getByLabel('Roll i nätverket').selectOption('teacher');
    await row.getByLabel('Kön').selectOption('male');
    await row.getByLabel('Antal').fill('6');
    await form.getByRole('button', { name: 'Registrera tillfället' }).click();
    await expect(form.getByText('Sista dagen kan inte vara före första dagen.').first()).toBeVisible();
    await axe.scan();
    await form.getByLabel('Sista dagen').fill('2026-10-02');
    await form.getByRole('button', { name: 'Registrera tillfället' }).click();
    await expect(page.getByText('Kompetenstillfället är registrerat.')).toBeVisible();

    const byGender = page.getByRole('table', {
      name: 'Deltagare per kön – Heder och barnkonventionen, 2026-10-02',
      exact: true,
    });
    await expect(byGender.getByRole('row', { name: /Man 6/ })).toBeVisible();
    // One woman: fewer than five, withheld together with the smallest other.
    await expect(byGender.getByRole('row', { name: /Kvinna visas inte/ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Deltagare per län', exact: true })).toBeVisible();
    await axe.scan();

    // A contact without consent is refused on the field.
    const contact = page.getByRole('region', { name: 'Lägg till en kontakt' });
    await contact.getByLabel('Namn').fill('Tove Exempel');
    await contact.getByLabel('Roll i nätverket').selectOption('hvb_staff');
    await contact.getByLabel('Organisation').fill('HVB Exempelgården');
    await contact.getByLabel('Kön').selectOption('female');
    await contact.getByRole('button', { name: 'Spara kontakten' }).click();
    await expect(
      contact.getByText('Kontakten kan bara sparas med samtycke: ange när och hur samtycket gavs.').first(),
    ).toBeVisible();
    await contact.getByLabel('Samtycke givet').fill('2026-09-01');
    await contact.getByLabel('Hur samtycket gavs').selectOption('written');
    await contact.getByRole('button', { name: 'Spara kontakten' }).click();
    await expect(page.getByText('Kontakten är sparad.')).toBeVisible();
    await expect(members.getByRole('rowheader', { name: 'Tove Exempel' })).toBeVisible();
    await axe.scan();

    // Withdrawal cannot be undone: the first press asks, the answer withdraws.
    await members.getByRole('button', { name: 'Återkalla samtycke för Tove Exempel' }).click();
    const ask = members.getByRole('group', { name: /Återkalla samtycket för Tove Exempel\?/ });
    await expect(ask).toBeVisible();
    await axe.scan();
    await ask.getByRole('button', { name: 'Ja, återkalla' }).click();
    await expect(
      page.getByText('Samtycket är återkallat. Namn, e-post, telefon och organisation är borttagna.'),
    ).toBeVisible();
    await expect(members.getByRole('rowheader', { name: 'Tove Exempel' })).toHaveCount(0);
  });
});
