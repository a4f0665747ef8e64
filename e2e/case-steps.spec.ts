/**
 * Issue 10, step 4 in the browser: the asylum officer's page offers the steps the view carries, as buttons, and sends
 * them through the one step hook; a stale view answers in the case's words and keeps what the user typed. The social
 * case's "Nästa steg" shows what someone else did meanwhile, keeping what the user typed.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { api, decideTo, loginAs, logout, todayInSweden } from './support/session.ts';

/** A call to the API with the logged-in user's session; unsafe methods send the CSRF token. */

const daysAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The Migration Agency registers a child arriving in Malmö today. */
async function arrive(page: Page, firstName: string): Promise<string> {
  const today = todayInSweden();
  const { id } = await api<{ id: string }>(page, 'POST', '/api/allocation/arrivals', {
    dossierNumber: `7${String(Date.now()).slice(-9)}`,
    firstName,
    lastName: 'Haile',
    birthDate: `${Number(today.slice(0, 4)) - 15}-05-06`,
    gender: 'female',
    languages: ['tigrinja'],
    interpreterNeeded: true,
    arrivalMunicipalityCode: '1280',
    arrivalDate: today,
  });
  return id;
}

test.describe('Stegen som vyn erbjuder', () => {
  test('asylhandläggaren ser stegen som knappar, och en inaktuell vy sägs med ärendets ord', async ({
    page,
    axe,
  }) => {
    test.setTimeout(120_000);
    const today = todayInSweden();
    await loginAs(page, axe, 'Anna Alm');
    const childId = await arrive(page, 'Senait');
    await logout(page);

    await loginAs(page, axe, 'Omar Said');
    await page.goto(`/barn/${childId}/asyl`);
    const asylumSteps = page.getByRole('group', { name: 'Steg i asylärendet' });
    await expect(asylumSteps.getByRole('button')).toHaveText(['Asylsamtal', 'Migrationsverkets beslut']);
    await asylumSteps.getByRole('button', { name: 'Asylsamtal' }).click();
    await expect(asylumSteps.getByRole('button', { name: 'Asylsamtal' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const interviewOn = page.getByLabel('Datum för asylsamtalet');
    await interviewOn.fill(today);
    await axe.scan();

    // Someone else books an interview meanwhile: the case's version moves on.
    await api(page, 'POST', `/api/children/${childId}/asylum/interviews`, {
      interviewOn: daysAfter(today, 7),
      expectedVersion: 0,
    });
    await page.getByRole('button', { name: 'Spara asylsamtalet' }).click();
    await expect(
      page.getByText('Någon annan registrerade ett steg efter att du öppnade sidan.', { exact: false }),
    ).toBeVisible();
    await expect(interviewOn).toHaveValue(today);
    // The page now shows the case as it is (the booked interview among its events): the same step goes through.
    await expect(page.getByRole('rowheader', { name: 'Asylsamtal bokat' })).toBeVisible();
    await page.getByRole('button', { name: 'Spara asylsamtalet' }).click();
    await expect(page.getByText('Steget är registrerat.')).toBeVisible();
    await expect(asylumSteps.getByRole('button', { name: 'Asylsamtal' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );

    // The age case: doubt takes only its date, then the assessment and the decisions are offered.
    const ageSteps = page.getByRole('group', { name: 'Steg i åldersärendet' });
    await ageSteps.getByRole('button', { name: 'Ifrågasätt den uppgivna åldern' }).click();
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await expect(page.getByText('Steget är registrerat.')).toBeVisible();
    await expect(ageSteps.getByRole('button')).toHaveText([
      'Medicinsk åldersbedömning',
      'Tillfälligt åldersbeslut',
      'Slutligt åldersbeslut',
    ]);
    await axe.scan();
  });

  test('socialtjänstens nästa steg visar vad någon annan gjorde och behåller det användaren skrev', async ({
    page,
    axe,
  }) => {
    test.setTimeout(150_000);
    const today = todayInSweden();
    await loginAs(page, axe, 'Anna Alm');
    const childId = await arrive(page, 'Meron');
    await decideTo(page, childId, '1280', 'Barnet har en moster i Malmö som kan ge stöd.');
    await logout(page);

    await loginAs(page, axe, 'Sara Lind');
    const steps = `/api/children/${childId}/social-case/steps`;
    const { version } = await api<{ version: number }>(page, 'POST', steps, {
      event: 'assess_protection',
      occurredOn: today,
      outcome: 'no_immediate_need',
    });
    await api(page, 'POST', steps, {
      event: 'open_investigation',
      occurredOn: today,
      finding: 'unaccompanied_needs_care',
      expectedVersion: version,
    });
    await page.goto(`/barn/${childId}?del=arende`);
    const socialCase = page.getByRole('region', { name: 'Socialtjänstens ärende', exact: true });
    await socialCase.getByLabel('Vilket steg vill du registrera?').selectOption('extend_investigation');
    const reason = 'Särskilda skäl: barnets tolk kan först om tre veckor.';
    await socialCase.getByLabel('Ny tidsfrist för utredningen').fill(daysAfter(today, 150));
    await socialCase.getByLabel('Särskilda skäl för förlängningen').fill(reason);

    // Someone else extends the investigation meanwhile.
    await api(page, 'POST', steps, {
      event: 'extend_investigation',
      occurredOn: today,
      extendedTo: daysAfter(today, 140),
      reason: 'Särskilda skäl: väntar på läkarutlåtande.',
      expectedVersion: version + 1,
    });
    await socialCase.getByRole('button', { name: 'Registrera steget' }).click();
    await expect(
      socialCase.getByText(
        `Någon annan har ändrat ärendet medan du fyllde i formuläret: Förläng utredningen (${today}).`,
        {
          exact: false,
        },
      ),
    ).toBeVisible();
    await expect(socialCase.getByLabel('Särskilda skäl för förlängningen')).toHaveValue(reason);
    await axe.scan();
  });
});
