import type { Page } from '@playwright/test';
import { expect, test, type Axe } from './support/fixtures.ts';
import { loginAs, logout, openFromMenu, todayInSweden } from './support/session.ts';

interface Arrival {
  readonly dossier: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly gender: 'Flicka' | 'Pojke';
}

/** Fill the arrival form's identity; the rest (arrival, family) is up to the test. */
async function fillChild(page: Page, child: Arrival): Promise<void> {
  await page.getByLabel('Aktnummer', { exact: true }).fill(child.dossier);
  await page.getByLabel('Förnamn').fill(child.firstName);
  await page.getByLabel('Efternamn').fill(child.lastName);
  await page.getByLabel('Födelsedatum').fill(child.birthDate);
  await page.getByLabel(child.gender, { exact: true }).check();
}

async function openArrivalForm(page: Page, axe: Axe, search: string): Promise<void> {
  await openFromMenu(page, axe, 'Anvisning');
  await page
    .getByRole('navigation', { name: 'Anvisningsvyer' })
    .getByRole('link', { name: 'Registrera ankomst' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registrera ankomst' })).toBeVisible();
  await page.getByLabel('Aktnummer eller namn').fill(search);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page.getByText(`Inga registrerade barn matchar ”${search}”.`)).toBeVisible();
  await axe.scan();
}

async function registered(page: Page, axe: Axe, dossier: string): Promise<void> {
  await page.getByRole('button', { name: 'Registrera ankomsten' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Barnet är registrerat med aktnummer ${dossier}.` }),
  ).toBeFocused();
  await axe.scan();
}

/** The considerations the server cannot know yet are written by the officer. */
async function considerNeedsAndWishes(page: Page): Promise<void> {
  const decision = page.getByRole('region', { name: 'Beslut', exact: true });
  await decision.getByLabel('Särskilda behov').fill('Inga kända särskilda behov.');
  await decision.getByLabel('Barnets egna önskemål').fill('Vill gå i skolan och bo nära släkt.');
}

test.describe('Anvisning', () => {
  test('ett barn och dess syskon med en anhörig i Malmö: socialtjänsten bedömer den anhöriga, handläggaren anvisar, beslutet skrivs ut och Malmö ser båda barnen', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Anna Alm');
    await openArrivalForm(page, axe, '41000001');
    await expect(page.getByLabel('Aktnummer', { exact: true })).toHaveValue('41000001');
    await fillChild(page, {
      dossier: '41000001',
      firstName: 'Samir',
      lastName: 'Ahmadi',
      birthDate: '2010-03-14',
      gender: 'Pojke',
    });
    await page.getByLabel('Andra stavningar av namnet (frivillig)').fill('Sameer, Samiir');
    await page.getByLabel('Medborgarskap').fill('Afghanistan');
    await page.getByLabel('Språk', { exact: true }).fill('dari, pashto');
    await page.getByLabel('Barnet behöver tolk').check();
    await page.getByLabel('Ankomstkommun').selectOption({ label: 'Malmö' });
    await page.getByLabel('Ankomstdatum').fill(todayInSweden());
    await page.getByLabel('Anhörigs kommun').selectOption({ label: 'Malmö' });
    await page.getByLabel('Släktskap').fill('morbror');
    await page.getByLabel('Anhörigs namn').fill('Reza Ahmadi');
    await page.getByLabel('Anhörigs telefonnummer').fill('070-174 06 20');
    // A relative needs a way to be reached: the form asks for an address or a phone number.
    await page.getByLabel('Anhörigs telefonnummer').fill('ring honom');
    await page.getByRole('button', { name: 'Registrera ankomsten' }).click();
    await expect(
      page.getByRole('link', { name: /Anhörigs telefonnummer: Ange ett telefonnummer med 6–15 siffror/ }),
    ).toBeVisible();
    await page.getByLabel('Anhörigs telefonnummer').fill('070-174 06 20');
    await page.getByLabel('Anhörigs adress').fill('Kyrkogatan 3, 211 34 Malmö');
    await page.getByLabel('Barnets egna önskemål').fill('Vill bo hos sin morbror i Malmö.');
    await registered(page, axe, '41000001');
    await expect(page.getByRole('status')).toContainText('Socialtjänsten i Malmö har fått i uppdrag');

    // The sibling who arrived together: the form starts with the sibling and the arrival filled in.
    await page.getByRole('button', { name: 'Registrera ett syskon' }).click();
    await expect(page.getByLabel('Syskon som redan är registrerat')).toHaveValue(/.+/);
    await expect(page.getByLabel('Syskon som redan är registrerat').locator('option:checked')).toHaveText(
      '41000001 – Samir Ahmadi',
    );
    await expect(page.getByLabel('Efternamn')).toHaveValue('Ahmadi');
    await fillChild(page, {
      dossier: '41000002',
      firstName: 'Laila',
      lastName: 'Ahmadi',
      birthDate: '2013-08-02',
      gender: 'Flicka',
    });
    await registered(page, axe, '41000002');
    await logout(page);

    // Malmö's social services find the assessment on their worklist and assess the relative within three days.
    await loginAs(page, axe, 'Sara Lind');
    await openFromMenu(page, axe, 'Arbetslista');
    const deadline = page
      .getByRole('row')
      .filter({ hasText: 'Bedömning av anhörig som barnet kan bo hos' })
      .filter({ hasText: '41000001' });
    await deadline.getByRole('link', { name: 'Till anhörigbedömningen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Anhörigbedömningar' })).toBeVisible();
    const task = page.getByRole('region', { name: 'Bedömning för barn 41000001 (morbror)' });
    await expect(task).toContainText('Väntar på bedömning');
    // The assessing municipality reaches the relative: name, address and phone, shown to it alone.
    await expect(task).toContainText('Reza Ahmadi');
    await expect(task).toContainText('Kyrkogatan 3, 211 34 Malmö');
    await expect(task).toContainText('Telefon 070-174 06 20');
    await task.getByRole('button', { name: 'Spara bedömningen' }).click();
    await expect(
      task.getByRole('link', { name: 'Är den anhöriga lämplig?: Välj ett alternativ.' }),
    ).toBeVisible();
    await axe.scan();
    await task.getByLabel('Lämplig', { exact: true }).check();
    await task.getByLabel('Anteckning').fill('Hembesök gjort. Morbrodern kan ta emot båda barnen.');
    await task.getByRole('button', { name: 'Spara bedömningen' }).click();
    await expect(page.getByText('Bedömningen för barn 41000001 är sparad.')).toBeVisible();
    // Once answered, the task leaves the list: the municipality has no further reason to see the child.
    await expect(page.getByRole('row', { name: /41000001/ })).toHaveCount(0);
    await axe.scan();
    await logout(page);

    // The allocation officer sees the proposal with its reasons and confirms it.
    await loginAs(page, axe, 'Anna Alm');
    await openFromMenu(page, axe, 'Anvisning');
    await page.getByRole('link', { name: 'Anvisa barn 41000001' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Anvisa barn 41000001' })).toBeVisible();
    const proposal = page.getByRole('region', { name: 'Förslag till beslut' });
    await expect(proposal).toContainText('Anknytningsanvisning');
    await expect(proposal).toContainText('Anvisas till Malmö');
    await expect(proposal).toContainText('Barnet har en anhörig i Malmö.');
    await expect(proposal.getByText('Exakt kvot', { exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Syskon som anvisas tillsammans' })).toContainText(
      '41000002',
    );
    await expect(page.getByRole('table', { name: 'Bedömning av anhöriga' })).toContainText('Lämplig');
    await expect(
      page.getByRole('table', { name: 'De fem som står på tur därefter' }).getByRole('row'),
    ).toHaveCount(6);
    const decision = page.getByRole('region', { name: 'Beslut', exact: true });
    await expect(decision.getByLabel('Anhöriga', { exact: true })).toHaveValue(
      /morbror i Malmö kommun \(bedömd som lämplig/,
    );
    await expect(decision.getByLabel('Syskon', { exact: true })).toHaveValue(
      /Laila Ahmadi \(aktnummer 41000002\)/,
    );
    await axe.scan();
    await considerNeedsAndWishes(page);
    await decision.getByLabel('Anvisa enligt förslaget: Malmö').check();
    await decision.getByRole('button', { name: 'Fatta beslut' }).click();

    // The printable decision.
    await expect(page.getByRole('heading', { level: 1, name: 'Anvisningsbeslut' })).toBeVisible();
    const decisionDoc = page.getByTestId('decision-document');
    await expect(decisionDoc).toContainText(
      'Migrationsverket anvisar Malmö kommun att ordna boende för barnen nedan.',
    );
    await expect(decisionDoc).toContainText('Samir Ahmadi');
    await expect(decisionDoc).toContainText('Laila Ahmadi');
    await expect(page.getByTestId('decision-kind')).toHaveText('Anknytningsanvisning');
    await expect(decisionDoc).toContainText(
      'Barnen har anknytning till Malmö kommun genom en anhörig: morbror i Malmö kommun (bedömd som lämplig av socialtjänsten).',
    );
    await expect(decisionDoc).toContainText('Malmö kommun hade före beslutet andelen');
    await expect(decisionDoc).toContainText(
      'En anknytningsanvisning görs oavsett hur kommunen ligger till mot sin kvot.',
    );
    await expect(decisionDoc).not.toContainText('Reza Ahmadi');
    await expect(decisionDoc).toContainText(
      '3 § andra stycket lagen (1994:137) om mottagande av asylsökande m.fl. (LMA)',
    );
    await expect(decisionDoc).toContainText('Beslutet kan inte överklagas.');
    await expect(decisionDoc).toContainText('Beslutet har fattats av Anna Alm, Migrationsverket');
    await expect(page.getByTestId('record-hash')).toHaveText(/^[0-9a-f]{64}$/);
    await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeVisible();
    await axe.scan();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
    await expect(decisionDoc).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    await logout(page);

    // Malmö sees both children at once.
    await loginAs(page, axe, 'Sara Lind');
    await openFromMenu(page, axe, 'Inkommande barn');
    const incoming = page.getByRole('table', { name: 'Barn som har anvisats till kommunen, senast först' });
    await expect(incoming.getByRole('row', { name: /41000001/ })).toContainText('Samir Ahmadi');
    await expect(incoming.getByRole('row', { name: /41000002/ })).toContainText('Laila Ahmadi');
  });

  test('ett barn utan anhöriga anvisas utjämnande enligt förslaget, efter att en annan handläggare hunnit före, och beslutet finns i historiken', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Anna Alm');
    await openArrivalForm(page, axe, 'Yonas Gebremariam');
    // A stated birth date that makes him an adult on the arrival date is refused, with the reason.
    await fillChild(page, {
      dossier: '41000010',
      firstName: 'Yonas',
      lastName: 'Gebremariam',
      birthDate: '2000-01-01',
      gender: 'Pojke',
    });
    await page.getByLabel('Ankomstkommun').selectOption({ label: 'Göteborg' });
    await page.getByLabel('Ankomstdatum').fill(todayInSweden());
    await page.getByRole('button', { name: 'Registrera ankomsten' }).click();
    await expect(
      page.getByRole('link', {
        name: 'Födelsedatum: Personen är 18 år eller äldre på ankomstdagen och kan inte registreras som ensamkommande barn.',
      }),
    ).toBeVisible();
    await axe.scan();
    await page.getByLabel('Födelsedatum').fill('2009-01-20');
    await registered(page, axe, '41000010');
    await page.getByRole('link', { name: 'Anvisa barnet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Anvisa barn 41000010' })).toBeVisible();

    const proposal = page.getByRole('region', { name: 'Förslag till beslut' });
    await expect(proposal).toContainText('Utjämnande anvisning');
    await expect(proposal).toContainText('står först i tur enligt kvotregeln');
    const headline = (await proposal.getByText(/^Anvisas till /).textContent()) ?? '';
    const municipality = headline.replace('Anvisas till ', '');
    expect(municipality).not.toBe('');
    await axe.scan();

    // Another officer decides first: the server answers 409 proposal_changed once.
    let refused = false;
    await page.route('**/api/allocation/children/*/decision', async (route) => {
      if (refused) return route.fallback();
      refused = true;
      return route.fulfill({
        status: 409,
        json: {
          error: { code: 'proposal_changed', message: 'Another decision was taken first', fields: [] },
        },
      });
    });
    const decision = page.getByRole('region', { name: 'Beslut', exact: true });
    await considerNeedsAndWishes(page);
    await decision.getByRole('button', { name: 'Fatta beslut' }).click();
    const changed = page.getByTestId('proposal-changed');
    await expect(changed).toBeFocused();
    await expect(changed).toContainText('En annan handläggare hann fatta ett beslut först');
    await expect(changed).toContainText(`Det nya förslaget är ${municipality}.`);
    await axe.scan();

    await decision.getByRole('button', { name: 'Fatta beslut' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Anvisningsbeslut' })).toBeVisible();
    await expect(page.getByTestId('decision-kind')).toHaveText('Utjämnande anvisning');
    const decisionDoc = page.getByTestId('decision-document');
    // The municipality by its formal name from the reference data ("Göteborgs kommun", "Falu kommun").
    const response = await page.request.get('/api/reference/municipalities');
    const names = (await response.json()) as { name: string; officialName: string }[];
    const official = names.find((m) => m.name === municipality)?.officialName ?? '';
    expect(official).toMatch(/ kommun$/);
    await expect(decisionDoc).toContainText(
      `Migrationsverket anvisar ${official} att ordna boende för barnet nedan.`,
    );
    await expect(decisionDoc).toContainText(`${official} står först i tur enligt kvotregeln.`);
    await expect(decisionDoc).toContainText(`${official} hade före beslutet andelen`);
    await expect(decisionDoc).toContainText(`Med barnet har ${official} tagit emot`);
    await expect(decisionDoc).not.toContainText('längst efter');
    await expect(decisionDoc).toContainText('Beslutet kan inte överklagas.');
    const seq = (await page.getByTestId('decision-seq').textContent()) ?? '';
    await axe.scan();

    await page.getByRole('link', { name: 'Till fattade beslut' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Fattade beslut' })).toBeVisible();
    await axe.scan();
    await page.getByLabel('Kommun', { exact: true }).selectOption({ label: municipality });
    await page.getByLabel('Typ', { exact: true }).selectOption({ label: 'Utjämnande anvisning' });
    await page.getByLabel('Från och med').fill(todayInSweden());
    await page.getByRole('button', { name: 'Visa beslut' }).click();
    await expect(page).toHaveURL(/kind=utjamnande/);
    const history = page.getByRole('table', { name: /Anvisningsbeslut, senaste beslutsdatum först/ });
    const row = history
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `Beslut nr ${seq}`, exact: true }) });
    await expect(row).toContainText(municipality);
    await expect(row).toContainText('Utjämnande anvisning');
    await expect(row).toContainText('Anna Alm');
    await expect(row).toContainText('Yonas Gebremariam');
    await axe.scan();
    await row.getByRole('link', { name: `Beslut nr ${seq}` }).click();
    await expect(page.getByTestId('decision-kind')).toHaveText('Utjämnande anvisning');
    await axe.scan();
  });

  test('i en topp anvisar handläggaren enligt regeln i beslutsögonblicket och bekräftar resultatet när en annan hann före', async ({
    page,
    axe,
  }) => {
    await loginAs(page, axe, 'Anna Alm');
    const csrf = async () =>
      ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
    const arrive = async (dossier: string, firstName: string): Promise<string> => {
      const res = await page.request.post('/api/allocation/arrivals', {
        headers: { 'x-csrf-token': await csrf() },
        data: {
          dossierNumber: dossier,
          firstName,
          lastName: 'Tesfay',
          birthDate: '2010-05-05',
          gender: 'male',
          languages: ['tigrinja'],
          interpreterNeeded: true,
          arrivalMunicipalityCode: '1480',
          arrivalDate: todayInSweden(),
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const seen = await arrive('41000020', 'Dawit');
    const other = await arrive('41000021', 'Mehari');
    await page.goto(`/anvisning/barn/${seen}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Anvisa barn 41000020' })).toBeVisible();
    const headline =
      (await page
        .getByRole('region', { name: 'Förslag till beslut' })
        .getByText(/^Anvisas till /)
        .textContent()) ?? '';
    const proposed = headline.replace('Anvisas till ', '');

    // Another officer decides a child first while this one reads the proposal.
    const first = await page.request.post(`/api/allocation/children/${other}/decision/by-rule`, {
      headers: { 'x-csrf-token': await csrf() },
      data: { considerations: { relatives: null, siblings: null, specialNeeds: null, childsWishes: null } },
    });
    expect(first.status()).toBe(201);

    const decision = page.getByRole('region', { name: 'Beslut', exact: true });
    await considerNeedsAndWishes(page);
    await decision.getByLabel(/^Anvisa enligt regeln i beslutsögonblicket/).check();
    await axe.scan();
    await decision.getByRole('button', { name: 'Fatta beslut' }).click();
    const done = page.getByRole('heading', { level: 2, name: 'Beslutet är fattat enligt regeln' });
    await expect(done).toBeFocused();
    const region = page.getByRole('region', { name: 'Beslutet är fattat enligt regeln' });
    await expect(region).toContainText('stod på tur när beslutet fattades');
    await expect(region).toContainText(`Förslaget du såg var`);
    await expect(region).toContainText('En annan handläggare hann fatta ett beslut först');
    // The proposal's figures were from before the decision: only the result stays on the page.
    await expect(page.getByRole('region', { name: 'Förslag till beslut' })).toHaveCount(0);
    await axe.scan();
    await region.getByRole('button', { name: 'Jag har sett resultatet – öppna beslutet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Anvisningsbeslut' })).toBeVisible();
    await expect(page.getByTestId('decision-kind')).toHaveText('Utjämnande anvisning');
    await axe.scan();
    expect(proposed).not.toBe('');
  });
});
