/**
 * The county's regional development programme (issue 13 point 3): each programme's goals with their measures and
 * responsible parties, the indicators Anvisa computes per year set against their targets (for girls and boys where
 * they count children), the yearly follow-up of each goal, and a form to adopt the next programme.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { useProgrammes } from '../../api/county-queries.ts';
import type { Programme, Programmes } from '../../api/county-types.ts';
import { RepeatedFieldsets } from '../../components/form/RepeatedFieldsets.tsx';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading, Success } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { todayInSweden } from '../../dates.ts';
import { PROGRAMME_INDICATORS } from '../../../domain/county/programme.ts';
import {
  FollowUpForm,
  ProgrammeForm,
  type FollowUpFormInput,
  type FollowUpFormOutput,
  type ProgrammeFormInput,
  type ProgrammeFormOutput,
} from '../../schemas-county.ts';

type Goal = Programme['goals'][number];

function FollowUp({ programme, index }: { readonly programme: Programme; readonly index: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const thisYear = Number(todayInSweden().slice(0, 4));
  const years: number[] = [];
  for (let y = programme.firstYear; y <= Math.min(programme.lastYear, thisYear); y++) years.push(y);
  const form = useForm<FollowUpFormInput, unknown, FollowUpFormOutput>({
    resolver: zodResolver(FollowUpForm),
    shouldFocusError: false,
    defaultValues: { year: String(years.at(-1) ?? programme.firstYear), assessment: '' },
  });
  const feedback = useFormFeedback(form.setError, ['year', 'assessment']);
  const save = useMutation({
    mutationFn: (values: FollowUpFormOutput) =>
      apiPost<Programmes>(`/api/county/programmes/${encodeURIComponent(programme.id)}/follow-ups`, {
        ...values,
        goalIndex: index,
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(['programmes'], next);
      setSaved(true);
      form.reset({ year: form.getValues('year'), assessment: '' });
    },
    onError: feedback.onServerError,
  });
  const id = `followup-${programme.id}-${index}`;
  const errors = form.formState.errors;
  if (years.length === 0) return null;
  return (
    <form
      noValidate
      className="form"
      onSubmit={form.handleSubmit((values) => {
        feedback.clear();
        setSaved(false);
        save.mutate(values);
      }, feedback.onInvalid)}
    >
      <ErrorSummary
        errors={errors}
        fields={[
          { name: 'year', id: `${id}-year`, label: 'programme.followUpYear' },
          { name: 'assessment', id: `${id}-assessment`, label: 'programme.followUp' },
        ]}
        general={feedback.general}
        attempt={feedback.attempt}
        level={5}
      />
      {saved && <Success>{t('programme.followUpSaved')}</Success>}
      <SelectField
        id={`${id}-year`}
        label={t('programme.followUpYear')}
        error={fieldErrorText(t, errors.year)}
        registration={form.register('year')}
      >
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={`${id}-assessment`}
        label={t('programme.followUp')}
        hint={t('programme.followUpHint')}
        error={fieldErrorText(t, errors.assessment)}
        registration={form.register('assessment')}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? t('form.sending') : t('programme.saveFollowUp')}
      </button>
    </form>
  );
}

function GoalView({
  programme,
  goal,
  index,
}: {
  readonly programme: Programme;
  readonly goal: Goal;
  readonly index: number;
}) {
  const { t, decimal } = useI18n();
  const shown = (v: number | null) => (v === null ? t('programme.noValue') : decimal(v, { digits: 1 }));
  return (
    <section aria-labelledby={`goal-${programme.id}-${index}`} className="card">
      <h3 id={`goal-${programme.id}-${index}`}>{goal.title}</h3>
      <h4>{t('programme.measures')}</h4>
      <ul>
        {goal.measures.map((m) => (
          <li key={m.text}>
            {m.text} <span className="hint">({t('programme.responsible', { who: m.responsible })})</span>
          </li>
        ))}
      </ul>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('programme.indicatorsOf', { goal: goal.title })}
      >
        <table className="table">
          <caption>{t('programme.indicators')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programme.indicator')}</th>
              <th scope="col">{t('programme.target')}</th>
              {(goal.indicators[0]?.years ?? []).map((y) => (
                <th key={y.year} scope="col">
                  {y.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {goal.indicators.map((i) => (
              <tr key={i.kind}>
                <th scope="row">{t(`programme.kind.${i.kind}`)}</th>
                <td>
                  {t(`programme.direction.${i.direction}`, { target: decimal(i.target, { digits: 1 }) })}
                </td>
                {i.years.map((y) => (
                  <td key={y.year}>
                    {shown(y.value)}
                    {y.met !== null && <> – {t(y.met ? 'programme.met' : 'programme.notMet')}</>}
                    {y.byGender !== null && (
                      <span className="hint">
                        {' '}
                        (
                        {t('programme.byGender', {
                          female: shown(y.byGender.female),
                          male: shown(y.byGender.male),
                        })}
                        )
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h4>{t('programme.followUps')}</h4>
      {goal.followUps.length === 0 ? (
        <p>{t('programme.noFollowUps')}</p>
      ) : (
        <ul>
          {goal.followUps.map((f) => (
            <li key={f.year}>
              <strong>{f.year}:</strong> {f.assessment} <span className="hint">({f.recordedBy})</span>
            </li>
          ))}
        </ul>
      )}
      <FollowUp programme={programme} index={index} />
    </section>
  );
}

const EMPTY_GOAL = { title: '', measure: '', responsible: '', kind: '', target: '' } as const;

function AdoptForm({ view }: { readonly view: Programmes }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const last = view.programmes[0];
  const first = last === undefined ? Number(todayInSweden().slice(0, 4)) + 1 : last.lastYear + 1;
  const form = useForm<ProgrammeFormInput, unknown, ProgrammeFormOutput>({
    resolver: zodResolver(ProgrammeForm),
    shouldFocusError: false,
    defaultValues: {
      firstYear: String(first),
      lastYear: String(first + 1),
      adoptedOn: '',
      workingGroup: view.municipalities.map((m) => m.code),
      goals: [{ ...EMPTY_GOAL, kind: 'god_man_median_days' }],
    },
  });
  const goals = useFieldArray({ control: form.control, name: 'goals' });
  const names = ['firstYear', 'lastYear', 'adoptedOn', 'workingGroup'] as const;
  const feedback = useFormFeedback(form.setError, [...names]);
  const adopt = useMutation({
    mutationFn: (values: ProgrammeFormOutput) => apiPost<Programmes>('/api/county/programmes', values),
    onSuccess: (next) => {
      queryClient.setQueryData(['programmes'], next);
      setSaved(true);
    },
    onError: feedback.onServerError,
  });
  const errors = form.formState.errors;
  const goalError = (i: number, f: keyof typeof EMPTY_GOAL) => fieldErrorText(t, errors.goals?.[i]?.[f]);
  const summary: SummaryField[] = [
    { name: 'firstYear', id: 'programme-firstYear', label: 'programme.firstYear' },
    { name: 'lastYear', id: 'programme-lastYear', label: 'programme.lastYear' },
    { name: 'adoptedOn', id: 'programme-adoptedOn', label: 'programme.adoptedOn' },
    { name: 'workingGroup', id: 'programme-workingGroup', label: 'programme.workingGroup' },
  ];
  return (
    <section aria-labelledby="adopt-title" className="section">
      <h2 id="adopt-title">{t('programme.adopt')}</h2>
      <p>{t('programme.adoptIntro')}</p>
      {saved && <Success>{t('programme.adopted')}</Success>}
      <form
        noValidate
        className="form"
        onSubmit={form.handleSubmit((values) => {
          feedback.clear();
          setSaved(false);
          adopt.mutate(values);
        }, feedback.onInvalid)}
      >
        <ErrorSummary
          errors={errors}
          fields={summary}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <TextField
          id="programme-firstYear"
          label={t('programme.firstYear')}
          inputMode="numeric"
          width="short"
          error={fieldErrorText(t, errors.firstYear)}
          registration={form.register('firstYear')}
        />
        <TextField
          id="programme-lastYear"
          label={t('programme.lastYear')}
          inputMode="numeric"
          width="short"
          error={fieldErrorText(t, errors.lastYear)}
          registration={form.register('lastYear')}
        />
        <TextField
          id="programme-adoptedOn"
          type="date"
          width="medium"
          label={t('programme.adoptedOn')}
          error={fieldErrorText(t, errors.adoptedOn)}
          registration={form.register('adoptedOn')}
        />
        <fieldset
          className={errors.workingGroup === undefined ? 'fieldset' : 'fieldset field--error'}
          id="programme-workingGroup"
          aria-describedby={errors.workingGroup === undefined ? undefined : 'programme-workingGroup-error'}
        >
          <legend>{t('programme.workingGroup')}</legend>
          {errors.workingGroup !== undefined && (
            <p id="programme-workingGroup-error" className="field-error">
              {fieldErrorText(t, errors.workingGroup)}
            </p>
          )}
          <div className="checks checks--columns">
            {view.municipalities.map((m) => (
              <div className="check" key={m.code}>
                <input
                  id={`wg-${m.code}`}
                  type="checkbox"
                  value={m.code}
                  {...form.register('workingGroup')}
                />
                <label htmlFor={`wg-${m.code}`}>{m.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <RepeatedFieldsets
          rows={goals.fields}
          legend={(n) => t('programme.goalN', { n })}
          addLabel={t('programme.addGoal')}
          onAdd={() => goals.append({ ...EMPTY_GOAL, kind: 'god_man_median_days' })}
          removeLabel={(n) => t('programme.removeGoal', { n })}
          onRemove={(i) => goals.remove(i)}
        >
          {(i) => (
            <>
              <TextField
                id={`goal-${i}-title`}
                label={t('programme.goalTitle')}
                error={goalError(i, 'title')}
                registration={form.register(`goals.${i}.title`)}
              />
              <TextAreaField
                id={`goal-${i}-measure`}
                label={t('programme.measure')}
                error={goalError(i, 'measure')}
                registration={form.register(`goals.${i}.measure`)}
              />
              <TextField
                id={`goal-${i}-responsible`}
                label={t('programme.responsibleLabel')}
                error={goalError(i, 'responsible')}
                registration={form.register(`goals.${i}.responsible`)}
              />
              <SelectField
                id={`goal-${i}-kind`}
                label={t('programme.indicator')}
                error={goalError(i, 'kind')}
                registration={form.register(`goals.${i}.kind`)}
              >
                {PROGRAMME_INDICATORS.map((k) => (
                  <option key={k} value={k}>
                    {t(`programme.kind.${k}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`goal-${i}-target`}
                label={t('programme.target')}
                hint={t('programme.targetHint')}
                inputMode="numeric"
                width="short"
                error={goalError(i, 'target')}
                registration={form.register(`goals.${i}.target`)}
              />
            </>
          )}
        </RepeatedFieldsets>
        <button type="submit" className="button button--primary" disabled={adopt.isPending}>
          {adopt.isPending ? t('form.sending') : t('programme.submit')}
        </button>
      </form>
    </section>
  );
}

export function ProgrammePage() {
  const { t, tn } = useI18n();
  const programmes = useProgrammes();
  // Loading and a failure are shown inside the page, under its heading (one h1 on every page).
  if (programmes.isPending || programmes.isError)
    return (
      <Page title={t('programme.title')}>
        {programmes.isError ? <LoadError error={programmes.error} /> : <Loading />}
      </Page>
    );
  const view = programmes.data;
  return (
    <Page title={t('programme.title')}>
      <p>{t('programme.intro', { county: view.county.name })}</p>
      {view.programmes.length === 0 && <p>{t('programme.none')}</p>}
      {view.programmes.map((p) => (
        <section key={p.id} aria-labelledby={`programme-${p.id}`} className="section">
          <h2 id={`programme-${p.id}`}>{t('programme.heading', { first: p.firstYear, last: p.lastYear })}</h2>
          <p>
            {t('programme.adoptedBy', { date: p.adoptedOn, name: p.adoptedBy })}{' '}
            {tn('programme.group', p.workingGroup.length)}
          </p>
          {p.goals.map((g, i) => (
            <GoalView key={g.title} programme={p} goal={g} index={i} />
          ))}
        </section>
      ))}
      <AdoptForm view={view} />
    </Page>
  );
}
