import { expect, test } from './support/fixtures.ts';
import { loginAs, logout, openFromMenu } from './support/session.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * The claims and the Agency's review (ADR 0034): Malmö's finance officer reads the demo's decided and paid claim,
 * submits a claim for the previous quarter (attaching the LVU decision where a line needs it) and is refused a
 * quarter past its last day with the day named; the Agency's officer reduces one line with a reason, grants the rest
 * and records the payment; the municipality sees the decision and the payment. Axe on every view.
 */
test.describe('Ansökan om ersättning och Migrationsverkets granskning', () => {
  test('kommunen söker, Migrationsverket beslutar och betalar ut, kommunen ser beslutet', async ({
    page,
    axe,
  }) => {
    test.setTimeout(180_000);
    await loginAs(page, axe, 'Fredrik Holm');
    await openFromMenu(page, axe, 'Ansökningar om ersättning');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ansökningar om ersättning');
    // One menu entry is the current page: this one, not also "Ersättning" whose path it lies under.
    const current = page.getByRole('navigation', { name: 'Huvudmeny' }).locator('[aria-current="page"]');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveText('Ansökningar om ersättning');

    // The demo's claim: decided with a line reduced, and paid.
    const paidRow = page.getByRole('row').filter({ hasText: 'Utbetald' }).first();
    await paidRow.getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Migrationsverkets beslut' })).toBeVisible();
    await expect(page.getByText(/Beviljas delvis .* kr av sökta/)).toBeVisible();
    await expect(page.getByText(/19 § förordningen \(2017:193\)/)).toBeVisible();
    await expect(page.getByText(/betalades ut/)).toBeVisible();
    await axe.scan();
    await page.getByRole('link', { name: 'Tillbaka till ansökningarna' }).click();

    // A quarter long past its last day is refused, the day named.
    const quarter = page.getByLabel('Kvartal', { exact: true });
    const oldest = await quarter.locator('option').last().getAttribute('value');
    // The picker says so before the officer tries: the option names its last day as passed.
    await expect(quarter.locator('option').last()).toHaveText(
      new RegExp(`^${oldest ?? ''} \\(sista dag \\d{4}-\\d{2}-\\d{2} har passerat\\)$`),
    );
    await quarter.selectOption(oldest ?? '');
    await page.getByRole('button', { name: 'Skapa utkast' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText(
      new RegExp(`Sista dag för ansökan om ersättning för ${oldest ?? ''} var \\d{4}-\\d{2}-\\d{2}`),
    );
    await axe.scan();

    // The previous quarter (the first choice): a draft with the lines Anvisa computes, submitted.
    const previous = await quarter.locator('option').first().getAttribute('value');
    await quarter.selectOption(previous ?? '');
    await page.getByRole('button', { name: 'Skapa utkast' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/^Ansökan [0-9A-F]{8}, version 1$/);
    const reference = ((await heading.textContent()) ?? '').slice('Ansökan '.length, 'Ansökan '.length + 8);
    await expect(page.getByRole('checkbox').first()).toBeChecked();
    await axe.scan();
    // A child with a special custodian: the officer states the municipality's cost, typed the Swedish way.
    const costs = page.getByLabel('Kommunens kostnad för kvartalet, hela kronor');
    for (let i = 0; i < (await costs.count()); i++) {
      await costs.nth(i).fill('45 000 kr');
      await page.getByRole('button', { name: 'Spara kostnaden' }).nth(i).click();
      await expect(page.getByText(/^Angiven kostnad: 45\s000 kr$/)).toHaveCount(i + 1);
    }
    // After each action the draft is drawn anew: focus goes to the confirmation, not to the page's body.
    const focused = page.locator(':focus');
    await page.getByRole('button', { name: 'Spara urvalet' }).click();
    await expect(focused).toHaveText('Urvalet av rader är sparat.');
    const uploads = page.getByLabel('Fil (PDF, PNG eller JPEG, högst 2 MB)');
    const lvuLines = await uploads.count();
    for (let i = 0; i < (await uploads.count()); i++) {
      await uploads
        .nth(i)
        .setInputFiles({ name: 'lvu-beslut.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: 'Ladda upp bilagan' }).nth(i).click();
      await expect(page.getByText('Bilagan är sparad.')).toBeVisible();
      await expect(focused).toHaveText('Bilagan är sparad.');
    }
    await page.getByRole('button', { name: 'Skicka in ansökan' }).click();
    await expect(page.getByText('Ansökan är inskickad till Migrationsverket.')).toBeVisible();
    await expect(focused).toHaveText('Ansökan är inskickad till Migrationsverket.');
    await expect(page.getByText('Inskickad', { exact: true }).first()).toBeVisible();
    await axe.scan();
    await logout(page);

    // The Agency: one line reduced with a reason, the rest granted, then the payment.
    await loginAs(page, axe, 'Eva Ström');
    await openFromMenu(page, axe, 'Granskning av ersättning');
    await page.getByRole('link', { name: `${reference}, version 1` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      `Ansökan ${reference}, version 1, Malmö`,
    );
    await axe.scan();
    const forms = page.locator('section[aria-labelledby="claim-decide"] form');
    const lineHeadings = page.locator('section[aria-labelledby="claim-decide"] li > h3');
    const lines = await forms.count();
    const first = forms.first();
    // Nothing is decided before the officer chooses: no outcome is checked, every line says so, and each line's
    // LVU decision can be read before deciding.
    await expect(
      page.locator('section[aria-labelledby="claim-decide"] input[type="radio"]:checked'),
    ).toHaveCount(0);
    await expect(page.getByText('Inte beslutad', { exact: true })).toHaveCount(lines);
    await expect(
      page.locator('section[aria-labelledby="claim-decide"]').getByRole('link', { name: 'lvu-beslut.pdf' }),
    ).toHaveCount(lvuLines);
    await first.getByRole('button', { name: 'Spara beslutet' }).click();
    await expect(
      first.getByRole('link', { name: 'Beslut: Välj om raden beviljas, beviljas delvis eller avslås.' }),
    ).toBeVisible();
    await axe.scan();
    const save = async (index: number) => {
      const answer = page.waitForResponse(
        (r) => r.url().endsWith('/decision') && r.request().method() === 'POST',
      );
      await forms.nth(index).getByRole('button', { name: 'Spara beslutet' }).click();
      expect((await answer).status()).toBe(200);
    };
    await first.getByLabel('Beviljas delvis').check();
    // Typed as Intl writes it (a no-break space between thousands) and with "kr": the amount is 1 000 kronor.
    await first.getByLabel('Beviljat belopp i hela kronor').fill('1\u00a0000 kr');
    await first
      .getByLabel('Skäl', { exact: true })
      .selectOption({ label: 'Ankomstdygn bara till dagen före övertagandet' });
    await axe.scan();
    await save(0);
    await expect(page.getByText('Beslutet om raden är sparat.')).toBeVisible();
    await expect(page.getByText('Inte beslutad', { exact: true })).toHaveCount(lines - 1);
    // Each line decided: focus moves on to the next line's heading; after the last, to the confirmation.
    for (let i = 1; i < lines; i++) {
      await expect(lineHeadings.nth(i)).toBeFocused();
      await forms.nth(i).getByLabel('Beviljas', { exact: true }).check();
      await save(i);
    }
    await expect(focused).toHaveText('Beslutet om raden är sparat.');
    await expect(page.getByRole('heading', { name: 'Migrationsverkets beslut' })).toBeVisible();
    await expect(page.getByText(/Beviljas delvis 1 000 kr av sökta/)).toBeVisible();
    await page.getByLabel('Betalningsreferens').fill('UB-E2E-1');
    await page.getByRole('button', { name: 'Registrera utbetalningen' }).click();
    await expect(page.getByText('Utbetalningen är registrerad.')).toBeVisible();
    await expect(focused).toHaveText('Utbetalningen är registrerad.');
    await expect(page.getByText(/betalades ut .* \(betalningsreferens UB-E2E-1\)/)).toBeVisible();
    await axe.scan();
    await page.goto('/ersattning/granskning/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Granskning av ansökningar om ersättning',
    );
    await expect(page.getByRole('alert')).toBeVisible();
    await axe.scan();
    await logout(page);

    // The municipality sees the decision and the payment on its claim.
    await loginAs(page, axe, 'Fredrik Holm');
    await openFromMenu(page, axe, 'Ansökningar om ersättning');
    await page.getByRole('link', { name: `${reference}, version 1` }).click();
    await expect(page.getByText(/Beviljas delvis 1 000 kr av sökta/)).toBeVisible();
    await expect(
      page.getByText(/Skäl: Ersättning för ankomstdygn lämnas bara till och med dagen före/),
    ).toBeVisible();
    await expect(page.getByText(/\(betalningsreferens UB-E2E-1\)/)).toBeVisible();
    await axe.scan();

    // A claim that does not exist (or is not the caller's) is said so on a page with its heading.
    await page.goto('/ersattning/ansokningar/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ansökningar om ersättning');
    await expect(page.getByRole('alert')).toBeVisible();
    await axe.scan();
  });
});
