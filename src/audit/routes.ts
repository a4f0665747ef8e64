/** Audit views: the organisation's log review, a per-user access report, emergency accesses, and who has seen a child. */
import { and, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { mayReadAccessLog } from '../domain/access/child-scope.ts';
import { AUDIT_EVENT_KINDS } from '../domain/audit/events.ts';
import { isIsoDate } from '../domain/time.ts';
import { loadChildrenWithFacts } from '../children/repository.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { auditEvents, children, emergencyAccessGrants, organisations, roleAssignments, users } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';

const EventSchema = z.object({
  id: z.uuid(),
  occurredAt: z.string(),
  kind: z.enum(AUDIT_EVENT_KINDS),
  outcome: z.enum(['allowed', 'denied']),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  organisationName: z.string().nullable(),
  role: z.string().nullable(),
  childIds: z.array(z.uuid()),
  emergency: z.boolean(),
  purpose: z.string().nullable(),
});

const EventQuery = z.strictObject({
  userId: z.uuid().optional(),
  childId: z.uuid().optional(),
  kind: z.enum(AUDIT_EVENT_KINDS).optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  from: z.string().refine(isIsoDate, 'YYYY-MM-DD').optional(),
  to: z.string().refine(isIsoDate, 'YYYY-MM-DD').optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

/** Events by this organisation's users: acting in its name, or logging in while holding one of its roles. */
function ownUsersEvents(organisationId: string): SQL {
  const members = sql`(select ${roleAssignments.userId} from ${roleAssignments} where ${roleAssignments.organisationId} = ${organisationId})`;
  return or(
    eq(auditEvents.actorOrganisationId, organisationId),
    and(isNull(auditEvents.actorOrganisationId), sql`${auditEvents.actorUserId} in ${members}`),
  ) as SQL;
}

async function listEvents(db: DbOrTx, where: SQL, page: number, pageSize: number) {
  const rows = await db
    .select({ event: auditEvents, actorName: users.displayName, organisationName: organisations.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(organisations, eq(organisations.id, auditEvents.actorOrganisationId))
    .where(where)
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.insertSeq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return rows.map(({ event, actorName, organisationName }) => ({
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    kind: event.kind as (typeof AUDIT_EVENT_KINDS)[number],
    outcome: event.outcome === 'denied' ? ('denied' as const) : ('allowed' as const),
    actorUserId: event.actorUserId,
    actorName,
    organisationName,
    role: event.actorRole,
    childIds: event.childIds,
    emergency: event.emergency,
    purpose: event.purpose,
  }));
}

function filters(q: z.infer<typeof EventQuery>): SQL[] {
  const f: SQL[] = [];
  if (q.userId) f.push(eq(auditEvents.actorUserId, q.userId));
  if (q.childId) f.push(sql`${auditEvents.childIds} @> array[${q.childId}]::uuid[]`);
  if (q.kind) f.push(eq(auditEvents.kind, q.kind));
  if (q.outcome) f.push(eq(auditEvents.outcome, q.outcome));
  const localDate = sql`(${auditEvents.occurredAt} at time zone 'Europe/Stockholm')::date`;
  if (q.from) f.push(sql`${localDate} >= ${q.from}::date`);
  if (q.to) f.push(sql`${localDate} <= ${q.to}::date`);
  return f;
}

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/audit/users',
    summary: 'The organisation’s users, to choose whose accesses to review',
    tags: ['audit'],
    access: requires('audit:read'),
    audit: 'audit.read',
    response: { 200: z.array(z.object({ id: z.uuid(), displayName: z.string() })) },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      return ctx.db
        .selectDistinct({ id: users.id, displayName: users.displayName })
        .from(users)
        .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
        .where(eq(roleAssignments.organisationId, actor.organisationId))
        .orderBy(users.displayName);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit/events',
    summary: 'Accesses and refused attempts by the organisation’s own users (log review)',
    tags: ['audit'],
    access: requires('audit:read'),
    audit: 'audit.read',
    query: EventQuery,
    response: { 200: z.array(EventSchema) },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      ctx.audit.detail('filterUserId', ctx.query.userId ?? null);
      const where = and(ownUsersEvents(actor.organisationId), ...filters(ctx.query)) as SQL;
      return listEvents(ctx.db, where, ctx.query.page, ctx.query.pageSize);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/audit/users/:userId/report',
    summary: 'Access report for one of the organisation’s users',
    tags: ['audit'],
    access: requires('audit:read'),
    audit: 'audit.read',
    params: z.strictObject({ userId: z.uuid() }),
    response: {
      200: z.object({
        user: z.object({ id: z.uuid(), displayName: z.string() }),
        totals: z.array(z.object({ kind: z.string(), outcome: z.string(), count: z.number().int() })),
        distinctChildren: z.number().int(),
        emergencyAccesses: z.number().int(),
        refusedAttempts: z.number().int(),
        recent: z.array(EventSchema),
      }),
    },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const [member] = await ctx.db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
        .where(and(eq(users.id, ctx.params.userId), eq(roleAssignments.organisationId, actor.organisationId)))
        .limit(1);
      if (member === undefined) throw notFound();
      ctx.audit.detail('reportUserId', member.id);
      const mine = and(ownUsersEvents(actor.organisationId), eq(auditEvents.actorUserId, member.id)) as SQL;
      const totals = await ctx.db
        .select({ kind: auditEvents.kind, outcome: auditEvents.outcome, count: sql<number>`count(*)`.mapWith(Number) })
        .from(auditEvents)
        .where(mine)
        .groupBy(auditEvents.kind, auditEvents.outcome)
        .orderBy(auditEvents.kind);
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
        emergencyAccesses: totals.filter((t) => t.kind === 'child.emergency_access').reduce((s, t) => s + t.count, 0),
        refusedAttempts: totals.filter((t) => t.outcome === 'denied').reduce((s, t) => s + t.count, 0),
        recent: await listEvents(ctx.db, mine, 1, 100),
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
    response: {
      200: z.array(
        z.object({
          id: z.uuid(),
          userName: z.string(),
          role: z.string(),
          childId: z.uuid(),
          dossierNumber: z.string(),
          reason: z.string(),
          grantedAt: z.string(),
          expiresAt: z.string(),
        }),
      ),
    },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const rows = await ctx.db
        .select({ grant: emergencyAccessGrants, userName: users.displayName, dossierNumber: children.dossierNumber })
        .from(emergencyAccessGrants)
        .innerJoin(users, eq(users.id, emergencyAccessGrants.userId))
        .innerJoin(children, eq(children.id, emergencyAccessGrants.childId))
        .where(eq(emergencyAccessGrants.organisationId, actor.organisationId))
        .orderBy(desc(emergencyAccessGrants.grantedAt))
        .limit(500);
      ctx.audit.detail('grants', rows.length);
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
    query: z.strictObject({ page: z.coerce.number().int().min(1).max(100_000).default(1) }),
    response: { 200: z.array(EventSchema) },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const [found] = await loadChildrenWithFacts(ctx.db, [ctx.params.childId]);
      if (found === undefined || !mayReadAccessLog(actor, found.facts, ctx.today)) throw notFound([ctx.params.childId]);
      ctx.audit.children([ctx.params.childId]);
      const where = sql`${auditEvents.childIds} @> array[${ctx.params.childId}]::uuid[]`;
      return listEvents(ctx.db, where, ctx.query.page, 200);
    },
  }),
];
