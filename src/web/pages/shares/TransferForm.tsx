/**
 * A transfer within a county (omfördelning): one municipality hands part or all of its share to another in the same
 * county for the year; the county's total is unchanged. Who decided is recorded. The result is a new version.
 */
import type { Created } from '../../api/allocation-types.ts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useForm, useWatch } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { MunicipalityOptions } from '../../components/MunicipalityOptions.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { TransferSchema, type TransferInput, type TransferOutput } from '../../schemas-allocation.ts';

const NAMES = ['fromCode', 'toCode', 'promille', 'decidedBy', 'note'] as const;
const FIELDS = [
  { name: 'fromCode', id: 'transfer-fromCode', label: 'transfer.from' },
  { name: 'toCode', id: 'transfer-toCode', label: 'transfer.to' },
  { name: 'promille', id: 'transfer-promille', label: 'transfer.promille' },
  { name: 'decidedBy', id: 'transfer-decidedBy', label: 'transfer.decidedBy' },
  { name: 'note', id: 'transfer-note', label: 'transfer.note' },
] as const;

export function TransferForm({
  versionId,
  shareOf,
}: {
  readonly versionId: string;
  /** The per mille a municipality holds in this version. */
  readonly shareOf: (code: string) => number;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<TransferInput, unknown, TransferOutput>({
    resolver: zodResolver(TransferSchema),
    shouldFocusError: false,
    defaultValues: { fromCode: '', toCode: '', promille: '', decidedBy: '', note: '' },
  });
  const feedback = useFormFeedback(form.setError, NAMES);
  const from = useWatch({ control: form.control, name: 'fromCode' });
  const transfer = useMutation({
    mutationFn: ({ decidedBy, note, ...one }: TransferOutput) =>
      apiPost<Created>(`/api/allocation/shares/${encodeURIComponent(versionId)}/transfers`, {
        transfers: [one],
        decidedBy,
        note,
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['share-versions'] });
      await navigate({ to: '/andelar/$versionId', params: { versionId: created.id } });
    },
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    if (values.promille > shareOf(values.fromCode)) {
      form.setError('promille', { type: 'more_than_share', message: 'more_than_share' });
      feedback.onInvalid();
      return;
    }
    transfer.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const err = (name: (typeof NAMES)[number]) => fieldErrorText(t, errors[name]);
  return (
    <section aria-labelledby="transfer-title" className="section">
      <h2 id="transfer-title">{t('transfer.title')}</h2>
      <p>{t('transfer.intro')}</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
        <SelectField
          id={FIELDS[0].id}
          label={t('transfer.from')}
          error={err('fromCode')}
          registration={form.register('fromCode')}
        >
          <option value="">{t('register.chooseMunicipality')}</option>
          <MunicipalityOptions />
        </SelectField>
        <SelectField
          id={FIELDS[1].id}
          label={t('transfer.to')}
          hint={t('transfer.toHint')}
          error={err('toCode')}
          registration={form.register('toCode')}
        >
          <option value="">{t('register.chooseMunicipality')}</option>
          {from !== '' && <MunicipalityOptions county={from.slice(0, 2)} exclude={from} />}
        </SelectField>
        <TextField
          id={FIELDS[2].id}
          label={t('transfer.promille')}
          hint={from === '' ? undefined : t('transfer.promilleHint', { value: shareOf(from) })}
          inputMode="numeric"
          width="short"
          error={err('promille')}
          registration={form.register('promille')}
        />
        <TextField
          id={FIELDS[3].id}
          label={t('transfer.decidedBy')}
          hint={t('transfer.decidedByHint')}
          error={err('decidedBy')}
          registration={form.register('decidedBy')}
        />
        <TextField
          id={FIELDS[4].id}
          label={t('transfer.note')}
          error={err('note')}
          registration={form.register('note')}
        />
        <button type="submit" className="button button--primary" disabled={transfer.isPending}>
          {transfer.isPending ? t('form.sending') : t('transfer.submit')}
        </button>
      </form>
    </section>
  );
}
