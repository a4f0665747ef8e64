import { expect, test } from './support/fixtures.ts';
import { loginAs, menuLinks, openFromMenu, visit } from './support/session.ts';

/** What the main menu shows each role (hand-written from the roles' tasks, not computed from the permission table). */
const MENUS: readonly { user: string; role: string; menu: readonly string[] }[] = [
  {
    user: 'Sara Lind',
    role: 'socialsekreterare',
    menu: ['Start', 'Barn', 'Inkommande barn', 'Anhörigbedömningar', 'Nödåtkomst'],
  },
  {
    user: 'Karin Berg',
    role: 'enhetschef',
    menu: [
      'Start',
      'Barn',
      'Inkommande barn',
      'Anhörigbedömningar',
      'Karta',
      'Kön',
      'Andelar',
      'Nödåtkomst',
      'Statistik',
    ],
  },
  {
    user: 'Anna Alm',
    role: 'anvisningshandläggare',
    menu: ['Start', 'Barn', 'Anvisning', 'Karta', 'Kön', 'Andelar', 'Nödåtkomst', 'Statistik'],
  },
  { user: 'Ulla Admin', role: 'administratör', menu: ['Start', 'Administration'] },
  { user: 'Mikael Ek', role: 'dataskyddsombud', menu: ['Start', 'Logg'] },
  { user: 'Nils Berglund', role: 'polis', menu: ['Start'] },
  {
    user: 'Maria Lundqvist',
    role: 'länssamordnare',
    menu: ['Start', 'Karta', 'Kön', 'Andelar', 'Statistik'],
  },
  { user: 'Per Ek', role: 'handläggare hos överförmyndaren', menu: ['Start', 'Barn', 'Begäran om god man', 'Gode män'] },
  { user: 'Birgitta Sjö', role: 'god man', menu: ['Start', 'Barn', 'Mina uppdrag'] },
  { user: 'Lena Holm', role: 'hälso- och sjukvårdspersonal', menu: ['Start', 'Barn', 'Nödåtkomst'] },
];

test.describe('Navigering efter roll', () => {
  for (const { user, role, menu } of MENUS) {
    test(`${user} (${role}) ser bara sin rolls menyval, och varje sida i menyn går att öppna`, async ({
      page,
      axe,
    }) => {
      await loginAs(page, axe, user);
      await expect(menuLinks(page)).toHaveText([...menu]);
      await expect(page.getByRole('main')).toContainText(`Du arbetar som ${role}`);
      for (const label of menu.slice(1)) await openFromMenu(page, axe, label);
    });
  }

  test('administratören ser inga barn, inte ens med adressen till barnlistan', async ({ page, axe }) => {
    await loginAs(page, axe, 'Ulla Admin');
    await expect(menuLinks(page)).not.toContainText(['Barn']);
    await visit(page, axe, '/barn');
    await expect(page.getByTestId('not-found')).toBeVisible();
  });

  test('polisen ser inga barnsidor: barnlistan och nödåtkomst ger sidan som inte finns', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Nils Berglund');
    for (const path of ['/barn', '/nodatkomst', '/anvisning', '/karta', '/inkommande', '/logg']) {
      await visit(page, axe, path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan eller uppgiften hittades inte');
    }
  });

  test('en okänd adress ger sidan som inte finns, inom ramen med menyn', async ({ page, axe }) => {
    await loginAs(page, axe, 'Sara Lind');
    await visit(page, axe, '/finns-inte');
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(menuLinks(page).first()).toHaveText('Start');
  });
});
