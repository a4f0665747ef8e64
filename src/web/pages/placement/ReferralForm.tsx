/** A referral after the health examination: where to and when — never why (there is no field for it). */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useCaseStep, type CaseStep } from '../../api/case-steps.ts';
import { healthKey } from '../../api/placement-queries.ts';
import { REFERRAL_DESTINATIONS, type HealthView } from '../../api/placement-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { ReferralSchema, type ReferralValues } from '../../schemas-placement.ts';

const FIELDS = [
  { name: 'to', id: 'health-referral-to', label: 'health.field.referralTo' },
  { name: 'on', id: 'health-referral-on', label: 'health.field.referralOn' },
] as const;

export function ReferralForm({
  childId,
  view,
  step,
  onDone,
}: {
  readonly childId: string;
  readonly view: HealthView;
  /** The step as the server offers it: the route and what it needs. */
  readonly step: CaseStep;
  readonly onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const form = useForm<ReferralValues>({
    resolver: zodResolver(ReferralSchema),
    shouldFocusError: false,
    defaultValues: { on: todayInSweden() },
  });
  const feedback = useFormFeedback(form.setError, ['to', 'on'], (name) =>
    name === 'occurredOn' ? 'on' : name,
  );
  const send = useCaseStep<HealthView>({
    childId,
    step,
    version: view.version,
    queryKey: healthKey(childId),
    onDone: () => onDone(t('health.done.referral')),
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="health-referral-title">
      <h3 id="health-referral-title">{t('health.action.referral')}</h3>
      <p className="hint">{t('health.referralHint')}</p>
      <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
      <SelectField
        id={FIELDS[0].id}
        label={t('health.field.referralTo')}
        error={fieldErrorText(t, errors.to)}
        registration={form.register('to')}
      >
        <option value="">{t('health.chooseDestination')}</option>
        {REFERRAL_DESTINATIONS.map((d) => (
          <option key={d} value={d}>
            {t(`health.referral.${d}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={FIELDS[1].id}
        type="date"
        width="short"
        label={t('health.field.referralOn')}
        error={fieldErrorText(t, errors.on)}
        registration={form.register('on')}
      />
      <button type="submit" className="button button--primary" disabled={send.isPending}>
        {send.isPending ? t('form.sending') : t('health.submit.referral')}
      </button>
    </form>
  );
}
