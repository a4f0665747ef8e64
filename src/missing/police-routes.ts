/** The police view's routes (ADR 0025): the open episodes of the officer's police region, and one of them. */
import { z } from 'zod';
import { defineRoute, requires } from '../platform/http/route.ts';
import { PoliceEpisodeSchema, PoliceListSchema } from './contract.ts';
import { listForPolice, photoForPolice, readForPolice } from './police.ts';
import { sendPhoto } from './profile-routes.ts';

export const policeRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/police/missing',
    summary: "Children with an open missing episode in the officer's police region",
    tags: ['missing'],
    access: requires('missing:police'),
    audit: 'missing.police.read',
    response: { 200: PoliceListSchema },
    handler: async (ctx) => listForPolice(ctx.caller()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/police/missing/:episodeId',
    summary: 'One open episode in the police region: identity, last seen, the police report, whom to call',
    tags: ['missing'],
    access: requires('missing:police'),
    audit: 'missing.police.read',
    params: z.strictObject({ episodeId: z.uuid({ error: 'Ogiltigt id' }) }),
    response: { 200: PoliceEpisodeSchema },
    handler: async (ctx) => readForPolice(ctx.caller(), ctx.params.episodeId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/police/missing/:episodeId/photo',
    summary: "The photo of the child's prevention profile, while the episode is open in the police region",
    tags: ['missing'],
    access: requires('missing:police'),
    audit: 'missing.police.read',
    params: z.strictObject({ episodeId: z.uuid({ error: 'Ogiltigt id' }) }),
    handler: async (ctx) => {
      return sendPhoto(ctx.reply, await photoForPolice(ctx.caller(), ctx.params.episodeId));
    },
  }),
];
