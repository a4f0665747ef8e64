/**
 * Form schemas of the networks, competence events and contacts (ADR 0029), taken from the contract's bodies
 * (`formFrom`): years and counts typed as text, dates as the forms' date field, and the consent required already here
 * (the server refuses a contact without it on the same fields, with the same code).
 */
import { z } from 'zod';
import { ContactBody, CreateNetworkBody, EventBody } from '../county/contract.ts';
import { CONSENT_WAYS, NETWORK_ROLES, PARTICIPANT_GENDERS } from '../domain/county/networks.ts';
import { formDate } from './form-date.ts';
import { formFrom } from './form-from.ts';

const year = z
  .string()
  .trim()
  .regex(/^[0-9]{4}$/, 'invalid_year')
  .transform(Number);

export const NetworkForm = formFrom(CreateNetworkBody, ['name', 'counties', 'purpose', 'meets'], {
  fromYear: year,
  toYear: z.union([z.literal('').transform(() => null), year]),
});
export type NetworkFormInput = z.input<typeof NetworkForm>;
export type NetworkFormOutput = z.output<typeof NetworkForm>;

export const ContactForm = formFrom(
  ContactBody,
  ['name', 'email', 'phone', 'countyCode', 'organisation', 'ownerId'],
  {
    role: z.enum(NETWORK_ROLES, { error: 'choose' }),
    gender: z.enum(PARTICIPANT_GENDERS, { error: 'choose' }),
    consentOn: z.string().trim().min(1, 'consent_required').pipe(formDate),
    consentHow: z.enum(CONSENT_WAYS, { error: 'consent_required' }),
  },
);
export type ContactFormInput = z.input<typeof ContactForm>;
export type ContactFormOutput = z.output<typeof ContactForm>;

export const EventForm = formFrom(EventBody, ['theme', 'place', 'online', 'speakers', 'contactIds'], {
  firstDay: formDate,
  lastDay: formDate,
  counts: z.array(
    z.object({
      countyCode: z.string().min(1, 'choose'),
      role: z.enum(NETWORK_ROLES, { error: 'choose' }),
      gender: z.enum(PARTICIPANT_GENDERS, { error: 'choose' }),
      count: z
        .string()
        .trim()
        .regex(/^[0-9]+$/, 'not_whole')
        .transform(Number)
        .refine((n) => n >= 1, 'at_least_one')
        .refine((n) => n <= 10_000, 'too_big'),
    }),
  ),
});
export type EventFormInput = z.input<typeof EventForm>;
export type EventFormOutput = z.output<typeof EventForm>;
