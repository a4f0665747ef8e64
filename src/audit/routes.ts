/** Audit views: the organisation's log review, a per-user access report, emergency accesses, and who has seen a child. */
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { mayReadAccessLog } from '../domain/access/child-scope.ts';
import { loadChildrenWithFacts } from '../children/repository.ts';
import {
  auditEvents,
  children,
  emergencyAccessGrants,
  roleAssignments,
  users,
} from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import {
  AuditUsersResponse,
  ChildLogQuery,
  EmergencyGrantsResponse,
  EventQuery,
  LogPageSchema,
  UserIdParams,
  UserReportResponse,
} from './contract.ts';
import { childrenByDossier, present } from './log-entries.ts';
import {
  childLog,
  fromDate,
  kindIs,
  organisationLog,
  organisationTree,
  outcomeIs,
  readLogPage,
  toDate,
  type EventCondition,
} from './log-query.ts';

function conditions(q: z.infer<typeof EventQuery>): EventCondition[] {
  const c: EventCondition[] = [];
  if (q.kind) c.push(kindIs(q.kind));
  if (q.outcome) c.push(outcomeIs(q.outcome));
  if (q.from) c.push(fromDate(q.from));
  if (q.to) c.push(toDate(q.to));
  return c;
}

/** The children the log is limited to: the dossier number's records, the child id, or both (then where they meet). */
function onlyChildren(
  q: z.infer<typeof EventQuery>,
  dossierChildren: readonly string[] | null,
): readonly string[] | undefined {
  if (dossierChildren === null) return q.childId === undefined ? undefined : [q.childId];
  return q.childId === undefined ? dossierChildren : dossierChildren.filter((id) => id === q.childId);
}

const NO_ENTRIES = { entries: [], older: null, newer: null } as const;
/** The newest page views in a user's access report. */
const RECENT_ENTRIES = 25;

/** Events by this organisation's users (with its units): acting in its name, or logging in holding one of its roles. */
function ownUsersEvents(organisationIds: readonly string[]): SQL {
  const members = sql`(select ${roleAssignments.userId} from ${roleAssignments} where ${inArray(roleAssignments.organisationId, [...organisationIds])})`;
  return or(
    inArray(auditEvents.actorOrganisationId, [...organisationIds]),
    and(isNull(auditEvents.actorOrganisationId), sql`${auditEvents.actorUserId} in ${members}`),
  ) as SQL;
}

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/audit/users',
    summary: 'The organisation’s users, to choose whose accesses to review',
    tags: ['audit'],
    access: requires('audit:read'),
    audit: 'audit.read',
    response: { 200: AuditUsersResponse },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return ctx.db
        .selectDistinct({ id: users.id, displayName: users.displayName })
        .from(users)
        .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
        .where(inArray(roleAssignments.organisationId, await organisationTree(ctx.db, actor.organisationId)))
        .orderBy(users.displayName);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit/events',
    summary:
      'Accesses and refused attempts by the organisation’s own users (log review), one entry per page view',
    tags: ['audit'],
    access: requires('audit:read'),
    audit: 'audit.read',
    query: EventQuery,
    response: { 200: LogPageSchema },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const q = ctx.query;
      ctx.audit.detail('filterUserId', q.userId ?? null);
      const dossierChildren = q.dossier === undefined ? null : await childrenByDossier(ctx.db, q.dossier);
      // Looking a child up by number is an access about that child, whether or not its log holds anything.
      if (dossierChildren !== null) ctx.audit.children(dossierChildren);
      const childIds = onlyChildren(q, dossierChildren);
      if (childIds?.length === 0) return NO_ENTRIES;
      const tree = await organisationTree(ctx.db, actor.organisationId);
      const scope = organisationLog(tree, conditions(q), { userId: q.userId, childIds });
      const page = await readLogPage(ctx.db, scope, { before: q.before, after: q.after }, q.limit);
      const shown = await present(ctx.db, page, { organisationIds: tree, nameChildren: true });
      ctx.audit.children(shown.namedChildren);
      return shown.page;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit/users/:userId/report',
    summary: 'Access report for one of the organisation’s users',
    tags: ['audit'],
    access: requires('audit:read'),
    audit: 'audit.read',
    params: UserIdParams,
    response: { 200: UserReportResponse },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const tree = await organisationTree(ctx.db, actor.organisationId);
      const [member] = await ctx.db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
        .where(and(eq(users.id, ctx.params.userId), inArray(roleAssignments.organisationId, tree)))
        .limit(1);
      if (member === undefined) throw notFound();
      ctx.audit.detail('reportUserId', member.id);
      const mine = and(ownUsersEvents(tree), eq(auditEvents.actorUserId, member.id)) as SQL;
      const totals = await ctx.db
        .select({
          kind: auditEvents.kind,
          outcome: auditEvents.outcome,
          count: sql<number>`count(*)`.mapWith(Number),
        })
        .from(auditEvents)
        .where(mine)
        .groupBy(auditEvents.kind, auditEvents.outcome)
        .orderBy(auditEvents.kind);
      const recent = await readLogPage(
        ctx.db,
        organisationLog(tree, [], { userId: member.id }),
        {},
        RECENT_ENTRIES,
      );
      const shown = await present(ctx.db, recent, { organisationIds: tree, nameChildren: true });
      ctx.audit.children(shown.namedChildren);
      const [agg] = await ctx.db
        .select({
          distinctChildren: sql<number>`count(distinct c.id)`.mapWith(Number),
        })
        .from(sql`${auditEvents} cross join lateral unnest(${auditEvents.childIds}) as c(id)`)
        .where(mine);
      return {
        user: member,
        totals,
        distinctChildren: agg?.distinctChildren ?? 0,
        emergencyAccesses: totals
          .filter((t) => t.kind === 'child.emergency_access')
          .reduce((s, t) => s + t.count, 0),
        refusedAttempts: totals.filter((t) => t.outcome !== 'allowed').reduce((s, t) => s + t.count, 0),
        recent: shown.page.entries,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit/emergency-access',
    summary: 'Emergency accesses opened by the organisation’s users',
    tags: ['audit'],
    access: requires('audit:read'),
    audit: 'audit.read',
    response: { 200: EmergencyGrantsResponse },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const rows = await ctx.db
        .select({
          grant: emergencyAccessGrants,
          userName: users.displayName,
          dossierNumber: children.dossierNumber,
        })
        .from(emergencyAccessGrants)
        .innerJoin(users, eq(users.id, emergencyAccessGrants.userId))
        .innerJoin(children, eq(children.id, emergencyAccessGrants.childId))
        .where(
          inArray(emergencyAccessGrants.organisationId, await organisationTree(ctx.db, actor.organisationId)),
        )
        .orderBy(desc(emergencyAccessGrants.grantedAt))
        .limit(500);
      ctx.audit.detail('grants', rows.length);
      ctx.audit.children(rows.map((r) => r.grant.childId));
      return rows.map((r) => ({
        id: r.grant.id,
        userName: r.userName,
        role: r.grant.role,
        childId: r.grant.childId,
        dossierNumber: r.dossierNumber,
        reason: r.grant.reason,
        grantedAt: r.grant.grantedAt.toISOString(),
        expiresAt: r.grant.expiresAt.toISOString(),
      }));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/access-log',
    summary: 'Who has seen this child, and who tried (for the responsible municipality)',
    tags: ['audit'],
    access: requires('child:access-log'),
    audit: 'child.access_log.read',
    params: ChildIdParams,
    query: ChildLogQuery,
    response: { 200: LogPageSchema },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const [found] = await loadChildrenWithFacts(ctx.db, [ctx.params.childId]);
      if (found === undefined || !mayReadAccessLog(actor, found.facts, ctx.today))
        throw notFound([ctx.params.childId]);
      ctx.audit.children([ctx.params.childId]);
      const page = await readLogPage(
        ctx.db,
        childLog(ctx.params.childId),
        { before: ctx.query.before, after: ctx.query.after },
        ctx.query.limit,
      );
      return (await present(ctx.db, page, { organisationIds: [actor.organisationId], nameChildren: false }))
        .page;
    },
  }),
];
