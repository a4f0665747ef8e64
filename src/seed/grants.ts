/**
 * A year of §37a grants in the demo (issue 13 point 5, ADR 0028), grown through the use cases the API calls, on any
 * date: last year's round in Skåne has run its course — pot and allotments in January, the call, applications,
 * assessment, decisions, payments, changes, both reports, closure — leaving one application in each status of the
 * machine (one draft never submitted); this year's call is open, with a draft (Malmö's), a submitted and an assessed
 * application. Stockholm and Jönköping have calls too, so the national summary has more than one county.
 */
import { addDays } from '../domain/time.ts';
import type { GrantPurpose } from '../domain/grants/rules.ts';
import type { Caller } from '../case/caller.ts';
import {
  approveChange,
  assessApplication,
  createApplication,
  decideApplication,
  payApplication,
  receiveFinalReport,
  receiveInterimReport,
  requestChange,
  setCall,
  setPot,
  submitApplication,
  submitFinalReport,
  submitInterimReport,
} from '../grants/use-cases.ts';
import type { SeedActors } from './case-seeding.ts';

/** Last year's counties' allotments in kronor (a 66 Mkr pot like 2019–2020's; the rest is not distributed here). */
const ALLOTMENTS: readonly [string, number][] = [
  ['01', 9_800_000],
  ['06', 2_100_000],
  ['12', 3_000_000],
  ['14', 6_200_000],
  ['22', 2_310_000],
];
const POT = 66_000_000;

type Stop =
  | 'never_submitted'
  | 'refused'
  | 'granted'
  | 'partly_granted'
  | 'paid'
  | 'change_requested'
  | 'change_approved'
  | 'interim_reported'
  | 'interim_received'
  | 'final_reported'
  | 'closed';

interface Plan {
  readonly code: string;
  readonly title: string;
  readonly purposes: readonly GrantPurpose[];
  readonly partner: string;
  readonly amount: number;
  readonly stop: Stop;
}

/** Skåne's applications in last year's round, each stopping at its status. */
const LAST_YEAR: readonly Plan[] = [
  {
    code: '1280',
    title: 'Flyktingguider i Rosengård',
    purposes: ['networks', 'establishment'],
    partner: 'Röda Korset Malmö',
    amount: 400_000,
    stop: 'closed',
  },
  {
    code: '1280',
    title: 'Familjekontakter för ensamkommande',
    purposes: ['unaccompanied_support'],
    partner: 'Rädda Barnen Malmö',
    amount: 350_000,
    stop: 'interim_received',
  },
  {
    code: '1281',
    title: 'Språkvänner i Lund',
    purposes: ['language'],
    partner: 'Studieförbundet Vuxenskolan',
    amount: 300_000,
    stop: 'refused',
  },
  {
    code: '1283',
    title: 'Fotboll och läxhjälp',
    purposes: ['networks', 'language'],
    partner: 'IFK Helsingborg',
    amount: 260_000,
    stop: 'partly_granted',
  },
  {
    code: '1287',
    title: 'Guider i Trelleborg',
    purposes: ['establishment'],
    partner: 'Svenska kyrkan Trelleborg',
    amount: 180_000,
    stop: 'granted',
  },
  {
    code: '1290',
    title: 'Kontaktfamiljer i Kristianstad',
    purposes: ['unaccompanied_support', 'networks'],
    partner: 'Individuell Människohjälp',
    amount: 250_000,
    stop: 'paid',
  },
  {
    code: '1261',
    title: 'Mötesplats Kävlinge',
    purposes: ['networks'],
    partner: 'Kävlinge bibliotek',
    amount: 150_000,
    stop: 'change_requested',
  },
  {
    code: '1282',
    title: 'Språkcafé Landskrona',
    purposes: ['language'],
    partner: 'ABF Landskrona',
    amount: 200_000,
    stop: 'change_approved',
  },
  {
    code: '1285',
    title: 'Eslövs flyktingguider',
    purposes: ['establishment', 'language'],
    partner: 'Eslövs folkhögskola',
    amount: 220_000,
    stop: 'interim_reported',
  },
  {
    code: '1286',
    title: 'Familjekontakt Ystad',
    purposes: ['unaccompanied_support'],
    partner: 'Ystads föreningsråd',
    amount: 190_000,
    stop: 'final_reported',
  },
  {
    code: '1267',
    title: 'Guider i Höör',
    purposes: ['networks'],
    partner: 'Höörs idrottsförening',
    amount: 90_000,
    stop: 'never_submitted',
  },
];

const ORDER: readonly Stop[] = [
  'refused',
  'granted',
  'paid',
  'change_requested',
  'change_approved',
  'interim_reported',
  'interim_received',
  'final_reported',
  'closed',
];
const reached = (plan: Stop, step: Stop) =>
  plan !== 'never_submitted' &&
  plan !== 'refused' &&
  ORDER.indexOf(plan === 'partly_granted' ? 'granted' : plan) >= ORDER.indexOf(step);

const body = (p: Plan, year: number, costFrom: string) => ({
  year,
  title: p.title,
  description: `Kommunen och ${p.partner} matchar nyanlända och ensamkommande unga med frivilliga flyktingguider och familjekontakter. Ideellt, i kommunens regi.`,
  purposes: [...p.purposes],
  partners: [{ name: p.partner, certificate: true }],
  budget: [
    { description: 'Samordnare, 50 %', amount: Math.round(p.amount * 0.6), costDate: costFrom },
    {
      description: 'Aktiviteter och resor',
      amount: p.amount - Math.round(p.amount * 0.6),
      costDate: addDays(costFrom, 30),
    },
  ],
  signatoryName: 'Karin Ek',
  signatoryTitle: 'Kommundirektör',
});

export async function seedGrants(actors: SeedActors, today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  const last = year - 1;
  const d = (md: string) => `${last}-${md}`;
  const officer = (code: string, date: string) => actors.as('grant_officer', code, date);
  const applicant = (code: string, date: string) => actors.as('grant_applicant', code, date);

  // G1: the national level (Jönköping) sets last year's pot and allotments.
  await setPot(await officer('0680', d('01-10')), last, {
    amount: POT,
    allotments: ALLOTMENTS.map(([countyCode, amount]) => ({ countyCode, amount })),
  });
  // G2: Skåne's call.
  await setCall(await officer('1280', d('01-12')), last, {
    opensOn: d('01-15'),
    deadline: d('04-01'),
    priorities: 'Föräldralediga och personer med små barn; språkinlärning; samverkan med idéburen sektor.',
    interimReportDueOn: d('09-30'),
    finalReportDueOn: d('12-15'),
  });
  const steps: { id: string; version: number; plan: Plan }[] = [];
  for (const [i, plan] of LAST_YEAR.entries()) {
    const created = await createApplication(
      await applicant(plan.code, d(`02-${String(1 + i).padStart(2, '0')}`)),
      body(plan, last, d('06-01')),
    );
    steps.push({ id: created.id, version: created.version, plan });
  }
  const go = async (
    s: (typeof steps)[number],
    caller: Promise<Caller>,
    run: (c: Caller, version: number) => Promise<{ version: number }>,
  ) => {
    s.version = (await run(await caller, s.version)).version;
  };
  for (const s of steps.filter((x) => x.plan.stop !== 'never_submitted'))
    await go(s, applicant(s.plan.code, d('03-20')), (c, v) => submitApplication(c, s.id, v));
  for (const s of steps.filter((x) => x.plan.stop !== 'never_submitted')) {
    await go(s, officer('1280', d('04-20')), (c, v) =>
      assessApplication(c, s.id, 'Ansökan uppfyller villkoren och svarar mot länets prioriteringar.', v),
    );
    const outcome =
      s.plan.stop === 'refused' ? 'refused' : s.plan.stop === 'partly_granted' ? 'partly_granted' : 'granted';
    await go(s, officer('1280', d('05-15')), (c, v) =>
      decideApplication(c, s.id, {
        outcome,
        amount:
          outcome === 'refused'
            ? 0
            : outcome === 'partly_granted'
              ? Math.round(s.plan.amount * 0.7)
              : s.plan.amount,
        reasons:
          outcome === 'refused'
            ? 'Länets medel räcker inte till alla ansökningar; andra ansökningar svarar bättre mot prioriteringarna.'
            : outcome === 'partly_granted'
              ? 'Beviljas delvis: aktiviteterna ryms, samordnarens tid i mindre omfattning.'
              : 'Beviljas: projektet svarar mot syftena och länets prioriteringar.',
        expectedVersion: v,
      }),
    );
  }
  const at = (stop: Stop) => steps.filter((s) => reached(s.plan.stop, stop));
  for (const s of at('paid'))
    await go(s, officer('1280', d('05-25')), (c, v) => payApplication(c, s.id, d('05-25'), v));
  for (const s of at('change_requested'))
    await go(s, applicant(s.plan.code, d('07-01')), (c, v) =>
      requestChange(
        c,
        s.id,
        'Träffarna flyttas till kvällstid och en del av resorna ersätts med digitala möten.',
        v,
      ),
    );
  for (const s of at('change_approved'))
    await go(s, officer('1280', d('07-10')), (c, v) => approveChange(c, s.id, v));
  for (const s of at('interim_reported'))
    await go(s, applicant(s.plan.code, d('09-20')), (c, v) =>
      submitInterimReport(
        c,
        s.id,
        'Delrapport: 24 guider matchade med 31 deltagare; språkcafé varje vecka.',
        v,
      ),
    );
  for (const s of at('interim_received'))
    await go(s, officer('1280', d('10-01')), (c, v) => receiveInterimReport(c, s.id, v));
  for (const s of at('final_reported'))
    await go(s, applicant(s.plan.code, d('12-05')), (c, v) =>
      submitFinalReport(
        c,
        s.id,
        'Slutrapport: 40 matchningar, 18 pågår efter projekttiden; kostnader enligt budget.',
        v,
      ),
    );
  for (const s of at('closed'))
    await go(s, officer('1280', d('12-20')), (c, v) => receiveFinalReport(c, s.id, v));

  // This year's round: open from six weeks ago (or New Year's Day), closing three months after.
  const opensOn = [`${year}-01-01`, addDays(today, -45)].sort()[1] ?? today;
  const day = (n: number) => [addDays(opensOn, n), today].sort()[0] ?? today;
  await setPot(await officer('0680', opensOn), year, {
    amount: 31_000_000,
    allotments: ALLOTMENTS.map(([countyCode, amount]) => ({ countyCode, amount: Math.round(amount / 2) })),
  });
  for (const code of ['1280', '0180', '0680']) {
    await setCall(await officer(code, opensOn), year, {
      opensOn,
      deadline: addDays(opensOn, 90),
      priorities: 'Ensamkommande unga med uppehållstillstånd enligt gymnasielagen; språkinlärning.',
      interimReportDueOn: addDays(opensOn, 270),
      finalReportDueOn: addDays(opensOn, 540),
    });
  }
  const plan = (code: string, title: string, amount: number): Plan => ({
    code,
    title,
    purposes: ['establishment', 'language'],
    partner: 'Svenska kyrkan',
    amount,
    stop: 'never_submitted',
  });
  const costFrom = addDays(opensOn, 150);
  await createApplication(
    await applicant('1280', day(3)),
    body(plan('1280', 'Flyktingguider för unga vuxna', 320_000), year, costFrom),
  );
  const lund = await createApplication(
    await applicant('1281', day(4)),
    body(plan('1281', 'Språkvänner i Lund, år två', 210_000), year, costFrom),
  );
  await submitApplication(await applicant('1281', day(5)), lund.id, lund.version);
  const hbg = await createApplication(
    await applicant('1283', day(4)),
    body(plan('1283', 'Läxhjälp och fotboll', 240_000), year, costFrom),
  );
  const submitted = await submitApplication(await applicant('1283', day(5)), hbg.id, hbg.version);
  await assessApplication(
    await officer('1280', day(8)),
    hbg.id,
    'Väl förankrad hos föreningarna; budgeten rimlig.',
    submitted.version,
  );
  for (const code of ['0180', '0127', '0680']) {
    const a = await createApplication(
      await applicant(code, day(6)),
      body(plan(code, 'Familjekontakter', 280_000), year, costFrom),
    );
    await submitApplication(await applicant(code, day(7)), a.id, a.version);
  }
}
