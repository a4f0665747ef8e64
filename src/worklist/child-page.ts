/**
 * The top of the child's page: the overview (each sub-process's current state the role may read, who is responsible
 * and the people around the child, the open deadlines with their rule and source, interpreter need and languages,
 * coming meetings) and the timeline of every event of the child's case, each part filtered by section access.
 */
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  currentResponsibleMunicipality,
  isActiveOn,
  journalEntryVisible,
} from '../domain/access/child-scope.ts';
import type { CaseSection, SectionAccess } from '../domain/access/case-sections.ts';
import { MACHINES } from '../domain/case/machines.ts';
import { DEADLINE_RULES } from '../domain/deadlines/rules.ts';
import { stockholmDate } from '../domain/time.ts';
import {
  anvisningDecisions,
  asylumCases,
  caseEvents,
  caseStates,
  caseWorkers,
  childIntake,
  childMerges,
  children,
  counties,
  deadlines,
  fieldChanges,
  journalEntries,
  placementProviders,
  socialCases,
  users,
} from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { hasPermission } from '../domain/access/roles.ts';
import type { ChildDetail } from '../children/contract.ts';
import { FIRST_VIEW_TIMELINE_PAGE_SIZE } from '../domain/worklist/first-view.ts';
import type { MergedPointer } from '../case/caller.ts';
import { sectionsFor } from '../case/relation.ts';
import { lookupFor, readChildIn, type ChildInScope } from '../children/use-cases.ts';
import { childInScope, type Caller } from '../case/caller.ts';
import { isDeadlineRule, ownedBy, sectionOfRule, timeLeft } from '../domain/worklist/scope.ts';
import type { RiskMoment } from '../domain/missing/risk-moments.ts';
import { riskMomentsOf } from './risk-moments.ts';

/** The section each machine's state belongs to. */
const MACHINE_SECTIONS: Readonly<Record<string, CaseSection>> = {
  responsibility: 'responsibility',
  transfer: 'responsibility',
  social_case: 'social_case',
  placement: 'placement',
  school: 'school',
  health: 'health',
  guardianship: 'guardianship',
  asylum: 'asylum',
  age: 'age',
};
export const sectionOfMachine = (machine: string): CaseSection => MACHINE_SECTIONS[machine] ?? 'timeline';

const readable = (sections: Record<CaseSection, SectionAccess>, section: CaseSection) =>
  sections[section] !== 'none';

export interface Overview {
  readonly childId: string;
  readonly machines: readonly {
    machine: string;
    state: string;
    version: number;
    section: CaseSection;
    since: string | null;
  }[];
  readonly responsible: {
    readonly municipality: { code: string; name: string };
    readonly kind: string;
    readonly from: string;
  } | null;
  readonly people: {
    readonly socialWorkers: readonly { name: string; role: string }[] | null;
    readonly guardians: readonly { name: string; kind: string; from: string }[] | null;
    readonly region: { readonly code: string; readonly name: string } | null;
  };
  readonly deadlines: readonly {
    id: string;
    rule: string;
    title: string;
    source: string;
    dueOn: string;
    overdue: boolean;
    daysLeft: number;
    countsWorkingDays: boolean;
    /** The part of the case the deadline is about (where the step is taken on the child's page). */
    section: CaseSection;
    /** Who must act: the kind of actor, its municipality, and the person it is assigned to, if anyone. */
    holder: { actor: string; municipality: { code: string; name: string } | null; assignee: string | null };
    /** Whether the deadline is the caller's organisation's to act on (as on the worklist). */
    yours: boolean;
  }[];
  readonly interpreter: { readonly needed: boolean; readonly languages: readonly string[] } | null;
  readonly meetings: readonly { kind: 'asylum_interview' | 'care_review'; on: string }[];
  readonly riskMoments: readonly RiskMoment[] | null;
}

export async function readOverview(caller: Caller, childId: string): Promise<Overview> {
  const scoped = await childInScope(caller, childId);
  return overviewIn(caller, scoped, await sectionsOf(caller, scoped));
}

type Sections = Awaited<ReturnType<typeof sectionsFor>>;
const sectionsOf = (caller: Caller, scoped: ChildInScope): Promise<Sections> =>
  sectionsFor(caller.db, caller.actor, scoped.access, scoped.child.id, caller.today);

/** The overview of a child already found in scope, with its readable sections. */
async function overviewIn(caller: Caller, scoped: ChildInScope, sections: Sections): Promise<Overview> {
  const { facts, access } = scoped;
  const childId = scoped.child.id;
  const [states, events, open, intake, asylum, lookup] = await Promise.all([
    caller.db
      .select({ machine: caseStates.machine, state: caseStates.state, version: caseStates.version })
      .from(caseStates)
      .where(eq(caseStates.childId, childId)),
    caller.db
      .select({ machine: caseEvents.machine, occurredOn: sql<string>`max(${caseEvents.occurredOn})` })
      .from(caseEvents)
      .where(eq(caseEvents.childId, childId))
      .groupBy(caseEvents.machine),
    caller.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.childId, childId), isNull(deadlines.closedAt)))
      .orderBy(asc(deadlines.dueOn), asc(deadlines.rule)),
    caller.db
      .select({ needed: childIntake.interpreterNeeded, languages: childIntake.languages })
      .from(childIntake)
      .where(eq(childIntake.childId, childId)),
    caller.db
      .select({ dates: asylumCases.interviewDates })
      .from(asylumCases)
      .where(eq(asylumCases.childId, childId)),
    lookupFor(
      caller.db,
      facts.guardians.map((g) => g.userId),
    ),
  ]);
  const assigneeIds = [
    ...new Set(open.flatMap((d) => (d.assigneeUserId === null ? [] : [d.assigneeUserId]))),
  ];
  const assignees = new Map(
    (assigneeIds.length === 0
      ? []
      : await caller.db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, assigneeIds))
    ).map((u) => [u.id, u.name]),
  );
  const current = new Map(states.map((r) => [r.machine, r]));
  const since = new Map(events.map((e) => [e.machine, e.occurredOn]));
  const machines = MACHINES.filter((m) => readable(sections, sectionOfMachine(m.name))).map((m) => {
    const row = current.get(m.name);
    return {
      machine: m.name,
      state: row?.state ?? m.initial,
      version: row?.version ?? 0,
      section: sectionOfMachine(m.name),
      since: since.get(m.name) ?? null,
    };
  });

  const whereabouts = access.whereabouts === 'visible';
  const code = whereabouts ? currentResponsibleMunicipality(facts, caller.today) : null;
  const period =
    code === null
      ? undefined
      : facts.responsibility.find((p) => p.municipalityCode === code && isActiveOn(p, caller.today));
  const responsible =
    code === null || period === undefined || !readable(sections, 'responsibility')
      ? null
      : { municipality: { code, name: lookup.municipalityName(code) }, kind: period.kind, from: period.from };

  const socialWorkers = readable(sections, 'social_case') ? await workersOf(caller, childId) : null;
  const guardians =
    whereabouts && (readable(sections, 'guardianship') || access.basis === 'guardian')
      ? facts.guardians
          .filter((g) => isActiveOn(g, caller.today))
          .map((g) => ({ name: lookup.userName(g.userId), kind: g.kind, from: g.from }))
      : null;
  const region = code === null || responsible === null ? null : await regionOf(caller, code.slice(0, 2));

  const shownDeadlines = open
    .filter((d) => readable(sections, sectionOfRule(d.rule)))
    .map((d) => {
      const left = timeLeft(d.rule, caller.today, d.dueOn);
      const rule = isDeadlineRule(d.rule) ? DEADLINE_RULES[d.rule] : null;
      return {
        id: d.id,
        rule: d.rule,
        title: rule?.title ?? 'Tidsfrist',
        source: rule?.source ?? '',
        dueOn: d.dueOn,
        overdue: left.overdue,
        daysLeft: left.days,
        countsWorkingDays: left.workingDays,
        section: sectionOfRule(d.rule),
        holder: {
          actor: d.actorKind,
          municipality:
            d.municipalityCode === null
              ? null
              : { code: d.municipalityCode, name: lookup.municipalityName(d.municipalityCode) },
          assignee: d.assigneeUserId === null ? null : (assignees.get(d.assigneeUserId) ?? null),
        },
        yours: ownedBy(caller.actor, { ...d, childId }),
      };
    });

  const meetings: Overview['meetings'][number][] = [];
  if (readable(sections, 'appointments') || readable(sections, 'asylum')) {
    for (const on of asylum[0]?.dates ?? [])
      if (on >= caller.today) meetings.push({ kind: 'asylum_interview', on });
  }
  if (readable(sections, 'appointments')) {
    for (const d of open)
      if (d.rule === 'care-review' && d.dueOn >= caller.today)
        meetings.push({ kind: 'care_review', on: d.dueOn });
  }
  meetings.sort((a, b) => a.on.localeCompare(b.on));

  const riskMoments = readable(sections, 'missing_profile')
    ? ((await riskMomentsOf(caller.db, [scoped], caller.today)).get(childId) ?? [])
    : null;

  caller.audit.children([childId]);
  caller.audit.detail('part', 'overview');
  return {
    childId,
    machines,
    responsible,
    people: { socialWorkers, guardians, region },
    deadlines: shownDeadlines,
    interpreter:
      intake[0] === undefined ? null : { needed: intake[0].needed, languages: intake[0].languages },
    meetings,
    riskMoments,
  };
}

async function workersOf(caller: Caller, childId: string) {
  const rows = await caller.db
    .select({ name: users.displayName, role: caseWorkers.role })
    .from(caseWorkers)
    .innerJoin(socialCases, eq(socialCases.id, caseWorkers.socialCaseId))
    .innerJoin(users, eq(users.id, caseWorkers.userId))
    .where(
      and(
        eq(socialCases.childId, childId),
        isNull(socialCases.closedOn),
        sql`${caseWorkers.fromDate} <= ${caller.today}`,
        or(isNull(caseWorkers.toDate), sql`${caseWorkers.toDate} > ${caller.today}`),
      ),
    )
    .orderBy(asc(caseWorkers.role), asc(users.displayName));
  return rows;
}

async function regionOf(caller: Caller, countyCode: string) {
  const [county] = await caller.db
    .select({ code: counties.code, name: counties.shortName })
    .from(counties)
    .where(eq(counties.code, countyCode));
  return county === undefined ? null : { code: county.code, name: `Region ${county.name}` };
}

// ── The timeline ──────────────────────────────────────────────────────────────

export type TimelineKind =
  'arrival' | 'anvisning' | 'transition' | 'note' | 'record_edited' | 'merged' | 'unmerged';

export interface TimelineEvent {
  readonly id: string;
  readonly kind: TimelineKind;
  /** The date the event took effect. */
  readonly on: string;
  /** When it was recorded (ISO instant), for the order of events on the same day. */
  readonly recordedAt: string;
  readonly section: CaseSection | null;
  readonly machine: string | null;
  readonly event: string | null;
  readonly fromState: string | null;
  readonly toState: string | null;
  readonly municipality: { readonly code: string; readonly name: string } | null;
  readonly actorRole: string | null;
  /** Ids, codes and dates only (never free text). */
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

function safeDetails(details: unknown): TimelineEvent['details'] {
  if (typeof details !== 'object' || details === null) return {};
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(details as Record<string, unknown>)) {
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) out[key] = value;
    else if (typeof value === 'string' && /^[\w.:-]{1,64}$/.test(value)) out[key] = value;
  }
  return out;
}

/**
 * The names behind the ids of the events' details: providers (only where the role may see whereabouts) and god men.
 * Two lookups for the page, never one per event.
 */
async function namesInDetails(
  caller: Caller,
  details: readonly TimelineEvent['details'][],
  whereabouts: boolean,
): Promise<Map<string, string>> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const ids = (key: string) => [
    ...new Set(
      details.flatMap((d) => {
        const value = d[key];
        return typeof value === 'string' && uuid.test(value) ? [value] : [];
      }),
    ),
  ];
  const providerIds = whereabouts ? ids('providerId') : [];
  const guardianIds = ids('guardianUserId');
  const providers =
    providerIds.length === 0
      ? []
      : await caller.db
          .select({ id: placementProviders.id, name: placementProviders.name })
          .from(placementProviders)
          .where(inArray(placementProviders.id, providerIds));
  const guardians =
    guardianIds.length === 0
      ? []
      : await caller.db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, guardianIds));
  return new Map([...providers, ...guardians].map((r) => [r.id, r.name]));
}

const base = {
  section: null,
  machine: null,
  event: null,
  fromState: null,
  toState: null,
  municipality: null,
  actorRole: null,
  details: {},
} as const;

/** Every event of the child's case the role may see, newest first, a page at a time. */
export async function readTimeline(
  caller: Caller,
  childId: string,
  page: { readonly page: number; readonly pageSize: number },
): Promise<{ total: number; items: TimelineEvent[] }> {
  const scoped = await childInScope(caller, childId);
  const sections = await sectionsOf(caller, scoped);
  if (!readable(sections, 'timeline')) throw notFound([childId]);
  return timelineIn(caller, scoped, sections, page);
}

/** The timeline of a child already found in scope whose timeline section is readable. */
async function timelineIn(
  caller: Caller,
  scoped: ChildInScope,
  sections: Sections,
  page: { readonly page: number; readonly pageSize: number },
): Promise<{ total: number; items: TimelineEvent[] }> {
  const { facts, access } = scoped;
  const childId = scoped.child.id;
  // Records merged into this one: their anvisning decisions name their own ids.
  const merged = await caller.db
    .select({ id: children.id })
    .from(children)
    .where(eq(children.mergedIntoId, childId));
  const ids = [childId, ...merged.map((m) => m.id)];
  const lookup = await lookupFor(caller.db, []);
  const where = access.whereabouts === 'visible';
  const muni = (code: string | null) =>
    code === null || !where ? null : { code, name: lookup.municipalityName(code) };
  const events: TimelineEvent[] = [];

  if (readable(sections, 'responsibility')) {
    for (const p of facts.responsibility.filter((r) => r.kind === 'arrival' && r.from <= caller.today)) {
      events.push({
        ...base,
        id: `arrival:${p.from}:${p.municipalityCode}`,
        kind: 'arrival',
        on: p.from,
        recordedAt: `${p.from}T00:00:00.000Z`,
        section: 'responsibility',
        municipality: muni(p.municipalityCode),
      });
    }
    const decisions = await caller.db
      .select({
        id: anvisningDecisions.id,
        kind: anvisningDecisions.kind,
        code: anvisningDecisions.municipalityCode,
        on: anvisningDecisions.decidedOn,
        at: anvisningDecisions.decidedAt,
        supersedes: anvisningDecisions.supersedesId,
      })
      .from(anvisningDecisions)
      .where(
        sql`${anvisningDecisions.childIds} && array[${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}]::uuid[]`,
      );
    for (const d of decisions) {
      events.push({
        ...base,
        id: `anvisning:${d.id}`,
        kind: 'anvisning',
        on: d.on,
        recordedAt: d.at.toISOString(),
        section: 'responsibility',
        municipality: muni(d.code),
        actorRole: 'allocation_officer',
        details: { decisionId: d.id, decisionKind: d.kind, correction: d.supersedes !== null },
      });
    }
  }

  const machines = MACHINES.map((m) => m.name).filter((m) => readable(sections, sectionOfMachine(m)));
  if (machines.length > 0) {
    const rows = await caller.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.childId, childId), inArray(caseEvents.machine, machines)))
      .orderBy(desc(caseEvents.occurredOn), desc(caseEvents.recordedAt));
    const parsed = rows.map((e) => ({ e, details: { ...safeDetails(e.details) } }));
    const names = await namesInDetails(
      caller,
      parsed.map((p) => p.details),
      where,
    );
    for (const { e, details } of parsed) {
      // Who or where the step was about, by name: the placement's provider (whereabouts), the appointed god man.
      const provider = typeof details.providerId === 'string' ? names.get(details.providerId) : undefined;
      if (provider !== undefined) details.providerName = provider;
      const guardian =
        typeof details.guardianUserId === 'string' ? names.get(details.guardianUserId) : undefined;
      if (guardian !== undefined) details.guardianName = guardian;
      events.push({
        id: `event:${e.id}`,
        kind: 'transition',
        on: e.occurredOn,
        recordedAt: e.recordedAt.toISOString(),
        section: sectionOfMachine(e.machine),
        machine: e.machine,
        event: e.event,
        fromState: e.fromState,
        toState: e.toState,
        municipality: null,
        actorRole: e.actorRole,
        // Municipality codes and providers in the details are whereabouts: hidden where the role may not see them.
        details: where
          ? details
          : Object.fromEntries(
              Object.entries(details).filter(([k]) => !/municipality|code|provider/i.test(k)),
            ),
      });
    }
  }

  if (readable(sections, 'personakt') && access.journal !== 'none') {
    const notes = await caller.db
      .select({
        id: journalEntries.id,
        kind: journalEntries.kind,
        on: journalEntries.occurredOn,
        at: journalEntries.createdAt,
        owner: journalEntries.ownerOrganisationId,
      })
      .from(journalEntries)
      .where(eq(journalEntries.childId, childId));
    for (const n of notes.filter((x) => journalEntryVisible(access, caller.actor, x.owner))) {
      const at = n.at.toISOString();
      events.push({
        ...base,
        id: `note:${n.id}`,
        kind: 'note',
        on: n.on ?? at.slice(0, 10),
        recordedAt: at,
        section: 'personakt',
        details: { noteKind: n.kind },
      });
    }
  }

  const edits = await caller.db
    .select({ at: fieldChanges.changedAt, field: fieldChanges.field, entity: fieldChanges.entity })
    .from(fieldChanges)
    .where(eq(fieldChanges.childId, childId));
  const byInstant = new Map<string, string[]>();
  for (const e of edits)
    byInstant.set(e.at.toISOString(), [...(byInstant.get(e.at.toISOString()) ?? []), e.field]);
  for (const [at, fields] of byInstant) {
    events.push({
      ...base,
      id: `edit:${at}`,
      kind: 'record_edited',
      on: stockholmDay(at),
      recordedAt: at,
      details: { fields: [...new Set(fields)].sort().join(',') },
    });
  }

  const merges = await caller.db
    .select()
    .from(childMerges)
    .where(or(eq(childMerges.survivingId, childId), eq(childMerges.mergedId, childId)));
  for (const m of merges) {
    const at = m.mergedAt.toISOString();
    events.push({
      ...base,
      id: `merge:${m.id}`,
      kind: 'merged',
      on: stockholmDay(at),
      recordedAt: at,
      details: { mergeId: m.id },
    });
    if (m.revertedAt !== null) {
      const back = m.revertedAt.toISOString();
      events.push({
        ...base,
        id: `unmerge:${m.id}`,
        kind: 'unmerged',
        on: stockholmDay(back),
        recordedAt: back,
        details: { mergeId: m.id },
      });
    }
  }

  events.sort(
    (a, b) =>
      b.on.localeCompare(a.on) || b.recordedAt.localeCompare(a.recordedAt) || a.id.localeCompare(b.id),
  );
  const start = (page.page - 1) * page.pageSize;
  caller.audit.children([childId]);
  caller.audit.detail('events', events.length);
  return { total: events.length, items: events.slice(start, start + page.pageSize) };
}

const stockholmDay = (iso: string) => stockholmDate(new Date(iso));

const FIRST_VIEW_TIMELINE = { page: 1, pageSize: FIRST_VIEW_TIMELINE_PAGE_SIZE } as const;

export type FirstView =
  | {
      readonly kind: 'child';
      readonly child: ChildDetail;
      readonly overview: Overview | null;
      readonly timeline: { total: number; items: TimelineEvent[] } | null;
    }
  | ({ readonly kind: 'merged' } & MergedPointer);

/**
 * The first view of the child's page in one request and one access check: the child as the role may see it, the
 * overview (what needs doing, states, people) when the role reads the case, and the head of the timeline when its
 * section is readable. The other sections load on demand.
 */
export async function readFirstView(caller: Caller, childId: string): Promise<FirstView> {
  const scoped = await childInScope(caller, childId, { allowMerged: true });
  if (scoped.child.mergedIntoId !== null) {
    const merged = await readChildIn(caller, scoped);
    if (merged.kind === 'merged') return merged;
  }
  const sections = await sectionsOf(caller, scoped);
  const readsCase = hasPermission(caller.actor.role, 'case:read');
  const [detail, overview, timeline] = await Promise.all([
    readChildIn(caller, scoped, sections),
    readsCase ? overviewIn(caller, scoped, sections) : null,
    readsCase && readable(sections, 'timeline')
      ? timelineIn(caller, scoped, sections, FIRST_VIEW_TIMELINE)
      : null,
  ]);
  if (detail.kind === 'merged') return detail;
  caller.audit.detail('parts', [
    'detail',
    ...(overview === null ? [] : ['overview']),
    ...(timeline === null ? [] : ['timeline']),
  ]);
  return { kind: 'child', child: detail.child, overview, timeline };
}
