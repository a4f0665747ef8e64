/**
 * One page view, one log entry. The child's page loads about ten sections, each through its own request that writes
 * its own audit event (every access leaves a trace, and the hash chain covers each row). The web client sends one
 * view id with every request of a page view; reading the log groups the stored rows by it. Pure: no I/O.
 */
import type { AuditEventKind } from './events.ts';

/** How the log shows an event: carried out, or not (refused, or failed with a server error). */
export type LoggedOutcome = 'allowed' | 'denied';

/** The sections of a child's data a read went through, named from the route (in the event's payload). */
export const AUDIT_SECTIONS = [
  'child',
  'first_view',
  'record',
  'overview',
  'responsibility',
  'social_case',
  'placement',
  'school',
  'health',
  'guardianship',
  'migration',
  'personakt',
  'document',
  'journal',
  'timeline',
  'history',
  'access_log',
] as const;
export type AuditSection = (typeof AUDIT_SECTIONS)[number];

const SECTION_OF_PATH: Readonly<Record<string, AuditSection>> = {
  '': 'child',
  '/first-view': 'first_view',
  '/record': 'record',
  '/overview': 'overview',
  '/responsibility': 'responsibility',
  '/social-case': 'social_case',
  '/placements': 'placement',
  '/school': 'school',
  '/health': 'health',
  '/guardianship': 'guardianship',
  '/migration': 'migration',
  '/documents': 'personakt',
  '/documents/:documentId': 'document',
  '/journal': 'journal',
  '/timeline': 'timeline',
  '/history': 'history',
  '/access-log': 'access_log',
};

const CHILD_READ = /^GET \/api\/children\/:childId(.*)$/;

/**
 * The section a read of a child's data went through, from the route template the route wrapper records
 * ("GET /api/children/:childId/school"). Writes and other routes have none: their event kind says what they did.
 */
export function sectionOfRoute(route: string | null): AuditSection | null {
  const rest = route === null ? undefined : CHILD_READ.exec(route)?.[1];
  return rest === undefined ? null : (SECTION_OF_PATH[rest] ?? null);
}

/** What a page view's entry needs of each stored event. */
export interface LoggedEvent {
  readonly id: string;
  /** The event's place in the log: insertion order (time first, then this, orders the log). */
  readonly seq: number;
  readonly occurredAt: string;
  /** The page view the event belongs to: the client's view id, or the request id when it sent none. */
  readonly viewKey: string;
  readonly kind: AuditEventKind;
  readonly outcome: LoggedOutcome;
  readonly actorUserId: string | null;
  readonly actorOrganisationId: string | null;
  readonly role: string | null;
  readonly childIds: readonly string[];
  readonly emergency: boolean;
  readonly purpose: string | null;
  readonly route: string | null;
}

export interface ViewPart {
  readonly kind: AuditEventKind;
  readonly section: AuditSection | null;
  readonly outcome: LoggedOutcome;
  /** How many requests of the view did this (a section read again after a change counts again). */
  readonly count: number;
}

export type ViewOutcome = LoggedOutcome | 'partly_denied';

export interface PageViewEntry {
  /** The id of the view's first event: stable while the view gains later events. */
  readonly id: string;
  readonly startSeq: number;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly actorUserId: string | null;
  readonly actorOrganisationId: string | null;
  readonly role: string | null;
  readonly outcome: ViewOutcome;
  readonly emergency: boolean;
  readonly purpose: string | null;
  /** In the order the view first did each. */
  readonly parts: readonly ViewPart[];
  readonly childIds: readonly string[];
  readonly eventCount: number;
}

/**
 * Who acted, for which organisation, in which role, in which page view: one entry. A role switch in the middle of a
 * view starts another entry, so every entry has one "who, role, organisation".
 */
export function viewIdentity(
  e: Pick<LoggedEvent, 'actorUserId' | 'actorOrganisationId' | 'role' | 'viewKey'>,
): string {
  return JSON.stringify([e.actorUserId, e.actorOrganisationId, e.role, e.viewKey]);
}

/** The log's order: time, then insertion order. */
export function compareLogOrder(
  a: Pick<LoggedEvent, 'occurredAt' | 'seq'>,
  b: Pick<LoggedEvent, 'occurredAt' | 'seq'>,
): number {
  const byTime = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  return byTime !== 0 ? byTime : a.seq - b.seq;
}

export function viewOutcome(outcomes: Iterable<LoggedOutcome>): ViewOutcome {
  let allowed = false;
  let denied = false;
  for (const outcome of outcomes) {
    if (outcome === 'denied') denied = true;
    else allowed = true;
  }
  if (denied) return allowed ? 'partly_denied' : 'denied';
  return 'allowed';
}

function entryOf(events: readonly LoggedEvent[]): PageViewEntry {
  const sorted = [...events].sort(compareLogOrder);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) throw new Error('a page view has at least one event');
  const parts = new Map<
    string,
    { kind: AuditEventKind; section: AuditSection | null; outcome: LoggedOutcome; count: number }
  >();
  for (const e of sorted) {
    const section = sectionOfRoute(e.route);
    const key = JSON.stringify([e.kind, section, e.outcome]);
    const part = parts.get(key);
    if (part === undefined) parts.set(key, { kind: e.kind, section, outcome: e.outcome, count: 1 });
    else part.count++;
  }
  return {
    id: first.id,
    startSeq: first.seq,
    startedAt: first.occurredAt,
    endedAt: last.occurredAt,
    actorUserId: first.actorUserId,
    actorOrganisationId: first.actorOrganisationId,
    role: first.role,
    outcome: viewOutcome(sorted.map((e) => e.outcome)),
    emergency: sorted.some((e) => e.emergency),
    purpose: sorted.find((e) => e.purpose !== null)?.purpose ?? null,
    parts: [...parts.values()],
    childIds: [...new Set(sorted.flatMap((e) => e.childIds))],
    eventCount: sorted.length,
  };
}

/** Groups stored events into page-view entries, newest view first (a view is placed by its first event). */
export function groupPageViews(events: readonly LoggedEvent[]): PageViewEntry[] {
  const byView = new Map<string, LoggedEvent[]>();
  for (const e of events) {
    const key = viewIdentity(e);
    const group = byView.get(key);
    if (group === undefined) byView.set(key, [e]);
    else group.push(e);
  }
  return [...byView.values()]
    .map(entryOf)
    .sort(
      (a, b) =>
        -compareLogOrder(
          { occurredAt: a.startedAt, seq: a.startSeq },
          { occurredAt: b.startedAt, seq: b.startSeq },
        ),
    );
}
