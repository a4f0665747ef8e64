/**
 * The police view (ADR 0025, points 5–6): an officer sees only children with an episode in `missing`, `notified` or
 * `active` whose responsible municipality lies in the officer's police region — identity, when and where last seen,
 * the police report and whom to call at the responsible social services; never asylum grounds, health, case notes or
 * the journal. The access ends with the episode (found, returned or closed: 404). Every read is audited with the
 * purpose `missing_search`; a read of a protected child is flagged for the data-protection officer, and the place
 * last seen is withheld for such a child (the responsible social services' duty contact is given instead).
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import {
  countiesOfPoliceRegionAt,
  policeRegionOfCounty,
  POLICE_REGIONS,
} from '../domain/missing/police-regions.ts';
import { forSearch, latestPerIndicator } from '../domain/missing/risk-indicators.ts';
import {
  children,
  missingEpisodes,
  missingProfilePhotos,
  missingProfiles,
  municipalities,
  riskObservations,
  users,
} from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import type { Caller } from '../case/caller.ts';
import { assignedWorkersOf } from '../case/relation.ts';
import { ProfileBody, type PoliceEpisodeSchema, type PoliceListSchema } from './contract.ts';

type PoliceEpisode = Answer<z.output<typeof PoliceEpisodeSchema>>;
export type PoliceList = Answer<z.output<typeof PoliceListSchema>>;

export const POLICE_PURPOSE = 'missing_search';
const SEARCHING = ['missing', 'notified', 'active'];

async function episodes(caller: Caller, episodeId?: string): Promise<PoliceEpisode[]> {
  const counties = countiesOfPoliceRegionAt(caller.actor.countyCode);
  if (counties.length === 0) return [];
  const rows = await caller.db
    .select({
      e: missingEpisodes,
      firstName: children.firstName,
      lastName: children.lastName,
      birthDate: children.birthDate,
      gender: children.gender,
      protectedIdentity: children.protectedIdentity,
      municipalityName: municipalities.name,
    })
    .from(missingEpisodes)
    .innerJoin(children, eq(children.id, missingEpisodes.childId))
    .innerJoin(municipalities, eq(municipalities.code, missingEpisodes.municipalityCode))
    .where(
      and(
        inArray(missingEpisodes.countyCode, [...counties]),
        inArray(missingEpisodes.state, SEARCHING),
        ...(episodeId === undefined ? [] : [eq(missingEpisodes.id, episodeId)]),
      ),
    )
    .orderBy(asc(missingEpisodes.policeReportedAt));
  const workers = await assignedWorkersOf(
    caller.db,
    rows.map((r) => r.e.childId),
    caller.today,
  );
  const childIds = [...new Set(rows.map((r) => r.e.childId))];
  const [profiles, observations] =
    childIds.length === 0
      ? [[], []]
      : await Promise.all([
          caller.db
            .select({
              childId: missingProfiles.childId,
              profile: missingProfiles.profile,
              takenOn: missingProfilePhotos.takenOn,
            })
            .from(missingProfiles)
            .leftJoin(missingProfilePhotos, eq(missingProfilePhotos.id, missingProfiles.photoId))
            .where(inArray(missingProfiles.childId, childIds))
            .orderBy(desc(missingProfiles.version)),
          caller.db
            .select()
            .from(riskObservations)
            .where(inArray(riskObservations.childId, childIds))
            .orderBy(desc(riskObservations.observedOn), desc(riskObservations.recordedAt)),
        ]);
  const ids = [...new Set([...workers.values()].flat())];
  const names =
    ids.length === 0
      ? []
      : await caller.db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, ids));
  caller.audit.purpose(POLICE_PURPOSE);
  caller.audit.children(rows.map((r) => r.e.childId));
  if (rows.some((r) => r.protectedIdentity)) caller.audit.detail('protectedIdentity', true);
  return rows.map((r) => ({
    episodeId: r.e.id,
    childId: r.e.childId,
    name: `${r.firstName} ${r.lastName}`,
    birthDate: r.birthDate,
    gender: r.gender,
    protectedIdentity: r.protectedIdentity,
    state: r.e.state,
    lastSeenAt: r.e.lastSeenAt.toISOString(),
    lastSeenPlace: r.protectedIdentity ? null : r.e.lastSeenPlace,
    policeReference: r.e.policeReference,
    policeReportedAt: r.e.policeReportedAt?.toISOString() ?? null,
    municipality: { code: r.e.municipalityCode, name: r.municipalityName },
    contacts: (workers.get(r.e.childId) ?? []).flatMap((id) => {
      const name = names.find((n) => n.id === id)?.name;
      return name === undefined ? [] : [{ name, role: 'social_worker' }];
    }),
    ...profileOf(
      profiles.find((p) => p.childId === r.e.childId),
      observations.filter((o) => o.childId === r.e.childId),
    ),
  }));
}

/** The current profile version (the rows come newest first), its photo's date, and the indicators for a search. */
function profileOf(
  latest: { profile: unknown; takenOn: string | null } | undefined,
  observations: readonly (typeof riskObservations.$inferSelect)[],
): Pick<PoliceEpisode, 'profile' | 'photo' | 'indicators'> {
  const parsed = latest === undefined ? null : ProfileBody.safeParse(latest.profile);
  return {
    profile: parsed?.success === true ? parsed.data : null,
    photo: latest?.takenOn == null ? null : { takenOn: latest.takenOn },
    indicators: forSearch(
      latestPerIndicator(
        observations.map((o) => ({
          indicator: o.indicator as PoliceEpisode['indicators'][number]['indicator'],
          observed: o.observed,
          observedOn: o.observedOn,
          searchRelevant: o.searchRelevant,
          recordedAt: o.recordedAt.toISOString(),
          note: o.note === '' ? null : o.note,
        })),
      ),
    ).map(({ indicator, observedOn, note }) => ({ indicator, observedOn, note })),
  };
}

/** The photo of the current profile version of a child in an open episode of the officer's region. */
export async function photoForPolice(caller: Caller, episodeId: string) {
  const [found] = await episodes(caller, episodeId);
  if (found === undefined || found.photo === null) throw notFound();
  const [row] = await caller.db
    .select({
      mediaType: missingProfilePhotos.mediaType,
      content: missingProfilePhotos.content,
      sha256: missingProfilePhotos.sha256,
    })
    .from(missingProfiles)
    .innerJoin(missingProfilePhotos, eq(missingProfilePhotos.id, missingProfiles.photoId))
    .where(eq(missingProfiles.childId, found.childId))
    .orderBy(desc(missingProfiles.version))
    .limit(1);
  if (row === undefined) throw notFound();
  return row;
}

export async function listForPolice(caller: Caller): Promise<PoliceList> {
  const region = caller.actor.countyCode === null ? null : policeRegionOfCounty(caller.actor.countyCode);
  return { region: region === null ? '' : POLICE_REGIONS[region].name, episodes: await episodes(caller) };
}

export async function readForPolice(caller: Caller, episodeId: string): Promise<PoliceEpisode> {
  const [found] = await episodes(caller, episodeId);
  if (found === undefined) throw notFound();
  return found;
}
