/**
 * The §37a grants' use cases (issue 13 point 5, ADR 0028). A municipality's grant applicant sees and writes its own
 * municipality's applications; a county board's grant officer its own county's call and applications; the county
 * board that holds the national pot (grant_pot_holders) also the pot, the allotments and the national summary.
 * Everyone else answers 404. The rules are in src/domain/grants/.
 */
import type { z } from 'zod';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Answer } from '../domain/answer.ts';
import type { Actor } from '../domain/access/child-scope.ts';
import {
  effectiveStatus,
  statusAfter,
  stepProblem,
  stepsFor,
  type GrantAction,
  type GrantParty,
  type StoredGrantStatus,
} from '../domain/grants/machine.ts';
import {
  allotmentsProblem,
  applicationProblems,
  costsBeforeDecision,
  decisionProblem,
  nationalSummary,
  remainingAllotment,
  reportReminders,
  requestedAmount,
  type BudgetLine,
  type DecisionOutcome,
  type GrantPurpose,
  type Problem,
} from '../domain/grants/rules.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  counties,
  grantAllotments,
  grantApplicationEvents,
  grantApplications,
  grantCalls,
  grantPotHolders,
  grantPots,
  municipalities,
} from '../platform/db/schema.ts';
import { conflict, notFound, stale, unprocessable, type FieldProblem } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import type {
  ApplicantViewSchema,
  ApplicationBody,
  ApplicationSchema,
  CallBody,
  CallSchema,
  CountyViewSchema,
  NationalViewSchema,
  PotBody,
  UpdateApplicationBody,
} from './contract.ts';

type Caller = RequestCaller;
type Application = Answer<z.input<typeof ApplicationSchema>>;
type Call = Answer<z.input<typeof CallSchema>>;

const kr = (amount: number) => `${new Intl.NumberFormat('sv-SE').format(amount)} kr`;

/** The applicant's municipality, or null for any other role. */
function applicantMunicipality(actor: Actor): string | null {
  return actor.role === 'grant_applicant' && actor.organisationType === 'municipality'
    ? (actor.municipalityCodes[0] ?? null)
    : null;
}

/** The officer's county, or null for any other role. */
function officerCounty(actor: Actor): string | null {
  return actor.role === 'grant_officer' && actor.organisationType === 'county_board'
    ? actor.countyCode
    : null;
}

/** Whether the officer's county board holds the national pot (a row in grant_pot_holders, valid today). */
async function holdsNationalPot(caller: Caller): Promise<boolean> {
  const county = officerCounty(caller.actor);
  if (county === null) return false;
  const [row] = await caller.db
    .select({ code: grantPotHolders.countyCode })
    .from(grantPotHolders)
    .where(and(eq(grantPotHolders.countyCode, county), lte(grantPotHolders.validFrom, caller.today)));
  return row !== undefined;
}

const yearOf = (caller: Caller, year: number | undefined) => year ?? Number(caller.today.slice(0, 4));

function presentCall(row: typeof grantCalls.$inferSelect, countyName: string, today: string): Call {
  return {
    id: row.id,
    year: row.year,
    county: { code: row.countyCode, name: countyName },
    opensOn: row.opensOn,
    deadline: row.deadline,
    priorities: row.priorities,
    interimReportDueOn: row.interimReportDueOn,
    finalReportDueOn: row.finalReportDueOn,
    open: row.opensOn <= today && today <= row.deadline,
  };
}

interface Loaded {
  readonly row: typeof grantApplications.$inferSelect;
  readonly call: typeof grantCalls.$inferSelect;
  readonly countyName: string;
  readonly municipalityName: string;
}

async function loadApplications(db: DbOrTx, where: ReturnType<typeof and>): Promise<Loaded[]> {
  const rows = await db
    .select({
      row: grantApplications,
      call: grantCalls,
      countyName: counties.name,
      municipalityName: municipalities.name,
    })
    .from(grantApplications)
    .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
    .innerJoin(counties, eq(counties.code, grantCalls.countyCode))
    .innerJoin(municipalities, eq(municipalities.code, grantApplications.municipalityCode))
    .where(where)
    .orderBy(asc(grantCalls.year), asc(grantApplications.municipalityCode), asc(grantApplications.createdAt));
  return rows;
}

function facts(l: Loaded) {
  return {
    status: l.row.status as StoredGrantStatus,
    deadline: l.call.deadline,
    interimReportSubmitted: l.row.interimReportSubmittedOn !== null,
    interimReportReceived: l.row.interimReportReceivedOn !== null,
  };
}

function present(l: Loaded, party: GrantParty, today: string): Application {
  const { row, call } = l;
  const status = row.status as StoredGrantStatus;
  return {
    id: row.id,
    year: call.year,
    county: { code: call.countyCode, name: l.countyName },
    deadline: call.deadline,
    municipality: { code: row.municipalityCode, name: l.municipalityName },
    status: effectiveStatus(status, call.deadline, today),
    title: row.title,
    description: row.description,
    purposes: row.purposes as GrantPurpose[],
    partners: row.partners as { name: string; certificate: boolean }[],
    budget: row.budget as BudgetLine[],
    requestedAmount: row.requestedAmount,
    signatoryName: row.signatoryName,
    signatoryTitle: row.signatoryTitle,
    submittedOn: row.submittedOn,
    assessment: row.assessment,
    assessedOn: row.assessedOn,
    outcome: row.outcome as DecisionOutcome | null,
    grantedAmount: row.grantedAmount,
    decisionReasons: row.decisionReasons,
    decidedOn: row.decidedOn,
    paidOn: row.paidOn,
    changeDescription: row.changeDescription,
    changeRequestedOn: row.changeRequestedOn,
    changeApprovedOn: row.changeApprovedOn,
    interimReport: row.interimReport,
    interimReportSubmittedOn: row.interimReportSubmittedOn,
    interimReportReceivedOn: row.interimReportReceivedOn,
    finalReport: row.finalReport,
    finalReportSubmittedOn: row.finalReportSubmittedOn,
    finalReportReceivedOn: row.finalReportReceivedOn,
    reminders: reportReminders(
      {
        status,
        deadline: call.deadline,
        interimReportDueOn: call.interimReportDueOn,
        finalReportDueOn: call.finalReportDueOn,
        interimReportSubmitted: row.interimReportSubmittedOn !== null,
        finalReportSubmitted: row.finalReportSubmittedOn !== null,
      },
      today,
    ),
    steps: stepsFor(facts(l), party, today),
    version: row.version,
  };
}

/** One application the caller may act on as `party`, or 404. */
async function applicationInScope(caller: Caller, id: string, party: GrantParty): Promise<Loaded> {
  const municipality = applicantMunicipality(caller.actor);
  const county = officerCounty(caller.actor);
  const scope =
    party === 'applicant' && municipality !== null
      ? eq(grantApplications.municipalityCode, municipality)
      : party === 'officer' && county !== null
        ? eq(grantCalls.countyCode, county)
        : null;
  if (scope === null) throw notFound();
  const [found] = await loadApplications(caller.db, and(eq(grantApplications.id, id), scope));
  if (found === undefined) throw notFound();
  caller.audit.detail('applicationId', id);
  return found;
}

const asFields = (problems: readonly Problem[]): FieldProblem[] =>
  problems.map((p) => ({ field: `body.${p.field}`, code: p.code, message: p.code }));

// ── The applicant ─────────────────────────────────────────────────────────────────────────────────────────────

export async function applicantView(caller: Caller): Promise<Answer<z.input<typeof ApplicantViewSchema>>> {
  const code = applicantMunicipality(caller.actor);
  if (code === null) throw notFound();
  const [muni] = await caller.db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  if (muni === undefined) throw notFound();
  const calls = await caller.db
    .select({ call: grantCalls, countyName: counties.name })
    .from(grantCalls)
    .innerJoin(counties, eq(counties.code, grantCalls.countyCode))
    .where(eq(grantCalls.countyCode, code.slice(0, 2)))
    .orderBy(asc(grantCalls.year));
  const applications = await loadApplications(caller.db, and(eq(grantApplications.municipalityCode, code)));
  caller.audit.detail('applications', applications.length);
  return {
    municipality: muni,
    calls: calls.map((c) => presentCall(c.call, c.countyName, caller.today)),
    applications: applications.map((a) => present(a, 'applicant', caller.today)),
  };
}

type DraftInput = Omit<Answer<z.output<typeof ApplicationBody>>, 'year'>;

function draftProblems(caller: Caller, input: DraftInput): FieldProblem[] {
  return asFields(
    applicationProblems({
      applicantType: caller.actor.organisationType,
      signatoryName: input.signatoryName,
      signatoryTitle: input.signatoryTitle,
      purposes: input.purposes,
      budget: input.budget,
    }).filter((p) => p.field !== 'applicant'),
  );
}

function draftValues(input: DraftInput) {
  return {
    title: input.title.trim(),
    description: input.description,
    purposes: [...new Set(input.purposes)],
    partners: input.partners,
    budget: input.budget,
    requestedAmount: requestedAmount(input.budget),
    signatoryName: input.signatoryName.trim(),
    signatoryTitle: input.signatoryTitle.trim(),
  };
}

async function event(caller: Caller, id: string, action: string, from: string | null, to: string) {
  await caller.db.insert(grantApplicationEvents).values({
    applicationId: id,
    action,
    fromStatus: from,
    toStatus: to,
    onDate: caller.today,
    byUserId: caller.actor.userId,
    byRole: caller.actor.role,
    recordedAt: caller.now,
  });
}

/**
 * A draft application under the own county's call for the year. Missing signatory, purpose or budget lines are
 * allowed in a draft (the submit asks for them); a call whose deadline has passed takes no new application.
 */
export async function createApplication(
  caller: Caller,
  input: Answer<z.output<typeof ApplicationBody>>,
): Promise<Application> {
  const code = applicantMunicipality(caller.actor);
  if (code === null) throw notFound();
  const [call] = await caller.db
    .select()
    .from(grantCalls)
    .where(and(eq(grantCalls.countyCode, code.slice(0, 2)), eq(grantCalls.year, input.year)));
  if (call === undefined)
    throw unprocessable('no_call', 'The county has no call for that year', [
      { field: 'body.year', code: 'no_call', message: 'no call' },
    ]);
  if (caller.today > call.deadline || caller.today < call.opensOn)
    throw unprocessable('grant_deadline_passed', 'The call is not open', [
      { field: 'body.year', code: 'call_closed', message: 'the call is not open today' },
    ]);
  const [row] = await caller.db
    .insert(grantApplications)
    .values({
      callId: call.id,
      municipalityCode: code,
      status: 'draft',
      ...draftValues(input),
      createdBy: caller.actor.userId,
    })
    .returning({ id: grantApplications.id });
  if (row === undefined) throw new Error('application insert failed');
  await event(caller, row.id, 'create', null, 'draft');
  const loaded = await applicationInScope(caller, row.id, 'applicant');
  return present(loaded, 'applicant', caller.today);
}

function ensureVersion(l: Loaded, expected: number, party: GrantParty, today: string) {
  if (l.row.version !== expected)
    throw stale('The application has changed since it was read', present(l, party, today));
}

export async function updateApplication(
  caller: Caller,
  id: string,
  input: Answer<z.output<typeof UpdateApplicationBody>>,
): Promise<Application> {
  const l = await applicationInScope(caller, id, 'applicant');
  ensureVersion(l, input.expectedVersion, 'applicant', caller.today);
  if (effectiveStatus(l.row.status as StoredGrantStatus, l.call.deadline, caller.today) !== 'draft')
    throw conflict('transition_not_allowed', 'Only a draft is changed; ask for a change once paid');
  await caller.db
    .update(grantApplications)
    .set({ ...draftValues(input), version: l.row.version + 1 })
    .where(eq(grantApplications.id, id));
  return present(await applicationInScope(caller, id, 'applicant'), 'applicant', caller.today);
}

// ── Steps ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** The step's checks (party, status, deadline, version), then the write and the event. */
async function step(
  caller: Caller,
  id: string,
  action: GrantAction,
  party: GrantParty,
  expectedVersion: number,
  values: (l: Loaded) => Promise<Partial<typeof grantApplications.$inferInsert>>,
  outcome?: DecisionOutcome,
): Promise<Application> {
  const l = await applicationInScope(caller, id, party);
  ensureVersion(l, expectedVersion, party, caller.today);
  const problem = stepProblem(facts(l), action, party, caller.today);
  if (problem === 'deadline_passed')
    throw conflict('grant_deadline_passed', `The call's deadline ${l.call.deadline} has passed`);
  if (problem !== null) throw conflict('transition_not_allowed', `The step ${action} is not possible now`);
  const from = l.row.status as StoredGrantStatus;
  const to = statusAfter(action, from, outcome);
  const set = await values(l);
  await caller.db
    .update(grantApplications)
    .set({ ...set, status: to, version: l.row.version + 1 })
    .where(eq(grantApplications.id, id));
  await event(caller, id, action, from, to);
  caller.audit.detail('action', action);
  return present(await applicationInScope(caller, id, party), party, caller.today);
}

export function submitApplication(caller: Caller, id: string, expectedVersion: number) {
  return step(caller, id, 'submit', 'applicant', expectedVersion, async (l) => {
    const problems = draftProblems(caller, {
      title: l.row.title,
      description: l.row.description,
      purposes: l.row.purposes as GrantPurpose[],
      partners: l.row.partners as { name: string; certificate: boolean }[],
      budget: l.row.budget as BudgetLine[],
      signatoryName: l.row.signatoryName,
      signatoryTitle: l.row.signatoryTitle,
    });
    if (problems.length > 0)
      throw unprocessable('grant_invalid', 'The application is not complete (E-R8)', problems);
    return { submittedOn: caller.today };
  });
}

export function assessApplication(caller: Caller, id: string, assessment: string, expectedVersion: number) {
  return step(caller, id, 'assess', 'officer', expectedVersion, async () => ({
    assessment,
    assessedOn: caller.today,
  }));
}

/** What the county has granted so far in the year (wholly or partly), excluding one application. */
async function grantedInCounty(
  db: DbOrTx,
  countyCode: string,
  year: number,
  except?: string,
): Promise<number[]> {
  const rows = await db
    .select({ id: grantApplications.id, amount: grantApplications.grantedAmount })
    .from(grantApplications)
    .innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
    .where(
      and(
        eq(grantCalls.countyCode, countyCode),
        eq(grantCalls.year, year),
        inArray(grantApplications.outcome, ['granted', 'partly_granted']),
      ),
    );
  return rows.filter((r) => r.id !== except).map((r) => r.amount ?? 0);
}

async function allotmentOf(db: DbOrTx, countyCode: string, year: number): Promise<number | null> {
  const [row] = await db
    .select({ amount: grantAllotments.amount })
    .from(grantAllotments)
    .where(and(eq(grantAllotments.countyCode, countyCode), eq(grantAllotments.year, year)));
  return row?.amount ?? null;
}

/**
 * The decision (G4): granted wholly or partly for an amount, or refused, with reasons. E-R9: no budget line may be
 * dated before the decision; E-R10: the county's sum stays within its allotment, else 422 naming what remains.
 */
export function decideApplication(
  caller: Caller,
  id: string,
  input: { outcome: DecisionOutcome; amount: number; reasons: string; expectedVersion: number },
) {
  return step(
    caller,
    id,
    'decide',
    'officer',
    input.expectedVersion,
    async (l) => {
      const amount = input.outcome === 'refused' ? 0 : input.amount;
      if (input.outcome !== 'refused') {
        const early = costsBeforeDecision(l.row.budget as BudgetLine[], caller.today);
        if (early.length > 0)
          throw unprocessable(
            'grant_invalid',
            'Costs before the decision date are not eligible (E-R9)',
            asFields(early),
          );
      }
      const problem = decisionProblem({
        outcome: input.outcome,
        amount,
        requested: l.row.requestedAmount,
        allotment: await allotmentOf(caller.db, l.call.countyCode, l.call.year),
        grantedSoFar: await grantedInCounty(caller.db, l.call.countyCode, l.call.year, id),
      });
      if (problem?.code === 'allotment_exceeded')
        throw unprocessable(
          'allotment_exceeded',
          `The decision would exceed the county's allotment: ${kr(problem.remaining)} remain`,
          [
            {
              field: 'body.amount',
              code: `allotment_exceeded:${problem.remaining}`,
              message: `${problem.remaining} kronor remain of the county's allotment`,
            },
          ],
        );
      if (problem?.code === 'no_allotment')
        throw unprocessable(
          'no_allotment',
          'The national level has set no allotment for the county this year',
        );
      if (problem !== null)
        throw unprocessable('grant_invalid', 'The amount does not fit the outcome', [
          { field: 'body.amount', code: problem.code, message: problem.code },
        ]);
      return {
        outcome: input.outcome,
        grantedAmount: input.outcome === 'refused' ? null : amount,
        decisionReasons: input.reasons,
        decidedOn: caller.today,
      };
    },
    input.outcome,
  );
}

export function payApplication(caller: Caller, id: string, paidOn: string, expectedVersion: number) {
  return step(caller, id, 'pay', 'officer', expectedVersion, async (l) => {
    if (paidOn < (l.row.decidedOn ?? paidOn) || paidOn > caller.today)
      throw unprocessable('grant_invalid', 'Paid between the decision and today', [
        { field: 'body.paidOn', code: 'paid_outside_range', message: 'between the decision and today' },
      ]);
    return { paidOn };
  });
}

export function requestChange(caller: Caller, id: string, description: string, expectedVersion: number) {
  return step(caller, id, 'request_change', 'applicant', expectedVersion, async () => ({
    changeDescription: description,
    changeRequestedOn: caller.today,
    changeApprovedOn: null,
  }));
}

export function approveChange(caller: Caller, id: string, expectedVersion: number) {
  return step(caller, id, 'approve_change', 'officer', expectedVersion, async () => ({
    changeApprovedOn: caller.today,
  }));
}

export function submitInterimReport(caller: Caller, id: string, report: string, expectedVersion: number) {
  return step(caller, id, 'submit_interim_report', 'applicant', expectedVersion, async () => ({
    interimReport: report,
    interimReportSubmittedOn: caller.today,
  }));
}

export function receiveInterimReport(caller: Caller, id: string, expectedVersion: number) {
  return step(caller, id, 'receive_interim_report', 'officer', expectedVersion, async () => ({
    interimReportReceivedOn: caller.today,
  }));
}

export function submitFinalReport(caller: Caller, id: string, report: string, expectedVersion: number) {
  return step(caller, id, 'submit_final_report', 'applicant', expectedVersion, async () => ({
    finalReport: report,
    finalReportSubmittedOn: caller.today,
  }));
}

export function receiveFinalReport(caller: Caller, id: string, expectedVersion: number) {
  return step(caller, id, 'receive_final_report', 'officer', expectedVersion, async () => ({
    finalReportReceivedOn: caller.today,
  }));
}

// ── The county ────────────────────────────────────────────────────────────────────────────────────────────────

async function countyPlace(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ code: counties.code, name: counties.name })
    .from(counties)
    .where(eq(counties.code, code));
  if (row === undefined) throw notFound();
  return row;
}

export async function countyView(
  caller: Caller,
  year: number | undefined,
): Promise<Answer<z.input<typeof CountyViewSchema>>> {
  const code = officerCounty(caller.actor);
  if (code === null) throw notFound();
  const y = yearOf(caller, year);
  const county = await countyPlace(caller.db, code);
  const [call] = await caller.db
    .select()
    .from(grantCalls)
    .where(and(eq(grantCalls.countyCode, code), eq(grantCalls.year, y)));
  const allotment = await allotmentOf(caller.db, code, y);
  const granted = (await grantedInCounty(caller.db, code, y)).reduce((s, a) => s + a, 0);
  const applications = await loadApplications(
    caller.db,
    and(eq(grantCalls.countyCode, code), eq(grantCalls.year, y)),
  );
  caller.audit.detail('applications', applications.length);
  return {
    year: y,
    county,
    call: call === undefined ? null : presentCall(call, county.name, caller.today),
    allotment,
    granted,
    remaining: allotment === null ? null : remainingAllotment(allotment, [granted]),
    national: await holdsNationalPot(caller),
    applications: applications.map((a) => present(a, 'officer', caller.today)),
  };
}

/** The own county's call for the year (G2), created or changed; its deadline cannot move before a submission. */
export async function setCall(
  caller: Caller,
  year: number,
  input: Answer<z.output<typeof CallBody>>,
): Promise<Call> {
  const code = officerCounty(caller.actor);
  if (code === null) throw notFound();
  const problems: FieldProblem[] = [];
  if (input.deadline < input.opensOn)
    problems.push({
      field: 'body.deadline',
      code: 'before_opening',
      message: 'the deadline is before the opening',
    });
  if (input.interimReportDueOn <= input.deadline)
    problems.push({
      field: 'body.interimReportDueOn',
      code: 'before_deadline',
      message: 'after the deadline',
    });
  if (input.finalReportDueOn <= input.interimReportDueOn)
    problems.push({
      field: 'body.finalReportDueOn',
      code: 'before_interim',
      message: 'after the interim report',
    });
  if (Number(input.opensOn.slice(0, 4)) !== year)
    problems.push({ field: 'body.opensOn', code: 'other_year', message: "within the call's year" });
  if (problems.length > 0) throw unprocessable('validation', 'The call does not hold together', problems);
  const values = { ...input, setBy: caller.actor.userId, setAt: caller.now };
  await caller.db
    .insert(grantCalls)
    .values({ year, countyCode: code, ...values })
    .onConflictDoUpdate({ target: [grantCalls.year, grantCalls.countyCode], set: values });
  const [row] = await caller.db
    .select()
    .from(grantCalls)
    .where(and(eq(grantCalls.countyCode, code), eq(grantCalls.year, year)));
  if (row === undefined) throw new Error('call upsert failed');
  caller.audit.detail('callId', row.id);
  return presentCall(row, (await countyPlace(caller.db, code)).name, caller.today);
}

// ── The national level ────────────────────────────────────────────────────────────────────────────────────────

export async function nationalView(
  caller: Caller,
  year: number | undefined,
): Promise<Answer<z.input<typeof NationalViewSchema>>> {
  if (!(await holdsNationalPot(caller))) throw notFound();
  const y = yearOf(caller, year);
  const holder = await countyPlace(caller.db, officerCounty(caller.actor) ?? '');
  const [pot] = await caller.db.select().from(grantPots).where(eq(grantPots.year, y));
  const allCounties = await caller.db
    .select({ code: counties.code, name: counties.name })
    .from(counties)
    .orderBy(asc(counties.code));
  const allotments = await caller.db.select().from(grantAllotments).where(eq(grantAllotments.year, y));
  const applications = await loadApplications(caller.db, and(eq(grantCalls.year, y)));
  const summary = nationalSummary(
    applications.map((a) => ({
      countyCode: a.call.countyCode,
      municipalityCode: a.row.municipalityCode,
      status: effectiveStatus(a.row.status as StoredGrantStatus, a.call.deadline, caller.today),
      outcome: a.row.outcome as DecisionOutcome | null,
      grantedAmount: a.row.grantedAmount,
    })),
  );
  const name = new Map(allCounties.map((c) => [c.code, c.name]));
  caller.audit.detail('applications', applications.length);
  return {
    year: y,
    holder,
    pot: pot?.amount ?? null,
    allotments: allCounties.map((c) => ({
      county: c,
      amount: allotments.find((a) => a.countyCode === c.code)?.amount ?? null,
      granted: summary.counties.find((s) => s.countyCode === c.code)?.grantedAmount ?? 0,
    })),
    summary: {
      counties: summary.counties.map(({ countyCode, ...rest }) => ({
        county: { code: countyCode, name: name.get(countyCode) ?? countyCode },
        ...rest,
      })),
      total: summary.total,
    },
  };
}

/**
 * G1: the year's national pot and the counties' allotments, set by the holder's grant officer. The allotments may
 * not together exceed the pot, nor a county's fall below what it has already granted.
 */
export async function setPot(caller: Caller, year: number, input: Answer<z.output<typeof PotBody>>) {
  if (!(await holdsNationalPot(caller))) throw notFound();
  const known = new Set((await caller.db.select({ code: counties.code }).from(counties)).map((c) => c.code));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const [i, a] of input.allotments.entries()) {
    if (!known.has(a.countyCode) || seen.has(a.countyCode))
      problems.push({
        field: `body.allotments.${i}.countyCode`,
        code: 'unknown_county',
        message: 'unknown or repeated county',
      });
    seen.add(a.countyCode);
    const granted = (await grantedInCounty(caller.db, a.countyCode, year)).reduce((s, x) => s + x, 0);
    if (a.amount < granted)
      problems.push({
        field: `body.allotments.${i}.amount`,
        code: `below_granted:${granted}`,
        message: `${granted} kronor already granted`,
      });
  }
  const existing = await caller.db.select().from(grantAllotments).where(eq(grantAllotments.year, year));
  const combined = new Map(existing.map((a) => [a.countyCode, a.amount]));
  for (const a of input.allotments) combined.set(a.countyCode, a.amount);
  if (allotmentsProblem(input.amount, [...combined.values()]) !== null)
    problems.push({ field: 'body.allotments', code: 'allotments_exceed_pot', message: 'more than the pot' });
  if (problems.length > 0)
    throw unprocessable('allotments_exceed_pot', 'The allotments do not fit', problems);
  const set = { setBy: caller.actor.userId, setAt: caller.now };
  await caller.db
    .insert(grantPots)
    .values({ year, amount: input.amount, ...set })
    .onConflictDoUpdate({ target: grantPots.year, set: { amount: input.amount, ...set } });
  for (const a of input.allotments) {
    await caller.db
      .insert(grantAllotments)
      .values({ year, countyCode: a.countyCode, amount: a.amount, ...set })
      .onConflictDoUpdate({
        target: [grantAllotments.year, grantAllotments.countyCode],
        set: { amount: a.amount, ...set },
      });
  }
  caller.audit.detail('year', year);
  return nationalView(caller, year);
}
