/**
 * The guardianship authority's side (ADR 0027): the county board's reports about the own authority, with their most
 * serious criticism and the follow-up actions still open or overdue; one report with the response form (the response
 * and the actions it commits to, with deadlines) and each action marked done.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from '@tanstack/react-router';
import { useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ResponseBody } from '../../../supervision/contract.ts';
import { useReport, useReports, useSupervisionStep } from '../../api/supervision-queries.ts';
import type { SupervisionReport } from '../../api/supervision-types.ts';
import { todayInSweden } from '../../dates.ts';
import { RepeatedFieldsets } from '../../components/form/RepeatedFieldsets.tsx';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { InspectionSummary } from './InspectionSummary.tsx';

export function ReportsPage() {
  const { t, tn } = useI18n();
  const reports = useReports();
  return (
    <Page title={t('supervision.reportsTitle')}>
      <p className="lead">{t('supervision.reportsIntro')}</p>
      {reports.isPending && <Loading />}
      {reports.isError && <LoadError error={reports.error} />}
      {reports.data !== undefined &&
        (reports.data.reports.length === 0 ? (
          <p>{t('supervision.noReports')}</p>
        ) : (
          <table className="table">
            <caption>{reports.data.authority.name}</caption>
            <thead>
              <tr>
                <th scope="col">{t('supervision.col.inspection')}</th>
                <th scope="col">{t('supervision.col.status')}</th>
                <th scope="col">{t('supervision.col.mostSerious')}</th>
                <th scope="col">{t('supervision.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.data.reports.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to="/tillsyn/rapporter/$inspectionId" params={{ inspectionId: r.id }}>
                      {t(`supervision.kind.${r.kind}`)} {r.year} ({r.reportSentOn ?? '–'})
                    </Link>
                  </th>
                  <td>{t(`supervision.state.${r.state}`)}</td>
                  <td>
                    {r.mostSerious === null
                      ? t('supervision.noCriticism')
                      : t(`supervision.level.${r.mostSerious}`)}
                  </td>
                  <td>
                    {tn('supervision.openActions', r.openActions)}
                    {r.overdueActions > 0 && (
                      <>
                        <br />
                        <strong>{tn('supervision.overdueActions', r.overdueActions)}</strong>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </Page>
  );
}

export function ReportPage({ inspectionId }: { readonly inspectionId: string }) {
  const { t } = useI18n();
  const report = useReport(inspectionId);
  return (
    <Page title={t('supervision.reportTitle')}>
      <p>
        <Link to="/tillsyn/rapporter">{t('supervision.backToReports')}</Link>
      </p>
      {report.isPending && <Loading />}
      {report.isError && <LoadError error={report.error} />}
      {report.data !== undefined && (
        <>
          <InspectionSummary inspection={report.data} />
          {report.data.steps.includes('record_action_done') && <ActionsDone report={report.data} />}
          {report.data.steps.includes('record_response') && <ResponseForm report={report.data} />}
        </>
      )}
    </Page>
  );
}

function ActionsDone({ report }: { readonly report: SupervisionReport }) {
  const { t } = useI18n();
  const open = report.actions.filter((a) => a.doneOn === null);
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="actions-done-title">
      <h2 id="actions-done-title">{t('supervision.markDone')}</h2>
      <ul className="plain-list">
        {open.map((a) => (
          <li key={a.id}>
            {a.description} <ActionDoneButton reportId={report.id} actionId={a.id} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActionDoneButton({ reportId, actionId }: { readonly reportId: string; readonly actionId: string }) {
  const { t } = useI18n();
  const step = useSupervisionStep<{ doneOn: string }>(
    'report',
    reportId,
    `actions/${encodeURIComponent(actionId)}/done`,
  );
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={step.isPending}
        onClick={() => step.mutate({ doneOn: todayInSweden() })}
      >
        {t('supervision.doneToday')}
      </button>
      {step.isError && <LoadError error={step.error} />}
    </>
  );
}

function ResponseForm({ report }: { readonly report: SupervisionReport }) {
  const { t } = useI18n();
  type Input = z.input<typeof ResponseBody>;
  const form = useForm<Input, unknown, z.output<typeof ResponseBody>>({
    resolver: zodResolver(ResponseBody),
    shouldFocusError: false,
    defaultValues: { respondedOn: todayInSweden(), response: '', actions: [] },
  });
  const actions = useFieldArray({ control: form.control, name: 'actions' });
  const names = ['respondedOn', 'response', 'actions'] as const;
  const feedback = useFormFeedback(form.setError, names);
  const step = useSupervisionStep<z.output<typeof ResponseBody>>('report', report.id, 'response', {
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    step.mutate(v);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="response-form-title">
      <h2 id="response-form-title">{t('supervision.respond')}</h2>
      <ErrorSummary
        errors={errors}
        fields={[
          { name: 'respondedOn', id: 'response-date', label: 'supervision.field.date' },
          { name: 'response', id: 'response-text', label: 'supervision.response' },
          { name: 'actions', id: 'response-add-action', label: 'supervision.actions' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <TextField
        id="response-date"
        width="medium"
        label={t('supervision.field.date')}
        hint={t('form.dateFormat')}
        error={fieldErrorText(t, errors.respondedOn)}
        registration={form.register('respondedOn')}
      />
      <TextAreaField
        id="response-text"
        label={t('supervision.response')}
        error={fieldErrorText(t, errors.response)}
        registration={form.register('response')}
      />
      <RepeatedFieldsets
        rows={actions.fields}
        legend={(n) => t('supervision.actionNumber', { n })}
        addId="response-add-action"
        addLabel={t('supervision.addAction')}
        onAdd={() => actions.append({ description: '', deadline: '' })}
      >
        {(index) => (
          <>
            <TextField
              id={`response-action-${index}`}
              label={t('supervision.field.action')}
              error={fieldErrorText(t, errors.actions?.[index]?.description)}
              registration={form.register(`actions.${index}.description`)}
            />
            <TextField
              id={`response-deadline-${index}`}
              width="medium"
              label={t('supervision.field.deadline')}
              hint={t('form.dateFormat')}
              error={fieldErrorText(t, errors.actions?.[index]?.deadline)}
              registration={form.register(`actions.${index}.deadline`)}
            />
          </>
        )}
      </RepeatedFieldsets>
      <button type="submit" className="button button--primary" disabled={step.isPending}>
        {t('supervision.sendResponse')}
      </button>
    </form>
  );
}
