/** A referral after the health examination: where to and when — never why (there is no field for it). */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { afterCaseChange, childPath, healthKey } from '../../api/placement-queries.ts';
import { REFERRAL_DESTINATIONS, type HealthView } from '../../api/placement-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { ReferralSchema, type ReferralValues } from '../../schemas-placement.ts';
import { isStale, sectionError } from './shared.tsx';

const FIELDS = [
  { name: 'to', id: 'health-referral-to', label: 'health.field.referralTo' },
  { name: 'on', id: 'health-referral-on', label: 'health.field.referralOn' },
] as const;

export function ReferralForm({
  childId,
  view,
  onDone,
}: {
  readonly childId: string;
  readonly view: HealthView;
  readonly onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<ReferralValues>({
    resolver: zodResolver(ReferralSchema),
    shouldFocusError: false,
    defaultValues: { on: todayInSweden() },
  });
  const feedback = useFormFeedback(form.setError, ['to', 'on'], (name) =>
    name === 'occurredOn' ? 'on' : name,
  );
  const send = useMutation({
    mutationFn: (values: ReferralValues) =>
      apiPost<HealthView>(childPath('health/referrals', childId), {
        ...values,
        expectedVersion: view.version,
      }),
    onSuccess: (next) => {
      afterCaseChange(queryClient, healthKey(childId), childId, next);
      onDone(t('health.done.referral'));
    },
    onError: (error) => {
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey: healthKey(childId) });
      feedback.onServerError(sectionError(error));
    },
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
