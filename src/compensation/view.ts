/**
 * The municipality's compensation view (issue 14 point 3, ADR 0032): the own municipality's computed compensation for
 * a quarter, a child's lines explained day by day, and the LVU daily cost of a placement. The finance officer sees a
 * child only as a line or a warning names it (name and dossier number), each read audited with the child ids; the
 * facts come from src/compensation/facts.ts and the sums from the pure calculator (src/domain/compensation).
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import type { Actor } from '../domain/access/child-scope.ts';
import type { ChildFacts, DayWindow } from '../domain/compensation/calculator.ts';
import { claimLastDay } from '../domain/compensation/claims.ts';
import { compensationLines, explainChild } from '../domain/compensation/lines.ts';
import {
  CLAIM_KINDS,
  compensationWarnings,
  previousQuarter,
  quarterWindow,
} from '../domain/compensation/view.ts';
import { compensationDailyCosts, placements } from '../platform/db/schema.ts';
import { notFound, unprocessable } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import { compensationRates } from '../reference/compensation-rates.ts';
import type {
  CompensationViewSchema,
  DailyCostBody,
  DailyCostSchema,
  ExplanationSchema,
} from './contract.ts';
import { loadChildFacts, municipalityChildFacts, type LoadedChild } from './facts.ts';

function municipalityOfActor(actor: Actor): string {
  const code = actor.organisationType === 'municipality' ? actor.municipalityCodes[0] : undefined;
  if (code === undefined) throw notFound();
  return code;
}

function windowOf(quarter: string | undefined, today: string): { quarter: string; window: DayWindow } {
  const chosen = quarter ?? previousQuarter(today);
  const window = quarterWindow(chosen);
  if (window === null) throw notFound();
  return { quarter: chosen, window };
}

const named = (child: LoadedChild) => ({
  childId: child.facts.childId,
  name: child.protectedIdentity ? null : `${child.firstName} ${child.lastName}`,
  dossierNumber: child.dossierNumber,
});

export async function municipalityCompensation(
  caller: RequestCaller,
  requested: string | undefined,
): Promise<Answer<z.input<typeof CompensationViewSchema>>> {
  const code = municipalityOfActor(caller.actor);
  const { quarter, window } = windowOf(requested, caller.today);
  caller.audit.detail('municipalityCode', code);
  caller.audit.detail('quarter', quarter);
  const loaded = await municipalityChildFacts(caller.db, code, window);
  const rates = compensationRates();
  const own = (lines: ReturnType<typeof compensationLines>) =>
    lines
      .filter((line) => line.municipalityCode === code)
      .map(({ code: c, count, amount }) => ({ code: c, claimKind: CLAIM_KINDS[c], count, amount }));
  const totals = own(
    compensationLines(
      loaded.map((c) => c.facts),
      window,
      rates,
    ),
  );
  const perChild = loaded
    .map((child) => {
      const lines = own(compensationLines([child.facts], window, rates));
      return { ...named(child), lines, total: lines.reduce((sum, l) => sum + l.amount, 0) };
    })
    .filter((child) => child.lines.length > 0)
    .sort((a, b) => a.dossierNumber.localeCompare(b.dossierNumber));
  const warnings = loaded
    .flatMap((child) =>
      compensationWarnings(child.facts, code, window).map((w) => ({
        ...named(child),
        code: w.code,
        placementFrom: w.placementFrom,
      })),
    )
    .sort((a, b) => a.dossierNumber.localeCompare(b.dossierNumber));
  const lvuPlacements = loaded
    .flatMap((child) =>
      child.facts.placements
        .filter(
          (p) =>
            p.lvu &&
            p.municipalityCode === code &&
            p.from <= window.to &&
            (p.to === null || p.to > window.from),
        )
        .map((p) => ({ ...named(child), placementId: p.id, from: p.from, to: p.to, dailyCost: p.dailyCost })),
    )
    .sort((a, b) => a.dossierNumber.localeCompare(b.dossierNumber));
  caller.audit.children(new Set([...perChild, ...warnings, ...lvuPlacements].map((c) => c.childId)));
  return {
    municipalityCode: code,
    quarter,
    from: window.from,
    to: window.to,
    claimDeadline: claimLastDay([quarter]) ?? window.to,
    totals,
    total: totals.reduce((sum, l) => sum + l.amount, 0),
    children: perChild,
    warnings,
    lvuPlacements,
  };
}

/** Whether any of the child's facts names the municipality: otherwise it has no compensation facts there. */
function touches(facts: ChildFacts, code: string): boolean {
  return (
    facts.assignedMunicipalityCode === code ||
    facts.arrival?.municipalityCode === code ||
    facts.responsibility.some((r) => r.municipalityCode === code) ||
    facts.placements.some((p) => p.municipalityCode === code) ||
    (facts.schooling ?? []).some((s) => s.municipalityCode === code) ||
    facts.specialCustody?.municipalityCode === code
  );
}

export async function explainCompensation(
  caller: RequestCaller,
  childId: string,
  requested: string | undefined,
): Promise<Answer<z.input<typeof ExplanationSchema>>> {
  const code = municipalityOfActor(caller.actor);
  const { quarter, window } = windowOf(requested, caller.today);
  caller.audit.detail('municipalityCode', code);
  caller.audit.detail('quarter', quarter);
  const [child] = await loadChildFacts(caller.db, [childId]);
  if (child === undefined || !touches(child.facts, code)) throw notFound([childId]);
  caller.audit.children([childId]);
  const explanation = explainChild(child.facts, window, compensationRates());
  const runs = explanation.runs
    .filter((run) => run.municipalityCode === code)
    .map((run) => ({
      code: run.code,
      claimKind: CLAIM_KINDS[run.code],
      period: run.period,
      firstDay: run.firstDay,
      lastDay: run.lastDay,
      count: run.count,
      rate: run.rate,
      amount: run.amount,
      source: run.rateRow?.source ?? null,
      verified: run.rateRow?.verified ?? true,
      schoolForm: run.schooling?.form ?? null,
      custodyFrom: run.specialCustody?.from ?? null,
    }));
  return {
    ...named(child),
    quarter,
    birthday18: explanation.birthday18,
    runs,
    total: runs.reduce((sum, run) => sum + run.amount, 0),
  };
}

export async function setDailyCost(
  caller: RequestCaller,
  placementId: string,
  body: z.output<typeof DailyCostBody>,
): Promise<Answer<z.input<typeof DailyCostSchema>>> {
  const code = municipalityOfActor(caller.actor);
  const [placement] = await caller.db
    .select({ id: placements.id, childId: placements.childId, legalBasis: placements.legalBasis })
    .from(placements)
    .where(and(eq(placements.id, placementId), eq(placements.municipalityCode, code)));
  if (placement === undefined) throw notFound();
  caller.audit.children([placement.childId]);
  caller.audit.detail('placementId', placement.id);
  if (placement.legalBasis !== 'LVU')
    throw unprocessable('placement_not_lvu', 'The placement is not under LVU', [
      {
        field: 'body.dailyCost',
        code: 'placement_not_lvu',
        message: 'Placeringen är inte enligt LVU: dygnskostnaden behövs bara för LVU-placeringar',
      },
    ]);
  const row = {
    dailyCost: body.dailyCost,
    recordedBy: caller.actor.userId,
    recordedAt: caller.now,
  };
  await caller.db
    .insert(compensationDailyCosts)
    .values({ ...row, placementId: placement.id, municipalityCode: code })
    .onConflictDoUpdate({ target: compensationDailyCosts.placementId, set: row });
  caller.audit.detail('dailyCost', body.dailyCost);
  return { placementId: placement.id, dailyCost: body.dailyCost };
}
