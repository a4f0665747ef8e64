/**
 * HTTP routes of the worklist capability: the role's worklist, the user's notifications, and the top of the child's
 * page (overview and timeline). Thin: parse → authorise → one use case → a whitelist of fields.
 */
import {
  MarkedAllReadResponse,
  MarkedReadResponse,
  NotificationIdParams,
  NotificationListResponse,
  NotificationsQuery,
  UnreadCountResponse,
} from '../notifications/contract.ts';
import { listNotifications, markAllRead, markRead, unreadCount } from '../notifications/inbox.ts';
import { ChildIdParams, defineRoute, requires, SESSION, type RouteSpec } from '../platform/http/route.ts';
import { unauthenticated } from '../platform/http/errors.ts';
import { readFirstView, readOverview, readTimeline } from './child-page.ts';
import { MergedPointerSchema } from '../children/contract.ts';
import {
  FirstViewResponse,
  OverviewResponse,
  TimelineQuery,
  TimelineResponse,
  WorklistQuery,
  WorklistResponse,
} from './contract.ts';
import { readWorklist } from './worklist.ts';

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
    response: { 200: WorklistResponse },
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
    response: { 200: UnreadCountResponse },
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
    query: NotificationsQuery,
    response: { 200: NotificationListResponse },
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
    params: NotificationIdParams,
    response: { 200: MarkedReadResponse },
    handler: async (ctx) => markRead(ctx.caller(), ctx.params.notificationId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/notifications/read-all',
    summary: 'Mark all the user’s notifications as read',
    tags: ['notifications'],
    access: requires('worklist:read'),
    audit: 'notifications.write',
    response: { 200: MarkedAllReadResponse },
    handler: async (ctx) => markAllRead(ctx.caller()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/first-view',
    summary:
      'The first view of the child’s page in one request and one access check: the child, the overview when the role reads the case, the head of the timeline',
    tags: ['children'],
    access: requires('child:read'),
    audit: 'child.read',
    params: ChildIdParams,
    response: { 200: FirstViewResponse, 301: MergedPointerSchema },
    handler: async (ctx) => {
      const view = await readFirstView(ctx.caller(), ctx.params.childId);
      if (view.kind === 'child')
        return { child: view.child, overview: view.overview, timeline: view.timeline };
      // A merged record points to the surviving one's first view (browsers follow the redirect).
      void ctx.reply.code(301).header('location', `/api/children/${view.mergedInto.id}/first-view`);
      return { mergedInto: view.mergedInto };
    },
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
    response: { 200: OverviewResponse },
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
    query: TimelineQuery,
    response: { 200: TimelineResponse },
    handler: async (ctx) => readTimeline(ctx.caller(), ctx.params.childId, ctx.query),
  }),
];
