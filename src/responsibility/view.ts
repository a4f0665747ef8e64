/**
 * The responsibility section of the child's page, as much as the caller may see: the responsible municipality's
 * social services (and the Migration Agency, read-only) see the periods, hand-over, transfers, turning 18 and the
 * changes to report; the municipality handing the child over only its own hand-over; a municipality party to an
 * open transfer request only that request. What the caller may do next comes with it (the server decides).
 */
import { MUNICIPAL_CASE_ROLES } from '../domain/access/roles.ts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { CHILD_VIEW_RANK } from '../domain/access/child-scope.ts';
import { arrivalDaysOfCare, onCallPlacementHolds } from '../domain/responsibility/handover.ts';
import { transferRelation } from '../domain/responsibility/transfer.ts';
import {
  reportedInTime,
  TURNING18_DECISION_OFFERED_FROM_AGE,
  turning18Dates,
} from '../domain/responsibility/turning18.ts';
import { ageOn } from '../domain/deadlines/calendar.ts';
import {
  caseEvents,
  changeReports,
  childIntake,
  handovers,
  placementProviders,
  placements,
  responsibilityTransfers,
  turning18Decisions,
} from '../platform/db/schema.ts';
import { machineStates } from '../case/engine.ts';
import { requireSection } from '../case/relation.ts';
import type { Lookup } from '../children/present.ts';
import { lookupFor } from '../children/use-cases.ts';
import { childInScope, type Caller } from '../case/caller.ts';
import { stepsFor } from '../case/steps.ts';
import { careStartOf, kindOf, periodsOf, responsibleOn } from './periods.ts';
import { requestSides } from './transfers.ts';
import { RESPONSIBILITY_STEPS, TRANSFER_STEPS } from './steps.ts';
import { isTransferable } from '../domain/responsibility/transfer.ts';

const MIGRATION_AGENCY = new Set(['allocation_officer', 'asylum_officer', 'compensation_officer']);

export async function responsibilityView(caller: Caller, childId: string) {
  const { child, access } = await childInScope(caller, childId);
  const level = await requireSection(
    caller.db,
    caller.actor,
    access,
    childId,
    caller.today,
    'responsibility',
    'read',
  );
  caller.audit.children([childId]);
  const codes = caller.actor.municipalityCodes;
  const municipal = MUNICIPAL_CASE_ROLES.includes(caller.actor.role);
  // The case (turning 18, changes to report) needs the basic view; where the child is (periods, hand-overs,
  // transfers) also needs the whereabouts, which a protected identity hides from the uncleared.
  const caseView = CHILD_VIEW_RANK[access.view] >= CHILD_VIEW_RANK.basic;
  const full = caseView && access.whereabouts === 'visible';
  const write = level === 'write';
  const [periods, states, handoverRows, transferRows, decisions] = await Promise.all([
    periodsOf(caller.db, childId),
    machineStates(caller.db, childId),
    caller.db.select().from(handovers).where(eq(handovers.childId, childId)),
    caller.db
      .select()
      .from(responsibilityTransfers)
      .where(eq(responsibilityTransfers.childId, childId))
      .orderBy(desc(responsibilityTransfers.requestedAt)),
    caseView
      ? caller.db
          .select()
          .from(turning18Decisions)
          .where(eq(turning18Decisions.childId, childId))
          .orderBy(desc(turning18Decisions.createdAt))
          .limit(1)
      : [],
  ]);
  const decision = decisions[0];
  // The assigned municipality's receipt of the child (recorded with or without a hand-over between municipalities).
  const [receipt] = full
    ? await caller.db
        .select({ on: caseEvents.occurredOn })
        .from(caseEvents)
        .where(
          and(
            eq(caseEvents.childId, childId),
            eq(caseEvents.machine, 'responsibility'),
            eq(caseEvents.event, 'acknowledge_receipt'),
          ),
        )
        .orderBy(desc(caseEvents.occurredOn), desc(caseEvents.recordedAt))
        .limit(1)
    : [];
  const lookup = await lookupFor(caller.db, [
    ...transferRows.map((r) => r.requestedBy),
    ...(decision === undefined ? [] : [decision.decidedBy]),
  ]);
  const muni = (code: string) => ({ code, name: lookup.municipalityName(code) });
  const responsible = responsibleOn(periods, caller.today);
  const state = states.get('responsibility') ?? {
    state: 'arrival_municipality',
    version: 0,
    municipalityCode: null,
  };
  const transferState = states.get('transfer') ?? { state: 'none', version: 0, municipalityCode: null };

  const visibleHandovers = full
    ? handoverRows
    : handoverRows.filter((h) => access.basis === 'former_municipality' && codes.includes(h.fromCode));
  const sides = requestSides(transferRows);
  const visibleTransfers = transferRows.filter(
    (r) => full || (r.status === 'requested' && (codes.includes(r.fromCode) || codes.includes(r.toCode))),
  );
  const onCall =
    full || visibleHandovers.length > 0
      ? await onCallPlacements(caller, childId, full ? null : codes, lookup)
      : [];
  const dates = turning18Dates(child.birthDate);
  const decidedBy = decision === undefined ? null : lookup.userName(decision.decidedBy);
  // The Migration Agency sees every report of the child; a municipality (or anyone not seeing the whereabouts) its own.
  const reports =
    caseView && (municipal || MIGRATION_AGENCY.has(caller.actor.role))
      ? await childReports(caller, childId, municipal || !full ? codes : null, lookup, municipal && write)
      : [];
  // Languages and interpreter need for those about to meet the child: its social services, or the municipality
  // that may take it over.
  const mayMeet =
    write ||
    visibleTransfers.some(
      (r) =>
        municipal &&
        r.status === 'requested' &&
        transferRelation(codes, {
          fromCode: r.fromCode,
          toCode: r.toCode,
          requestedBy: sides.get(r.id) ?? 'from',
        }) === 'answerer',
    );
  const [intake] = mayMeet
    ? await caller.db
        .select({ languages: childIntake.languages, interpreterNeeded: childIntake.interpreterNeeded })
        .from(childIntake)
        .where(eq(childIntake.childId, childId))
    : [];

  const handoverViews = visibleHandovers.map((h) => {
    const current = h.toCode === responsible;
    const arrivalDate = careStartOf(periods, h.fromCode) ?? h.movedOn ?? caller.today;
    return {
      id: h.id,
      from: muni(h.fromCode),
      // The municipality handing over sees where the child goes, unless the child's identity is protected from it.
      to: full || access.identity === 'visible' ? muni(h.toCode) : null,
      current,
      movedOn: h.movedOn,
      acknowledgedOn: h.acknowledgedOn,
      daysOfCare: arrivalDaysOfCare(
        { arrivalDate, movedOn: h.movedOn, acknowledgedOn: h.acknowledgedOn },
        caller.today,
      ),
      mayRecordMove:
        municipal &&
        current &&
        h.movedOn === null &&
        (codes.includes(h.fromCode) || (codes.includes(h.toCode) && write)),
    };
  });

  // The steps the caller may take now (src/case/steps.ts): the machine allows them for the role, and the municipality
  // stands where the step needs it — the responsible one to acknowledge receipt, either side of the current hand-over
  // to record the move (the municipality handing over from its own view), the responsible one for the rest; the
  // decision about responsibility after 18 from the 17th birthday.
  const decisionDue = ageOn(child.birthDate, caller.today) >= TURNING18_DECISION_OFFERED_FROM_AGE;
  const may: Readonly<Record<Parameters<typeof RESPONSIBILITY_STEPS.route>[0], boolean>> = {
    record_move: handoverViews.some((h) => h.mayRecordMove),
    acknowledge_receipt: write && responsible !== null && codes.includes(responsible),
    decide_continued: write && decisionDue,
    end_responsibility: write && decisionDue,
    end_aftercare: write && dates.birthday18 <= caller.today,
  };
  const steps = [
    ...stepsFor(caller, RESPONSIBILITY_STEPS, childId, state.state, municipal).filter(
      (step) => may[step.action],
    ),
    ...stepsFor(
      caller,
      TRANSFER_STEPS,
      childId,
      transferState.state,
      write && municipal && isTransferable(state.state),
    ),
  ];

  return {
    access: level,
    steps,
    responsibility: { state: state.state, version: state.version },
    transfer: { state: transferState.state, version: transferState.version },
    responsible: full && responsible !== null ? muni(responsible) : null,
    periods: full
      ? periods.map((p) => ({
          id: p.id,
          municipality: muni(p.municipalityCode),
          kind: kindOf(p.kind),
          from: p.fromDate,
          to: p.toDate,
          reason: p.reason,
          endReason: p.endReason,
        }))
      : null,
    handovers: handoverViews,
    onCallPlacements: onCall,
    receivedOn: receipt?.on ?? null,
    transfers: visibleTransfers.map((r) => {
      const side = sides.get(r.id) ?? 'from';
      const relation = municipal
        ? transferRelation(codes, { fromCode: r.fromCode, toCode: r.toCode, requestedBy: side })
        : 'none';
      const open = r.status === 'requested';
      return {
        id: r.id,
        from: muni(r.fromCode),
        to: muni(r.toCode),
        requestedBy: side,
        status: r.status,
        reason: r.reason,
        proposedFrom: r.proposedFrom,
        requestedAt: r.requestedAt.toISOString(),
        requestedByName: lookup.userName(r.requestedBy),
        answeredAt: r.answeredAt?.toISOString() ?? null,
        answerNote: r.answerNote,
        relation,
        mayAnswer: open && relation === 'answerer',
        mayWithdraw: open && relation === 'requester',
      };
    }),
    turning18: caseView
      ? {
          ...dates,
          age: ageOn(child.birthDate, caller.today),
          decision:
            decision === undefined
              ? null
              : {
                  decision: decision.decision === 'continue' ? ('continue' as const) : ('end' as const),
                  decidedOn: decision.decidedOn,
                  decidedBy,
                  continuedUntil: decision.continuedUntil,
                  reportedOn: decision.reportedOn,
                  reportedInTime:
                    decision.reportedOn === null
                      ? null
                      : reportedInTime(decision.reportedOn, child.birthDate),
                },
          mayRecordReported:
            write && municipal && decision?.decision === 'continue' && decision.reportedOn === null,
        }
      : null,
    changeReports: reports,
    interpreter:
      intake === undefined
        ? null
        : { languages: intake.languages, interpreterNeeded: intake.interpreterNeeded },
  };
}

async function onCallPlacements(
  caller: Caller,
  childId: string,
  onlyCodes: readonly string[] | null,
  names: Lookup,
) {
  const rows = await caller.db
    .select({ placement: placements, provider: placementProviders.name })
    .from(placements)
    .leftJoin(placementProviders, eq(placementProviders.id, placements.providerId))
    .where(
      and(
        eq(placements.childId, childId),
        eq(placements.onCall, true),
        onlyCodes === null ? undefined : inArray(placements.municipalityCode, [...onlyCodes, '']),
      ),
    )
    .orderBy(desc(placements.fromDate));
  return rows.map(({ placement, provider }) => ({
    id: placement.id,
    municipality: {
      code: placement.municipalityCode,
      name: names.municipalityName(placement.municipalityCode),
    },
    provider,
    from: placement.fromDate,
    validUntil: placement.validUntil,
    to: placement.toDate,
    holdsToday: onCallPlacementHolds(
      { from: placement.fromDate, validUntil: placement.validUntil, to: placement.toDate },
      caller.today,
    ),
  }));
}

async function childReports(
  caller: Caller,
  childId: string,
  onlyCodes: readonly string[] | null,
  names: Lookup,
  mayMark: boolean,
) {
  const rows = await caller.db
    .select()
    .from(changeReports)
    .where(
      and(
        eq(changeReports.childId, childId),
        onlyCodes === null ? undefined : inArray(changeReports.municipalityCode, [...onlyCodes, '']),
      ),
    )
    .orderBy(desc(changeReports.changedOn));
  return rows.map((r) => ({
    id: r.id,
    municipality: { code: r.municipalityCode, name: names.municipalityName(r.municipalityCode) },
    change: r.change,
    changedOn: r.changedOn,
    permitHolder: r.permitHolder,
    dueOn: r.dueOn,
    reportedOn: r.reportedOn,
    overdue: r.reportedOn === null && r.dueOn < caller.today,
    mayMarkReported: mayMark && r.reportedOn === null,
  }));
}
