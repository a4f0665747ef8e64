/** Ends the current placement with a reason and a date; absconding, leaving Sweden and reunification go on the list to report. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useCaseStep, type CaseStep } from '../../api/case-steps.ts';
import { placementsKey } from '../../api/placement-queries.ts';
import { PLACEMENT_END_REASONS, type PlacementView } from '../../api/placement-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { EndPlacementSchema, type EndPlacementValues } from '../../schemas-placement.ts';

const FIELDS = [
  { name: 'reason', id: 'placement-end-reason', label: 'placement.field.endReason' },
  { name: 'endDate', id: 'placement-end-endDate', label: 'placement.field.endDate' },
] as const;

export function EndPlacementForm({
  childId,
  view,
  step,
  onDone,
}: {
  readonly childId: string;
  readonly view: PlacementView;
  /** The step as the server offers it: the route and what it needs. */
  readonly step: CaseStep;
  readonly onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const form = useForm<EndPlacementValues>({
    resolver: zodResolver(EndPlacementSchema),
    shouldFocusError: false,
    defaultValues: { endDate: todayInSweden() },
  });
  const feedback = useFormFeedback(form.setError, ['reason', 'endDate'], (name) =>
    name === 'occurredOn' ? 'endDate' : name,
  );
  const send = useCaseStep<PlacementView>({
    childId,
    step,
    version: view.version,
    queryKey: placementsKey(childId),
    onDone: () => onDone(t('placement.done.end')),
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="placement-end-title">
      <h3 id="placement-end-title">{t('placement.action.end')}</h3>
      <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
      <RadioGroupField
        id={FIELDS[0].id}
        label={t('placement.field.endReason')}
        error={fieldErrorText(t, errors.reason)}
        registration={form.register('reason')}
        options={PLACEMENT_END_REASONS.map((r) => ({ value: r, label: t(`placement.endReason.${r}`) }))}
      />
      <p className="hint">{t('placement.endReportHint')}</p>
      <TextField
        id={FIELDS[1].id}
        type="date"
        width="short"
        label={t('placement.field.endDate')}
        error={fieldErrorText(t, errors.endDate)}
        registration={form.register('endDate')}
      />
      <button type="submit" className="button button--warning" disabled={send.isPending}>
        {send.isPending ? t('form.sending') : t('placement.submit.end')}
      </button>
    </form>
  );
}
