/**
 * The steps of the asylum and age case and the routes that take them (the routes and the view both read this). Some
 * routes take more than one event — an interview is booked or held by its date, the decision's event is the decision
 * the body names — so those events share the route's address, each listed as the step it is.
 */
import { hasPermission } from '../domain/access/roles.ts';
import { age, asylum } from '../domain/case/machines.ts';
import { defineSteps, type StepRoute } from '../case/steps.ts';
import type { Caller } from '../case/caller.ts';
import type { Step } from '../case/contract.ts';
import type { AgeAction, AsylumAction } from './contract.ts';

const record = 'asylum:record';
const interview = { path: 'asylum/interviews', permission: record, date: 'interviewOn', fields: [] } as const;
const decision = {
  path: 'asylum/decision',
  permission: record,
  date: 'decidedOn',
  fields: ['decision', 'permitEndsOn'],
} as const;

/** The asylum machine's steps (`cancel_interview` is never one: a decision records it first, as part of itself). */
export const ASYLUM_STEPS = defineSteps<AsylumAction>(asylum, [
  { action: 'schedule_interview', event: 'schedule_interview', ...interview },
  { action: 'interview', event: 'interview', ...interview },
  { action: 'grant_permanent', event: 'grant_permanent', ...decision },
  { action: 'grant_temporary', event: 'grant_temporary', ...decision },
  { action: 'refuse', event: 'refuse', ...decision },
  { action: 'transfer_dublin', event: 'transfer_dublin', ...decision },
  { action: 'write_off', event: 'write_off', ...decision },
  {
    action: 'appeal',
    event: 'appeal',
    path: 'asylum/appeal',
    permission: record,
    date: 'appealedOn',
    fields: [],
  },
  {
    action: 'become_final',
    event: 'become_final',
    path: 'asylum/final',
    permission: record,
    date: 'finalOn',
    fields: ['outcome', 'permitEndsOn'],
  },
]);

const ageDecision = { permission: record, date: 'decidedOn', fields: ['birthDate'] } as const;

export const AGE_STEPS = defineSteps<AgeAction>(age, [
  { action: 'doubt', event: 'doubt', path: 'age/doubt', permission: record, date: 'doubtedOn', fields: [] },
  {
    action: 'order_medical_assessment',
    event: 'order_medical_assessment',
    path: 'age/medical-assessment',
    permission: record,
    date: 'offeredOn',
    fields: ['consent'],
  },
  {
    action: 'decide_temporarily',
    event: 'decide_temporarily',
    path: 'age/temporary-decision',
    ...ageDecision,
  },
  {
    action: 'appeal_age',
    event: 'appeal_age',
    path: 'age/appeal',
    permission: record,
    date: 'appealedOn',
    fields: [],
  },
  { action: 'decide_finally', event: 'decide_finally', path: 'age/final-decision', ...ageDecision },
]);

/**
 * Recording the application of a child registered before Anvisa kept asylum cases: it opens the case (which starts
 * in `applied`) and moves no machine, so it is no step of the table; the view offers it while no case is recorded.
 */
export const APPLY = {
  action: 'apply',
  event: 'apply',
  path: 'asylum',
  permission: record,
  date: 'appliedOn',
  fields: [],
} as const satisfies StepRoute;

/** The application as a step the view offers: to a caller who may change the section and record asylum cases. */
export function applySteps(
  caller: Caller,
  childId: string,
  writable: boolean,
): (Step & { readonly action: typeof APPLY.action })[] {
  if (!writable || !hasPermission(caller.actor.role, APPLY.permission)) return [];
  return [
    {
      action: APPLY.action,
      machine: asylum.name,
      event: APPLY.event,
      method: 'POST',
      path: `/api/children/${encodeURIComponent(childId)}/${APPLY.path}`,
      needs: { date: APPLY.date, bestInterests: false, decisionKind: null, fields: [...APPLY.fields] },
    },
  ];
}
