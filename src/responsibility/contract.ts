/**
 * The responsibility capability's contract: request bodies and answers of its routes (the answer is the whitelist).
 * Imports only zod, src/domain and other contracts, so that the web takes its types from here (ADR 0019).
 */
import { z } from 'zod';
import { ChildSummarySchema } from '../children/contract.ts';
import { RESPONSIBILITY_KINDS } from '../domain/access/child-scope.ts';
import { BestInterestsBody, REPORTABLE_CHANGES, StepSchema } from '../case/contract.ts';
import { dossierNumber, isoDate, municipalityCode } from '../domain/fields.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const expectedVersion = z.number().int().min(0).optional();
const Municipality = z.object({ code: z.string(), name: z.string() });

export const MoveBody = z.strictObject({ movedOn: isoDate, expectedVersion });
export const ReceiptBody = z.strictObject({ acknowledgedOn: isoDate, expectedVersion });
export const HandOverBody = z.strictObject({
  municipalityCode,
  reason: text(2000),
  proposedFrom: isoDate,
  expectedVersion,
});
export const TakeOverBody = z.strictObject({
  dossierNumber,
  /** The child's registered birth date: with the dossier number, as on the child's LMA card (ADR 0016). */
  birthDate: isoDate,
  reason: text(2000),
  proposedFrom: isoDate,
});
export const ConfirmBody = z.strictObject({
  transferredOn: isoDate,
  answerNote: z.string().trim().max(2000).nullable().default(null),
  bestInterests: BestInterestsBody.optional(),
  expectedVersion,
});
export const DeclineBody = z.strictObject({ answerNote: text(2000), expectedVersion });
export const WithdrawBody = z.strictObject({ expectedVersion });
export const Turning18Body = z.strictObject({
  decision: z.enum(['continue', 'end']),
  continuedUntil: isoDate.nullable().default(null),
  reportedOn: isoDate.nullable().default(null),
  bestInterests: BestInterestsBody.optional(),
  expectedVersion,
});
export const ReportedBody = z.strictObject({ reportedOn: isoDate });
export const AftercareEndBody = z.strictObject({ endedOn: isoDate, expectedVersion });
export const TransferIdParams = z.strictObject({ transferId: z.uuid() });
export const ReportIdParams = z.strictObject({ reportId: z.uuid() });

export const ChangeReportQuery = z.strictObject({
  status: z.enum(['unreported', 'reported', 'all']).default('unreported'),
  change: z.enum(REPORTABLE_CHANGES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export const TransferQuery = z.strictObject({ status: z.enum(['open', 'answered']).default('open') });

const DaysOfCare = z.object({
  days: z.number().int(),
  until: z.string(),
  basis: z.enum(['moved', 'acknowledged', 'ongoing']),
});

const TransferView = z.object({
  id: z.uuid(),
  from: Municipality,
  to: Municipality,
  requestedBy: z.enum(['from', 'to']),
  status: z.string(),
  reason: z.string(),
  proposedFrom: z.string(),
  requestedAt: z.string(),
  requestedByName: z.string(),
  answeredAt: z.string().nullable(),
  answerNote: z.string().nullable(),
});

export const ResponsibilitySchema = z.object({
  access: z.enum(['read', 'write']),
  /** The steps the caller may take now on the responsibility and its transfer (src/responsibility/steps.ts). */
  steps: z.array(StepSchema),
  responsibility: z.object({ state: z.string(), version: z.number().int() }),
  transfer: z.object({ state: z.string(), version: z.number().int() }),
  responsible: Municipality.nullable(),
  periods: z
    .array(
      z.object({
        id: z.uuid(),
        municipality: Municipality,
        kind: z.enum(RESPONSIBILITY_KINDS),
        from: z.string(),
        to: z.string().nullable(),
        reason: z.string().nullable(),
        endReason: z.string().nullable(),
      }),
    )
    .nullable(),
  handovers: z.array(
    z.object({
      id: z.uuid(),
      from: Municipality,
      to: Municipality.nullable(),
      current: z.boolean(),
      movedOn: z.string().nullable(),
      acknowledgedOn: z.string().nullable(),
      daysOfCare: DaysOfCare,
      mayRecordMove: z.boolean(),
    }),
  ),
  onCallPlacements: z.array(
    z.object({
      id: z.uuid(),
      municipality: Municipality,
      provider: z.string().nullable(),
      from: z.string(),
      validUntil: z.string().nullable(),
      to: z.string().nullable(),
      holdsToday: z.boolean(),
    }),
  ),
  /** When the responsible municipality acknowledged receipt of the child (the latest time), for those who see where it is. */
  receivedOn: z.string().nullable(),
  transfers: z.array(
    TransferView.extend({
      relation: z.enum(['requester', 'answerer', 'none']),
      mayAnswer: z.boolean(),
      mayWithdraw: z.boolean(),
    }),
  ),
  turning18: z
    .object({
      birthday18: z.string(),
      birthday21: z.string(),
      warningDue: z.string(),
      noticeDue: z.string(),
      age: z.number().int(),
      decision: z
        .object({
          decision: z.enum(['continue', 'end']),
          decidedOn: z.string(),
          decidedBy: z.string().nullable(),
          continuedUntil: z.string().nullable(),
          reportedOn: z.string().nullable(),
          reportedInTime: z.boolean().nullable(),
        })
        .nullable(),
      mayRecordReported: z.boolean(),
    })
    .nullable(),
  changeReports: z.array(
    z.object({
      id: z.uuid(),
      municipality: Municipality,
      change: z.string(),
      changedOn: z.string(),
      permitHolder: z.boolean(),
      dueOn: z.string(),
      reportedOn: z.string().nullable(),
      overdue: z.boolean(),
      mayMarkReported: z.boolean(),
    }),
  ),
  interpreter: z.object({ languages: z.array(z.string()), interpreterNeeded: z.boolean() }).nullable(),
});

export const ChangeReportListSchema = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      child: ChildSummarySchema.nullable(),
      change: z.string(),
      changedOn: z.string(),
      permitHolder: z.boolean(),
      dueOn: z.string(),
      overdue: z.boolean(),
      reportedOn: z.string().nullable(),
      reportedBy: z.string().nullable(),
    }),
  ),
});

export const TransferListSchema = z.array(
  TransferView.extend({
    child: ChildSummarySchema.nullable(),
    relation: z.enum(['requester', 'answerer']),
    /** Null while the caller may not see where the child is (its own take-over request, not confirmed). */
    from: Municipality.nullable(),
    /** The number the caller typed in its own take-over request; null otherwise. */
    dossierNumber: z.string().nullable(),
  }),
);
/** All a take-over request's asker learns: its request, the number it typed and the status (ADR 0016). */
export const TakeOverCreated = z.object({
  id: z.uuid(),
  dossierNumber: z.string(),
  status: z.literal('requested'),
});

export const TransferCreated = z.object({ id: z.uuid(), fromCode: z.string(), toCode: z.string() });

// ── the answers of the steps ──────────────────────────────────────────────────────────────────────────────────────

const Version = z.object({ version: z.number().int() });
export const MovedResponse = Version.extend({ handoverId: z.uuid(), movedOn: z.string() });
export const ReceiptResponse = Version.extend({
  handoverId: z.uuid().nullable(),
  acknowledgedOn: z.string(),
});
export const ConfirmedResponse = z.object({
  id: z.uuid(),
  status: z.literal('confirmed'),
  transferredOn: z.string(),
});
export const DeclinedResponse = z.object({ id: z.uuid(), status: z.literal('declined') });
export const WithdrawnResponse = z.object({ id: z.uuid(), status: z.literal('withdrawn') });
export const ReportedResponse = z.object({ id: z.uuid(), reportedOn: z.string() });
export const AftercareEndedResponse = Version.extend({ endedOn: z.string() });
export const Turning18Response = Version.extend({
  id: z.uuid(),
  decision: z.enum(['continue', 'end']),
  continuedUntil: z.string().nullable(),
});
