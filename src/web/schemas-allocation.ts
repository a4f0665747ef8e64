/**
 * Form schemas of the allocation. Where a form sends a request body of src/allocation/contract.ts field by field it
 * takes its fields from it (`formFrom`: a body field renamed or retyped there breaks the build here); the others say
 * why they keep their own. Messages are error codes that form-errors.ts turns into text; the server validates again
 * and has the last word.
 */
import { z } from 'zod';
import { hasControlCharacters, isPhoneNumber } from '../domain/allocation/relative-contact.ts';
import { arrivalDateProblems } from '../domain/asylum/minor.ts';
import { isIsoDate } from '../domain/time.ts';
import { DATE_ISSUE } from './date-input.ts';
import { DECISION_KINDS } from './api/allocation-types.ts';
import { todayInSweden } from './dates.ts';
import { REASON_MIN_LENGTH } from '../domain/fields.ts';
import { CONTROL_CHARACTER, forbiddenCharacter } from '../domain/text.ts';
import { formDate as isoDate } from './form-date.ts';
import { formFrom } from './form-from.ts';
import { ASSESSMENT_OUTCOMES } from '../domain/allocation/vocabulary.ts';
import {
  ArrivalBody,
  AssessmentOutcomeBody,
  CorrectionBody,
  ImportSharesBody,
} from '../allocation/contract.ts';
import { GENDERS } from '../children/contract.ts';

/** No control characters (src/domain/text.ts); the server refuses them too. */
const typable = (value: string) => forbiddenCharacter(value, true) === null;

const DOSSIER = /^[0-9]{4,12}$/;
const CODE = /^[0-9]{4}$/;

const required = (max: number) =>
  z.string().trim().min(1, 'required').max(max, 'too_big').refine(typable, CONTROL_CHARACTER);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_big')
    .transform((value) => (value === '' ? null : value));
const pastDate = isoDate.refine((value) => value <= todayInSweden(), 'future');
const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === '' || isIsoDate(value), DATE_ISSUE);
const code = z.string().regex(CODE, 'choose');
const optionalCode = z.string().refine((value) => value === '' || CODE.test(value), 'choose');
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^[0-9]+$/, 'whole_number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, 'out_of_range');

/** "Ahmad, Ahmed" → ["Ahmad", "Ahmed"]: a comma-separated list of at most 10 items of at most `max` characters. */
const list = (max: number) =>
  z
    .string()
    .transform((value) =>
      value
        .split(/[,\n]/)
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .refine((items) => items.length <= 10, 'too_many')
    .refine((items) => items.every((item) => item.length <= max), 'too_big');

/** Fields read across each other; a field that failed its own parse reads as empty. */
interface ArrivalCrossFields {
  readonly birthDate?: unknown;
  readonly arrivalDate?: unknown;
  readonly relativeMunicipalityCode?: unknown;
  readonly relativeRelation?: unknown;
  readonly relativeName?: unknown;
  readonly relativeAddress?: unknown;
  readonly relativePhone?: unknown;
}

const str = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The server's rules across fields: under 18 on the arrival date, arriving after the birth (src/domain/asylum/minor.ts);
 * a stated relative with a relation, a name and an address or a phone that is one.
 */
function arrivalCrossChecks(values: ArrivalCrossFields, ctx: z.RefinementCtx): void {
  const birthDate = str(values.birthDate);
  const arrivalDate = str(values.arrivalDate);
  if (isIsoDate(birthDate) && isIsoDate(arrivalDate)) {
    for (const problem of arrivalDateProblems(birthDate, arrivalDate, todayInSweden())) {
      if (problem.code !== 'future')
        ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.code });
    }
  }
  const relative = {
    relativeRelation: str(values.relativeRelation),
    relativeName: str(values.relativeName),
    relativeAddress: str(values.relativeAddress),
    relativePhone: str(values.relativePhone),
  };
  if (str(values.relativeMunicipalityCode) === '') {
    if (Object.values(relative).some((v) => v !== '')) {
      ctx.addIssue({ code: 'custom', path: ['relativeMunicipalityCode'], message: 'choose' });
    }
    return;
  }
  if (relative.relativeRelation === '')
    ctx.addIssue({ code: 'custom', path: ['relativeRelation'], message: 'required' });
  if (relative.relativeName === '')
    ctx.addIssue({ code: 'custom', path: ['relativeName'], message: 'required' });
  if (relative.relativeAddress === '' && relative.relativePhone === '') {
    ctx.addIssue({ code: 'custom', path: ['relativeAddress'], message: 'address_or_phone' });
  }
  if (relative.relativePhone !== '' && !isPhoneNumber(relative.relativePhone)) {
    ctx.addIssue({ code: 'custom', path: ['relativePhone'], message: 'phone_format' });
  }
  for (const field of ['relativeRelation', 'relativeName', 'relativeAddress'] as const) {
    if (hasControlCharacters(relative[field]))
      ctx.addIssue({ code: 'custom', path: [field], message: 'control_characters' });
  }
}

/**
 * The body's own schemas for the checkboxes; the sibling ('' for none) and the stated relative (flat fields, all
 * empty for none) are the form's own: `arrivalBody` turns them into the body's `siblingOfChildId` and `relative`.
 */
export const ArrivalSchema = formFrom(ArrivalBody, ['interpreterNeeded', 'protectedIdentity', 'ageInDoubt'], {
  dossierNumber: z.string().trim().min(1, 'required').regex(DOSSIER, 'dossier_format'),
  firstName: required(100),
  lastName: required(100),
  nameVariants: list(100),
  birthDate: pastDate,
  gender: z.enum(GENDERS, 'choose'),
  citizenship: optional(100),
  languages: list(60),
  whereabouts: optional(200),
  arrivalMunicipalityCode: code,
  arrivalDate: pastDate,
  specialNeeds: optional(2000),
  wishes: optional(2000),
})
  .extend({
    siblingOfChildId: z.string(),
    relativeMunicipalityCode: optionalCode,
    relativeRelation: z.string().trim().max(100, 'too_big'),
    relativeName: z.string().trim().max(200, 'too_big'),
    relativeAddress: z.string().trim().max(300, 'too_big'),
    relativePhone: z.string().trim().max(40, 'too_big'),
  })
  // Runs even while other fields are missing, so an adult's birth date is named with the first attempt.
  .check(
    z.superRefine(arrivalCrossChecks, {
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    }),
  );
export type ArrivalInput = z.input<typeof ArrivalSchema>;
export type ArrivalOutput = z.output<typeof ArrivalSchema>;

/** The form's flat values as the API's body (POST /api/allocation/arrivals). */
export function arrivalBody(values: ArrivalOutput) {
  const {
    relativeMunicipalityCode,
    relativeRelation,
    relativeName,
    relativeAddress,
    relativePhone,
    siblingOfChildId,
    ...rest
  } = values;
  return {
    ...rest,
    siblingOfChildId: siblingOfChildId === '' ? null : siblingOfChildId,
    relative:
      relativeMunicipalityCode === ''
        ? null
        : {
            municipalityCode: relativeMunicipalityCode,
            relation: relativeRelation,
            name: relativeName,
            address: relativeAddress === '' ? null : relativeAddress,
            phone: relativePhone === '' ? null : relativePhone,
          },
  };
}

/**
 * The best-interests considerations must each be considered; a deviation needs a municipality and a reason. Its own
 * schema: one form for three bodies (the proposal, by the rule, a deviation), chosen by `choice`.
 */
export const DecideSchema = z
  .object({
    relatives: required(1000),
    siblings: required(1000),
    specialNeeds: required(1000),
    childsWishes: required(2000),
    choice: z.enum(['proposal', 'by_rule', 'deviate'], 'choose'),
    municipalityCode: optionalCode,
    reason: z.string().trim().max(2000, 'too_big'),
  })
  .superRefine((values, ctx) => {
    if (values.choice !== 'deviate') return;
    if (values.municipalityCode === '') {
      ctx.addIssue({ code: 'custom', path: ['municipalityCode'], message: 'choose' });
    }
    if (values.reason.length < REASON_MIN_LENGTH) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason_short' });
    }
  });
export type DecideInput = z.input<typeof DecideSchema>;
export type DecideOutput = z.output<typeof DecideSchema>;

export const CorrectionSchema = formFrom(CorrectionBody, [], {
  municipalityCode: code,
  reason: z.string().trim().min(REASON_MIN_LENGTH, 'reason_short').max(2000, 'too_big'),
});
export type CorrectionInput = z.input<typeof CorrectionSchema>;

export const DecisionFilterSchema = z
  .object({
    municipalityCode: optionalCode,
    kind: z.union([z.literal(''), z.enum(DECISION_KINDS)]),
    from: optionalDate,
    to: optionalDate,
  })
  .refine((f) => f.from === '' || f.to === '' || f.from <= f.to, { path: ['to'], message: 'invalid_date' });
export type DecisionFilterInput = z.input<typeof DecisionFilterSchema>;

export const AssessmentOutcomeSchema = formFrom(AssessmentOutcomeBody, [], {
  outcome: z.enum(ASSESSMENT_OUTCOMES, 'choose'),
  note: required(2000),
});
export type AssessmentOutcomeInput = z.input<typeof AssessmentOutcomeSchema>;

export const ImportSharesSchema = formFrom(ImportSharesBody, [], {
  validFrom: isoDate,
  note: required(500),
  csv: z.string().trim().min(1, 'required').max(100_000, 'too_big'),
});
export type ImportSharesInput = z.input<typeof ImportSharesSchema>;

/** Its own schema: the weights and the saving are nested in the body, flat in the form (typed numbers as text). */
export const ProposeSharesSchema = z
  .object({
    csv: z.string().trim().min(1, 'required').max(200_000, 'too_big'),
    forecast: wholeNumber(0, 1_000_000),
    newlyArrived: wholeNumber(0, 10_000),
    unaccompanied: wholeNumber(0, 10_000),
    asylumDays: wholeNumber(0, 10_000),
    arrivalDays: wholeNumber(0, 10_000),
    save: z.boolean(),
    validFrom: optionalDate,
    note: z.string().trim().max(500, 'too_big'),
  })
  .superRefine((values, ctx) => {
    if (!values.save) return;
    if (values.validFrom === '') ctx.addIssue({ code: 'custom', path: ['validFrom'], message: 'required' });
    if (values.note === '') ctx.addIssue({ code: 'custom', path: ['note'], message: 'required' });
  });
export type ProposeSharesInput = z.input<typeof ProposeSharesSchema>;
export type ProposeSharesOutput = z.output<typeof ProposeSharesSchema>;

/**
 * A transfer stays within a county: the first two digits of a kommunkod are its county's code. Its own schema: the
 * form holds one transfer, the body a list of them.
 */
export const TransferSchema = z
  .object({
    fromCode: code,
    toCode: code,
    promille: wholeNumber(1, 1000),
    decidedBy: required(200),
    note: required(500),
  })
  .superRefine((values, ctx) => {
    if (values.toCode === values.fromCode) {
      ctx.addIssue({ code: 'custom', path: ['toCode'], message: 'same_municipality' });
    } else if (values.toCode.slice(0, 2) !== values.fromCode.slice(0, 2)) {
      ctx.addIssue({ code: 'custom', path: ['toCode'], message: 'same_county' });
    }
  });
export type TransferInput = z.input<typeof TransferSchema>;
export type TransferOutput = z.output<typeof TransferSchema>;
