import { expect, test } from './support/fixtures.ts';
import { loginAs, menuLinks, openFromMenu, visit } from './support/session.ts';

/**
 * What the main menu shows each role, in order (hand-written from the roles' tasks in src/web/permissions.ts, not
 * computed from the permission table): Start, then the children, the worklist, the role's own work, the overviews
 * without names, and the municipality's case work last.
 */
const MENUS: readonly { user: string; role: string; menu: readonly string[] }[] = [
  {
    user: 'Sara Lind',
    role: 'socialsekreterare',
    menu: [
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
    ],
  },
  {
    user: 'Karin Berg',
    role: 'enhetschef',
    menu: [
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
    ],
  },
  {
    user: 'Anna Alm',
    role: 'anvisningshandläggare',
    menu: [
      'Start',
      'Barn',
      'Arbetslista',
      'Anvisning',
      'Karta',
      'Kön',
      'Andelar',
      'Nödåtkomst',
      'Statistik',
      'Nyckeltal',
    ],
  },
  { user: 'Ulla Admin', role: 'administratör', menu: ['Start', 'Administration'] },
  { user: 'Mikael Ek', role: 'dataskyddsombud', menu: ['Start', 'Logg'] },
  { user: 'Nils Berglund', role: 'polis', menu: ['Start', 'Försvunna barn'] },
  {
    user: 'Maria Lundqvist',
    role: 'länssamordnare',
    menu: [
      'Start',
      'Karta',
      'Kön',
      'Andelar',
      'Statistik',
      'Nyckeltal',
      'Utförare',
      'Lägesbild i länet',
      'Omfördelning',
      'Utvecklingsprogram',
      'Överenskommelser',
      'Nätverk och kontakter',
    ],
  },
  {
    user: 'Per Ek',
    role: 'handläggare hos överförmyndaren',
    menu: ['Start', 'Barn', 'Arbetslista', 'Begäran om god man', 'Gode män', 'Tillsynsrapporter'],
  },
  // The county board's inspector of guardianship authorities: the supervision only, no children (ADR 0027).
  { user: 'Ingrid Malm', role: 'tillsynshandläggare', menu: ['Start', 'Tillsyn'] },
  {
    user: 'Fredrik Holm',
    role: 'ekonomihandläggare',
    menu: ['Start', 'Ersättning', 'Ansökningar om ersättning', 'Utebliven schablon', 'Avstämning'],
  },
  // The Agency's compensation officer: the special grants, the claims to review, the payouts and the reports of a missing
  // schablon come right after the children (ADRs 0034–0036).
  {
    user: 'Eva Ström',
    role: 'ersättningshandläggare',
    menu: [
      'Start',
      'Barn',
      'Särskilt bidrag',
      'Granskning av ersättning',
      'Utbetalningar',
      'Utebliven schablon',
      'Avstämning',
      'Karta',
      'Kön',
      'Andelar',
      'Nödåtkomst',
      'Statistik',
    ],
  },
  // "Mina uppdrag" is the god man's own task (TASKS' roles filter), not every role that may read a case.
  { user: 'Birgitta Sjö', role: 'god man', menu: ['Start', 'Barn', 'Arbetslista', 'Mina uppdrag'] },
  {
    user: 'Lena Holm',
    role: 'hälso- och sjukvårdspersonal',
    menu: ['Start', 'Barn', 'Arbetslista', 'Nödåtkomst'],
  },
  // The staff of a placement provider: the children placed with them, under a name of their own (TASKS' notFor).
  {
    user: 'Nils Persson',
    role: 'personal hos utförare',
    menu: ['Start', 'Barn placerade hos oss', 'Arbetslista'],
  },
];

test.describe('Navigering efter roll', () => {
  for (const { user, role, menu } of MENUS) {
    test(`${user} (${role}) ser bara sin rolls menyval, och varje sida i menyn går att öppna`, async ({
      page,
      axe,
    }) => {
      // Every page gets an axe scan; the map's (290 areas and a 290-row table) takes long on a busy machine.
      test.setTimeout(menu.includes('Karta') ? 180_000 : 30_000 + menu.length * 10_000);
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
    for (const path of [
      '/barn',
      '/arbetslista',
      '/mina-uppdrag',
      '/nodatkomst',
      '/anvisning',
      '/karta',
      '/inkommande',
      '/logg',
    ]) {
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
