/** The placement decisions and the ending, and the routes that take them (the routes and the view both read this). */
import { placement } from '../domain/case/machines.ts';
import { defineSteps } from '../case/steps.ts';

const DECISION = ['providerId', 'form', 'legalBasis', 'specialReason'] as const;

export const PLACEMENT_STEPS = defineSteps(placement, [
  {
    action: 'place',
    event: 'place',
    path: 'placements',
    permission: 'case:write',
    date: 'fromDate',
    fields: DECISION,
  },
  {
    action: 'on_call',
    event: 'place_on_call',
    path: 'placements/on-call',
    permission: 'case:write',
    date: 'fromDate',
    fields: DECISION,
  },
  {
    action: 'move',
    event: 'move',
    path: 'placements/move',
    permission: 'case:write',
    date: 'fromDate',
    fields: DECISION,
  },
  {
    action: 'end',
    event: 'end',
    path: 'placements/end',
    permission: 'case:write',
    date: 'endDate',
    fields: ['reason'],
  },
]);
