/**
 * HTTP routes of the worklist capability: the role's worklist, the user's notifications, and the top of the child's
 * page (overview and timeline). Thin: parse → authorise → one use case → a whitelist of fields.
 */
import { z } from 'zod';
import { CASE_SECTIONS } from '../domain/access/case-sections.ts';
import { ChildSummarySchema } from '../children/present.ts';
import { NOTIFICATION_KINDS } from '../notifications/notify.ts';
import { listNotifications, markAllRead, markRead, unreadCount } from '../notifications/inbox.ts';
import { ChildIdParams, defineRoute, requires, SESSION, type RouteSpec } from '../platform/http/route.ts';
import { unauthenticated } from '../platform/http/errors.ts';
import { readOverview, readTimeline } from './child-page.ts';
import { readWorklist } from './worklist.ts';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
const page = z.coerce.number().int().min(1).max(100_000).default(1);
const Municipality = z.object({ code: z.string(), name: z.string() });
const Primitive = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const WorklistQuery = z.strictObject({
  rule: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, 'a rule id')
    .optional(),
  overdue: flag,
  mine: flag,
  municipality: z
    .string()
    .regex(/^[0-9]{4}$/, 'four digits')
    .optional(),
  page,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const DeadlineFields = {
  id: z.uuid(),
  rule: z.string(),
  title: z.string(),
  source: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  daysLeft: z.number().int(),
  countsWorkingDays: z.boolean(),
};

const WorklistSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      ...DeadlineFields,
      statutory: z.boolean(),
      startedOn: z.string(),
      municipality: Municipality.nullable(),
      assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      child: ChildSummarySchema,
    }),
  ),
  meetings: z.array(
    z.object({
      kind: z.enum(['asylum_interview', 'care_review']),
      on: z.string(),
      child: ChildSummarySchema,
    }),
  ),
});

const NotificationListSchema = z.object({
  total: z.number().int(),
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.union([z.enum(NOTIFICATION_KINDS), z.string()]),
      createdAt: z.string(),
      readAt: z.string().nullable(),
      details: z.record(z.string(), Primitive),
      child: ChildSummarySchema.nullable(),
      otherRole: z.boolean(),
    }),
  ),
});

const OverviewSchema = z.object({
  childId: z.uuid(),
  machines: z.array(
    z.object({
      machine: z.string(),
      state: z.string(),
      version: z.number().int(),
      section: z.enum(CASE_SECTIONS),
      since: z.string().nullable(),
    }),
  ),
  responsible: z.object({ municipality: Municipality, kind: z.string(), from: z.string() }).nullable(),
  people: z.object({
    socialWorkers: z.array(z.object({ name: z.string(), role: z.string() })).nullable(),
    guardians: z.array(z.object({ name: z.string(), kind: z.string(), from: z.string() })).nullable(),
    region: Municipality.nullable(),
  }),
  deadlines: z.array(
    z.object({
      ...DeadlineFields,
      section: z.enum(CASE_SECTIONS),
      holder: z.object({
        actor: z.string(),
        municipality: Municipality.nullable(),
        assignee: z.string().nullable(),
      }),
      yours: z.boolean(),
    }),
  ),
  interpreter: z.object({ needed: z.boolean(), languages: z.array(z.string()) }).nullable(),
  meetings: z.array(z.object({ kind: z.enum(['asylum_interview', 'care_review']), on: z.string() })),
});

const TimelineSchema = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['arrival', 'anvisning', 'transition', 'note', 'record_edited', 'merged', 'unmerged']),
      on: z.string(),
      recordedAt: z.string(),
      section: z.enum(CASE_SECTIONS).nullable(),
      machine: z.string().nullable(),
      event: z.string().nullable(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      municipality: Municipality.nullable(),
      actorRole: z.string().nullable(),
      details: z.record(z.string(), Primitive),
    }),
  ),
});

export const worklistRoutes: readonly RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/worklist',
    summary:
      'The active role’s worklist: every open deadline it must act on (a god man: the wards’), overdue first, with rule and legal source',
    tags: ['worklist'],
    access: requires('worklist:read'),
    audit: 'worklist.read',
    query: WorklistQuery,
    response: { 200: WorklistSchema },
    handler: async (ctx) => {
      const { rule, overdue, mine, municipality, page: p, pageSize } = ctx.query;
      return readWorklist(ctx.caller(), {
        rule,
        overdueOnly: overdue,
        mine,
        municipalityCode: municipality,
        page: p,
        pageSize,
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/notifications/count',
    // Any logged-in user, active role or not: the count is the user's own and says nothing about any child, and the
    // header asks for it on every page — so it is neither bound to a role's permission nor written to the audit log.
    summary: 'The number of the user’s unread notifications (for the header)',
    tags: ['notifications'],
    access: SESSION,
    audit: 'none',
    response: { 200: z.object({ unread: z.number().int() }) },
    handler: async (ctx) => {
      if (ctx.auth === null) throw unauthenticated();
      return { unread: await unreadCount(ctx.db, ctx.auth.user.id) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/notifications',
    summary: 'The user’s notifications, newest first; each child shown as the active role may see it',
    tags: ['notifications'],
    access: requires('worklist:read'),
    audit: 'notifications.read',
    query: z.strictObject({
      unread: flag,
      page,
      pageSize: z.coerce.number().int().min(1).max(100).default(25),
    }),
    response: { 200: NotificationListSchema },
    handler: async (ctx) =>
      listNotifications(ctx.caller(), {
        unreadOnly: ctx.query.unread,
        page: ctx.query.page,
        pageSize: ctx.query.pageSize,
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/notifications/:notificationId/read',
    summary: 'Mark one of the user’s notifications as read',
    tags: ['notifications'],
    access: requires('worklist:read'),
    audit: 'notifications.write',
    params: z.strictObject({ notificationId: z.uuid() }),
    response: { 200: z.object({ id: z.uuid(), readAt: z.string() }) },
    handler: async (ctx) => markRead(ctx.caller(), ctx.params.notificationId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/notifications/read-all',
    summary: 'Mark all the user’s notifications as read',
    tags: ['notifications'],
    access: requires('worklist:read'),
    audit: 'notifications.write',
    response: { 200: z.object({ marked: z.number().int() }) },
    handler: async (ctx) => markAllRead(ctx.caller()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/overview',
    summary:
      'The child’s case at a glance: current states, responsibility and people, open deadlines, interpreter and languages, coming meetings',
    tags: ['children'],
    access: requires('case:read'),
    audit: 'case.read',
    params: ChildIdParams,
    response: { 200: OverviewSchema },
    handler: async (ctx) => readOverview(ctx.caller(), ctx.params.childId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/timeline',
    summary:
      'Every event of the child’s case the role may see (arrival, anvisning, each sub-process, notes without their text), newest first',
    tags: ['children'],
    access: requires('case:read'),
    audit: 'case.timeline.read',
    params: ChildIdParams,
    query: z.strictObject({ page, pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
    response: { 200: TimelineSchema },
    handler: async (ctx) => readTimeline(ctx.caller(), ctx.params.childId, ctx.query),
  }),
];
