/** HTTP routes of the placement capability (and of school and health). Thin: parse → authorise → one use case → a whitelist of fields. */
import { z } from 'zod';
import { PLACEMENT_FORMS } from '../domain/placement/vocabulary.ts';
import { ChildIdParams, defineRoute, requires, type RouteSpec } from '../platform/http/route.ts';
import { stepUrl } from '../case/steps.ts';
import { changeProvider, listProviders, registerProvider } from './providers.ts';
import {
  DecisionBody,
  EndBody,
  PlacementViewSchema,
  ProviderBody,
  ProviderSchema,
  ProvidersSchema,
} from './contract.ts';
import { PLACEMENT_STEPS } from './steps.ts';
import { decidePlacement, endPlacement, readPlacements } from './use-cases.ts';

const ProviderParams = z.strictObject({ providerId: z.uuid({ error: 'Ogiltigt id' }) });

const step = (action: 'place' | 'on_call' | 'move' | 'end') => {
  const route = PLACEMENT_STEPS.route(action);
  return { url: stepUrl(route), access: requires(route.permission) };
};

const decision = (
  action: 'place' | 'on_call' | 'move',
  event: 'place' | 'place_on_call' | 'move',
  summary: string,
) =>
  defineRoute({
    method: 'POST',
    ...step(action),
    summary,
    tags: ['placement'],
    audit: 'placement.write',
    params: ChildIdParams,
    body: DecisionBody,
    response: { 201: PlacementViewSchema },
    handler: async (ctx) => decidePlacement(ctx.caller(), ctx.params.childId, event, ctx.body),
  });

const providerRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/providers',
    summary:
      'Placement providers with free places (own municipality; the county coordinator sees the county)',
    tags: ['placement'],
    access: requires('providers:read'),
    audit: 'providers.read',
    query: z.strictObject({
      municipalityCode: z
        .string()
        .regex(/^[0-9]{4}$/, 'four digits')
        .optional(),
      form: z.enum(PLACEMENT_FORMS).optional(),
    }),
    response: { 200: ProvidersSchema },
    handler: async (ctx) => listProviders(ctx.caller(), ctx.query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/providers',
    summary: 'Register a placement provider in the own municipality’s register',
    tags: ['placement'],
    access: requires('providers:manage'),
    audit: 'providers.write',
    body: ProviderBody,
    response: { 201: ProviderSchema },
    handler: async (ctx) => registerProvider(ctx.caller(), ctx.body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/providers/:providerId',
    summary: 'Change a provider; a stale version answers 409 with the provider as it is now',
    tags: ['placement'],
    access: requires('providers:manage'),
    audit: 'providers.write',
    params: ProviderParams,
    body: ProviderBody.extend({ version: z.number().int().min(1) }),
    response: { 200: ProviderSchema },
    handler: async (ctx) => changeProvider(ctx.caller(), ctx.params.providerId, ctx.body),
  }),
];

export const placementRoutes: readonly RouteSpec[] = [
  ...providerRoutes,
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/placements',
    summary: 'The child’s current and past placements, and placement days per municipality',
    tags: ['placement'],
    access: requires('case:read'),
    audit: 'case.read',
    params: ChildIdParams,
    response: { 200: PlacementViewSchema },
    handler: async (ctx) => readPlacements(ctx.caller(), ctx.params.childId),
  }),
  decision('place', 'place', 'Place the child (an ordinary decision, also after an on-call placement)'),
  decision(
    'on_call',
    'place_on_call',
    'Place the child out of hours (on call): valid to the next working day',
  ),
  decision('move', 'move', 'Move the child to another provider'),
  defineRoute({
    method: 'POST',
    ...step('end'),
    summary:
      'End the current placement with a reason (absconding, leaving Sweden and reunification are reported)',
    tags: ['placement'],
    audit: 'placement.write',
    params: ChildIdParams,
    body: EndBody,
    response: { 201: PlacementViewSchema },
    handler: async (ctx) => endPlacement(ctx.caller(), ctx.params.childId, ctx.body),
  }),
];
