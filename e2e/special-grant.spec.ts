/**
 * Issue 14 point 7 in the browser (ADR 0033, 0036): the god man applies for winter clothes on a ward's behalf — an
 * application without saying why is refused with the field named in Swedish —, submits it; the Migration Agency's
 * officer sees it by dossier number only, is refused a partial grant without a reason, grants in part with one and
 * records the payment; the god man sees the decision as written and the payment. Another god man and a social worker
 * reach neither page. Axe on every page.
 */
import { expect, test } from './support/fixtures.ts';
import { loginAs, logout, menuLinks, openFromMenu, todayInSweden, visit } from './support/session.ts';

const AMOUNT = /^Vinterkläder, 3\s150\skr/;

test('the god man applies for winter clothes, the Agency grants in part and pays, the god man sees the decision and the payment', async ({
  page,
  axe,
}) => {
  test.setTimeout(240_000);
  await loginAs(page, axe, 'Birgitta Sjö');
  await openFromMenu(page, axe, 'Mina uppdrag');
  const link = page.getByRole('link', { name: /^Särskilt bidrag för barn / }).first();
  const dossier = ((await link.textContent()) ?? '').replace(/\D/g, '');
  expect(dossier).toMatch(/^\d+$/);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Särskilt bidrag för /);
  await axe.scan();
  const path = new URL(page.url()).pathname;
  const name = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(
    'Särskilt bidrag för ',
    '',
  );
  // The need's highest amount is not verified by any source: the form says so at the amount.
  await page.getByLabel('Behov', { exact: true }).selectOption({ label: 'Vinterkläder' });
  await expect(page.getByText(/^Högsta belopp: ej verifierat belopp/)).toBeVisible();
  await page.getByLabel('Belopp i hela kronor').fill('3 150');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(
    page
      .getByRole('alert')
      .getByText('Vad barnet behöver och varför: Beskriv vad barnet behöver och varför.'),
  ).toBeVisible();
  await axe.scan();

  await page
    .getByLabel('Vad barnet behöver och varför')
    .fill('Har vuxit ur vinterjackan och saknar kängor inför vintern.');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  const mine = page.getByRole('article', { name: AMOUNT });
  await expect(mine.getByTestId('special-grant-status')).toHaveText('Utkast');
  await expect(mine.getByRole('heading', { level: 3 })).toBeFocused();
  await mine.getByRole('button', { name: 'Skicka in till Migrationsverket' }).click();
  await expect(mine.getByTestId('special-grant-status')).toHaveText('Inskickad');
  await expect(mine.getByRole('button', { name: 'Skicka in till Migrationsverket' })).toHaveCount(0);
  // The button went with the step: focus is on the application's heading, not on the page's body.
  await expect(mine.getByRole('heading', { level: 3 })).toBeFocused();
  await axe.scan();
  await logout(page);

  await loginAs(page, axe, 'Eva Ström');
  await openFromMenu(page, axe, 'Särskilt bidrag');
  const card = page.getByRole('article', {
    name: new RegExp(`^Dossiernummer ${dossier}: Vinterkläder, 3\\s150\\skr`),
  });
  await expect(card.getByTestId('special-grant-status')).toHaveText('Inskickad');
  // The Agency decides on the dossier number: the child's name is not on its page.
  await expect(page.getByText(name)).toHaveCount(0);
  await card.getByLabel('Bevilja delvis').check();
  await card.getByLabel('Beviljat belopp i hela kronor').fill('2 500');
  await card.getByRole('button', { name: 'Fatta beslut' }).click();
  await expect(
    card.getByRole('alert').getByText('Skäl för beslutet: Ange skälet till beslutet.'),
  ).toBeVisible();
  await axe.scan();
  await card
    .getByLabel('Skäl för beslutet')
    .fill('Vinterjacka och kängor ryms inom 2 500 kr till skäligt pris.');
  await card.getByRole('button', { name: 'Fatta beslut' }).click();
  const handled = page.getByRole('region', {
    name: new RegExp(`^Senast hanterad: dossiernummer ${dossier}`),
  });
  await expect(handled.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(handled.getByTestId('special-grant-decision')).toContainText(
    'Migrationsverket beviljar delvis ansökan med 2 500 kr och avslår den i övrigt.',
  );
  await axe.scan();
  const toPay = page.getByRole('region', { name: 'Att betala ut' }).getByRole('article', {
    name: new RegExp(`^Dossiernummer ${dossier}: Vinterkläder, 3\\s150\\skr`),
  });
  await expect(toPay.getByTestId('special-grant-status')).toHaveText('Delvis beviljad');
  await toPay.getByRole('button', { name: 'Registrera utbetalning' }).click();
  await expect(handled.getByText('Utbetalningen är registrerad.', { exact: false })).toBeVisible();
  await expect(handled.getByTestId('special-grant-status')).toHaveText('Utbetald');
  await expect(handled.getByRole('heading', { level: 2 })).toBeFocused();
  await axe.scan();
  await logout(page);

  await loginAs(page, axe, 'Birgitta Sjö');
  await visit(page, axe, path);
  await expect(mine.getByTestId('special-grant-status')).toHaveText('Utbetald');
  const decision = mine.getByTestId('special-grant-decision');
  await expect(decision).toContainText(
    `Ansökan gäller särskilt bidrag till ${name}, dossiernummer ${dossier}, för vinterkläder med 3 150 kr.`,
  );
  await expect(decision).toContainText('Skäl: Vinterjacka och kängor ryms inom 2 500 kr till skäligt pris.');
  await expect(mine.getByTestId('special-grant-paid')).toHaveText(
    new RegExp(`^2\\s500\\skr den ${todayInSweden()}$`),
  );
  await logout(page);

  // Another god man: the ward's page is not found; a social worker has neither page nor the menu entry.
  await loginAs(page, axe, 'Hans Gren');
  await visit(page, axe, path);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await logout(page);
  await loginAs(page, axe, 'Sara Lind');
  await expect(menuLinks(page).filter({ hasText: 'Särskilt bidrag' })).toHaveCount(0);
  await visit(page, axe, '/sarskilt-bidrag');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await visit(page, axe, path);
  await expect(page.getByTestId('not-found')).toBeVisible();
});
