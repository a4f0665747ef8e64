/**
 * The steps a section view offers ("the server decides, the UI reflects"): the events the caller may fire now on a
 * machine, each with the route that fires it and what its body needs. A capability declares its step routes once
 * (`defineSteps`); its routes take their address and permission from that table, and its views list the steps
 * `possibleSteps` allows from the current state for the caller's role — so the UI offers exactly what the route
 * would accept. A caller who may only read the section gets none.
 */
import { hasPermission, type Permission } from '../domain/access/roles.ts';
import type { AnyMachine } from '../domain/case/machines.ts';
import { possibleSteps } from '../domain/case/steps.ts';
import type { Caller } from './caller.ts';
import type { Step } from './contract.ts';

/** One route that fires one event of the machine on a child. */
export interface StepRoute {
  /** The step's name in the UI (its texts are `<section>.action.<action>`), unique in its table. */
  readonly action: string;
  readonly event: string;
  /** The route's address below /api/children/:childId/. */
  readonly path: string;
  readonly permission: Permission;
  /** The body's field for the date the step took effect; null where the step takes effect the day it is recorded. */
  readonly date: string | null;
  /** The body's other fields the step needs (besides `expectedVersion` and a best-interests record). */
  readonly fields: readonly string[];
}

export interface StepTable<A extends string = string> {
  readonly machine: AnyMachine;
  readonly routes: readonly (StepRoute & { readonly action: A })[];
  /** The route of an action (for the route definitions). */
  route(action: A): StepRoute;
}

export function defineSteps<const A extends string>(
  machine: AnyMachine,
  routes: readonly (StepRoute & { readonly action: A })[],
): StepTable<A> {
  for (const r of routes) {
    if (!machine.transitions.some((t) => t.event === r.event))
      throw new Error(`${machine.name}: a step route fires the unknown event ${r.event}`);
    if (routes.filter((o) => o.action === r.action).length > 1)
      throw new Error(`${machine.name}: the step ${r.action} is declared twice`);
  }
  return {
    machine,
    routes,
    route: (action) => {
      const found = routes.find((r) => r.action === action);
      if (found === undefined) throw new Error(`${machine.name}: no step ${action}`);
      return found;
    },
  };
}

/** The route's URL pattern, as registered. */
export const stepUrl = (route: StepRoute) => `/api/children/:childId/${route.path}`;

/**
 * The steps of `table` the caller may take on the child now, in the table's order: the machine allows the event from
 * `state` for the caller's role, the role holds the route's permission, and the caller may change the section
 * (`writable`: the section level and whatever else the use case demands before it writes).
 */
export function stepsFor<A extends string>(
  caller: Caller,
  table: StepTable<A>,
  childId: string,
  state: string,
  writable: boolean,
): (Step & { readonly action: A })[] {
  if (!writable) return [];
  const role = caller.actor.role;
  const possible = possibleSteps(table.machine, state, role);
  return table.routes.flatMap((route) => {
    const step = possible.find((p) => p.event === route.event);
    if (step === undefined || !hasPermission(role, route.permission)) return [];
    return [
      {
        action: route.action,
        machine: table.machine.name,
        event: route.event,
        method: 'POST' as const,
        path: `/api/children/${encodeURIComponent(childId)}/${route.path}`,
        needs: {
          date: route.date,
          bestInterests: step.needs.bestInterests,
          decisionKind: step.needs.decisionKind,
          fields: [...route.fields],
        },
      },
    ];
  });
}
