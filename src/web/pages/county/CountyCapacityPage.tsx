/**
 * The county's capacity survey (issue 13 point 1): its periods with how many municipalities have answered and how
 * many are late, and a form to set the next period. Each period opens the side-by-side view (CountyPeriodPage).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { apiPost } from '../../api/client.ts';
import { useCountyCapacity } from '../../api/county-queries.ts';
import type { CountyCapacity } from '../../api/county-types.ts';
import { ErrorSummary } from '../../components/form/ErrorSummary.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { useI18n } from '../../language.tsx';
import { PeriodForm, type PeriodFormInput, type PeriodFormOutput } from '../../schemas-county.ts';

const NAMES = ['label', 'startsOn', 'endsOn', 'dueOn'] as const;
const FIELDS = [
  { name: 'label', id: 'period-label', label: 'capacity.periodLabel' },
  { name: 'startsOn', id: 'period-startsOn', label: 'capacity.startsOn' },
  { name: 'endsOn', id: 'period-endsOn', label: 'capacity.endsOn' },
  { name: 'dueOn', id: 'period-dueOn', label: 'capacity.dueOn' },
] as const;

function NewPeriod() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<PeriodFormInput, unknown, PeriodFormOutput>({
    resolver: zodResolver(PeriodForm),
    shouldFocusError: false,
    defaultValues: { label: '', startsOn: '', endsOn: '', dueOn: '' },
  });
  const feedback = useFormFeedback(form.setError, NAMES);
  const create = useMutation({
    mutationFn: (values: PeriodFormOutput) => apiPost<CountyCapacity>('/api/county/capacity/periods', values),
    onSuccess: (view) => {
      queryClient.setQueryData(['county-capacity'], view);
      form.reset();
    },
    onError: feedback.onServerError,
  });
  const errors = form.formState.errors;
  const err = (name: (typeof NAMES)[number]) => fieldErrorText(t, errors[name]);
  return (
    <section aria-labelledby="period-title" className="section">
      <h2 id="period-title">{t('capacity.newPeriod')}</h2>
      <p>{t('capacity.newPeriodIntro')}</p>
      <form
        noValidate
        className="form"
        onSubmit={form.handleSubmit((values) => {
          feedback.clear();
          create.mutate(values);
        }, feedback.onInvalid)}
      >
        <ErrorSummary errors={errors} fields={FIELDS} general={feedback.general} attempt={feedback.attempt} />
        <TextField
          id="period-label"
          label={t('capacity.periodLabel')}
          hint={t('capacity.periodLabelHint')}
          error={err('label')}
          registration={form.register('label')}
        />
        {(['startsOn', 'endsOn', 'dueOn'] as const).map((name) => (
          <TextField
            key={name}
            id={`period-${name}`}
            type="date"
            width="medium"
            label={t(`capacity.${name}`)}
            error={err(name)}
            registration={form.register(name)}
          />
        ))}
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('form.sending') : t('capacity.createPeriod')}
        </button>
      </form>
    </section>
  );
}

export function CountyCapacityPage() {
  const { t } = useI18n();
  const capacity = useCountyCapacity();
  // Loading and a failure are shown inside the page, under its heading (one h1 on every page).
  if (capacity.isPending || capacity.isError)
    return (
      <Page title={t('county.capacity.title')}>
        {capacity.isError ? <LoadError error={capacity.error} /> : <Loading />}
      </Page>
    );
  const view = capacity.data;
  return (
    <Page title={t('county.capacity.title')}>
      <p>{t('county.capacity.intro', { county: view.county.name })}</p>
      <section aria-labelledby="periods-title" className="section">
        <h2 id="periods-title">{t('county.capacity.periods')}</h2>
        {view.periods.length === 0 ? (
          <p>{t('county.capacity.noPeriods')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('capacity.period')}</th>
                <th scope="col">{t('capacity.startsOn')}</th>
                <th scope="col">{t('capacity.endsOn')}</th>
                <th scope="col">{t('capacity.dueOn')}</th>
                <th scope="col" className="num">
                  {t('county.capacity.answered')}
                </th>
                <th scope="col" className="num">
                  {t('county.capacity.late')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.periods.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to="/lan/lagesbild/$periodId" params={{ periodId: p.id }}>
                      {p.label}
                    </Link>
                  </td>
                  <td>{p.startsOn}</td>
                  <td>{p.endsOn}</td>
                  <td>{p.dueOn}</td>
                  <td className="num">
                    {t('county.capacity.ofTotal', { answered: p.answered, total: view.municipalities })}
                  </td>
                  <td className="num">{p.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <NewPeriod />
    </Page>
  );
}
