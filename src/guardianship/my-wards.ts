/**
 * "Mina uppdrag": a god man's current wards and what the god man needs to act for each — basic data, where the child
 * lives (placement), school, coming meetings (asylum interviews, reviews of the care) and the languages to meet the
 * child in. Only the god man's own wards (the scope rule decides for each; identities as the presenters decide).
 */
import { and, eq, gt, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { childAccess } from '../domain/access/child-scope.ts';
import { forbidden } from '../platform/http/errors.ts';
import { lookupFor } from '../children/use-cases.ts';
import { type Caller } from '../case/caller.ts';
import { presentSummary, type ChildSummary } from '../children/present.ts';
import { emergencyGrantsFor, loadChildrenWithFacts } from '../children/repository.ts';
import {
  asylumCases,
  childIntake,
  deadlines,
  guardianships,
  placementProviders,
  placements,
  schoolEnrolments,
} from '../platform/db/schema.ts';

export interface Ward {
  readonly child: ChildSummary;
  readonly whereabouts: string | null;
  readonly since: string;
  readonly languages: readonly string[];
  readonly interpreterNeeded: boolean | null;
  readonly placement: {
    readonly provider: string;
    readonly form: string;
    readonly municipalityCode: string;
    readonly from: string;
  } | null;
  readonly school: {
    readonly school: string;
    readonly programme: string;
    readonly enrolledOn: string;
    readonly startedOn: string | null;
  } | null;
  readonly meetings: readonly { readonly kind: 'asylum_interview' | 'care_review'; readonly on: string }[];
}

export async function myWards(caller: Caller): Promise<Ward[]> {
  if (caller.actor.role !== 'god_man') throw forbidden();
  const { db, today } = caller;
  const links = await db
    .select({ childId: guardianships.childId, from: guardianships.fromDate })
    .from(guardianships)
    .where(
      and(
        eq(guardianships.guardianUserId, caller.actor.userId),
        lte(guardianships.fromDate, today),
        or(isNull(guardianships.toDate), gt(guardianships.toDate, today)),
      ),
    );
  const ids = [...new Set(links.map((l) => l.childId))];
  if (ids.length === 0) return [];
  const [loaded, grants, lookup, intake, placed, schools, asylum, reviews] = await Promise.all([
    loadChildrenWithFacts(db, ids),
    emergencyGrantsFor(db, caller.actor, caller.now),
    lookupFor(db, []),
    db.select().from(childIntake).where(inArray(childIntake.childId, ids)),
    db
      .select({
        childId: placements.childId,
        provider: placementProviders.name,
        form: placements.form,
        municipalityCode: placements.municipalityCode,
        from: placements.fromDate,
      })
      .from(placements)
      .innerJoin(placementProviders, eq(placementProviders.id, placements.providerId))
      .where(and(inArray(placements.childId, ids), isNull(placements.toDate))),
    db
      .select()
      .from(schoolEnrolments)
      .where(and(inArray(schoolEnrolments.childId, ids), isNull(schoolEnrolments.endedOn))),
    db
      .select({ childId: asylumCases.childId, interviews: asylumCases.interviewDates })
      .from(asylumCases)
      .where(inArray(asylumCases.childId, ids)),
    db
      .select({ childId: deadlines.childId, dueOn: deadlines.dueOn })
      .from(deadlines)
      .where(
        and(
          inArray(deadlines.childId, ids),
          eq(deadlines.rule, 'care-review'),
          isNull(deadlines.closedAt),
          gte(deadlines.dueOn, today),
        ),
      ),
  ]);
  const sinceOf = new Map(links.map((l) => [l.childId, l.from]));
  const wards: Ward[] = [];
  for (const { child, facts } of loaded) {
    const access = childAccess(caller.actor, facts, { today, now: caller.now, emergencyGrants: grants });
    if (access.basis !== 'guardian') continue;
    const visible = access.whereabouts === 'visible';
    const info = intake.find((i) => i.childId === child.id);
    const placement = visible ? placed.find((p) => p.childId === child.id) : undefined;
    const school = schools
      .filter((s) => s.childId === child.id)
      .sort((a, b) => b.enrolledOn.localeCompare(a.enrolledOn))[0];
    const interviews = (asylum.find((a) => a.childId === child.id)?.interviews ?? []).filter(
      (d) => d >= today,
    );
    wards.push({
      child: presentSummary(child, facts, access, today, lookup),
      whereabouts: visible && access.identity === 'visible' ? child.whereabouts : null,
      since: sinceOf.get(child.id) ?? today,
      languages: info?.languages ?? [],
      interpreterNeeded: info?.interpreterNeeded ?? null,
      placement:
        placement === undefined
          ? null
          : {
              provider: placement.provider,
              form: placement.form,
              municipalityCode: placement.municipalityCode,
              from: placement.from,
            },
      school:
        school === undefined
          ? null
          : {
              school: school.school,
              programme: school.programme,
              enrolledOn: school.enrolledOn,
              startedOn: school.startedOn,
            },
      meetings: [
        ...interviews.map((on) => ({ kind: 'asylum_interview' as const, on })),
        ...reviews
          .filter((r) => r.childId === child.id)
          .map((r) => ({ kind: 'care_review' as const, on: r.dueOn })),
      ].sort((a, b) => a.on.localeCompare(b.on)),
    });
  }
  wards.sort((a, b) => a.child.dossierNumber.localeCompare(b.child.dossierNumber));
  caller.audit.children(wards.map((w) => w.child.id));
  caller.audit.detail('shown', wards.length);
  return wards;
}
