/**
 * Demo data of the county board's supervision of the guardianship authorities (ADR 0027), through the use cases
 * (src/supervision): Ingrid Malm at the Skåne county board, for every authority of the counties the board supervises.
 * Last year: every authority inspected (a sample, the report, the response, closed) but one, skipped with its reason;
 * Malmö's inspection found something at each criticism level, and its response left one follow-up action past its
 * deadline, so the inspection is still open. This year: every authority planned (the one skipped last year must be),
 * one skipped with its reason, and an ad-hoc review of Malmö's authority after a complaint, its sample drawn today.
 * This year's inspections whose day has passed are held as far as today reaches (sample, findings in one of four,
 * report, response, closed); those still ahead are planned. No step is dated after today, so the demo is right on any
 * date.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../domain/access/child-scope.ts';
import type { CriticismLevel } from '../domain/supervision/inspection.ts';
import type { Caller } from '../case/caller.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { organisations, roleAssignments, users } from '../platform/db/schema.ts';
import { SILENT_AUDIT } from '../platform/http/route.ts';
import { recordActionDone, recordResponse } from '../supervision/authority.ts';
import { closeInspection, recordFinding, sampleFiles, sendReport } from '../supervision/inspector.ts';
import { createInspection, planView } from '../supervision/plan.ts';
import { instantOn } from './actors.ts';
import type { SeedActors } from './case-seeding.ts';

const INSPECTOR = 'dev:ingrid.tillsyn';
const MALMO = '1280';

interface Finding {
  readonly level: CriticismLevel;
  readonly title: string;
  readonly description: string;
  readonly onFile: boolean;
}

const MALMO_FINDINGS: readonly Finding[] = [
  {
    level: 'serious_criticism',
    title: 'God man förordnad utan att barnet hörts',
    description:
      'I en av de granskade akterna förordnades god man utan att barnet fick tillfälle att yttra sig och utan att skälen antecknades.',
    onFile: true,
  },
  {
    level: 'criticism',
    title: 'Årsräkningar granskas sent',
    description: 'Flera årsräkningar hade granskats först mer än sex månader efter att de kom in.',
    onFile: false,
  },
  {
    level: 'cannot_escape_criticism',
    title: 'Beslut om arvode saknas i akten',
    description: 'Beslutet om arvode till den gode mannen fanns inte i akten.',
    onFile: false,
  },
];

/** What this year's inspections find, where they find something: one finding each, in turn. */
const THIS_YEAR_FINDINGS: readonly Finding[] = [
  {
    level: 'criticism',
    title: 'Förteckningar granskas sent',
    description: 'Flera förteckningar över huvudmannens tillgångar hade granskats först efter fyra månader.',
    onFile: false,
  },
  {
    level: 'cannot_escape_criticism',
    title: 'Barnets samtycke inte antecknat',
    description:
      'I en av de granskade akterna saknades en anteckning om att barnet samtyckt till valet av god man.',
    onFile: true,
  },
];

export async function seedSupervision(
  db: DbOrTx,
  actors: SeedActors,
  now: Date,
  today: string,
): Promise<void> {
  const year = Number(today.slice(0, 4));
  const last = year - 1;
  const inspectorOn = await inspectorCaller(db, now, today);
  if (inspectorOn === null) return;
  const plan = await planView(inspectorOn(today), year);
  const authorities = plan.authorities.map((a) => a.authority);
  const malmo = authorities.find((a) => a.municipalities.some((m) => m.code === MALMO));
  const others = authorities.filter((a) => a !== malmo);
  const skippedLastYear = others[3];
  const skippedThisYear = others[7];
  const officerOf = (authority: (typeof authorities)[number], date: string) =>
    actors.as('guardianship_officer', authority.municipalities[0]?.code ?? MALMO, date);

  for (const [i, authority] of authorities.entries()) {
    // Spread over the working months; the report three weeks after, the response four weeks after that.
    const month = 2 + (i % 9);
    const day = 3 + ((i * 7) % 20);
    const on = (offsetDays: number) => dateIn(last, month, day, offsetDays);
    if (authority === skippedLastYear) {
      await createInspection(inspectorOn(on(0)), {
        kind: 'skip',
        authorityId: authority.id,
        year: last,
        reason:
          'Överförmyndarnämnden slogs samman med grannkommunens under året; inspektionen görs nästa år.',
      });
    } else {
      const { id } = await createInspection(inspectorOn(on(0)), {
        kind: 'regular',
        authorityId: authority.id,
        year: last,
        plannedOn: on(0),
      });
      await carryOut(inspectorOn, (date) => officerOf(authority, date), id, on, today, {
        size: authority === malmo ? 5 : 3,
        findings: authority === malmo ? MALMO_FINDINGS : [],
        response:
          authority === malmo
            ? 'Överförmyndarnämnden har gått igenom rapporten och antagit en handlingsplan.'
            : 'Överförmyndaren har tagit del av rapporten och har inget att tillägga.',
        // Malmö's second action is past its deadline and not done, so its inspection stays open.
        actions:
          authority === malmo
            ? [
                {
                  description: 'Ny rutin: barnet hörs alltid före förordnande',
                  deadline: on(80),
                  doneOn: on(70),
                },
                {
                  description: 'Granska alla årsräkningar inom tre månader',
                  deadline: `${last}-12-31`,
                  doneOn: null,
                },
              ]
            : [],
      });
    }
    // This year's plan: every authority on a date in the year, but the one skipped with its reason. An inspection
    // whose date has come is held, each step as far as today reaches; one in four finds something to criticise.
    if (authority === skippedThisYear) {
      await createInspection(inspectorOn(today), {
        kind: 'skip',
        authorityId: authority.id,
        year,
        reason:
          'Tillsynen byter system under våren; inspektionen flyttas till nästa år efter samråd med nämnden.',
      });
    } else {
      const onThisYear = (offsetDays: number) => dateIn(year, month, day, offsetDays);
      const plannedOn = onThisYear(0);
      const { id } = await createInspection(inspectorOn(plannedOn < today ? plannedOn : today), {
        kind: 'regular',
        authorityId: authority.id,
        year,
        plannedOn,
      });
      const finding = i % 4 === 1 ? THIS_YEAR_FINDINGS[i % THIS_YEAR_FINDINGS.length] : undefined;
      if (plannedOn < today)
        await carryOut(inspectorOn, (date) => officerOf(authority, date), id, onThisYear, today, {
          size: 3,
          findings: finding === undefined ? [] : [finding],
          response:
            finding === undefined
              ? 'Överförmyndaren har tagit del av rapporten och har inget att tillägga.'
              : 'Överförmyndaren har tagit del av kritiken och ändrat sin rutin.',
          actions:
            finding === undefined
              ? []
              : [
                  {
                    description: 'Ändrad rutin beslutad i nämnden',
                    deadline: onThisYear(70),
                    doneOn: onThisYear(54),
                  },
                ],
        });
    }
  }
  if (malmo === undefined) return;
  const { id } = await createInspection(inspectorOn(today), {
    kind: 'ad_hoc',
    authorityId: malmo.id,
    plannedOn: today,
    trigger: 'complaint',
    triggerNote: 'En god man har klagat på att överförmyndaren inte svarat på frågor om arvode.',
  });
  await sampleFiles(inspectorOn(today), id, { size: 3 });
}

interface Held {
  readonly size: number;
  readonly findings: readonly Finding[];
  readonly response: string;
  readonly actions: readonly { description: string; deadline: string; doneOn: string | null }[];
}

/**
 * Holds a planned inspection through each of its steps dated on or before today, and stops at the first that is not:
 * the sample on the planned day, the findings the day after, the report three weeks after, the response seven weeks
 * after, the actions done on their day, and closed eight weeks after once every action is done.
 */
async function carryOut(
  inspectorOn: (date: string) => Caller,
  officerOn: (date: string) => Promise<Caller>,
  id: string,
  on: (offsetDays: number) => string,
  today: string,
  held: Held,
): Promise<void> {
  if (on(0) > today) return;
  const sampled = await sampleFiles(inspectorOn(on(0)), id, { size: held.size });
  if (on(1) > today) return;
  for (const finding of held.findings)
    await recordFinding(inspectorOn(on(1)), id, {
      level: finding.level,
      title: finding.title,
      description: finding.description,
      fileId: finding.onFile ? (sampled.sample[0]?.fileId ?? null) : null,
    });
  if (on(21) > today) return;
  await sendReport(inspectorOn(on(21)), id, { sentOn: on(21) });
  if (on(49) > today) return;
  const responded = await recordResponse(await officerOn(on(49)), id, {
    respondedOn: on(49),
    response: held.response,
    actions: held.actions.map((a) => ({ description: a.description, deadline: a.deadline })),
  });
  for (const action of held.actions) {
    // The view lists the actions by deadline, not as given: find each by its description.
    const recorded = responded.actions.find((r) => r.description === action.description);
    if (action.doneOn !== null && action.doneOn <= today && recorded !== undefined)
      await recordActionDone(await officerOn(action.doneOn), id, recorded.id, { doneOn: action.doneOn });
  }
  const lastDone = held.actions.reduce((d, a) => (a.doneOn !== null && a.doneOn > d ? a.doneOn : d), on(56));
  if (held.actions.some((a) => a.doneOn === null || a.doneOn > today) || lastDone > today) return;
  await closeInspection(inspectorOn(lastDone), id, { closedOn: lastDone });
}

/** A date `offsetDays` after the month and day of `year`, kept inside the year (the last year's steps stay in it). */
function dateIn(year: number, month: number, day: number, offsetDays: number): string {
  const date = new Date(Date.UTC(year, month - 1, day + offsetDays));
  const end = new Date(Date.UTC(year, 11, 20));
  return (date > end ? end : date).toISOString().slice(0, 10);
}

/** Ingrid Malm at the Skåne county board, acting on a date; null when the demo has no inspector. */
async function inspectorCaller(
  db: DbOrTx,
  now: Date,
  today: string,
): Promise<((date: string) => Caller) | null> {
  const [row] = await db
    .select({ userId: users.id, organisationId: organisations.id, countyCode: organisations.countyCode })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(and(eq(users.subject, INSPECTOR), eq(roleAssignments.role, 'supervision_inspector')))
    .orderBy(asc(organisations.name))
    .limit(1);
  if (row === undefined) return null;
  const actor: Actor = {
    userId: row.userId,
    organisationId: row.organisationId,
    organisationType: 'county_board',
    role: 'supervision_inspector',
    municipalityCodes: [],
    countyCode: row.countyCode,
    protectedIdentityClearance: false,
    providerId: null,
  };
  return (date) => ({ db, actor, now: instantOn(date, today, now), today: date, audit: SILENT_AUDIT });
}
