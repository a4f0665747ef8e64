/**
 * The best-interests record of a decision about a child (barnets bästa, CRC art. 3 and 12): the rights concerned,
 * what is known, the child's own views in the child's words and language, how they were weighed, the feedback to the
 * child and when — or why the child was not heard. Each part is its own field; the server answers 422 naming each
 * missing part, shown next to it.
 */
import type { FieldErrors, UseFormRegisterReturn } from 'react-hook-form';
import { z } from 'zod';
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

/** Server field names (`bestInterests.childsViews`) → the form's names, for applyServerErrors. */
export const BEST_INTERESTS_FIELD_NAMES = BEST_INTERESTS_PARTS.map((p) => `bestInterests.${p}` as const);

type Registrar = (name: `bestInterests.${BestInterestsPart | 'notHeard'}`) => UseFormRegisterReturn;

export function BestInterestsFieldset({
  idPrefix,
  register,
  errors,
  notHeard,
  childLanguages,
}: {
  readonly idPrefix: string;
  /** `(name) => form.register(name)` of a form whose values hold `bestInterests: BestInterestsFormValues`. */
  readonly register: Registrar;
  readonly errors: FieldErrors<BestInterestsFormValues> | undefined;
  /** Whether "the child was not heard" is ticked (watch it in the parent form). */
  readonly notHeard: boolean;
  /** The child's languages, shown as a reminder of the interpreter need. */
  readonly childLanguages?: readonly string[];
}) {
  const { t } = useI18n();
  const id = (part: string) => `${idPrefix}-bi-${part}`;
  const err = (part: keyof BestInterestsFormValues) => fieldErrorText(t, errors?.[part]);
  return (
    <fieldset className="fieldset best-interests">
      <legend>{t('bestInterests.legend')}</legend>
      <p className="hint">{t('bestInterests.intro')}</p>
      <fieldset className="field fieldset" aria-describedby={err('rightsConcerned') === undefined ? undefined : `${id('rights')}-error`}>
        <legend>{t('bestInterests.rightsConcerned')}</legend>
        {err('rightsConcerned') !== undefined && (
          <p id={`${id('rights')}-error`} className="field-error">
            {err('rightsConcerned')}
          </p>
        )}
        <div className="checks checks--columns">
          {CRC_RIGHTS.map((right, index) => (
            <div className="check" key={right}>
              <input id={`${id('rights')}-${index}`} type="checkbox" value={right} {...register('bestInterests.rightsConcerned')} />
              <label htmlFor={`${id('rights')}-${index}`}>{right}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextAreaField id={id('known')} label={t('bestInterests.whatIsKnown')} hint={t('bestInterests.whatIsKnownHint')} error={err('whatIsKnown')} registration={register('bestInterests.whatIsKnown')} rows={3} />
      <CheckboxField id={id('notHeard')} label={t('bestInterests.notHeard')} error={undefined} registration={register('bestInterests.notHeard')} />
      {notHeard ? (
        <TextAreaField id={id('notHeardReason')} label={t('bestInterests.notHeardReason')} hint={t('bestInterests.notHeardReasonHint')} error={err('notHeardReason')} registration={register('bestInterests.notHeardReason')} rows={2} />
      ) : (
        <>
          {childLanguages !== undefined && childLanguages.length > 0 && (
            <p className="notice notice--info">{t('bestInterests.languages', { languages: childLanguages.join(', ') })}</p>
          )}
          <TextAreaField id={id('views')} label={t('bestInterests.childsViews')} hint={t('bestInterests.childsViewsHint')} error={err('childsViews')} registration={register('bestInterests.childsViews')} rows={3} />
          <TextField id={id('language')} label={t('bestInterests.childsViewsLanguage')} error={err('childsViewsLanguage')} registration={register('bestInterests.childsViewsLanguage')} width="medium" />
        </>
      )}
      <TextAreaField id={id('weighed')} label={t('bestInterests.howWeighed')} hint={t('bestInterests.howWeighedHint')} error={err('howWeighed')} registration={register('bestInterests.howWeighed')} rows={3} />
      {!notHeard && (
        <>
          <TextAreaField id={id('feedback')} label={t('bestInterests.feedbackToChild')} error={err('feedbackToChild')} registration={register('bestInterests.feedbackToChild')} rows={2} />
          <TextField id={id('feedbackOn')} type="date" label={t('bestInterests.feedbackGivenOn')} error={err('feedbackGivenOn')} registration={register('bestInterests.feedbackGivenOn')} width="short" />
        </>
      )}
    </fieldset>
  );
}
