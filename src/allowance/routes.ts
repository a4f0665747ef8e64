/**
 * HTTP routes of the child's special grant (issue 14 point 7, ADR 0033): the god man's view and application for a
 * ward, its submission; the Agency's queue, decision and payment.
 */
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import {
  ChildSpecialGrantsSchema,
  SPECIAL_GRANT_STEP_PATHS,
  SpecialGrantBody,
  SpecialGrantDecideBody,
  SpecialGrantParams,
  SpecialGrantPayBody,
  SpecialGrantQueueSchema,
  SpecialGrantSchema,
  SpecialGrantVersionBody,
} from './contract.ts';
import {
  childSpecialGrants,
  createSpecialGrant,
  decideSpecialGrant,
  paySpecialGrant,
  specialGrantQueue,
  submitSpecialGrant,
} from './use-cases.ts';

const tags = ['allowance'];
const apply = { tags, access: requires('allowance:apply'), audit: 'special_grant.write' } as const;
const decide = { tags, access: requires('allowance:decide'), audit: 'special_grant.write' } as const;
const stepUrl = (path: string) => `/api/special-grants/:applicationId/${path}`;

export const allowanceRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/special-grants',
    summary: "The ward's special grant applications, their decisions and payments (the god man)",
    tags,
    access: requires('allowance:apply'),
    audit: 'special_grant.read',
    params: ChildIdParams,
    response: { 200: ChildSpecialGrantsSchema },
    handler: async (ctx) => childSpecialGrants(ctx.caller(), ctx.params.childId),
  }),
  defineRoute({
    ...apply,
    method: 'POST',
    url: '/api/children/:childId/special-grants',
    summary: "A draft application for a special grant on the child's behalf (the god man appointed today)",
    params: ChildIdParams,
    body: SpecialGrantBody,
    response: { 201: SpecialGrantSchema },
    handler: async (ctx) => {
      ctx.reply.code(201);
      return createSpecialGrant(ctx.caller(), ctx.params.childId, ctx.body);
    },
  }),
  defineRoute({
    ...apply,
    method: 'POST',
    url: stepUrl(SPECIAL_GRANT_STEP_PATHS.submit),
    summary: 'The god man submits the application to the Migration Agency',
    params: SpecialGrantParams,
    body: SpecialGrantVersionBody,
    response: { 200: SpecialGrantSchema },
    handler: async (ctx) =>
      submitSpecialGrant(ctx.caller(), ctx.params.applicationId, ctx.body.expectedVersion),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/special-grants',
    summary: 'The applications to decide and the grants to pay, oldest first (the Migration Agency)',
    tags,
    access: requires('allowance:decide'),
    audit: 'special_grant.read',
    response: { 200: SpecialGrantQueueSchema },
    handler: async (ctx) => specialGrantQueue(ctx.caller()),
  }),
  defineRoute({
    ...decide,
    method: 'POST',
    url: stepUrl(SPECIAL_GRANT_STEP_PATHS.decide),
    summary: 'The decision: granted, partly granted or refused with a reason; never more than applied for',
    params: SpecialGrantParams,
    body: SpecialGrantDecideBody,
    response: { 200: SpecialGrantSchema },
    handler: async (ctx) => decideSpecialGrant(ctx.caller(), ctx.params.applicationId, ctx.body),
  }),
  defineRoute({
    ...decide,
    method: 'POST',
    url: stepUrl(SPECIAL_GRANT_STEP_PATHS.pay),
    summary: 'The grant paid (only after a grant)',
    params: SpecialGrantParams,
    body: SpecialGrantPayBody,
    response: { 200: SpecialGrantSchema },
    handler: async (ctx) =>
      paySpecialGrant(ctx.caller(), ctx.params.applicationId, ctx.body.paidOn, ctx.body.expectedVersion),
  }),
];
