/**
 * The API's contract for the county boards' supervision of the guardianship authorities (issue 13 point 4, ADR 0027),
 * shared with the web (ADR 0019): the year's plan, an inspection as the inspector sees it (with the sample's files
 * while it is open) and as the authority sees it (without), a sampled file, and the request bodies of each step.
 * Imports only zod, src/domain and other contracts.
 */
import { z } from 'zod';
import { isoDateSaying } from '../domain/fields.ts';
import {
  AD_HOC_TRIGGERS,
  CRITICISM_LEVELS,
  inspectionMachine,
  INSPECTION_KINDS,
  REPORT_RECIPIENT_BODIES,
} from '../domain/supervision/inspection.ts';
import { MAX_SAMPLE_SIZE, SAMPLE_FILE_KINDS } from '../domain/supervision/sample.ts';
import { line, text } from '../domain/text.ts';

const id = z.uuid({ error: 'Ogiltigt id' });
const date = isoDateSaying('date_format');
const year = z.coerce
  .number({ error: 'Ange ett år' })
  .int('Ange ett år')
  .min(2012, 'Tillsynen hos de sju länsstyrelserna började 2012')
  .max(2100, 'Ange ett år före 2100');

export const InspectionParams = z.strictObject({ inspectionId: id });
export const FileParams = InspectionParams.extend({ fileId: id });
export const ActionParams = InspectionParams.extend({ actionId: id });
export const PlanQuery = z.strictObject({ year });

/** Plan the year's inspection of an authority, record the year's skip with its reason, or open an ad-hoc review. */
export const CreateInspectionBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('regular'),
    authorityId: id,
    year: z.number().int().min(2012).max(2100),
    plannedOn: date,
  }),
  z.strictObject({
    kind: z.literal('skip'),
    authorityId: id,
    year: z.number().int().min(2012).max(2100),
    reason: text(2000),
  }),
  z.strictObject({
    kind: z.literal('ad_hoc'),
    authorityId: id,
    plannedOn: date,
    trigger: z.enum(AD_HOC_TRIGGERS, { error: 'choose' }),
    triggerNote: text(2000),
  }),
]);

export const DrawSampleBody = z.strictObject({
  size: z
    .number({ error: 'invalid_type' })
    .int('invalid_type')
    .min(1, 'too_small')
    .max(MAX_SAMPLE_SIZE, 'too_big'),
});

export const FindingBody = z.strictObject({
  level: z.enum(CRITICISM_LEVELS, { error: 'choose' }),
  title: line(200).refine((v) => v.trim() !== '', 'required'),
  description: text(5000).refine((v) => v.trim() !== '', 'required'),
  /** The sampled file the finding is about, if it is about one. */
  fileId: id.nullable(),
});

export const SendReportBody = z.strictObject({ sentOn: date });
export const CloseBody = z.strictObject({ closedOn: date });

export const ResponseBody = z.strictObject({
  respondedOn: date,
  response: text(5000).refine((v) => v.trim() !== '', 'required'),
  actions: z
    .array(
      z.strictObject({
        description: line(300).refine((v) => v.trim() !== '', 'required'),
        deadline: date,
      }),
    )
    .max(20, 'too_big'),
});
export const ActionDoneBody = z.strictObject({ doneOn: date });

const STEPS = [
  'draw_sample',
  'record_finding',
  'send_report',
  'close',
  'record_response',
  'record_action_done',
] as const;

const ActionSchema = z.object({
  id: z.string(),
  description: z.string(),
  deadline: z.string(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
});
const FindingSchema = z.object({
  id: z.string(),
  level: z.enum(CRITICISM_LEVELS),
  title: z.string(),
  description: z.string(),
  fileId: z.string().nullable(),
  recordedAt: z.string(),
});
const AuthoritySchema = z.object({
  id: z.string(),
  name: z.string(),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
});

/** What both the inspector and the authority see of an inspection. */
const InspectionCore = z.object({
  id: z.string(),
  kind: z.enum(INSPECTION_KINDS),
  year: z.number(),
  state: z.enum(inspectionMachine.states),
  plannedOn: z.string().nullable(),
  skipReason: z.string().nullable(),
  trigger: z.enum(AD_HOC_TRIGGERS).nullable(),
  triggerNote: z.string().nullable(),
  authority: AuthoritySchema,
  countyBoard: z.object({ id: z.string(), name: z.string() }),
  sampledOn: z.string().nullable(),
  sampleSize: z.number(),
  reportSentOn: z.string().nullable(),
  recipients: z.array(
    z.object({
      municipalityCode: z.string(),
      municipalityName: z.string(),
      body: z.enum(REPORT_RECIPIENT_BODIES),
    }),
  ),
  findings: z.array(FindingSchema),
  mostSerious: z.enum(CRITICISM_LEVELS).nullable(),
  response: z.string().nullable(),
  respondedOn: z.string().nullable(),
  actions: z.array(ActionSchema),
  closedOn: z.string().nullable(),
  version: z.number(),
  /** The steps the caller may take now (the server decides, the page reflects). */
  steps: z.array(z.enum(STEPS)),
});

const SampleFileSchema = z.object({
  fileId: z.string(),
  kind: z.enum(SAMPLE_FILE_KINDS),
  childId: z.string(),
  /** The child's name; masked (null) for a child with protected identity. */
  childName: z.string().nullable(),
  dossierNumber: z.string(),
});

/** The inspector's view: the authority's record, and the sampled files while the inspection is open. */
export const InspectionSchema = InspectionCore.extend({
  sample: z.array(SampleFileSchema),
  /** The draw's seed and pool size (the sample can be drawn again from them to check it). */
  sampleSeed: z.number().nullable(),
  samplePool: z.number().nullable(),
});
/** The authority's view of a report about itself: no sample's names (ADR 0027). */
export const ReportSchema = InspectionCore;

const PlanRowSchema = z.object({
  authority: AuthoritySchema,
  status: z.enum(['planned', 'skipped', 'unplanned']),
  mustInspect: z.boolean(),
  previousYear: z.enum(['planned', 'skipped', 'unplanned']),
  regular: z
    .object({ id: z.string(), state: z.enum(inspectionMachine.states), plannedOn: z.string().nullable() })
    .nullable(),
  adHoc: z.array(
    z.object({ id: z.string(), state: z.enum(inspectionMachine.states), plannedOn: z.string().nullable() }),
  ),
  overdueActions: z.number(),
});

export const PlanSchema = z.object({
  year: z.number(),
  countyBoard: z.object({ id: z.string(), name: z.string() }),
  counties: z.array(z.object({ code: z.string(), name: z.string() })),
  authorities: z.array(PlanRowSchema),
});

export const ReportListSchema = z.object({
  authority: AuthoritySchema,
  reports: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(INSPECTION_KINDS),
      year: z.number(),
      state: z.enum(inspectionMachine.states),
      plannedOn: z.string().nullable(),
      reportSentOn: z.string().nullable(),
      mostSerious: z.enum(CRITICISM_LEVELS).nullable(),
      openActions: z.number(),
      overdueActions: z.number(),
    }),
  ),
});

/** One sampled file: the god man appointment or the special custodian case as the authority's file has it. */
export const SampleFileViewSchema = z.object({
  inspectionId: z.string(),
  fileId: z.string(),
  kind: z.enum(SAMPLE_FILE_KINDS),
  child: z.object({
    id: z.string(),
    name: z.string().nullable(),
    dossierNumber: z.string(),
    birthDate: z.string(),
    protectedIdentity: z.boolean(),
  }),
  godMan: z
    .object({
      guardianName: z.string(),
      fromDate: z.string(),
      toDate: z.string().nullable(),
      requestedOn: z.string().nullable(),
      childHeard: z.boolean().nullable(),
      endReason: z.string().nullable(),
    })
    .nullable(),
  sfv: z
    .object({
      status: z.string(),
      appliedOn: z.string().nullable(),
      court: z.string().nullable(),
      decidedOn: z.string().nullable(),
      finalOn: z.string().nullable(),
      notApplyingReason: z.string().nullable(),
    })
    .nullable(),
});

export const CreatedSchema = z.object({ id: z.string() });
