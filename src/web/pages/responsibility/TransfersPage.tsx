/**
 * Transfers of responsibility the municipality is party to ("Överflyttningar"): requests it must answer (confirm or
 * decline on the child's page), requests it made and awaits, the answered ones; and a request to take over a child
 * another municipality is responsible for, named by its dossier number.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useResponsibilityRecord, useTransfers } from '../../api/responsibility-queries.ts';
import type { TransferRow } from '../../api/responsibility-types.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../../components/form/fields.tsx';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading, Success } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { TakeOverSchema, type TakeOverInput, type TakeOverOutput } from '../../schemas-responsibility.ts';
import { codeText, useStepFeedback } from './form-kit.ts';

function TransferTable({
  caption,
  rows,
}: {
  readonly caption: string;
  readonly rows: readonly TransferRow[];
}) {
  const { t, dateTime } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('children.col.dossier')}</th>
            <th scope="col">{t('children.col.name')}</th>
            <th scope="col">{t('responsibility.transfer.fromTo')}</th>
            <th scope="col">{t('responsibility.transfer.reason')}</th>
            <th scope="col">{t('responsibility.transfer.proposedFrom')}</th>
            <th scope="col">{t('responsibility.transfer.requestedAt')}</th>
            <th scope="col">{t('responsibility.transfer.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                {r.child === null ? (
                  (r.dossierNumber ?? '–')
                ) : (
                  <Link to="/barn/$childId" params={{ childId: r.child.id }}>
                    {r.child.dossierNumber}
                  </Link>
                )}
              </th>
              <td>
                {r.child === null ? (
                  r.dossierNumber !== null && r.status !== 'declined' && r.status !== 'withdrawn' ? (
                    t('responsibility.takeOver.hidden')
                  ) : (
                    t('responsibility.transfer.noLongerVisible')
                  )
                ) : (
                  <ChildName child={r.child} />
                )}
              </td>
              <td>
                {t('responsibility.handover.fromToValue', {
                  from: r.from?.name ?? t('responsibility.takeOver.responsibleHidden'),
                  to: r.to.name,
                })}
              </td>
              <td>{r.reason}</td>
              <td className="nowrap">{r.proposedFrom}</td>
              <td className="nowrap">
                {dateTime(r.requestedAt)}, {r.requestedByName}
              </td>
              <td>
                {codeText(t, 'responsibility.transferStatus', r.status)}
                {r.answerNote !== null && ` – ${r.answerNote}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TakeOverForm() {
  const { t } = useI18n();
  const id = 'takeover';
  const [done, setDone] = useState(false);
  const form = useForm<TakeOverInput, unknown, TakeOverOutput>({
    resolver: zodResolver(TakeOverSchema),
    shouldFocusError: false,
    defaultValues: { dossierNumber: '', birthDate: '', reason: '', proposedFrom: todayInSweden() },
  });
  // An unknown number and one the municipality may not ask for get the same answer (ADR 0016).
  const feedback = useStepFeedback(
    form.setError,
    ['dossierNumber', 'birthDate', 'reason', 'proposedFrom'],
    {},
    (code) => (code === 'not_found' ? t('responsibility.takeOver.notFound') : null),
  );
  const send = useResponsibilityRecord(
    '/api/transfers',
    () => {
      setDone(true);
      form.reset({ dossierNumber: '', birthDate: '', reason: '', proposedFrom: todayInSweden() });
    },
    feedback.onServerError,
  );
  const submit = form.handleSubmit((values) => {
    setDone(false);
    feedback.clear();
    send.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  const fields = [
    { name: 'dossierNumber', id: `${id}-dossier`, label: 'responsibility.takeOver.dossier' },
    { name: 'birthDate', id: `${id}-birth`, label: 'responsibility.takeOver.birthDate' },
    { name: 'reason', id: `${id}-reason`, label: 'responsibility.transfer.reason' },
    { name: 'proposedFrom', id: `${id}-from`, label: 'responsibility.transfer.proposedFrom' },
  ] as const;
  return (
    <section aria-labelledby={`${id}-title`} className="section">
      <h2 id={`${id}-title`}>{t('responsibility.takeOver.title')}</h2>
      <p className="hint">{t('responsibility.takeOver.intro')}</p>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={fields} general={feedback.general} attempt={feedback.attempt} />
        <Announce>
          {done && (
            <Success>
              <p>{t('responsibility.takeOver.done')}</p>
            </Success>
          )}
        </Announce>
        <TextField
          id={fields[0].id}
          inputMode="numeric"
          width="medium"
          label={t(fields[0].label)}
          error={fieldErrorText(t, errors.dossierNumber)}
          registration={form.register('dossierNumber')}
        />
        <TextField
          id={fields[1].id}
          type="date"
          width="medium"
          label={t(fields[1].label)}
          hint={t('responsibility.takeOver.birthDateHint')}
          error={fieldErrorText(t, errors.birthDate)}
          registration={form.register('birthDate')}
        />
        <TextAreaField
          id={fields[2].id}
          rows={3}
          label={t(fields[2].label)}
          hint={t('responsibility.transfer.reasonHint')}
          error={fieldErrorText(t, errors.reason)}
          registration={form.register('reason')}
        />
        <TextField
          id={fields[3].id}
          type="date"
          width="medium"
          label={t(fields[3].label)}
          error={fieldErrorText(t, errors.proposedFrom)}
          registration={form.register('proposedFrom')}
        />
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? t('form.sending') : t('responsibility.takeOver.submit')}
        </button>
      </form>
    </section>
  );
}

export function TransfersPage() {
  const { t, tn } = useI18n();
  const open = useTransfers('open');
  const answered = useTransfers('answered');
  const incoming = open.data?.filter((r) => r.relation === 'answerer') ?? [];
  const outgoing = open.data?.filter((r) => r.relation === 'requester') ?? [];
  return (
    <Page title={t('responsibility.transfers.title')}>
      <p className="lead">{t('responsibility.transfers.intro')}</p>
      {open.isPending && <Loading />}
      {open.isError && <LoadError error={open.error} />}
      {open.data !== undefined && (
        <>
          <section aria-labelledby="transfers-incoming" className="section">
            <h2 id="transfers-incoming">{t('responsibility.transfers.incoming')}</h2>
            <Announce>
              <p className="result-count">{tn('responsibility.transfers.incomingCount', incoming.length)}</p>
            </Announce>
            {incoming.length > 0 && (
              <TransferTable caption={t('responsibility.transfers.incomingCaption')} rows={incoming} />
            )}
          </section>
          <section aria-labelledby="transfers-outgoing" className="section">
            <h2 id="transfers-outgoing">{t('responsibility.transfers.outgoing')}</h2>
            {outgoing.length === 0 ? (
              <p>{t('responsibility.transfers.none')}</p>
            ) : (
              <TransferTable caption={t('responsibility.transfers.outgoingCaption')} rows={outgoing} />
            )}
          </section>
        </>
      )}
      <TakeOverForm />
      {answered.data !== undefined && answered.data.length > 0 && (
        <section aria-labelledby="transfers-answered" className="section">
          <h2 id="transfers-answered">{t('responsibility.transfers.answered')}</h2>
          <TransferTable caption={t('responsibility.transfers.answeredCaption')} rows={answered.data} />
        </section>
      )}
    </Page>
  );
}
