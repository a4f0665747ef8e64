/**
 * The follow-up of children who go missing (issue 12, point 11): the responsible municipality's monthly review list of
 * its open episodes, and the statistics of episodes by county, age band, nationality, asylum stage, duration and
 * outcome, every figure split by gender (the rules are pure: src/domain/missing/review.ts and statistics.ts).
 */
import { and, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { byOverdue, daysOpen, OPEN_EPISODE_STATES, reviewDue } from '../domain/missing/review.ts';
import {
  asylumStageOn,
  countEpisodes,
  durationBand,
  episodeAgeBand,
  episodeOutcome,
  suppress,
  type EpisodeObservation,
} from '../domain/missing/statistics.ts';
import type { AbsenceKind } from '../domain/missing/records.ts';
import { figureGender, MIN_CELL } from '../domain/statistics/key-figures.ts';
import { stockholmDate } from '../domain/time.ts';
import { missingEpisodes } from '../platform/db/schema.ts';
import { rowsOf } from '../platform/db/client.ts';
import { forbidden } from '../platform/http/errors.ts';
import { figureAreaOf, type FigureAreaOf } from '../domain/statistics/area.ts';
import type { Caller } from '../case/caller.ts';
import { presentChildren } from '../children/use-cases.ts';
import type { MissingStatisticsSchema, ReviewListSchema } from './contract.ts';

export type ReviewList = Answer<z.output<typeof ReviewListSchema>>;
export type MissingStatistics = Answer<z.output<typeof MissingStatisticsSchema>>;

/**
 * Every open episode of the caller's municipality (the municipality responsible when it opened), most overdue first.
 * Only social services of a municipality have one; a child the caller may not see (a scope rule refuses it) is left out.
 */
export async function reviewList(caller: Caller): Promise<ReviewList> {
  const { actor } = caller;
  if (actor.organisationType !== 'municipality' || actor.municipalityCodes.length === 0) throw forbidden();
  const rows = await caller.db
    .select()
    .from(missingEpisodes)
    .where(
      and(
        inArray(missingEpisodes.municipalityCode, [...actor.municipalityCodes]),
        inArray(missingEpisodes.state, [...OPEN_EPISODE_STATES]),
      ),
    );
  const items = rows
    .map((e) => ({ e, reportedAt: e.reportedAt.toISOString(), lastReviewedOn: e.lastReviewedOn }))
    .sort(byOverdue);
  const summaries = await presentChildren(caller, [...new Set(items.map((i) => i.e.childId))]);
  const byId = new Map(summaries.map((c) => [c.id, c]));
  return {
    month: caller.today.slice(0, 7),
    episodes: items.flatMap(({ e, reportedAt }) => {
      const child = byId.get(e.childId);
      if (child === undefined) return [];
      return [
        {
          episodeId: e.id,
          child,
          state: e.state as (typeof OPEN_EPISODE_STATES)[number],
          kind: e.kind as AbsenceKind,
          reportedAt,
          policeReportedAt: e.policeReportedAt?.toISOString() ?? null,
          daysOpen: daysOpen(stockholmDate(e.reportedAt), caller.today),
          lastReviewedOn: e.lastReviewedOn,
          reviewDue: reviewDue(e.lastReviewedOn, caller.today),
        },
      ];
    }),
  };
}

/** Whose episodes the reader's figures cover, by the responsible municipality's code (the key figures' areas). */
function inArea(a: FigureAreaOf) {
  if (a.kind === 'nation') return sql`true`;
  if (a.kind === 'county') return sql`e.county_code = ${a.code}`;
  return sql`e.municipality_code = ${a.code}`;
}

const ENDED = ['returned', 'closed_not_found', 'closed_aged_out', 'closed_left_country'];

/**
 * The episodes reported in `year` (Stockholm time) in the caller's area: exact for the responsible organisation (a
 * municipality's own episodes), suppressed for everyone else (a county board's county, the Migration Agency's nation).
 *
 * The asylum stage is taken on the day the child was last seen from the asylum case as it stands now: a decision
 * recorded after that day counts the child as an asylum seeker; an earlier decision that was later replaced (an
 * appeal) is not kept by Anvisa, so the latest decision is the one compared.
 */
export async function missingStatistics(caller: Caller, year: number): Promise<MissingStatistics> {
  const reader = figureAreaOf(caller.actor);
  if (reader === null) throw forbidden();
  const rows = await rowsOf<{
    state: string;
    county_code: string;
    last_seen_at: Date | string;
    found_at: Date | string | null;
    ended_at: Date | string | null;
    gender: string;
    birth_date: string;
    citizenship: string | null;
    has_asylum_case: boolean;
    decision: string | null;
    decided_on: string | null;
  }>(
    caller.db,
    sql`
      select e.state, e.county_code, e.last_seen_at, e.found_at,
             (select min(ev.occurred_at) from missing_episode_events ev
               where ev.episode_id = e.id and ev.to_state in (${sql.join(
                 ENDED.map((s) => sql`${s}`),
                 sql`, `,
               )})) as ended_at,
             c.gender, c.birth_date::text as birth_date, ci.citizenship,
             (a.child_id is not null) as has_asylum_case, a.decision, a.decided_on::text as decided_on
      from missing_episodes e
      join children c on c.id = e.child_id
      left join child_intake ci on ci.child_id = e.child_id
      left join asylum_cases a on a.child_id = e.child_id
      where ${inArea(reader)}
        and extract(year from (e.reported_at at time zone 'Europe/Stockholm')) = ${year}`,
  );
  const instant = (v: Date | string | null) => (v === null ? null : new Date(v));
  const observations: EpisodeObservation[] = rows.map((r) => {
    const lastSeen = new Date(r.last_seen_at);
    const lastSeenOn = stockholmDate(lastSeen);
    return {
      gender: figureGender(r.gender),
      county: r.county_code,
      ageBand: episodeAgeBand(r.birth_date, lastSeenOn),
      nationality: r.citizenship ?? 'unknown',
      asylumStage: asylumStageOn(
        r.has_asylum_case ? { decision: r.decision, decidedOn: r.decided_on } : null,
        lastSeenOn,
      ),
      duration: durationBand(lastSeen, instant(r.found_at) ?? instant(r.ended_at)),
      outcome: episodeOutcome(r.state),
    };
  });
  const exact = reader.kind === 'municipality';
  const counted = countEpisodes(observations);
  const shown = exact ? counted : suppress(counted, MIN_CELL);
  caller.audit.detail('area', reader.code ?? 'nation');
  caller.audit.detail('year', year);
  return {
    year,
    area: reader,
    exact,
    threshold: MIN_CELL,
    all: shown.all,
    tables: shown.tables,
  };
}
