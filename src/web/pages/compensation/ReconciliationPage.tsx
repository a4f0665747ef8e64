/**
 * The reconciliation of a municipality's year (issue 14 point 8): computed, claimed, granted and paid per child and
 * compensation, what differs and why, and the CSV. The finance officer sees the own municipality (`/avstamning`); the
 * Agency's compensation officer chooses one (`/avstamning/kommuner`) and sees the children by dossier number only.
 */
import { useEffect, useRef, useState } from 'react';
import { reconcilableYears } from '../../../domain/compensation/reconciliation.ts';
import { withQuery } from '../../api/client.ts';
import { reconciliationUrl, useReconciliation } from '../../api/compensation-queries.ts';
import type { Reconciliation } from '../../api/compensation-types.ts';
import { MunicipalityOptions } from '../../components/MunicipalityOptions.tsx';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { useI18n } from '../../language.tsx';

type Row = Reconciliation['rows'][number];

/** What differs on a row, in words: not claimed, not granted, not paid (or the reverse). */
function differences(row: Row, kr: (amount: number) => string, t: ReturnType<typeof useI18n>['t']): string[] {
  const out: string[] = [];
  if (row.unclaimed < 0) out.push(t('reconciliation.unclaimed', { amount: kr(-row.unclaimed) }));
  if (row.unclaimed > 0) out.push(t('reconciliation.overclaimed', { amount: kr(row.unclaimed) }));
  if (row.notGranted < 0) out.push(t('reconciliation.notGranted', { amount: kr(-row.notGranted) }));
  if (row.unpaid < 0) out.push(t('reconciliation.unpaid', { amount: kr(-row.unpaid) }));
  if (row.unpaid > 0) out.push(t('reconciliation.overpaid', { amount: kr(row.unpaid) }));
  if (row.pending !== null && row.pending > 0)
    out.push(t('reconciliation.pendingText', { amount: kr(row.pending) }));
  return out;
}

function YearReport({
  view,
  municipalityCode,
}: {
  readonly view: Reconciliation;
  readonly municipalityCode: string | null;
}) {
  const { t, tn, number } = useI18n();
  const [onlyDiffering, setOnlyDiffering] = useState(true);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [view.municipalityCode, view.year]);
  const kr = (amount: number) => t('compensation.kr', { amount: number(amount) });
  const params = { municipality: view.municipalityName, year: String(view.year) };
  const rows = onlyDiffering ? view.rows.filter((row) => row.differs) : view.rows;
  const notApplicable = <span className="hint">{t('reconciliation.notApplicable')}</span>;
  return (
    <section aria-labelledby="reconciliation-heading" className="section">
      <h2 id="reconciliation-heading" ref={heading} tabIndex={-1}>
        {t('reconciliation.heading', params)}
      </h2>
      <p>{t('reconciliation.window', { from: view.from, to: view.to })}</p>
      <table className="table">
        <caption>{t('reconciliation.totals')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('reconciliation.computed')}
            </th>
            <th scope="col" className="num">
              {t('reconciliation.claimed')}
            </th>
            <th scope="col" className="num">
              {t('reconciliation.pending')}
            </th>
            <th scope="col" className="num">
              {t('reconciliation.granted')}
            </th>
            <th scope="col" className="num">
              {t('reconciliation.expected')}
            </th>
            <th scope="col" className="num">
              {t('reconciliation.paid')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="num">{kr(view.totals.computed)}</td>
            <td className="num">{kr(view.totals.claimed)}</td>
            <td className="num">{kr(view.totals.pending)}</td>
            <td className="num">{kr(view.totals.granted)}</td>
            <td className="num">{kr(view.totals.expected)}</td>
            <td className="num">{kr(view.totals.paid)}</td>
          </tr>
        </tbody>
      </table>
      <p role="status">{tn('reconciliation.differing', view.differing)}</p>
      <p>
        <a
          className="button button--secondary"
          href={withQuery(reconciliationUrl(municipalityCode, 'csv'), { year: view.year })}
          download
        >
          {t('reconciliation.csv')}
        </a>{' '}
        <span className="hint">{t('reconciliation.csvNote')}</span>
      </p>
      <h3>{t('reconciliation.rows')}</h3>
      <div className="check">
        <input
          id="reconciliation-only-differing"
          type="checkbox"
          checked={onlyDiffering}
          onChange={(event) => setOnlyDiffering(event.target.checked)}
        />
        <label htmlFor="reconciliation-only-differing">{t('reconciliation.onlyDiffering')}</label>
      </div>
      {rows.length === 0 ? (
        <p>{t(view.rows.length === 0 ? 'reconciliation.none' : 'reconciliation.noneDiffering')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('reconciliation.caption', params)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reconciliation.child')}</th>
                <th scope="col">{t('reconciliation.code')}</th>
                <th scope="col" className="num">
                  {t('reconciliation.computed')}
                </th>
                <th scope="col" className="num">
                  {t('reconciliation.claimed')}
                </th>
                <th scope="col" className="num">
                  {t('reconciliation.granted')}
                </th>
                <th scope="col" className="num">
                  {t('reconciliation.paid')}
                </th>
                <th scope="col">{t('reconciliation.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const said = differences(row, kr, t);
                return (
                  <tr key={`${row.childId ?? 'municipality'}-${row.code}`}>
                    <th scope="row">
                      {row.childId === null
                        ? t('reconciliation.municipalityRow')
                        : row.name === null
                          ? t('reconciliation.dossier', { dossier: row.dossierNumber ?? '' })
                          : `${row.name} (${row.dossierNumber ?? ''})`}
                    </th>
                    <td>{t(`compensation.code.${row.code}`)}</td>
                    <td className="num">{kr(row.computed)}</td>
                    <td className="num">{row.claimed === null ? notApplicable : kr(row.claimed)}</td>
                    <td className="num">{row.granted === null ? notApplicable : kr(row.granted)}</td>
                    <td className="num">{kr(row.paid)}</td>
                    <td>{said.length === 0 ? t('reconciliation.matches') : said.join(' · ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Chosen({ choice }: { readonly choice: { municipalityCode: string | null; year: string } }) {
  const reconciliation = useReconciliation(choice);
  if (reconciliation.isPending) return <Loading />;
  if (reconciliation.isError) return <LoadError error={reconciliation.error} />;
  return <YearReport view={reconciliation.data} municipalityCode={choice.municipalityCode} />;
}

/** The page: `agency` chooses a municipality, otherwise the own municipality's. */
function ReconciliationBody({ agency }: { readonly agency: boolean }) {
  const { t } = useI18n();
  const years = reconcilableYears(todayInSweden()).map(String);
  const [year, setYear] = useState(years[0] ?? '');
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [missing, setMissing] = useState(false);
  const [choice, setChoice] = useState<{ municipalityCode: string | null; year: string } | null>(
    agency || year === '' ? null : { municipalityCode: null, year },
  );
  return (
    <Page title={t('reconciliation.title')}>
      <p>{t('reconciliation.intro')}</p>
      <form
        className="form form--inline"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (agency && municipalityCode === '') {
            setMissing(true);
            document.getElementById('reconciliation-municipality')?.focus();
            return;
          }
          setMissing(false);
          setChoice({ municipalityCode: agency ? municipalityCode : null, year });
        }}
      >
        {agency && (
          <div className={missing ? 'field field--error' : 'field'}>
            <label htmlFor="reconciliation-municipality">{t('reconciliation.municipality')}</label>
            {missing && (
              <p id="reconciliation-municipality-error" className="field-error">
                {t('reconciliation.chooseMunicipalityError')}
              </p>
            )}
            <select
              id="reconciliation-municipality"
              className="input select"
              value={municipalityCode}
              aria-invalid={missing ? true : undefined}
              aria-describedby={missing ? 'reconciliation-municipality-error' : undefined}
              onChange={(event) => setMunicipalityCode(event.target.value)}
            >
              <option value="">{t('reconciliation.chooseMunicipality')}</option>
              <MunicipalityOptions />
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="reconciliation-year">{t('reconciliation.year')}</label>
          <select
            id="reconciliation-year"
            className="input select"
            value={year}
            onChange={(event) => setYear(event.target.value)}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('compensation.show')}
        </button>
      </form>
      {choice !== null && (
        <Chosen key={`${choice.municipalityCode ?? 'own'}-${choice.year}`} choice={choice} />
      )}
    </Page>
  );
}

/** The finance officer's: the own municipality. */
export function ReconciliationPage() {
  return <ReconciliationBody agency={false} />;
}

/** The Agency's compensation officer's: any municipality. */
export function AgencyReconciliationPage() {
  return <ReconciliationBody agency />;
}
