/**
 * The guardianship capability's contract: request bodies (parsed) and answers (the whitelist of fields). Imports only
 * zod, src/domain and other contracts, so that the web takes its types from here (ADR 0019).
 */
import { z } from 'zod';
import { ChildSummarySchema } from '../children/contract.ts';
import { BestInterestsBody, StepSchema } from '../case/contract.ts';
import {
  END_BY_DECISION_REASONS,
  RECORDED_BY_LAW_REASONS,
  SFV_NOT_APPLYING_REASONS,
} from '../domain/guardianship/rules.ts';
import { isoDate, municipalityCode } from '../domain/fields.ts';

const version = z.number().int().min(0).optional();
const shortText = (max: number) => z.string().trim().min(1).max(max);

export const RequestBody = z.strictObject({ requestedOn: isoDate, expectedVersion: version });
export const WithdrawBody = z.strictObject({ withdrawnOn: isoDate, expectedVersion: version });

/** `childHeard` and the best-interests parts are optional here so that a missing one answers 422 naming it. */
export const AppointBody = z.strictObject({
  guardianUserId: z.uuid(),
  fromDate: isoDate,
  childHeard: z.boolean().optional(),
  bestInterests: BestInterestsBody.optional(),
  expectedVersion: version,
});

export const ResignBody = z.strictObject({ resignedOn: isoDate, expectedVersion: version });

export const EndBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('by_decision'),
    reason: z.enum(END_BY_DECISION_REASONS),
    endedOn: isoDate,
    bestInterests: BestInterestsBody.optional(),
    expectedVersion: version,
  }),
  z.strictObject({
    kind: z.literal('by_law'),
    reason: z.enum(RECORDED_BY_LAW_REASONS),
    endedOn: isoDate,
    expectedVersion: version,
  }),
]);

export const SfvApplyBody = z.strictObject({
  court: shortText(200),
  appliedOn: isoDate,
  expectedVersion: version,
});

export const SfvDecisionBody = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('appointed'),
    custodianName: shortText(200),
    decidedOn: isoDate,
    finalOn: isoDate,
    expectedVersion: version,
  }),
  z.strictObject({
    outcome: z.literal('refused'),
    decidedOn: isoDate,
    finalOn: isoDate.nullable().default(null),
    expectedVersion: version,
  }),
]);

export const SfvNotApplyingBody = z.strictObject({
  reason: z.enum(SFV_NOT_APPLYING_REASONS),
  note: z.string().trim().max(2000).nullable().default(null),
  decidedOn: isoDate,
  expectedVersion: version,
});

const languages = z.array(z.string().trim().min(1).max(60)).max(20);
const municipalityCodes = z.array(municipalityCode).max(50);
const ProfileFields = {
  email: z.email().max(200).nullable().default(null),
  phone: z.string().trim().max(40).nullable().default(null),
  languages,
  municipalityCodes,
  available: z.boolean(),
};
export const RegisterGodManBody = z.strictObject({
  subject: shortText(200),
  name: shortText(100),
  ...ProfileFields,
});
export const ProfileBody = z.strictObject({ ...ProfileFields, expectedVersion: z.number().int().min(0) });
export const PolicyBody = z.strictObject({ maxWardsPerGodMan: z.number().int().min(1).max(50) });
export const UserIdParams = z.strictObject({ userId: z.uuid() });

export const WarningSchema = z.object({
  code: z.enum(['ward_limit_exceeded', 'no_common_language']),
  wards: z.number().int().optional(),
  limit: z.number().int().optional(),
});

export const PolicySchema = z.object({ maxWardsPerGodMan: z.number().int(), isDefault: z.boolean() });

export const RegistryEntrySchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
  municipalityCodes: z.array(z.string()),
  available: z.boolean(),
  wards: z.number().int(),
  overLimitIfAppointed: z.boolean(),
  inRegistry: z.boolean(),
  version: z.number().int(),
});

export const RegistrySchema = z.object({
  policy: PolicySchema,
  served: z.array(z.object({ code: z.string(), name: z.string() })),
  items: z.array(RegistryEntrySchema),
});

export const OpenRequestSchema = z.object({
  id: z.uuid(),
  child: ChildSummarySchema,
  requestedOn: z.string(),
  reason: z.string(),
  requestedBy: z.string(),
  dueOn: z.string().nullable(),
  languages: z.array(z.string()),
  interpreterNeeded: z.boolean().nullable(),
});

export const GuardianshipViewSchema = z.object({
  state: z.string(),
  version: z.number().int(),
  steps: z.array(StepSchema),
  languages: z.array(z.string()),
  interpreterNeeded: z.boolean().nullable(),
  birthDate: z.string(),
  permitHolder: z.boolean(),
  godMan: z
    .object({
      guardianshipId: z.uuid(),
      name: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      from: z.string(),
    })
    .nullable(),
  specialCustodian: z
    .object({
      name: z.string().nullable(),
      court: z.string().nullable(),
      decidedOn: z.string().nullable(),
      finalOn: z.string().nullable(),
    })
    .nullable(),
  openRequest: z
    .object({
      id: z.uuid(),
      requestedOn: z.string(),
      reason: z.string(),
      requestedBy: z.string(),
      dueOn: z.string().nullable(),
    })
    .nullable(),
  history: z.array(
    z.object({
      guardianshipId: z.uuid(),
      kind: z.string(),
      name: z.string().nullable(),
      from: z.string(),
      to: z.string().nullable(),
      childHeard: z.boolean().nullable(),
      endReason: z.string().nullable(),
      endByLaw: z.boolean().nullable(),
      endRecordedAt: z.string().nullable(),
    }),
  ),
  requests: z.array(
    z.object({
      id: z.uuid(),
      requestedOn: z.string(),
      reason: z.string(),
      status: z.string(),
      requestedBy: z.string(),
    }),
  ),
  sfvCases: z.array(
    z.object({
      id: z.uuid(),
      status: z.string(),
      appliedOn: z.string().nullable(),
      court: z.string().nullable(),
      custodianName: z.string().nullable(),
      decidedOn: z.string().nullable(),
      finalOn: z.string().nullable(),
      notApplyingReason: z.string().nullable(),
      notApplyingNote: z.string().nullable(),
    }),
  ),
});

export const WardSchema = z.object({
  child: ChildSummarySchema,
  whereabouts: z.string().nullable(),
  since: z.string(),
  languages: z.array(z.string()),
  interpreterNeeded: z.boolean().nullable(),
  placement: z
    .object({ provider: z.string(), form: z.string(), municipalityCode: z.string(), from: z.string() })
    .nullable(),
  school: z
    .object({
      school: z.string(),
      programme: z.string(),
      enrolledOn: z.string(),
      startedOn: z.string().nullable(),
    })
    .nullable(),
  meetings: z.array(z.object({ kind: z.enum(['asylum_interview', 'care_review']), on: z.string() })),
});

export const VersionSchema = z.object({ version: z.number().int() });

// ── the answers of the steps ──────────────────────────────────────────────────────────────────────────────────────

export const Created = z.object({ id: z.uuid(), version: z.number().int() });
export const RequestedResponse = Created.extend({ dueOn: z.string().nullable() });
export const AppointedResponse = Created.extend({ warnings: z.array(WarningSchema) });
export const ResignedResponse = z.object({ requestId: z.uuid(), version: z.number().int() });
export const SfvDecisionResponse = z.object({
  version: z.number().int(),
  changeReportId: z.uuid().nullable(),
});
export const RegisteredGodManResponse = z.object({ id: z.uuid() });
export const OpenRequestsResponse = z.array(OpenRequestSchema);
export const WardsResponse = z.array(WardSchema);
