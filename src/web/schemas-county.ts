/**
 * Form schemas of the county board's work. The capacity report's form is flat (one input per number, named
 * `places_hvb_own_guaranteed`, `targetGroups_girls` …) so that each input has its own error and summary entry; it
 * parses typed text to the numbers `CapacityAnswersSchema` (src/county/contract.ts) takes, and `answersOf` builds the
 * body. The period and redistribution forms take their fields from the contracts (`formFrom`).
 */
import { z } from 'zod';
import {
  AdoptProgrammeBody,
  CreatePeriodBody,
  FollowUpBody,
  RecordAgreementBody,
  VoidAgreementBody,
} from '../county/contract.ts';
import { SIGNATORY_PARTIES } from '../domain/county/agreements.ts';
import { isIsoDate } from '../domain/time.ts';
import { DATE_ISSUE } from './date-input.ts';
import { PROGRAMME_INDICATORS } from '../domain/county/programme.ts';
import { ProposeRedistributionBody } from '../allocation/contract.ts';
import {
  CAPACITY_HOUSING,
  CAPACITY_TARGET_GROUPS,
  HEALTH_ACCESS,
  type CapacityAnswers,
} from '../domain/county/capacity.ts';
import { CONTROL_CHARACTER, forbiddenCharacter } from '../domain/text.ts';
import { formDate } from './form-date.ts';
import { formFrom } from './form-from.ts';

/** A count typed as text: whole, not negative. */
const count = z
  .string()
  .trim()
  .min(1, 'required')
  .regex(/^-?[0-9]+$/, 'not_whole')
  .transform(Number)
  .refine((n) => n >= 0, 'negative')
  .refine((n) => n <= 100_000, 'too_big');
const note = (max: number) =>
  z
    .string()
    .max(max, 'too_big')
    .refine((v) => forbiddenCharacter(v, true) === null, CONTROL_CHARACTER);

export const PLACE_FIELDS = CAPACITY_HOUSING.flatMap((form) =>
  (['guaranteed', 'movable'] as const).map((kind) => ({
    form,
    kind,
    name: `places_${form}_${kind}` as const,
  })),
);
export const TARGET_FIELDS = CAPACITY_TARGET_GROUPS.map((group) => ({
  group,
  name: `targetGroups_${group}` as const,
}));
export const COUNT_FIELDS = [
  'languageIntroductionPlaces',
  'godMenAvailable',
  'specialCustodiansAvailable',
] as const;

export const CapacityReportForm = z.object({
  ...Object.fromEntries([...PLACE_FIELDS, ...TARGET_FIELDS].map((f) => [f.name, count])),
  ...Object.fromEntries(COUNT_FIELDS.map((name) => [name, count])),
  healthAccess: z.enum(HEALTH_ACCESS, { error: 'choose' }),
  healthNote: note(2000),
  leisureNote: note(2000),
  selfAssessment: note(4000).refine((v) => v.trim().length > 0, 'required'),
}) as unknown as z.ZodType<CapacityFormOutput, CapacityFormInput>;

export type CapacityFormInput = Record<string, string>;
export type CapacityFormOutput = Record<string, number | string>;

const numberOf = (values: CapacityFormOutput, name: string) => Number(values[name] ?? 0);

/** The request's answers from the form's parsed values. */
export function answersOf(values: CapacityFormOutput): CapacityAnswers {
  return {
    places: Object.fromEntries(
      CAPACITY_HOUSING.map((form) => [
        form,
        {
          guaranteed: numberOf(values, `places_${form}_guaranteed`),
          movable: numberOf(values, `places_${form}_movable`),
        },
      ]),
    ) as CapacityAnswers['places'],
    targetGroups: Object.fromEntries(
      CAPACITY_TARGET_GROUPS.map((g) => [g, numberOf(values, `targetGroups_${g}`)]),
    ) as CapacityAnswers['targetGroups'],
    languageIntroductionPlaces: numberOf(values, 'languageIntroductionPlaces'),
    godMenAvailable: numberOf(values, 'godMenAvailable'),
    specialCustodiansAvailable: numberOf(values, 'specialCustodiansAvailable'),
    healthAccess: String(values.healthAccess) as CapacityAnswers['healthAccess'],
    healthNote: String(values.healthNote ?? ''),
    leisureNote: String(values.leisureNote ?? ''),
    selfAssessment: String(values.selfAssessment ?? ''),
  };
}

/** The form's values from a report given before (for a revision), or empty. */
export function formOf(answers: CapacityAnswers | null): CapacityFormInput {
  const values: CapacityFormInput = {};
  for (const f of PLACE_FIELDS)
    values[f.name] = answers === null ? '' : String(answers.places[f.form][f.kind]);
  for (const f of TARGET_FIELDS)
    values[f.name] = answers === null ? '' : String(answers.targetGroups[f.group]);
  for (const name of COUNT_FIELDS) values[name] = answers === null ? '' : String(answers[name]);
  values.healthAccess = answers?.healthAccess ?? '';
  values.healthNote = answers?.healthNote ?? '';
  values.leisureNote = answers?.leisureNote ?? '';
  values.selfAssessment = answers?.selfAssessment ?? '';
  return values;
}

/** A server field (`answers.places.hvb_own.guaranteed`) as the form's flat name. */
export const flatName = (name: string) => name.replace(/^answers\./, '').replaceAll('.', '_');

export const PeriodForm = formFrom(CreatePeriodBody, ['label'], {
  startsOn: formDate,
  endsOn: formDate,
  dueOn: formDate,
});
export type PeriodFormInput = z.input<typeof PeriodForm>;
export type PeriodFormOutput = z.output<typeof PeriodForm>;

export const RedistributionForm = formFrom(ProposeRedistributionBody, ['dialogue'], {
  transfers: z
    .array(
      z.object({
        fromCode: z.string().regex(/^[0-9]{4}$/, 'choose'),
        toCode: z.string().regex(/^[0-9]{4}$/, 'choose'),
        promille: z
          .string()
          .trim()
          .regex(/^[0-9]+$/, 'not_whole_promille')
          .transform(Number)
          .refine((n) => n >= 1, 'not_whole_promille'),
      }),
    )
    .min(1, 'no_transfers'),
});
export type RedistributionFormInput = z.input<typeof RedistributionForm>;
export type RedistributionFormOutput = z.output<typeof RedistributionForm>;

const year = z
  .string()
  .trim()
  .regex(/^[0-9]{4}$/, 'invalid_year')
  .transform(Number);

export const ProgrammeForm = formFrom(AdoptProgrammeBody, ['workingGroup'], {
  firstYear: year,
  lastYear: year,
  adoptedOn: formDate,
  goals: z
    .array(
      z
        .object({
          title: z.string().trim().min(1, 'required').max(200, 'too_big'),
          measure: note(2000).refine((v) => v.trim().length > 0, 'required'),
          responsible: z.string().trim().min(1, 'required').max(200, 'too_big'),
          kind: z.enum(PROGRAMME_INDICATORS, { error: 'choose' }),
          target: z
            .string()
            .trim()
            .regex(/^[0-9]+([.,][0-9]+)?$/, 'not_a_number')
            .transform((v) => Number(v.replace(',', '.'))),
        })
        // One measure and one indicator per goal in the form; the API takes several.
        .transform((g) => ({
          title: g.title,
          measures: [{ text: g.measure, responsible: g.responsible }],
          indicators: [{ kind: g.kind, target: g.target }],
        })),
    )
    .min(1, 'no_goals'),
});
export type ProgrammeFormInput = z.input<typeof ProgrammeForm>;
export type ProgrammeFormOutput = z.output<typeof ProgrammeForm>;

export const FollowUpForm = formFrom(FollowUpBody, [], {
  year,
  assessment: note(4000).refine((v) => v.trim().length >= 10, 'reason_short'),
});
export type FollowUpFormInput = z.input<typeof FollowUpForm>;
export type FollowUpFormOutput = z.output<typeof FollowUpForm>;

// ── Historic agreements ──────────────────────────────────────────────────────

const requiredLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'required')
    .max(max, 'too_big')
    .refine((v) => forbiddenCharacter(v, false) === null, CONTROL_CHARACTER);

/** One signature as typed: the municipality chosen only when the party is a municipality. */
const SignatureForm = z
  .object({
    party: z.enum(SIGNATORY_PARTIES, { error: 'choose' }),
    municipalityCode: z.string(),
    signatory: requiredLine(200),
    title: requiredLine(200),
    place: requiredLine(100),
    signedOn: formDate,
  })
  .superRefine((s, ctx) => {
    if (s.party === 'municipality' && !/^[0-9]{4}$/.test(s.municipalityCode))
      ctx.addIssue({ code: 'custom', path: ['municipalityCode'], message: 'choose' });
  })
  .transform((s) => ({ ...s, municipalityCode: s.party === 'municipality' ? s.municipalityCode : null }));

export const AgreementForm = formFrom(RecordAgreementBody, [], {
  municipalities: z.array(z.string()).min(1, 'choose_municipality'),
  registrationNumber: z
    .string()
    .trim()
    .max(60, 'too_big')
    .refine((v) => forbiddenCharacter(v, false) === null, CONTROL_CHARACTER),
  validFrom: formDate,
  validTo: z
    .string()
    .trim()
    .refine((v) => v === '' || isIsoDate(v), DATE_ISSUE)
    .transform((v) => (v === '' ? null : v)),
  asylumPlaces: count,
  permitPlaces: count,
  replacesId: z
    .string()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.uuid().nullable()),
  signatures: z.array(SignatureForm).min(1, 'required'),
  note: note(4000),
});
export type AgreementFormInput = z.input<typeof AgreementForm>;
export type AgreementFormOutput = z.output<typeof AgreementForm>;

export const VoidAgreementForm = formFrom(VoidAgreementBody, [], {
  reason: note(2000).refine((v) => v.trim().length >= 10, 'reason_short'),
});
export type VoidAgreementFormInput = z.input<typeof VoidAgreementForm>;
export type VoidAgreementFormOutput = z.output<typeof VoidAgreementForm>;
