/** HTTP routes of the municipality's compensation view (issue 14 point 3, ADR 0032): the finance officer's. */
import { defineRoute, requires } from '../platform/http/route.ts';
import {
  ChildParams,
  CompensationQuery,
  CompensationViewSchema,
  DailyCostBody,
  DailyCostSchema,
  ExplanationSchema,
  PlacementParams,
} from './contract.ts';
import { explainCompensation, municipalityCompensation, setDailyCost } from './view.ts';

const finance = { tags: ['compensation'], access: requires('compensation:municipality') } as const;

export const compensationRoutes = [
  defineRoute({
    ...finance,
    method: 'GET',
    url: '/api/compensation',
    summary:
      "The own municipality's computed compensation for a quarter: totals per code, lines per child, the warnings",
    audit: 'compensation.read',
    query: CompensationQuery,
    response: { 200: CompensationViewSchema },
    handler: async (ctx) => municipalityCompensation(ctx.caller(), ctx.query.quarter),
  }),
  defineRoute({
    ...finance,
    method: 'GET',
    url: '/api/compensation/children/:childId',
    summary: "One child's compensation lines for the own municipality in a quarter, day by day",
    audit: 'compensation.read',
    params: ChildParams,
    query: CompensationQuery,
    response: { 200: ExplanationSchema },
    handler: async (ctx) => explainCompensation(ctx.caller(), ctx.params.childId, ctx.query.quarter),
  }),
  defineRoute({
    ...finance,
    method: 'PUT',
    url: '/api/compensation/placements/:placementId/daily-cost',
    summary: "Record the daily cost of one of the municipality's LVU placements (whole kronor, without VAT)",
    audit: 'compensation.write',
    params: PlacementParams,
    body: DailyCostBody,
    response: { 200: DailyCostSchema },
    handler: async (ctx) => setDailyCost(ctx.caller(), ctx.params.placementId, ctx.body),
  }),
];
