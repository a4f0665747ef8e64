/**
 * The Migration Agency's payouts without a claim (ADR 0035): the compensation officer chooses a municipality and a
 * period — a quarter's schablons per child, or a year's annual compensation — sees the payouts made, what Anvisa
 * computes against what was paid, and the proposal, and records the proposal as paid on a day. Below, the forecast
 * per year that the annual compensation rests on.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { previousQuarter } from '../../../domain/compensation/view.ts';
import { apiPost } from '../../api/client.ts';
import { PAYOUT_KEY, useForecasts, usePayoutView } from '../../api/payout-queries.ts';
import type { Forecasts, Payout, PayoutView } from '../../api/payout-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { MunicipalityOptions } from '../../components/MunicipalityOptions.tsx';
import { Page } from '../../components/Page.tsx';
import { Confirmation, type Confirmed, LoadError, Loading } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { formDate } from '../../form-date.ts';
import { fieldErrorText } from '../../form-errors.ts';
import { useCountLabel } from './counts.ts';
import { useI18n } from '../../language.tsx';
import { AnnualBody, childText, ComparisonTable } from './PayoutSections.tsx';

/** The eight quarters up to the previous one, then this year and the two before it. */
function periodChoices(today: string): string[] {
  const quarters = [previousQuarter(today)];
  while (quarters.length < 8) {
    const last = quarters[quarters.length - 1] ?? '';
    const month = (Number(last.slice(6)) - 1) * 3 + 1;
    quarters.push(previousQuarter(`${last.slice(0, 4)}-${String(month).padStart(2, '0')}-01`));
  }
  const year = Number(today.slice(0, 4));
  return [...quarters, String(year), String(year - 1), String(year - 2)];
}

function LinesTable({ lines, caption }: { readonly lines: Payout['lines']; readonly caption: string }) {
  const { t, number } = useI18n();
  const countLabel = useCountLabel();
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('compensation.child')}</th>
          <th scope="col">{t('compensation.code')}</th>
          <th scope="col" className="num">
            {t('compensation.count')}
          </th>
          <th scope="col" className="num">
            {t('compensation.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={`${line.childId ?? ''}-${line.code}`}>
            <td>{childText(t, line)}</td>
            <td>{t(`compensation.code.${line.code}`)}</td>
            <td className="num">{countLabel(line.code, line.count)}</td>
            <td className="num">{t('compensation.kr', { amount: number(line.amount) })}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            {t('compensation.total')}
          </th>
          <td className="num">{t('compensation.kr', { amount: number(total) })}</td>
        </tr>
      </tfoot>
    </table>
  );
}

const PaidOnForm = z.object({ paidOn: formDate });
type PaidOnInput = z.input<typeof PaidOnForm>;
type PaidOnOutput = z.output<typeof PaidOnForm>;
const PAID_ON_FIELDS: readonly SummaryField[] = [
  { name: 'paidOn', id: 'payout-paidOn', label: 'payouts.paidOn' },
];

function ProposalForm({ view, onRecorded }: { readonly view: PayoutView; readonly onRecorded: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<PaidOnInput, unknown, PaidOnOutput>({
    resolver: zodResolver(PaidOnForm),
    shouldFocusError: false,
    defaultValues: { paidOn: todayInSweden() },
  });
  const feedback = useFormFeedback(form.setError, ['paidOn']);
  const record = useMutation({
    mutationFn: (values: PaidOnOutput) =>
      apiPost<Payout>('/api/compensation/payouts', {
        municipalityCode: view.municipalityCode,
        period: view.period,
        paidOn: values.paidOn,
        fingerprint: view.proposal?.fingerprint ?? '',
      }),
    onSuccess: async () => {
      onRecorded();
      await queryClient.invalidateQueries({ queryKey: PAYOUT_KEY });
    },
    onError: feedback.onServerError,
  });
  return (
    <form
      noValidate
      className="form"
      aria-labelledby="payout-proposal"
      onSubmit={form.handleSubmit((values) => {
        feedback.clear();
        record.mutate(values);
      }, feedback.onInvalid)}
    >
      <ErrorSummary
        errors={form.formState.errors}
        fields={PAID_ON_FIELDS}
        general={feedback.general}
        attempt={feedback.attempt}
      />
      <TextField
        id="payout-paidOn"
        type="date"
        width="short"
        label={t('payouts.paidOn')}
        error={fieldErrorText(t, form.formState.errors.paidOn)}
        registration={form.register('paidOn')}
      />
      <button type="submit" className="button button--primary" disabled={record.isPending}>
        {record.isPending ? t('form.sending') : t('payouts.record')}
      </button>
    </form>
  );
}

function PeriodView({ view, onRecorded }: { readonly view: PayoutView; readonly onRecorded: () => void }) {
  const { t, number } = useI18n();
  const params = { municipality: view.municipalityName, period: view.period };
  const heading = useRef<HTMLHeadingElement>(null);
  // Shown after the choice above: focus moves to what was chosen.
  useEffect(() => heading.current?.focus(), [view.municipalityCode, view.period]);
  return (
    <>
      <h2 id="payout-view" ref={heading} tabIndex={-1}>
        {t('payouts.viewTitle', params)}
      </h2>
      {view.blockers.map((b) => (
        <p key={b} className="notice">
          {t(`payouts.blocker.${b}`, { period: view.period })}
        </p>
      ))}
      {view.annual !== null && (
        <section aria-labelledby="payout-annual" className="section">
          <h3 id="payout-annual">{t('payouts.annual.title', { year: view.period })}</h3>
          <AnnualBody annual={view.annual} />
        </section>
      )}
      <section aria-labelledby="payout-made" className="section">
        <h3 id="payout-made">{t('payouts.made')}</h3>
        {view.payouts.length === 0 ? (
          <p>{t('payouts.noneMade')}</p>
        ) : (
          view.payouts.map((p) => (
            <LinesTable
              key={p.id}
              lines={p.lines}
              caption={t(p.kind === 'regular' ? 'payouts.madeRegular' : 'payouts.madeSupplementary', {
                date: p.paidOn,
                amount: t('compensation.kr', { amount: number(p.total) }),
              })}
            />
          ))
        )}
      </section>
      {view.periodKind === 'quarter' && view.payouts.length > 0 && (
        <section aria-labelledby="payout-comparison" className="section">
          <h3 id="payout-comparison">{t('payouts.comparison')}</h3>
          <ComparisonTable
            rows={view.comparison}
            totals={view.totals}
            caption={t('payouts.paidCaption', { quarter: view.period })}
            withChild
          />
        </section>
      )}
      {view.proposal !== null && (
        <section aria-labelledby="payout-proposal" className="section">
          <h3 id="payout-proposal">{t('payouts.proposal')}</h3>
          {view.proposal.lines.length === 0 ? (
            <p>{t('payouts.nothing')}</p>
          ) : (
            <>
              <LinesTable lines={view.proposal.lines} caption={t('payouts.proposalCaption', params)} />
              <ProposalForm key={view.proposal.fingerprint} view={view} onRecorded={onRecorded} />
            </>
          )}
        </section>
      )}
    </>
  );
}

function ChosenPeriod({ choice }: { readonly choice: { municipalityCode: string; period: string } }) {
  const { t } = useI18n();
  const view = usePayoutView(choice);
  // Kept here: once recorded, the period has no proposal and its form is gone (focus comes to the confirmation).
  const [recorded, setRecorded] = useState<Confirmed | null>(null);
  if (view.isPending) return <Loading />;
  if (view.isError) return <LoadError error={view.error} />;
  return (
    <>
      <Confirmation confirmed={recorded} />
      <PeriodView
        view={view.data}
        onRecorded={() => setRecorded({ text: t('payouts.recorded'), focus: true })}
      />
    </>
  );
}

const ForecastForm = z.object({
  year: z
    .string()
    .trim()
    .regex(/^20[0-9]{2}$/, 'year_range'),
  forecast: z
    .string()
    .trim()
    .regex(/^[0-9]{1,7}$/, 'forecast_range'),
  source: z.string().trim().min(3, 'source_required').max(300, 'too_big'),
  publishedOn: z
    .string()
    .trim()
    .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'invalid_date'),
});
type ForecastInput = z.input<typeof ForecastForm>;
type ForecastOutput = z.output<typeof ForecastForm>;
const FORECAST_FIELDS: readonly SummaryField[] = [
  { name: 'year', id: 'forecast-year', label: 'payouts.forecast.year' },
  { name: 'forecast', id: 'forecast-forecast', label: 'payouts.forecast.forecast' },
  { name: 'source', id: 'forecast-source', label: 'payouts.forecast.source' },
  { name: 'publishedOn', id: 'forecast-published', label: 'payouts.forecast.published' },
];

function ForecastSection() {
  const { t, number, dateTime } = useI18n();
  const queryClient = useQueryClient();
  const forecasts = useForecasts();
  // The button is disabled while sending: the confirmation takes focus, or focus would fall to the page's body.
  const [saved, setSaved] = useState<Confirmed | null>(null);
  const form = useForm<ForecastInput, unknown, ForecastOutput>({
    resolver: zodResolver(ForecastForm),
    shouldFocusError: false,
    defaultValues: {
      year: todayInSweden().slice(0, 4),
      forecast: '',
      source: '',
      publishedOn: todayInSweden(),
    },
  });
  const feedback = useFormFeedback(form.setError, ['year', 'forecast', 'source', 'publishedOn']);
  const save = useMutation({
    mutationFn: (values: ForecastOutput) =>
      apiPost<Forecasts>('/api/compensation/forecasts', {
        year: Number(values.year),
        forecast: Number(values.forecast),
        source: values.source,
        publishedOn: values.publishedOn,
      }),
    onSuccess: async () => {
      setSaved({ text: t('payouts.forecast.saved'), focus: true });
      form.reset({ year: form.getValues('year'), forecast: '', source: '', publishedOn: todayInSweden() });
      await queryClient.invalidateQueries({ queryKey: PAYOUT_KEY });
    },
    onError: feedback.onServerError,
  });
  const errors = form.formState.errors;
  return (
    <section aria-labelledby="forecasts" className="section">
      <h2 id="forecasts">{t('payouts.forecast.title')}</h2>
      <p>{t('payouts.forecast.intro')}</p>
      {forecasts.isPending ? (
        <Loading />
      ) : forecasts.isError ? (
        <LoadError error={forecasts.error} />
      ) : forecasts.data.forecasts.length === 0 ? (
        <p>{t('payouts.forecast.none')}</p>
      ) : (
        <table className="table">
          <caption>{t('payouts.forecast.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('payouts.forecast.year')}</th>
              <th scope="col" className="num">
                {t('payouts.forecast.forecast')}
              </th>
              <th scope="col">{t('payouts.forecast.source')}</th>
              <th scope="col">{t('payouts.forecast.published')}</th>
              <th scope="col">{t('payouts.forecast.recorded')}</th>
            </tr>
          </thead>
          <tbody>
            {forecasts.data.forecasts.map((f) => (
              <tr key={f.id}>
                <td>
                  {f.year} {f.current ? '' : t('payouts.forecast.replaced')}
                </td>
                <td className="num">{number(f.forecast)}</td>
                <td>{f.source}</td>
                <td className="nowrap">{f.publishedOn}</td>
                <td>
                  {dateTime(f.recordedAt)}, {f.recordedBy}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 id="forecast-new">{t('payouts.forecast.new')}</h3>
      <Confirmation confirmed={saved} />
      <form
        noValidate
        className="form"
        aria-labelledby="forecast-new"
        onSubmit={form.handleSubmit((values) => {
          feedback.clear();
          setSaved(null);
          save.mutate(values);
        }, feedback.onInvalid)}
      >
        <ErrorSummary
          errors={errors}
          fields={FORECAST_FIELDS}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <TextField
          id="forecast-year"
          label={t('payouts.forecast.year')}
          inputMode="numeric"
          width="short"
          error={fieldErrorText(t, errors.year)}
          registration={form.register('year')}
        />
        <TextField
          id="forecast-forecast"
          label={t('payouts.forecast.forecast')}
          inputMode="numeric"
          width="short"
          error={fieldErrorText(t, errors.forecast)}
          registration={form.register('forecast')}
        />
        <TextField
          id="forecast-source"
          label={t('payouts.forecast.source')}
          hint={t('payouts.forecast.sourceHint')}
          error={fieldErrorText(t, errors.source)}
          registration={form.register('source')}
        />
        <TextField
          id="forecast-published"
          label={t('payouts.forecast.published')}
          hint={t('payouts.forecast.publishedHint')}
          width="short"
          error={fieldErrorText(t, errors.publishedOn)}
          registration={form.register('publishedOn')}
        />
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('form.sending') : t('payouts.forecast.save')}
        </button>
      </form>
    </section>
  );
}

export function PayoutsPage() {
  const { t } = useI18n();
  const choices = periodChoices(todayInSweden());
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [missing, setMissing] = useState(false);
  const [period, setPeriod] = useState(choices[0] ?? '');
  const [choice, setChoice] = useState<{ municipalityCode: string; period: string } | null>(null);
  return (
    <Page title={t('payouts.title')}>
      <p>{t('payouts.intro')}</p>
      <form
        className="form form--inline"
        onSubmit={(event) => {
          event.preventDefault();
          setMissing(municipalityCode === '');
          if (municipalityCode !== '') setChoice({ municipalityCode, period });
        }}
      >
        <div className={missing ? 'field field--error' : 'field'}>
          <label htmlFor="payout-municipality">{t('payouts.municipality')}</label>
          {missing && (
            <p id="payout-municipality-error" className="field-error">
              {t('payouts.chooseMunicipalityError')}
            </p>
          )}
          <select
            id="payout-municipality"
            className="input select"
            value={municipalityCode}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? 'payout-municipality-error' : undefined}
            onChange={(event) => setMunicipalityCode(event.target.value)}
          >
            <option value="">{t('payouts.chooseMunicipality')}</option>
            <MunicipalityOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="payout-period">{t('payouts.period')}</label>
          <select
            id="payout-period"
            className="input select"
            value={period}
            onChange={(event) => setPeriod(event.target.value)}
          >
            {choices.map((p) => (
              <option key={p} value={p}>
                {p.length === 4 ? t('payouts.periodYear', { year: p }) : p}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('compensation.show')}
        </button>
      </form>
      {choice !== null && (
        <ChosenPeriod key={`${choice.municipalityCode}-${choice.period}`} choice={choice} />
      )}
      <ForecastSection />
    </Page>
  );
}
