/** HTTP routes of the guardianship capability. Thin: parse → authorise → one use case → a whitelist of fields. */
import { ChildIdParams, defineRoute, requires, type RouteSpec } from '../platform/http/route.ts';
import { stepUrl } from '../case/steps.ts';
import { appointGodMan, endGuardianship, resignGodMan } from './appointment.ts';
import { myWards } from './my-wards.ts';
import { guardianshipView } from './read.ts';
import { listRegistry, registerGodMan, setPolicy, updateProfile } from './registry.ts';
import { openRequests, requestGodMan, withdrawRequest } from './requests.ts';
import {
  AppointBody,
  EndBody,
  GuardianshipViewSchema,
  PolicyBody,
  PolicySchema,
  ProfileBody,
  RegistryEntrySchema,
  RegistrySchema,
  RegisterGodManBody,
  RequestBody,
  ResignBody,
  SfvApplyBody,
  SfvDecisionBody,
  SfvNotApplyingBody,
  UserIdParams,
  VersionSchema,
  WithdrawBody,
  AppointedResponse,
  Created,
  OpenRequestsResponse,
  RegisteredGodManResponse,
  RequestedResponse,
  ResignedResponse,
  SfvDecisionResponse,
  WardsResponse,
} from './contract.ts';
import { applyForSfv, recordSfvDecision, recordSfvNotApplying } from './sfv.ts';
import { GUARDIANSHIP_STEPS } from './steps.ts';

/** A step route's address and permission, from the step table (the view offers what the route accepts). */
const step = (action: Parameters<typeof GUARDIANSHIP_STEPS.route>[0]) => {
  const route = GUARDIANSHIP_STEPS.route(action);
  return { url: stepUrl(route), access: requires(route.permission) };
};

const tags = ['guardianship'];

export const guardianshipRoutes: readonly RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/guardianship',
    summary:
      'The child’s god man, special custodian, requests, history with end records, and the steps the caller may take',
    tags,
    access: requires('case:read'),
    audit: 'guardianship.read',
    params: ChildIdParams,
    response: { 200: GuardianshipViewSchema },
    handler: async (ctx) => guardianshipView(ctx.caller(), ctx.params.childId),
  }),
  defineRoute({
    method: 'POST',
    ...step('request_god_man'),
    summary:
      'Ask the guardianship authority serving the responsible municipality for a god man (Migration Agency or social services)',
    tags,
    audit: 'guardianship.request',
    params: ChildIdParams,
    body: RequestBody,
    response: { 201: RequestedResponse },
    handler: async (ctx) => requestGodMan(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    ...step('withdraw_request'),
    summary: 'Withdraw the open request for a god man (guardianship authority)',
    tags,
    audit: 'guardianship.request',
    params: ChildIdParams,
    body: WithdrawBody,
    response: { 200: VersionSchema },
    handler: async (ctx) => withdrawRequest(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    ...step('appoint_god_man'),
    summary:
      'Appoint a god man on the open request: whether the child was heard, the best-interests record; warns above the ward limit',
    tags,
    audit: 'guardianship.appoint',
    params: ChildIdParams,
    body: AppointBody,
    response: { 201: AppointedResponse },
    handler: async (ctx) => appointGodMan(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    ...step('god_man_resigns'),
    summary: 'The god man resigns: the assignment ends and a request for a new god man opens',
    tags,
    audit: 'guardianship.end',
    params: ChildIdParams,
    body: ResignBody,
    response: { 201: ResignedResponse },
    handler: async (ctx) => resignGodMan(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    ...step('end_by_decision'),
    summary:
      'End the assignment by the authority’s decision (best interests required) or record an end that followed from law',
    tags,
    audit: 'guardianship.end',
    params: ChildIdParams,
    body: EndBody,
    response: { 200: VersionSchema },
    handler: async (ctx) => endGuardianship(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    ...step('apply_for_sfv'),
    summary:
      'Social services applied to the district court for a special custodian (after a residence permit)',
    tags,
    audit: 'sfv.write',
    params: ChildIdParams,
    body: SfvApplyBody,
    response: { 201: Created },
    handler: async (ctx) => applyForSfv(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    ...step('sfv_appointed'),
    summary:
      'The district court’s decision on the special custodian: appointed (final: the god man’s assignment ends) or refused',
    tags,
    audit: 'sfv.write',
    params: ChildIdParams,
    body: SfvDecisionBody,
    response: { 200: SfvDecisionResponse },
    handler: async (ctx) => recordSfvDecision(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    ...step('record_sfv_not_applying'),
    summary:
      'Record the special reason not to apply for a special custodian (18 within six months, parents on their way, other)',
    tags,
    audit: 'sfv.write',
    params: ChildIdParams,
    body: SfvNotApplyingBody,
    response: { 201: Created },
    handler: async (ctx) => recordSfvNotApplying(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/guardianship/requests',
    summary:
      'Open requests for a god man for children of the municipalities the authority serves, oldest due first',
    tags,
    access: requires('guardianship:appoint'),
    audit: 'guardianship.read',
    response: { 200: OpenRequestsResponse },
    handler: async (ctx) => openRequests(ctx.caller()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/god-men',
    summary: 'The authority’s registry of gode män with current wards, and its ward-limit policy',
    tags,
    access: requires('guardianship:registry'),
    audit: 'guardianship.registry.read',
    response: { 200: RegistrySchema },
    handler: async (ctx) => listRegistry(ctx.caller()),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/god-men',
    summary: 'Register a new god man in the authority’s registry (a user in the god man pool)',
    tags,
    access: requires('guardianship:registry'),
    audit: 'guardianship.registry.write',
    body: RegisterGodManBody,
    response: { 201: RegisteredGodManResponse },
    handler: async (ctx) => registerGodMan(ctx.caller(), ctx.body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/god-men/:userId/profile',
    summary: 'Create or change a god man’s profile in the authority’s registry (its own municipalities only)',
    tags,
    access: requires('guardianship:registry'),
    audit: 'guardianship.registry.write',
    params: UserIdParams,
    body: ProfileBody,
    response: { 200: RegistryEntrySchema },
    handler: async (ctx) => updateProfile(ctx.caller(), ctx.params.userId, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/guardianship/policy',
    summary: 'Set the authority’s own limit of wards per god man (a warning when exceeded, not a rule)',
    tags,
    access: requires('guardianship:registry'),
    audit: 'guardianship.registry.write',
    body: PolicyBody,
    response: { 200: PolicySchema },
    handler: async (ctx) => setPolicy(ctx.caller(), ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/guardianship/my-wards',
    summary: 'A god man’s current wards: basic data, placement, school and coming meetings',
    tags,
    access: requires('case:read'),
    audit: 'guardianship.read',
    response: { 200: WardsResponse },
    handler: async (ctx) => myWards(ctx.caller()),
  }),
];
