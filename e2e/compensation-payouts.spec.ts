import { expect, test } from './support/fixtures.ts';
import { loginAs, logout, openFromMenu, todayInSweden } from './support/session.ts';

/**
 * The Agency's automatic payouts and the missing-schablon report (ADR 0035): Eva Ström records Malmö's payout for the
 * previous quarter (a refused payment day first); Malmö's finance officer sees what was paid next to what Anvisa
 * computes and the year's annual compensation, and reports a child the demo's earlier payment list paid short; Eva
 * Ström accepts it (a refused answer first) and Malmö sees the answer. Axe on every view.
 */
test.describe('Utbetalningar utan ansökan och utebliven schablon', () => {
  test('handläggaren betalar ut kvartalet, kommunen anmäler en utebliven schablon och får den godkänd', async ({
    page,
    axe,
  }) => {
    test.setTimeout(150_000);
    await loginAs(page, axe, 'Eva Ström');
    await openFromMenu(page, axe, 'Utbetalningar');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utbetalningar utan ansökan');
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: 'Malmö' });
    const period = await page.getByLabel('Period', { exact: true }).inputValue();
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: `Malmö, ${period}` })).toBeFocused();
    const proposal = page.getByRole('region', { name: 'Förslag till utbetalning' });
    await expect(proposal.locator('caption')).toHaveText(`Föreslagna rader för Malmö, ${period}`);
    await axe.scan();
    const paidOn = proposal.getByLabel('Utbetalningsdag');
    await paidOn.fill('2020-02-30');
    await proposal.getByRole('button', { name: 'Registrera utbetalningen' }).click();
    await expect(proposal.getByRole('alert').first()).toBeVisible();
    await axe.scan();
    await paidOn.fill(todayInSweden());
    await proposal.getByRole('button', { name: 'Registrera utbetalningen' }).click();
    await expect(page.getByText('Utbetalningen är registrerad.')).toBeVisible();
    // The form went with the proposal: focus is on the confirmation, not on the page's body.
    await expect(page.locator(':focus')).toHaveText('Utbetalningen är registrerad.');
    await expect(
      page.getByRole('region', { name: 'Gjorda utbetalningar' }).locator('caption').first(),
    ).toContainText('Utbetalning ');
    await axe.scan();
    await logout(page);
    await axe.scan();

    await loginAs(page, axe, 'Fredrik Holm');
    await openFromMenu(page, axe, 'Ersättning');
    const paid = page.getByRole('region', { name: `Utbetalt och beräknat, ${period}` });
    await expect(paid.getByText(/^Utbetalning \d{4}-\d{2}-\d{2}:/)).toBeVisible();
    await expect(paid.locator('caption')).toContainText('beräknat nu, utbetalt och skillnaden');
    const annual = page.getByRole('region', { name: `Årlig ersättning ${period.slice(0, 4)}` });
    await expect(annual.getByText(/^Rörlig ersättning:/)).toBeVisible();
    await axe.scan();

    await openFromMenu(page, axe, 'Utebliven schablon');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utebliven schablonersättning');
    const form = page.getByRole('form', { name: 'Anmäl utebliven schablon' });
    await form.getByRole('button', { name: 'Skicka anmälan' }).click();
    await expect(form.getByRole('link', { name: 'Barn och kvartal: Välj barn och kvartal.' })).toBeVisible();
    await axe.scan();
    const choice = form.getByLabel('Barn och kvartal');
    const option = await choice.locator('option').nth(1).getAttribute('value');
    await choice.selectOption(option ?? '');
    await form
      .getByLabel('Förklaring')
      .fill('Ansvaret registrerades i efterhand; barnet var placerat av kommunen hela kvartalet.');
    await form.getByRole('button', { name: 'Skicka anmälan' }).click();
    await expect(page.getByText('Anmälan är skickad till Migrationsverket.')).toBeVisible();
    await expect(page.locator(':focus')).toHaveText('Anmälan är skickad till Migrationsverket.');
    const own = page.getByRole('region', { name: 'Kommunens anmälningar' });
    await expect(own.getByText('Ansvaret registrerades i efterhand')).toBeVisible();
    await axe.scan();
    await logout(page);
    await axe.scan();

    await loginAs(page, axe, 'Eva Ström');
    await openFromMenu(page, axe, 'Utebliven schablon');
    const card = page
      .getByRole('region', { name: 'Att besvara' })
      .getByRole('listitem')
      .filter({ hasText: 'Ansvaret registrerades i efterhand' });
    // Neither answer is chosen beforehand: sending without one is refused, nothing is paid.
    await expect(card.getByRole('radio', { checked: true })).toHaveCount(0);
    await card.getByRole('button', { name: 'Skicka svaret' }).click();
    await expect(
      card.getByRole('link', { name: 'Svar: Välj om anmälan godkänns eller avslås.' }),
    ).toBeVisible();
    await axe.scan();
    await card.getByLabel('Avslå').check();
    await card.getByRole('button', { name: 'Skicka svaret' }).click();
    await expect(
      card.getByRole('link', { name: 'Skäl till avslaget: Välj skälet till avslaget.' }),
    ).toBeVisible();
    await axe.scan();
    await card.getByLabel('Godkänn: betala ut det som saknas').check();
    await card.getByRole('button', { name: 'Skicka svaret' }).click();
    await expect(page.getByText('Svaret är skickat till kommunen.')).toBeVisible();
    await expect(page.locator(':focus')).toHaveText('Svaret är skickat till kommunen.');
    const answered = page
      .getByRole('region', { name: 'Besvarade' })
      .getByRole('listitem')
      .filter({ hasText: 'Ansvaret registrerades i efterhand' });
    await expect(answered).toContainText('tilläggsutbetalning');
    await axe.scan();
    await logout(page);
    await axe.scan();

    await loginAs(page, axe, 'Fredrik Holm');
    await openFromMenu(page, axe, 'Utebliven schablon');
    await expect(
      page
        .getByRole('region', { name: 'Kommunens anmälningar' })
        .getByRole('row')
        .filter({ hasText: 'Ansvaret registrerades i efterhand' }),
    ).toContainText('Godkänd');
    await axe.scan();
  });
});
