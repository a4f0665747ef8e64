/** HTTP routes of the municipality's compensation view (issue 14 point 3, ADR 0032): the finance officer's. */
import { defineRoute, requires } from '../platform/http/route.ts';
import { listForecasts, municipalityAnnual, recordForecast } from './annual.ts';
import {
  AgencyReportsSchema,
  AnnualQuery,
  AnnualSchema,
  AnswerBody,
  ChildParams,
  CompensationQuery,
  CompensationViewSchema,
  DailyCostBody,
  DailyCostSchema,
  ExplanationSchema,
  ForecastBody,
  ForecastsSchema,
  MissingSchablonBody,
  MissingSchablonSchema,
  MunicipalityReportsSchema,
  PaidSchema,
  PayoutBody,
  PayoutQuery,
  PayoutSchema,
  PayoutViewSchema,
  PlacementParams,
  ReportParams,
} from './contract.ts';
import { agencyReports, answerReport, fileReport, municipalityReports } from './missing-schablon.ts';
import { municipalityPaid, payoutView, recordPayout } from './payouts.ts';
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

const payout = { tags: ['compensation'], access: requires('compensation:payout') } as const;

/**
 * The Agency's automatic payments, the forecast behind the annual compensation, and the reports of a missing
 * schablon (ADR 0035): the finance officer's reads and report, the Agency's compensation officer's payouts and answers.
 */
export const compensationPayoutRoutes = [
  defineRoute({
    ...finance,
    method: 'GET',
    url: '/api/compensation/annual',
    summary:
      "The own municipality's annual compensation for a year: the share, the forecast, the computation, paid",
    audit: 'compensation.read',
    query: AnnualQuery,
    response: { 200: AnnualSchema },
    handler: async (ctx) => municipalityAnnual(ctx.caller(), ctx.query.year),
  }),
  defineRoute({
    ...finance,
    method: 'GET',
    url: '/api/compensation/paid',
    summary:
      'What the Agency paid the own municipality for a quarter, per child and code, next to what Anvisa computes',
    audit: 'compensation.read',
    query: CompensationQuery,
    response: { 200: PaidSchema },
    handler: async (ctx) => municipalityPaid(ctx.caller(), ctx.query.quarter),
  }),
  defineRoute({
    ...finance,
    method: 'GET',
    url: '/api/compensation/missing-schablon',
    summary:
      "The own municipality's reports of a missing schablon and the children and quarters it may report",
    audit: 'missing_schablon.read',
    response: { 200: MunicipalityReportsSchema },
    handler: async (ctx) => municipalityReports(ctx.caller()),
  }),
  defineRoute({
    ...finance,
    method: 'POST',
    url: '/api/compensation/missing-schablon',
    summary:
      "Report a child's automatic schablon for a paid quarter that Anvisa computes but the Agency has not paid",
    audit: 'missing_schablon.write',
    body: MissingSchablonBody,
    response: { 201: MissingSchablonSchema },
    handler: async (ctx) => {
      ctx.reply.code(201);
      return fileReport(ctx.caller(), ctx.body);
    },
  }),
  defineRoute({
    ...payout,
    method: 'GET',
    url: '/api/compensation/payouts',
    summary:
      "A municipality's period (quarter or year): the payouts made, computed against paid, the proposal",
    audit: 'compensation.payout.read',
    query: PayoutQuery,
    response: { 200: PayoutViewSchema },
    handler: async (ctx) => payoutView(ctx.caller(), ctx.query.municipalityCode, ctx.query.period),
  }),
  defineRoute({
    ...payout,
    method: 'POST',
    url: '/api/compensation/payouts',
    summary:
      "Record the regular payout of a municipality's period as proposed, paid on a day (once per period)",
    audit: 'compensation.payout.write',
    body: PayoutBody,
    response: { 201: PayoutSchema },
    handler: async (ctx) => {
      ctx.reply.code(201);
      return recordPayout(ctx.caller(), ctx.body);
    },
  }),
  defineRoute({
    ...payout,
    method: 'GET',
    url: '/api/compensation/forecasts',
    summary: "The Agency's forecasts of unaccompanied children per year, with their sources",
    audit: 'compensation.forecast.read',
    response: { 200: ForecastsSchema },
    handler: async (ctx) => listForecasts(ctx.caller()),
  }),
  defineRoute({
    ...payout,
    method: 'POST',
    url: '/api/compensation/forecasts',
    summary:
      "Record a year's forecast with its source (the annual compensation's basis; replaces the year's earlier)",
    audit: 'compensation.forecast.write',
    body: ForecastBody,
    response: { 201: ForecastsSchema },
    handler: async (ctx) => {
      ctx.reply.code(201);
      return recordForecast(ctx.caller(), ctx.body);
    },
  }),
  defineRoute({
    ...payout,
    method: 'GET',
    url: '/api/compensation/missing-schablon-reports',
    summary:
      "Every municipality's reports of a missing schablon: the open ones oldest first, the latest answered",
    audit: 'missing_schablon.read',
    response: { 200: AgencyReportsSchema },
    handler: async (ctx) => agencyReports(ctx.caller()),
  }),
  defineRoute({
    ...payout,
    method: 'POST',
    url: '/api/compensation/missing-schablon-reports/:reportId/answer',
    summary: 'Answer a report: accepted (a supplementary payout of what is owed) or rejected with a reason',
    audit: 'missing_schablon.write',
    params: ReportParams,
    body: AnswerBody,
    response: { 200: MissingSchablonSchema },
    handler: async (ctx) => answerReport(ctx.caller(), ctx.params.reportId, ctx.body),
  }),
];
