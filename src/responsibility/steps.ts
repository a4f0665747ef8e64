/**
 * The steps on a child's responsibility and its transfer, and the routes that take them (the routes and the view both
 * read this). The decision before 18 takes one route for both outcomes (`decision`); it and the request to transfer
 * take effect the day they are recorded. Answering a transfer request is a step on the request
 * (/api/transfers/:transferId/…), offered with the request itself (`mayAnswer`, `mayWithdraw`).
 */
import { responsibility, transfer } from '../domain/case/machines.ts';
import { defineSteps } from '../case/steps.ts';

export const RESPONSIBILITY_STEPS = defineSteps(responsibility, [
  {
    action: 'record_move',
    event: 'record_move',
    path: 'responsibility/move',
    permission: 'case:write',
    date: 'movedOn',
    fields: [],
  },
  {
    action: 'acknowledge_receipt',
    event: 'acknowledge_receipt',
    path: 'responsibility/receipt',
    permission: 'case:write',
    date: 'acknowledgedOn',
    fields: [],
  },
  {
    action: 'decide_continued',
    event: 'decide_continued',
    path: 'turning-18',
    permission: 'case:write',
    date: null,
    fields: ['decision', 'continuedUntil', 'reportedOn'],
  },
  {
    action: 'end_responsibility',
    event: 'end_responsibility',
    path: 'turning-18',
    permission: 'case:write',
    date: null,
    fields: ['decision'],
  },
  {
    action: 'end_aftercare',
    event: 'end_aftercare',
    path: 'aftercare/end',
    permission: 'case:write',
    date: 'endedOn',
    fields: [],
  },
]);

export const TRANSFER_STEPS = defineSteps(transfer, [
  {
    action: 'request_transfer',
    event: 'request_transfer',
    path: 'transfers',
    permission: 'case:write',
    date: null,
    fields: ['municipalityCode', 'reason', 'proposedFrom'],
  },
]);
