import { expect, test } from './support/fixtures.ts';
import { loginAs, menuLinks, openFromMenu } from './support/session.ts';

test.describe('Byte av organisation', () => {
  test('Elin Dahl, med roller i Malmö och Lund, väljer organisation efter inloggningen och byter sedan', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Elin Dahl');
    await expect(page).toHaveURL(/\/valj-roll$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Välj organisation och roll' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toHaveCount(0);

    await page
      .getByRole('button', { name: 'Arbeta som Socialsekreterare i Malmö kommun, socialtjänsten' })
      .click();
    await expect(page.getByTestId('active-role')).toHaveText(
      'Socialsekreterare, Malmö kommun, socialtjänsten',
    );
    await expect(menuLinks(page)).toHaveText([
      'Start',
      'Barn',
      'Arbetslista',
      'Inkommande barn',
      'Anhörigbedömningar',
      'Nödåtkomst',
      'Utförare',
      'Mina ärenden',
      'Överflyttningar',
      'Anmälningar till Migrationsverket',
      'Avvikna barn',
    ]);
    await axe.scan();
    await openFromMenu(page, axe, 'Barn');
    const malmoChildren = await page.getByRole('row').count();

    await page.getByRole('link', { name: 'Byt roll' }).click();
    await expect(page.getByText('Aktiv nu')).toBeVisible();
    await axe.scan();
    await page.getByRole('button', { name: 'Arbeta som Enhetschef i Lund kommun, socialtjänsten' }).click();
    await expect(page.getByTestId('active-role')).toHaveText('Enhetschef, Lund kommun, socialtjänsten');
    await expect(menuLinks(page)).toHaveText([
      'Start',
      'Barn',
      'Arbetslista',
      'Inkommande barn',
      'Anhörigbedömningar',
      'Karta',
      'Kön',
      'Andelar',
      'Nödåtkomst',
      'Statistik',
      'Nyckeltal',
      'Utförare',
      'Mina ärenden',
      'Ärendefördelning',
      'Överflyttningar',
      'Anmälningar till Migrationsverket',
      'Avvikna barn',
      'Lägesbild',
    ]);
    await expect(page.getByRole('main')).toContainText(
      'Du arbetar som enhetschef i Lund kommun, socialtjänsten.',
    );
    await axe.scan();

    await openFromMenu(page, axe, 'Barn');
    await expect.poll(() => page.getByRole('row').count()).not.toBe(malmoChildren);
    await openFromMenu(page, axe, 'Statistik');
  });
});
