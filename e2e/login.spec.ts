import { expect, test } from './support/fixtures.ts';
import { loginAs, visit } from './support/session.ts';

test.describe('Inloggning', () => {
  test('en socialsekreterare loggar in från listan över demoanvändare och hamnar på sin startsida', async ({
    page,
    axe,
  }) => {
    await visit(page, axe, '/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Logga in', exact: true })).toHaveCount(0);

    await loginAs(page, axe, 'Sara Lind');
    await expect(page.getByRole('heading', { level: 1, name: 'Välkommen, Sara Lind' })).toBeVisible();
    await expect(page.getByTestId('active-role')).toHaveText(
      'Socialsekreterare, Malmö kommun, socialtjänsten',
    );
    await expect(page).toHaveTitle('Start – Anvisa');
  });

  test('utloggning leder tillbaka till inloggningen med ett besked, och sidorna kräver inloggning igen', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Sara Lind');
    await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
    await expect(page).toHaveURL(/\/login\?reason=logged_out$/);
    await expect(page.getByText('Du är utloggad.')).toBeVisible();
    await axe.scan();

    await page.goto('/barn');
    await expect(page).toHaveURL(/\/login$/);
    await axe.scan();
  });

  test('logga ut överallt avslutar också sessionen i en annan flik', async ({ page, axe, context }) => {
    await loginAs(page, axe, 'Karin Berg');
    const other = await context.newPage();
    await other.goto('/');
    await expect(other.getByRole('heading', { level: 1, name: 'Välkommen, Karin Berg' })).toBeVisible();

    await page.getByRole('button', { name: 'Logga ut överallt' }).click();
    await expect(page.getByText('Du är utloggad på alla enheter.')).toBeVisible();
    await axe.scan();

    await other.reload();
    await expect(other).toHaveURL(/\/login$/);
    await other.close();
  });

  test('språket kan växlas till engelska, sparas och sätter html lang', async ({ page, axe }) => {
    await loginAs(page, axe, 'Sara Lind');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await page.getByRole('button', { name: 'In English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(
      page
        .getByRole('navigation', { name: 'Main menu' })
        .getByRole('link', { name: 'Children', exact: true }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Sara Lind' })).toBeVisible();
    await axe.scan();

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await axe.scan();
    await page.getByRole('button', { name: 'På svenska' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await axe.scan();
  });

  test('byte av sida flyttar fokus till sidans rubrik, och hoppa-länken leder till huvudinnehållet', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Sara Lind');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Barn', exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Barn' })).toBeFocused();
    await expect(page).toHaveTitle('Barn – Anvisa');
    await axe.scan();

    await page.keyboard.press('Shift+Tab');
    await page.goto('/');
    // The page is drawn once the session is known and its code is here (lazy routes): Tab from then on.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hoppa till huvudinnehållet' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await axe.scan();
  });
});
