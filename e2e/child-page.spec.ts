/**
 * The child's page as a caseworker uses it every day (issue 8): the "På sidan" navigation with one part at a time and
 * "Att göra" first; a decision that starts from the latest best-interests record and names every missing part at once;
 * the overview that follows a step without a reload; the god man's ward limit before the appointment; and focus after
 * "Sök", a saved journal note and "Begär överflyttning". Every state is scanned with axe.
 *
 * The child is made here through the API (registered in Malmö, a social case to a decision, a provider, a placement),
 * so the test does not depend on what the demo seeders did; what is tested goes through the UI.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Axe } from './support/fixtures.ts';
import { api, loginAs, logout, openFromMenu, openPart, todayInSweden } from './support/session.ts';

interface Latest {
  record: {
    id: string;
    whatIsKnown: string;
    childsViews: string | null;
    howWeighed: string;
    feedbackToChild: string | null;
    feedbackGivenOn: string | null;
    recordedBy: string;
    recordedOn: string;
  } | null;
}

const RECORD = {
  rightsConcerned: ['art. 3 barnets bästa', 'art. 20 skydd utanför familjen'],
  whatIsKnown: 'Barnet bor på HVB och har börjat skolan. Ingen risk har kommit fram.',
  childsViews: 'Jag vill bo kvar nära skolan.',
  childsViewsLanguage: 'dari',
  howWeighed: 'Barnets önskan om att bo nära skolan väger tyngst.',
  feedbackToChild: 'Beslutet förklarades med tolk.',
  notHeardReason: null,
};

/** A child in Malmö's care: a social case decided, and placed at a fresh provider with a best-interests record. */
async function placedChild(
  page: Page,
  axe: Axe,
  today: string,
  dossier: string,
  provider: string,
): Promise<string> {
  // Registered and decided to Malmö by the Migration Agency (an anvisning: Malmö may later ask another to take over).
  await loginAs(page, axe, 'Anna Alm');
  const { id } = await api<{ id: string }>(page, 'POST', '/api/allocation/arrivals', {
    dossierNumber: dossier,
    firstName: 'Leyla',
    lastName: 'Ahmadi',
    birthDate: `${Number(today.slice(0, 4)) - 14}-05-05`,
    gender: 'female',
    citizenship: 'Afghanistan',
    languages: ['dari'],
    interpreterNeeded: true,
    arrivalMunicipalityCode: '1280',
    arrivalDate: today,
    wishes: 'Vill gå i skolan i Malmö.',
  });
  const proposal = await api<{ municipality: { code: string } }>(
    page,
    'GET',
    `/api/allocation/children/${id}/proposal`,
  );
  const proposedCode = proposal.municipality.code;
  await api(page, 'POST', `/api/allocation/children/${id}/decision`, {
    municipalityCode: '1280',
    proposedCode,
    reason: proposedCode === '1280' ? null : 'Barnet har en kusin i Malmö som kan ge stöd under mottagandet.',
    considerations: {
      relatives: null,
      siblings: null,
      specialNeeds: null,
      childsWishes: 'Vill gå i skolan i Malmö.',
    },
  });
  await logout(page);
  await loginAs(page, axe, 'Karin Berg');
  const { id: providerId } = await api<{ id: string }>(page, 'POST', '/api/providers', {
    name: provider,
    form: 'hvb',
    places: 4,
    languages: ['dari'],
  });
  await logout(page);
  await loginAs(page, axe, 'Sara Lind');
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

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

test.describe('Barnets sida', () => {
  test('navigering, "Att göra", det överförda barnets bästa, översikten utan omladdning och fokus efter stegen', async ({
    page,
    axe,
  }) => {
    test.setTimeout(240_000);
    const today = todayInSweden();
    const stamp = String(Date.now());
    const dossier = `6${stamp.slice(-9)}`;
    const provider = `HVB Tallbacken ${stamp.slice(-4)}`;
    const childId = await placedChild(page, axe, today, dossier, provider);

    // ── Sök: focus moves to the count of what was found ──
    await loginAs(page, axe, 'Sara Lind');
    await openFromMenu(page, axe, 'Barn');
    await page.getByLabel('Sök på aktnummer, namn eller födelsedatum').fill(dossier);
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect(page.getByTestId('result-count')).toBeFocused();
    await expect(page.getByTestId('result-count')).toHaveText(`1 barn matchar ”${dossier}”`);
    await axe.scan();

    // ── The first view: "Att göra", with the navigation beside it ──
    await page.getByRole('link', { name: dossier, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Barn ${dossier}` })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'På sidan' });
    await expect(nav.getByRole('link', { name: /^Att göra/ })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: /^Placering/ })).toContainText('Placerad');
    await expect(page.getByRole('heading', { level: 2, name: 'Att göra' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'För dig' })).toBeVisible();
    // Only the first view is on the page: no section's heading is there yet, and no heading appears twice.
    await expect(page.getByRole('heading', { level: 2, name: 'Personakt' })).toHaveCount(0);
    const headings = await page.getByRole('heading').allTextContents();
    expect(new Set(headings).size, headings.join(' | ')).toBe(headings.length);
    await axe.scan();

    // ── A part is chosen: the URL keeps it, focus is on its heading; back returns to "Att göra" ──
    await openPart(page, axe, 'Placering');
    await expect(page).toHaveURL(/del=placering/);
    await expect(nav.getByRole('link', { name: /^Placering/ })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 2, name: 'Att göra' })).toHaveCount(0);
    await page.goBack();
    await expect(page.getByRole('heading', { level: 2, name: 'Att göra' })).toBeFocused();
    await page.goForward();
    await expect(page.getByRole('heading', { level: 2, name: 'Placering', exact: true })).toBeVisible();
    await axe.scan();

    // ── The placement ends: the navigation's state follows without a reload ──
    const placement = page.getByRole('region', { name: 'Placering', exact: true });
    await placement.getByRole('button', { name: 'Avsluta placeringen' }).click();
    const end = placement.getByRole('form', { name: 'Avsluta placeringen' });
    await end.getByLabel('Flyttat').check();
    await end.getByLabel('Sista dag').fill(today);
    await end.getByRole('button', { name: 'Avsluta placeringen' }).click();
    await expect(placement.getByText('Placeringen är avslutad.')).toBeVisible();
    await expect(nav.getByRole('link', { name: /^Placering/ })).toContainText('Avslutad');
    await axe.scan();

    // ── A new decision starts from the latest best-interests record, marked as such ──
    const latest = await api<Latest>(page, 'GET', `/api/children/${childId}/best-interests/latest`);
    expect(latest.record).not.toBeNull();
    await placement.getByRole('button', { name: 'Placera', exact: true }).click();
    const place = placement
      .locator('form')
      .filter({ has: page.getByRole('heading', { level: 3, name: 'Placera', exact: true }) });
    const carried = `Från senaste bedömningen (${latest.record?.recordedOn}, Sara Lind)`;
    await expect(place.getByTestId('best-interests-carried')).toContainText(
      `Delarna är ifyllda från senaste bedömningen (${latest.record?.recordedOn}, Sara Lind).`,
    );
    await expect(place.getByLabel('Vad vet vi om barnets situation?')).toHaveValue(RECORD.whatIsKnown);
    await expect(place.getByLabel('Vad vet vi om barnets situation?')).toHaveAccessibleDescription(
      new RegExp(carried.replace(/[()]/g, '\\$&')),
    );
    await expect(place.getByLabel('Barnets egna åsikter')).toHaveValue(RECORD.childsViews);
    await expect(place.getByLabel('Hur har barnets bästa och åsikter vägts?')).toHaveValue(RECORD.howWeighed);
    await expect(place.getByLabel('art. 20 skydd utanför familjen')).toBeChecked();
    // The feedback on this decision is new: its date is not carried.
    await expect(place.getByLabel('Datum för återkopplingen')).toHaveValue('');
    await axe.scan();

    // Emptied, the record is refused at once with every missing part — the browser asks the server nothing.
    await place.getByRole('button', { name: 'Töm delarna och börja om' }).click();
    await expect(place.getByLabel('Vad vet vi om barnets situation?')).toHaveValue('');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/placements')) posts.push(r.url());
    });
    await place.getByRole('button', { name: 'Besluta placering' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Det finns fel i formuläret' });
    await expect(summary).toBeFocused();
    for (const part of [
      'Vilka av barnets rättigheter berörs?',
      'Vad vet vi om barnets situation?',
      'Barnets egna åsikter',
      'Hur har barnets bästa och åsikter vägts?',
      'Återkoppling till barnet',
      'Datum för återkopplingen',
    ]) {
      await expect(summary.getByRole('link', { name: `${part}: Fältet måste fyllas i.` })).toBeVisible();
    }
    await expect(summary.getByRole('link', { name: /^Utförare:/ })).toBeVisible();
    expect(posts).toEqual([]);
    await axe.scan();

    // Opened anew, the latest record is offered again; confirmed with this decision's feedback date, it is saved as a
    // record of its own.
    await placement.getByRole('button', { name: 'Placera', exact: true }).click();
    await placement.getByRole('button', { name: 'Placera', exact: true }).click();
    await expect(place.getByLabel('Vad vet vi om barnets situation?')).toHaveValue(RECORD.whatIsKnown);
    await place.getByLabel('Utförare', { exact: true }).selectOption({ index: 1 });
    await place.getByLabel('SoL (frivillig vård)').check();
    await place.getByLabel('Från och med').fill(today);
    await place.getByLabel('Datum för återkopplingen').fill(today);
    await place.getByRole('button', { name: 'Besluta placering' }).click();
    await expect(placement.getByText('Placeringen är beslutad.')).toBeVisible();
    await expect(nav.getByRole('link', { name: /^Placering/ })).toContainText('Placerad');
    const after = await api<Latest>(page, 'GET', `/api/children/${childId}/best-interests/latest`);
    expect(after.record?.id).not.toBe(latest.record?.id);
    expect(after.record).toMatchObject({
      whatIsKnown: RECORD.whatIsKnown,
      howWeighed: RECORD.howWeighed,
      feedbackGivenOn: today,
    });
    await axe.scan();

    // ── A journal note: focus on the confirmation ──
    await openPart(page, axe, 'Personakt');
    const personakt = page.getByRole('region', { name: 'Personakt' });
    await personakt
      .getByRole('textbox', { name: 'Anteckning', exact: true })
      .fill('Samtal med barnet efter flytten. Barnet trivs.');
    await personakt.getByRole('button', { name: 'Spara anteckningen' }).click();
    await expect(personakt.getByText('Anteckningen är sparad.')).toBeFocused();
    expect(await focused(page)).toBe('Anteckningen är sparad.');
    await axe.scan();

    // ── "Begär överflyttning": focus on the confirmation beside the new row ──
    await openPart(page, axe, 'Ansvar');
    const responsibility = page.getByRole('region', { name: 'Ansvar', exact: true });
    await responsibility.getByRole('button', { name: 'Begär överflyttning till annan kommun' }).click();
    await responsibility.getByLabel('Till kommun').selectOption({ label: 'Lund' });
    await responsibility
      .getByLabel('Skäl', { exact: true })
      .fill('Barnets kusin bor i Lund och kan ge stöd.');
    await responsibility.getByLabel('Föreslagen från').fill(today);
    await responsibility.getByRole('button', { name: 'Skicka begäran om överflyttning' }).click();
    await expect(responsibility.getByTestId('transfer-requested')).toBeFocused();
    await expect(responsibility.getByRole('table', { name: /överflyttning/i })).toContainText('Lund');
    await axe.scan();
  });

  test('överförmyndaren ser varje god mans uppdrag och gräns och varnas innan förordnandet passerar gränsen', async ({
    page,
    axe,
  }) => {
    const today = todayInSweden();
    const stamp = String(Date.now());
    const dossier = `5${stamp.slice(-9)}`;
    // A child in Malmö with an open request for a god man.
    await loginAs(page, axe, 'Anna Alm');
    const { id } = await api<{ id: string }>(page, 'POST', '/api/children', {
      dossierNumber: dossier,
      firstName: 'Omid',
      lastName: 'Karimi',
      birthDate: `${Number(today.slice(0, 4)) - 15}-03-03`,
      gender: 'male',
      arrivalMunicipalityCode: '1280',
      arrivalDate: today,
    });
    await logout(page);
    await loginAs(page, axe, 'Sara Lind');
    const guardianship = await api<{ version: number }>(page, 'GET', `/api/children/${id}/guardianship`);
    await api(page, 'POST', `/api/children/${id}/guardianship/requests`, {
      requestedOn: today,
      expectedVersion: guardianship.version,
    });
    await logout(page);

    await loginAs(page, axe, 'Per Ek');
    // The authority's limit set to the busiest god man's wards: one more appointment would pass it.
    const registry = await api<{
      items: { userId: string; name: string; wards: number; available: boolean; inRegistry: boolean }[];
    }>(page, 'GET', '/api/god-men');
    const busiest = registry.items
      .filter((g) => g.available && g.inRegistry && g.wards > 0)
      .sort((a, b) => b.wards - a.wards)[0];
    expect(busiest, 'a god man in Malmö’s registry with wards').toBeDefined();
    const limit = busiest?.wards ?? 1;
    await api(page, 'POST', '/api/guardianship/policy', { maxWardsPerGodMan: limit });
    try {
      await openFromMenu(page, axe, 'Begäran om god man');
      await page.getByRole('link', { name: `Förordna god man för barn ${dossier}` }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: `Förordna god man för barn ${dossier}` }),
      ).toBeVisible();
      await axe.scan();
      const select = page.getByLabel('God man', { exact: true });
      const option = select.locator('option', { hasText: busiest?.name ?? '' });
      await expect(option).toContainText(`${busiest?.name} – ${limit} av ${limit} uppdrag`);
      await expect(option).toContainText('förordnandet passerar gränsen');
      await select.selectOption((await option.getAttribute('value')) ?? '');
      await expect(page.getByTestId('ward-limit-warning')).toHaveText(
        `Förordnandet ger ${limit + 1} uppdrag, fler än gränsen ${limit}. Det är tillåtet men bör vägas in.`,
      );
      await expect(
        page.getByRole('status').filter({ has: page.getByTestId('ward-limit-warning') }),
      ).toBeVisible();
      await axe.scan();
    } finally {
      // Back to Anvisa's default, which the other tests expect.
      await api(page, 'POST', '/api/guardianship/policy', { maxWardsPerGodMan: 5 });
    }
  });
});
