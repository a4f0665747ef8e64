/**
 * The best-interests record as the API takes and shows it. Every part is optional in the schema so that a request
 * without them reaches the domain rule, which answers 422 naming each missing field (not a generic 400).
 */
import { z } from 'zod';
import { isoDate } from '../domain/fields.ts';
import { missingBestInterestsFields, type BestInterestsRecord } from '../domain/case/best-interests.ts';
import { unprocessable } from '../platform/http/errors.ts';

const text = (max: number) => z.string().trim().max(max).nullable().default(null);

export const BestInterestsBody = z.strictObject({
  rightsConcerned: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  whatIsKnown: text(5000),
  childsViews: text(5000),
  childsViewsLanguage: text(100),
  howWeighed: text(5000),
  feedbackToChild: text(2000),
  feedbackGivenOn: isoDate.nullable().default(null),
  notHeardReason: text(2000),
});
export type BestInterestsInput = z.output<typeof BestInterestsBody>;

const FIELD_MESSAGES: Readonly<Record<keyof BestInterestsRecord, string>> = {
  rightsConcerned: 'Ange vilka av barnets rättigheter som berörs',
  whatIsKnown: 'Beskriv vad som är känt om barnets situation',
  childsViews: 'Återge barnets egna åsikter, eller ange varför barnet inte har hörts',
  childsViewsLanguage: 'Ange språket barnet uttryckte sig på',
  howWeighed: 'Beskriv hur barnets bästa och åsikter har vägts',
  feedbackToChild: 'Beskriv återkopplingen till barnet, eller ange varför barnet inte har hörts',
  feedbackGivenOn: 'Ange när återkopplingen gavs, eller ange varför barnet inte har hörts',
  notHeardReason: 'Ange varför barnet inte har hörts',
};

/** 422 naming every missing part, unless the record is complete (or says why the child was not heard). */
export function requireCompleteBestInterests(
  input: BestInterestsInput | null | undefined,
): BestInterestsInput {
  const record: BestInterestsInput = input ?? BestInterestsBody.parse({});
  const missing = missingBestInterestsFields(record);
  if (missing.length > 0) {
    throw unprocessable(
      'best_interests_incomplete',
      'The decision needs a complete best-interests record (or a recorded reason why the child was not heard)',
      missing.map((field) => ({
        field: `bestInterests.${field}`,
        code: 'required',
        message: FIELD_MESSAGES[field],
      })),
    );
  }
  return record;
}
