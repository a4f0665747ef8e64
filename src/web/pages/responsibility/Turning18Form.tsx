/**
 * Before the 18th birthday the municipality decides: continued responsibility (aftercare to at most the 21st birthday,
 * reported to the Migration Agency at least three weeks before the birthday) or the end of its responsibility on the
 * birthday. Both are decisions about the child with the best-interests record; the child is heard with an interpreter
 * in their language where needed.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useCaseStep, type CaseStep } from '../../api/case-steps.ts';
import type { ResponsibilityAction, Turning18 } from '../../api/responsibility-types.ts';
import {
  BestInterestsFieldset,
  EMPTY_BEST_INTERESTS,
  toBestInterestsBody,
} from '../../components/form/BestInterestsFieldset.tsx';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, TextField } from '../../components/form/fields.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { Turning18Schema, type Turning18Input, type Turning18Output } from '../../schemas-responsibility.ts';
import {
  BEST_INTERESTS_PATHS,
  bestInterestsSummary,
  flatErrors,
  responsibilityStep,
  useStepFeedback,
} from './form-kit.ts';

const ID = 'resp-18';

export function Turning18Form({
  childId,
  step,
  turning18,
  version,
  languages,
  onDone,
}: {
  readonly childId: string;
  /** Continued responsibility or its end, as the view offers it: both take the same route. */
  readonly step: CaseStep<ResponsibilityAction>;
  readonly turning18: Turning18;
  readonly version: number;
  readonly languages: readonly string[];
  readonly onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const form = useForm<Turning18Input, unknown, Turning18Output>({
    resolver: zodResolver(Turning18Schema),
    shouldFocusError: false,
    defaultValues: {
      // The step opened says which decision; the choice stays open.
      decision: step.action === 'end_responsibility' ? 'end' : 'continue',
      continuedUntil: turning18.birthday21,
      reportedOn: '',
      bestInterests: EMPTY_BEST_INTERESTS,
    },
  });
  const feedback = useStepFeedback(form.setError, [
    'decision',
    'continuedUntil',
    'reportedOn',
    ...BEST_INTERESTS_PATHS,
  ]);
  const decision = useWatch({ control: form.control, name: 'decision' });
  const notHeard = useWatch({ control: form.control, name: 'bestInterests.notHeard' });
  const send = useCaseStep({
    childId,
    step,
    version,
    ...responsibilityStep(childId),
    onDone: () => onDone(t('responsibility.turning18.done')),
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    const continuing = values.decision === 'continue';
    send.mutate({
      decision: values.decision,
      continuedUntil: continuing ? values.continuedUntil : null,
      reportedOn: continuing ? values.reportedOn : null,
      bestInterests: toBestInterestsBody(values.bestInterests),
    });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const fields = [
    { name: 'decision', id: `${ID}-decision`, label: 'responsibility.turning18.decision' },
    { name: 'continuedUntil', id: `${ID}-until`, label: 'responsibility.turning18.continuedUntil' },
    { name: 'reportedOn', id: `${ID}-reported`, label: 'responsibility.turning18.reportedOn' },
    ...bestInterestsSummary(ID),
  ] as const;
  return (
    <section aria-labelledby={`${ID}-title`} className="card responsibility-step">
      <h4 id={`${ID}-title`}>{t('responsibility.turning18.formTitle')}</h4>
      <p className="hint">
        {t('responsibility.turning18.formIntro', {
          birthday: turning18.birthday18,
          notice: turning18.noticeDue,
        })}
      </p>
      <form onSubmit={submit} noValidate className="form form--wide">
        <ErrorSummary
          errors={flatErrors(errors)}
          fields={fields}
          general={feedback.general}
          attempt={feedback.attempt}
          level={5}
        />
        <RadioGroupField
          id={fields[0].id}
          label={t(fields[0].label)}
          error={fieldErrorText(t, errors.decision)}
          registration={form.register('decision')}
          options={[
            { value: 'continue', label: t('responsibility.turning18.continue') },
            { value: 'end', label: t('responsibility.turning18.end', { birthday: turning18.birthday18 }) },
          ]}
        />
        {decision === 'continue' && (
          <div className="conditional">
            <TextField
              id={fields[1].id}
              type="date"
              width="medium"
              label={t(fields[1].label)}
              hint={t('responsibility.turning18.continuedUntilHint', { latest: turning18.birthday21 })}
              error={fieldErrorText(t, errors.continuedUntil)}
              registration={form.register('continuedUntil')}
            />
            <TextField
              id={fields[2].id}
              type="date"
              width="medium"
              label={t(fields[2].label)}
              hint={t('responsibility.turning18.reportedOnHint', { notice: turning18.noticeDue })}
              error={fieldErrorText(t, errors.reportedOn)}
              registration={form.register('reportedOn')}
            />
          </div>
        )}
        <BestInterestsFieldset
          idPrefix={ID}
          register={(name) => form.register(name)}
          errors={errors.bestInterests}
          notHeard={notHeard}
          childLanguages={languages}
          carry={{
            childId,
            get: () => form.getValues('bestInterests'),
            set: (values) => form.setValue('bestInterests', values, { shouldDirty: true }),
          }}
        />
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? t('form.sending') : t('responsibility.turning18.submit')}
        </button>
      </form>
    </section>
  );
}
