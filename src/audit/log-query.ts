/**
 * Reading the audit log a page of page views at a time, newest first, by cursor (keyset).
 *
 * The stored rows stay one per request (the chain covers each); a page view is grouped at read time. A view is placed
 * by its first event, in the log's order (time, then insertion order): a view that gains a late event keeps its place,
 * and a new view always starts after every older one, so paging never loses or doubles an entry while views arrive.
 * A cursor is the insertion sequence number of the first event of the last entry shown.
 *
 * Finding a page's views reads the log's rows in order through an index — an organisation's or a user's
 * `(…, occurred_at, insert_seq)`, or a child's rows in audit_event_children — in growing chunks, each a materialized,
 * limited scan. The chunk's events are checked for starting a view (no earlier event of the same view passes the
 * log's conditions: a probe on the view-key index) until the page is full.
 */
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { isAuditEventKind, type AuditEventKind } from '../domain/audit/events.ts';
import {
  groupPageViews,
  viewIdentity,
  type LoggedEvent,
  type PageViewEntry,
} from '../domain/audit/page-views.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { auditEventChildren, auditEvents, organisations, roleAssignments } from '../platform/db/schema.ts';

/** A column of audit_events (or of audit_event_children) under the alias a query gives it. */
export type Column = (name: string) => SQL;

/**
 * A condition on one event. It must hold for every event an entry shows, so it is applied to the view-start check
 * too. A `bound` is a range of occurred_at: it also limits a scan of the child index.
 */
export interface EventCondition {
  readonly where: (col: Column) => SQL;
  readonly bound?: boolean;
}

/** Where a log's rows come from; each branch is read in order through its own index. */
export interface Branch {
  /** One child's rows in the child index (audit_event_children). */
  readonly child?: string;
  /** Per user in this subquery (of user ids), a lateral scan of that user's events. */
  readonly perUser?: SQL;
  /** Index conditions on the scanned events (not used with `child`); `user` is the lateral user. */
  readonly scan?: (col: Column, user: SQL) => SQL;
  /** Conditions on the event checked after the scan. */
  readonly filter?: (col: Column) => SQL;
}

export interface LogScope {
  readonly branches: readonly Branch[];
  readonly conditions: readonly EventCondition[];
}

export interface Cursor {
  readonly before?: number | undefined;
  readonly after?: number | undefined;
}

export interface LogPage {
  readonly entries: readonly PageViewEntry[];
  /** Cursor for the next, older page (`before`), or null at the end. */
  readonly older: number | null;
  /** Cursor for the previous, newer page (`after`), or null on the newest page. */
  readonly newer: number | null;
}

const columnOf =
  (alias: string): Column =>
  (name) =>
    sql`${sql.identifier(alias)}.${sql.identifier(name)}`;
const viewKey = (col: Column) => sql`coalesce(${col('view_id')}, ${col('request_id')})`;
const uuids = (ids: readonly string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;

export const childIs = (childId: string): EventCondition => ({
  where: (col) => sql`${col('child_ids')} @> ${uuids([childId])}`,
});
export const childAmong = (childIds: readonly string[]): EventCondition => ({
  where: (col) => sql`${col('child_ids')} && ${uuids(childIds)}`,
});
export const kindIs = (kind: AuditEventKind): EventCondition => ({
  where: (col) => sql`${col('kind')} = ${kind}`,
});
export const outcomeIs = (outcome: 'allowed' | 'denied'): EventCondition => ({
  // Refused includes failed (5xx): neither was carried out.
  where: (col) =>
    outcome === 'allowed' ? sql`${col('outcome')} = 'allowed'` : sql`${col('outcome')} <> 'allowed'`,
});
/** From the start of a Swedish calendar day. */
export const fromDate = (date: string): EventCondition => ({
  where: (col) => sql`${col('occurred_at')} >= (${date}::date)::timestamp at time zone 'Europe/Stockholm'`,
  bound: true,
});
/** To the end of a Swedish calendar day. */
export const toDate = (date: string): EventCondition => ({
  where: (col) => sql`${col('occurred_at')} < (${date}::date + 1)::timestamp at time zone 'Europe/Stockholm'`,
  bound: true,
});

/** Every event about one child (for "who has seen this child"). */
export function childLog(childId: string): LogScope {
  return { branches: [{ child: childId }], conditions: [childIs(childId)] };
}

/**
 * The organisation and every unit under it (a Migration Agency unit under the Agency): a data protection officer
 * reviews the whole organisation they serve, not only the level their role is registered at.
 */
export async function organisationTree(db: DbOrTx, organisationId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive tree(id) as (
      select ${organisations.id} from ${organisations} where ${organisations.id} = ${organisationId}
      union
      select o.id from ${organisations} o join tree on o.parent_id = tree.id
    )
    select id from tree order by id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/**
 * The events of an organisation's users (the organisation and its units, `organisationTree`): acting in its name, or
 * outside any organisation (logging in) while holding one of its roles. With `userId`, one of them only; with
 * `childIds`, only events about those children (read through the child index, one branch per child).
 */
export function organisationLog(
  organisationIds: readonly string[],
  conditions: readonly EventCondition[],
  only: { readonly userId?: string | undefined; readonly childIds?: readonly string[] | undefined } = {},
): LogScope {
  if (organisationIds.length === 0) throw new Error('organisationLog needs at least one organisation');
  const orgList = uuids(organisationIds);
  const members = sql`select ra.user_id from ${roleAssignments} ra where ra.organisation_id = any(${orgList})`;
  const { userId, childIds } = only;
  const byUser = (col: Column) =>
    userId === undefined ? sql`true` : sql`${col('actor_user_id')} = ${userId}`;
  if (childIds !== undefined) {
    const ownUsers = (col: Column) =>
      sql`(${col('actor_organisation_id')} = any(${orgList}) or (${col('actor_organisation_id')} is null and ${col('actor_user_id')} in (${members})))`;
    return {
      branches: childIds.map((child) => ({
        child,
        filter: (col: Column) => sql`${ownUsers(col)} and ${byUser(col)}`,
      })),
      conditions: [...conditions, childAmong(childIds)],
    };
  }
  if (userId !== undefined) {
    return {
      branches: [
        ...organisationIds.map((organisationId) => ({
          scan: (col: Column) =>
            sql`${col('actor_user_id')} = ${userId} and ${col('actor_organisation_id')} = ${organisationId}`,
        })),
        {
          scan: (col: Column) =>
            sql`${col('actor_user_id')} = ${userId} and ${col('actor_organisation_id')} is null`,
          filter: () => sql`${userId}::uuid in (${members})`,
        },
      ],
      conditions,
    };
  }
  return {
    branches: [
      ...organisationIds.map((organisationId) => ({
        scan: (col: Column) => sql`${col('actor_organisation_id')} = ${organisationId}`,
      })),
      {
        perUser: sql`select distinct ra.user_id from ${roleAssignments} ra where ra.organisation_id = any(${orgList})`,
        scan: (col: Column, user: SQL) =>
          sql`${col('actor_user_id')} = ${user} and ${col('actor_organisation_id')} is null`,
      },
    ],
    conditions,
  };
}

interface Start {
  readonly seq: number;
  /** occurred_at in microseconds since the epoch: the log's order is (time, seq). */
  readonly at: number;
  readonly identity: string;
  readonly viewKey: string;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** The (time, sequence) of the cursor's event, to compare rows with. */
const cursorKey = (seq: number) =>
  sql`(select k.occurred_at, k.insert_seq from ${auditEvents} k where k.insert_seq = ${seq})`;

const FIRST_CHUNK = 200;
const MAX_CHUNK = 20_000;

/**
 * The branch's rows beyond `from`, in order, `limit` of them: (seq, at) only, through the branch's index. A scan of
 * the events holds the log's conditions too (the planner weighs a rare one rightly against its indexes); a scan of
 * the child index holds only index conditions, as a join's estimate would lead the planner to sort every row of the
 * child. The caller checks the conditions again on what comes back.
 */
function orderedRows(
  branch: Branch,
  scope: LogScope,
  direction: 'older' | 'newer',
  from: number | null,
  limit: number,
): SQL {
  const order = direction === 'older' ? sql`desc` : sql`asc`;
  const beyond = (key: Column) =>
    from === null
      ? sql`true`
      : sql`(${key('occurred_at')}, ${key('insert_seq')}) ${direction === 'older' ? sql`<` : sql`>`} ${cursorKey(from)}`;
  const select = (table: SQL, alias: string, where: readonly SQL[]) => {
    const key = columnOf(alias);
    return sql`select ${key('insert_seq')} as seq, ${key('occurred_at')} as at from ${table} ${sql.identifier(alias)}
      where ${sql.join([...where, beyond(key)], sql` and `)}
      order by ${key('occurred_at')} ${order}, ${key('insert_seq')} ${order} limit ${limit}`;
  };
  if (branch.child !== undefined) {
    const ix = columnOf('ix');
    const bounds = scope.conditions.filter((c) => c.bound === true).map((c) => c.where(ix));
    return select(sql`${auditEventChildren}`, 'ix', [sql`${ix('child_id')} = ${branch.child}`, ...bounds]);
  }
  const e = columnOf('e');
  const conditions = (user: SQL) => [
    branch.scan?.(e, user) ?? sql`true`,
    branch.filter?.(e) ?? sql`true`,
    ...scope.conditions.map((c) => c.where(e)),
  ];
  if (branch.perUser === undefined) return select(sql`${auditEvents}`, 'e', conditions(sql``));
  return sql`select x.seq, x.at from (${branch.perUser}) u(id)
    cross join lateral (${select(sql`${auditEvents}`, 'e', conditions(sql`u.id`))}) x
    order by x.at ${order}, x.seq ${order} limit ${limit}`;
}

/**
 * Up to `want` view starts of one branch beyond the cursor, in the direction's order: chunk after chunk of the
 * branch's rows in order, each chunk's events filtered and checked for starting a view, until enough are found.
 */
async function branchStarts(
  db: DbOrTx,
  scope: LogScope,
  branch: Branch,
  direction: 'older' | 'newer',
  cursor: number | null,
  want: number,
): Promise<Start[]> {
  const e = columnOf('e');
  const p = columnOf('p');
  const order = direction === 'older' ? sql`desc` : sql`asc`;
  const passes = sql.join(
    [branch.filter?.(e) ?? sql`true`, ...scope.conditions.map((c) => c.where(e))],
    sql` and `,
  );
  const earlierInView = sql.join(
    [
      sql`${viewKey(p)} = ${viewKey(e)}`,
      sql`${p('actor_user_id')} is not distinct from ${e('actor_user_id')}`,
      sql`${p('actor_organisation_id')} is not distinct from ${e('actor_organisation_id')}`,
      sql`${p('actor_role')} is not distinct from ${e('actor_role')}`,
      sql`(${p('occurred_at')}, ${p('insert_seq')}) < (${e('occurred_at')}, ${e('insert_seq')})`,
      ...scope.conditions.map((c) => c.where(p)),
    ],
    sql` and `,
  );
  const found: Start[] = [];
  let from = cursor;
  for (let limit = Math.max(FIRST_CHUNK, want * 4); ; limit = Math.min(limit * 4, MAX_CHUNK)) {
    const rows = rowsOf<{ seq: string; at: string; identity: string; view_key: string; starts: boolean }>(
      await db.execute(sql`with k as materialized (${orderedRows(branch, scope, direction, from, limit)})
        select k.seq::text as seq, floor(extract(epoch from k.at) * 1000000)::bigint::text as at,
          json_build_array(${e('actor_user_id')}, ${e('actor_organisation_id')}, ${e('actor_role')}, ${viewKey(e)})::text as identity,
          ${viewKey(e)} as view_key,
          case when ${passes} then not exists (select 1 from ${auditEvents} p where ${earlierInView}) else false end as starts
        from k join ${auditEvents} e on ${e('insert_seq')} = k.seq
        order by k.at ${order}, k.seq ${order}`),
    );
    for (const r of rows) {
      // json_build_array's text and viewIdentity's JSON agree: [user, organisation, role, view], nulls as null.
      if (r.starts)
        found.push({
          seq: Number(r.seq),
          at: Number(r.at),
          identity: JSON.stringify(JSON.parse(r.identity)),
          viewKey: r.view_key,
        });
    }
    const last = rows.at(-1);
    if (found.length >= want || rows.length < limit || last === undefined) return found.slice(0, want);
    from = Number(last.seq);
  }
}

/** Up to `want` view starts of the whole log beyond the cursor, in the direction's order. */
async function viewStarts(
  db: DbOrTx,
  scope: LogScope,
  direction: 'older' | 'newer',
  cursor: number | null,
  want: number,
): Promise<Start[]> {
  const found: Start[] = [];
  for (const branch of scope.branches)
    found.push(...(await branchStarts(db, scope, branch, direction, cursor, want)));
  const sign = direction === 'older' ? -1 : 1;
  return found.sort((a, b) => sign * (a.at - b.at || a.seq - b.seq)).slice(0, want);
}

function knownKind(kind: string, id: string): AuditEventKind {
  if (!isAuditEventKind(kind)) throw new Error(`Unknown audit event kind ${kind} in row ${id}`);
  return kind;
}

/** Every event of the given views that passes the log's conditions. */
async function eventsOfViews(db: DbOrTx, scope: LogScope, starts: readonly Start[]): Promise<LoggedEvent[]> {
  if (starts.length === 0) return [];
  const table = columnOf('audit_events');
  const key = sql`coalesce(${auditEvents.viewId}, ${auditEvents.requestId})`;
  const rows = await db
    .select({
      event: auditEvents,
      viewKey: sql<string>`${key}`,
      route: sql<string | null>`${auditEvents.payload}->>'route'`,
    })
    .from(auditEvents)
    .where(
      and(
        inArray(key, [...new Set(starts.map((s) => s.viewKey))]),
        ...scope.conditions.map((c) => c.where(table)),
      ),
    );
  const wanted = new Set(starts.map((s) => s.identity));
  return rows
    .map(({ event, viewKey: view, route }) => ({
      id: event.id,
      seq: event.insertSeq,
      occurredAt: event.occurredAt.toISOString(),
      viewKey: view,
      kind: knownKind(event.kind, event.id),
      // A failed request (5xx) shows as refused: nothing it asked for was shown or done.
      outcome: event.outcome === 'allowed' ? ('allowed' as const) : ('denied' as const),
      actorUserId: event.actorUserId,
      actorOrganisationId: event.actorOrganisationId,
      role: event.actorRole,
      childIds: event.childIds,
      emergency: event.emergency,
      purpose: event.purpose,
      route,
    }))
    .filter((e) => wanted.has(viewIdentity(e)));
}

/** One page of a log's page views, newest first, and the cursors to the pages around it. */
export async function readLogPage(
  db: DbOrTx,
  scope: LogScope,
  cursor: Cursor,
  limit: number,
): Promise<LogPage> {
  const direction = cursor.after === undefined ? 'older' : 'newer';
  const from = cursor.after ?? cursor.before ?? null;
  const found = await viewStarts(db, scope, direction, from, limit + 1);
  const more = found.length > limit;
  const shown = found.slice(0, limit);
  const entries = groupPageViews(await eventsOfViews(db, scope, shown));
  const newest = entries[0]?.startSeq;
  const oldest = entries.at(-1)?.startSeq;
  const exists = async (towards: 'older' | 'newer', seq: number | undefined) =>
    seq !== undefined && (await viewStarts(db, scope, towards, seq, 1)).length > 0;
  if (direction === 'older') {
    return {
      entries,
      older: more && oldest !== undefined ? oldest : null,
      newer: from !== null && newest !== undefined && (await exists('newer', newest)) ? newest : null,
    };
  }
  return {
    entries,
    older: oldest !== undefined && (await exists('older', oldest)) ? oldest : null,
    newer: more && newest !== undefined ? newest : null,
  };
}
