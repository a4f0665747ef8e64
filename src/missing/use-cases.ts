/**
 * Children who go missing (issue 12, ADR 0025): the episodes of one child, from the report of an absence to the
 * return talk or a decided closure. Each episode has its own state (machine `missing_episode`) and version; its clocks
 * come from the routine that governed it when it opened (stored with it). Reached only through the child's `missing`
 * section (src/domain/access/case-sections.ts): social services of the responsible municipality record; the god man,
 * the guardianship authority and the Agency's asylum officer read.
 */
import { and, asc, desc, eq, inArray, isNull, lte, or, gt } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { countyOf } from '../domain/access/child-scope.ts';
import { hasPermission, MUNICIPAL_CASE_ROLES } from '../domain/access/roles.ts';
import { possibleSteps } from '../domain/case/steps.ts';
import { transition } from '../domain/case/machine.ts';
import {
  closureProblems,
  CLOSED_STATES,
  ENDED_STATES,
  missingEpisode,
  type Closure,
  type EpisodeState,
} from '../domain/missing/episode.ts';
import {
  absenceProblems,
  foundProblems,
  lvuAssessmentProblems,
  policeReportAtProblems,
  returnTalkProblems,
  strategyMeetingProblems,
  type AbsenceKind,
  type FoundRecord,
  type LvuAssessment,
  type RecordProblem,
  type ReturnTalk,
  type StrategyMeeting,
} from '../domain/missing/records.ts';
import { deadlines as deadlineRules } from '../domain/deadlines/rules.ts';
import { EMERGENCY_CARE_KINDS, emergencyCareRefusal } from '../domain/missing/emergency-care.ts';
import {
  defaultRoutine,
  earliestClosureNotFound,
  governingRoutine,
  notificationClocks,
  repeatRuleMet,
  returnTalkDue,
  routineOn,
  type MunicipalPolicy,
  type NotificationRecipient,
  type RegionalRoutine,
  type Span,
} from '../domain/missing/routine.ts';
import { ageOn, stockholmDate } from '../domain/time.ts';
import {
  guardianships,
  handovers,
  missingEmergencyCare,
  missingEpisodeEvents,
  missingEpisodes,
  missingNotifications,
  municipalities,
  municipalMissingPolicies,
  regionalRoutines,
  schoolEnrolments,
  users,
} from '../platform/db/schema.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { badRequest, conflict, forbidden, notFound, stale, unprocessable } from '../platform/http/errors.ts';
import { closeDeadlines, openDeadlines, saveBestInterests } from '../case/engine.ts';
import { requireCompleteBestInterests } from '../case/best-interests.ts';
import type { BestInterestsInput, Step } from '../case/contract.ts';
import { recordChangeReport } from '../case/change-reports.ts';
import { childContext, type ChildContext } from '../case/child-context.ts';
import type { Caller } from '../case/caller.ts';
import { assignedWorkersOf } from '../case/relation.ts';
import { notifyUsers, organisationsFor, usersWithRoles } from '../notifications/notify.ts';
import type { EpisodeSchema, MissingViewSchema } from './contract.ts';

export type MissingView = Answer<z.output<typeof MissingViewSchema>>;
type Episode = Answer<z.output<typeof EpisodeSchema>>;
type EpisodeRow = typeof missingEpisodes.$inferSelect;

/** The routine an episode keeps from the day it opened. */
interface StoredRoutine {
  readonly reference: string;
  readonly policyReference: string | null;
  readonly closureMinimum: Span;
  readonly returnTalkWithinHours: number;
  readonly repeat: { readonly episodes: number; readonly withinDays: number };
  readonly recipients: RegionalRoutine['recipients'];
}

const OPEN_SEARCH: readonly EpisodeState[] = ['missing', 'notified', 'active'];

const MESSAGES: Readonly<Record<RecordProblem['reason'], string>> = {
  required: 'Uppgiften behövs',
  in_the_future: 'Tidpunkten kan inte ligga i framtiden',
  before_last_seen: 'Tidpunkten kan inte ligga före när barnet senast sågs',
  before_found: 'Tidpunkten kan inte ligga före när barnet påträffades',
  before_search: 'Mötet kan inte ligga före polisanmälan som ledde till det',
  ground_required: 'Ange grunden enligt 2 eller 3 § LVU',
  ground_not_with_outcome: 'Ingen LVU-grund kan anges när bedömningen är att grund saknas',
  concrete_facts_required:
    'Beskriv de konkreta omständigheterna: vad som har iakttagits, när och av vem (en risk att barnet blir "gatubarn" räcker inte)',
};

const refuse = (problems: readonly RecordProblem[]) =>
  unprocessable(
    'missing_invalid',
    'The missing episode breaks a rule',
    problems.map((p) => ({ field: p.field, code: p.reason, message: MESSAGES[p.reason] })),
  );

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const foundAsSeen = (found: Episode['found'], whereaboutsVisible: boolean): Episode['found'] =>
  found === null || whereaboutsVisible ? found : { ...found, place: null };
/** The day the episode became a search (its police report), which the repeat rule and the strategy meeting count from. */
const searchDay = (row: EpisodeRow) => stockholmDate(row.policeReportedAt ?? row.reportedAt);

// ── Reading ──────────────────────────────────────────────────────────────────

const STEP_PATHS: readonly { action: string; event: string; path: string; fields: readonly string[] }[] = [
  { action: 'police_report', event: 'report_missing', path: 'police-report', fields: ['policeReference'] },
  { action: 'return', event: 'record_return', path: 'return', fields: [] },
  { action: 'follow_up', event: 'start_follow_up', path: 'follow-up', fields: [] },
  { action: 'review', event: 'record_review', path: 'review', fields: [] },
  { action: 'found', event: 'record_found', path: 'found', fields: ['place', 'foundBy', 'condition'] },
  { action: 'return_talk', event: 'record_return_talk', path: 'return-talk', fields: ['outcome'] },
  { action: 'complete', event: 'complete_return', path: 'complete', fields: ['placementReview'] },
  { action: 'close_not_found', event: 'close_not_found', path: 'close', fields: ['reason'] },
  { action: 'close_aged_out', event: 'close_aged_out', path: 'close', fields: ['reason'] },
  { action: 'close_left_country', event: 'close_left_country', path: 'close', fields: ['reason'] },
];

/**
 * D-R1: the one step an emergency grant offers — social services of a municipality where the child turned up record
 * the emergency care they give, while the search is open or the child found (src/missing/emergency-care.ts).
 */
function mayRecordEmergencyCare(caller: Caller, ctx: ChildContext, row: EpisodeRow): boolean {
  return (
    ctx.access.basis === 'emergency' &&
    hasPermission(caller.actor.role, 'missing:emergency-care') &&
    emergencyCareRefusal(
      { state: row.state as EpisodeState, municipalityCode: row.municipalityCode },
      caller.actor.municipalityCodes,
    ) === null
  );
}

function episodeSteps(caller: Caller, ctx: ChildContext, row: EpisodeRow): Step[] {
  const base = `/api/children/${encodeURIComponent(row.childId)}/missing/${row.id}`;
  if (mayRecordEmergencyCare(caller, ctx, row))
    return [
      {
        action: 'emergency_care',
        machine: missingEpisode.name,
        event: 'record_emergency_care',
        method: 'POST',
        path: `${base}/emergency-care`,
        needs: {
          date: null,
          bestInterests: false,
          decisionKind: null,
          fields: ['startedAt', 'place', 'care', 'description', 'contactName', 'contactPhone'],
        },
      },
    ];
  if (!ctx.writable || !hasPermission(caller.actor.role, 'missing:report')) return [];
  // Aged out only from the 18th birthday: before it the step is not offered (the rule would refuse it).
  const adult = ageOn(ctx.child.birthDate, caller.today) >= 18;
  const possible = possibleSteps(missingEpisode, row.state as EpisodeState, caller.actor.role).filter(
    (p) => p.event !== 'close_aged_out' || adult,
  );
  const steps: Step[] = STEP_PATHS.flatMap((s) => {
    const p = possible.find((q) => q.event === s.event);
    return p === undefined
      ? []
      : [
          {
            action: s.action,
            machine: missingEpisode.name,
            event: s.event,
            method: 'POST' as const,
            path: `${base}/${s.path}`,
            needs: {
              date: null,
              bestInterests: p.needs.bestInterests,
              decisionKind: p.needs.decisionKind,
              fields: [...s.fields],
            },
          },
        ];
  });
  // A child found after a closure: a new episode, linked to the closed one (never a reopening of the decision).
  if (CLOSED_STATES.includes(row.state as EpisodeState))
    steps.push({
      action: 'found_after_closure',
      machine: missingEpisode.name,
      event: 'record_found',
      method: 'POST',
      path: `${base}/found`,
      needs: {
        date: null,
        bestInterests: false,
        decisionKind: null,
        fields: ['place', 'foundBy', 'condition'],
      },
    });
  // The strategy meeting the repeat rule called (D13): recorded once, whatever the episode's state since.
  if (row.strategyMeetingDue && row.strategyMeeting === null && recordsFor(caller, ctx))
    steps.push({
      action: 'strategy_meeting',
      machine: missingEpisode.name,
      event: 'record_strategy_meeting',
      method: 'POST',
      path: `${base}/strategy-meeting`,
      needs: {
        date: null,
        bestInterests: false,
        decisionKind: null,
        fields: ['heldOn', 'participants', 'decisions'],
      },
    });
  // The LVU assessment is recorded at once, while the search is open (D4); it is not a step of the machine.
  if (
    OPEN_SEARCH.includes(row.state as EpisodeState) &&
    row.lvuAssessment === null &&
    recordsFor(caller, ctx)
  )
    steps.push({
      action: 'lvu',
      machine: missingEpisode.name,
      event: 'record_lvu_assessment',
      method: 'POST',
      path: `${base}/lvu`,
      needs: { date: null, bestInterests: false, decisionKind: null, fields: ['outcome', 'concreteFacts'] },
    });
  return steps;
}

async function episodesOf(db: DbOrTx, childId: string): Promise<EpisodeRow[]> {
  return db
    .select()
    .from(missingEpisodes)
    .where(eq(missingEpisodes.childId, childId))
    .orderBy(desc(missingEpisodes.reportedAt));
}

async function present(caller: Caller, ctx: ChildContext, rows: readonly EpisodeRow[]): Promise<Episode[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [notes, events, care] = await Promise.all([
    caller.db
      .select({
        n: missingNotifications,
        ackName: users.displayName,
      })
      .from(missingNotifications)
      .leftJoin(users, eq(users.id, missingNotifications.acknowledgedBy))
      .where(inArray(missingNotifications.episodeId, ids))
      .orderBy(asc(missingNotifications.dueAt), asc(missingNotifications.recipient)),
    caller.db
      .select()
      .from(missingEpisodeEvents)
      .where(inArray(missingEpisodeEvents.episodeId, ids))
      .orderBy(asc(missingEpisodeEvents.recordedAt)),
    emergencyCareFor(caller, ctx, ids),
  ]);
  const names = await caller.db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(
      inArray(municipalities.code, [
        ...new Set([...rows.map((r) => r.municipalityCode), ...care.map((c) => c.municipalityCode)]),
      ]),
    );
  const nameOf = (code: string) => names.find((m) => m.code === code)?.name ?? code;
  return rows.map((row) => {
    const routine = row.routine as StoredRoutine;
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      linkedToId: row.linkedToId,
      kind: row.kind as AbsenceKind,
      lastSeenAt: row.lastSeenAt.toISOString(),
      // A place tells where the child lives or stays: withheld from a reader who sees the identity masked.
      lastSeenPlace: ctx.whereaboutsVisible ? row.lastSeenPlace : null,
      reportedAt: row.reportedAt.toISOString(),
      reportedByRole: row.reportedByRole,
      municipality: { code: row.municipalityCode, name: nameOf(row.municipalityCode) },
      policeReference: row.policeReference,
      policeReportedAt: iso(row.policeReportedAt),
      earliestClosureOn: row.earliestClosureOn,
      lvuAssessment: row.lvuAssessment as Episode['lvuAssessment'],
      foundAt: iso(row.foundAt),
      found: foundAsSeen(row.found as Episode['found'], ctx.whereaboutsVisible),
      returnTalkDueAt: iso(row.returnTalkDueAt),
      returnTalk: row.returnTalk as Episode['returnTalk'],
      completion: row.completion as Episode['completion'],
      closedOn: row.closedOn,
      closureReason: row.closureReason,
      strategyMeetingDue: row.strategyMeetingDue,
      strategyMeetingDueOn: row.strategyMeetingDue ? deadlineRules.strategyMeeting(searchDay(row)).due : null,
      strategyMeeting: row.strategyMeeting as Episode['strategyMeeting'],
      routine: {
        reference: routine.reference,
        policyReference: routine.policyReference,
        closureMinimum: routine.closureMinimum,
        returnTalkWithinHours: routine.returnTalkWithinHours,
      },
      notifications: notes
        .filter(({ n }) => n.episodeId === row.id)
        .map(({ n, ackName }) => ({
          id: n.id,
          recipient: n.recipient as NotificationRecipient,
          dueAt: n.dueAt.toISOString(),
          escalateAt: n.escalateAt.toISOString(),
          sentAt: iso(n.sentAt),
          acknowledgedAt: iso(n.acknowledgedAt),
          acknowledgedBy: ackName ?? n.acknowledgedNote,
          notApplicable: n.notApplicable as Episode['notifications'][number]['notApplicable'],
          overdue: n.sentAt === null && n.dueAt.getTime() < caller.now.getTime(),
          escalated: n.acknowledgedAt === null && n.escalateAt.getTime() < caller.now.getTime(),
          ...notificationRights(caller, ctx, n),
        })),
      emergencyCare: care
        .filter((c) => c.episodeId === row.id)
        .map((c) => ({
          id: c.id,
          municipality: { code: c.municipalityCode, name: nameOf(c.municipalityCode) },
          startedAt: c.startedAt.toISOString(),
          endedAt: iso(c.endedAt),
          place: ctx.whereaboutsVisible ? c.place : null,
          care: EMERGENCY_CARE_KINDS.find((k) => k === c.care) ?? 'other',
          description: c.description,
          contactName: c.contactName,
          contactPhone: c.contactPhone,
          recordedAt: c.recordedAt.toISOString(),
        })),
      events: events
        .filter((e) => e.episodeId === row.id)
        .map((e) => ({
          event: e.event,
          toState: e.toState,
          occurredAt: e.occurredAt.toISOString(),
          actorRole: e.actorRole,
        })),
      steps: episodeSteps(caller, ctx, row),
    };
  });
}

/**
 * The emergency care recorded on the episodes (D-R1): all of it for the responsible municipality, its own for a
 * municipality that reaches the child through an emergency grant; nobody else reads it.
 */
async function emergencyCareFor(caller: Caller, ctx: ChildContext, episodeIds: readonly string[]) {
  const own = caller.actor.municipalityCodes;
  if (
    ctx.access.basis !== 'responsible_municipality' &&
    !(ctx.access.basis === 'emergency' && own.length > 0)
  )
    return [];
  return caller.db
    .select()
    .from(missingEmergencyCare)
    .where(
      and(
        inArray(missingEmergencyCare.episodeId, [...episodeIds]),
        ctx.access.basis === 'emergency'
          ? inArray(missingEmergencyCare.municipalityCode, [...own])
          : undefined,
      ),
    )
    .orderBy(asc(missingEmergencyCare.startedAt), asc(missingEmergencyCare.recordedAt));
}

/** Social services of the responsible municipality: they record the notifications and decide (not the provider). */
const recordsFor = (caller: Caller, ctx: ChildContext) =>
  ctx.writable && MUNICIPAL_CASE_ROLES.includes(caller.actor.role);

/** Whether the caller is the recipient of the notification (the god man, the guardianship authority, the worker). */
function ownRecipient(caller: Caller, ctx: ChildContext, recipient: string): boolean {
  return (
    (recipient === 'god_man' && ctx.access.basis === 'guardian') ||
    (recipient === 'guardianship_authority' && ctx.access.basis === 'guardianship_authority') ||
    (recipient === 'responsible_social_worker' && recordsFor(caller, ctx))
  );
}

function notificationRights(
  caller: Caller,
  ctx: ChildContext,
  n: typeof missingNotifications.$inferSelect,
): { maySend: boolean; mayAcknowledge: boolean; ownAcknowledgement: boolean } {
  const open = n.notApplicable === null;
  const own = ownRecipient(caller, ctx, n.recipient);
  return {
    maySend: open && n.sentAt === null && recordsFor(caller, ctx),
    mayAcknowledge: open && n.acknowledgedAt === null && (own || recordsFor(caller, ctx)),
    ownAcknowledgement: own,
  };
}

export async function view(caller: Caller, ctx: ChildContext): Promise<MissingView> {
  const rows = await episodesOf(caller.db, ctx.child.id);
  const open = rows.some((r) => !ENDED_STATES.includes(r.state as EpisodeState));
  const mayReport = ctx.writable && hasPermission(caller.actor.role, 'missing:report') && !open;
  return {
    child: ctx.meeting,
    episodes: await present(caller, ctx, rows),
    steps: mayReport
      ? [
          {
            action: 'report',
            machine: missingEpisode.name,
            event: 'report_absence',
            method: 'POST',
            path: `/api/children/${encodeURIComponent(ctx.child.id)}/missing`,
            needs: {
              date: null,
              bestInterests: false,
              decisionKind: null,
              fields: ['kind', 'lastSeenPlace'],
            },
          },
        ]
      : [],
  };
}

export async function readMissing(caller: Caller, childId: string): Promise<MissingView> {
  return view(caller, await childContext(caller, childId, 'missing', 'read'));
}

// ── The routine that governs a new episode ──────────────────────────────────

const spanOf = (value: unknown): Span | undefined => {
  const v = value as { months?: unknown; days?: unknown } | null;
  if (v !== null && typeof v.months === 'number') return { months: v.months };
  if (v !== null && typeof v.days === 'number') return { days: v.days };
  return undefined;
};

async function routineFor(db: DbOrTx, municipalityCode: string, today: string) {
  const countyCode = countyOf(municipalityCode);
  const [routineRows, policyRows] = await Promise.all([
    db.select().from(regionalRoutines).where(eq(regionalRoutines.countyCode, countyCode)),
    db
      .select()
      .from(municipalMissingPolicies)
      .where(eq(municipalMissingPolicies.municipalityCode, municipalityCode)),
  ]);
  const stored: (RegionalRoutine & { id: string })[] = routineRows.map((r) => ({
    id: r.id,
    countyCode: r.countyCode,
    validFrom: r.validFrom,
    validTo: r.validTo,
    reference: r.reference,
    recipients: r.recipients as RegionalRoutine['recipients'],
    closureMinimum: spanOf(r.closureMinimum) ?? { months: 3 },
    returnTalkWithinHours: r.returnTalkWithinHours,
    repeat: { episodes: r.repeatEpisodes, withinDays: r.repeatWithinDays },
  }));
  const policies: (MunicipalPolicy & { id: string })[] = policyRows.map((p) => {
    const closureMinimum = spanOf(p.closureMinimum);
    return {
      id: p.id,
      municipalityCode: p.municipalityCode,
      validFrom: p.validFrom,
      validTo: p.validTo,
      policyReference: p.policyReference,
      ...(closureMinimum === undefined ? {} : { closureMinimum }),
      ...(p.returnTalkWithinHours === null ? {} : { returnTalkWithinHours: p.returnTalkWithinHours }),
    };
  });
  const county = routineOn(stored, countyCode, today) as (RegionalRoutine & { id: string }) | null;
  const governing = governingRoutine(county ?? defaultRoutine(countyCode), policies, municipalityCode, today);
  const policy = policies.find((p) => p.policyReference === governing.policyReference) ?? null;
  return { countyCode, governing, routineId: county?.id ?? null, policyId: policy?.id ?? null };
}

// ── Steps ────────────────────────────────────────────────────────────────────

export async function lockEpisode(caller: Caller, childId: string, episodeId: string): Promise<EpisodeRow> {
  const [row] = await caller.db
    .select()
    .from(missingEpisodes)
    .where(and(eq(missingEpisodes.id, episodeId), eq(missingEpisodes.childId, childId)))
    .for('update');
  if (row === undefined) throw notFound([childId]);
  return row;
}

/**
 * The machine's table asked before the step's content is checked: a role the step is not for gets 403, and a state
 * the step is not possible from 409, whatever was filled in.
 */
function precheck(caller: Caller, row: EpisodeRow, event: string): void {
  // A role the table never names for the event is refused as such, whatever the state.
  if (!missingEpisode.transitions.some((t) => t.event === event && t.roles.includes(caller.actor.role)))
    throw forbidden([row.childId]);
  const result = transition(missingEpisode, row.state as EpisodeState, event as never, caller.actor.role);
  if (!result.ok) throw refusal(row, result);
}

/** 409 `stale` when the episode changed after the form was opened (no version given: nothing to compare). */
function ensureVersion(row: EpisodeRow, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== row.version)
    throw stale('Someone else changed this episode after you opened it', {
      machine: missingEpisode.name,
      state: row.state,
      version: row.version,
    });
}

/** The table's refusal as an answer: 403 for a role it does not name, 409 from a state it does not allow. */
function refusal(row: EpisodeRow, result: { readonly reason: string; readonly message: string }) {
  if (result.reason === 'role_may_not') return forbidden([row.childId]);
  if (result.reason === 'unknown_event') return badRequest('unknown_event', result.message);
  return conflict('transition_not_allowed', result.message, [
    {
      field: 'state',
      code: row.state,
      message: `Steget går inte att göra när avvikandet har status ${row.state}`,
    },
  ]);
}

/** Moves the episode by the machine's table (409 from a state it does not allow, 403 for a role it does not name). */
async function move(
  caller: Caller,
  row: EpisodeRow,
  event: string,
  occurredAt: Date,
  set: Partial<typeof missingEpisodes.$inferInsert>,
  options: { expectedVersion?: number; trigger?: 'system'; bestInterestsId?: string | null } = {},
): Promise<EpisodeRow> {
  const result = transition(
    missingEpisode,
    row.state as EpisodeState,
    event as never,
    options.trigger ?? caller.actor.role,
  );
  if (!result.ok) throw refusal(row, result);
  ensureVersion(row, options.expectedVersion);
  const [updated] = await caller.db
    .update(missingEpisodes)
    .set({ ...set, state: result.to, version: row.version + 1, updatedAt: caller.now })
    .where(eq(missingEpisodes.id, row.id))
    .returning();
  if (updated === undefined) throw new Error('episode not updated');
  await caller.db.insert(missingEpisodeEvents).values({
    episodeId: row.id,
    event,
    fromState: row.state,
    toState: result.to,
    occurredAt,
    recordedAt: caller.now,
    actorUserId: options.trigger === 'system' ? null : caller.actor.userId,
    actorOrganisationId: options.trigger === 'system' ? null : caller.actor.organisationId,
    actorRole: options.trigger ?? caller.actor.role,
    bestInterestsId: options.bestInterestsId ?? null,
  });
  caller.audit.detail('episodeId', row.id);
  caller.audit.detail('event', event);
  return updated;
}

async function writeContext(caller: Caller, childId: string): Promise<ChildContext> {
  return childContext(caller, childId, 'missing', 'write');
}

export interface AbsenceInput {
  readonly kind: AbsenceKind;
  readonly lastSeenAt: Date;
  readonly lastSeenPlace: string;
  readonly police?: { readonly reference: string; readonly reportedAt: Date } | undefined;
}

/** D1 (and D2 when the police report is made at once): the absence reported where the child lives. */
export async function reportAbsence(
  caller: Caller,
  childId: string,
  input: AbsenceInput,
): Promise<MissingView> {
  const ctx = await writeContext(caller, childId);
  if (ctx.responsible === null) throw notFound([childId]);
  const problems = absenceProblems(input, caller.now);
  if (input.police !== undefined)
    problems.push(...policeReportAtProblems(input.police, input.lastSeenAt, caller.now));
  if (problems.length > 0) throw refuse(problems);
  const earlier = await episodesOf(caller.db, childId);
  if (earlier.some((r) => !ENDED_STATES.includes(r.state as EpisodeState)))
    throw conflict('episode_open', 'The child already has an open missing episode', [
      { field: 'kind', code: 'episode_open', message: 'Barnet har redan ett pågående avvikande' },
    ]);
  const { countyCode, governing, routineId, policyId } = await routineFor(
    caller.db,
    ctx.responsible,
    caller.today,
  );
  const stored: StoredRoutine = {
    reference: governing.reference,
    policyReference: governing.policyReference,
    closureMinimum: governing.closureMinimum,
    returnTalkWithinHours: governing.returnTalkWithinHours,
    repeat: governing.repeat,
    recipients: governing.recipients,
  };
  const [row] = await caller.db
    .insert(missingEpisodes)
    .values({
      childId,
      state: missingEpisode.initial,
      version: 1,
      municipalityCode: ctx.responsible,
      countyCode,
      routineId,
      policyId,
      routine: stored,
      lastSeenAt: input.lastSeenAt,
      lastSeenPlace: input.lastSeenPlace.trim(),
      kind: input.kind,
      reportedAt: caller.now,
      reportedBy: caller.actor.userId,
      reportedByRole: caller.actor.role,
      updatedAt: caller.now,
    })
    .returning();
  if (row === undefined) throw new Error('episode not written');
  await caller.db.insert(missingEpisodeEvents).values({
    episodeId: row.id,
    event: 'report_absence',
    fromState: null,
    toState: row.state,
    occurredAt: input.lastSeenAt,
    recordedAt: caller.now,
    actorUserId: caller.actor.userId,
    actorOrganisationId: caller.actor.organisationId,
    actorRole: caller.actor.role,
  });
  caller.audit.detail('episodeId', row.id);
  if (input.police !== undefined) await policeReported(caller, row, input.police);
  return view(caller, ctx);
}

/**
 * D13: the repeat rule is asked as each episode becomes a search (the police report), over the child's searches by
 * the day of their police reports. When it is met, the episode says so and a strategy meeting becomes a task on the
 * responsible municipality's worklist (`missing-strategy-meeting`), closed when the meeting is recorded.
 */
async function askRepeatRule(caller: Caller, row: EpisodeRow, reportedOn: string): Promise<void> {
  const routine = row.routine as StoredRoutine;
  // An episode linked to a closed one (the child found after the closure) continues that search: not one of its own.
  const earlier = (await episodesOf(caller.db, row.childId)).flatMap((e) =>
    e.id !== row.id && e.linkedToId === null && e.policeReportedAt !== null
      ? [stockholmDate(e.policeReportedAt)]
      : [],
  );
  if (!repeatRuleMet([...earlier, reportedOn], routine.repeat)) return;
  // The kernel's deadlines: one open strategy meeting per child (a later call supersedes an earlier one).
  await openDeadlines(caller, row.childId, ['missing-strategy-meeting'], reportedOn, null);
  await caller.db
    .update(missingEpisodes)
    .set({ strategyMeetingDue: true })
    .where(eq(missingEpisodes.id, row.id));
}

/** D2–D3, D8: the police report makes it a search; every recipient of the routine gets a notification with a clock. */
async function policeReported(
  caller: Caller,
  row: EpisodeRow,
  police: { readonly reference: string; readonly reportedAt: Date },
  expectedVersion?: number,
): Promise<void> {
  const routine = row.routine as StoredRoutine;
  const reportedOn = stockholmDate(police.reportedAt);
  const moved = await move(
    caller,
    row,
    'report_missing',
    police.reportedAt,
    {
      kind: 'missing',
      policeReference: police.reference.trim(),
      policeReportedAt: police.reportedAt,
      earliestClosureOn: earliestClosureNotFound(reportedOn, routine.closureMinimum),
    },
    expectedVersion === undefined ? {} : { expectedVersion },
  );
  await askRepeatRule(caller, row, reportedOn);
  const clocks = notificationClocks(routine.recipients, police.reportedAt);
  const reach = await recipientsInAnvisa(caller, row);
  await caller.db.insert(missingNotifications).values(
    clocks.map((c) => {
      const r = reach[c.recipient];
      const automatic = c.recipient === 'police' || r.notApplicable !== null || r.userIds.length > 0;
      return {
        episodeId: row.id,
        recipient: c.recipient,
        municipalityCode: row.municipalityCode,
        dueAt: c.dueAt,
        escalateAt: c.escalateAt,
        sentAt: automatic ? (c.recipient === 'police' ? police.reportedAt : caller.now) : null,
        // The police report is the police's notification, acknowledged by its reference; nobody to notify needs none.
        acknowledgedAt:
          c.recipient === 'police' ? police.reportedAt : r.notApplicable !== null ? caller.now : null,
        acknowledgedNote:
          c.recipient === 'police' ? `Polisens diarienummer ${police.reference.trim()}` : null,
        notApplicable: r.notApplicable,
      };
    }),
  );
  for (const recipient of Object.values(reach))
    await notifyUsers(
      caller.db,
      recipient.userIds,
      'child_missing',
      row.childId,
      { episodeId: row.id, reportedAt: police.reportedAt.toISOString() },
      caller.now,
    );
  // D8 / D-R5: the end of responsibility because of absconding is reported to the Agency, with its deadline.
  await recordChangeReport(
    caller,
    row.childId,
    'absconding',
    stockholmDate(row.lastSeenAt),
    row.municipalityCode,
  );
  await allSentThenNotified(caller, moved);
}

interface Reach {
  readonly userIds: readonly string[];
  readonly notApplicable: 'same_municipality' | 'none_appointed' | 'not_enrolled' | null;
}

/** Who in Anvisa each recipient is (told in the app at once), or why there is nobody to tell. */
async function recipientsInAnvisa(
  caller: Caller,
  row: EpisodeRow,
): Promise<Record<NotificationRecipient, Reach>> {
  const childId = row.childId;
  const [workers, godMen, school, handover, guardianshipOrgs] = await Promise.all([
    assignedWorkersOf(caller.db, [childId], caller.today),
    caller.db
      .select({ userId: guardianships.guardianUserId })
      .from(guardianships)
      .where(
        and(
          eq(guardianships.childId, childId),
          lte(guardianships.fromDate, caller.today),
          or(isNull(guardianships.toDate), gt(guardianships.toDate, caller.today)),
        ),
      ),
    caller.db
      .select({ id: schoolEnrolments.id })
      .from(schoolEnrolments)
      .where(and(eq(schoolEnrolments.childId, childId), isNull(schoolEnrolments.endedOn))),
    caller.db
      .select({ fromCode: handovers.fromCode })
      .from(handovers)
      .where(and(eq(handovers.childId, childId), isNull(handovers.movedOn))),
    organisationsFor(caller.db, 'guardianship', row.municipalityCode),
  ]);
  const managers = await responsibleWorkers(caller, row, workers.get(childId) ?? []);
  const other = handover.map((h) => h.fromCode).find((code) => code !== row.municipalityCode);
  const otherUsers =
    other === undefined
      ? []
      : await usersWithRoles(caller.db, await organisationsFor(caller.db, 'social_services', other), [
          'unit_manager',
        ]);
  const officers = await usersWithRoles(caller.db, guardianshipOrgs, ['guardianship_officer']);
  const none: Reach = { userIds: [], notApplicable: null };
  return {
    responsible_social_worker: { userIds: managers, notApplicable: null },
    assigned_municipality:
      other === undefined
        ? { userIds: [], notApplicable: 'same_municipality' }
        : { userIds: otherUsers, notApplicable: null },
    migration_agency: none,
    god_man:
      godMen.length === 0
        ? { userIds: [], notApplicable: 'none_appointed' }
        : { userIds: godMen.map((g) => g.userId), notApplicable: null },
    guardianship_authority: { userIds: officers, notApplicable: null },
    police: none,
    school: school.length === 0 ? { userIds: [], notApplicable: 'not_enrolled' } : none,
  };
}

/**
 * The routine's "responsible social worker" in Anvisa: the child's assigned social workers today, or, when none is
 * assigned, the unit managers of the episode's (responsible) municipality.
 */
export async function responsibleWorkers(
  caller: Caller,
  row: Pick<EpisodeRow, 'childId' | 'municipalityCode'>,
  assigned?: readonly string[],
): Promise<readonly string[]> {
  const workers =
    assigned ?? (await assignedWorkersOf(caller.db, [row.childId], caller.today)).get(row.childId) ?? [];
  if (workers.length > 0) return workers;
  return usersWithRoles(
    caller.db,
    await organisationsFor(caller.db, 'social_services', row.municipalityCode),
    ['unit_manager'],
  );
}

/** When the last notification has gone out, the episode is `notified` (Anvisa records it, as the table says). */
async function allSentThenNotified(caller: Caller, row: EpisodeRow): Promise<void> {
  if (row.state !== 'missing') return;
  const unsent = await caller.db
    .select({ id: missingNotifications.id })
    .from(missingNotifications)
    .where(and(eq(missingNotifications.episodeId, row.id), isNull(missingNotifications.sentAt)))
    .limit(1);
  if (unsent.length === 0)
    await move(caller, row, 'notifications_sent', caller.now, {}, { trigger: 'system' });
}

export async function reportToPolice(
  caller: Caller,
  childId: string,
  episodeId: string,
  police: { readonly reference: string; readonly reportedAt: Date },
  expectedVersion: number,
): Promise<MissingView> {
  const ctx = await writeContext(caller, childId);
  const row = await lockEpisode(caller, childId, episodeId);
  precheck(caller, row, 'report_missing');
  const problems = policeReportAtProblems(police, row.lastSeenAt, caller.now);
  if (problems.length > 0) throw refuse(problems);
  await policeReported(caller, row, police, expectedVersion);
  return view(caller, ctx);
}

async function notificationOf(caller: Caller, row: EpisodeRow, notificationId: string) {
  const [n] = await caller.db
    .select()
    .from(missingNotifications)
    .where(and(eq(missingNotifications.id, notificationId), eq(missingNotifications.episodeId, row.id)))
    .for('update');
  if (n === undefined) throw notFound([row.childId]);
  return n;
}

/** A notification sent outside Anvisa (the Agency's e-service, the school, by phone): when. */
export async function markNotificationSent(
  caller: Caller,
  childId: string,
  episodeId: string,
  notificationId: string,
  sentAt: Date,
): Promise<MissingView> {
  const ctx = await writeContext(caller, childId);
  if (!recordsFor(caller, ctx)) throw forbidden([childId]);
  const row = await lockEpisode(caller, childId, episodeId);
  const n = await notificationOf(caller, row, notificationId);
  const problems: RecordProblem[] = [];
  if (sentAt.getTime() > caller.now.getTime()) problems.push({ field: 'sentAt', reason: 'in_the_future' });
  if (row.policeReportedAt !== null && sentAt.getTime() < row.lastSeenAt.getTime())
    problems.push({ field: 'sentAt', reason: 'before_last_seen' });
  if (problems.length > 0) throw refuse(problems);
  if (n.sentAt !== null)
    throw conflict('already_reported', 'The notification is already recorded as sent', [
      {
        field: 'sentAt',
        code: 'already_reported',
        message: 'Underrättelsen är redan registrerad som skickad',
      },
    ]);
  await caller.db
    .update(missingNotifications)
    .set({ sentAt, sentBy: caller.actor.userId })
    .where(eq(missingNotifications.id, n.id));
  caller.audit.detail('episodeId', row.id);
  caller.audit.detail('recipient', n.recipient);
  await allSentThenNotified(caller, row);
  return view(caller, ctx);
}

/**
 * The recipient's acknowledgement: the recipient in Anvisa acknowledges its own (the god man, the guardianship
 * authority, the responsible social worker); social services record one given outside Anvisa, with who gave it.
 */
export async function acknowledgeNotification(
  caller: Caller,
  childId: string,
  episodeId: string,
  notificationId: string,
  input: { readonly acknowledgedAt: Date; readonly by: string },
): Promise<MissingView> {
  const ctx = await childContext(caller, childId, 'missing', 'read');
  // Only social services who record, and the recipients themselves, acknowledge: nobody else reaches the row.
  const mayBeRecipient = ctx.access.basis === 'guardian' || ctx.access.basis === 'guardianship_authority';
  if (!recordsFor(caller, ctx) && !mayBeRecipient) throw forbidden([childId]);
  const row = await lockEpisode(caller, childId, episodeId);
  const n = await notificationOf(caller, row, notificationId);
  const own = ownRecipient(caller, ctx, n.recipient);
  if (!own && !recordsFor(caller, ctx)) throw forbidden([childId]);
  const problems: RecordProblem[] = [];
  if (input.acknowledgedAt.getTime() > caller.now.getTime())
    problems.push({ field: 'acknowledgedAt', reason: 'in_the_future' });
  if (!own && input.by.trim() === '') problems.push({ field: 'by', reason: 'required' });
  if (problems.length > 0) throw refuse(problems);
  if (n.acknowledgedAt !== null)
    throw conflict('already_reported', 'The notification is already acknowledged', [
      { field: 'acknowledgedAt', code: 'already_reported', message: 'Underrättelsen är redan kvitterad' },
    ]);
  await caller.db
    .update(missingNotifications)
    .set({
      acknowledgedAt: input.acknowledgedAt,
      acknowledgedBy: caller.actor.userId,
      acknowledgedNote: own ? null : input.by.trim(),
      sentAt: n.sentAt ?? input.acknowledgedAt,
      sentBy: n.sentBy ?? caller.actor.userId,
    })
    .where(eq(missingNotifications.id, n.id));
  caller.audit.detail('episodeId', row.id);
  caller.audit.detail('recipient', n.recipient);
  await allSentThenNotified(caller, row);
  return view(caller, await childContext(caller, childId, 'missing', 'read'));
}

/** D4: the LVU assessment, recorded once while the search is open. */
export async function recordLvuAssessment(
  caller: Caller,
  childId: string,
  episodeId: string,
  assessment: LvuAssessment,
  expectedVersion: number,
): Promise<MissingView> {
  const ctx = await writeContext(caller, childId);
  if (!recordsFor(caller, ctx)) throw forbidden([childId]);
  const row = await lockEpisode(caller, childId, episodeId);
  ensureVersion(row, expectedVersion);
  if (!OPEN_SEARCH.includes(row.state as EpisodeState) || row.lvuAssessment !== null)
    throw conflict(
      'transition_not_allowed',
      'The LVU assessment is recorded once, while the search is open',
      [
        {
          field: 'state',
          code: row.state,
          message: 'LVU-bedömningen registreras en gång, medan sökandet pågår',
        },
      ],
    );
  const problems = lvuAssessmentProblems(assessment);
  if (problems.length > 0) throw refuse(problems);
  await caller.db
    .update(missingEpisodes)
    .set({
      lvuAssessment: {
        outcome: assessment.outcome,
        grounds: [...assessment.grounds],
        concreteFacts: assessment.concreteFacts.trim(),
        decisionReference: assessment.decisionReference?.trim() || null,
        assessedAt: caller.now.toISOString(),
      },
      version: row.version + 1,
      updatedAt: caller.now,
    })
    .where(eq(missingEpisodes.id, row.id));
  caller.audit.detail('episodeId', row.id);
  caller.audit.detail('lvuOutcome', assessment.outcome);
  return view(caller, ctx);
}

/**
 * D13: the strategy meeting the repeat rule called, recorded once by social services — who took part, what was
 * decided, whether the care plan was reviewed. It is not a step of the machine (the episode may have ended since),
 * and it closes the task on the worklist.
 */
export async function recordStrategyMeeting(
  caller: Caller,
  childId: string,
  episodeId: string,
  meeting: StrategyMeeting,
  expectedVersion: number,
): Promise<MissingView> {
  const ctx = await writeContext(caller, childId);
  if (!recordsFor(caller, ctx)) throw forbidden([childId]);
  const row = await lockEpisode(caller, childId, episodeId);
  ensureVersion(row, expectedVersion);
  if (!row.strategyMeetingDue || row.strategyMeeting !== null)
    throw conflict('transition_not_allowed', 'No strategy meeting waits to be recorded for this episode', [
      {
        field: 'state',
        code: row.state,
        message: row.strategyMeetingDue
          ? 'Strategimötet är redan registrerat'
          : 'Rutinen kallar inte till något strategimöte för det här avvikandet',
      },
    ]);
  const problems = strategyMeetingProblems(meeting, searchDay(row), caller.today);
  if (problems.length > 0) throw refuse(problems);
  await caller.db
    .update(missingEpisodes)
    .set({
      strategyMeeting: {
        heldOn: meeting.heldOn,
        participants: meeting.participants.map((p) => p.trim()).filter((p) => p !== ''),
        decisions: meeting.decisions.trim(),
        carePlanReviewed: meeting.carePlanReviewed,
        recordedAt: caller.now.toISOString(),
      },
      version: row.version + 1,
      updatedAt: caller.now,
    })
    .where(eq(missingEpisodes.id, row.id));
  await closeDeadlines(caller, childId, ['missing-strategy-meeting'], null);
  caller.audit.detail('episodeId', row.id);
  return view(caller, ctx);
}

/** A step without data of its own: follow-up begun, reviewed (the monthly review), back from an absence. */
export async function simpleStep(
  caller: Caller,
  childId: string,
  episodeId: string,
  event: 'start_follow_up' | 'record_review' | 'record_return',
  expectedVersion: number,
  at?: Date,
): Promise<MissingView> {
  const ctx = await writeContext(caller, childId);
  const row = await lockEpisode(caller, childId, episodeId);
  precheck(caller, row, event);
  const when = at ?? caller.now;
  if (when.getTime() > caller.now.getTime()) throw refuse([{ field: 'returnedAt', reason: 'in_the_future' }]);
  if (when.getTime() < row.lastSeenAt.getTime())
    throw refuse([{ field: 'returnedAt', reason: 'before_last_seen' }]);
  await move(caller, row, event, when, event === 'record_review' ? { lastReviewedOn: caller.today } : {}, {
    expectedVersion,
  });
  return view(caller, ctx);
}

/** D10: found — or, after a closure, a new episode found and linked to the closed one. */
export async function recordFound(
  caller: Caller,
  childId: string,
  episodeId: string,
  found: FoundRecord,
  expectedVersion: number,
): Promise<MissingView> {
  const ctx = await writeContext(caller, childId);
  const row = await lockEpisode(caller, childId, episodeId);
  // After a closure the child found opens a new episode: the same people may record it as may record a find.
  precheck(
    caller,
    CLOSED_STATES.includes(row.state as EpisodeState) ? { ...row, state: 'active' } : row,
    'record_found',
  );
  const problems = foundProblems(found, row.lastSeenAt, caller.now);
  if (problems.length > 0) throw refuse(problems);
  const routine = row.routine as StoredRoutine;
  const set = {
    foundAt: found.foundAt,
    found: {
      place: found.place.trim(),
      foundBy: found.foundBy.trim(),
      condition: found.condition,
      crimeSuspected: found.crimeSuspected,
      crimeReportReference: found.crimeSuspected ? (found.crimeReportReference?.trim() ?? null) : null,
      harm: found.harm?.trim() || null,
    },
    returnTalkDueAt: returnTalkDue(found.foundAt, routine.returnTalkWithinHours),
  };
  if (CLOSED_STATES.includes(row.state as EpisodeState)) {
    ensureVersion(row, expectedVersion);
    const [linked] = await caller.db
      .insert(missingEpisodes)
      .values({
        ...set,
        childId,
        state: 'found',
        version: 1,
        municipalityCode: row.municipalityCode,
        countyCode: row.countyCode,
        linkedToId: row.id,
        routineId: row.routineId,
        policyId: row.policyId,
        routine: row.routine,
        lastSeenAt: row.lastSeenAt,
        lastSeenPlace: row.lastSeenPlace,
        kind: row.kind,
        reportedAt: caller.now,
        reportedBy: caller.actor.userId,
        reportedByRole: caller.actor.role,
        policeReference: row.policeReference,
        policeReportedAt: row.policeReportedAt,
        updatedAt: caller.now,
      })
      .returning({ id: missingEpisodes.id });
    if (linked === undefined) throw new Error('episode not written');
    await caller.db.insert(missingEpisodeEvents).values({
      episodeId: linked.id,
      event: 'record_found',
      fromState: null,
      toState: 'found',
      occurredAt: found.foundAt,
      recordedAt: caller.now,
      actorUserId: caller.actor.userId,
      actorOrganisationId: caller.actor.organisationId,
      actorRole: caller.actor.role,
    });
    caller.audit.detail('episodeId', linked.id);
    caller.audit.detail('linkedTo', row.id);
    return view(caller, ctx);
  }
  await move(caller, row, 'record_found', found.foundAt, set, { expectedVersion });
  return view(caller, ctx);
}

/**
 * D11: the return talk held, declined, or decided not to be held — with the child's own account and views, and a
 * complete best-interests record (issue 12, point 9): what the talk showed is weighed for the child's next steps.
 */
export async function recordReturnTalk(
  caller: Caller,
  childId: string,
  episodeId: string,
  talk: ReturnTalk & { readonly bestInterests?: BestInterestsInput | undefined },
  expectedVersion: number,
): Promise<MissingView> {
  const ctx = await writeContext(caller, childId);
  const row = await lockEpisode(caller, childId, episodeId);
  precheck(caller, row, 'record_return_talk');
  if (row.foundAt === null) throw refuse([{ field: 'at', reason: 'before_found' }]);
  const problems = returnTalkProblems(talk, row.foundAt, caller.now);
  if (problems.length > 0) throw refuse(problems);
  const record = requireCompleteBestInterests(talk.bestInterests);
  const bestInterestsId = await saveBestInterests(
    caller,
    childId,
    `${missingEpisode.name}.record_return_talk`,
    record,
  );
  await move(
    caller,
    row,
    'record_return_talk',
    talk.at,
    {
      returnTalk: {
        outcome: talk.outcome,
        at: talk.at.toISOString(),
        participants: talk.participants.map((p) => p.trim()).filter((p) => p !== ''),
        childsAccount: talk.childsAccount?.trim() || null,
        childsViews: talk.childsViews?.trim() || null,
        actions: talk.actions?.trim() || null,
        notHeldReason: talk.notHeldReason?.trim() || null,
      },
    },
    { expectedVersion, bestInterestsId },
  );
  return view(caller, ctx);
}

/** After the return talk, the placement reviewed: the episode ends as returned. */
export async function completeReturn(
  caller: Caller,
  childId: string,
  episodeId: string,
  input: { readonly placementReview: 'continues' | 'change_needed'; readonly note: string | null },
  expectedVersion: number,
): Promise<MissingView> {
  const ctx = await writeContext(caller, childId);
  const row = await lockEpisode(caller, childId, episodeId);
  precheck(caller, row, 'complete_return');
  await move(
    caller,
    row,
    'complete_return',
    caller.now,
    { completion: { placementReview: input.placementReview, note: input.note?.trim() || null } },
    { expectedVersion },
  );
  return view(caller, ctx);
}

/**
 * D12 / D-R2 / D-R3: a closure is a decision with a reason, a decider and a best-interests record; not found only from
 * the governing minimum after the police report (409 naming the rule and the first possible day).
 */
export async function closeEpisode(
  caller: Caller,
  childId: string,
  episodeId: string,
  input: {
    readonly closure: Closure;
    readonly reason: string;
    readonly bestInterests?: BestInterestsInput | undefined;
  },
  expectedVersion: number,
): Promise<MissingView> {
  const ctx = await writeContext(caller, childId);
  const row = await lockEpisode(caller, childId, episodeId);
  precheck(caller, row, input.closure);
  const routine = row.routine as StoredRoutine;
  const problems = closureProblems(input.closure, {
    today: caller.today,
    reason: input.reason,
    decidedBy: caller.actor.userId,
    policeReportedOn: row.policeReportedAt === null ? caller.today : stockholmDate(row.policeReportedAt),
    closureMinimum: routine.closureMinimum,
    birthDate: ctx.child.birthDate,
  });
  const early = problems.find((p) => p.reason === 'before_closure_minimum');
  if (early !== undefined) {
    const minimum =
      'months' in routine.closureMinimum
        ? `${routine.closureMinimum.months} månader`
        : `${routine.closureMinimum.days} dagar`;
    throw conflict(
      'closure_before_minimum',
      `An episode may be closed as not found from ${early.earliest ?? ''} (the routine's minimum from the police report)`,
      [
        {
          field: 'closure',
          code: 'before_closure_minimum',
          message: `Rutinen kräver minst ${minimum} från polisanmälan innan avvikandet avslutas som ej återfunnet: tidigast ${early.earliest ?? ''}`,
        },
      ],
    );
  }
  const rest = problems.filter((p) => p.reason !== 'before_closure_minimum');
  if (rest.length > 0)
    throw unprocessable(
      'missing_invalid',
      'The closure breaks a rule',
      rest.map((p) => ({
        field: p.field,
        code: p.reason,
        message: p.reason === 'not_yet_18' ? 'Barnet har inte fyllt 18 år' : 'Uppgiften behövs',
      })),
    );
  const record = requireCompleteBestInterests(input.bestInterests);
  const occurred = caller.now;
  const bestInterestsId = await saveBestInterests(
    caller,
    childId,
    `${missingEpisode.name}.${input.closure}`,
    record,
  );
  await move(
    caller,
    row,
    input.closure,
    occurred,
    {
      closedOn: caller.today,
      closureReason: input.reason.trim(),
      closedBy: caller.actor.userId,
      bestInterestsId,
    },
    { expectedVersion, bestInterestsId },
  );
  return view(caller, ctx);
}
