/** The steps of the health examination and the routes that take them (the routes and the view both read this). */
import { health } from '../domain/case/machines.ts';
import { defineSteps } from '../case/steps.ts';

export const HEALTH_STEPS = defineSteps(health, [
  {
    action: 'offer',
    event: 'offer_examination',
    path: 'health/offer',
    permission: 'health:record',
    date: 'offeredOn',
    fields: [],
  },
  {
    action: 'done',
    event: 'record_done',
    path: 'health/done',
    permission: 'health:record',
    date: 'doneOn',
    fields: [],
  },
  {
    action: 'declined',
    event: 'record_declined',
    path: 'health/declined',
    permission: 'health:record',
    date: 'declinedOn',
    fields: [],
  },
  {
    action: 'referral',
    event: 'record_referral',
    path: 'health/referrals',
    permission: 'health:record',
    date: 'on',
    fields: ['to'],
  },
]);
