/**
 * Form schemas of the child's record, taking their fields from the request bodies of src/children/contract.ts
 * (`formFrom`: a body field renamed or retyped there breaks the build here), and the children search (its own: a
 * search's fields are free text, the query reads them). Messages are error codes that form-errors.ts turns into text;
 * the server validates again (the personnummer check digit too).
 */
import { z } from 'zod';
import { IDENTITY_NUMBER_SHAPE } from '../domain/search/identity-number.ts';
import { isIsoDate } from '../domain/time.ts';
import { DATE_ISSUE } from './date-input.ts';
import { todayInSweden } from './dates.ts';
import { REASON_MIN_LENGTH } from '../domain/fields.ts';
import { CONTROL_CHARACTER, forbiddenCharacter } from '../domain/text.ts';
import { formFrom } from './form-from.ts';
import { EditBody, GENDERS, IDENTIFIER_KINDS, IdentifierBody, MergeBody } from '../children/contract.ts';

/** No control characters (src/domain/text.ts); the server refuses them too. */
const typable = (value: string) => forbiddenCharacter(value, true) === null;

const required = (max: number) =>
  z.string().trim().min(1, 'required').max(max, 'too_big').refine(typable, CONTROL_CHARACTER);
const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === '' || isIsoDate(value), DATE_ISSUE)
  .refine((value) => value === '' || value <= todayInSweden(), 'future');

/** The stated birth date is '' for none; the record panel sends it as null. */
export const BasicDataSchema = formFrom(EditBody, [], {
  firstName: required(100),
  lastName: required(100),
  statedBirthDate: optionalDate,
  gender: z.enum(GENDERS, 'choose'),
});
export type BasicDataInput = z.input<typeof BasicDataSchema>;
export type BasicDataOutput = z.output<typeof BasicDataSchema>;

export const IdentifierSchema = formFrom(IdentifierBody, [], {
  kind: z.enum(IDENTIFIER_KINDS, 'choose'),
  value: required(20),
}).superRefine((v, ctx) => {
  const ok = v.kind === 'dossier' ? /^[0-9]{4,12}$/.test(v.value) : IDENTITY_NUMBER_SHAPE.test(v.value);
  if (!ok)
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: v.kind === 'dossier' ? 'dossier_format' : 'personnummer_invalid',
    });
});
export type IdentifierInput = z.input<typeof IdentifierSchema>;

export const MergeSchema = formFrom(MergeBody, [], {
  mergedId: z.string().min(1, 'choose'),
  reason: z.string().trim().min(REASON_MIN_LENGTH, 'reason_short').max(1000, 'too_big'),
});
export type MergeInput = z.input<typeof MergeSchema>;

export const ChildSearchSchema = z.object({
  q: z.string().trim().max(100, 'too_big'),
  dossier: z
    .string()
    .trim()
    .refine((v) => v === '' || /^[0-9]{1,12}$/.test(v), 'dossier_format'),
  name: z.string().trim().max(100, 'too_big'),
  birthDate: z
    .string()
    .trim()
    .refine((v) => v === '' || isIsoDate(v), DATE_ISSUE),
  identityNumber: z
    .string()
    .trim()
    .refine((v) => v === '' || IDENTITY_NUMBER_SHAPE.test(v), 'personnummer_invalid'),
});
export type ChildSearchInput = z.input<typeof ChildSearchSchema>;
