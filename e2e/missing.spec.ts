/**
 * Issue 12 in the browser: the routine for a child who goes missing, from where the child lives to the return talk.
 * The staff of the HVB report the child missing with the police report; the social worker sees the child at the top
 * of her worklist, records the last notification sent, and is refused a closure as not found before the routine's
 * minimum; the police of the region see the child and the profile and nothing more, until the child is found; the
 * return talk is held with the child's own account and views, and the episode ends. Every page is scanned with axe.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Axe } from './support/fixtures.ts';
import { api, decideTo, loginAs, logout, openPart, todayInSweden, visit } from './support/session.ts';

const RECORD = {
  rightsConcerned: ['art. 3 barnets bästa'],
  whatIsKnown: 'Barnet bor på HVB och går i skolan.',
  childsViews: 'Jag vill bo kvar här.',
  childsViewsLanguage: 'dari',
  howWeighed: 'Barnets önskan väger tyngst.',
  feedbackToChild: 'Beslutet förklarades med tolk.',
  feedbackGivenOn: null as string | null,
  notHeardReason: null,
};

/** A child assigned to Malmö and placed at the HVB where the demo's provider staff (Nils Persson) work. */
async function placedAtNilsHvb(page: Page, axe: Axe, firstName: string): Promise<string> {
  const today = todayInSweden();
  await loginAs(page, axe, 'Nils Persson');
  const session = await api<{ assignments: { organisationName: string }[] }>(page, 'GET', '/api/session');
  const hvb = (session.assignments[0]?.organisationName ?? '').split(', ')[0] ?? '';
  await logout(page);

  await loginAs(page, axe, 'Anna Alm');
  const { id } = await api<{ id: string }>(page, 'POST', '/api/allocation/arrivals', {
    dossierNumber: `8${String(Date.now()).slice(-9)}`,
    firstName,
    lastName: 'Rahimi',
    birthDate: `${Number(today.slice(0, 4)) - 16}-02-03`,
    gender: 'male',
    languages: ['dari'],
    interpreterNeeded: true,
    arrivalMunicipalityCode: '1280',
    arrivalDate: today,
  });
  await decideTo(page, id, '1280', 'Barnet har en kusin i Malmö.');
  await logout(page);

  await loginAs(page, axe, 'Sara Lind');
  const providers = await api<{ providers: { id: string; name: string }[] }>(
    page,
    'GET',
    '/api/providers?municipalityCode=1280',
  );
  const providerId = providers.providers.find((p) => p.name === hvb)?.id;
  expect(providerId, `the HVB ${hvb}`).toBeDefined();
  const steps = `/api/children/${id}/social-case/steps`;
  await api(page, 'POST', steps, {
    event: 'assess_protection',
    occurredOn: today,
    outcome: 'no_immediate_need',
  });
  await api(page, 'POST', steps, {
    event: 'open_investigation',
    occurredOn: today,
    finding: 'unaccompanied_needs_care',
  });
  await api(page, 'POST', steps, {
    event: 'decide_interventions',
    occurredOn: today,
    interventions: ['placement'],
    carePlanOn: today,
    bestInterests: { ...RECORD, feedbackGivenOn: today },
  });
  const placements = await api<{ version: number }>(page, 'GET', `/api/children/${id}/placements`);
  await api(page, 'POST', `/api/children/${id}/placements`, {
    providerId,
    form: 'hvb',
    legalBasis: 'SoL',
    fromDate: today,
    expectedVersion: placements.version,
    bestInterests: { ...RECORD, feedbackGivenOn: today },
  });
  await logout(page);
  return id;
}

/** Now in Swedish time, as the forms take it: a date and a time (minutes ago, so never in the future). */
function moment(minutesAgo: number): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(Date.now() - minutesAgo * 60_000))
    .split(' ');
  return { date: parts[0] ?? '', time: parts[1] ?? '' };
}

async function fillMoment(page: Page, legend: string, at: { date: string; time: string }) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Datum').fill(at.date);
  await group.getByLabel('Tid', { exact: true }).fill(at.time);
}

test.describe('Ett barn försvinner', () => {
  test('boendet anmäler, socialtjänsten följer rutinen, polisen ser bara det som behövs, samtal och avslut', async ({
    page,
    axe,
  }) => {
    test.setTimeout(300_000);
    const childId = await placedAtNilsHvb(page, axe, 'Farid');
    const lastSeen = moment(180);
    const policeAt = moment(120);

    // The staff where the child lives report the child missing, with the police report.
    await loginAs(page, axe, 'Nils Persson');
    await visit(page, axe, `/barn/${childId}`);
    await openPart(page, axe, 'Avvikanden');
    await page.getByRole('button', { name: 'Anmäl borta eller försvunnen' }).click();
    await page.getByRole('radio', { name: 'Försvunnen, vistelseort okänd' }).check();
    await fillMoment(page, 'Senast sedd (datum och tid)', lastSeen);
    await page.getByLabel('Var barnet senast sågs').fill('HVB-hemmet, gemensamma rummet');
    await page.getByLabel('Polisanmälan är gjord').check();
    await page.getByLabel('Polisens diarienummer').fill('5000-K424242-26');
    await fillMoment(page, 'Polisanmäld (datum och tid)', policeAt);
    await axe.scan();
    await page.getByRole('button', { name: 'Anmäl borta eller försvunnen' }).last().click();
    await expect(page.getByText('Avvikandet är anmält.')).toBeVisible();
    await expect(page.getByText('Försvunnen – polisanmäld')).toBeVisible();
    // The staff take no step that social services decide.
    await expect(page.getByRole('button', { name: 'Registrera LVU-bedömning' })).toHaveCount(0);
    await axe.scan();
    await logout(page);

    // The social worker sees the child at the top of her worklist and follows the routine.
    await loginAs(page, axe, 'Sara Lind');
    await page.goto('/arbetslista');
    const block = page.getByRole('region', { name: 'Avvikna barn' });
    const row = block.getByRole('row', { name: /Farid Rahimi/ });
    await expect(row).toBeVisible();
    await axe.scan();
    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 2, name: 'Avvikanden' })).toBeVisible();
    const notifications = page.getByRole('table', { name: 'Underrättelser' });
    await expect(notifications.getByRole('rowheader', { name: 'Polisen' })).toBeVisible();
    await page.getByRole('button', { name: 'Registrera skickad: Migrationsverket' }).click();
    await fillMoment(page, 'Skickad (datum och tid)', moment(60));
    await axe.scan();
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect(page.getByText('Underrättelsen är registrerad som skickad.')).toBeVisible();

    // A closure as not found before the routine's minimum is refused, and says from when it is possible.
    await page.getByRole('button', { name: 'Avsluta – ej återfunnen' }).click();
    await expect(page.getByText(/Tidigast \d{4}-\d{2}-\d{2} enligt rutinen/)).toBeVisible();
    await page.getByLabel('Skäl för beslutet').fill('Inga spår efter barnet.');
    await page.getByLabel('art. 3 barnets bästa').check();
    await page.getByLabel('Vad vet vi om barnets situation?').fill('Barnet är försvunnet sedan i går.');
    await page.getByLabel('Barnet har inte hörts inför beslutet').check();
    await page.getByLabel('Varför har barnet inte hörts?').fill('Barnet är försvunnet.');
    await page.getByLabel('Hur har barnets bästa och åsikter vägts?').fill('Sökandet fortsätter.');
    await page.getByRole('button', { name: 'Avsluta – ej återfunnen' }).last().click();
    await expect(
      page.getByText('Rutinens minsta tid från polisanmälan har inte gått.').first(),
    ).toBeVisible();
    await axe.scan();
    await logout(page);

    // The police of the region see who to look for, and the place last seen; no link into the child's case.
    await loginAs(page, axe, 'Nils Berglund');
    await page.goto('/polis');
    const card = page.getByRole('article', { name: /Farid Rahimi/ });
    await expect(card).toBeVisible();
    await expect(card.getByText('HVB-hemmet, gemensamma rummet')).toBeVisible();
    await expect(card.getByText('5000-K424242-26')).toBeVisible();
    await expect(card.getByRole('link')).toHaveCount(0);
    await axe.scan();
    await logout(page);

    // Found, the return talk with the child's own account and views, and the placement reviewed.
    await loginAs(page, axe, 'Sara Lind');
    await page.goto(`/barn/${childId}?del=avvikande`);
    await page.getByRole('button', { name: 'Påbörja uppföljning' }).click();
    await page.getByRole('button', { name: 'Påbörja uppföljning' }).last().click();
    await expect(page.getByText('Uppföljningen är påbörjad.')).toBeVisible();
    await page.getByRole('button', { name: 'Registrera påträffad' }).click();
    await fillMoment(page, 'Påträffad (datum och tid)', moment(30));
    await page.getByLabel('Var', { exact: true }).fill('Malmö centralstation');
    await page.getByLabel('Av vem').fill('Polisen');
    await page.getByRole('radio', { name: 'Oskadd' }).check();
    await page.getByRole('button', { name: 'Registrera påträffad' }).last().click();
    await expect(page.getByText('Barnet är registrerat som påträffat.')).toBeVisible();
    await expect(page.getByText('Återkomstsamtal senast')).toBeVisible();
    await page.getByRole('button', { name: 'Registrera återkomstsamtal' }).click();
    await page.getByRole('radio', { name: 'Hållet' }).check();
    await fillMoment(page, 'När (datum och tid)', moment(5));
    await page.getByLabel('Deltagare (en per rad)').fill('Sara Lind\nTolk på dari');
    await page.getByLabel('Barnets egen berättelse').fill('Ville träffa en vän i Lund.');
    await page.getByLabel('Barnets åsikter och önskemål').fill('Vill bo kvar men träffa vännen oftare.');
    await page.getByLabel('Åtgärder', { exact: true }).fill('Kontaktperson utsedd, uppföljning om en vecka.');
    // The talk is weighed in a best-interests record of its own, carried from the last one: the feedback on this
    // decision is its own, and the form's summary names it until it is given.
    await page.getByRole('button', { name: 'Registrera återkomstsamtal' }).last().click();
    await expect(page.getByRole('link', { name: /^Datum för återkopplingen/ })).toBeVisible();
    await page.getByLabel('art. 12 rätt att uttrycka sin mening').check();
    await page
      .getByLabel('Vad vet vi om barnets situation?')
      .fill('Barnet är tillbaka på boendet efter två dygn hos en vän i Lund.');
    await page.getByLabel('Barnets egna åsikter').fill('Vill bo kvar men träffa vännen oftare.');
    await page
      .getByLabel('Hur har barnets bästa och åsikter vägts?')
      .fill(
        'Kontakten med vännen är viktig för barnet och planeras in; risken för nya avvikanden följs upp.',
      );
    await page.getByLabel('Återkoppling till barnet').fill('Barnet fick veta vad som bestämdes, med tolk.');
    await page.getByLabel('Datum för återkopplingen').fill(todayInSweden());
    await axe.scan();
    await page.getByRole('button', { name: 'Registrera återkomstsamtal' }).last().click();
    await expect(page.getByText('Återkomstsamtalet är registrerat.')).toBeVisible();
    await page.getByRole('button', { name: 'Avsluta efter genomgång av placeringen' }).click();
    await page.getByRole('radio', { name: 'Placeringen fortsätter' }).check();
    await page.getByRole('button', { name: 'Avsluta efter genomgång av placeringen' }).last().click();
    await expect(page.getByText('Avvikandet är avslutat.')).toBeVisible();
    await expect(page.getByText('Tillbaka', { exact: true })).toBeVisible();
    await axe.scan();
    await logout(page);

    // The search is over: the police no longer see the child.
    await loginAs(page, axe, 'Nils Berglund');
    await page.goto('/polis');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Försvunna barn i polisregionen' }),
    ).toBeVisible();
    await expect(page.getByRole('article', { name: /Farid Rahimi/ })).toHaveCount(0);
    await axe.scan();
  });
});
