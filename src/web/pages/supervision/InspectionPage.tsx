/**
 * One inspection as the inspector works it (ADR 0027): draw the sample, open a sampled file (each opening is logged
 * with the child), record findings with their criticism level, send the report to the municipality's recipients, see
 * the authority's response and follow-up actions, close. The page offers the steps the server lists, and no others.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { CRITICISM_LEVELS } from '../../../domain/supervision/inspection.ts';
import { CloseBody, DrawSampleBody, FindingBody, SendReportBody } from '../../../supervision/contract.ts';
import { useInspection, useSampledFile, useSupervisionStep } from '../../api/supervision-queries.ts';
import type { Inspection } from '../../api/supervision-types.ts';
import { todayInSweden } from '../../dates.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { InspectionSummary } from './InspectionSummary.tsx';

export function InspectionPage({ inspectionId }: { readonly inspectionId: string }) {
  const { t } = useI18n();
  const inspection = useInspection(inspectionId);
  return (
    <Page title={t('supervision.inspectionTitle')}>
      <p>
        <Link to="/tillsyn">{t('supervision.backToPlan')}</Link>
      </p>
      {inspection.isPending && <Loading />}
      {inspection.isError && <LoadError error={inspection.error} />}
      {inspection.data !== undefined && <Body inspection={inspection.data} />}
    </Page>
  );
}

function Body({ inspection }: { readonly inspection: Inspection }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const steps = new Set(inspection.steps);
  return (
    <>
      <InspectionSummary inspection={inspection} />
      <section aria-labelledby="sample-title">
        <h2 id="sample-title">{t('supervision.sample')}</h2>
        {inspection.samplePool !== null && (
          <p className="hint">
            {t('supervision.sampleDrawn', {
              size: inspection.sampleSize,
              pool: inspection.samplePool,
              seed: inspection.sampleSeed ?? '',
            })}
          </p>
        )}
        {inspection.sample.length === 0 ? (
          <p>{t(inspection.sampledOn === null ? 'supervision.noSample' : 'supervision.sampleClosed')}</p>
        ) : (
          <ul className="plain-list">
            {inspection.sample.map((f) => (
              <li key={f.fileId}>
                {f.childName ?? t('supervision.protected')} ({f.dossierNumber}) –{' '}
                {t(`supervision.fileKind.${f.kind}`)}{' '}
                <button type="button" className="button button--secondary" onClick={() => setOpen(f.fileId)}>
                  {t('supervision.openFile')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {open !== null && <FileView inspectionId={inspection.id} fileId={open} />}
        {steps.has('draw_sample') && <SampleForm inspection={inspection} />}
      </section>
      {steps.has('record_finding') && <FindingForm inspection={inspection} />}
      {steps.has('send_report') && <DateStep inspection={inspection} step="report" />}
      {steps.has('close') && <DateStep inspection={inspection} step="close" />}
    </>
  );
}

function FileView({ inspectionId, fileId }: { readonly inspectionId: string; readonly fileId: string }) {
  const { t } = useI18n();
  const file = useSampledFile(inspectionId, fileId);
  if (file.isPending) return <Loading />;
  if (file.isError) return <LoadError error={file.error} />;
  const f = file.data;
  return (
    <article className="card" aria-labelledby="file-title">
      <h3 id="file-title">
        {t('supervision.file')}: {f.child.name ?? t('supervision.protected')} ({f.child.dossierNumber})
      </h3>
      <dl>
        <dt>{t('supervision.birthDate')}</dt>
        <dd>{f.child.birthDate}</dd>
        {f.godMan !== null && (
          <>
            <dt>{t('supervision.godMan')}</dt>
            <dd>{f.godMan.guardianName}</dd>
            <dt>{t('supervision.appointed')}</dt>
            <dd>
              {f.godMan.fromDate}
              {f.godMan.toDate !== null ? ` – ${f.godMan.toDate}` : ''}
            </dd>
            <dt>{t('supervision.childHeard')}</dt>
            <dd>
              {f.godMan.childHeard === null
                ? '–'
                : t(f.godMan.childHeard ? 'supervision.yes' : 'supervision.no')}
            </dd>
          </>
        )}
        {f.sfv !== null && (
          <>
            <dt>{t('supervision.sfvStatus')}</dt>
            <dd>{f.sfv.status}</dd>
            <dt>{t('supervision.sfvApplied')}</dt>
            <dd>{f.sfv.appliedOn ?? '–'}</dd>
            <dt>{t('supervision.sfvDecided')}</dt>
            <dd>{f.sfv.decidedOn ?? '–'}</dd>
          </>
        )}
      </dl>
    </article>
  );
}

function SampleForm({ inspection }: { readonly inspection: Inspection }) {
  const { t } = useI18n();
  type Input = z.input<typeof DrawSampleBody>;
  const form = useForm<Input, unknown, z.output<typeof DrawSampleBody>>({
    resolver: zodResolver(DrawSampleBody),
    shouldFocusError: false,
    defaultValues: { size: 5 },
  });
  const feedback = useFormFeedback(form.setError, ['size'] as const);
  const step = useSupervisionStep<z.output<typeof DrawSampleBody>>('inspection', inspection.id, 'sample', {
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    step.mutate(v);
  }, feedback.onInvalid);
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="sample-form-title">
      <h3 id="sample-form-title">{t('supervision.drawSample')}</h3>
      <ErrorSummary
        errors={form.formState.errors}
        fields={[{ name: 'size', id: 'sample-size', label: 'supervision.field.size' }]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <TextField
        id="sample-size"
        width="short"
        inputMode="numeric"
        label={t('supervision.field.size')}
        hint={t('supervision.sizeHint')}
        error={fieldErrorText(t, form.formState.errors.size)}
        registration={form.register('size', { valueAsNumber: true })}
      />
      <button type="submit" className="button button--primary" disabled={step.isPending}>
        {t('supervision.drawSample')}
      </button>
    </form>
  );
}

function FindingForm({ inspection }: { readonly inspection: Inspection }) {
  const { t } = useI18n();
  type Input = z.input<typeof FindingBody>;
  const form = useForm<Input, unknown, z.output<typeof FindingBody>>({
    resolver: zodResolver(FindingBody),
    shouldFocusError: false,
    defaultValues: { level: 'criticism', title: '', description: '', fileId: null },
  });
  const names = ['level', 'title', 'description', 'fileId'] as const;
  const feedback = useFormFeedback(form.setError, names);
  const step = useSupervisionStep<z.output<typeof FindingBody>>('inspection', inspection.id, 'findings', {
    onError: feedback.onServerError,
    onDone: () => form.reset({ level: 'criticism', title: '', description: '', fileId: null }),
  });
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    step.mutate(v);
  }, feedback.onInvalid);
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="finding-form-title">
      <h2 id="finding-form-title">{t('supervision.recordFinding')}</h2>
      <ErrorSummary
        errors={errors}
        fields={[
          { name: 'level', id: 'finding-level', label: 'supervision.field.level' },
          { name: 'title', id: 'finding-title', label: 'supervision.field.title' },
          { name: 'description', id: 'finding-description', label: 'supervision.field.description' },
          { name: 'fileId', id: 'finding-file', label: 'supervision.field.file' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <RadioGroupField
        id="finding-level"
        label={t('supervision.field.level')}
        error={fieldErrorText(t, errors.level)}
        registration={form.register('level')}
        options={CRITICISM_LEVELS.map((l) => ({ value: l, label: t(`supervision.level.${l}`) }))}
      />
      <TextField
        id="finding-title"
        label={t('supervision.field.title')}
        error={fieldErrorText(t, errors.title)}
        registration={form.register('title')}
      />
      <TextAreaField
        id="finding-description"
        label={t('supervision.field.description')}
        error={fieldErrorText(t, errors.description)}
        registration={form.register('description')}
      />
      <SelectField
        id="finding-file"
        label={t('supervision.field.file')}
        error={fieldErrorText(t, errors.fileId)}
        registration={form.register('fileId', {
          setValueAs: (v: string | null) => (v === '' || v === null ? null : v),
        })}
      >
        <option value="">{t('supervision.noFile')}</option>
        {inspection.sample.map((f) => (
          <option key={f.fileId} value={f.fileId}>
            {f.dossierNumber} – {t(`supervision.fileKind.${f.kind}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--primary" disabled={step.isPending}>
        {t('supervision.recordFinding')}
      </button>
    </form>
  );
}

function DateStep({
  inspection,
  step,
}: {
  readonly inspection: Inspection;
  readonly step: 'report' | 'close';
}) {
  const { t } = useI18n();
  const schema = step === 'report' ? SendReportBody : CloseBody;
  const field = step === 'report' ? 'sentOn' : 'closedOn';
  // Either step's body is one date under its own name: the same form for both.
  const form = useForm<Record<string, string>>({
    resolver: zodResolver(schema) as unknown as Resolver<Record<string, string>>,
    shouldFocusError: false,
    defaultValues: { [field]: todayInSweden() },
  });
  const feedback = useFormFeedback(form.setError, [field]);
  const send = useSupervisionStep<Record<string, string>>('inspection', inspection.id, step, {
    onError: feedback.onServerError,
  });
  const submit = form.handleSubmit((v) => {
    feedback.clear();
    send.mutate(v);
  }, feedback.onInvalid);
  const id = `step-${step}`;
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(`supervision.step.${step}`)}</h2>
      {step === 'report' && <p>{t('supervision.reportTo')}</p>}
      <ErrorSummary
        errors={form.formState.errors}
        fields={[{ name: field, id: `${id}-date`, label: 'supervision.field.date' }]}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <TextField
        id={`${id}-date`}
        width="medium"
        label={t('supervision.field.date')}
        hint={t('form.dateFormat')}
        error={fieldErrorText(t, form.formState.errors[field])}
        registration={form.register(field)}
      />
      <button type="submit" className="button button--primary" disabled={send.isPending}>
        {t(`supervision.step.${step}`)}
      </button>
    </form>
  );
}
