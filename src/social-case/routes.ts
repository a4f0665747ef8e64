/** HTTP routes of the casework capability. Thin: parse → authorise → one use case → a whitelist of fields. */
import { z } from 'zod';
import { ChildIdParams, defineRoute, requires, type RouteSpec } from '../platform/http/route.ts';
import { BestInterestsBody, LatestBestInterestsSchema } from '../case/contract.ts';
import { stepUrl } from '../case/steps.ts';
import { readLatestBestInterests } from '../case/best-interests-read.ts';
import { caseload, myCases, type CaseFilter } from './caseload.ts';
import { isoDate, reasonText } from '../domain/fields.ts';
import {
  CLOSE_REASONS,
  INTERVENTIONS,
  INVESTIGATION_FINDINGS,
  NO_INVESTIGATION_FINDINGS,
  PROTECTION_OUTCOMES,
  REPORT_SOURCES,
  REVIEW_OUTCOMES,
} from '../domain/social-case/codes.ts';
import {
  AssignedResponse,
  AssignWorkersBody,
  CaseloadQuery,
  CaseloadResponse,
  CreatedResponse,
  MyCasesResponse,
  SocialCaseSchema,
  SubstituteBody,
  SubstituteEndedResponse,
  SubstituteParams,
  SubstitutesResponse,
} from './contract.ts';
import { personaktRoutes } from './routes-personakt.ts';
import { readSocialCase } from './social-case-read.ts';
import { stepSocialCase } from './social-case.ts';
import { SOCIAL_CASE_STEP_ROUTES } from './steps.ts';
import { endSubstitute, listSubstitutes, setSubstitute } from './substitutes.ts';
import { assignWorkers } from './workers.ts';

const step = <E extends string, S extends z.ZodRawShape>(event: E, shape: S) =>
  z.strictObject({
    event: z.literal(event),
    occurredOn: isoDate,
    expectedVersion: z.number().int().min(0).optional(),
    ...shape,
  });

/** One body per step of the social case; `event` names the step. */
export const StepBody = z.discriminatedUnion('event', [
  step('receive_report', { source: z.enum(REPORT_SOURCES) }),
  step('assess_protection', { outcome: z.enum(PROTECTION_OUTCOMES) }),
  step('open_investigation', { finding: z.enum(INVESTIGATION_FINDINGS) }),
  step('decide_not_to_investigate', {
    finding: z.enum(NO_INVESTIGATION_FINDINGS),
    bestInterests: BestInterestsBody.optional(),
  }),
  step('extend_investigation', { extendedTo: isoDate, reason: reasonText(2000) }),
  step('decide_interventions', {
    interventions: z.array(z.enum(INTERVENTIONS)).min(1).max(INTERVENTIONS.length),
    carePlanOn: isoDate,
    bestInterests: BestInterestsBody.optional(),
  }),
  step('start_care', { implementationPlanOn: isoDate.nullable().default(null) }),
  step('review_care', { outcome: z.enum(REVIEW_OUTCOMES) }),
  step('close', { reason: z.enum(CLOSE_REASONS) }),
]);

const STEP_ROUTE = SOCIAL_CASE_STEP_ROUTES.route('receive_report');

const caseRoutes: readonly RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/social-case',
    summary:
      'The social case of the responsible municipality: state, step dates, open deadlines, assigned workers',
    tags: ['casework'],
    access: requires('case:read'),
    audit: 'case.read',
    params: ChildIdParams,
    response: { 200: SocialCaseSchema },
    handler: async (ctx) => readSocialCase(ctx.caller(), ctx.params.childId),
  }),
  defineRoute({
    method: 'POST',
    // Every step's route (the body's `event` names the step): its address and permission from the step table.
    url: stepUrl(STEP_ROUTE),
    summary:
      'Take a step of the social case (report, protection assessment, investigation, interventions, care, review, close)',
    tags: ['casework'],
    access: requires(STEP_ROUTE.permission),
    audit: 'case.transition',
    params: ChildIdParams,
    body: StepBody,
    response: { 201: z.object({ socialCaseId: z.uuid(), state: z.string(), version: z.number().int() }) },
    handler: async (ctx) => stepSocialCase(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/best-interests/latest',
    summary:
      'The child’s latest best-interests record, offered to a new decision’s form to confirm or change',
    tags: ['casework'],
    access: requires('case:read'),
    audit: 'case.read',
    params: ChildIdParams,
    response: { 200: LatestBestInterestsSchema },
    handler: async (ctx) => readLatestBestInterests(ctx.caller(), ctx.params.childId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/children/:childId/social-case/workers',
    summary: 'Assign or reassign the social workers of the case (unit manager)',
    tags: ['casework'],
    access: requires('case:manage'),
    audit: 'case.assign',
    params: ChildIdParams,
    body: AssignWorkersBody,
    response: { 200: AssignedResponse },
    handler: async (ctx) => assignWorkers(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/caseload',
    summary: 'The unit’s caseload per social worker, and its open cases (unassigned, all, or one worker’s)',
    tags: ['casework'],
    access: requires('case:manage'),
    audit: 'caseload.read',
    query: CaseloadQuery,
    response: { 200: CaseloadResponse },
    handler: async (ctx) => {
      const { worker, page, pageSize } = ctx.query;
      const filter: CaseFilter =
        worker === 'unassigned' || worker === 'all' ? { kind: worker } : { kind: 'worker', userId: worker };
      return caseload(ctx.caller(), filter, page, pageSize);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/social-cases/mine',
    summary: 'The caller’s open cases, and those of colleagues they stand in for today',
    tags: ['casework'],
    access: requires('case:write'),
    audit: 'caseload.read',
    response: { 200: MyCasesResponse },
    handler: async (ctx) => myCases(ctx.caller()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/substitutes',
    summary: 'The unit’s current and planned substitutes',
    tags: ['casework'],
    access: requires('case:manage'),
    audit: 'caseload.read',
    response: { 200: SubstitutesResponse },
    handler: async (ctx) => listSubstitutes(ctx.caller()),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/substitutes',
    summary: 'Set a substitute for an absent social worker for a period',
    tags: ['casework'],
    access: requires('case:manage'),
    audit: 'case.substitute',
    body: SubstituteBody,
    response: { 201: CreatedResponse },
    handler: async (ctx) => setSubstitute(ctx.caller(), ctx.body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/substitutes/:substituteId',
    summary: 'End a substitute early (a period not yet begun is withdrawn)',
    tags: ['casework'],
    access: requires('case:manage'),
    audit: 'case.substitute',
    params: SubstituteParams,
    response: { 200: SubstituteEndedResponse },
    handler: async (ctx) => endSubstitute(ctx.caller(), ctx.params.substituteId),
  }),
];

export const socialCaseRoutes: readonly RouteSpec[] = [...caseRoutes, ...personaktRoutes];
