/**
 * The guardianship authority ends the assignment: by its decision (a parent can take custody, the child left Sweden for
 * good, no longer needed — with the best-interests record), or records an end that followed from law (18, an age
 * change) — no decision, but always a record.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useCaseStep, type CaseStep } from '../../api/case-steps.ts';
import {
  END_BY_DECISION_REASONS,
  RECORDED_BY_LAW_REASONS,
  type GuardianshipAction,
  type GuardianshipView,
} from '../../api/guardianship-types.ts';
import {
  BestInterestsFieldset,
  EMPTY_BEST_INTERESTS,
  toBestInterestsBody,
} from '../../components/form/BestInterestsFieldset.tsx';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, TextField } from '../../components/form/fields.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { EndSchema, type EndInput } from '../../schemas-guardianship.ts';
import {
  BEST_INTERESTS_PATHS,
  bestInterestsSummary,
  flatErrors,
  guardianshipStep,
  useStepFeedback,
} from './form-kit.ts';

const ID = 'gs-end';
const byLaw = (reason: string) => (RECORDED_BY_LAW_REASONS as readonly string[]).includes(reason);

export function EndForm({
  childId,
  step,
  view,
  onDone,
}: {
  readonly childId: string;
  /** The end by decision or by law, as the view offers it: the reasons it takes. */
  readonly step: CaseStep<GuardianshipAction>;
  readonly view: GuardianshipView;
  readonly onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const form = useForm<EndInput>({
    resolver: zodResolver(EndSchema),
    shouldFocusError: false,
    defaultValues: { endedOn: todayInSweden(), bestInterests: EMPTY_BEST_INTERESTS },
  });
  const feedback = useStepFeedback(form.setError, ['reason', 'endedOn', ...BEST_INTERESTS_PATHS], {
    occurredOn: 'endedOn',
  });
  const send = useCaseStep({
    childId,
    step,
    version: view.version,
    ...guardianshipStep(childId),
    onDone: () => onDone(t('guardianship.endForm.done')),
    onError: feedback.onServerError,
  });
  const choices = step.action === 'end_by_law' ? RECORDED_BY_LAW_REASONS : END_BY_DECISION_REASONS;
  const reason = useWatch({ control: form.control, name: 'reason' });
  const notHeard = useWatch({ control: form.control, name: 'bestInterests.notHeard' });
  const decision = reason !== undefined && !byLaw(reason);
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    const law = byLaw(values.reason);
    send.mutate({
      kind: law ? 'by_law' : 'by_decision',
      reason: values.reason,
      endedOn: values.endedOn,
      ...(law ? {} : { bestInterests: toBestInterestsBody(values.bestInterests) }),
    });
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const fields = [
    { name: 'reason', id: `${ID}-reason`, label: 'guardianship.endForm.reason' },
    { name: 'endedOn', id: `${ID}-endedOn`, label: 'guardianship.endForm.endedOn' },
    ...(decision ? bestInterestsSummary(ID) : []),
  ] as const;
  return (
    <section aria-labelledby={`${ID}-title`} className="card guardianship-step">
      <h3 id={`${ID}-title`}>{t('guardianship.endForm.title')}</h3>
      <p className="hint">{t('guardianship.endForm.intro')}</p>
      <form onSubmit={submit} noValidate className="form form--wide">
        <ErrorSummary
          errors={flatErrors(errors)}
          fields={fields}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <RadioGroupField
          id={fields[0].id}
          label={t('guardianship.endForm.reason')}
          error={fieldErrorText(t, errors.reason)}
          registration={form.register('reason')}
          options={choices.map((c) => ({
            value: c,
            label: byLaw(c)
              ? `${t(`guardianship.end.${c}`)} (${t('guardianship.endForm.byLaw')})`
              : t(`guardianship.end.${c}`),
          }))}
        />
        <TextField
          id={fields[1].id}
          type="date"
          width="medium"
          label={t('guardianship.endForm.endedOn')}
          error={fieldErrorText(t, errors.endedOn)}
          registration={form.register('endedOn')}
        />
        {decision && (
          <BestInterestsFieldset
            idPrefix={ID}
            register={(name) => form.register(name)}
            errors={errors.bestInterests}
            notHeard={notHeard}
            childLanguages={view.languages}
            carry={{
              childId,
              get: () => form.getValues('bestInterests'),
              set: (values) => form.setValue('bestInterests', values, { shouldDirty: true }),
            }}
          />
        )}
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? t('form.sending') : t('guardianship.endForm.submit')}
        </button>
      </form>
    </section>
  );
}
