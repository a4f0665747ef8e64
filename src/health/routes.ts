/** HTTP routes of the health examination (registered through src/placement/routes.ts). */
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import { DeclinedBody, DoneBody, HealthViewSchema, OfferBody, ReferralBody } from './contract.ts';
import { stepUrl } from '../case/steps.ts';
import { HEALTH_STEPS } from './steps.ts';
import { readHealth, recordHealth } from './use-cases.ts';

const step = (action: 'offer' | 'done' | 'declined' | 'referral') => {
  const route = HEALTH_STEPS.route(action);
  return { url: stepUrl(route), access: requires(route.permission) };
};

const write = {
  tags: ['health'],
  audit: 'health.write',
  params: ChildIdParams,
  response: { 201: HealthViewSchema },
} as const;

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/health',
    summary: 'The health examination: offered, done or declined, and referrals (never diagnoses)',
    tags: ['health'],
    access: requires('case:read'),
    audit: 'health.read',
    params: ChildIdParams,
    response: { 200: HealthViewSchema },
    handler: async (ctx) => readHealth(ctx.caller(), ctx.params.childId),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    ...step('offer'),
    summary: 'The region offered the health examination',
    body: OfferBody,
    handler: async (ctx) =>
      recordHealth(
        ctx.caller(),
        ctx.params.childId,
        { event: 'offer_examination', date: ctx.body.offeredOn },
        ctx.body.expectedVersion,
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    ...step('done'),
    summary: 'The health examination was done',
    body: DoneBody,
    handler: async (ctx) =>
      recordHealth(
        ctx.caller(),
        ctx.params.childId,
        { event: 'record_done', date: ctx.body.doneOn },
        ctx.body.expectedVersion,
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    ...step('declined'),
    summary: 'The child declined the health examination',
    body: DeclinedBody,
    handler: async (ctx) =>
      recordHealth(
        ctx.caller(),
        ctx.params.childId,
        { event: 'record_declined', date: ctx.body.declinedOn },
        ctx.body.expectedVersion,
      ),
  }),
  defineRoute({
    ...write,
    method: 'POST',
    ...step('referral'),
    summary: 'A referral made after the examination: where to and when, never why',
    body: ReferralBody,
    handler: async (ctx) =>
      recordHealth(
        ctx.caller(),
        ctx.params.childId,
        { event: 'record_referral', date: ctx.body.on, to: ctx.body.to },
        ctx.body.expectedVersion,
      ),
  }),
];
