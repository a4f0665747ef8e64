/**
 * The state compensation for one child, per day (issue 14, "The calculator's rules (exact)"; research F.3): which
 * compensation applies, to which municipality, at which rate, as runs of days that share all three and lie within one
 * quarter and one rate row. Periods are [from, to): `from` included, `to` excluded, null open. Runs are counted by
 * subtraction, never day by day. Pure: the facts and the rate table come in as arguments, whether from files (the
 * `compensation compute` command) or from the database (a use case).
 */
import { compensationBirthday, dayNumber, FIRST_DAY, isoDay, quarterOf, splitByQuarter } from './days.ts';
import type { RateCode, RateRow, RateTable } from './rates.ts';
import { SCHOOL_RATE_CODES, schoolPeriods, type SchoolingFact } from './schooling.ts';

export const PLACEMENT_FORMS = ['hvb', 'stodboende', 'familjehem', 'jourhem', 'sis'] as const;
export type PlacementForm = (typeof PLACEMENT_FORMS)[number];

/**
 * The codes of the lines: the rates' own, LVU_TILLAGG (the LVU daily cost above the schablon), UTBILDNING (the
 * education of an asylum-seeking child, at its school form's annual rate) and SFV_KOSTNAD (the municipality's actual
 * cost for a child in the custody of a special custodian, which the municipality states in its claim).
 */
export type CompensationCode =
  | Exclude<RateCode, 'SKOLA_FORSKOLEKLASS_AR' | 'SKOLA_GRUNDSKOLA_AR' | 'SKOLA_GYMNASIESKOLA_AR'>
  | 'LVU_TILLAGG'
  | 'UTBILDNING'
  | 'SFV_KOSTNAD';

/** The codes whose amount is the municipality's actual cost, stated in its claim: Anvisa counts only the days. */
export const ACTUAL_COST_CODES: ReadonlySet<CompensationCode> = new Set<CompensationCode>(['SFV_KOSTNAD']);

/**
 * The child's custody moved to a special custodian (särskilt förordnad vårdnadshavare) by the district court's
 * judgment: the municipality that applied pays the custodian's reasonable costs and claims them (MV: "skälig
 * ersättning"), from the day the judgment became final.
 */
export interface SpecialCustodyFact {
  readonly municipalityCode: string;
  readonly from: string;
}

export interface ResponsibilityFact {
  readonly municipalityCode: string;
  readonly from: string;
  /** Excluded; null while it lasts. */
  readonly to: string | null;
}

export interface PlacementFact {
  readonly municipalityCode: string;
  readonly from: string;
  /** Excluded; null while it lasts. */
  readonly to: string | null;
  readonly form: PlacementForm;
  /** Care under LVU (or SoL care for an LVU-level need). */
  readonly lvu: boolean;
  /** Whole kronor a day, without VAT; required under LVU. */
  readonly dailyCost: number | null;
}

export interface ChildFacts {
  readonly childId: string;
  readonly birthDate: string;
  /** The arrival municipality and the day the child's need of protection was reported to it; null when none. */
  readonly arrival: { readonly municipalityCode: string; readonly date: string } | null;
  /** The assigned municipality and the anvisning's date; both null while the child is not yet anvisad. */
  readonly assignedMunicipalityCode: string | null;
  readonly anvisningDate: string | null;
  /** The day the assigned municipality took over; null when it has not yet. */
  readonly takeOverDate: string | null;
  /** The residence permit's date; null when there is none. */
  readonly permitDate: string | null;
  readonly responsibility: readonly ResponsibilityFact[];
  readonly placements: readonly PlacementFact[];
  /** The child's schooling (the command's files carry none). */
  readonly schooling?: readonly SchoolingFact[];
  /** The special custodian's appointment, when there is one (the command's files carry none). */
  readonly specialCustody?: SpecialCustodyFact | null;
}

/** The days that count: `from` to `to`, both included. */
export interface DayWindow {
  readonly from: string;
  readonly to: string;
}

/** A run of days (or, for ANVISNING_ENGANG, the one child) with one code, municipality, quarter and rate. */
export interface CompensationRun {
  readonly code: CompensationCode;
  readonly municipalityCode: string;
  /** YYYY-Qn. */
  readonly period: string;
  /** Day numbers (days.ts): `from` included, `until` excluded. */
  readonly from: number;
  readonly until: number;
  /** Days; 1 (the child) for ANVISNING_ENGANG; 1 (the four-week period) for UTBILDNING. */
  readonly count: number;
  /**
   * Kronor per day (per child for ANVISNING_ENGANG); for LVU_TILLAGG the daily cost above the schablon; for UTBILDNING
   * a tenth of the annual amount; 0 for SFV_KOSTNAD (the municipality states the cost).
   */
  readonly rate: number;
  readonly amount: number;
  /** The rate row the rate came from (for LVU_TILLAGG the schablon's); null for SFV_KOSTNAD. */
  readonly rateRow: RateRow | null;
  readonly responsibility: ResponsibilityFact | null;
  readonly placement: PlacementFact | null;
  readonly schooling: SchoolingFact | null;
  readonly specialCustody: SpecialCustodyFact | null;
}

interface RatePeriod {
  readonly from: number;
  readonly until: number;
  readonly row: RateRow;
}

/** The rate table as day numbers, made once per computation. */
export type PreparedRates = ReadonlyMap<RateCode, readonly RatePeriod[]>;

export function prepareRates(table: RateTable): PreparedRates {
  const prepared = new Map<RateCode, RatePeriod[]>();
  for (const [code, rows] of table)
    prepared.set(
      code,
      rows.map((row) => ({
        from: dayNumber(row.validFrom),
        until: row.validTo === null ? Infinity : dayNumber(row.validTo) + 1,
        row,
      })),
    );
  return prepared;
}

const day = (iso: string | null): number => (iso === null ? Infinity : dayNumber(iso));
const FIRST = dayNumber(FIRST_DAY);

/** Calls `each` for the part of [from, until) under each of the code's rate rows. */
function byRate(
  rates: PreparedRates,
  code: RateCode,
  from: number,
  until: number,
  each: (row: RateRow, from: number, until: number) => void,
): void {
  for (const p of rates.get(code) ?? []) {
    const a = p.from > from ? p.from : from;
    const b = p.until < until ? p.until : until;
    if (a < b) each(p.row, a, b);
  }
}

/** Every compensation run of one child within the window, in the order the rules are listed. */
export function childRuns(child: ChildFacts, window: DayWindow, rates: PreparedRates): CompensationRun[] {
  const runs: CompensationRun[] = [];
  const start = Math.max(FIRST, dayNumber(window.from));
  const end = dayNumber(window.to) + 1;
  const daily = (
    code: CompensationCode,
    rateCode: RateCode,
    municipalityCode: string,
    from: number,
    until: number,
    facts: { responsibility: ResponsibilityFact | null; placement: PlacementFact | null },

    rateOf: (row: RateRow) => number = (row) => row.amount,
  ) => {
    const a = from > start ? from : start;
    const b = until < end ? until : end;
    if (a >= b) return;
    byRate(rates, rateCode, a, b, (rateRow, ra, rb) => {
      const rate = rateOf(rateRow);
      if (rate <= 0) return;
      splitByQuarter(ra, rb, (period, qa, qb) =>
        runs.push({
          code,
          municipalityCode,
          period,
          from: qa,
          until: qb,
          count: qb - qa,
          rate,
          amount: (qb - qa) * rate,
          rateRow,
          ...facts,
          schooling: null,
          specialCustody: null,
        }),
      );
    });
  };
  const none = { responsibility: null, placement: null };

  // ANVISNING_ENGANG: once, to the assigned municipality, in the quarter of an anvisning from 1 July 2017.
  const anvisningDate = child.anvisningDate;
  const assigned = child.assignedMunicipalityCode;
  const anvisning = anvisningDate === null ? Infinity : dayNumber(anvisningDate);
  if (anvisningDate !== null && assigned !== null && anvisning >= start && anvisning < end) {
    byRate(rates, 'ANVISNING_ENGANG', anvisning, anvisning + 1, (rateRow) =>
      runs.push({
        code: 'ANVISNING_ENGANG',
        municipalityCode: assigned,
        period: quarterOf(anvisningDate),
        from: anvisning,
        until: anvisning + 1,
        count: 1,
        rate: rateRow.amount,
        amount: rateRow.amount,
        rateRow,
        ...none,
        schooling: null,
        specialCustody: null,
      }),
    );
  }

  // ANKOMST_DYGN: the arrival municipality, from the arrival date to the day before the take-over.
  if (child.arrival !== null) {
    const { municipalityCode, date } = child.arrival;
    daily('ANKOMST_DYGN', 'ANKOMST_DYGN', municipalityCode, day(date), day(child.takeOverDate), none);
  }

  const birthday18 = day(compensationBirthday(child.birthDate, 18));
  const birthday21 = day(compensationBirthday(child.birthDate, 21));

  // SCHABLON_DYGN and LVU_TILLAGG: from the take-over, before 18, responsibility and placement with the same K.
  if (child.takeOverDate !== null) {
    const takeOver = day(child.takeOverDate);
    for (const responsibility of child.responsibility)
      for (const placement of child.placements) {
        if (placement.municipalityCode !== responsibility.municipalityCode) continue;
        const from = Math.max(takeOver, day(responsibility.from), day(placement.from));
        const until = Math.min(birthday18, day(responsibility.to), day(placement.to));
        const facts = { responsibility, placement };
        const k = placement.municipalityCode;
        daily('SCHABLON_DYGN', 'SCHABLON_DYGN', k, from, until, facts);
        const cost = placement.dailyCost;
        if (placement.lvu && cost !== null)
          daily('LVU_TILLAGG', 'SCHABLON_DYGN', k, from, until, facts, (row) => cost - row.amount);
      }
  }

  // UNGA_DYGN: 18 to the day before 21, with a permit, responsibility and placement with K, placed by K without a
  // break since before 18 (placements with K that follow each other count as one).
  if (child.permitDate !== null) {
    const permit = day(child.permitDate);
    for (const placement of unbrokenSince(child.placements, birthday18))
      for (const responsibility of child.responsibility) {
        if (placement.municipalityCode !== responsibility.municipalityCode) continue;
        const from = Math.max(birthday18, permit, day(responsibility.from), day(placement.from));
        const until = Math.min(birthday21, day(responsibility.to), day(placement.to));
        daily('UNGA_DYGN', 'UNGA_DYGN', placement.municipalityCode, from, until, {
          responsibility,
          placement,
        });
      }
  }

  // UTBILDNING: a tenth of the school form's annual amount for each four-week period begun in the window
  // (schooling.ts), to the municipality that educates the child.
  if (child.schooling !== undefined && child.schooling.length > 0)
    for (const period of schoolPeriods(
      child.schooling,
      child.permitDate,
      compensationBirthday(child.birthDate, 18),
    )) {
      if (period.from < start || period.from >= end) continue;
      byRate(rates, SCHOOL_RATE_CODES[period.schooling.form], period.from, period.from + 1, (rateRow) => {
        const rate = Math.round(rateRow.amount / 10);
        if (rate <= 0) return;
        runs.push({
          code: 'UTBILDNING',
          municipalityCode: period.schooling.municipalityCode,
          period: quarterOf(isoDay(period.from)),
          from: period.from,
          until: period.until,
          count: 1,
          rate,
          amount: rate,
          rateRow,
          ...none,
          schooling: period.schooling,
          specialCustody: null,
        });
      });
    }

  // SFV_KOSTNAD: the days from the special custodian's appointment to the 18th birthday, per quarter; the amount is
  // the municipality's actual cost, stated in its claim.
  const custody = child.specialCustody;
  if (custody !== undefined && custody !== null) {
    const a = Math.max(start, day(custody.from));
    const b = Math.min(end, birthday18);
    splitByQuarter(a, b, (period, qa, qb) =>
      runs.push({
        code: 'SFV_KOSTNAD',
        municipalityCode: custody.municipalityCode,
        period,
        from: qa,
        until: qb,
        count: qb - qa,
        rate: 0,
        amount: 0,
        rateRow: null,
        ...none,
        schooling: null,
        specialCustody: custody,
      }),
    );
  }
  return runs;
}

/**
 * The placements that belong to a chain begun before `birthday18`: placements with one municipality that follow each
 * other without a day between (one's `to` is the next one's `from`).
 */
function unbrokenSince(placements: readonly PlacementFact[], birthday18: number): PlacementFact[] {
  const sorted = [...placements].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const result: PlacementFact[] = [];
  let chainBegunBefore18 = false;
  let previous: PlacementFact | null = null;
  for (const placement of sorted) {
    const continues =
      previous !== null &&
      previous.municipalityCode === placement.municipalityCode &&
      previous.to === placement.from;
    if (!continues) chainBegunBefore18 = day(placement.from) < birthday18;
    if (chainBegunBefore18) result.push(placement);
    previous = placement;
  }
  return result;
}
