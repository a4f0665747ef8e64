/**
 * One step of the asylum or age machine for a use case: the child must be in the caller's scope and the section
 * writable (404 / 403), the step's own checks run only when the machine allows the step from the current state (so a
 * forbidden step is always 409, never a field error), then the engine records it.
 */
import type { CaseSection } from '../domain/access/case-sections.ts';
import type { FieldProblem } from '../domain/asylum/asylum.ts';
import { transition } from '../domain/case/machine.ts';
import type { AnyMachine } from '../domain/case/machines.ts';
import { applyTransition, machineState, type EventDetail, type TransitionOutcome } from '../case/engine.ts';
import { requireSection } from '../case/relation.ts';
import { childInScope, type Caller } from '../case/caller.ts';
import { unprocessable } from '../platform/http/errors.ts';

/** 404 outside the scope or when the section is hidden, 403 when it is read-only. */
export async function writableSection(
  caller: Caller,
  childId: string,
  section: CaseSection,
): Promise<InScope> {
  const found = await childInScope(caller, childId);
  await requireSection(caller.db, caller.actor, found.access, childId, caller.today, section, 'write');
  return found;
}

export type InScope = Awaited<ReturnType<typeof childInScope>>;

/** Field problems from the domain rules, as a 422 naming each field of the body. */
export function rejectFields(problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  throw unprocessable(
    'validation',
    'Some fields are not valid for this step',
    problems.map((p) => ({ ...p, field: `body.${p.field}` })),
  );
}

export interface Step {
  readonly childId: string;
  readonly machine: AnyMachine;
  readonly event: string;
  readonly occurredOn: string;
  readonly expectedVersion: number | undefined;
  readonly details: Readonly<Record<string, EventDetail>>;
  /** The step's own checks against the current state; only run when the machine allows the step. */
  readonly check?: (state: string) => readonly FieldProblem[] | Promise<readonly FieldProblem[]>;
}

export async function takeStep(caller: Caller, step: Step): Promise<TransitionOutcome & { state: string }> {
  const current = await machineState(caller.db, step.childId, step.machine, true);
  if (transition(step.machine, current.state, step.event, caller.actor.role).ok && step.check !== undefined) {
    rejectFields(await step.check(current.state));
  }
  const outcome = await applyTransition(caller, {
    childId: step.childId,
    machine: step.machine,
    event: step.event,
    occurredOn: step.occurredOn,
    expectedVersion: step.expectedVersion,
    details: step.details,
  });
  return { ...outcome, state: current.state };
}
