import { expect, test } from './support/fixtures.ts';
import { loginAs, openFromMenu } from './support/session.ts';

/**
 * Malmö's finance officer (ADR 0032): the previous quarter's compensation, a child's lines day by day in a table
 * with a caption (focus on its heading), and an LVU daily cost refused with the field named, then recorded. Axe on
 * every view.
 */
test.describe('Ersättning för kommunen', () => {
  test('ekonomihandläggaren ser kvartalet, ett barns dagar och LVU-placeringarnas dygnskostnad', async ({
    page,
    axe,
  }) => {
    test.setTimeout(90_000);
    await loginAs(page, axe, 'Fredrik Holm');
    await openFromMenu(page, axe, 'Ersättning');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ersättning från staten');
    await expect(page.getByText('Sista dag att söka ersättning för kvartalet')).toBeVisible();
    await page
      .getByRole('button', { name: /^Visa dag för dag/ })
      .first()
      .click();
    // Focus moves to the explanation's heading, far below the child's row.
    await expect(page.getByRole('heading', { level: 2, name: /^Ersättning för / })).toBeFocused();
    await expect(page.locator('caption', { hasText: 'Ersättningens dagar för' })).toBeVisible();
    await axe.scan();
    // The demo places a Malmö child under LVU in the previous quarter (src/seed/payouts.ts), on any date; the route's
    // refusals and the recording are the integration test's (test/compensation/view.int.test.ts).
    const cost = page.getByLabel('Dygnskostnad i hela kronor, utan moms').first();
    await cost.fill('12,5');
    await page.getByRole('button', { name: 'Spara dygnskostnad' }).first().click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await expect(page.getByRole('alert').first()).toContainText('Ange beloppet i hela kronor, utan ören.');
    // Typed the Swedish way, with a space between thousands and "kr": 4 500 kronor.
    await cost.fill('4 500 kr');
    await page.getByRole('button', { name: 'Spara dygnskostnad' }).first().click();
    await expect(page.getByText('Dygnskostnaden är sparad.')).toBeVisible();
    await expect(page.locator(':focus')).toHaveText('Dygnskostnaden är sparad.');
    await axe.scan();
  });
});
