/** HTTP routes of the prevention profile, its photo and the risk indicators (issue 12). Thin: parse → one use case. */
import type { FastifyReply } from 'fastify';
import { ChildIdParams, defineRoute, requires, type RouteSpec } from '../platform/http/route.ts';
import { ObservationBody, PhotoBody, PhotoParams, ProfileViewSchema, SaveProfileBody } from './contract.ts';
import { readPhoto, readProfile, recordObservation, saveProfile, uploadPhoto } from './profile.ts';

/** The base64 body of a photo a little over the 2 MB limit, so that a too-large photo is refused by field, not by size. */
const PHOTO_BODY_LIMIT = 6 * 1024 * 1024;

/**
 * A photo of a child as its own response, for the profile's readers and the police alike: never cached, never sniffed
 * or run as anything but the image it is, with its digest.
 */
export function sendPhoto(
  reply: FastifyReply,
  photo: { readonly mediaType: string; readonly content: Buffer; readonly sha256: string },
): Buffer {
  void reply
    .header('content-type', photo.mediaType)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('digest', `sha-256=${Buffer.from(photo.sha256, 'hex').toString('base64')}`);
  return photo.content;
}

export const profileRoutes: readonly RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/missing-profile',
    summary:
      'The prevention profile (current version and history), the risk indicators observed, what may be changed',
    tags: ['missing'],
    access: requires('missing:read'),
    audit: 'missing_profile.read',
    params: ChildIdParams,
    response: { 200: ProfileViewSchema },
    handler: async (ctx) => readProfile(ctx.caller(), ctx.params.childId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/children/:childId/missing-profile',
    summary: 'Save a new version of the prevention profile (responsible social services)',
    tags: ['missing'],
    access: requires('case:write'),
    audit: 'missing_profile.write',
    params: ChildIdParams,
    body: SaveProfileBody,
    response: { 201: ProfileViewSchema },
    handler: async (ctx) => saveProfile(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/children/:childId/missing-profile/photo',
    summary: 'A recent photo (JPEG or PNG, at most 2 MB, base64) and its date: a new version of the profile',
    tags: ['missing'],
    access: requires('case:write'),
    audit: 'missing_profile.photo.write',
    bodyLimit: PHOTO_BODY_LIMIT,
    params: ChildIdParams,
    body: PhotoBody,
    response: { 201: ProfileViewSchema },
    handler: async (ctx) => uploadPhoto(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/missing-profile/photos/:photoId',
    summary: 'One photo of the prevention profile; every read is audited, nothing is cached',
    tags: ['missing'],
    access: requires('missing:read'),
    audit: 'missing_profile.photo.read',
    params: PhotoParams,
    handler: async (ctx) => {
      return sendPhoto(ctx.reply, await readPhoto(ctx.caller(), ctx.params.childId, ctx.params.photoId));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/children/:childId/risk-observations',
    summary:
      'Record an observation of a risk indicator (observed or not, the date, a note, relevant to a search)',
    tags: ['missing'],
    access: requires('case:write'),
    audit: 'risk_observation.write',
    params: ChildIdParams,
    body: ObservationBody,
    response: { 201: ProfileViewSchema },
    handler: async (ctx) => recordObservation(ctx.caller(), ctx.params.childId, ctx.body),
  }),
];
