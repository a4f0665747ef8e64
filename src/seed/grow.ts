/**
 * The demo grows to its full size in the background. The first start seeds the organisations, the users, the shares
 * and the first children synchronously (src/seed/demo.ts) and answers /healthz; then this adds children in small
 * batches — each registered, decided and taken through its case by the use cases, one transaction per batch — until
 * the demo holds `target` children. Restartable: it counts what is there and continues. Every decision within the
 * share version in force today, so the allocation ledger's history stays consistent (`anvisa allocation replay`
 * passes), and every date up to today, whatever today is (test/seed/grow-dates.int.test.ts).
 */
import { and, count, eq, gte, lte, sql } from 'drizzle-orm';
import { decide, proposalFor } from '../allocation/decide.ts';
import { recordAssessment, registerArrival } from '../allocation/intake.ts';
import { seededRandom, weightedPicker } from '../domain/random.ts';
import { addDays } from '../domain/time.ts';
import { crashPoint } from '../platform/crash-point.ts';
import type { Db, DbOrTx } from '../platform/db/client.ts';
import { children, population, relativeAssessments, shareVersions } from '../platform/db/schema.ts';
import { seedActors } from './actors.ts';
import { seedCase } from './case-run.ts';
import {
  ARRIVAL_MUNICIPALITIES,
  auditSeed,
  demoRelative,
  minorOnArrival,
  BOYS,
  CASE_SEED,
  CITIZENSHIPS,
  GIRLS,
  LANGUAGES,
  RELATIONS,
  SURNAMES,
} from './demo.ts';

export const DEMO_DOSSIER_BASE = 20_000_100;
const GROW_SEED = 9_000_000;

export interface GrowProgress {
  readonly children: number;
  readonly target: number;
  readonly done: boolean;
}

/** The number of demo children so far (dossier numbers from DEMO_DOSSIER_BASE). */
export async function demoChildren(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(children)
    .where(
      and(
        gte(children.dossierNumber, String(DEMO_DOSSIER_BASE)),
        lte(children.dossierNumber, String(DEMO_DOSSIER_BASE + 899_999)),
      ),
    );
  return row?.n ?? 0;
}

/** Adds up to `batch` children; returns the progress. One transaction. */
export async function growDemoBatch(
  db: Db,
  now: Date,
  today: string,
  target: number,
  batch = 2,
): Promise<GrowProgress> {
  return db.transaction(async (tx) => {
    const have = await demoChildren(tx);
    if (have >= target) return { children: have, target, done: true };
    // The current share version's first day bounds the arrival dates (decisions stay within one version).
    const [version] = await tx
      .select({ validFrom: shareVersions.validFrom })
      .from(shareVersions)
      .where(lte(shareVersions.validFrom, today))
      .orderBy(sql`${shareVersions.validFrom} desc`)
      .limit(1);
    // Arrivals from a month before that day (at most 400 days back) up to today, never later; the decisions from its
    // first day on (early in January the children who came over the holidays are decided on the first days).
    const validFrom = version?.validFrom ?? addDays(today, -300);
    const earliest = [addDays(validFrom, -30), addDays(today, -400)].sort().at(-1) ?? today;
    const span = dayDiff(earliest, today) + 1;
    const populations = await tx.select().from(population).where(eq(population.year, 2025));
    const byPopulation = weightedPicker(populations.map((p) => p.population));
    const actors = seedActors(tx, now, today);
    const officer = async (date: string) => actors.as('allocation_officer', null, date);
    const end = Math.min(target, have + batch);
    for (let index = have; index < end; index++) {
      const random = seededRandom(GROW_SEED + index);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
      const girl = random() < 0.2;
      const citizenship = pick(CITIZENSHIPS);
      const arrivalDate = addDays(earliest, Math.floor(random() * span));
      const age = 9 + Math.floor(random() * 9);
      const birthDate = minorOnArrival(
        `${Number(arrivalDate.slice(0, 4)) - age - 1}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
        arrivalDate,
      );
      const relative = random() < 0.17 ? (populations[byPopulation(random)]?.municipalityCode ?? null) : null;
      const arrival = pick(ARRIVAL_MUNICIPALITIES);
      const caller = await officer(arrivalDate);
      const { id, relativeAssessmentId } = await registerArrival(caller, {
        dossierNumber: String(DEMO_DOSSIER_BASE + index),
        firstName: pick(girl ? GIRLS : BOYS),
        lastName: pick(SURNAMES),
        nameVariants: [],
        birthDate,
        gender: girl ? 'female' : 'male',
        citizenship,
        languages: LANGUAGES[citizenship] ?? [],
        interpreterNeeded: random() < 0.9,
        protectedIdentity: random() < 0.005,
        whereabouts: null,
        arrivalMunicipalityCode: arrival,
        arrivalDate,
        siblingOfChildId: null,
        relative: relative === null ? null : demoRelative(relative, pick(RELATIONS), index),
        specialNeeds: random() < 0.1 ? 'Behöver traumabehandling' : null,
        wishes: random() < 0.3 ? 'Vill bo nära sin kusin och gå i skolan' : null,
        ageInDoubt: false,
      });
      await auditSeed(
        tx,
        'child.register',
        caller.actor.userId,
        caller.actor.organisationId,
        [id],
        caller.now,
      );
      const decidedOn =
        [addDays(arrivalDate, 1 + Math.floor(random() * 3)), validFrom].sort().at(-1) ?? validFrom;
      if (relativeAssessmentId !== null && relative !== null) {
        const outcome = random() < 0.8 ? 'suitable' : 'unsuitable';
        await recordAssessment(
          await actors.as('social_worker', relative, [addDays(arrivalDate, 1), today].sort()[0] ?? today),
          relativeAssessmentId,
          {
            outcome,
            note:
              outcome === 'suitable'
                ? 'Anhörig bedömd som lämplig (demodata)'
                : 'Anhörig inte lämplig (demodata)',
          },
        );
      }
      if (decidedOn > today) continue;
      const open = await tx
        .select({ id: relativeAssessments.id })
        .from(relativeAssessments)
        .where(and(eq(relativeAssessments.childId, id), sql`${relativeAssessments.outcome} is null`));
      if (open.length > 0) continue;
      const deciding = await officer(decidedOn);
      const { proposal } = await proposalFor(deciding, id);
      const row = await decide(deciding, {
        childId: id,
        municipalityCode: proposal.municipality.code,
        proposedCode: proposal.municipality.code,
        reason: null,
        considerations: {
          relatives: relative !== null ? 'Anhörig bedömd av socialtjänsten' : null,
          siblings: null,
          specialNeeds: null,
          childsWishes: 'Barnet vill bo nära släkt och börja skolan snart',
        },
        rule: 'quota',
      });
      await auditSeed(
        tx,
        'allocation.decide',
        deciding.actor.userId,
        deciding.actor.organisationId,
        row.childIds,
        deciding.now,
        { decisionId: row.id },
      );
      await seedCase(tx, actors, id, index, today, seededRandom(CASE_SEED + index));
    }
    crashPoint('growth');
    return { children: end, target, done: end >= target };
  });
}

function dayDiff(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
