/**
 * The API's contract for the §37a grants for refugee guides and family contacts (issue 13 point 5, ADR 0028), shared
 * with the web (ADR 0019): the national pot and the counties' allotments, a county's call, a municipality's
 * application with its purposes, partners, budget and signatory, each step of the machine, and the views of the
 * applicant, the county's grant officer and the national level. Money is whole kronor. No child data.
 */
import { z } from 'zod';
import { isoDateSaying } from '../domain/fields.ts';
import { line, text } from '../domain/text.ts';
import { GRANT_ACTIONS, GRANT_STATUSES } from '../domain/grants/machine.ts';
import { DECISION_OUTCOMES, GRANT_PURPOSES } from '../domain/grants/rules.ts';

const date = isoDateSaying('invalid_date');
const kronor = z
  .number({ error: 'not_a_number' })
  .int('whole_kronor')
  .min(0, 'too_small')
  .max(10_000_000_000, 'too_big');
const expectedVersion = z.number().int().min(0);
const reason = text(4000).refine((v) => v.trim().length >= 10, 'reason_too_short');

export const GrantParams = z.strictObject({ applicationId: z.uuid({ error: 'Ogiltigt id' }) });

/** Where each step of an application lives, under `/api/grants/applications/:applicationId/`: routes and web alike. */
export const GRANT_STEP_PATHS = {
  submit: 'submit',
  assess: 'assess',
  decide: 'decide',
  pay: 'pay',
  request_change: 'change-request',
  approve_change: 'change-approval',
  submit_interim_report: 'interim-report',
  receive_interim_report: 'interim-report/receipt',
  submit_final_report: 'final-report',
  receive_final_report: 'final-report/receipt',
} as const satisfies Record<(typeof GRANT_ACTIONS)[number], string>;
export const YearParams = z.strictObject({
  year: z.coerce
    .number({ error: 'invalid_year' })
    .int('invalid_year')
    .min(2013, 'invalid_year')
    .max(2100, 'invalid_year'),
});
export const YearQuery = z.strictObject({
  year: z.coerce.number().int().min(2013).max(2100).optional(),
});

export const PotBody = z.strictObject({
  amount: kronor,
  allotments: z
    .array(z.strictObject({ countyCode: z.string().regex(/^[0-9]{2}$/, 'two digits'), amount: kronor }))
    .max(21),
});

export const CallBody = z.strictObject({
  opensOn: date,
  deadline: date,
  priorities: text(2000),
  interimReportDueOn: date,
  finalReportDueOn: date,
});

export const PartnerSchema = z.strictObject({
  name: line(200).refine((v) => v.trim() !== '', 'required'),
  /** The partner's certificate (intyg samverkanspart) is attached. */
  certificate: z.boolean(),
});
export const BudgetLineSchema = z.strictObject({
  description: line(200).refine((v) => v.trim() !== '', 'required'),
  amount: kronor,
  costDate: date,
});

export const ApplicationBody = z.strictObject({
  year: z.number().int().min(2013).max(2100),
  title: line(200).refine((v) => v.trim() !== '', 'required'),
  description: text(4000),
  purposes: z.array(z.enum(GRANT_PURPOSES)).max(4),
  partners: z.array(PartnerSchema).max(20),
  budget: z.array(BudgetLineSchema).max(50),
  signatoryName: line(120),
  signatoryTitle: line(120),
});
export const UpdateApplicationBody = ApplicationBody.omit({ year: true }).extend({ expectedVersion });

export const VersionBody = z.strictObject({ expectedVersion });
export const AssessBody = z.strictObject({ assessment: reason, expectedVersion });
export const DecideBody = z.strictObject({
  outcome: z.enum(DECISION_OUTCOMES),
  amount: kronor,
  reasons: reason,
  expectedVersion,
});
export const PayBody = z.strictObject({ paidOn: date, expectedVersion });
export const ChangeRequestBody = z.strictObject({ description: reason, expectedVersion });
export const ReportBody = z.strictObject({ report: reason, expectedVersion });

const Place = z.object({ code: z.string(), name: z.string() });

export const CallSchema = z.object({
  id: z.string(),
  year: z.number(),
  county: Place,
  opensOn: z.string(),
  deadline: z.string(),
  priorities: z.string(),
  interimReportDueOn: z.string(),
  finalReportDueOn: z.string(),
  /** Open for applications today. */
  open: z.boolean(),
});

export const ReminderSchema = z.object({
  report: z.enum(['interim', 'final']),
  dueOn: z.string(),
  state: z.enum(['due', 'overdue']),
});

export const ApplicationSchema = z.object({
  id: z.string(),
  year: z.number(),
  county: Place,
  deadline: z.string(),
  municipality: Place,
  status: z.enum(GRANT_STATUSES),
  title: z.string(),
  description: z.string(),
  purposes: z.array(z.enum(GRANT_PURPOSES)),
  partners: z.array(z.object({ name: z.string(), certificate: z.boolean() })),
  budget: z.array(z.object({ description: z.string(), amount: z.number(), costDate: z.string() })),
  requestedAmount: z.number(),
  signatoryName: z.string(),
  signatoryTitle: z.string(),
  submittedOn: z.string().nullable(),
  assessment: z.string().nullable(),
  assessedOn: z.string().nullable(),
  outcome: z.enum(DECISION_OUTCOMES).nullable(),
  grantedAmount: z.number().nullable(),
  decisionReasons: z.string().nullable(),
  decidedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
  changeDescription: z.string().nullable(),
  changeRequestedOn: z.string().nullable(),
  changeApprovedOn: z.string().nullable(),
  interimReport: z.string().nullable(),
  interimReportSubmittedOn: z.string().nullable(),
  interimReportReceivedOn: z.string().nullable(),
  finalReport: z.string().nullable(),
  finalReportSubmittedOn: z.string().nullable(),
  finalReportReceivedOn: z.string().nullable(),
  reminders: z.array(ReminderSchema),
  /** The steps the caller may take now (the server decides). */
  steps: z.array(z.enum(GRANT_ACTIONS)),
  version: z.number(),
});

export const ApplicantViewSchema = z.object({
  municipality: Place,
  calls: z.array(CallSchema),
  applications: z.array(ApplicationSchema),
});

export const CountyViewSchema = z.object({
  year: z.number(),
  county: Place,
  call: CallSchema.nullable(),
  allotment: z.number().nullable(),
  granted: z.number(),
  remaining: z.number().nullable(),
  /** The county board holds the national pot: its officer also has the national view. */
  national: z.boolean(),
  applications: z.array(ApplicationSchema),
});

const SummaryRowSchema = z.object({
  applications: z.number(),
  municipalities: z.number(),
  grantedWholly: z.number(),
  grantedPartly: z.number(),
  refused: z.number(),
  granted: z.number(),
  grantedAmount: z.number(),
});

export const NationalViewSchema = z.object({
  year: z.number(),
  holder: Place,
  pot: z.number().nullable(),
  allotments: z.array(z.object({ county: Place, amount: z.number().nullable(), granted: z.number() })),
  summary: z.object({
    counties: z.array(SummaryRowSchema.extend({ county: Place })),
    total: SummaryRowSchema,
  }),
});
