/**
 * "Anhörigbedömningar": the Migration Agency asks the relative's municipality whether a stated relative is
 * suitable, within 3 days. Overdue ones are flagged; an open one takes an outcome with a note.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ASSESSMENTS_KEY, useRelativeAssessments } from '../../api/allocation-queries.ts';
import type { RelativeAssessment } from '../../api/allocation-types.ts';
import { apiPost } from '../../api/client.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { RelativeContactText } from '../../components/RelativeContact.tsx';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, TextAreaField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading, Success } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { AssessmentOutcomeSchema, type AssessmentOutcomeInput } from '../../schemas-allocation.ts';

function Status({ assessment }: { readonly assessment: RelativeAssessment }) {
  const { t } = useI18n();
  if (assessment.outcome === 'suitable')
    return <span className="tag tag--ok">{t('assessment.suitable')}</span>;
  if (assessment.outcome === 'unsuitable') {
    return <span className="tag tag--danger">{t('assessment.unsuitable')}</span>;
  }
  return assessment.overdue ? (
    <span className="tag tag--danger">{t('assessment.overdue')}</span>
  ) : (
    <span className="tag tag--warning">{t('assessment.open')}</span>
  );
}

function OutcomeForm({
  assessment,
  onSaved,
}: {
  readonly assessment: RelativeAssessment;
  readonly onSaved: (dossier: string) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const prefix = `assessment-${assessment.id}`;
  const fields = [
    { name: 'outcome', id: `${prefix}-outcome`, label: 'assessment.outcome' },
    { name: 'note', id: `${prefix}-note`, label: 'assessment.note' },
  ] as const;
  const form = useForm<AssessmentOutcomeInput>({
    resolver: zodResolver(AssessmentOutcomeSchema),
    shouldFocusError: false,
    defaultValues: { note: '' },
  });
  const feedback = useFormFeedback(form.setError, ['outcome', 'note']);
  const save = useMutation({
    mutationFn: (values: AssessmentOutcomeInput) =>
      apiPost<{ ok: true }>(`/api/relative-assessments/${encodeURIComponent(assessment.id)}/outcome`, values),
    onSuccess: async () => {
      onSaved(assessment.child.dossierNumber);
      await queryClient.invalidateQueries({ queryKey: ASSESSMENTS_KEY });
    },
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((values) => {
    feedback.clear();
    save.mutate(values);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <section aria-labelledby={`${prefix}-title`} className="card assessment">
      <h3 id={`${prefix}-title`}>
        {t('assessment.formTitle', {
          dossier: assessment.child.dossierNumber,
          relation: assessment.relation,
        })}
      </h3>
      <p>
        {t('assessment.due', { date: assessment.dueOn })} <Status assessment={assessment} />
      </p>
      <dl className="facts">
        <div>
          <dt>{t('assessment.col.relative')}</dt>
          <dd>
            <RelativeContactText contact={assessment.relative} masked={assessment.child.identityMasked} />
          </dd>
        </div>
      </dl>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors} fields={fields} general={feedback.general} attempt={feedback.attempt} />
        <RadioGroupField
          id={fields[0].id}
          label={t('assessment.outcome')}
          error={fieldErrorText(t, errors.outcome)}
          registration={form.register('outcome')}
          options={[
            { value: 'suitable', label: t('assessment.suitable') },
            { value: 'unsuitable', label: t('assessment.unsuitable') },
          ]}
        />
        <TextAreaField
          id={fields[1].id}
          rows={3}
          label={t('assessment.note')}
          hint={t('assessment.noteHint')}
          error={fieldErrorText(t, errors.note)}
          registration={form.register('note')}
        />
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('form.sending') : t('assessment.submit')}
        </button>
      </form>
    </section>
  );
}

export function RelativeAssessmentsPage() {
  const { t, tn } = useI18n();
  const assessments = useRelativeAssessments();
  const [saved, setSaved] = useState<string | null>(null);
  // Open ones first, the most urgent on top; then the answered ones, the latest on top.
  const all = [...(assessments.data ?? [])].sort(
    (a, b) =>
      Number(a.outcome !== null) - Number(b.outcome !== null) ||
      (a.outcome === null ? a.dueOn.localeCompare(b.dueOn) : b.dueOn.localeCompare(a.dueOn)),
  );
  const open = all.filter((a) => a.outcome === null);
  return (
    <Page title={t('assessment.title')}>
      <p className="lead">{t('assessment.intro')}</p>
      <Announce>
        {saved !== null && (
          <Success>
            <p>{t('assessment.saved', { dossier: saved })}</p>
          </Success>
        )}
        {assessments.data !== undefined && (
          <p className="result-count">{tn('assessment.count', all.length, { open: open.length })}</p>
        )}
      </Announce>
      {assessments.isPending && <Loading />}
      {assessments.isError && <LoadError error={assessments.error} />}
      {assessments.data?.length === 0 && <p>{t('assessment.empty')}</p>}
      {all.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('assessment.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment.col.due')}</th>
                <th scope="col">{t('children.col.dossier')}</th>
                <th scope="col">{t('children.col.name')}</th>
                <th scope="col">{t('children.col.birthDate')}</th>
                <th scope="col">{t('assessment.col.relation')}</th>
                <th scope="col">{t('assessment.col.relative')}</th>
                <th scope="col">{t('assessment.col.status')}</th>
                <th scope="col">{t('assessment.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {all.map((a) => (
                <tr key={a.id} className={a.overdue ? 'row--denied' : undefined}>
                  <td className="nowrap">{a.dueOn}</td>
                  <th scope="row">{a.child.dossierNumber}</th>
                  <td>
                    <ChildName child={a.child} />
                  </td>
                  <td className="nowrap">{a.child.birthDate ?? ''}</td>
                  <td>{a.relation}</td>
                  <td>
                    <RelativeContactText contact={a.relative} masked={a.child.identityMasked} />
                  </td>
                  <td>
                    <Status assessment={a} />
                  </td>
                  <td>{a.outcomeNote ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open.length > 0 && (
        <section aria-labelledby="assess-title" className="section">
          <h2 id="assess-title">{t('assessment.toAssess')}</h2>
          <div className="assessments">
            {open.map((a) => (
              <OutcomeForm key={a.id} assessment={a} onSaved={setSaved} />
            ))}
          </div>
        </section>
      )}
    </Page>
  );
}
