/** HTTP routes of the capacity survey (issue 13 point 1): the municipality's report and the county's follow-up. */
import { defineRoute, requires } from '../platform/http/route.ts';
import { adoptProgramme, readProgrammes, recordFollowUp } from './programme.ts';
import {
  AdoptProgrammeBody,
  FollowUpBody,
  ProgrammeParams,
  ProgrammesSchema,
  CountyCapacitySchema,
  CountyPeriodSchema,
  CreatePeriodBody,
  MunicipalityCapacitySchema,
  PeriodParams,
  RemindersSentSchema,
  SubmitReportBody,
} from './contract.ts';
import {
  countyCapacity,
  countyPeriod,
  createPeriod,
  municipalityCapacity,
  remindMissing,
  submitReport,
} from './capacity.ts';

const county = { tags: ['county'], access: requires('capacity:follow-up') } as const;
const municipality = { tags: ['county'], access: requires('capacity:report') } as const;

export const capacityRoutes = [
  defineRoute({
    ...municipality,
    method: 'GET',
    url: '/api/capacity',
    summary:
      "The municipality's capacity reports: each period of its county, what is due, and the report given",
    audit: 'capacity.read',
    response: { 200: MunicipalityCapacitySchema },
    handler: async (ctx) => municipalityCapacity(ctx.caller()),
  }),
  defineRoute({
    ...municipality,
    method: 'PUT',
    url: '/api/capacity/:periodId/report',
    summary:
      "Give or revise the municipality's capacity report for a period (optimistic concurrency on its version)",
    audit: 'capacity.write',
    params: PeriodParams,
    body: SubmitReportBody,
    response: { 200: MunicipalityCapacitySchema },
    handler: async (ctx) => submitReport(ctx.caller(), ctx.params.periodId, ctx.body),
  }),
  defineRoute({
    ...county,
    method: 'GET',
    url: '/api/county/capacity',
    summary: "The county's capacity survey periods with how many municipalities have answered",
    audit: 'capacity.read',
    response: { 200: CountyCapacitySchema },
    handler: async (ctx) => countyCapacity(ctx.caller()),
  }),
  defineRoute({
    ...county,
    method: 'POST',
    url: '/api/county/capacity/periods',
    summary: 'Set a capacity survey period for the county (first and last day, the day reports are due)',
    audit: 'capacity.write',
    body: CreatePeriodBody,
    response: { 201: CountyCapacitySchema },
    handler: async (ctx) => createPeriod(ctx.caller(), ctx.body),
  }),
  defineRoute({
    ...county,
    method: 'GET',
    url: '/api/county/capacity/:periodId',
    summary:
      "One period: every municipality's status and reported places in all beside Anvisa's figures (share, received, placed, free places, medians), and the trend; the report's answers stay on the municipality's own route",
    audit: 'capacity.read',
    params: PeriodParams,
    response: { 200: CountyPeriodSchema },
    handler: async (ctx) => countyPeriod(ctx.caller(), ctx.params.periodId),
  }),
  defineRoute({
    ...county,
    method: 'POST',
    url: '/api/county/capacity/:periodId/reminders',
    summary: 'Remind every municipality that has not reported for the period (a notice to its reporters)',
    audit: 'capacity.write',
    params: PeriodParams,
    response: { 201: RemindersSentSchema },
    handler: async (ctx) => remindMissing(ctx.caller(), ctx.params.periodId),
  }),
];

const programme = { tags: ['county'], access: requires('programme:manage') } as const;

export const programmeRoutes = [
  defineRoute({
    ...programme,
    method: 'GET',
    url: '/api/county/programmes',
    summary:
      "The county's development programmes: goals, measures, indicators per year against their targets, follow-ups",
    audit: 'programme.read',
    response: { 200: ProgrammesSchema },
    handler: async (ctx) => readProgrammes(ctx.caller()),
  }),
  defineRoute({
    ...programme,
    method: 'POST',
    url: '/api/county/programmes',
    summary:
      'Adopt a development programme for two years (every municipality of the county in the working group)',
    audit: 'programme.write',
    body: AdoptProgrammeBody,
    response: { 201: ProgrammesSchema },
    handler: async (ctx) => adoptProgramme(ctx.caller(), ctx.body),
  }),
  defineRoute({
    ...programme,
    method: 'POST',
    url: '/api/county/programmes/:programmeId/follow-ups',
    summary: "Record (or revise) a year's follow-up of one goal of the programme",
    audit: 'programme.write',
    params: ProgrammeParams,
    body: FollowUpBody,
    response: { 200: ProgrammesSchema },
    handler: async (ctx) => recordFollowUp(ctx.caller(), ctx.params.programmeId, ctx.body),
  }),
];

export const countyRoutes = [...capacityRoutes, ...programmeRoutes];
