/**
 * The child's special grant in the demo (issue 14 point 7, ADR 0033), grown through the use cases the API calls, on
 * any date: Birgitta Sjö's wards (the god man first by name) have one application in each status of the machine,
 * dated in the last three weeks and never before her appointment, so each step is taken by the god man appointed
 * on its day. Deterministic: the wards in dossier order, the needs and amounts fixed.
 */
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { addDays } from '../domain/time.ts';
import type { SpecialGrantNeed } from '../domain/allowance/rules.ts';
import { children, guardianships, users } from '../platform/db/schema.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  createSpecialGrant,
  decideSpecialGrant,
  paySpecialGrant,
  submitSpecialGrant,
} from '../allowance/use-cases.ts';
import type { SeedActors } from './case-seeding.ts';

type Stop = 'draft' | 'submitted' | 'granted' | 'partly_granted' | 'refused' | 'paid';

interface Plan {
  readonly stop: Stop;
  readonly need: SpecialGrantNeed;
  readonly description: string;
  readonly amount: number;
  readonly granted?: number;
  readonly reason?: string;
}

const PLANS: readonly Plan[] = [
  {
    stop: 'paid',
    need: 'winter_clothes',
    description: 'Saknar vinterjacka och vantar; dagersättningen räcker inte till båda.',
    amount: 2400,
    granted: 2400,
  },
  {
    stop: 'granted',
    need: 'glasses',
    description: 'Skolans syntest visar att hon behöver glasögon för att läsa på tavlan.',
    amount: 1600,
    granted: 1600,
  },
  {
    stop: 'partly_granted',
    need: 'winter_clothes',
    description: 'Behöver vinterjacka, kängor och överdragsbyxor inför vintern.',
    amount: 3500,
    granted: 2500,
    reason: 'Vinterjacka och kängor ryms inom 2 500 kr till skäligt pris.',
  },
  {
    stop: 'refused',
    need: 'other',
    description: 'Mobiltelefon',
    amount: 4000,
    reason: 'En mobiltelefon är inte ett behov som särskilt bidrag lämnas för.',
  },
  {
    stop: 'submitted',
    need: 'glasses',
    description: 'Glasögonen gick sönder på idrotten och går inte att laga.',
    amount: 1200,
  },
  { stop: 'draft', need: 'other', description: 'Fotbollsskor till skolans idrott', amount: 700 },
];

/** Birgitta Sjö's wards today, in dossier order, with the day her appointment began. */
async function wardsOf(db: DbOrTx, today: string) {
  return db
    .select({ childId: guardianships.childId, from: guardianships.fromDate })
    .from(guardianships)
    .innerJoin(users, eq(users.id, guardianships.guardianUserId))
    .innerJoin(children, eq(children.id, guardianships.childId))
    .where(
      and(
        eq(users.subject, 'dev:birgitta.sjo'),
        eq(guardianships.kind, 'god_man'),
        lte(guardianships.fromDate, today),
        or(isNull(guardianships.toDate), gt(guardianships.toDate, today)),
        isNull(children.mergedIntoId),
      ),
    )
    .orderBy(asc(children.dossierNumber));
}

export async function seedSpecialGrants(db: DbOrTx, actors: SeedActors, today: string): Promise<void> {
  const wards = await wardsOf(db, today);
  if (wards.length === 0) return;
  for (const [i, plan] of PLANS.entries()) {
    const ward = wards[i % wards.length];
    if (ward === undefined) continue;
    // Applied 20 days ago at most, never before the appointment; each later step a few days on, never after today.
    const applied = ward.from > addDays(today, -20 + i) ? ward.from : addDays(today, -20 + i);
    const on = (days: number) => {
      const day = addDays(applied, days);
      return day > today ? today : day;
    };
    const godMan = (day: string) => actors.as('god_man', null, day);
    const officer = (day: string) => actors.as('compensation_officer', null, day);
    let a = await createSpecialGrant(await godMan(applied), ward.childId, {
      need: plan.need,
      description: plan.description,
      amount: plan.amount,
    });
    if (plan.stop === 'draft') continue;
    a = await submitSpecialGrant(await godMan(on(1)), a.id, a.version);
    if (plan.stop === 'submitted') continue;
    const outcome = plan.stop === 'paid' ? 'granted' : plan.stop;
    a = await decideSpecialGrant(await officer(on(4)), a.id, {
      outcome,
      grantedAmount: plan.granted ?? null,
      reason: plan.reason ?? '',
      expectedVersion: a.version,
    });
    if (plan.stop === 'paid') await paySpecialGrant(await officer(on(6)), a.id, on(6), a.version);
  }
}
