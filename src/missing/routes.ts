/** HTTP routes of children who go missing (issue 12): the child's episodes and each step of one. */
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import {
  CloseBody,
  CompleteReturnBody,
  EmergencyCareBody,
  EpisodeParams,
  FoundBody,
  LvuBody,
  MissingStatisticsQuery,
  MissingStatisticsSchema,
  MissingViewSchema,
  NotificationAcknowledgedBody,
  NotificationParams,
  NotificationSentBody,
  PoliceReportBody,
  RecordReturnBody,
  ReportAbsenceBody,
  ReviewListSchema,
  ReturnTalkBody,
  StrategyMeetingBody,
  StepBody,
} from './contract.ts';
import {
  acknowledgeNotification,
  closeEpisode,
  completeReturn,
  markNotificationSent,
  readMissing,
  recordFound,
  recordLvuAssessment,
  recordReturnTalk,
  recordStrategyMeeting,
  reportAbsence,
  reportToPolice,
  simpleStep,
} from './use-cases.ts';
import { missingStatistics, reviewList } from './followup.ts';
import { recordEmergencyCare } from './emergency-care.ts';
import { policeRoutes } from './police-routes.ts';
import { profileRoutes } from './profile-routes.ts';

const write = {
  tags: ['missing'],
  access: requires('missing:report'),
  audit: 'missing.write',
  params: EpisodeParams,
  response: { 201: MissingViewSchema },
} as const;

const episodeUrl = (path: string) => `/api/children/:childId/missing/:episodeId/${path}`;

export const missingRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/missing',
    summary: "The child's missing episodes: clocks, notifications and the steps the caller may take",
    tags: ['missing'],
    access: requires('missing:read'),
    audit: 'missing.read',
    params: ChildIdParams,
    response: { 200: MissingViewSchema },
    handler: async (ctx) => readMissing(ctx.caller(), ctx.params.childId),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: '/api/children/:childId/missing',
    summary: 'Report the child absent or missing (with the police report when it is made at once)',
    params: ChildIdParams,
    body: ReportAbsenceBody,
    handler: async (ctx) => {
      const b = ctx.body;
      const police =
        b.policeReference !== undefined || b.policeReportedAt !== undefined
          ? {
              reference: b.policeReference ?? '',
              reportedAt: new Date(b.policeReportedAt ?? ctx.now.toISOString()),
            }
          : undefined;
      return reportAbsence(ctx.caller(), ctx.params.childId, {
        kind: b.kind,
        lastSeenAt: new Date(b.lastSeenAt),
        lastSeenPlace: b.lastSeenPlace,
        police,
      });
    },
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: episodeUrl('police-report'),
    summary: 'The police report made: the absence becomes a search and the routine notifies its recipients',
    body: PoliceReportBody,
    handler: async (ctx) =>
      reportToPolice(
        ctx.caller(),
        ctx.params.childId,
        ctx.params.episodeId,
        { reference: ctx.body.policeReference, reportedAt: new Date(ctx.body.policeReportedAt) },
        ctx.body.expectedVersion,
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: episodeUrl('notifications/:notificationId/sent'),
    summary: 'A notification of the routine sent outside Anvisa',
    params: NotificationParams,
    body: NotificationSentBody,
    handler: async (ctx) =>
      markNotificationSent(
        ctx.caller(),
        ctx.params.childId,
        ctx.params.episodeId,
        ctx.params.notificationId,
        new Date(ctx.body.sentAt),
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: episodeUrl('notifications/:notificationId/acknowledged'),
    summary: 'A notification acknowledged: by its recipient in Anvisa, or recorded by social services',
    access: requires('missing:read'),
    params: NotificationParams,
    body: NotificationAcknowledgedBody,
    handler: async (ctx) =>
      acknowledgeNotification(
        ctx.caller(),
        ctx.params.childId,
        ctx.params.episodeId,
        ctx.params.notificationId,
        {
          acknowledgedAt: new Date(ctx.body.acknowledgedAt),
          by: ctx.body.by,
        },
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: episodeUrl('strategy-meeting'),
    summary:
      'The strategy meeting the repeat rule called: held on, participants, decisions, the care plan reviewed; closes the task',
    body: StrategyMeetingBody,
    handler: async (ctx) =>
      recordStrategyMeeting(
        ctx.caller(),
        ctx.params.childId,
        ctx.params.episodeId,
        ctx.body,
        ctx.body.expectedVersion,
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: episodeUrl('lvu'),
    summary:
      'The LVU assessment, recorded at once: outcome, grounds under 2 or 3 § LVU and the concrete facts',
    body: LvuBody,
    handler: async (ctx) =>
      recordLvuAssessment(
        ctx.caller(),
        ctx.params.childId,
        ctx.params.episodeId,
        ctx.body,
        ctx.body.expectedVersion,
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: episodeUrl('follow-up'),
    summary: 'The follow-up of the search begun',
    body: StepBody,
    handler: async (ctx) =>
      simpleStep(
        ctx.caller(),
        ctx.params.childId,
        ctx.params.episodeId,
        'start_follow_up',
        ctx.body.expectedVersion,
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: episodeUrl('review'),
    summary: 'The open episode reviewed (the monthly review)',
    body: StepBody,
    handler: async (ctx) =>
      simpleStep(
        ctx.caller(),
        ctx.params.childId,
        ctx.params.episodeId,
        'record_review',
        ctx.body.expectedVersion,
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: episodeUrl('return'),
    summary: 'Back from an absence whose whereabouts were known (no search was opened)',
    body: RecordReturnBody,
    handler: async (ctx) =>
      simpleStep(
        ctx.caller(),
        ctx.params.childId,
        ctx.params.episodeId,
        'record_return',
        ctx.body.expectedVersion,
        new Date(ctx.body.returnedAt),
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: episodeUrl('found'),
    summary: 'The child found: where, when, by whom, condition, a suspected crime, harm',
    body: FoundBody,
    handler: async (ctx) =>
      recordFound(
        ctx.caller(),
        ctx.params.childId,
        ctx.params.episodeId,
        { ...ctx.body, foundAt: new Date(ctx.body.foundAt) },
        ctx.body.expectedVersion,
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: episodeUrl('return-talk'),
    summary: "The return talk: held, declined or decided not to be held; the child's own account and views",
    body: ReturnTalkBody,
    handler: async (ctx) =>
      recordReturnTalk(
        ctx.caller(),
        ctx.params.childId,
        ctx.params.episodeId,
        { ...ctx.body, at: new Date(ctx.body.at), bestInterests: ctx.body.bestInterests },
        ctx.body.expectedVersion,
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: episodeUrl('complete'),
    summary: 'The placement reviewed after the return talk: the episode ends as returned',
    body: CompleteReturnBody,
    handler: async (ctx) =>
      completeReturn(
        ctx.caller(),
        ctx.params.childId,
        ctx.params.episodeId,
        ctx.body,
        ctx.body.expectedVersion,
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: episodeUrl('close'),
    summary: "A closure decided: not found (after the routine's minimum), aged out or left the country",
    body: CloseBody,
    handler: async (ctx) =>
      closeEpisode(
        ctx.caller(),
        ctx.params.childId,
        ctx.params.episodeId,
        { closure: ctx.body.closure, reason: ctx.body.reason, bestInterests: ctx.body.bestInterests },
        ctx.body.expectedVersion,
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    url: episodeUrl('emergency-care'),
    summary:
      'Emergency care given by a municipality where the child turned up, through an emergency grant (D-R1): responsibility and the episode stay as they are',
    access: requires('missing:emergency-care'),
    audit: 'missing.emergency_care.write',
    body: EmergencyCareBody,
    handler: async (ctx) =>
      recordEmergencyCare(ctx.caller(), ctx.params.childId, ctx.params.episodeId, {
        ...ctx.body,
        startedAt: new Date(ctx.body.startedAt),
        endedAt: ctx.body.endedAt === null ? null : new Date(ctx.body.endedAt),
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/missing/review',
    summary:
      "The monthly review list: every open episode of the caller's municipality, most overdue first, with whether a review is due this month",
    tags: ['missing'],
    access: requires('missing:report'),
    audit: 'missing.review.read',
    response: { 200: ReviewListSchema },
    handler: async (ctx) => reviewList(ctx.caller()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/missing/statistics',
    summary:
      'Missing episodes reported in a year by county, age band, nationality, asylum stage, duration and outcome, each by gender; counts under 5 suppressed outside the responsible municipality',
    tags: ['missing', 'statistics'],
    access: requires('key-figures:read'),
    audit: 'missing.statistics.read',
    query: MissingStatisticsQuery,
    response: { 200: MissingStatisticsSchema },
    handler: async (ctx) => missingStatistics(ctx.caller(), ctx.query.year ?? Number(ctx.today.slice(0, 4))),
  }),
  ...policeRoutes,
  ...profileRoutes,
];
