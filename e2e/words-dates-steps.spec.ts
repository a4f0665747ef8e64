/**
 * Issue 8 in the browser: a date that does not exist is named at its field; the social case's "Nästa steg" offers the
 * usual step first and records what the preliminary assessment found; the worklist names each deadline in plain
 * Swedish with the current Social Services Act, and never shows a rule id.
 */
import { expect, test } from './support/fixtures.ts';
import { api, decideTo, loginAs, logout, openFromMenu, openPart, todayInSweden } from './support/session.ts';

const RULE_IDS = [
  'protection-assessment',
  'preliminary-assessment',
  'care-review',
  'school-start',
  'relative-assessment',
  'turning-18-warning',
  'continued-responsibility-notice',
  'change-report',
  'on-call-placement',
  'god-man-appointment',
];

/** A call to the API with the logged-in user's session; unsafe methods send the CSRF token. */

test.describe('Ord, datum och nästa steg', () => {
  test('ett datum som inte finns namnges vid fältet, inte som ett tomt fält', async ({ page, axe }) => {
    await loginAs(page, axe, 'Anna Alm');
    await openFromMenu(page, axe, 'Anvisning');
    await page
      .getByRole('navigation', { name: 'Anvisningsvyer' })
      .getByRole('link', { name: 'Registrera ankomst' })
      .click();
    await page.getByLabel('Aktnummer eller namn').fill('Hawa Abdi');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect(page.getByLabel('Förnamn')).toHaveValue('Hawa');

    const birthDate = page.getByLabel('Födelsedatum');
    // A text field written ÅÅÅÅ-MM-DD: the browser's date control would hand an impossible date over as "".
    await expect(birthDate).toHaveAttribute('type', 'text');
    await expect(birthDate).toHaveAccessibleDescription(/ÅÅÅÅ-MM-DD/);
    await birthDate.pressSequentially('02/30/2015');
    await page.getByRole('button', { name: 'Registrera ankomsten' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' });
    await expect(summary).toBeFocused();
    await expect(
      summary.getByRole('link', { name: 'Födelsedatum: Datumet finns inte: 30 februari 2015.' }),
    ).toBeVisible();
    await expect(summary.getByRole('link', { name: /^Födelsedatum: Fältet måste fyllas i/ })).toHaveCount(0);
    await expect(birthDate).toHaveAttribute('aria-invalid', 'true');
    await expect(birthDate).toHaveAccessibleDescription(/Datumet finns inte: 30 februari 2015\./);
    await axe.scan();

    await birthDate.fill('2015-02-30');
    await page.getByRole('button', { name: 'Registrera ankomsten' }).click();
    await expect(
      summary.getByRole('link', { name: 'Födelsedatum: Datumet finns inte: 30 februari 2015.' }),
    ).toBeVisible();
    await birthDate.fill('15 feb');
    await page.getByRole('button', { name: 'Registrera ankomsten' }).click();
    await expect(
      summary.getByRole('link', { name: /^Födelsedatum: Skriv datumet som ÅÅÅÅ-MM-DD/ }),
    ).toBeVisible();
  });

  test('förhandsbedömningen sparar vad den visade, nästa steg föreslår det vanliga, och arbetslistan talar klarspråk', async ({
    page,
    axe,
  }) => {
    test.setTimeout(180_000);
    const today = todayInSweden();
    const dossier = `8${String(Date.now()).slice(-9)}`;

    // The Migration Agency registers a child and decides it to Malmö: Malmö's social services receive the report.
    await loginAs(page, axe, 'Anna Alm');
    const { id: childId } = await api<{ id: string }>(page, 'POST', '/api/allocation/arrivals', {
      dossierNumber: dossier,
      firstName: 'Yonas',
      lastName: 'Tesfay',
      birthDate: `${Number(today.slice(0, 4)) - 15}-03-04`,
      gender: 'male',
      languages: ['tigrinja'],
      interpreterNeeded: true,
      arrivalMunicipalityCode: '1280',
      arrivalDate: today,
    });
    await decideTo(page, childId, '1280', 'Barnet har en farbror i Malmö som kan ge stöd.');
    await logout(page);

    await loginAs(page, axe, 'Sara Lind');
    await page.goto(`/barn/${childId}?del=arende`);
    const socialCase = page.getByRole('region', { name: 'Socialtjänstens ärende', exact: true });
    await expect(socialCase).toBeVisible();
    await expect(socialCase).toContainText(
      '20 kap. 1 § SoL (2025:400) (tidigare 11 kap. 1 a § SoL 2001:453)',
    );
    await expect(socialCase).not.toContainText('ej kartlagd');

    // The protection assessment records whether the child needs protection at once.
    await socialCase.getByLabel('Nej, inget omedelbart skyddsbehov').check();
    await socialCase.getByRole('button', { name: 'Registrera steget' }).click();
    // The confirmation stays although the form it came from gives way to the next step's.
    await expect(socialCase.getByText('Steget är registrerat: Skyddsbedömning.')).toBeVisible();

    // The preliminary assessment: opening the investigation is offered first, and what it found is required.
    const choice = socialCase.getByLabel('Vilket steg vill du registrera?');
    await expect(choice).toHaveValue('open_investigation');
    await socialCase.getByRole('button', { name: 'Registrera steget' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' });
    await expect(
      summary.getByRole('link', { name: 'Vad visade förhandsbedömningen?: Välj ett alternativ.' }),
    ).toBeVisible();
    await axe.scan();
    await socialCase
      .getByLabel('Barnet är ensamkommande och behöver vård och boende utanför det egna hemmet')
      .check();
    await socialCase.getByRole('button', { name: 'Registrera steget' }).click();
    await expect(
      socialCase.getByText('Steget är registrerat: Förhandsbedömning: inled utredning.'),
    ).toBeVisible();

    // Investigating: the usual next step is the decision on interventions, not the extension.
    await expect(choice).toHaveValue('decide_interventions');
    await expect(choice.locator('option').first()).toHaveText('Beslut om insatser');
    await expect(socialCase).toContainText(
      'Förhandsbedömning: inled utredning – Barnet är ensamkommande och behöver vård och boende utanför det egna hemmet',
    );
    await expect(socialCase).toContainText('Skyddsbedömning – Nej, inget omedelbart skyddsbehov');
    await expect(socialCase).toContainText('Utredning klar inom fyra månader från start');
    await expect(socialCase).toContainText('20 kap. 3 § SoL (2025:400) (tidigare 11 kap. 2 § SoL 2001:453)');
    await openPart(page, axe, 'Tidslinje');
    const timeline = page.getByRole('region', { name: 'Tidslinje' });
    await expect(timeline).toContainText('Utredning inledd – Barnet är ensamkommande');
    await axe.scan();

    // The worklist: every deadline in plain words with its source; no rule id anywhere on the page.
    await openFromMenu(page, axe, 'Arbetslista');
    const main = page.getByRole('main');
    await expect(main.getByRole('table')).toBeVisible();
    await expect(main).toContainText(/\d+ öppna tidsfrister|1 öppen tidsfrist/);
    await expect(main).toContainText('Utredning klar inom fyra månader från start');
    const text = await main.innerText();
    for (const id of RULE_IDS) expect(text, id).not.toContain(id);
    expect(text).not.toMatch(/Regel: |ej kartlagd/);
    expect(text).not.toMatch(/(^|[^0-9])1 (arbets)?dagar/);
    const options = await page.getByLabel('Tidsfrist', { exact: true }).locator('option').allTextContents();
    expect(options).toContain('Övervägande av vården minst var sjätte månad');
    for (const id of RULE_IDS) expect(options.join('|'), id).not.toContain(id);
  });
});
