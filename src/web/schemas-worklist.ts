/**
 * Form schemas of the child's record (mirrored from src/children/record-routes.ts) and the children search. Messages
 * are error codes that form-errors.ts turns into text; the server validates again (the personnummer check digit too).
 */
import { z } from 'zod';
import { IDENTITY_NUMBER_SHAPE } from '../domain/search/identity-number.ts';
import { isIsoDate } from '../domain/time.ts';
import { DATE_ISSUE } from './date-input.ts';
import { todayInSweden } from './dates.ts';
import { REASON_MIN_LENGTH } from '../domain/fields.ts';
import { CONTROL_CHARACTER, forbiddenCharacter } from '../domain/text.ts';

/** No control characters (src/domain/text.ts); the server refuses them too. */
const typable = (value: string) => forbiddenCharacter(value, true) === null;

const required = (max: number) =>
  z.string().trim().min(1, 'required').max(max, 'too_big').refine(typable, CONTROL_CHARACTER);
const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === '' || isIsoDate(value), DATE_ISSUE)
  .refine((value) => value === '' || value <= todayInSweden(), 'future');

export const BasicDataSchema = z.object({
  firstName: required(100),
  lastName: required(100),
  statedBirthDate: optionalDate,
  gender: z.enum(['female', 'male', 'other'], 'choose'),
});
export type BasicDataInput = z.input<typeof BasicDataSchema>;
export type BasicDataOutput = z.output<typeof BasicDataSchema>;

export const IdentifierSchema = z
  .object({
    kind: z.enum(['dossier', 'personnummer', 'samordningsnummer'], 'choose'),
    value: required(20),
  })
  .superRefine((v, ctx) => {
    const ok = v.kind === 'dossier' ? /^[0-9]{4,12}$/.test(v.value) : IDENTITY_NUMBER_SHAPE.test(v.value);
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: v.kind === 'dossier' ? 'dossier_format' : 'personnummer_invalid',
      });
  });
export type IdentifierInput = z.input<typeof IdentifierSchema>;

export const MergeSchema = z.object({
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
