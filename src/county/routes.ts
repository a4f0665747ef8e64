/** HTTP routes of the capacity survey (issue 13 point 1): the municipality's report and the county's follow-up. */
import { defineRoute, requires } from '../platform/http/route.ts';
import { adoptProgramme, readProgrammes, recordFollowUp } from './programme.ts';
import { readAgreements, recordAgreement, voidAgreement } from './agreements.ts';
import {
  addContact,
  addEvent,
  confirmContact,
  createNetwork,
  readNetwork,
  readNetworks,
  updateContact,
  withdrawContactConsent,
} from './networks.ts';
import {
  AdoptProgrammeBody,
  AgreementParams,
  AgreementsSchema,
  RecordAgreementBody,
  VoidAgreementBody,
  ContactBody,
  ContactParams,
  CreateNetworkBody,
  EventBody,
  NetworkParams,
  NetworkSchema,
  NetworksSchema,
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

const agreements = { tags: ['county'], access: requires('agreements:record') } as const;

export const agreementRoutes = [
  defineRoute({
    ...agreements,
    method: 'GET',
    url: '/api/county/agreements',
    summary:
      "The county's historic agreements (2006 – March 2016) with parties, dates, places agreed and signatures",
    audit: 'agreements.read',
    response: { 200: AgreementsSchema },
    handler: async (ctx) => readAgreements(ctx.caller()),
  }),
  defineRoute({
    ...agreements,
    method: 'POST',
    url: '/api/county/agreements',
    summary: 'Register a historic agreement from its document (parties, dates, places, each signature)',
    audit: 'agreements.write',
    body: RecordAgreementBody,
    response: { 201: AgreementsSchema },
    handler: async (ctx) => recordAgreement(ctx.caller(), ctx.body),
  }),
  defineRoute({
    ...agreements,
    method: 'POST',
    url: '/api/county/agreements/:agreementId/void',
    summary: 'Void a registration made in error, with the reason (the registration stays, marked void)',
    audit: 'agreements.write',
    params: AgreementParams,
    body: VoidAgreementBody,
    response: { 200: AgreementsSchema },
    handler: async (ctx) => voidAgreement(ctx.caller(), ctx.params.agreementId, ctx.body),
  }),
];

const network = { tags: ['county'], access: requires('network:manage') } as const;

export const networkRoutes = [
  defineRoute({
    ...network,
    method: 'GET',
    url: '/api/county/networks',
    summary:
      "The networks that hold the coordinator's county: counties, how often they meet, members and events counted",
    audit: 'network.read',
    response: { 200: NetworksSchema },
    handler: async (ctx) => readNetworks(ctx.caller()),
  }),
  defineRoute({
    ...network,
    method: 'POST',
    url: '/api/county/networks',
    summary: 'Create a network of one or more counties (the own county among them)',
    audit: 'network.write',
    body: CreateNetworkBody,
    response: { 201: NetworkSchema },
    handler: async (ctx) => createNetwork(ctx.caller(), ctx.body),
  }),
  defineRoute({
    ...network,
    method: 'GET',
    url: '/api/county/networks/:networkId',
    summary:
      'One network: its members (names and contact details: a read of personal data), events and participation by county, role and gender',
    audit: 'network.contact.read',
    params: NetworkParams,
    response: { 200: NetworkSchema },
    handler: async (ctx) => readNetwork(ctx.caller(), ctx.params.networkId),
  }),
  defineRoute({
    ...network,
    method: 'POST',
    url: '/api/county/networks/:networkId/events',
    summary:
      'Record a competence event with its participants (members, and anonymous counts by county, role and gender)',
    audit: 'network.write',
    params: NetworkParams,
    body: EventBody,
    response: { 201: NetworkSchema },
    handler: async (ctx) => addEvent(ctx.caller(), ctx.params.networkId, ctx.body),
  }),
  defineRoute({
    ...network,
    method: 'POST',
    url: '/api/county/networks/:networkId/contacts',
    summary:
      'Add a contact to the network (only with recorded consent, and an owner at one of its county boards)',
    audit: 'network.write',
    params: NetworkParams,
    body: ContactBody,
    response: { 201: NetworkSchema },
    handler: async (ctx) => addContact(ctx.caller(), ctx.params.networkId, ctx.body),
  }),
  defineRoute({
    ...network,
    method: 'PUT',
    url: '/api/county/networks/:networkId/contacts/:contactId',
    summary: 'Change a contact (it is confirmed current by the change)',
    audit: 'network.write',
    params: ContactParams,
    body: ContactBody,
    response: { 200: NetworkSchema },
    handler: async (ctx) => updateContact(ctx.caller(), ctx.params.networkId, ctx.params.contactId, ctx.body),
  }),
  defineRoute({
    ...network,
    method: 'POST',
    url: '/api/county/networks/:networkId/contacts/:contactId/withdrawal',
    summary:
      "Consent withdrawn: the contact's name, e-mail and phone are removed; the anonymous participation stays",
    audit: 'network.write',
    params: ContactParams,
    response: { 200: NetworkSchema },
    handler: async (ctx) => withdrawContactConsent(ctx.caller(), ctx.params.networkId, ctx.params.contactId),
  }),
  defineRoute({
    ...network,
    method: 'POST',
    url: '/api/county/networks/:networkId/contacts/:contactId/confirmation',
    summary: 'Confirm that a contact is current (it needs review twelve months after the last confirmation)',
    audit: 'network.write',
    params: ContactParams,
    response: { 200: NetworkSchema },
    handler: async (ctx) => confirmContact(ctx.caller(), ctx.params.networkId, ctx.params.contactId),
  }),
];

export const countyRoutes = [...capacityRoutes, ...programmeRoutes, ...agreementRoutes, ...networkRoutes];
