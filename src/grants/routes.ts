/** HTTP routes of the §37a grants (issue 13 point 5, ADR 0028): the three views, the pot, the call, each step. */
import { defineRoute, requires } from '../platform/http/route.ts';
import {
  ApplicantViewSchema,
  ApplicationBody,
  ApplicationSchema,
  AssessBody,
  CallBody,
  CallSchema,
  ChangeRequestBody,
  CountyViewSchema,
  DecideBody,
  GrantParams,
  NationalViewSchema,
  PayBody,
  PotBody,
  ReportBody,
  UpdateApplicationBody,
  VersionBody,
  YearParams,
  YearQuery,
} from './contract.ts';
import {
  applicantView,
  approveChange,
  assessApplication,
  countyView,
  createApplication,
  decideApplication,
  nationalView,
  payApplication,
  receiveFinalReport,
  receiveInterimReport,
  requestChange,
  setCall,
  setPot,
  submitApplication,
  submitFinalReport,
  submitInterimReport,
  updateApplication,
} from './use-cases.ts';

const apply = { tags: ['grants'], access: requires('grants:apply'), audit: 'grants.write' } as const;
const decide = { tags: ['grants'], access: requires('grants:decide'), audit: 'grants.write' } as const;
const stepOf = { params: GrantParams, response: { 200: ApplicationSchema } } as const;
const url = (path: string) => `/api/grants/applications/:applicationId/${path}`;

export const grantRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/grants/applications',
    summary:
      "The applicant's page: the county's calls and the own municipality's applications with reminders",
    tags: ['grants'],
    access: requires('grants:apply'),
    audit: 'grants.read',
    response: { 200: ApplicantViewSchema },
    handler: async (ctx) => applicantView(ctx.caller()),
  }),
  defineRoute({
    ...apply,
    method: 'POST',
    url: '/api/grants/applications',
    summary: "A draft application under the own county's call for the year",
    body: ApplicationBody,
    response: { 201: ApplicationSchema },
    handler: async (ctx) => {
      ctx.reply.code(201);
      return createApplication(ctx.caller(), ctx.body);
    },
  }),
  defineRoute({
    ...apply,
    method: 'PUT',
    url: '/api/grants/applications/:applicationId',
    summary: 'Change a draft application',
    params: GrantParams,
    body: UpdateApplicationBody,
    response: { 200: ApplicationSchema },
    handler: async (ctx) => updateApplication(ctx.caller(), ctx.params.applicationId, ctx.body),
  }),
  defineRoute({
    ...apply,
    ...stepOf,
    method: 'POST',
    url: url('submit'),
    summary: 'Submit the application by the deadline (E-R8: signatory, a purpose, budget lines)',
    body: VersionBody,
    handler: async (ctx) =>
      submitApplication(ctx.caller(), ctx.params.applicationId, ctx.body.expectedVersion),
  }),
  defineRoute({
    ...decide,
    ...stepOf,
    method: 'POST',
    url: url('assess'),
    summary: "The county's assessment of a submitted application",
    body: AssessBody,
    handler: async (ctx) =>
      assessApplication(
        ctx.caller(),
        ctx.params.applicationId,
        ctx.body.assessment,
        ctx.body.expectedVersion,
      ),
  }),
  defineRoute({
    ...decide,
    ...stepOf,
    method: 'POST',
    url: url('decide'),
    summary:
      'The decision: granted wholly or partly, or refused, with reasons (E-R9, E-R10: within the allotment)',
    body: DecideBody,
    handler: async (ctx) => decideApplication(ctx.caller(), ctx.params.applicationId, ctx.body),
  }),
  defineRoute({
    ...decide,
    ...stepOf,
    method: 'POST',
    url: url('pay'),
    summary: 'The grant paid',
    body: PayBody,
    handler: async (ctx) =>
      payApplication(ctx.caller(), ctx.params.applicationId, ctx.body.paidOn, ctx.body.expectedVersion),
  }),
  defineRoute({
    ...apply,
    ...stepOf,
    method: 'POST',
    url: url('change-request'),
    summary: 'Ask the county to approve a change of the project (E-R9)',
    body: ChangeRequestBody,
    handler: async (ctx) =>
      requestChange(ctx.caller(), ctx.params.applicationId, ctx.body.description, ctx.body.expectedVersion),
  }),
  defineRoute({
    ...decide,
    ...stepOf,
    method: 'POST',
    url: url('change-approval'),
    summary: 'Approve the requested change',
    body: VersionBody,
    handler: async (ctx) => approveChange(ctx.caller(), ctx.params.applicationId, ctx.body.expectedVersion),
  }),
  defineRoute({
    ...apply,
    ...stepOf,
    method: 'POST',
    url: url('interim-report'),
    summary: 'Submit the interim report (delrapport)',
    body: ReportBody,
    handler: async (ctx) =>
      submitInterimReport(ctx.caller(), ctx.params.applicationId, ctx.body.report, ctx.body.expectedVersion),
  }),
  defineRoute({
    ...decide,
    ...stepOf,
    method: 'POST',
    url: url('interim-report/receipt'),
    summary: 'The interim report received by the county',
    body: VersionBody,
    handler: async (ctx) =>
      receiveInterimReport(ctx.caller(), ctx.params.applicationId, ctx.body.expectedVersion),
  }),
  defineRoute({
    ...apply,
    ...stepOf,
    method: 'POST',
    url: url('final-report'),
    summary: 'Submit the final report (slutrapport)',
    body: ReportBody,
    handler: async (ctx) =>
      submitFinalReport(ctx.caller(), ctx.params.applicationId, ctx.body.report, ctx.body.expectedVersion),
  }),
  defineRoute({
    ...decide,
    ...stepOf,
    method: 'POST',
    url: url('final-report/receipt'),
    summary: 'The final report received: the grant is closed',
    body: VersionBody,
    handler: async (ctx) =>
      receiveFinalReport(ctx.caller(), ctx.params.applicationId, ctx.body.expectedVersion),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/grants/county',
    summary: "The county's page: the call, the allotment and what remains, the applications",
    tags: ['grants'],
    access: requires('grants:decide'),
    audit: 'grants.read',
    query: YearQuery,
    response: { 200: CountyViewSchema },
    handler: async (ctx) => countyView(ctx.caller(), ctx.query.year),
  }),
  defineRoute({
    ...decide,
    method: 'PUT',
    url: '/api/grants/calls/:year',
    summary: "The own county's call for the year (opening, deadline, priorities, report dates)",
    params: YearParams,
    body: CallBody,
    response: { 200: CallSchema },
    handler: async (ctx) => setCall(ctx.caller(), ctx.params.year, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/grants/national',
    summary: 'The national pot, the allotments and the summary (the county board holding the pot only)',
    tags: ['grants'],
    access: requires('grants:decide'),
    audit: 'grants.read',
    query: YearQuery,
    response: { 200: NationalViewSchema },
    handler: async (ctx) => nationalView(ctx.caller(), ctx.query.year),
  }),
  defineRoute({
    ...decide,
    method: 'PUT',
    url: '/api/grants/national/:year',
    summary: "The year's national pot and the counties' allotments (the county board holding the pot only)",
    params: YearParams,
    body: PotBody,
    response: { 200: NationalViewSchema },
    handler: async (ctx) => setPot(ctx.caller(), ctx.params.year, ctx.body),
  }),
];
