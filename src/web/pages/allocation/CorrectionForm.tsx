/** A correction: a new decision that supersedes this one with a reason (never an edit of the record). */
import type { CorrectionRecorded } from '../../api/allocation-types.ts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextAreaField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { MunicipalityOptions } from '../../components/MunicipalityOptions.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { CorrectionSchema, type CorrectionInput } from '../../schemas-allocation.ts';

const FIELDS = [
  { name: 'municipalityCode', id: 'correct-municipalityCode', label: 'correct.municipality' },
  { name: 'reason', id: 'correct-reason', label: 'correct.reason' },
] as const;

export function CorrectionForm({
  decisionId,
  currentCode,
}: {
  readonly decisionId: string;
  readonly currentCode: string;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<CorrectionInput>({
    resolver: zodResolver(CorrectionSchema),
    shouldFocusError: false,
    defaultValues: { municipalityCode: '', reason: '' },
  });
  const feedback = useFormFeedback(form.setError, ['municipalityCode', 'reason']);
  const correct = useMutation({
    mutationFn: (values: CorrectionInput) =>
      apiPost<CorrectionRecorded>(
        `/api/allocation/decisions/${encodeURIComponent(decisionId)}/correction`,
        values,
      ),
    onSuccess: async (created) => {
      for (const key of ['allocation-decisions', 'allocation-queue', 'allocation-figures']) {
        void queryClient.invalidateQueries({ queryKey: [key] });
      }
      await navigate({ to: '/anvisning/beslut/$decisionId', params: { decisionId: created.id } });
    },
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    correct.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <section aria-labelledby="correct-title" className="section no-print">
      <h2 id="correct-title">{t('correct.title')}</h2>
      <p>{t('correct.intro')}</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
        <SelectField
          id={FIELDS[0].id}
          label={t('correct.municipality')}
          error={fieldErrorText(t, errors.municipalityCode)}
          registration={form.register('municipalityCode')}
        >
          <option value="">{t('register.chooseMunicipality')}</option>
          <MunicipalityOptions exclude={currentCode} />
        </SelectField>
        <TextAreaField
          id={FIELDS[1].id}
          rows={4}
          label={t('correct.reason')}
          hint={t('correct.reasonHint')}
          error={fieldErrorText(t, errors.reason)}
          registration={form.register('reason')}
        />
        <button type="submit" className="button button--warning" disabled={correct.isPending}>
          {correct.isPending ? t('form.sending') : t('correct.submit')}
        </button>
      </form>
    </section>
  );
}
