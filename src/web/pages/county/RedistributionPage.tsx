/**
 * The county's side of the yearly share cycle (issue 13 point 2): its municipalities' shares in the latest version of
 * the year (the Agency's proposal or its decision), the proposals the county has made and what the Agency decided,
 * and a form to propose a redistribution (omfördelning) — one or more transfers within the county, and what the
 * dialogue with the municipalities concluded. The server checks the rules and names the one a row breaks.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { useCountyShares } from '../../api/county-queries.ts';
import type { CountyShares, Redistribution } from '../../api/county-types.ts';
import { RepeatedFieldsets } from '../../components/form/RepeatedFieldsets.tsx';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading, Success } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import {
  RedistributionForm,
  type RedistributionFormInput,
  type RedistributionFormOutput,
} from '../../schemas-county.ts';

export function ProposalList({ proposals }: { readonly proposals: readonly Redistribution[] }) {
  const { t, dateTime } = useI18n();
  if (proposals.length === 0) return <p>{t('redistribution.none')}</p>;
  return (
    <ul className="plain-list">
      {proposals.map((p) => (
        <li key={p.id} className="card">
          <h3 id={`proposal-${p.id}-title`}>
            {t('redistribution.proposalTitle', { county: p.countyName, year: p.year })} –{' '}
            {t(`redistribution.status.${p.status}`)}
          </h3>
          <ul>
            {p.transfers.map((tr) => (
              <li key={`${tr.fromCode}-${tr.toCode}`}>
                {t('redistribution.transferLine', {
                  from: tr.fromName,
                  to: tr.toName,
                  promille: tr.promille,
                })}
              </li>
            ))}
          </ul>
          <p>
            <strong>{t('redistribution.dialogue')}:</strong> {p.dialogue}
          </p>
          <p className="hint">
            {t('redistribution.proposedBy', { name: p.proposedBy, at: dateTime(p.proposedAt) })}
          </p>
          {p.decidedAt !== null && (
            <p>
              {t('redistribution.decidedBy', { name: p.decidedBy ?? '', at: dateTime(p.decidedAt) })}{' '}
              {p.decisionNote}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

function ProposeForm({ view, onSent }: { readonly view: CountyShares; readonly onSent: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<RedistributionFormInput, unknown, RedistributionFormOutput>({
    resolver: zodResolver(RedistributionForm),
    shouldFocusError: false,
    defaultValues: { dialogue: '', transfers: [{ fromCode: '', toCode: '', promille: '' }] },
  });
  const rows = useFieldArray({ control: form.control, name: 'transfers' });
  const names = rows.fields.flatMap((_, i) =>
    (['fromCode', 'toCode', 'promille'] as const).map((f) => `transfers.${i}.${f}` as const),
  );
  const feedback = useFormFeedback(form.setError, [...names, 'dialogue']);
  const propose = useMutation({
    mutationFn: (values: RedistributionFormOutput) =>
      apiPost<CountyShares>('/api/county/redistributions', { ...values, year: view.year }),
    onSuccess: async () => {
      onSent();
      await queryClient.invalidateQueries({ queryKey: ['county-shares'] });
    },
    onError: feedback.onServerError,
  });
  const errors = form.formState.errors;
  const rowError = (i: number, f: 'fromCode' | 'toCode' | 'promille') => {
    return fieldErrorText(t, errors.transfers?.[i]?.[f]);
  };
  const flat = Object.fromEntries(
    rows.fields.flatMap((_, i) =>
      (['fromCode', 'toCode', 'promille'] as const).map((f) => [
        `transfers.${i}.${f}`,
        errors.transfers?.[i]?.[f],
      ]),
    ),
  );
  const summary: SummaryField[] = rows.fields.flatMap((_, i) =>
    (['fromCode', 'toCode', 'promille'] as const).map((f) => ({
      name: `transfers.${i}.${f}`,
      id: `transfer-${i}-${f}`,
      label: `redistribution.${f}` as const,
    })),
  );
  return (
    <section aria-labelledby="propose-title" className="section">
      <h2 id="propose-title">{t('redistribution.propose', { year: view.year })}</h2>
      <p>{t('redistribution.rules')}</p>
      <form
        noValidate
        className="form"
        onSubmit={form.handleSubmit((values) => {
          feedback.clear();
          propose.mutate(values);
        }, feedback.onInvalid)}
      >
        <ErrorSummary
          errors={{ ...flat, dialogue: errors.dialogue }}
          fields={[
            ...summary,
            { name: 'dialogue', id: 'redistribution-dialogue', label: 'redistribution.dialogue' },
          ]}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <RepeatedFieldsets
          rows={rows.fields}
          legend={(n) => t('redistribution.row', { n })}
          addLabel={t('redistribution.addRow')}
          onAdd={() => rows.append({ fromCode: '', toCode: '', promille: '' })}
          removeLabel={(n) => t('redistribution.removeRow', { n })}
          onRemove={(i) => rows.remove(i)}
        >
          {(i) => (
            <>
              <SelectField
                id={`transfer-${i}-fromCode`}
                label={t('redistribution.fromCode')}
                error={rowError(i, 'fromCode')}
                registration={form.register(`transfers.${i}.fromCode`)}
              >
                <option value="">{t('register.chooseMunicipality')}</option>
                {view.municipalities.map((m) => (
                  <option key={m.code} value={m.code}>
                    {t('redistribution.option', { name: m.name, promille: m.promille })}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={`transfer-${i}-toCode`}
                label={t('redistribution.toCode')}
                error={rowError(i, 'toCode')}
                registration={form.register(`transfers.${i}.toCode`)}
              >
                <option value="">{t('register.chooseMunicipality')}</option>
                {view.municipalities.map((m) => (
                  <option key={m.code} value={m.code}>
                    {t('redistribution.option', { name: m.name, promille: m.promille })}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`transfer-${i}-promille`}
                label={t('redistribution.promille')}
                inputMode="numeric"
                width="short"
                error={rowError(i, 'promille')}
                registration={form.register(`transfers.${i}.promille`)}
              />
            </>
          )}
        </RepeatedFieldsets>
        <TextAreaField
          id="redistribution-dialogue"
          label={t('redistribution.dialogue')}
          hint={t('redistribution.dialogueHint')}
          error={fieldErrorText(t, errors.dialogue)}
          registration={form.register('dialogue')}
        />
        <button type="submit" className="button button--primary" disabled={propose.isPending}>
          {propose.isPending ? t('form.sending') : t('redistribution.submit')}
        </button>
      </form>
    </section>
  );
}

export function RedistributionPage() {
  const { t, number } = useI18n();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [sent, setSent] = useState(false);
  const shares = useCountyShares(year);
  // Loading and a failure are shown inside the page, under its heading (one h1 on every page).
  if (shares.isPending || shares.isError)
    return (
      <Page title={t('redistribution.title')}>
        {shares.isError ? <LoadError error={shares.error} /> : <Loading />}
      </Page>
    );
  const view = shares.data;
  return (
    <Page title={t('redistribution.title')}>
      <p>{t('redistribution.intro', { county: view.county.name })}</p>
      <div className="field">
        <label htmlFor="redistribution-year">{t('redistribution.year')}</label>
        <select
          id="redistribution-year"
          className="input input--short"
          value={view.year}
          onChange={(e) => setYear(Number(e.target.value))}
        >
          {[...new Set([view.year, ...view.years])].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <section aria-labelledby="shares-title" className="section">
        <h2 id="shares-title">{t('redistribution.shares', { year: view.year })}</h2>
        {view.version === null ? (
          <p>{t('redistribution.noShares')}</p>
        ) : (
          <>
            <p className="hint">
              {t('redistribution.version', { validFrom: view.version.validFrom, total: view.total })}
            </p>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('county.period.municipality')}</th>
                  <th scope="col" className="num">
                    {t('county.period.share')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.municipalities.map((m) => (
                  <tr key={m.code}>
                    <th scope="row">{m.name}</th>
                    <td className="num">{number(m.promille)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section aria-labelledby="proposals-title" className="section">
        <h2 id="proposals-title">{t('redistribution.proposals')}</h2>
        <ProposalList proposals={view.proposals} />
      </section>
      {sent && <Success>{t('redistribution.sent')}</Success>}
      {view.mayPropose ? (
        <ProposeForm key={view.year} view={view} onSent={() => setSent(true)} />
      ) : (
        view.version !== null && <p>{t('redistribution.pending')}</p>
      )}
    </Page>
  );
}
