/**
 * A share proposal computed from inputs per municipality and a national forecast by the documented default formula;
 * every share comes with its explanation. Optionally saved as a version valid from a date.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { SharesProposal } from '../../api/allocation-types.ts';
import { apiPost } from '../../api/client.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { Announce, Success } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import type { MessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';
import {
  ProposeSharesSchema,
  type ProposeSharesInput,
  type ProposeSharesOutput,
} from '../../schemas-allocation.ts';
import { CsvFileInput } from './CsvFileInput.tsx';
import { LineProblems, lineProblems, type LineProblem } from './LineProblems.tsx';
import { ProposalResult } from './ProposalResult.tsx';
import { SharesTabs } from './SharesTabs.tsx';

const NAMES = [
  'csv',
  'forecast',
  'newlyArrived',
  'unaccompanied',
  'asylumDays',
  'arrivalDays',
  'save',
  'validFrom',
  'note',
] as const;
type Name = (typeof NAMES)[number];
const LABELS: Readonly<Record<Name, MessageKey>> = {
  csv: 'propose.csv',
  forecast: 'propose.forecast',
  newlyArrived: 'propose.weight.newlyArrived',
  unaccompanied: 'propose.weight.unaccompanied',
  asylumDays: 'propose.weight.asylumDays',
  arrivalDays: 'propose.weight.arrivalDays',
  save: 'propose.save',
  validFrom: 'shares.validFrom',
  note: 'shares.note',
};
const id = (name: Name) => `propose-${name}`;
const FIELDS = NAMES.map((name) => ({ name, id: id(name), label: LABELS[name] }));
const WEIGHTS = ['newlyArrived', 'unaccompanied', 'asylumDays', 'arrivalDays'] as const;
const rename = (field: string) => field.replace(/^weights\./, '').replace(/^save\./, '');

export function ProposeSharesPage() {
  const { t, tn } = useI18n();
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<LineProblem[] | null>(null);
  const form = useForm<ProposeSharesInput, unknown, ProposeSharesOutput>({
    resolver: zodResolver(ProposeSharesSchema),
    shouldFocusError: false,
    defaultValues: {
      csv: '',
      forecast: '',
      newlyArrived: '1000',
      unaccompanied: '1000',
      asylumDays: '1000',
      arrivalDays: '1000',
      save: false,
      validFrom: '',
      note: '',
    },
  });
  const feedback = useFormFeedback(form.setError, NAMES, rename);
  const saving = useWatch({ control: form.control, name: 'save' });
  const propose = useMutation({
    mutationFn: (v: ProposeSharesOutput) =>
      apiPost<SharesProposal>('/api/allocation/shares/proposal', {
        csv: v.csv,
        forecast: v.forecast,
        weights: {
          newlyArrived: v.newlyArrived,
          unaccompanied: v.unaccompanied,
          asylumDays: v.asylumDays,
          arrivalDays: v.arrivalDays,
        },
        save: v.save ? { validFrom: v.validFrom, note: v.note } : null,
      }),
    onSuccess: (result) => {
      if (result.savedVersionId !== null)
        void queryClient.invalidateQueries({ queryKey: ['share-versions'] });
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
    propose.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const err = (name: Name) => fieldErrorText(t, errors[name]);
  const number = (name: Name, hint?: string) => (
    <TextField
      id={id(name)}
      label={t(LABELS[name])}
      hint={hint}
      inputMode="numeric"
      width="short"
      error={err(name)}
      registration={form.register(name)}
    />
  );
  const saved = propose.data?.savedVersionId ?? null;
  return (
    <Page title={t('propose.title')}>
      <p className="lead">{t('propose.intro')}</p>
      <p>{t('propose.formula')}</p>
      <SharesTabs />
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
        <CsvFileInput
          id="propose-file"
          label={t('shares.file')}
          onText={(text) => form.setValue('csv', text, { shouldDirty: true })}
        />
        <TextAreaField
          id={id('csv')}
          rows={6}
          label={t('propose.csv')}
          hint={t('propose.csvHint')}
          error={err('csv')}
          registration={form.register('csv')}
        />
        {problems !== null && <LineProblems id="propose-problems" problems={problems} />}
        {number('forecast', t('propose.forecastHint'))}
        <fieldset className="fieldset group">
          <legend>{t('propose.weights')}</legend>
          <p className="hint">{t('propose.weightsHint')}</p>
          <div className="filters__row">
            {WEIGHTS.map((w) => (
              <div key={w}>{number(w)}</div>
            ))}
          </div>
        </fieldset>
        <CheckboxField
          id={id('save')}
          label={t('propose.save')}
          hint={t('propose.saveHint')}
          error={err('save')}
          registration={form.register('save')}
        />
        {saving && (
          <div className="conditional">
            <TextField
              id={id('validFrom')}
              type="date"
              width="medium"
              label={t('shares.validFrom')}
              error={err('validFrom')}
              registration={form.register('validFrom')}
            />
            <TextField
              id={id('note')}
              label={t('shares.note')}
              error={err('note')}
              registration={form.register('note')}
            />
          </div>
        )}
        <button type="submit" className="button button--primary" disabled={propose.isPending}>
          {propose.isPending ? t('form.sending') : t('propose.submit')}
        </button>
      </form>
      <Announce>
        {propose.data !== undefined && (
          <Success>
            <p>{tn('propose.done', propose.data.shares.length, { total: propose.data.total })}</p>
            {saved !== null && (
              <p>
                <Link to="/andelar/$versionId" params={{ versionId: saved }}>
                  {t('propose.savedLink')}
                </Link>
              </p>
            )}
          </Success>
        )}
      </Announce>
      {propose.data !== undefined && <ProposalResult proposal={propose.data} />}
    </Page>
  );
}
