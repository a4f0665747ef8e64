/**
 * What the guardianship section shows: the state, the current god man or special custodian (contact details for
 * those who work with them), the open request, the history with every end record, the SFV cases, the child's
 * languages and interpreter need (for whoever is about to meet the child), and the steps the caller may take now —
 * the server decides, the UI only reflects it.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Role } from '../domain/access/roles.ts';
import { guardianship } from '../domain/case/machines.ts';
import { machineState } from '../case/engine.ts';
import type { Caller } from '../case/caller.ts';
import type { Step } from '../case/contract.ts';
import { stepsFor } from '../case/steps.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  asylumCases,
  childIntake,
  deadlines,
  godManProfiles,
  guardianshipDetails,
  guardianshipRequests,
  guardianships,
  organisations,
  sfvCases,
  users,
} from '../platform/db/schema.ts';
import type { SectionAccess } from '../domain/access/case-sections.ts';
import type { AccessBasis } from '../domain/access/child-scope.ts';
import { guardianshipOf } from './scope.ts';
import { GUARDIANSHIP_STEPS } from './steps.ts';

/**
 * The steps the caller may take from `state` (the machine allows it for the role, the role holds the route's
 * permission, src/case/steps.ts). Each changes the guardianship case, so it needs the section's write level — except
 * the Migration Agency's asylum officer's request for a god man, made from its read view of the section.
 */
function stepsOffered(caller: Caller, childId: string, level: SectionAccess, state: string): Step[] {
  return stepsFor(caller, GUARDIANSHIP_STEPS, childId, state, true).filter(
    (step) =>
      level === 'write' || (step.event === 'request_god_man' && caller.actor.role === 'asylum_officer'),
  );
}

/** Those who work with the god man see how to reach them: social services, the authority, the Agency's asylum officer, the god man. */
function seesContact(role: Role, basis: AccessBasis): boolean {
  if (basis === 'emergency') return false;
  return ['social_worker', 'unit_manager', 'guardianship_officer', 'asylum_officer', 'god_man'].includes(
    role,
  );
}

async function historyOf(db: DbOrTx, childId: string) {
  return db
    .select({
      id: guardianships.id,
      userId: guardianships.guardianUserId,
      kind: guardianships.kind,
      from: guardianships.fromDate,
      to: guardianships.toDate,
      name: users.displayName,
      childHeard: guardianshipDetails.childHeard,
      endReason: guardianshipDetails.endReason,
      endByLaw: guardianshipDetails.endByLaw,
      endRecordedAt: guardianshipDetails.endRecordedAt,
    })
    .from(guardianships)
    .innerJoin(users, eq(users.id, guardianships.guardianUserId))
    .leftJoin(guardianshipDetails, eq(guardianshipDetails.guardianshipId, guardianships.id))
    .where(eq(guardianships.childId, childId))
    .orderBy(desc(guardianships.fromDate));
}

export async function guardianshipView(caller: Caller, childId: string) {
  const found = await guardianshipOf(caller, childId, 'read');
  const { db, actor, today } = caller;
  const [state, links, requests, sfv, intake, asylum, due] = await Promise.all([
    machineState(db, childId, guardianship),
    historyOf(db, childId),
    db
      .select({ request: guardianshipRequests, organisation: organisations.name })
      .from(guardianshipRequests)
      .innerJoin(organisations, eq(organisations.id, guardianshipRequests.requestedByOrganisationId))
      .where(eq(guardianshipRequests.childId, childId))
      .orderBy(desc(guardianshipRequests.requestedOn), desc(guardianshipRequests.createdAt)),
    db.select().from(sfvCases).where(eq(sfvCases.childId, childId)).orderBy(asc(sfvCases.createdAt)),
    db.select().from(childIntake).where(eq(childIntake.childId, childId)),
    db.select({ decision: asylumCases.decision }).from(asylumCases).where(eq(asylumCases.childId, childId)),
    db
      .select({ dueOn: deadlines.dueOn, closedAt: deadlines.closedAt, rule: deadlines.rule })
      .from(deadlines)
      .where(eq(deadlines.childId, childId)),
  ]);
  // Who the god man is tells where the child is: hidden with the whereabouts (protected identity, former municipality).
  const whereabouts = found.access.whereabouts === 'visible';
  const contact = whereabouts && seesContact(actor.role, found.access.basis);
  const currentLinks = links.filter((l) => l.from <= today && (l.to === null || l.to > today));
  const profiles =
    contact && currentLinks.length > 0
      ? await db
          .select()
          .from(godManProfiles)
          .where(
            inArray(
              godManProfiles.userId,
              currentLinks.map((l) => l.userId),
            ),
          )
      : [];
  const current = currentLinks.find((l) => l.kind === 'god_man');
  const profile = profiles.find((p) => p.userId === current?.userId);
  const openRequest = requests.find((r) => r.request.status === 'open');
  const appointedSfv = [...sfv].reverse().find((s) => s.status === 'appointed');
  caller.audit.children([childId]);
  return {
    state: state.state,
    version: state.version,
    steps: stepsOffered(caller, childId, found.level, state.state),
    languages: intake[0]?.languages ?? [],
    interpreterNeeded: intake[0]?.interpreterNeeded ?? null,
    birthDate: found.child.birthDate,
    permitHolder: asylum[0]?.decision === 'permanent_permit' || asylum[0]?.decision === 'temporary_permit',
    godMan:
      current === undefined
        ? null
        : {
            guardianshipId: current.id,
            name: whereabouts ? current.name : null,
            phone: contact ? (profile?.phone ?? null) : null,
            email: contact ? (profile?.email ?? null) : null,
            from: current.from,
          },
    specialCustodian:
      appointedSfv === undefined || state.state !== 'sfv_appointed'
        ? null
        : {
            name: whereabouts ? appointedSfv.custodianName : null,
            court: appointedSfv.court,
            decidedOn: appointedSfv.decidedOn,
            finalOn: appointedSfv.finalOn,
          },
    openRequest:
      openRequest === undefined
        ? null
        : {
            id: openRequest.request.id,
            requestedOn: openRequest.request.requestedOn,
            reason: openRequest.request.reason,
            requestedBy: openRequest.organisation,
            dueOn: due.find((d) => d.rule === 'god-man-appointment' && d.closedAt === null)?.dueOn ?? null,
          },
    // A link recorded before the request flow and replaced the same day by its appointment was never in force.
    history: links
      .filter((l) => !(l.childHeard === null && l.to === l.from))
      .map((l) => ({
        guardianshipId: l.id,
        kind: l.kind,
        name: whereabouts ? l.name : null,
        from: l.from,
        to: l.to,
        childHeard: l.childHeard,
        endReason: l.endReason,
        endByLaw: l.endByLaw,
        endRecordedAt: l.endRecordedAt?.toISOString() ?? null,
      })),
    requests: requests.map(({ request, organisation }) => ({
      id: request.id,
      requestedOn: request.requestedOn,
      reason: request.reason,
      status: request.status,
      requestedBy: organisation,
    })),
    sfvCases: sfv.map((s) => ({
      id: s.id,
      status: s.status,
      appliedOn: s.appliedOn,
      court: s.court,
      custodianName: whereabouts ? s.custodianName : null,
      decidedOn: s.decidedOn,
      finalOn: s.finalOn,
      notApplyingReason: s.notApplyingReason,
      // Free text about the child's family: for those who hold the guardianship case, not for readers.
      notApplyingNote: found.level === 'write' ? s.notApplyingNote : null,
    })),
  };
}
