/**
 * Demo data of social services' case and the personakt, through the casework use cases. Runs after the hand-over
 * (src/seed/case-responsibility.ts `seedHandover`, which wires the anvisning or a confirmed transfer as the report)
 * and before placement, school and health. For each assigned child it takes the open case of the responsible
 * municipality forward from its report with realistic timing, never past today and never past the day before the
 * 18th birthday (the turning-18 seeder decides what happens then):
 *
 * - the unit manager assigns a responsible social worker within days (about one case in twelve stays unassigned, one
 *   in five gets a co-worker, a few are reassigned later);
 * - protection assessment the same or next day (a few late); the preliminary assessment within 14 days (a few late):
 *   about one child in seven is not investigated (and most of those cases are closed by the unit manager);
 * - the investigation in 1½–4 months; one in thirteen is extended with a recorded reason; one in seventeen is
 *   left overdue; then interventions with the care plan, care started with the implementation plan;
 * - reviews about every six months (one in nineteen is overdue), and one in twenty-three closed after a review;
 * - a few journal notes (some not for the child), logged correspondence, and a care-plan PDF for some children.
 *
 * Every state of `social_case` occurs (`none` for children still waiting; `closed` also from transfers). The first 24
 * children are the tests' fixtures and are left as the anvisning made them. Texts are short and neutral.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { socialCase } from '../domain/case/machines.ts';
import { addCalendarDays, birthday } from '../domain/deadlines/calendar.ts';
import { machineState } from '../case/engine.ts';
import { uploadDocument, writeJournal, type JournalInput } from '../social-case/personakt.ts';
import { stepSocialCase, type StepInput } from '../social-case/social-case.ts';
import { setSubstitute } from '../social-case/substitutes.ts';
import { assignWorkers } from '../social-case/workers.ts';
import type { Caller } from '../case/caller.ts';
import { caseEvents, roleAssignments, socialCases, substitutes, users } from '../platform/db/schema.ts';
import type { Random, SeedActors, SeedChild, Seeder } from './case-seeding.ts';

const FIXTURES = 24;
const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
/** A tiny, valid PDF: the care plan filed in the personakt (no personal data). */
const CARE_PLAN_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
).toString('base64');

function bestInterests(child: SeedChild, on: string, what: string, views: string) {
  const language = child.languages[0] ?? 'svenska';
  return {
    rightsConcerned: [
      'art. 3 barnets bästa',
      'art. 12 rätt att uttrycka sin mening',
      'art. 20 skydd utanför familjen',
    ],
    whatIsKnown: what,
    childsViews: views,
    childsViewsLanguage: language,
    howWeighed: 'Barnets egna önskemål har vägts mot behovet av trygghet, skolgång och vuxenstöd.',
    feedbackToChild: `Beslutet förklarades för barnet med tolk på ${language}.`,
    feedbackGivenOn: on,
    notHeardReason: null,
  };
}

const NOTES: readonly (readonly [string, boolean])[] = [
  ['Samtal med barnet tillsammans med tolk om hur det fungerar på boendet.', false],
  ['Hembesök på boendet. Barnet visade sitt rum och berättade om skolan.', false],
  ['Samtal med god man om skolgång och fritidsaktiviteter.', false],
  ['Uppgifter från en anhörig om familjens situation; rör andra personer än barnet.', true],
  ['Barnet har börjat träna fotboll två kvällar i veckan.', false],
  ['Uppföljning med boendet: barnet sover bättre och äter regelbundet.', false],
];
const LETTERS: readonly Omit<JournalInput, 'occurredOn' | 'kind'>[] = [
  {
    body: 'Begäran om uppgifter om skolplacering.',
    notForChild: false,
    direction: 'outgoing',
    counterpart: 'Skolförvaltningen',
    channel: 'email',
  },
  {
    body: 'Kallelse till samtal om asylärendet.',
    notForChild: false,
    direction: 'incoming',
    counterpart: 'Migrationsverket',
    channel: 'letter',
  },
  {
    body: 'God man ringde om kommande läkarbesök.',
    notForChild: false,
    direction: 'incoming',
    counterpart: 'God man',
    channel: 'phone',
  },
  {
    body: 'Underlag till övervägande skickat till boendet.',
    notForChild: true,
    direction: 'outgoing',
    counterpart: 'HVB-hemmet',
    channel: 'digital_message',
  },
];

interface Plan {
  /** Stop after the report or the protection assessment (every state must occur somewhere). */
  readonly stopAfter: 'report' | 'assessment' | 'decision' | null;
  readonly notInvestigated: boolean;
  readonly extended: boolean;
  readonly overdueInvestigation: boolean;
  readonly overdueReview: boolean;
  readonly closeAfterReview: boolean;
}

function planFor(index: number): Plan {
  return {
    stopAfter:
      index % 97 === 5 ? 'report' : index % 89 === 7 ? 'assessment' : index % 61 === 9 ? 'decision' : null,
    notInvestigated: index % 7 === 3,
    extended: index % 13 === 4,
    overdueInvestigation: index % 17 === 6,
    overdueReview: index % 19 === 2,
    closeAfterReview: index % 23 === 5,
  };
}

/** The municipality's social workers (demo users first), for assignments. */
async function socialWorkers(caller: Caller): Promise<string[]> {
  const rows = await caller.db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.organisationId, caller.actor.organisationId),
        eq(roleAssignments.role, 'social_worker'),
        isNull(roleAssignments.revokedAt),
      ),
    )
    .orderBy(users.subject);
  return rows.map((r) => r.userId);
}

class CaseDriver {
  version = 0;
  constructor(
    private readonly actors: SeedActors,
    private readonly child: SeedChild,
    readonly code: string,
    readonly horizon: string,
  ) {}

  async as(role: 'social_worker' | 'unit_manager', on: string): Promise<Caller> {
    return this.actors.as(role, this.code, on);
  }

  /** Takes the step on `on` (false when that is past the horizon: the case stays where it is). */
  async step(
    on: string,
    request: StepInput,
    role: 'social_worker' | 'unit_manager' = 'social_worker',
  ): Promise<boolean> {
    if (on > this.horizon) return false;
    const done = await stepSocialCase(await this.as(role, on), this.child.id, {
      ...request,
      occurredOn: on,
      expectedVersion: this.version,
    });
    this.version = done.version;
    return true;
  }

  async note(on: string, entry: Omit<JournalInput, 'occurredOn'>): Promise<void> {
    if (on > this.horizon) return;
    await writeJournal(await this.as('social_worker', on), this.child.id, { ...entry, occurredOn: on });
  }
}

export const seedSocialCase: Seeder = async (actors, child, random, today) => {
  if (child.index < FIXTURES || child.decidedOn === null || child.assignedMunicipalityCode === null) return;
  const horizon = [today, addCalendarDays(birthday(child.birthDate, 18), -1)].sort()[0] ?? today;
  const probe = await actors.as('social_worker', child.assignedMunicipalityCode, child.decidedOn);
  const state = await machineState(probe.db, child.id, socialCase);
  if (state.state !== 'none' && state.state !== 'report_received') return;
  const code = state.municipalityCode ?? child.assignedMunicipalityCode;
  const driver = new CaseDriver(actors, child, code, horizon);
  driver.version = state.version;

  let reportedOn: string;
  if (state.state === 'none') {
    reportedOn = child.decidedOn;
    if (!(await driver.step(reportedOn, { event: 'receive_report', source: 'anvisning' }))) return;
  } else {
    const [row] = await probe.db
      .select({ on: socialCases.reportReceivedOn })
      .from(socialCases)
      .where(and(eq(socialCases.childId, child.id), isNull(socialCases.closedOn)));
    const [event] = await probe.db
      .select({ on: caseEvents.occurredOn })
      .from(caseEvents)
      .where(
        and(
          eq(caseEvents.childId, child.id),
          eq(caseEvents.machine, socialCase.name),
          eq(caseEvents.event, 'receive_report'),
        ),
      )
      .orderBy(desc(caseEvents.recordedAt))
      .limit(1);
    reportedOn = row?.on ?? event?.on ?? child.decidedOn;
  }
  if (reportedOn > horizon) return;
  await driver.note(reportedOn, {
    kind: 'note',
    body: 'Anmälan mottagen. Första kontakt med barnet och boendet.',
    notForChild: false,
    direction: null,
    counterpart: null,
    channel: null,
  });
  await assign(actors, child, driver, reportedOn, random, horizon);
  await drive(child, driver, reportedOn, random);
  await journal(driver, reportedOn, random);
  if (code === '1280') await malmoSubstitute(actors, today);
};

async function assign(
  actors: SeedActors,
  child: SeedChild,
  driver: CaseDriver,
  reportedOn: string,
  random: Random,
  horizon: string,
): Promise<void> {
  if (child.index % 12 === 7) return;
  const on = [addCalendarDays(reportedOn, between(random, 0, 3)), horizon].sort()[0] ?? horizon;
  const manager = await driver.as('unit_manager', on);
  const workers = await socialWorkers(await driver.as('social_worker', on));
  if (workers.length === 0) return;
  const primary = pick(random, workers);
  const others = workers.filter((w) => w !== primary);
  const secondary = others.length > 0 && random() < 0.2 ? pick(random, others) : null;
  await assignWorkers(manager, child.id, {
    primaryUserId: primary,
    secondaryUserId: secondary,
    fromDate: on,
  });
  // A few cases change hands later (parental leave, a new unit …).
  const later = addCalendarDays(on, between(random, 60, 200));
  if (child.index % 10 === 1 && others.length > 0 && later <= horizon) {
    await assignWorkers(await actors.as('unit_manager', driver.code, later), child.id, {
      primaryUserId: pick(random, others),
      secondaryUserId: null,
      fromDate: later,
    });
  }
}

async function drive(
  child: SeedChild,
  driver: CaseDriver,
  reportedOn: string,
  random: Random,
): Promise<void> {
  const plan = planFor(child.index);
  if (plan.stopAfter === 'report') return;
  // Protection assessment: the same or the next day; a few late.
  const assessedOn = addCalendarDays(
    reportedOn,
    random() < 0.92 ? between(random, 0, 1) : between(random, 2, 6),
  );
  const outcome = random() < 0.12 ? 'immediate_protection_needed' : 'no_immediate_need';
  if (!(await driver.step(assessedOn, { event: 'assess_protection', outcome }))) return;
  if (plan.stopAfter === 'assessment') return;
  // Preliminary assessment within 14 days; a few late.
  const decidedOn = addCalendarDays(
    assessedOn,
    random() < 0.9 ? between(random, 2, 12) : between(random, 15, 25),
  );
  if (plan.notInvestigated) {
    const what = 'Barnet har boende, god man och skolplats; inga uppgifter om behov av ytterligare insatser.';
    if (
      !(await driver.step(decidedOn, {
        event: 'decide_not_to_investigate',
        finding: 'needs_met_otherwise',
        bestInterests: bestInterests(child, decidedOn, what, 'Jag har det bra där jag bor nu.'),
      }))
    )
      return;
    if (child.index % 5 !== 0)
      await driver.step(
        addCalendarDays(decidedOn, between(random, 7, 30)),
        { event: 'close', reason: 'no_investigation' },
        'unit_manager',
      );
    return;
  }
  if (!(await driver.step(decidedOn, { event: 'open_investigation', finding: 'unaccompanied_needs_care' })))
    return;
  // The investigation: 1½–4 months, extended with a reason, or left overdue.
  let interventionsOn = addCalendarDays(decidedOn, between(random, 45, 115));
  if (plan.extended) {
    const extendedOn = addCalendarDays(decidedOn, between(random, 100, 115));
    const reason = pick(random, [
      'Väntar på utlåtande från BUP.',
      'Tolk på barnets språk har inte gått att få till samtalen.',
      'Barnet har bytt boende under utredningen.',
    ]);
    if (
      !(await driver.step(extendedOn, {
        event: 'extend_investigation',
        extendedTo: addCalendarDays(decidedOn, between(random, 150, 180)),
        reason,
      }))
    )
      return;
    interventionsOn = addCalendarDays(extendedOn, between(random, 20, 40));
  }
  if (plan.overdueInvestigation) return;
  const what = 'Utredningen visar behov av boende med vuxenstöd, skolgång och kontakt med anhöriga.';
  const interventions = [
    'placement',
    ...(random() < 0.4 ? ['contact_person'] : []),
    ...(random() < 0.3 ? ['support_contact'] : []),
  ];
  const decided = await driver.step(interventionsOn, {
    event: 'decide_interventions',
    interventions,
    carePlanOn: interventionsOn,
    bestInterests: bestInterests(child, interventionsOn, what, 'Jag vill bo kvar och fortsätta i min skola.'),
  });
  if (!decided || plan.stopAfter === 'decision') return;
  if (child.index % 25 === 0) {
    await uploadDocument(
      await driver.as('social_worker', interventionsOn),
      child.id,
      {
        title: 'Vårdplan',
        fileName: 'vardplan.pdf',
        mediaType: 'application/pdf',
        contentBase64: CARE_PLAN_PDF,
        notForChild: false,
      },
      5 * 1024 * 1024,
    );
  }
  const startedOn = addCalendarDays(interventionsOn, between(random, 0, 10));
  // The implementation plan is agreed with the home before or when the care starts; for some it is not ready yet.
  const planOn =
    [interventionsOn, addCalendarDays(startedOn, -between(random, 0, 5))].sort().at(-1) ?? startedOn;
  if (
    !(await driver.step(startedOn, {
      event: 'start_care',
      implementationPlanOn: random() < 0.85 ? planOn : null,
    }))
  )
    return;
  // Reviews about every six months; one in nineteen is overdue; a few cases close after a review.
  let last = startedOn;
  for (;;) {
    const next = addCalendarDays(
      last,
      random() < 0.9 ? between(random, 150, 180) : between(random, 190, 230),
    );
    // The overdue one: its deadline (six months after the last review) has passed, and the review it needed is not made.
    if (
      plan.overdueReview &&
      addCalendarDays(last, 190) < driver.horizon &&
      addCalendarDays(last, 370) > driver.horizon
    )
      return;
    const reviewOutcome = plan.closeAfterReview
      ? 'care_to_end'
      : random() < 0.8
        ? 'care_continues'
        : 'care_changed';
    if (!(await driver.step(next, { event: 'review_care', outcome: reviewOutcome }))) return;
    last = next;
    if (plan.closeAfterReview) {
      await driver.step(
        addCalendarDays(next, between(random, 5, 30)),
        { event: 'close', reason: pick(random, ['care_ended', 'needs_met'] as const) },
        'unit_manager',
      );
      return;
    }
  }
}

async function journal(driver: CaseDriver, reportedOn: string, random: Random): Promise<void> {
  const notes = between(random, 0, 3);
  for (let i = 0; i < notes; i++) {
    const [body, notForChild] = pick(random, NOTES);
    await driver.note(addCalendarDays(reportedOn, between(random, 3, 240)), {
      kind: 'note',
      body,
      notForChild,
      direction: null,
      counterpart: null,
      channel: null,
    });
  }
  if (random() < 0.6) {
    const letter = pick(random, LETTERS);
    await driver.note(addCalendarDays(reportedOn, between(random, 2, 120)), {
      kind: 'correspondence',
      ...letter,
    });
  }
}

/** Malmö's demo: Sara Lind is away this week and Ali Hassan covers for her (set once, by the unit manager). */
async function malmoSubstitute(actors: SeedActors, today: string): Promise<void> {
  const from = addCalendarDays(today, -3);
  const manager = await actors.as('unit_manager', '1280', from);
  const [existing] = await manager.db
    .select({ id: substitutes.id })
    .from(substitutes)
    .where(eq(substitutes.organisationId, manager.actor.organisationId))
    .limit(1);
  if (existing !== undefined) return;
  const people = await manager.db
    .select({ id: users.id, subject: users.subject })
    .from(users)
    .where(inArray(users.subject, ['dev:sara.lind', 'dev:ali.hassan']));
  const sara = people.find((p) => p.subject === 'dev:sara.lind')?.id;
  const ali = people.find((p) => p.subject === 'dev:ali.hassan')?.id;
  if (sara === undefined || ali === undefined) return;
  await setSubstitute(manager, {
    absentUserId: sara,
    substituteUserId: ali,
    fromDate: from,
    toDate: addCalendarDays(today, 4),
  });
}

export const CASEWORK_SEEDERS = { socialCase: { name: 'social-case', seed: seedSocialCase } } as const;
