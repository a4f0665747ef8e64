/**
 * The best-interests record of a decision about a child (barnets bästa, CRC art. 3 and 12): the rights concerned,
 * what is known, the child's own views in the child's words and language, how they were weighed, the feedback to the
 * child and when — or why the child was not heard. Each part is its own field. The form checks completeness with the
 * domain's own rule (`missingBestInterestsFields`, the one the server applies), so every missing part shows on the
 * first submit. A new decision starts from the child's latest record (`carry`), marked as such, to confirm or change.
 */
import { useEffect, useRef, useState } from 'react';
import type { FieldErrors, UseFormRegisterReturn } from 'react-hook-form';
import { z } from 'zod';
import { missingBestInterestsFields } from '../../../domain/case/best-interests.ts';
import { useLatestBestInterests, type LatestBestInterestsRecord } from '../../api/best-interests-queries.ts';
import { isIsoDate } from '../../../domain/time.ts';
import { DATE_ISSUE } from '../../date-input.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { CheckboxField, TextAreaField, TextField } from './fields.tsx';

/** Rights often concerned (Barnkonventionen, lag 2018:1197). */
export const CRC_RIGHTS = [
  'art. 2 icke-diskriminering',
  'art. 3 barnets bästa',
  'art. 6 liv och utveckling',
  'art. 12 rätt att uttrycka sin mening',
  'art. 19 skydd mot våld',
  'art. 20 skydd utanför familjen',
  'art. 22 barn på flykt',
  'art. 24 hälsa och vård',
  'art. 27 levnadsstandard',
  'art. 28 utbildning',
  'art. 30 språk, kultur och religion',
] as const;

export const BEST_INTERESTS_PARTS = [
  'rightsConcerned',
  'whatIsKnown',
  'childsViews',
  'childsViewsLanguage',
  'howWeighed',
  'feedbackToChild',
  'feedbackGivenOn',
  'notHeardReason',
] as const;
export type BestInterestsPart = (typeof BEST_INTERESTS_PARTS)[number];

/** The form's values (strings as typed); `toBestInterestsBody` makes the API's body. */
export const BestInterestsFormSchema = z.object({
  rightsConcerned: z.array(z.string()),
  whatIsKnown: z.string().max(5000, 'too_big'),
  childsViews: z.string().max(5000, 'too_big'),
  childsViewsLanguage: z.string().max(100, 'too_big'),
  howWeighed: z.string().max(5000, 'too_big'),
  feedbackToChild: z.string().max(2000, 'too_big'),
  feedbackGivenOn: z.string().refine((v) => v === '' || isIsoDate(v), DATE_ISSUE),
  notHeard: z.boolean(),
  notHeardReason: z.string().max(2000, 'too_big'),
});
export type BestInterestsFormValues = z.infer<typeof BestInterestsFormSchema>;

export const EMPTY_BEST_INTERESTS: BestInterestsFormValues = {
  rightsConcerned: [],
  whatIsKnown: '',
  childsViews: '',
  childsViewsLanguage: '',
  howWeighed: '',
  feedbackToChild: '',
  feedbackGivenOn: '',
  notHeard: false,
  notHeardReason: '',
};

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function toBestInterestsBody(values: BestInterestsFormValues) {
  return {
    rightsConcerned: values.rightsConcerned,
    whatIsKnown: orNull(values.whatIsKnown),
    childsViews: values.notHeard ? null : orNull(values.childsViews),
    childsViewsLanguage: values.notHeard ? null : orNull(values.childsViewsLanguage),
    howWeighed: orNull(values.howWeighed),
    feedbackToChild: values.notHeard ? null : orNull(values.feedbackToChild),
    feedbackGivenOn: values.notHeard ? null : orNull(values.feedbackGivenOn),
    notHeardReason: values.notHeard ? orNull(values.notHeardReason) : null,
  };
}

/**
 * For a decision's schema (in `superRefine`): an issue at each part the server would name as missing, by the same
 * domain rule, so that all of them show at once instead of one now and the rest after the server's answer.
 */
export function checkCompleteBestInterests(
  values: BestInterestsFormValues,
  ctx: z.RefinementCtx,
  path: readonly PropertyKey[] = ['bestInterests'],
): void {
  for (const part of missingBestInterestsFields(toBestInterestsBody(values))) {
    ctx.addIssue({ code: 'custom', path: [...path, part], message: 'required' });
  }
}

/**
 * The latest record's parts as a new decision's starting point. The feedback date is left empty: it belongs to the
 * earlier decision, and the feedback on this one is given anew. Rights outside the form's list are not carried (they
 * would be sent without being shown).
 */
export function carriedOverValues(record: LatestBestInterestsRecord): BestInterestsFormValues {
  const notHeard = record.notHeardReason !== null && record.notHeardReason.trim() !== '';
  return {
    rightsConcerned: record.rightsConcerned.filter((r) => (CRC_RIGHTS as readonly string[]).includes(r)),
    whatIsKnown: record.whatIsKnown,
    childsViews: notHeard ? '' : (record.childsViews ?? ''),
    childsViewsLanguage: notHeard ? '' : (record.childsViewsLanguage ?? ''),
    howWeighed: record.howWeighed,
    feedbackToChild: notHeard ? '' : (record.feedbackToChild ?? ''),
    feedbackGivenOn: '',
    notHeard,
    notHeardReason: notHeard ? (record.notHeardReason ?? '') : '',
  };
}

const isEmpty = (v: BestInterestsFormValues) =>
  v.rightsConcerned.length === 0 &&
  [
    v.whatIsKnown,
    v.childsViews,
    v.childsViewsLanguage,
    v.howWeighed,
    v.feedbackToChild,
    v.feedbackGivenOn,
    v.notHeardReason,
  ].every((x) => x.trim() === '') &&
  !v.notHeard;

/** How the fieldset reads and fills the parent form's `bestInterests` values. */
export interface CarryOver {
  readonly childId: string;
  readonly get: () => BestInterestsFormValues;
  readonly set: (values: BestInterestsFormValues) => void;
}

/**
 * Fills the untouched fieldset with the child's latest record when it arrives (and again after a decision, with the
 * newer one, once the form was emptied). Answers what was carried, for the marks.
 */
function useCarryOver(carry: CarryOver | undefined): {
  readonly from: LatestBestInterestsRecord | null;
  readonly clear: () => void;
} {
  const latest = useLatestBestInterests(carry?.childId ?? '', carry !== undefined);
  const record = latest.data?.record ?? null;
  const [from, setFrom] = useState<LatestBestInterestsRecord | null>(null);
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (carry === undefined || record === null || applied.current === record.id || !isEmpty(carry.get()))
      return;
    applied.current = record.id;
    carry.set(carriedOverValues(record));
    setFrom(record);
  }, [carry, record]);
  return {
    from,
    clear: () => {
      carry?.set(EMPTY_BEST_INTERESTS);
      setFrom(null);
    },
  };
}

type Registrar = (name: `bestInterests.${BestInterestsPart | 'notHeard'}`) => UseFormRegisterReturn;

const withMark = (hint: string | undefined, mark: string | undefined) =>
  mark === undefined ? hint : hint === undefined ? mark : `${mark}. ${hint}`;

export function BestInterestsFieldset({
  idPrefix,
  register,
  errors,
  notHeard,
  childLanguages,
  carry,
}: {
  readonly idPrefix: string;
  /** `(name) => form.register(name)` of a form whose values hold `bestInterests: BestInterestsFormValues`. */
  readonly register: Registrar;
  readonly errors: FieldErrors<BestInterestsFormValues> | undefined;
  /** Whether "the child was not heard" is ticked (watch it in the parent form). */
  readonly notHeard: boolean;
  /** The child's languages, shown as a reminder of the interpreter need. */
  readonly childLanguages?: readonly string[];
  /** Start from the child's latest record (a new decision's form); without it the fieldset starts empty. */
  readonly carry?: CarryOver;
}) {
  const { t } = useI18n();
  const carried = useCarryOver(carry);
  const id = (part: string) => `${idPrefix}-bi-${part}`;
  const err = (part: keyof BestInterestsFormValues) => fieldErrorText(t, errors?.[part]);
  const start = carried.from === null ? null : carriedOverValues(carried.from);
  const source =
    carried.from === null ? null : { date: carried.from.recordedOn, name: carried.from.recordedBy };
  /** "Från senaste bedömningen (datum, vem)" on each part that was filled from it. */
  const mark = (part: keyof BestInterestsFormValues) => {
    if (start === null || source === null) return undefined;
    const value = start[part];
    const filled = Array.isArray(value)
      ? value.length > 0
      : typeof value === 'string'
        ? value.trim() !== ''
        : value;
    return filled ? t('bestInterests.carried', source) : undefined;
  };
  const rightsDescribedBy = [
    mark('rightsConcerned') === undefined ? null : `${id('rights')}-carried`,
    err('rightsConcerned') === undefined ? null : `${id('rights')}-error`,
  ]
    .filter((x) => x !== null)
    .join(' ');
  return (
    <fieldset className="fieldset best-interests">
      <legend>{t('bestInterests.legend')}</legend>
      <p className="hint">{t('bestInterests.intro')}</p>
      {source !== null && (
        <div className="notice notice--info best-interests__carried" data-testid="best-interests-carried">
          <p>{t('bestInterests.carriedIntro', source)}</p>
          <button type="button" className="button button--secondary" onClick={carried.clear}>
            {t('bestInterests.carriedClear')}
          </button>
        </div>
      )}
      <fieldset
        className="field fieldset"
        aria-describedby={rightsDescribedBy === '' ? undefined : rightsDescribedBy}
      >
        <legend>{t('bestInterests.rightsConcerned')}</legend>
        {mark('rightsConcerned') !== undefined && (
          <p id={`${id('rights')}-carried`} className="hint">
            {mark('rightsConcerned')}
          </p>
        )}
        {err('rightsConcerned') !== undefined && (
          <p id={`${id('rights')}-error`} className="field-error">
            {err('rightsConcerned')}
          </p>
        )}
        <div className="checks checks--columns">
          {CRC_RIGHTS.map((right, index) => (
            <div className="check" key={right}>
              <input
                id={`${id('rights')}-${index}`}
                type="checkbox"
                value={right}
                {...register('bestInterests.rightsConcerned')}
              />
              <label htmlFor={`${id('rights')}-${index}`}>{right}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        id={id('known')}
        label={t('bestInterests.whatIsKnown')}
        hint={withMark(t('bestInterests.whatIsKnownHint'), mark('whatIsKnown'))}
        error={err('whatIsKnown')}
        registration={register('bestInterests.whatIsKnown')}
        rows={3}
      />
      <CheckboxField
        id={id('notHeard')}
        label={t('bestInterests.notHeard')}
        error={undefined}
        registration={register('bestInterests.notHeard')}
      />
      {notHeard ? (
        <TextAreaField
          id={id('notHeardReason')}
          label={t('bestInterests.notHeardReason')}
          hint={withMark(t('bestInterests.notHeardReasonHint'), mark('notHeardReason'))}
          error={err('notHeardReason')}
          registration={register('bestInterests.notHeardReason')}
          rows={2}
        />
      ) : (
        <>
          {childLanguages !== undefined && childLanguages.length > 0 && (
            <p className="notice notice--info">
              {t('bestInterests.languages', { languages: childLanguages.join(', ') })}
            </p>
          )}
          <TextAreaField
            id={id('views')}
            label={t('bestInterests.childsViews')}
            hint={withMark(t('bestInterests.childsViewsHint'), mark('childsViews'))}
            error={err('childsViews')}
            registration={register('bestInterests.childsViews')}
            rows={3}
          />
          <TextField
            id={id('language')}
            label={t('bestInterests.childsViewsLanguage')}
            hint={mark('childsViewsLanguage')}
            error={err('childsViewsLanguage')}
            registration={register('bestInterests.childsViewsLanguage')}
            width="medium"
          />
        </>
      )}
      <TextAreaField
        id={id('weighed')}
        label={t('bestInterests.howWeighed')}
        hint={withMark(t('bestInterests.howWeighedHint'), mark('howWeighed'))}
        error={err('howWeighed')}
        registration={register('bestInterests.howWeighed')}
        rows={3}
      />
      {!notHeard && (
        <>
          <TextAreaField
            id={id('feedback')}
            label={t('bestInterests.feedbackToChild')}
            hint={mark('feedbackToChild')}
            error={err('feedbackToChild')}
            registration={register('bestInterests.feedbackToChild')}
            rows={2}
          />
          <TextField
            id={id('feedbackOn')}
            type="date"
            label={t('bestInterests.feedbackGivenOn')}
            hint={source === null ? undefined : t('bestInterests.feedbackOnThisDecision')}
            error={err('feedbackGivenOn')}
            registration={register('bestInterests.feedbackGivenOn')}
            width="short"
          />
        </>
      )}
    </fieldset>
  );
}
