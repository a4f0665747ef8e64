/**
 * The Agency's payouts in the demo (ADR 0035), on any date: the forecast of last year and this year; Malmö's three
 * quarters before the previous one paid, and last year's annual compensation; three children short on those payment
 * lists as if their responsibility had been registered late — the one-off amount missing, the days paid from the
 * middle of the quarter on (the demo's facts are today's, so the lists are written as the Agency made them then). Malmö
 * has reported the first (accepted, a supplementary payout) and the second (awaiting the answer); the third it has not
 * reported yet. The previous quarter is left for the officer to pay. Deterministic: quarter and dossier order.
 *
 * With the case seeders (the server's demo) a Malmö child the fixtures never place is placed by Malmö from its
 * take-over and moved to a SiS home under LVU in the previous quarter, so the schablons have days and the LVU daily
 * cost has a placement to be recorded for.
 */
import { and, asc, eq, isNull, notExists } from 'drizzle-orm';
import { compensationBirthday } from '../domain/compensation/days.ts';
import { payoutPeriod, type PayoutLine } from '../domain/compensation/payouts.ts';
import { previousQuarter, quarterWindow } from '../domain/compensation/view.ts';
import { seededRandom } from '../domain/random.ts';
import { addDays } from '../domain/time.ts';
import { recordForecast } from '../compensation/annual.ts';
import { answerReport, fileReport } from '../compensation/missing-schablon.ts';
import { computedQuarterLines, insertPayout } from '../compensation/payout-store.ts';
import { payoutView, recordPayout } from '../compensation/payouts.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { children, placements, responsibilityPeriods } from '../platform/db/schema.ts';
import { decidePlacement } from '../placement/use-cases.ts';
import { providerFor } from './case-placement.ts';
import type { SeedActors } from './case-seeding.ts';

const MALMO = '1280';
/** Invented for the demo: the Agency's forecasts are not stored anywhere Anvisa can read. */
const DEMO_FORECASTS: readonly [yearsBack: number, forecast: number][] = [
  [1, 1600],
  [0, 1900],
];

/** The quarter before `quarter`. */
const before = (quarter: string) => previousQuarter(quarterWindow(quarter)?.from ?? quarter);

/** The best-interests record of a placement decision, as the social worker writes it. */
const bestInterests = (on: string, sis: boolean) => ({
  rightsConcerned: ['art. 3 barnets bästa', 'art. 20 skydd utanför familjen'],
  whatIsKnown: sis
    ? 'Barnet har ett allvarligt missbruk och behöver vård enligt LVU på ett särskilt ungdomshem.'
    : 'Barnet behöver boende med personal dygnet runt under utredningstiden.',
  childsViews: 'Jag vill bo där det finns någon som talar mitt språk.',
  childsViewsLanguage: 'arabiska',
  howWeighed: 'Barnets önskemål har vägts mot behovet av stöd och tillgången på platser.',
  feedbackToChild: 'Beslutet förklarades för barnet med tolk.',
  feedbackGivenOn: on,
  notHeardReason: null,
});

/**
 * A Malmö child never placed, responsible in Malmö the longest (not protected, under 18 for a while yet): placed in
 * an HVB from its take-over, moved under LVU to a SiS home ten days into the previous quarter.
 */
export async function seedCompensationPlacement(
  db: DbOrTx,
  actors: SeedActors,
  today: string,
): Promise<void> {
  const previous = quarterWindow(previousQuarter(today));
  if (previous === null) return;
  const candidates = await db
    .select({
      id: children.id,
      birthDate: children.birthDate,
      from: responsibilityPeriods.fromDate,
    })
    .from(responsibilityPeriods)
    .innerJoin(children, eq(children.id, responsibilityPeriods.childId))
    .where(
      and(
        eq(responsibilityPeriods.municipalityCode, MALMO),
        eq(responsibilityPeriods.kind, 'assigned'),
        isNull(responsibilityPeriods.toDate),
        isNull(children.mergedIntoId),
        eq(children.protectedIdentity, false),
        notExists(db.select().from(placements).where(eq(placements.childId, children.id))),
      ),
    )
    .orderBy(asc(responsibilityPeriods.fromDate), asc(children.dossierNumber));
  const child = candidates.find(
    (c) => c.from < previous.from && compensationBirthday(c.birthDate, 18) > addDays(today, 60),
  );
  if (child === undefined) return;
  const random = seededRandom(35);
  const moved = addDays(previous.from, 10);
  for (const [on, form, event] of [
    [child.from, 'hvb', 'place'],
    [moved, 'sis', 'move'],
  ] as const) {
    const provider = await providerFor(actors, MALMO, on, form, random);
    await decidePlacement(await actors.as('social_worker', MALMO, on), child.id, event, {
      providerId: provider.id,
      form,
      legalBasis: form === 'sis' ? 'LVU' : 'SoL',
      fromDate: on,
      specialReason: null,
      bestInterests: bestInterests(on, form === 'sis'),
    });
  }
}

export async function seedPayouts(db: DbOrTx, actors: SeedActors, today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  const officer = (day: string) => actors.as('compensation_officer', null, day);
  const finance = (day: string) => actors.as('finance_officer', MALMO, day);
  for (const [back, forecast] of DEMO_FORECASTS) {
    const recorded = `${year - back}-01-20` < today ? `${year - back}-01-20` : today;
    await recordForecast(await officer(recorded), {
      year: year - back,
      forecast,
      source: `Demo: antagen prognos för ${year - back}, inte Migrationsverkets siffra`,
    });
  }

  // Last year's annual compensation, paid in July through the officer's own steps.
  const lastYear = String(year - 1);
  const july = `${lastYear}-07-15`;
  const view = await payoutView(await officer(july), MALMO, lastYear);
  if (view.proposal !== null)
    await recordPayout(await officer(july), {
      municipalityCode: MALMO,
      period: lastYear,
      paidOn: july,
      fingerprint: view.proposal.fingerprint,
    });

  // The three quarters before the previous one, newest first; each paid ten days after its end.
  const quarters = [before(previousQuarter(today))];
  while (quarters.length < 3) quarters.push(before(quarters[quarters.length - 1] ?? ''));
  const computed = await Promise.all(quarters.map((q) => computedQuarterLines(db, MALMO, q)));
  const dossiers = new Map(
    (await db.select({ id: children.id, dossier: children.dossierNumber }).from(children)).map((c) => [
      c.id,
      c.dossier,
    ]),
  );
  const pairs = quarters.flatMap((quarter, i) =>
    [...new Set((computed[i] ?? []).map((l) => l.childId ?? ''))]
      .sort((a, b) => (dossiers.get(a) ?? '').localeCompare(dossiers.get(b) ?? ''))
      .map((childId) => ({ quarter, childId })),
  );
  // A child left off a list: its one-off amount missing, its days paid only from the middle of the quarter on.
  const shortened = (lines: readonly PayoutLine[], childId: string): PayoutLine[] =>
    lines.flatMap((l) => {
      if (l.childId !== childId) return [l];
      if (l.code === 'ANVISNING_ENGANG' || l.count < 2) return [];
      const days = l.count - Math.floor(l.count / 2);
      return [{ ...l, count: days, amount: (l.amount / l.count) * days }];
    });
  const lists = new Map(quarters.map((q, i) => [q, computed[i] ?? []]));
  const leftOff: { quarter: string; childId: string }[] = [];
  for (const pair of pairs) {
    if (leftOff.length === 3) break;
    const list = shortened(lists.get(pair.quarter) ?? [], pair.childId);
    // A list is never left empty: a quarter's payout holds some child's lines.
    if (list.length === 0) continue;
    lists.set(pair.quarter, list);
    leftOff.push(pair);
  }
  const paidOn = (quarter: string) => addDays(payoutPeriod(quarter)?.to ?? today, 10);
  for (const quarter of quarters) {
    const lines = lists.get(quarter) ?? [];
    if (lines.length === 0) continue;
    const eva = await officer(paidOn(quarter));
    await insertPayout(db, {
      municipalityCode: MALMO,
      period: quarter,
      kind: 'regular',
      paidOn: paidOn(quarter),
      lines,
      recordedBy: eva.actor.userId,
      recordedAt: eva.now,
    });
  }

  // Malmö reports the first child left off (accepted) and the second (awaiting the answer).
  const [accepted, open] = leftOff;
  if (accepted !== undefined) {
    const reportedOn = addDays(paidOn(accepted.quarter), 20);
    const report = await fileReport(await finance(reportedOn), {
      quarter: accepted.quarter,
      childId: accepted.childId,
      explanation:
        'Barnet saknas på utbetalningslistan. Kommunens ansvar registrerades i efterhand; placeringen gällde hela perioden.',
    });
    const answeredOn = addDays(reportedOn, 9);
    await answerReport(await officer(answeredOn), report.id, {
      outcome: 'accepted',
      paidOn: answeredOn,
      reason: null,
      text: 'Ansvaret är nu registrerat. Det som saknades betalas ut som tilläggsutbetalning.',
    });
  }
  if (open !== undefined) {
    const reportedOn = addDays(today, -3);
    await fileReport(await finance(reportedOn), {
      quarter: open.quarter,
      childId: open.childId,
      explanation:
        'Schablonen för barnet saknas på utbetalningslistan för kvartalet, fast ansvaret var registrerat.',
    });
  }
}
