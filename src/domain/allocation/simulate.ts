/**
 * A pure run of the allocation rule over a list of arrivals: relatives first (anknytning), siblings arriving
 * together decided together, a sibling arriving later goes where the group went, everyone else by the rule.
 */
import { Allocator, type DecisionType, type Opening, type Rule, type ShareVector } from './allocator.ts';

export interface Arrival {
  readonly childId: string;
  readonly date: string;
  readonly relativeCode: string | null;
  readonly siblingGroup: string | null;
}

export interface SimulatedDecision {
  readonly childId: string;
  readonly code: string;
  readonly type: DecisionType;
}

export interface ShareVersion {
  readonly validFrom: string;
  readonly vector: ShareVector;
}

export interface SimulationInput {
  readonly codes: readonly string[];
  /** In order of validFrom; the first applies from the start. */
  readonly shares: readonly ShareVersion[];
  readonly opening?: readonly Opening[];
  readonly rule: Rule;
}

export interface SimulationResult {
  readonly decisions: SimulatedDecision[];
  readonly counts: Readonly<Record<DecisionType, number>>;
  /** Largest |1000·r_i − E_i| over all municipalities, after every decision. */
  readonly maxDeviationThousandths: number;
  readonly allocator: Allocator;
}

/** Consecutive arrivals with the same non-empty sibling group form one group. */
export function groupArrivals(arrivals: readonly Arrival[]): Arrival[][] {
  const groups: Arrival[][] = [];
  for (const arrival of arrivals) {
    const last = groups[groups.length - 1];
    const previous = last?.[last.length - 1];
    if (
      last !== undefined &&
      arrival.siblingGroup !== null &&
      previous?.siblingGroup === arrival.siblingGroup
    )
      last.push(arrival);
    else groups.push([arrival]);
  }
  return groups;
}

export function simulate(arrivals: readonly Arrival[], input: SimulationInput): SimulationResult {
  const [first, ...later] = input.shares;
  if (first === undefined) throw new Error('no shares');
  const allocator = new Allocator(input.codes, first.vector, input.opening ?? []);
  const pending = [...later];
  const groupHome = new Map<string, string>();
  const decisions: SimulatedDecision[] = [];
  const counts: Record<DecisionType, number> = { utjamnande: 0, anknytning: 0 };
  let maxDeviation = allocator.maxDeviationThousandths();
  for (const group of groupArrivals(arrivals)) {
    const head = group[0];
    if (head === undefined) continue;
    while (pending[0] !== undefined && pending[0].validFrom <= head.date) {
      allocator.setShares(pending[0].vector);
      pending.shift();
    }
    const earlierSibling = head.siblingGroup !== null ? groupHome.get(head.siblingGroup) : undefined;
    const relative = earlierSibling ?? head.relativeCode;
    const type: DecisionType = relative !== null ? 'anknytning' : 'utjamnande';
    const code = relative ?? allocator.pick(input.rule, group.length);
    allocator.assign(code, group.length);
    if (head.siblingGroup !== null) groupHome.set(head.siblingGroup, code);
    for (const child of group) decisions.push({ childId: child.childId, code, type });
    counts[type] += group.length;
    maxDeviation = Math.max(maxDeviation, allocator.maxDeviationThousandths());
  }
  return { decisions, counts, maxDeviationThousandths: maxDeviation, allocator };
}
