/**
 * The prevention profile (förebyggande profil, Philomena "Part 1"; issue 12, ADR 0025): kept current by the responsible
 * social services while the child is placed, read by the god man. Every save is a new version with who and when; the
 * photo is its own row, served by its own audited route. Risk indicators are observations, one row each, shown as a
 * list (src/domain/missing/risk-indicators.ts). Section access: src/domain/access/case-sections.ts `missing_profile`.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { latestPerIndicator } from '../domain/missing/risk-indicators.ts';
import {
  pastDateProblems,
  photoProblems,
  photoSizeProblems,
  photoType,
  PHOTO_MAX_BYTES,
} from '../domain/missing/profile.ts';
import { base64DecodedSize } from '../domain/social-case/document-types.ts';
import { missingProfilePhotos, missingProfiles, riskObservations, users } from '../platform/db/schema.ts';
import { badRequest, notFound, stale } from '../platform/http/errors.ts';
import type { Caller } from '../case/caller.ts';
import { childContext, type ChildContext } from '../case/child-context.ts';
import {
  ProfileBody,
  type ObservationBody,
  type PhotoBody,
  type ProfileViewSchema,
  type SaveProfileBody,
} from './contract.ts';

export type ProfileView = Answer<z.output<typeof ProfileViewSchema>>;
type Version = ProfileView['history'][number];

const EMPTY_PROFILE = ProfileBody.parse({});

async function versionsOf(caller: Caller, childId: string) {
  return caller.db
    .select({ row: missingProfiles, by: users.displayName })
    .from(missingProfiles)
    .innerJoin(users, eq(users.id, missingProfiles.recordedBy))
    .where(eq(missingProfiles.childId, childId))
    .orderBy(desc(missingProfiles.version));
}

/** A stored profile as the contract reads it; a row that no longer parses shows as empty rather than as raw JSON. */
function profileOf(value: unknown) {
  const parsed = ProfileBody.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_PROFILE;
}

async function view(caller: Caller, ctx: ChildContext): Promise<ProfileView> {
  const childId = ctx.child.id;
  const [versions, observations] = await Promise.all([
    versionsOf(caller, childId),
    caller.db
      .select()
      .from(riskObservations)
      .where(eq(riskObservations.childId, childId))
      .orderBy(desc(riskObservations.observedOn), desc(riskObservations.recordedAt)),
  ]);
  const photoIds = [...new Set(versions.flatMap((v) => (v.row.photoId === null ? [] : [v.row.photoId])))];
  const photos =
    photoIds.length === 0
      ? []
      : await caller.db
          .select({
            id: missingProfilePhotos.id,
            takenOn: missingProfilePhotos.takenOn,
            mediaType: missingProfilePhotos.mediaType,
            sizeBytes: missingProfilePhotos.sizeBytes,
          })
          .from(missingProfilePhotos)
          .where(inArray(missingProfilePhotos.id, photoIds));
  const photoById = new Map(photos.map((p) => [p.id, p]));
  const presented: Version[] = versions.map(({ row, by }) => ({
    version: row.version,
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: by,
    recordedRole: row.recordedRole,
    profile: profileOf(row.profile),
    photo: row.photoId === null ? null : (photoById.get(row.photoId) ?? null),
  }));
  const shown = observations.map((o) => ({
    id: o.id,
    indicator: o.indicator as ProfileView['observations'][number]['indicator'],
    observed: o.observed,
    observedOn: o.observedOn,
    note: o.note,
    searchRelevant: o.searchRelevant,
    observerRole: o.observerRole,
    recordedAt: o.recordedAt.toISOString(),
  }));
  const [current, ...history] = presented;
  caller.audit.detail('version', current?.version ?? 0);
  return {
    version: current?.version ?? 0,
    current: current ?? null,
    history,
    indicators: latestPerIndicator(shown),
    observations: shown,
    edits: { profile: ctx.writable, photo: ctx.writable, observation: ctx.writable },
    photoMaxBytes: PHOTO_MAX_BYTES,
  };
}

export async function readProfile(caller: Caller, childId: string): Promise<ProfileView> {
  return view(caller, await childContext(caller, childId, 'missing_profile', 'read'));
}

/** 409 with the version as it is now when the form was opened on an older one. */
async function currentVersion(caller: Caller, childId: string, expected: number | undefined) {
  const [latest] = await versionsOf(caller, childId);
  const version = latest?.row.version ?? 0;
  if (expected !== undefined && expected !== version)
    throw stale('Someone else saved the profile after you opened it', { version });
  return latest?.row;
}

async function saveVersion(
  caller: Caller,
  childId: string,
  previous: { version: number } | undefined,
  profile: z.output<typeof ProfileBody>,
  photoId: string | null,
): Promise<void> {
  const version = (previous?.version ?? 0) + 1;
  await caller.db.insert(missingProfiles).values({
    childId,
    version,
    profile,
    photoId,
    recordedBy: caller.actor.userId,
    recordedRole: caller.actor.role,
    recordedAt: caller.now,
  });
  caller.audit.detail('version', version);
}

export async function saveProfile(
  caller: Caller,
  childId: string,
  input: z.output<typeof SaveProfileBody>,
): Promise<ProfileView> {
  const ctx = await childContext(caller, childId, 'missing_profile', 'write');
  const { expectedVersion, ...profile } = input;
  const latest = await currentVersion(caller, childId, expectedVersion);
  await saveVersion(caller, childId, latest, profile, latest?.photoId ?? null);
  return view(caller, ctx);
}

/** A new photo: stored in its own row, and a new version of the profile that shows it. */
export async function uploadPhoto(
  caller: Caller,
  childId: string,
  input: z.output<typeof PhotoBody>,
): Promise<ProfileView> {
  const ctx = await childContext(caller, childId, 'missing_profile', 'write');
  const field = 'body.contentBase64';
  const tooLarge = photoSizeProblems(field, base64DecodedSize(input.contentBase64));
  if (tooLarge.length > 0) throw refuse(tooLarge);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const problems = [
    ...photoProblems(field, bytes),
    ...pastDateProblems('body.takenOn', 'Fotots datum', input.takenOn, ctx.child.birthDate, caller.today),
  ];
  if (problems.length > 0) throw refuse(problems);
  const type = photoType(bytes);
  if (type !== input.mediaType)
    throw refuse([
      {
        field: 'body.mediaType',
        code: 'photo_type',
        message: 'Fotot: filens innehåll stämmer inte med filtypen',
      },
    ]);
  const latest = await currentVersion(caller, childId, input.expectedVersion);
  const [photo] = await caller.db
    .insert(missingProfilePhotos)
    .values({
      childId,
      mediaType: type,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      content: bytes,
      takenOn: input.takenOn,
      uploadedBy: caller.actor.userId,
      createdAt: caller.now,
    })
    .returning({ id: missingProfilePhotos.id });
  if (photo === undefined) throw new Error('photo not written');
  caller.audit.detail('photoId', photo.id);
  caller.audit.detail('sizeBytes', bytes.length);
  await saveVersion(
    caller,
    childId,
    latest,
    latest === undefined ? EMPTY_PROFILE : profileOf(latest.profile),
    photo.id,
  );
  return view(caller, ctx);
}

function refuse(problems: readonly { field: string; code: string; message: string }[]) {
  const code = problems.find((p) => p.code === 'photo_too_large' || p.code === 'photo_type')?.code;
  return badRequest(
    code === 'photo_too_large' ? 'photo_too_large' : code === 'photo_type' ? 'photo_type' : 'validation',
    'The profile has invalid fields',
    problems,
  );
}

/** One photo's bytes: only a photo of a version of this child's profile, for those who read the profile. */
export async function readPhoto(caller: Caller, childId: string, photoId: string) {
  await childContext(caller, childId, 'missing_profile', 'read');
  const [row] = await caller.db
    .select()
    .from(missingProfilePhotos)
    .where(and(eq(missingProfilePhotos.id, photoId), eq(missingProfilePhotos.childId, childId)));
  if (row === undefined) throw notFound([childId]);
  caller.audit.detail('photoId', row.id);
  return { mediaType: row.mediaType, content: row.content, sha256: row.sha256 };
}

/** One observation of one indicator, by the caller in their role. */
export async function recordObservation(
  caller: Caller,
  childId: string,
  input: z.output<typeof ObservationBody>,
): Promise<ProfileView> {
  const ctx = await childContext(caller, childId, 'missing_profile', 'write');
  const problems = pastDateProblems(
    'body.observedOn',
    'Datum',
    input.observedOn,
    ctx.child.birthDate,
    caller.today,
  );
  if (problems.length > 0) throw refuse(problems);
  const [row] = await caller.db
    .insert(riskObservations)
    .values({
      childId,
      indicator: input.indicator,
      observed: input.observed,
      observedOn: input.observedOn,
      observerRole: caller.actor.role,
      observerUserId: caller.actor.userId,
      note: input.note,
      searchRelevant: input.searchRelevant,
      recordedAt: caller.now,
    })
    .returning({ id: riskObservations.id });
  caller.audit.detail('observationId', row?.id ?? null);
  caller.audit.detail('indicator', input.indicator);
  return view(caller, ctx);
}
