/**
 * The best-interests record as the API takes and shows it. Every part is optional in the schema so that a request
 * without them reaches the domain rule, which answers 422 naming each missing field (not a generic 400).
 */
import { missingBestInterestsFields, type BestInterestsRecord } from '../domain/case/best-interests.ts';
import { unprocessable } from '../platform/http/errors.ts';

import { BestInterestsBody, type BestInterestsInput } from './contract.ts';
/** For the importers in src/responsibility, src/guardianship and the social case's steps, until they import the contract. */
export type { BestInterestsInput } from './contract.ts';

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
