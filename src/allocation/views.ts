/** Read models of the allocation: the queue, figures per municipality (by gender and age band), history, incoming. */
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import type { QueueResponse } from './contract.ts';
import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { Allocator, type Rule } from '../domain/allocation/allocator.ts';
import { figuresOf, stateHash, thousandths, type Figures } from '../domain/allocation/decision.ts';
import { monthlyTimeline, type TimelineChange, type TimelinePoint } from '../domain/allocation/timeline.ts';
import { INCOMING_WINDOW_DAYS } from '../domain/responsibility/handover.ts';
import { addDays } from '../domain/time.ts';
import { presentChildren } from '../children/use-cases.ts';
import { type Caller } from '../case/caller.ts';
import { rowsOf, type DbOrTx } from '../platform/db/client.ts';
import {
  anvisningDecisions,
  childIntake,
  municipalities,
  relativeAssessments,
  responsibilityPeriods,
  users,
} from '../platform/db/schema.ts';
import { allMunicipalityCodes, loadShareVersion, readAllocator } from './ledger.ts';

/** The next picks for single children without relatives, with their figures at their turn (the contract's answer). */
export type QueueView = Answer<z.output<typeof QueueResponse>>;

async function names(db: DbOrTx): Promise<Map<string, { name: string; countyCode: string }>> {
  const rows = await db.select().from(municipalities);
  return new Map(rows.map((m) => [m.code, { name: m.name, countyCode: m.countyCode }]));
}

export async function queue(db: DbOrTx, today: string, rule: Rule, length: number): Promise<QueueView> {
  const state = await readAllocator(db, today);
  if (state === null) return { shareVersionId: null, rule, next: [] };
  const lookup = await names(db);
  const copy = state.allocator.clone();
  const next = [];
  for (let i = 0; i < length; i++) {
    const code = copy.pick(rule, 1);
    next.push({ ...figuresOf(copy.figures(code)), name: lookup.get(code)?.name ?? code });
    copy.assign(code, 1);
  }
  return { shareVersionId: state.version.id, rule, next };
}

export const AGE_BANDS = ['0-12', '13-15', '16-17'] as const;

export interface MunicipalityRow extends Figures {
  readonly name: string;
  readonly countyCode: string;
  /** received − quota, in children (negative: fewer than the quota). */
  readonly deviation: number;
  readonly byGender: { readonly female: number; readonly male: number; readonly other: number };
  readonly byAgeBand: Readonly<Record<(typeof AGE_BANDS)[number], number>>;
}

/** Every municipality's share, received, exact quota and deviation; counts split by gender and age band. */
export async function municipalityFigures(db: DbOrTx, today: string): Promise<MunicipalityRow[]> {
  const state = await readAllocator(db, today);
  const lookup = await names(db);
  const splits = await rowsOf<{ code: string; gender: string; band: string; n: number | string }>(
    db,
    sql`
    with latest as (
      select distinct on (c) c as child_id, d.municipality_code, d.decided_on
      from ${anvisningDecisions} d cross join lateral unnest(d.child_ids) as c
      order by c, d.seq desc
    )
    select l.municipality_code as code, ch.gender,
      case when age(l.decided_on, ch.birth_date) < interval '13 years' then '0-12'
           when age(l.decided_on, ch.birth_date) < interval '16 years' then '13-15' else '16-17' end as band,
      count(*) as n
    from latest l join children ch on ch.id = l.child_id
    group by 1, 2, 3`,
  );
  const byCode = new Map<string, { byGender: Record<string, number>; byAgeBand: Record<string, number> }>();
  for (const row of splits) {
    const entry = byCode.get(row.code) ?? {
      byGender: { female: 0, male: 0, other: 0 },
      byAgeBand: { '0-12': 0, '13-15': 0, '16-17': 0 },
    };
    entry.byGender[row.gender] = (entry.byGender[row.gender] ?? 0) + Number(row.n);
    entry.byAgeBand[row.band] = (entry.byAgeBand[row.band] ?? 0) + Number(row.n);
    byCode.set(row.code, entry);
  }
  const codes = state?.allocator.codes ?? (await allMunicipalityCodes(db));
  return codes.map((code) => {
    const f = state?.allocator.figures(code) ?? { code, share: 0, received: 0, expectedThousandths: 0 };
    const split = byCode.get(code);
    return {
      ...figuresOf(f),
      name: lookup.get(code)?.name ?? code,
      countyCode: lookup.get(code)?.countyCode ?? code.slice(0, 2),
      deviation: (1000 * f.received - f.expectedThousandths) / 1000,
      byGender: {
        female: split?.byGender.female ?? 0,
        male: split?.byGender.male ?? 0,
        other: split?.byGender.other ?? 0,
      },
      byAgeBand: {
        '0-12': split?.byAgeBand['0-12'] ?? 0,
        '13-15': split?.byAgeBand['13-15'] ?? 0,
        '16-17': split?.byAgeBand['16-17'] ?? 0,
      },
    };
  });
}

type DecisionRow = typeof anvisningDecisions.$inferSelect;

/**
 * Walks the decisions in order (those before `beforeSeq` when given), applying each to an allocator, and calls
 * `after` once per decision. Returns the allocator as the history leaves it (null without decisions).
 */
async function walkDecisions(
  db: DbOrTx,
  after: (d: DecisionRow, allocator: Allocator) => void,
  beforeSeq?: number,
): Promise<Allocator | null> {
  const decisions = await db
    .select()
    .from(anvisningDecisions)
    .where(beforeSeq === undefined ? undefined : lt(anvisningDecisions.seq, beforeSeq))
    .orderBy(asc(anvisningDecisions.seq));
  if (decisions.length === 0) return null;
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const codes = await allMunicipalityCodes(db);
  let allocator: Allocator | null = null;
  let version: string | null = null;
  for (const d of decisions) {
    const v = await loadShareVersion(db, d.shareVersionId);
    if (allocator === null) allocator = new Allocator(codes, { shares: v.shares });
    else if (version !== v.id) allocator.setShares({ shares: v.shares });
    version = v.id;
    const superseded = d.supersedesId === null ? undefined : byId.get(d.supersedesId);
    if (d.kind === 'correction' && superseded !== undefined)
      allocator.move(superseded.municipalityCode, d.municipalityCode, d.childIds.length);
    else allocator.assign(d.municipalityCode, d.childIds.length);
    after(d, allocator);
  }
  return allocator;
}

/**
 * Received vs exact quota at the end of each month for one municipality (or the nation when `code` is null): what each
 * decision added, taken in the order the decisions were recorded, summed by decision date (timeline.ts).
 */
export async function timeline(db: DbOrTx, code: string | null): Promise<TimelinePoint[]> {
  const changes: TimelineChange[] = [];
  let received = 0;
  let expected = 0;
  await walkDecisions(db, (d, allocator) => {
    const figures = code === null ? null : allocator.figures(code);
    const nowReceived = figures?.received ?? allocator.assigned;
    const nowExpected = figures?.expectedThousandths ?? allocator.assigned * 1000;
    changes.push({
      decidedOn: d.decidedOn,
      received: nowReceived - received,
      quotaThousandths: nowExpected - expected,
    });
    received = nowReceived;
    expected = nowExpected;
  });
  return monthlyTimeline(changes);
}

/**
 * The reasons' facts of a decision: the proposal it confirmed or deviated from and the decided municipality, with the
 * figures as they stood just before it. Recomputed from the recorded history and checked against the state hash
 * stored with the decision, so the printed decision carries the figures it was taken from (`verified`), or says that
 * they cannot be reproduced. Null for corrections (see `supersededBy`).
 */
export async function proposalBehind(db: DbOrTx, d: DecisionRow) {
  if (d.kind === 'correction' || d.proposedCode === null) return null;
  const codes = await allMunicipalityCodes(db);
  const version = await loadShareVersion(db, d.shareVersionId);
  const before =
    (await walkDecisions(db, () => {}, d.seq)) ?? new Allocator(codes, { shares: version.shares });
  before.setShares({ shares: version.shares });
  const verified = stateHash(before.allFigures()) === d.stateHash;
  const [first] = d.childIds;
  const [intake] = await db
    .select()
    .from(childIntake)
    .where(eq(childIntake.childId, first ?? ''));
  const assessments = await db
    .select({
      municipalityCode: relativeAssessments.municipalityCode,
      relation: relativeAssessments.relation,
      outcome: relativeAssessments.outcome,
    })
    .from(relativeAssessments)
    .where(eq(relativeAssessments.childId, first ?? ''));
  const rule: Rule = d.rule === 'lowest-attainment' ? 'lowest-attainment' : 'quota';
  const groupSize = d.childIds.length;
  const byRelative =
    d.kind !== 'utjamnande' &&
    intake?.relativeMunicipalityCode === d.proposedCode &&
    assessments.some((a) => a.outcome !== 'unsuitable');
  const rulePick = before.pick(rule, groupSize);
  // The proposal was the rule's pick, the relative's municipality, or (otherwise) where an earlier sibling went.
  const bySibling =
    !byRelative && d.kind !== 'utjamnande' && (d.kind === 'anknytning' || rulePick !== d.proposedCode);
  const lookup = await names(db);
  const named = (code: string) => ({
    ...figuresOf(before.figures(code)),
    name: lookup.get(code)?.name ?? code,
  });
  return {
    kind: byRelative || bySibling ? ('anknytning' as const) : ('utjamnande' as const),
    basis: byRelative ? ('relative' as const) : bySibling ? ('sibling' as const) : ('rule' as const),
    municipality: named(d.proposedCode),
    decided: named(d.municipalityCode),
    relatives: assessments,
    groupSize,
    quotaTolerance: rule === 'quota' ? thousandths(before.quotaToleranceThousandths()) : null,
    verified,
  };
}

/** For a correction: the decision it supersedes (its number and municipality). */
export async function supersededBy(
  db: DbOrTx,
  d: DecisionRow,
): Promise<{ seq: number; municipalityCode: string; decidedOn: string } | null> {
  if (d.supersedesId === null) return null;
  const [old] = await db
    .select({
      seq: anvisningDecisions.seq,
      municipalityCode: anvisningDecisions.municipalityCode,
      decidedOn: anvisningDecisions.decidedOn,
    })
    .from(anvisningDecisions)
    .where(eq(anvisningDecisions.id, d.supersedesId));
  return old ?? null;
}

export interface DecisionFilter {
  readonly municipalityCode?: string | undefined;
  readonly kind?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly page: number;
  readonly pageSize: number;
}

export async function decisionHistory(db: DbOrTx, filter: DecisionFilter) {
  const where: SQL[] = [];
  if (filter.municipalityCode) where.push(eq(anvisningDecisions.municipalityCode, filter.municipalityCode));
  if (filter.kind) where.push(eq(anvisningDecisions.kind, filter.kind));
  if (filter.from) where.push(gte(anvisningDecisions.decidedOn, filter.from));
  if (filter.to) where.push(lte(anvisningDecisions.decidedOn, filter.to));
  const rows = await db
    .select({ d: anvisningDecisions, officer: users.displayName, municipality: municipalities.name })
    .from(anvisningDecisions)
    .innerJoin(users, eq(users.id, anvisningDecisions.decidedBy))
    .innerJoin(municipalities, eq(municipalities.code, anvisningDecisions.municipalityCode))
    .where(and(...where))
    .orderBy(desc(anvisningDecisions.decidedOn), desc(anvisningDecisions.seq))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return rows.map(({ d, officer, municipality }) => ({
    id: d.id,
    seq: d.seq,
    childIds: d.childIds,
    municipality: { code: d.municipalityCode, name: municipality },
    kind: d.kind,
    proposedCode: d.proposedCode,
    rule: d.rule,
    decidedOn: d.decidedOn,
    decidedBy: officer,
    supersedesId: d.supersedesId,
    reason: d.reason,
  }));
}

/** Children newly assigned to the caller's municipality (the last `INCOMING_WINDOW_DAYS` days), decision first. */
export async function incoming(caller: Caller) {
  const since = addDays(caller.today, -INCOMING_WINDOW_DAYS);
  const rows = await caller.db
    .select({ childId: responsibilityPeriods.childId, from: responsibilityPeriods.fromDate })
    .from(responsibilityPeriods)
    .where(
      and(
        eq(responsibilityPeriods.kind, 'assigned'),
        inArray(
          responsibilityPeriods.municipalityCode,
          caller.actor.municipalityCodes.length > 0 ? [...caller.actor.municipalityCodes] : [''],
        ),
        gte(responsibilityPeriods.fromDate, since),
      ),
    )
    .orderBy(desc(responsibilityPeriods.fromDate));
  const assignedOn = new Map(rows.map((r) => [r.childId, r.from]));
  const summaries = await presentChildren(caller, [...assignedOn.keys()]);
  return summaries
    .filter((s) => s.basis === 'responsible_municipality')
    .map((s) => ({ ...s, assignedOn: assignedOn.get(s.id) ?? '' }));
}
