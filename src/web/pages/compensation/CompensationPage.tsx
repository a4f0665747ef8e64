/**
 * The municipality's finance officer's compensation page (issue 14 point 3, ADR 0032): choose a quarter (the
 * previous one by default), the totals per code (paid without a claim or applied for), the lines per child, the
 * warnings that block a claim, a child's explanation day by day, and the daily cost of the LVU placements.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { previousQuarter } from '../../../domain/compensation/view.ts';
import { apiPut } from '../../api/client.ts';
import {
  COMPENSATION_KEY,
  useCompensation,
  useCompensationExplanation,
} from '../../api/compensation-queries.ts';
import type { CompensationView, DailyCost } from '../../api/compensation-types.ts';
import { ErrorSummary, type SummaryField } from '../../components/form/ErrorSummary.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { useFormFeedback } from '../../components/form/useFormFeedback.ts';
import { Page } from '../../components/Page.tsx';
import { Confirmation, type Confirmed, LoadError, Loading } from '../../components/Status.tsx';
import { fieldErrorText } from '../../form-errors.ts';
import { formKronor } from '../../form-kronor.ts';
import { todayInSweden } from '../../dates.ts';
import { useAmountLabel, useCountLabel } from './counts.ts';
import { useI18n } from '../../language.tsx';
import { AnnualSection, PaidSection } from './PayoutSections.tsx';

/** The eight quarters up to the previous one, newest first. */
function quarterChoices(today: string): string[] {
  const choices = [previousQuarter(today)];
  for (let i = 1; i < 8; i++) {
    const last = choices[i - 1] ?? '';
    choices.push(
      previousQuarter(
        `${last.slice(0, 4)}-${String((Number(last.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`,
      ),
    );
  }
  return choices;
}

const DailyCostForm = z.object({
  dailyCost: formKronor.refine((n) => n >= 1 && n <= 100_000, 'daily_cost_range'),
});
type DailyCostInput = z.input<typeof DailyCostForm>;
type DailyCostOutput = z.output<typeof DailyCostForm>;

function DailyCostRow({ placement }: { readonly placement: CompensationView['lvuPlacements'][number] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  // The button is disabled while sending: the confirmation takes focus, or focus would fall to the page's body.
  const [saved, setSaved] = useState<Confirmed | null>(null);
  const id = `cost-${placement.placementId}`;
  const fields: readonly SummaryField[] = [{ name: 'dailyCost', id, label: 'compensation.lvu.cost' }];
  const form = useForm<DailyCostInput, unknown, DailyCostOutput>({
    resolver: zodResolver(DailyCostForm),
    shouldFocusError: false,
    defaultValues: { dailyCost: placement.dailyCost === null ? '' : String(placement.dailyCost) },
  });
  const feedback = useFormFeedback(form.setError, ['dailyCost']);
  const submit = useMutation({
    mutationFn: (values: DailyCostOutput) =>
      apiPut<DailyCost>(
        `/api/compensation/placements/${encodeURIComponent(placement.placementId)}/daily-cost`,
        values,
      ),
    onSuccess: async () => {
      setSaved({ text: t('compensation.lvu.saved'), focus: true });
      await queryClient.invalidateQueries({ queryKey: COMPENSATION_KEY });
    },
    onError: feedback.onServerError,
  });
  return (
    <li>
      <h3 id={`${id}-title`}>
        {placement.name ?? t('compensation.protectedName')} ({placement.dossierNumber}),{' '}
        {t('compensation.lvu.from', { from: placement.from })}
      </h3>
      <Confirmation confirmed={saved} />
      <form
        noValidate
        className="form"
        aria-labelledby={`${id}-title`}
        onSubmit={form.handleSubmit((values) => {
          feedback.clear();
          setSaved(null);
          submit.mutate(values);
        }, feedback.onInvalid)}
      >
        <ErrorSummary
          errors={form.formState.errors}
          fields={fields}
          general={feedback.general}
          attempt={feedback.attempt}
        />
        <TextField
          id={id}
          label={t('compensation.lvu.cost')}
          inputMode="numeric"
          width="short"
          error={fieldErrorText(t, form.formState.errors.dailyCost)}
          registration={form.register('dailyCost')}
        />
        <button type="submit" className="button" disabled={submit.isPending}>
          {submit.isPending ? t('form.sending') : t('compensation.lvu.save')}
        </button>
      </form>
    </li>
  );
}

function Explanation({ childId, quarter }: { readonly childId: string; readonly quarter: string }) {
  const { t, number } = useI18n();
  const countLabel = useCountLabel();
  const amountLabel = useAmountLabel();
  const explanation = useCompensationExplanation(childId, quarter);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = explanation.data !== undefined;
  // Opened from a child's row far up the page: focus moves to the explanation's heading, once it is there.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, childId]);
  if (explanation.isPending) return <Loading />;
  if (explanation.isError) return <LoadError error={explanation.error} />;
  const e = explanation.data;
  const params = {
    name: e.name ?? t('compensation.protectedName'),
    dossier: e.dossierNumber,
    quarter: e.quarter,
  };
  return (
    <section aria-labelledby="compensation-explanation" className="section">
      <h2 id="compensation-explanation" ref={heading} tabIndex={-1}>
        {t('compensation.explanation', params)}
      </h2>
      <table className="table">
        <caption>{t('compensation.explanation.caption', params)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compensation.code')}</th>
            <th scope="col">{t('compensation.firstDay')}</th>
            <th scope="col">{t('compensation.lastDay')}</th>
            <th scope="col" className="num">
              {t('compensation.count')}
            </th>
            <th scope="col" className="num">
              {t('compensation.rate')}
            </th>
            <th scope="col" className="num">
              {t('compensation.amount')}
            </th>
            <th scope="col">{t('compensation.source')}</th>
          </tr>
        </thead>
        <tbody>
          {e.runs.map((run) => (
            <tr key={`${run.code}-${run.firstDay}`}>
              <td>{t(`compensation.code.${run.code}`)}</td>
              <td>{run.firstDay}</td>
              <td>{run.lastDay}</td>
              <td className="num">{countLabel(run.code, run.count)}</td>
              <td className="num">
                {run.code === 'SFV_KOSTNAD' ? '–' : t('compensation.kr', { amount: number(run.rate) })}
              </td>
              <td className="num">{amountLabel(run.code, run.amount)}</td>
              <td>
                {run.schoolForm !== null && (
                  <span className="block">
                    {t('compensation.basis.school', {
                      form: t(`compensation.schoolForm.${run.schoolForm}`),
                    })}
                  </span>
                )}
                {run.custodyFrom !== null && t('compensation.basis.custody', { date: run.custodyFrom })}
                {run.source !== null && `${run.source} ${run.verified ? '' : t('compensation.unverified')}`}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              {t('compensation.total')}
            </th>
            <td className="num">{t('compensation.kr', { amount: number(e.total) })}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

export function CompensationPage() {
  const { t, number } = useI18n();
  const choices = quarterChoices(todayInSweden());
  const [quarter, setQuarter] = useState<string | null>(null);
  const [chosen, setChosen] = useState(choices[0] ?? '');
  const [explained, setExplained] = useState<string | null>(null);
  const compensation = useCompensation(quarter);
  return (
    <Page title={t('compensation.title')}>
      <p>{t('compensation.intro')}</p>
      <p>
        <Link to="/ersattning/ansokningar">{t('claims.fromView')}</Link>
      </p>
      <form
        className="form form--inline"
        onSubmit={(event) => {
          event.preventDefault();
          setExplained(null);
          setQuarter(chosen);
        }}
      >
        <div className="field">
          <label htmlFor="compensation-quarter">{t('compensation.quarter')}</label>
          <select
            id="compensation-quarter"
            className="input select"
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
          >
            {choices.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('compensation.show')}
        </button>
      </form>
      {compensation.isPending ? (
        <Loading />
      ) : compensation.isError ? (
        <LoadError error={compensation.error} />
      ) : (
        <QuarterView
          view={compensation.data}
          explained={explained}
          onExplain={setExplained}
          number={number}
        />
      )}
    </Page>
  );
}

function QuarterView({
  view,
  explained,
  onExplain,
  number,
}: {
  readonly view: CompensationView;
  readonly explained: string | null;
  readonly onExplain: (childId: string) => void;
  readonly number: (value: number) => string;
}) {
  const { t } = useI18n();
  const kr = (amount: number) => t('compensation.kr', { amount: number(amount) });
  const countLabel = useCountLabel();
  const amountLabel = useAmountLabel();
  return (
    <>
      <p>{t('compensation.deadline', { date: view.claimDeadline })}</p>
      <section aria-labelledby="compensation-totals" className="section">
        <h2 id="compensation-totals">
          {t('compensation.totals')}, {view.quarter}
        </h2>
        {view.totals.length === 0 ? (
          <p>{t('compensation.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('compensation.code')}</th>
                <th scope="col">{t('compensation.kind')}</th>
                <th scope="col" className="num">
                  {t('compensation.count')}
                </th>
                <th scope="col" className="num">
                  {t('compensation.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.totals.map((line) => (
                <tr key={line.code}>
                  <td>{t(`compensation.code.${line.code}`)}</td>
                  <td>{t(`compensation.claimKind.${line.claimKind}`)}</td>
                  <td className="num">{countLabel(line.code, line.count)}</td>
                  <td className="num">{amountLabel(line.code, line.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('compensation.total')}
                </th>
                <td className="num">{kr(view.total)}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </section>
      <PaidSection quarter={view.quarter} />
      <section aria-labelledby="compensation-warnings" className="section">
        <h2 id="compensation-warnings">{t('compensation.warnings')}</h2>
        {view.warnings.length === 0 ? (
          <p>{t('compensation.noWarnings')}</p>
        ) : (
          <ul>
            {view.warnings.map((w) => (
              <li key={`${w.childId}-${w.code}-${w.placementFrom}`}>
                {t(`compensation.warning.${w.code}`, {
                  name: w.name ?? t('compensation.protectedName'),
                  dossier: w.dossierNumber,
                  date: w.placementFrom,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {view.children.length > 0 && (
        <section aria-labelledby="compensation-children" className="section">
          <h2 id="compensation-children">{t('compensation.children')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('compensation.child')}</th>
                <th scope="col">{t('compensation.dossier')}</th>
                <th scope="col">{t('compensation.code')}</th>
                <th scope="col" className="num">
                  {t('compensation.amount')}
                </th>
                <td />
              </tr>
            </thead>
            <tbody>
              {view.children.map((c) => (
                <tr key={c.childId}>
                  <td>{c.name ?? t('compensation.protectedName')}</td>
                  <td>{c.dossierNumber}</td>
                  <td>
                    {c.lines
                      .map(
                        (line) =>
                          `${t(`compensation.code.${line.code}`)}: ${amountLabel(line.code, line.amount)}`,
                      )
                      .join('; ')}
                  </td>
                  <td className="num">{kr(c.total)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--link"
                      aria-label={`${t('compensation.explain')}: ${c.name ?? c.dossierNumber}`}
                      onClick={() => onExplain(c.childId)}
                    >
                      {t('compensation.explain')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {explained !== null && <Explanation childId={explained} quarter={view.quarter} />}
      <section aria-labelledby="compensation-lvu" className="section">
        <h2 id="compensation-lvu">{t('compensation.lvu')}</h2>
        {view.lvuPlacements.length === 0 ? (
          <p>{t('compensation.lvu.none')}</p>
        ) : (
          <ul className="plain-list">
            {view.lvuPlacements.map((p) => (
              <DailyCostRow key={p.placementId} placement={p} />
            ))}
          </ul>
        )}
      </section>
      <AnnualSection year={view.quarter.slice(0, 4)} />
    </>
  );
}
