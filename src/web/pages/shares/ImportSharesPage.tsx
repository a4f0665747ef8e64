/** Import decided shares: a CSV "kommunkod,promille" with all 290 codes summing to 1000, valid from a date. */
import type { Created } from '../../api/allocation-types.ts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { ImportSharesSchema, type ImportSharesInput } from '../../schemas-allocation.ts';
import { CsvFileInput } from './CsvFileInput.tsx';
import { LineProblems, lineProblems, type LineProblem } from './LineProblems.tsx';
import { SharesTabs } from './SharesTabs.tsx';

const NAMES = ['validFrom', 'note', 'csv'] as const;
const FIELDS = [
  { name: 'validFrom', id: 'import-validFrom', label: 'shares.validFrom' },
  { name: 'note', id: 'import-note', label: 'shares.note' },
  { name: 'csv', id: 'import-csv', label: 'shares.csv' },
] as const;

export function ImportSharesPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<LineProblem[] | null>(null);
  const form = useForm<ImportSharesInput>({
    resolver: zodResolver(ImportSharesSchema),
    shouldFocusError: false,
    defaultValues: { validFrom: '', note: '', csv: '' },
  });
  const feedback = useFormFeedback(form.setError, NAMES);
  const save = useMutation({
    mutationFn: (values: ImportSharesInput) => apiPost<Created>('/api/allocation/shares', values),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['share-versions'] });
      await navigate({ to: '/andelar/$versionId', params: { versionId: created.id } });
    },
    onError: (error) => {
      const found = lineProblems(error);
      setProblems(found);
      if (found === null) {
        feedback.onServerError(error);
        return;
      }
      form.setError('csv', { type: 'invalid_csv', message: 'invalid_csv' });
      feedback.onInvalid();
    },
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    setProblems(null);
    save.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <Page title={t('import.title')}>
      <p className="lead">{t('import.intro')}</p>
      <SharesTabs />
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
        <TextField
          id={FIELDS[0].id}
          type="date"
          width="medium"
          label={t('shares.validFrom')}
          hint={t('import.validFromHint')}
          error={fieldErrorText(t, errors.validFrom)}
          registration={form.register('validFrom')}
        />
        <TextField
          id={FIELDS[1].id}
          label={t('shares.note')}
          error={fieldErrorText(t, errors.note)}
          registration={form.register('note')}
        />
        <CsvFileInput
          id="import-file"
          label={t('shares.file')}
          onText={(text) => form.setValue('csv', text, { shouldDirty: true })}
        />
        <TextAreaField
          id={FIELDS[2].id}
          rows={10}
          label={t('shares.csv')}
          hint={t('import.csvHint')}
          error={fieldErrorText(t, errors.csv)}
          registration={form.register('csv')}
        />
        {problems !== null && <LineProblems id="import-problems" problems={problems} />}
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('form.sending') : t('import.submit')}
        </button>
      </form>
    </Page>
  );
}
