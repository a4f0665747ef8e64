/**
 * The notifications' contract (the user's inbox): what its routes accept and answer. Imports only zod, src/domain and
 * other contracts, so that the web takes its types from here (ADR 0019).
 */
import { z } from 'zod';
import { ChildSummarySchema } from '../children/contract.ts';
import { flag, page, Primitive } from '../worklist/contract.ts';

export const NOTIFICATION_KINDS = [
  'incoming_child', // a child was assigned to the municipality
  'transfer_request', // another municipality asks to take over (or hand over) a child
  'transfer_answer', // the other municipality confirmed or declined
  'guardianship_request', // social services or the Agency ask for a god man
  'god_man_appointed', // to the god man: a new ward
  'appointment', // a coming meeting (asylum interview, review of the care)
  'appointment_cancelled', // a booked meeting will not take place (an asylum interview made moot by a decision)
  'deadline_soon', // a deadline on the worklist is about to pass
  'case_assigned', // the unit manager assigned a case to a social worker
  'asylum_decision', // a permit or refusal changes what social services must do
  'age_decision', // an age decision changes the child's status
  'child_missing', // a child was reported missing: the routine's notification to a recipient in Anvisa
  'missing_escalated', // to the unit manager: a notification of the routine is unacknowledged past its time
  'missing_return_talk_overdue', // to the assigned workers and unit managers: a found child's return talk is overdue
  'missing_emergency_care', // to the responsible social worker: another municipality gives the missing child emergency care
  'capacity_reminder', // to a municipality's reporters: the county reminds them of a capacity report not yet given
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationsQuery = z.strictObject({
  unread: flag,
  page,
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export const NotificationIdParams = z.strictObject({ notificationId: z.uuid() });

export const UnreadCountResponse = z.object({ unread: z.number().int() });
export const NotificationListResponse = z.object({
  total: z.number().int(),
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.union([z.enum(NOTIFICATION_KINDS), z.string()]),
      createdAt: z.string(),
      readAt: z.string().nullable(),
      details: z.record(z.string(), Primitive),
      child: ChildSummarySchema.nullable(),
      otherRole: z.boolean(),
    }),
  ),
});

export const MarkedReadResponse = z.object({ id: z.uuid(), readAt: z.string() });
export const MarkedAllReadResponse = z.object({ marked: z.number().int() });
