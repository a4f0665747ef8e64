/**
 * The block of missing children at the top of social services' worklist (issue 12, ADR 0025 point 3): the open
 * episodes of the caller's municipalities with their notifications' state, and for the unit manager the escalated
 * notifications. Two queries for the episodes and one for the escalations, whatever their number; every child is
 * checked by the pure rule (`childAccess`, then the `missing` section) before it is shown — a child outside the
 * caller's scope never appears. The caller (readWorklist) audits the children shown.
 */
import type { z } from 'zod';
import { and, asc, desc, eq, inArray, isNotNull, isNull, notInArray } from 'drizzle-orm';
import type { Answer } from '../domain/answer.ts';
import { childAccess } from '../domain/access/child-scope.ts';
import { sectionAccess } from '../domain/access/case-sections.ts';
import { ENDED_STATES, type EpisodeState } from '../domain/missing/episode.ts';
import { returnTalkOverdue, unacknowledged } from '../domain/missing/clock.ts';
import type { NotificationRecipient } from '../domain/missing/routine.ts';
import { missingEpisodes, missingNotifications } from '../platform/db/schema.ts';
import { presentSummary } from '../children/present.ts';
import { loadChildrenWithFacts } from '../children/repository.ts';
import type { ScopeInput } from '../children/search.ts';
import { lookupFor } from '../children/use-cases.ts';
import type { Caller } from '../case/caller.ts';
import { assignedWorkersOf } from '../case/relation.ts';
import type { WorklistMissingSchema } from './contract.ts';

export type WorklistMissing = Answer<z.output<typeof WorklistMissingSchema>>;

/** More open episodes than this in one municipality are not a worklist but a crisis; the oldest are shown. */
const MAX_EPISODES = 200;

const NONE: WorklistMissing = { episodes: [], escalations: null };

export async function missingOnWorklist(
  caller: Caller,
  scope: ScopeInput,
  standingInFor: readonly string[],
): Promise<WorklistMissing> {
  const { actor } = caller;
  if (actor.role !== 'social_worker' && actor.role !== 'unit_manager') return NONE;
  const codes = actor.municipalityCodes;
  if (codes.length === 0) return { episodes: [], escalations: actor.role === 'unit_manager' ? [] : null };
  const open = and(
    inArray(missingEpisodes.municipalityCode, [...codes]),
    notInArray(missingEpisodes.state, [...ENDED_STATES]),
  );
  const [episodes, escalated] = await Promise.all([
    caller.db
      .select()
      .from(missingEpisodes)
      .where(open)
      .orderBy(asc(missingEpisodes.reportedAt), asc(missingEpisodes.id))
      .limit(MAX_EPISODES),
    actor.role === 'unit_manager'
      ? caller.db
          .select({ n: missingNotifications, childId: missingEpisodes.childId })
          .from(missingNotifications)
          .innerJoin(missingEpisodes, eq(missingEpisodes.id, missingNotifications.episodeId))
          .where(
            and(
              inArray(missingNotifications.municipalityCode, [...codes]),
              isNotNull(missingNotifications.escalatedAt),
              isNull(missingNotifications.acknowledgedAt),
              isNull(missingNotifications.notApplicable),
            ),
          )
          .orderBy(desc(missingNotifications.escalatedAt), asc(missingNotifications.escalateAt))
      : null,
  ]);
  const episodeIds = episodes.map((e) => e.id);
  const notes =
    episodeIds.length === 0
      ? []
      : await caller.db
          .select({
            episodeId: missingNotifications.episodeId,
            acknowledgedAt: missingNotifications.acknowledgedAt,
            notApplicable: missingNotifications.notApplicable,
            escalatedAt: missingNotifications.escalatedAt,
          })
          .from(missingNotifications)
          .where(inArray(missingNotifications.episodeId, episodeIds));
  const childIds = [
    ...new Set([...episodes.map((e) => e.childId), ...(escalated ?? []).map((e) => e.childId)]),
  ];
  const [loaded, workers, lookup] = await Promise.all([
    loadChildrenWithFacts(caller.db, childIds),
    assignedWorkersOf(caller.db, childIds, caller.today),
    lookupFor(caller.db, []),
  ]);
  // The child as the caller may see it, or null when the caller may not read the child's missing episodes.
  const shown = new Map(
    loaded.flatMap(({ child, facts }) => {
      const access = childAccess(actor, facts, {
        today: caller.today,
        now: caller.now,
        emergencyGrants: scope.grants,
      });
      const assigned = (workers.get(child.id) ?? []).some(
        (w) => w === actor.userId || standingInFor.includes(w),
      );
      if (sectionAccess(actor, access, 'missing', { assignedWorker: assigned }) === 'none') return [];
      if (access.basis === 'emergency') caller.audit.emergency();
      return [[child.id, presentSummary(child, facts, access, caller.today, lookup)] as const];
    }),
  );
  const items = episodes.flatMap((e) => {
    const child = shown.get(e.childId);
    if (child === undefined) return [];
    const waiting = notes.filter((n) => n.episodeId === e.id && unacknowledged(n));
    return [
      {
        id: e.id,
        state: e.state,
        reportedAt: e.reportedAt.toISOString(),
        policeReportedAt: e.policeReportedAt?.toISOString() ?? null,
        unacknowledged: waiting.length,
        escalated: waiting.some((n) => n.escalatedAt !== null),
        returnTalkDueAt: e.returnTalkDueAt?.toISOString() ?? null,
        returnTalkOverdue: returnTalkOverdue(
          { state: e.state as EpisodeState, returnTalkDueAt: e.returnTalkDueAt },
          caller.now,
        ),
        child,
      },
    ];
  });
  // Escalated first, then the longest missing.
  items.sort((a, b) => Number(b.escalated) - Number(a.escalated));
  const escalations =
    escalated === null
      ? null
      : escalated.flatMap(({ n, childId }) => {
          const child = shown.get(childId);
          return child === undefined || n.escalatedAt === null
            ? []
            : [
                {
                  id: n.id,
                  episodeId: n.episodeId,
                  recipient: n.recipient as NotificationRecipient,
                  dueAt: n.dueAt.toISOString(),
                  escalateAt: n.escalateAt.toISOString(),
                  escalatedAt: n.escalatedAt.toISOString(),
                  child,
                },
              ];
        });
  return { episodes: items, escalations };
}
