/**
 * Form schemas of emergency access and role grants, taking their fields from the request bodies of
 * src/children/contract.ts and src/access/contract.ts (`formFrom`: a body field renamed or retyped there breaks the
 * build here), and the audit log's filter (its own: a filter's fields may be empty, the query reads them). Messages are
 * error codes; form-errors.ts turns them into text. The server validates again and has the last word.
 */
import { z } from 'zod';
import { ROLES } from '../domain/access/roles.ts';
import { AUDIT_EVENT_KINDS } from '../domain/audit/events.ts';
import { isIsoDate } from '../domain/time.ts';
import { DATE_ISSUE } from './date-input.ts';
import { REASON_MIN_LENGTH } from '../domain/fields.ts';
import { CONTROL_CHARACTER, forbiddenCharacter } from '../domain/text.ts';
import { formFrom } from './form-from.ts';
import { GrantBody } from '../access/contract.ts';
import { EmergencyAccessBody } from '../children/contract.ts';

/** No control characters (src/domain/text.ts); the server refuses them too. */
const typable = (value: string) => forbiddenCharacter(value, true) === null;

const DOSSIER = /^[0-9]{4,12}$/;

const required = (max: number) =>
  z.string().trim().min(1, 'required').max(max, 'too_big').refine(typable, CONTROL_CHARACTER);
const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === '' || isIsoDate(value), DATE_ISSUE);

export const EmergencyAccessSchema = formFrom(EmergencyAccessBody, [], {
  dossierNumber: z.string().trim().min(1, 'required').regex(DOSSIER, 'dossier_format'),
  reason: z.string().trim().min(REASON_MIN_LENGTH, 'reason_short').max(1000, 'too_big'),
  hours: z
    .string()
    .regex(/^([1-9]|1[0-9]|2[0-4])$/, 'choose')
    .transform(Number),
});
export type EmergencyAccessInput = z.input<typeof EmergencyAccessSchema>;

export const GrantRoleSchema = formFrom(GrantBody, ['protectedIdentityClearance'], {
  subject: required(200),
  displayName: required(200),
  email: z
    .string()
    .trim()
    .max(200, 'too_big')
    .refine((value) => value === '' || z.email().safeParse(value).success, 'invalid_email')
    .transform((value) => (value === '' ? null : value)),
  role: z.string().pipe(z.enum(ROLES, 'choose')),
  providerId: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value === '' ? undefined : value)),
})
  .superRefine((v, ctx) => {
    if (v.role === 'provider_staff' && v.providerId === undefined)
      ctx.addIssue({ code: 'custom', path: ['providerId'], message: 'choose' });
  })
  .transform((v) => (v.role === 'provider_staff' ? v : { ...v, providerId: undefined }));
export type GrantRoleInput = z.input<typeof GrantRoleSchema>;

export const AuditFilterSchema = z
  .object({
    kind: z.union([z.literal(''), z.enum(AUDIT_EVENT_KINDS)]),
    outcome: z.enum(['', 'allowed', 'denied']),
    from: optionalDate,
    to: optionalDate,
    dossier: z
      .string()
      .trim()
      .refine((value) => value === '' || DOSSIER.test(value), 'dossier_format'),
  })
  .refine((f) => f.from === '' || f.to === '' || f.from <= f.to, { path: ['to'], message: 'invalid_date' });
export type AuditFilterInput = z.input<typeof AuditFilterSchema>;
