/**
 * Form errors in the user's language. Client-side schemas (schemas.ts) and the server both report a code
 * (too_small, invalid_format, duplicate, future …); the code picks the text, never the server's English message.
 */
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api/client.ts';
import { impossibleDateOf } from './date-input.ts';
import { isMessageKey, type Translate } from './i18n.ts';

export interface FieldErrorLike {
  readonly type?: unknown;
  readonly message?: unknown;
}

/** The message of a field error: a specific message code first (schemas use codes as messages), then the type. */
export function fieldErrorText(t: Translate, error: FieldErrorLike | undefined): string | undefined {
  if (error === undefined) return undefined;
  for (const candidate of [error.message, error.type]) {
    if (typeof candidate !== 'string' || candidate === '') continue;
    // A code may carry one value after a colon: `impossible_date:2015-02-30`.
    const [code = '', argument] = candidate.split(/:(.*)/s);
    const key = `error.${code}`;
    if (!isMessageKey(key)) continue;
    if (code === 'impossible_date' && argument !== undefined)
      return t(key, { date: impossibleDateText(t, argument) });
    // A sum in whole kronor: what remains of an allotment, what a county has already granted (§37a grants).
    if ((code === 'allotment_exceeded' || code === 'below_granted') && argument !== undefined)
      return t(key, {
        amount: new Intl.NumberFormat(t('grants.locale'), {
          style: 'currency',
          currency: 'SEK',
          maximumFractionDigits: 0,
        }).format(Number(argument)),
      });
    // The quarter and the last day a claim for it could reach the Agency (ADR 0034).
    if (code === 'claim_deadline_passed' && argument !== undefined) {
      const [quarter = '', date = ''] = argument.split('|');
      return t(key, { quarter, date });
    }
    // What a municipality has left to cede of its share (redistribution within a county).
    if (code === 'exceeds_share' && argument !== undefined) return t(key, { available: argument });
    // The municipality, by name, whose signature a historic agreement lacks.
    if (code === 'missing_signature' && argument !== undefined) return t(key, { municipality: argument });
    return t(key);
  }
  return t('error.invalid');
}

/** "30 februari 2015" / "30 February 2015"; a month that does not exist is shown as typed. */
function impossibleDateText(t: Translate, argument: string): string {
  const date = impossibleDateOf(argument);
  if (date === null || date.month < 1 || date.month > 12) return argument;
  const month = `date.month.${date.month}`;
  return isMessageKey(month) ? `${date.day} ${t(month)} ${date.year}` : argument;
}

/** A whole-request problem (not tied to one field) as a sentence. */
export function apiErrorText(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('apiError.internal');
  const key = `apiError.${error.code}`;
  if (isMessageKey(key)) return t(key);
  if (error.status === 404) return t('apiError.not_found');
  if (error.status === 401) return t('apiError.unauthenticated');
  if (error.status === 403) return t('apiError.forbidden');
  if (error.status === 429) return t('apiError.rate_limited');
  if (error.status === 400 || error.status === 409 || error.status === 422) return t('apiError.validation');
  return t('apiError.internal');
}

/**
 * Puts the server's field problems (`body.dossierNumber`, code `duplicate`) on the form's own fields; `rename` maps
 * a nested API field (`relative.municipalityCode`) to the form's flat name. Returns true when every problem found a
 * field, so no general message is needed.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  rename: (name: string) => string = (name) => name,
): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  let allPlaced = true;
  for (const problem of error.fields) {
    const name = rename(problem.field.replace(/^body\./, ''));
    const field = fields.find((f) => f === name);
    if (field === undefined) {
      allPlaced = false;
      continue;
    }
    // A message that is the code with one value (`exceeds_share:2`) carries that value to the text.
    const message = problem.message.startsWith(`${problem.code}:`) ? problem.message : problem.code;
    setError(field, { type: problem.code, message });
  }
  return allPlaced;
}
