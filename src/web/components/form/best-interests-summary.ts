/**
 * The best-interests fieldset in a form's error summary: one entry per part, linked to the part's field (the ids the
 * fieldset renders with its `idPrefix`), and the form's nested errors under the dotted names the summary looks up.
 */
import type { FieldErrors, FieldValues } from 'react-hook-form';
import type { MessageKey } from '../../i18n.ts';
import { BEST_INTERESTS_PARTS } from './BestInterestsFieldset.tsx';
import type { SummaryField } from './ErrorSummary.tsx';

/** The id of each part's field after the fieldset's `${idPrefix}-bi-` (the first right for the rights). */
const BI_IDS: Readonly<Record<(typeof BEST_INTERESTS_PARTS)[number], string>> = {
  rightsConcerned: 'rights-0',
  whatIsKnown: 'known',
  childsViews: 'views',
  childsViewsLanguage: 'language',
  howWeighed: 'weighed',
  feedbackToChild: 'feedback',
  feedbackGivenOn: 'feedbackOn',
  notHeardReason: 'notHeardReason',
};

/** Error-summary entries for the best-interests fieldset rendered with `idPrefix`. */
export function bestInterestsSummary(idPrefix: string): SummaryField[] {
  return BEST_INTERESTS_PARTS.map((part) => ({
    name: `bestInterests.${part}`,
    id: `${idPrefix}-bi-${BI_IDS[part]}`,
    label: `bestInterests.${part}` as MessageKey,
  }));
}

/** The parts' form paths, for the feedback that puts the server's field problems at their fields. */
export const BEST_INTERESTS_PATHS = BEST_INTERESTS_PARTS.map((part) => `bestInterests.${part}` as const);

/** The form's errors with the best-interests parts under their dotted names, as the error summary looks them up. */
export function flatErrors<T extends FieldValues>(errors: FieldErrors<T>): FieldErrors<T> {
  const nested = (errors as { bestInterests?: Record<string, unknown> }).bestInterests;
  if (nested === undefined) return errors;
  const flat: Record<string, unknown> = { ...errors };
  for (const [part, error] of Object.entries(nested)) flat[`bestInterests.${part}`] = error;
  return flat as FieldErrors<T>;
}
