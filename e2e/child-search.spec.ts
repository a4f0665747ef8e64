import { expect, test } from './support/fixtures.ts';
import { loginAs, openFromMenu } from './support/session.ts';

test.describe('Sök barn', () => {
  test('en sökning på bara skiljetecken får ett begripligt svar, en sökning med arabisk skrift hittar samma namn skrivet med latinska bokstäver', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Anna Alm');
    await openFromMenu(page, axe, 'Barn');
    const field = page.getByLabel('Sök på aktnummer, namn eller födelsedatum');
    const search = page.getByRole('button', { name: 'Sök', exact: true });

    await field.fill('%');
    await search.click();
    await expect(page.getByRole('alert')).toHaveText(
      'Sök med minst en bokstav eller siffra. Skiljetecken och symboler ensamma går inte att söka på.',
    );
    await expect(page.getByRole('table')).toHaveCount(0);
    await axe.scan();

    await field.fill('محمد');
    await search.click();
    await expect(page.getByRole('status').filter({ hasText: 'matchar ”محمد”' })).toBeVisible();
    await expect(page.getByRole('table')).toContainText(/Moham+ad/);
    await axe.scan();
  });
});
