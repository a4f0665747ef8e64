/**
 * The county's side of the yearly share cycle (issue 13 point 2): its municipalities' shares in the latest version
 * for a year (the Agency's proposal or the decided shares), and its redistribution proposals (omfördelning), checked
 * by the rules in src/domain/county/redistribution.ts before they reach the Migration Agency, which fixes or returns
 * them (src/allocation/redistribution-decisions.ts).
 */
import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import {
  countyTotal,
  defaultShareYear,
  redistribute,
  type RedistributionTransfer,
} from '../domain/county/redistribution.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  counties,
  municipalities,
  redistributionProposals,
  shareValues,
  shareVersions,
  users,
} from '../platform/db/schema.ts';
import { conflict, notFound, unprocessable } from '../platform/http/errors.ts';
import { hasPermission } from '../domain/access/roles.ts';
import { transferShares } from './shares-use-cases.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import { countyMunicipalities, countyName, countyOfActor } from '../reference/areas.ts';
import type {
  CountySharesSchema,
  DecideRedistributionBody,
  ProposeRedistributionBody,
  RedistributionSchema,
} from './contract.ts';

type Redistribution = Answer<z.input<typeof RedistributionSchema>>;

/** The latest share version for a year (valid from within it), or null when the year has none yet. */
export async function latestVersionOfYear(db: DbOrTx, year: number) {
  const [row] = await db
    .select({ id: shareVersions.id, validFrom: shareVersions.validFrom, source: shareVersions.source })
    .from(shareVersions)
    .where(
      and(gte(shareVersions.validFrom, `${year}-01-01`), lt(shareVersions.validFrom, `${year + 1}-01-01`)),
    )
    .orderBy(desc(shareVersions.validFrom), desc(shareVersions.decidedAt))
    .limit(1);
  return row ?? null;
}

export async function sharesOf(db: DbOrTx, versionId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ code: shareValues.municipalityCode, promille: shareValues.promille })
    .from(shareValues)
    .where(eq(shareValues.versionId, versionId));
  return new Map(rows.map((r) => [r.code, r.promille]));
}

/**
 * Proposals presented with the municipalities' and the county's names, those awaiting the Agency first and then the
 * newest first; `mayDecide` for the Agency's officer.
 */
export async function presentProposals(
  db: DbOrTx,
  condition: ReturnType<typeof eq> | undefined,
  mayDecide: boolean,
): Promise<Redistribution[]> {
  const rows = await db
    .select({
      p: redistributionProposals,
      countyName: counties.name,
      proposedBy: sql<string>`(select display_name from ${users} where id = ${redistributionProposals.proposedBy})`,
      decidedBy: sql<
        string | null
      >`(select display_name from ${users} where id = ${redistributionProposals.decidedBy})`,
    })
    .from(redistributionProposals)
    .innerJoin(counties, eq(counties.code, redistributionProposals.countyCode))
    .where(condition)
    // Awaiting the Agency first, then newest first.
    .orderBy(
      sql`${redistributionProposals.status} = 'proposed' desc`,
      desc(redistributionProposals.proposedAt),
    );
  const codes = new Set(
    rows.flatMap((r) => (r.p.transfers as RedistributionTransfer[]).flatMap((t) => [t.fromCode, t.toCode])),
  );
  const names = new Map(
    codes.size === 0
      ? []
      : (
          await db
            .select({ code: municipalities.code, name: municipalities.name })
            .from(municipalities)
            .where(inArray(municipalities.code, [...codes]))
        ).map((m) => [m.code, m.name]),
  );
  return rows.map(({ p, countyName: cn, proposedBy, decidedBy }) => ({
    id: p.id,
    countyCode: p.countyCode,
    countyName: cn,
    year: p.year,
    transfers: (p.transfers as RedistributionTransfer[]).map((t) => ({
      ...t,
      fromName: names.get(t.fromCode) ?? t.fromCode,
      toName: names.get(t.toCode) ?? t.toCode,
    })),
    dialogue: p.dialogue,
    status: p.status as Redistribution['status'],
    proposedAt: p.proposedAt.toISOString(),
    proposedBy,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decidedBy,
    decisionNote: p.decisionNote,
    resultVersionId: p.resultVersionId,
    mayDecide: mayDecide && p.status === 'proposed',
  }));
}

export async function countyShares(
  caller: RequestCaller,
  requestedYear: number | undefined,
): Promise<Answer<z.input<typeof CountySharesSchema>>> {
  const county = countyOfActor(caller.actor);
  const years = (
    await caller.db
      .selectDistinct({
        year: sql<number>`extract(year from ${shareVersions.validFrom})::int`.mapWith(Number),
      })
      .from(shareVersions)
  )
    .map((r) => r.year)
    .sort((a, b) => b - a);
  const year = requestedYear ?? defaultShareYear(years, caller.today);
  const version = await latestVersionOfYear(caller.db, year);
  const shares = version === null ? new Map<string, number>() : await sharesOf(caller.db, version.id);
  const munis = await countyMunicipalities(caller.db, county);
  const proposals = await presentProposals(caller.db, eq(redistributionProposals.countyCode, county), false);
  caller.audit.detail('countyCode', county);
  caller.audit.detail('year', year);
  return {
    county: { code: county, name: await countyName(caller.db, county) },
    year,
    years,
    version,
    municipalities: munis.map((m) => ({ ...m, promille: shares.get(m.code) ?? 0 })),
    total: countyTotal(county, shares),
    proposals: proposals.filter((p) => p.year === year),
    mayPropose: version !== null && !proposals.some((p) => p.year === year && p.status === 'proposed'),
  };
}

export async function proposeRedistribution(
  caller: RequestCaller,
  body: z.output<typeof ProposeRedistributionBody>,
): Promise<Answer<z.input<typeof CountySharesSchema>>> {
  const county = countyOfActor(caller.actor);
  caller.audit.detail('countyCode', county);
  caller.audit.detail('year', body.year);
  const version = await latestVersionOfYear(caller.db, body.year);
  if (version === null)
    throw unprocessable('no_shares_for_year', 'There are no shares for the year yet', [
      { field: 'body.year', code: 'no_shares_for_year', message: 'no_shares_for_year' },
    ]);
  const { problems } = redistribute(county, await sharesOf(caller.db, version.id), body.transfers);
  if (problems.length > 0)
    throw unprocessable(
      'redistribution_invalid',
      'The rules do not allow the redistribution',
      problems.map((p) => ({
        field: `body.transfers.${p.index}.${p.field}`,
        code: p.code,
        message: p.available === undefined ? p.code : `${p.code}:${p.available}`,
      })),
    );
  const [open] = await caller.db
    .select({ id: redistributionProposals.id })
    .from(redistributionProposals)
    .where(
      and(
        eq(redistributionProposals.countyCode, county),
        eq(redistributionProposals.year, body.year),
        eq(redistributionProposals.status, 'proposed'),
      ),
    );
  if (open !== undefined)
    throw conflict('redistribution_pending', 'A proposal for the year awaits the Migration Agency');
  const [row] = await caller.db
    .insert(redistributionProposals)
    .values({
      countyCode: county,
      year: body.year,
      baseVersionId: version.id,
      transfers: body.transfers,
      dialogue: body.dialogue.trim(),
      status: 'proposed',
      proposedBy: caller.actor.userId,
      proposedAt: caller.now,
    })
    .returning({ id: redistributionProposals.id });
  caller.audit.detail('proposalId', row?.id ?? null);
  return countyShares(caller, body.year);
}

// ── The Migration Agency fixes or returns a county's proposal ─────────────────

export async function agencyRedistributions(caller: RequestCaller): Promise<Redistribution[]> {
  return presentProposals(caller.db, undefined, hasPermission(caller.actor.role, 'shares:manage'));
}

/**
 * Fixing applies the county's transfers to the latest version of the year as a new share version (the one writer of
 * share versions, shares-use-cases.ts), checked again by the rules: the shares may have changed since the proposal.
 * Returning sends the proposal back with the Agency's reasons; the county may then propose anew.
 */
export async function decideRedistribution(
  caller: RequestCaller,
  proposalId: string,
  body: z.output<typeof DecideRedistributionBody>,
): Promise<Redistribution> {
  const [proposal] = await caller.db
    .select()
    .from(redistributionProposals)
    .where(eq(redistributionProposals.id, proposalId))
    .for('update');
  if (proposal === undefined) throw notFound();
  caller.audit.detail('proposalId', proposal.id);
  caller.audit.detail('decision', body.decision);
  if (proposal.status !== 'proposed')
    throw conflict('redistribution_decided', 'The proposal has already been decided');
  let resultVersionId: string | null = null;
  if (body.decision === 'fix') {
    const version = await latestVersionOfYear(caller.db, proposal.year);
    if (version === null) throw conflict('no_shares_for_year', 'The year has no shares');
    const transfers = proposal.transfers as RedistributionTransfer[];
    const { problems } = redistribute(proposal.countyCode, await sharesOf(caller.db, version.id), transfers);
    if (problems.length > 0)
      throw unprocessable(
        'redistribution_invalid',
        'The shares have changed since the proposal; the rules no longer allow it',
        problems.map((p) => ({
          field: `transfers.${p.index}.${p.field}`,
          code: p.code,
          message: p.available === undefined ? p.code : `${p.code}:${p.available}`,
        })),
      );
    const county = await countyName(caller.db, proposal.countyCode);
    const saved = await transferShares(caller, {
      versionId: version.id,
      transfers,
      decidedBy: county,
      note: `Omfördelning inom ${county} ${proposal.year}, fastställd: ${body.note.trim()}`,
    });
    resultVersionId = saved.id;
  }
  await caller.db
    .update(redistributionProposals)
    .set({
      status: body.decision === 'fix' ? 'fixed' : 'returned',
      decidedBy: caller.actor.userId,
      decidedAt: caller.now,
      decisionNote: body.note.trim(),
      resultVersionId,
    })
    .where(eq(redistributionProposals.id, proposal.id));
  const [presented] = await presentProposals(caller.db, eq(redistributionProposals.id, proposal.id), true);
  if (presented === undefined) throw notFound();
  return presented;
}
