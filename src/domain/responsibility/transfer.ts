/**
 * Transfer of responsibility between municipalities (flyttning av ärende, 29 kap. 10–12 §§ SoL 2025:400,
 * formerly 2 a kap. 10–12 §§ SoL 2001:453; ../shared/domain/sol-2025-400-mapping.md row 7d, which also notes that the
 * "2 a kap. 4 §" once cited here is not the transfer rule): one municipality asks — the responsible one to hand the
 * child over, or another to take it over — and the other confirms or declines. Both steps are recorded. Pure.
 */

/** Which municipality asked: the responsible one (`from`, handing over) or the other one (`to`, taking over). */
export type TransferSide = 'from' | 'to';

export interface TransferParties {
  readonly fromCode: string;
  readonly toCode: string;
  readonly requestedBy: TransferSide;
}

export type TransferRelation = 'requester' | 'answerer' | 'none';

/** The actor's part in a transfer: the municipality that asked, the one that answers, or neither. */
export function transferRelation(
  municipalityCodes: readonly string[],
  parties: TransferParties,
): TransferRelation {
  const requester = parties.requestedBy === 'from' ? parties.fromCode : parties.toCode;
  const answerer = parties.requestedBy === 'from' ? parties.toCode : parties.fromCode;
  if (municipalityCodes.includes(answerer)) return 'answerer';
  if (municipalityCodes.includes(requester)) return 'requester';
  return 'none';
}

export type TransferDateProblem = 'future' | 'before_current_period';

/** The day the new municipality takes over: not in the future, not before the current period began. */
export function transferDateProblem(
  transferredOn: string,
  currentFrom: string,
  today: string,
): TransferDateProblem | null {
  if (transferredOn > today) return 'future';
  if (transferredOn < currentFrom) return 'before_current_period';
  return null;
}

export interface PeriodLike {
  readonly municipalityCode: string;
  readonly from: string;
  readonly to: string | null;
}

/**
 * How the periods change when the transfer takes effect on `on`: the period running on that day ends then (reason
 * `transferred`) and the new municipality's period runs from `on` to where the old one would have ended (e.g. the
 * 18th birthday when continued responsibility was decided); periods not yet begun move to the new municipality.
 */
export function periodsAfterTransfer<P extends PeriodLike>(
  periods: readonly P[],
  responsibleCode: string,
  on: string,
): { readonly closing: P | null; readonly newTo: string | null; readonly laterPeriods: readonly P[] } {
  const running = periods
    .filter((p) => p.municipalityCode === responsibleCode && p.from <= on && (p.to === null || on < p.to))
    .sort((a, b) => b.from.localeCompare(a.from));
  const closing = running[0] ?? null;
  return {
    closing,
    newTo: closing?.to ?? null,
    laterPeriods: periods.filter((p) => p.municipalityCode === responsibleCode && p.from > on),
  };
}

/**
 * Why a municipality may not ask to take over the child a dossier number names, or null when it may (ADR 0016). The
 * asker must name the child by its dossier number and its birth date (both on the child's LMA card, which the
 * municipality where the child has turned up has before it); the responsibility must be one that can move, with no
 * request open. Every reason except `already_responsible` gets the same answer as an unknown number.
 */
export type TakeOverRefusal =
  'unknown' | 'birth_date' | 'not_transferable' | 'request_open' | 'already_responsible';

export function takeOverRefusal(
  child: {
    readonly birthDate: string;
    readonly responsible: string | null;
    readonly transferable: boolean;
    readonly requestOpen: boolean;
  } | null,
  asked: { readonly birthDate: string; readonly municipalityCodes: readonly string[] },
): TakeOverRefusal | null {
  if (child === null) return 'unknown';
  if (child.birthDate !== asked.birthDate) return 'birth_date';
  if (child.responsible !== null && asked.municipalityCodes.includes(child.responsible))
    return 'already_responsible';
  if (!child.transferable || child.responsible === null) return 'not_transferable';
  if (child.requestOpen) return 'request_open';
  return null;
}

/**
 * Responsibility that can move by transfer: assigned (before or after receipt) or continued after 18 — never the
 * arrival municipality's care before an anvisning (the Migration Agency assigns), never an ended responsibility.
 */
export const TRANSFERABLE_RESPONSIBILITY_STATES: readonly string[] = [
  'assigned',
  'received',
  'continued_after_18',
];

export function isTransferable(responsibilityState: string): boolean {
  return TRANSFERABLE_RESPONSIBILITY_STATES.includes(responsibilityState);
}
