/**
 * The steps on a child's guardianship and the routes that take them (the routes and the view both read this). Two
 * events share a route where one body carries both: the end by decision or by law (`kind`), the court's decision
 * appointed or refused (`outcome`).
 */
import { guardianship } from '../domain/case/machines.ts';
import { defineSteps } from '../case/steps.ts';

export const GUARDIANSHIP_STEPS = defineSteps(guardianship, [
  {
    action: 'request_god_man',
    event: 'request_god_man',
    path: 'guardianship/requests',
    permission: 'guardianship:request',
    date: 'requestedOn',
    fields: [],
  },
  {
    action: 'withdraw_request',
    event: 'withdraw_request',
    path: 'guardianship/requests/withdrawal',
    permission: 'guardianship:appoint',
    date: 'withdrawnOn',
    fields: [],
  },
  {
    action: 'appoint_god_man',
    event: 'appoint_god_man',
    path: 'guardians',
    permission: 'guardianship:appoint',
    date: 'fromDate',
    fields: ['guardianUserId', 'childHeard'],
  },
  {
    action: 'god_man_resigns',
    event: 'god_man_resigns',
    path: 'guardianship/resignation',
    permission: 'guardianship:appoint',
    date: 'resignedOn',
    fields: [],
  },
  {
    action: 'end_by_decision',
    event: 'end_by_decision',
    path: 'guardianship/end',
    permission: 'guardianship:appoint',
    date: 'endedOn',
    fields: ['kind', 'reason'],
  },
  {
    action: 'end_by_law',
    event: 'end_by_law',
    path: 'guardianship/end',
    permission: 'guardianship:appoint',
    date: 'endedOn',
    fields: ['kind', 'reason'],
  },
  {
    action: 'apply_for_sfv',
    event: 'apply_for_sfv',
    path: 'sfv',
    permission: 'case:write',
    date: 'appliedOn',
    fields: ['court'],
  },
  {
    action: 'record_sfv_not_applying',
    event: 'record_sfv_not_applying',
    path: 'sfv/not-applying',
    permission: 'case:write',
    date: 'decidedOn',
    fields: ['reason', 'note'],
  },
  {
    action: 'sfv_appointed',
    event: 'sfv_appointed',
    path: 'sfv/decision',
    permission: 'case:write',
    date: 'decidedOn',
    fields: ['outcome', 'custodianName', 'finalOn'],
  },
  {
    action: 'sfv_refused',
    event: 'sfv_refused',
    path: 'sfv/decision',
    permission: 'case:write',
    date: 'decidedOn',
    fields: ['outcome', 'finalOn'],
  },
]);
