/**
 * HTTP routes of the §37a grants (issue 13 point 5, ADR 0028): the three views, the pot, the call, and each step of an
 * application as one row of a table (`STEP_ROUTES`).
 */
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import type { GrantAction } from '../domain/grants/machine.ts';
import { defineRoute, requires, type RequestCaller } from '../platform/http/route.ts';
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
  GRANT_STEP_PATHS,
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

/**
 * One step of an application's machine (src/domain/grants/machine.ts) as a route: the transition it takes, the
 * permission of the party the machine names for it (the applicant applies, the county's officer decides), the audit
 * kind, its summary and body, and the use case. Its address is the step's path in the contract.
 */
interface StepRoute<B extends z.ZodType> {
  readonly action: GrantAction;
  readonly permission: 'grants:apply' | 'grants:decide';
  readonly audit: 'grants.write';
  readonly summary: string;
  readonly body: B;
  readonly run: (
    caller: RequestCaller,
    applicationId: string,
    body: z.output<B>,
  ) => Promise<Answer<z.input<typeof ApplicationSchema>>>;
}

function stepRoute<B extends z.ZodType>(step: StepRoute<B>) {
  return defineRoute({
    method: 'POST',
    url: `/api/grants/applications/:applicationId/${GRANT_STEP_PATHS[step.action]}`,
    summary: step.summary,
    tags: ['grants'],
    access: requires(step.permission),
    audit: step.audit,
    params: GrantParams,
    body: step.body,
    response: { 200: ApplicationSchema },
    handler: async (ctx) => step.run(ctx.caller(), ctx.params.applicationId, ctx.body),
  });
}

/** The steps, one declaration each, in the machine's order. */
const STEP_ROUTES = [
  stepRoute({
    action: 'submit',
    permission: 'grants:apply',
    audit: 'grants.write',
    summary: 'Submit the application by the deadline (E-R8: signatory, a purpose, budget lines)',
    body: VersionBody,
    run: (caller, id, body) => submitApplication(caller, id, body.expectedVersion),
  }),
  stepRoute({
    action: 'assess',
    permission: 'grants:decide',
    audit: 'grants.write',
    summary: "The county's assessment of a submitted application",
    body: AssessBody,
    run: (caller, id, body) => assessApplication(caller, id, body.assessment, body.expectedVersion),
  }),
  stepRoute({
    action: 'decide',
    permission: 'grants:decide',
    audit: 'grants.write',
    summary:
      'The decision: granted wholly or partly, or refused, with reasons (E-R9, E-R10: within the allotment)',
    body: DecideBody,
    run: (caller, id, body) => decideApplication(caller, id, body),
  }),
  stepRoute({
    action: 'pay',
    permission: 'grants:decide',
    audit: 'grants.write',
    summary: 'The grant paid',
    body: PayBody,
    run: (caller, id, body) => payApplication(caller, id, body.paidOn, body.expectedVersion),
  }),
  stepRoute({
    action: 'request_change',
    permission: 'grants:apply',
    audit: 'grants.write',
    summary: 'Ask the county to approve a change of the project (E-R9)',
    body: ChangeRequestBody,
    run: (caller, id, body) => requestChange(caller, id, body.description, body.expectedVersion),
  }),
  stepRoute({
    action: 'approve_change',
    permission: 'grants:decide',
    audit: 'grants.write',
    summary: 'Approve the requested change',
    body: VersionBody,
    run: (caller, id, body) => approveChange(caller, id, body.expectedVersion),
  }),
  stepRoute({
    action: 'submit_interim_report',
    permission: 'grants:apply',
    audit: 'grants.write',
    summary: 'Submit the interim report (delrapport)',
    body: ReportBody,
    run: (caller, id, body) => submitInterimReport(caller, id, body.report, body.expectedVersion),
  }),
  stepRoute({
    action: 'receive_interim_report',
    permission: 'grants:decide',
    audit: 'grants.write',
    summary: 'The interim report received by the county',
    body: VersionBody,
    run: (caller, id, body) => receiveInterimReport(caller, id, body.expectedVersion),
  }),
  stepRoute({
    action: 'submit_final_report',
    permission: 'grants:apply',
    audit: 'grants.write',
    summary: 'Submit the final report (slutrapport)',
    body: ReportBody,
    run: (caller, id, body) => submitFinalReport(caller, id, body.report, body.expectedVersion),
  }),
  stepRoute({
    action: 'receive_final_report',
    permission: 'grants:decide',
    audit: 'grants.write',
    summary: 'The final report received: the grant is closed',
    body: VersionBody,
    run: (caller, id, body) => receiveFinalReport(caller, id, body.expectedVersion),
  }),
];

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
  ...STEP_ROUTES,
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
