/**
 * The Agency's answer to one report of a missing schablon (ADR 0035): accept it (a supplementary payout of what is
 * owed, on a day) or reject it with a reason. Neither is chosen beforehand: an acceptance pays out money.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { MISSING_SCHABLON_REJECTIONS } from '../../../domain/compensation/payouts.ts';
import { apiPost } from '../../api/client.ts';
import { PAYOUT_KEY } from '../../api/payout-queries.ts';
import type { MissingSchablonReport } from '../../api/payout-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';

/**
 * The form's own schema: the date only when accepted, the reason only when rejected (the server checks the same).
 * No answer is chosen beforehand: an acceptance pays out money, so it takes an explicit choice.
 */
const AnswerForm = z.object({
  outcome: z
    .union([z.literal(''), z.enum(['accepted', 'rejected'])])
    .pipe(z.enum(['accepted', 'rejected'], { error: 'answer_required' })),
  paidOn: z.string().trim(),
  reason: z.string(),
  text: z.string().trim().max(2000, 'too_big'),
});
type AnswerInput = z.input<typeof AnswerForm>;
type AnswerOutput = z.output<typeof AnswerForm>;

export function AnswerFormFor({
  report,
  onAnswered,
}: {
  readonly report: MissingSchablonReport;
  readonly onAnswered: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const id = `answer-${report.id}`;
  const fields: readonly SummaryField[] = [
    { name: 'outcome', id: `${id}-outcome`, label: 'missingSchablon.outcome' },
    { name: 'paidOn', id: `${id}-paidOn`, label: 'payouts.paidOn' },
    { name: 'reason', id: `${id}-reason`, label: 'missingSchablon.rejectionReason' },
    { name: 'text', id: `${id}-text`, label: 'missingSchablon.answerText' },
  ];
  const form = useForm<AnswerInput, unknown, AnswerOutput>({
    resolver: zodResolver(AnswerForm),
    shouldFocusError: false,
    defaultValues: { outcome: '', paidOn: todayInSweden(), reason: '', text: '' },
  });
  const feedback = useFormFeedback(form.setError, ['outcome', 'paidOn', 'reason', 'text']);
  const answer = useMutation({
    mutationFn: (values: AnswerOutput) =>
      apiPost<MissingSchablonReport>(
        `/api/compensation/missing-schablon-reports/${encodeURIComponent(report.id)}/answer`,
        {
          outcome: values.outcome,
          paidOn: values.outcome === 'accepted' && values.paidOn !== '' ? values.paidOn : null,
          reason: values.outcome === 'rejected' && values.reason !== '' ? values.reason : null,
          text: values.text,
        },
      ),
    onSuccess: async () => {
      onAnswered();
      await queryClient.invalidateQueries({ queryKey: PAYOUT_KEY });
    },
    onError: feedback.onServerError,
  });
  const errors = form.formState.errors;
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  return (
    <form
      noValidate
      className="form"
      aria-labelledby={`${id}-title`}
      onSubmit={form.handleSubmit((values) => {
        feedback.clear();
        answer.mutate(values);
      }, feedback.onInvalid)}
    >
      <ErrorSummary errors={errors} fields={fields} general={feedback.general} attempt={feedback.attempt} />
      <RadioGroupField
        id={`${id}-outcome`}
        label={t('missingSchablon.outcome')}
        error={fieldErrorText(t, errors.outcome)}
        registration={form.register('outcome')}
        options={[
          { value: 'accepted', label: t('missingSchablon.outcome.accepted') },
          { value: 'rejected', label: t('missingSchablon.outcome.rejected') },
        ]}
      />
      {outcome === 'rejected' && (
        <SelectField
          id={`${id}-reason`}
          label={t('missingSchablon.rejectionReason')}
          error={fieldErrorText(t, errors.reason)}
          registration={form.register('reason')}
        >
          <option value="">{t('missingSchablon.chooseReason')}</option>
          {MISSING_SCHABLON_REJECTIONS.map((r) => (
            <option key={r} value={r}>
              {t(`missingSchablon.reason.${r}`)}
            </option>
          ))}
        </SelectField>
      )}
      {outcome === 'accepted' && (
        <TextField
          id={`${id}-paidOn`}
          type="date"
          width="short"
          label={t('payouts.paidOn')}
          hint={t('missingSchablon.paidOnHint')}
          error={fieldErrorText(t, errors.paidOn)}
          registration={form.register('paidOn')}
        />
      )}
      <TextAreaField
        id={`${id}-text`}
        label={t('missingSchablon.answerText')}
        hint={t('missingSchablon.answerTextHint')}
        error={fieldErrorText(t, errors.text)}
        registration={form.register('text')}
        rows={3}
      />
      <button type="submit" className="button button--primary" disabled={answer.isPending}>
        {answer.isPending ? t('form.sending') : t('missingSchablon.answer.send')}
      </button>
    </form>
  );
}
