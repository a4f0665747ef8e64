/** The steps of school and the routes that take them (the routes and the view both read this). */
import { school } from '../domain/case/machines.ts';
import { defineSteps } from '../case/steps.ts';

export const SCHOOL_STEPS = defineSteps(school, [
  {
    action: 'enrol',
    event: 'enrol',
    path: 'school/enrolment',
    permission: 'case:write',
    date: 'enrolledOn',
    fields: ['school', 'programme'],
  },
  {
    action: 'start',
    event: 'start_school',
    path: 'school/start',
    permission: 'case:write',
    date: 'startedOn',
    fields: [],
  },
  {
    action: 'end',
    event: 'end_school',
    path: 'school/end',
    permission: 'case:write',
    date: 'endedOn',
    fields: [],
  },
]);
