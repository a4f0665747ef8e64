/**
 * The county board's work (issue 13), shared with the web (ADR 0019): the capacity survey (lägesbild) — the county's
 * periods, a municipality's report, the county's side-by-side view with Anvisa's own figures and the trend. (The
 * redistribution of shares is the allocation capability's: src/allocation/contract.ts.) No child appears here: every
 * figure is a count or a median over a municipality. Imports only zod, src/domain and other contracts.
 */
import { z } from 'zod';
import {
  CAPACITY_HOUSING,
  CAPACITY_TARGET_GROUPS,
  HEALTH_ACCESS,
  type CapacityHousing,
  type CapacityTargetGroup,
} from '../domain/county/capacity.ts';
import { SIGNATORY_PARTIES } from '../domain/county/agreements.ts';
import { isoDateSaying, municipalityCode, REASON_MIN_LENGTH } from '../domain/fields.ts';
import { PROGRAMME_INDICATORS } from '../domain/county/programme.ts';
import { CONSENT_WAYS, NETWORK_ROLES, PARTICIPANT_GENDERS } from '../domain/county/networks.ts';
import { line, text } from '../domain/text.ts';

const id = z.uuid({ error: 'Ogiltigt id' });
const count = z.number({ error: 'not_a_number' }).int('not_whole').min(0, 'negative').max(100_000, 'too_big');
const dateField = isoDateSaying('invalid_date');

// ── The capacity survey ───────────────────────────────────────────────────────

export const PlaceCountSchema = z.strictObject({ guaranteed: count, movable: count });

export const CapacityAnswersSchema = z.strictObject({
  places: z.strictObject(
    Object.fromEntries(CAPACITY_HOUSING.map((f) => [f, PlaceCountSchema])) as Record<
      CapacityHousing,
      typeof PlaceCountSchema
    >,
  ),
  targetGroups: z.strictObject(
    Object.fromEntries(CAPACITY_TARGET_GROUPS.map((g) => [g, count])) as Record<
      CapacityTargetGroup,
      typeof count
    >,
  ),
  languageIntroductionPlaces: count,
  healthAccess: z.enum(HEALTH_ACCESS, { error: 'required' }),
  healthNote: text(2000),
  leisureNote: text(2000),
  godMenAvailable: count,
  specialCustodiansAvailable: count,
  selfAssessment: text(4000).refine((v) => v.trim().length > 0, 'required'),
});

export const PeriodParams = z.strictObject({ periodId: id });

export const CreatePeriodBody = z.strictObject({
  label: line(80).refine((v) => v.trim().length > 0, 'required'),
  startsOn: dateField,
  endsOn: dateField,
  dueOn: dateField,
});

export const SubmitReportBody = z.strictObject({
  answers: CapacityAnswersSchema,
  /** The version the reporter saw (0 for a first report): a stale revision is refused with the current one. */
  expectedVersion: z.number().int().min(0),
});

const PeriodSchema = z.object({
  id: z.uuid(),
  countyCode: z.string(),
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  dueOn: z.string(),
});

const ReportSchema = z.object({
  answers: CapacityAnswersSchema,
  version: z.number().int(),
  reportedAt: z.string(),
  reportedBy: z.string(),
});

/** The municipality's own view: every period of its county, its report and what it owes for each. */
export const MunicipalityCapacitySchema = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  countyName: z.string(),
  periods: z.array(
    PeriodSchema.extend({
      due: z.enum(['not_yet', 'due', 'overdue', 'reported']),
      report: ReportSchema.nullable(),
      remindedAt: z.string().nullable(),
      /** Whether the caller may submit or revise the report now (the period has begun and has not ended). */
      mayReport: z.boolean(),
    }),
  ),
});

/** A median over a municipality's children, or null when fewer than the smallest publishable count. */
const MedianSchema = z.object({ median: z.number().nullable(), n: z.number().int() });

export const KnownFiguresSchema = z.object({
  sharePromille: z.number().int(),
  /** Children assigned to the municipality this year (anvisningar), and the exact quota to date. */
  receivedThisYear: z.number().int(),
  placedNow: z.number().int(),
  placedByForm: z.record(z.string(), z.number().int()),
  registeredPlaces: z.number().int(),
  freePlaces: z.number().int(),
  godManDays: MedianSchema,
  schoolStartDays: MedianSchema,
});

export const CountyMunicipalityRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  due: z.enum(['not_yet', 'due', 'overdue', 'reported']),
  /** The report's total places only: the county's table shows totals, the answers stay with the municipality. */
  reportedPlaces: z.number().int().nullable(),
  remindedAt: z.string().nullable(),
  known: KnownFiguresSchema,
  flags: z.array(z.enum(['fewer_places_than_placed', 'register_exceeds_report'])),
});

export const CountyPeriodSchema = z.object({
  county: z.object({ code: z.string(), name: z.string() }),
  period: PeriodSchema,
  answered: z.number().int(),
  municipalities: z.array(CountyMunicipalityRowSchema),
  /** Reported places per municipality over the county's periods, oldest first (null: not reported). */
  trend: z.object({
    periods: z.array(z.object({ id: z.uuid(), label: z.string(), startsOn: z.string() })),
    rows: z.array(
      z.object({ code: z.string(), name: z.string(), places: z.array(z.number().int().nullable()) }),
    ),
  }),
  mayRemind: z.boolean(),
});

export const CountyCapacitySchema = z.object({
  county: z.object({ code: z.string(), name: z.string() }),
  municipalities: z.number().int(),
  periods: z.array(PeriodSchema.extend({ answered: z.number().int(), overdue: z.number().int() })),
});

export const RemindersSentSchema = z.object({ municipalities: z.number().int(), users: z.number().int() });

// ── The regional development programme ────────────────────────────────────────

export const ProgrammeGoalSchema = z.strictObject({
  title: line(200).refine((v) => v.trim().length > 0, 'required'),
  measures: z
    .array(
      z.strictObject({
        text: text(2000).refine((v) => v.trim().length > 0, 'required'),
        responsible: line(200).refine((v) => v.trim().length > 0, 'required'),
      }),
    )
    .min(1, 'no_measures')
    .max(20),
  indicators: z
    .array(
      z.strictObject({
        kind: z.enum(PROGRAMME_INDICATORS, { error: 'choose' }),
        target: z.number({ error: 'not_a_number' }).min(0, 'negative').max(100_000, 'too_big'),
      }),
    )
    .min(1, 'no_indicators')
    .max(10),
});

export const AdoptProgrammeBody = z.strictObject({
  firstYear: z.number().int().min(2011).max(2100),
  lastYear: z.number().int().min(2011).max(2100),
  adoptedOn: dateField,
  workingGroup: z
    .array(z.string().regex(/^[0-9]{4}$/, 'four digits'))
    .min(1, 'required')
    .max(400),
  goals: z.array(ProgrammeGoalSchema).min(1, 'no_goals').max(20),
});

export const ProgrammeParams = z.strictObject({ programmeId: id });

export const FollowUpBody = z.strictObject({
  year: z.number().int().min(2011).max(2100),
  goalIndex: z.number().int().min(0).max(19),
  assessment: text(4000).refine((v) => v.trim().length >= 10, 'reason_short'),
});

const IndicatorYearSchema = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  /** The value for girls and for boys, where the indicator counts children (null where it does not or too few). */
  byGender: z.object({ female: z.number().nullable(), male: z.number().nullable() }).nullable(),
  met: z.boolean().nullable(),
});

export const ProgrammesSchema = z.object({
  county: z.object({ code: z.string(), name: z.string() }),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  programmes: z.array(
    z.object({
      id: z.uuid(),
      firstYear: z.number().int(),
      lastYear: z.number().int(),
      adoptedOn: z.string(),
      workingGroup: z.array(z.string()),
      adoptedBy: z.string(),
      goals: z.array(
        z.object({
          title: z.string(),
          measures: z.array(z.object({ text: z.string(), responsible: z.string() })),
          indicators: z.array(
            z.object({
              kind: z.enum(PROGRAMME_INDICATORS),
              target: z.number(),
              direction: z.enum(['at_most', 'at_least']),
              years: z.array(IndicatorYearSchema),
            }),
          ),
          followUps: z.array(
            z.object({
              year: z.number().int(),
              assessment: z.string(),
              recordedBy: z.string(),
              recordedAt: z.string(),
            }),
          ),
        }),
      ),
    }),
  ),
});

// ── Historic agreements (överenskommelser, 2006 – March 2016), for the record ────────────────────────────────

const required = (max: number) => line(max).refine((v) => v.trim().length > 0, 'required');

export const AgreementSignatureBody = z.strictObject({
  party: z.enum(SIGNATORY_PARTIES, { error: 'choose' }),
  /** The municipality's code when the party is a municipality; null for the Agency and the county board. */
  municipalityCode: municipalityCode.nullable(),
  signatory: required(200),
  title: required(200),
  /** Where it was signed (ort). */
  place: required(100),
  signedOn: dateField,
});

export const RecordAgreementBody = z.strictObject({
  /** The county board's registration number (diarienummer); empty when the document has none. */
  registrationNumber: line(60),
  municipalities: z.array(municipalityCode).min(1, 'required').max(50),
  validFrom: dateField,
  validTo: dateField.nullable(),
  asylumPlaces: count,
  permitPlaces: count,
  replacesId: id.nullable(),
  signatures: z.array(AgreementSignatureBody).min(1, 'required').max(60),
  note: text(4000),
});

export const AgreementParams = z.strictObject({ agreementId: id });

export const VoidAgreementBody = z.strictObject({
  reason: text(2000).refine((v) => v.trim().length >= REASON_MIN_LENGTH, 'reason_short'),
});

const SignatureSchema = z.object({
  party: z.enum(SIGNATORY_PARTIES),
  municipalityCode: z.string().nullable(),
  signatory: z.string(),
  title: z.string(),
  place: z.string(),
  signedOn: z.string(),
});

export const AgreementsSchema = z.object({
  county: z.object({ code: z.string(), name: z.string() }),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  agreements: z.array(
    z.object({
      id: z.uuid(),
      registrationNumber: z.string().nullable(),
      municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      asylumPlaces: z.number().int(),
      permitPlaces: z.number().int(),
      /** The agreement it renegotiated, and those that renegotiated it (not voided). */
      replaces: z.object({ id: z.uuid(), concludedOn: z.string() }).nullable(),
      replacedBy: z.array(z.object({ id: z.uuid(), concludedOn: z.string() })),
      signatures: z.array(SignatureSchema),
      concludedOn: z.string(),
      note: z.string(),
      recordedBy: z.string(),
      recordedAt: z.string(),
      voided: z.object({ by: z.string(), at: z.string(), reason: z.string() }).nullable(),
    }),
  ),
});
// ── Networks, competence events and contacts (issue 13 point 6, ADR 0029) ────────────────────────────────────────

const countyCode = z.string().regex(/^[0-9]{2}$/, 'invalid_county');
const filled = (v: string) => v.trim().length > 0;
const yearField = z
  .number({ error: 'invalid_year' })
  .int('invalid_year')
  .min(2000, 'invalid_year')
  .max(2100, 'invalid_year');

export const CreateNetworkBody = z.strictObject({
  name: line(200).refine(filled, 'required'),
  counties: z.array(countyCode).min(1, 'no_counties').max(21, 'too_big'),
  purpose: text(4000).refine(filled, 'required'),
  meets: line(200).refine(filled, 'required'),
  fromYear: yearField,
  toYear: yearField.nullable(),
});

export const NetworkParams = z.strictObject({ networkId: id });
export const ContactParams = z.strictObject({ networkId: id, contactId: id });

/** A contact: consent may be missing in the request, and is then refused on its field (422), not stored. */
export const ContactBody = z.strictObject({
  name: line(200).refine(filled, 'required'),
  email: line(200).refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'invalid_email'),
  phone: line(40).refine((v) => /^[0-9 +()-]*$/.test(v), 'phone_format'),
  countyCode,
  role: z.enum(NETWORK_ROLES, { error: 'choose' }),
  organisation: line(200).refine(filled, 'required'),
  gender: z.enum(PARTICIPANT_GENDERS, { error: 'choose' }),
  consentOn: dateField.nullable(),
  consentHow: z.enum(CONSENT_WAYS, { error: 'choose' }).nullable(),
  ownerId: id,
});

export const CountedParticipantsBody = z.strictObject({
  countyCode,
  role: z.enum(NETWORK_ROLES, { error: 'choose' }),
  gender: z.enum(PARTICIPANT_GENDERS, { error: 'choose' }),
  count: z.number({ error: 'not_a_number' }).int('not_whole').min(1, 'at_least_one').max(10_000, 'too_big'),
});

export const EventBody = z.strictObject({
  theme: line(300).refine(filled, 'required'),
  firstDay: dateField,
  lastDay: dateField,
  place: line(200),
  online: z.boolean(),
  speakers: text(2000),
  contactIds: z.array(id).max(500, 'too_big'),
  counts: z.array(CountedParticipantsBody).max(200, 'too_big'),
});

const cell = <K extends z.ZodType>(key: K) => z.object({ key, n: z.number().int().nullable() });
export const ParticipationReportSchema = z.object({
  total: z.number().int(),
  byCounty: z.array(cell(z.string())),
  byRole: z.array(cell(z.enum(NETWORK_ROLES))),
  byGender: z.array(cell(z.enum(PARTICIPANT_GENDERS))),
});

const CountyRef = z.object({ code: z.string(), name: z.string() });

export const NetworksSchema = z.object({
  county: CountyRef,
  /** Every county, for the form (a network may span counties). */
  counties: z.array(CountyRef),
  networks: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      counties: z.array(CountyRef),
      meets: z.string(),
      fromYear: z.number().int(),
      toYear: z.number().int().nullable(),
      members: z.number().int(),
      events: z.number().int(),
      needsReview: z.number().int(),
    }),
  ),
});

export const NetworkSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  counties: z.array(CountyRef),
  purpose: z.string(),
  meets: z.string(),
  fromYear: z.number().int(),
  toYear: z.number().int().nullable(),
  /** The contacts whose consent stands: the network's members and its contact directory. */
  members: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      countyCode: z.string(),
      role: z.enum(NETWORK_ROLES),
      organisation: z.string(),
      gender: z.enum(PARTICIPANT_GENDERS),
      consentOn: z.string(),
      consentHow: z.enum(CONSENT_WAYS),
      owner: z.object({ id: z.uuid(), name: z.string() }),
      confirmedOn: z.string(),
      needsReview: z.boolean(),
    }),
  ),
  /** Contacts whose consent was withdrawn: only their number (their participation stays counted). */
  withdrawn: z.number().int(),
  events: z.array(
    z.object({
      id: z.uuid(),
      theme: z.string(),
      firstDay: z.string(),
      lastDay: z.string(),
      place: z.string(),
      online: z.boolean(),
      speakers: z.string(),
      /** The members who took part (names only where consent stands). */
      contacts: z.array(z.object({ id: z.uuid(), name: z.string() })),
      report: ParticipationReportSchema,
    }),
  ),
  /** Every event together. */
  report: ParticipationReportSchema,
  /** Who may own a contact: the coordinators of the network's county boards. */
  owners: z.array(z.object({ id: z.uuid(), name: z.string(), countyCode: z.string() })),
});
