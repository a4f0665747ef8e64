/**
 * The contract of the prevention profile (förebyggande profil), the risk indicators and the risk moments (issue 12,
 * ADR 0025): request bodies with a Swedish message per field and reason, and the view's whitelist (ADR 0019).
 */
import { z } from 'zod';
import { isPhoneNumber } from '../domain/allocation/relative-contact.ts';
import { isoDateSaying } from '../domain/fields.ts';
import { PHOTO_MEDIA_TYPES } from '../domain/missing/profile.ts';
import { OBSERVATION_NOTE_MAX, RISK_INDICATOR_CODES } from '../domain/missing/risk-indicators.ts';
import { RISK_MOMENT_KINDS } from '../domain/missing/risk-moments.ts';
import { isBase64 } from '../domain/social-case/document-types.ts';
import { line, text } from '../domain/text.ts';

/** A one-line field that may be left empty (stored as null), with its label in the error. */
const optionalLine = (max: number, label: string) =>
  line(max, `${label}: högst ${max} tecken`)
    .trim()
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

const requiredLine = (max: number, label: string) =>
  line(max, `${label}: högst ${max} tecken`).trim().min(1, `${label}: fyll i fältet`);

const phone = (label: string) =>
  line(30, `${label}: högst 30 tecken`)
    .trim()
    .refine(isPhoneNumber, `${label}: ange 6–15 siffror, till exempel 070-174 06 05`);

const list = <T extends z.ZodType>(item: T, max: number, label: string) =>
  z.array(item).max(max, `${label}: högst ${max}`).default([]);

/** The description of the child for a search: what the police ask first. */
export const DescriptionSchema = z.strictObject({
  heightCm: z
    .number({ error: 'Längd: ange hela centimeter' })
    .int('Längd: ange hela centimeter')
    .min(50, 'Längd: minst 50 cm')
    .max(230, 'Längd: högst 230 cm')
    .nullable()
    .default(null),
  build: optionalLine(60, 'Kroppsbyggnad'),
  hair: optionalLine(60, 'Hår'),
  eyes: optionalLine(60, 'Ögon'),
  distinguishingMarks: optionalLine(300, 'Kännetecken'),
  languages: list(requiredLine(40, 'Språk'), 10, 'Språk'),
});

export const SocialMediaSchema = z.strictObject({
  platform: requiredLine(40, 'Sociala medier, tjänst'),
  handle: requiredLine(100, 'Sociala medier, konto'),
});

export const ContactSchema = z.strictObject({
  name: requiredLine(100, 'Kontakt, namn'),
  relation: requiredLine(60, 'Kontakt, relation'),
  phone: phone('Kontakt, telefon').nullable().default(null),
});

/** Every field of a profile version: sent whole with each save, so a version reads on its own. */
export const ProfileBody = z.strictObject({
  description: DescriptionSchema.prefault({}),
  phones: list(phone('Telefonnummer'), 5, 'Telefonnummer'),
  socialMedia: list(SocialMediaSchema, 10, 'Sociala medier'),
  contacts: list(ContactSchema, 20, 'Kända kontakter'),
  places: list(requiredLine(200, 'Kända platser'), 20, 'Kända platser'),
  /** Free text until episodes are linked (issue 12, point 4). */
  previousEpisodes: text(2000, 'Tidigare avvikelser: högst 2000 tecken')
    .trim()
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
  /** Only what a search needs: medication, a condition that makes it urgent. */
  medicalNeeds: text(500, 'Medicinska behov: högst 500 tecken, bara det som behövs vid en eftersökning')
    .trim()
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
});

const expectedVersion = z.number().int().min(0).optional();

export const SaveProfileBody = ProfileBody.extend({ expectedVersion });

export const PhotoBody = z.strictObject({
  mediaType: z.enum(PHOTO_MEDIA_TYPES, { error: 'Fotot: bara JPEG- eller PNG-bilder tas emot' }),
  contentBase64: z.string().refine(isBase64, 'Fotot: innehållet är inte base64'),
  takenOn: isoDateSaying('Fotots datum: ange ett riktigt datum som ÅÅÅÅ-MM-DD'),
  expectedVersion,
});

export const ObservationBody = z.strictObject({
  indicator: z.enum(RISK_INDICATOR_CODES, { error: 'Indikator: välj en indikator i listan' }),
  observed: z.boolean({ error: 'Iakttagen: ange ja eller nej' }),
  observedOn: isoDateSaying('Datum: ange ett riktigt datum som ÅÅÅÅ-MM-DD'),
  note: text(OBSERVATION_NOTE_MAX, `Anteckning: högst ${OBSERVATION_NOTE_MAX} tecken`).trim().default(''),
  searchRelevant: z.boolean().default(false),
});

export const PhotoParams = z.strictObject({
  childId: z.uuid({ error: 'Ogiltigt id' }),
  photoId: z.uuid({ error: 'Ogiltigt id' }),
});

const Recorded = { recordedAt: z.string(), recordedBy: z.string(), recordedRole: z.string() };

export const PhotoSchema = z.object({
  id: z.uuid(),
  takenOn: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
});

/** A stored profile as the view sends it (the body's shape after parsing). */
export const StoredProfileSchema = z.object({
  description: z.object({
    heightCm: z.number().int().nullable(),
    build: z.string().nullable(),
    hair: z.string().nullable(),
    eyes: z.string().nullable(),
    distinguishingMarks: z.string().nullable(),
    languages: z.array(z.string()),
  }),
  phones: z.array(z.string()),
  socialMedia: z.array(z.object({ platform: z.string(), handle: z.string() })),
  contacts: z.array(z.object({ name: z.string(), relation: z.string(), phone: z.string().nullable() })),
  places: z.array(z.string()),
  previousEpisodes: z.string().nullable(),
  medicalNeeds: z.string().nullable(),
});

export const ProfileVersionSchema = z.object({
  version: z.number().int(),
  ...Recorded,
  profile: StoredProfileSchema,
  photo: PhotoSchema.nullable(),
});

export const ObservationSchema = z.object({
  id: z.uuid(),
  indicator: z.enum(RISK_INDICATOR_CODES),
  observed: z.boolean(),
  observedOn: z.string(),
  note: z.string(),
  searchRelevant: z.boolean(),
  observerRole: z.string(),
  recordedAt: z.string(),
});

export const RiskMomentSchema = z.object({
  kind: z.enum(RISK_MOMENT_KINDS),
  since: z.string().nullable(),
  until: z.string().nullable(),
});

export const ProfileViewSchema = z.object({
  /** The number of the current version (0: none saved yet); send it back as `expectedVersion`. */
  version: z.number().int(),
  current: ProfileVersionSchema.nullable(),
  /** Every earlier version, newest first. */
  history: z.array(ProfileVersionSchema),
  /** The latest observation of each indicator, in the checklist's order; `observations` holds them all. */
  indicators: z.array(ObservationSchema),
  observations: z.array(ObservationSchema),
  /** What the caller may change (the server decides, the UI reflects). */
  edits: z.object({ profile: z.boolean(), photo: z.boolean(), observation: z.boolean() }),
  photoMaxBytes: z.number().int(),
});
