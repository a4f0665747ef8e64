/**
 * The parts of the municipality's compensation page that come from the Agency's payments (ADR 0035): the year's
 * annual compensation with its computation spelled out (the share after redistribution, the forecast, the rounding),
 * and per child and code what the Agency paid for the quarter next to what Anvisa computes now.
 */
import { useAnnual, usePaid } from '../../api/payout-queries.ts';
import type { Annual, ComparisonRow } from '../../api/payout-types.ts';
import { LoadError, Loading } from '../../components/Status.tsx';
import { isMessageKey } from '../../i18n.ts';
import { useI18n } from '../../language.tsx';

/** A table of computed, paid and the difference per child (when `withChild`) and code. */
export function ComparisonTable({
  rows,
  totals,
  caption,
  withChild,
}: {
  readonly rows: readonly ComparisonRow[];
  readonly totals: { readonly computed: number; readonly paid: number; readonly difference: number };
  readonly caption: string;
  readonly withChild: boolean;
}) {
  const { t, number } = useI18n();
  const kr = (amount: number) => t('compensation.kr', { amount: number(amount) });
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {withChild && <th scope="col">{t('compensation.child')}</th>}
          <th scope="col">{t('compensation.code')}</th>
          <th scope="col" className="num">
            {t('payouts.computed')}
          </th>
          <th scope="col" className="num">
            {t('payouts.paid')}
          </th>
          <th scope="col" className="num">
            {t('payouts.difference')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={`${row.childId ?? ''}-${row.code}`}
            className={row.difference > 0 ? 'row--overdue' : undefined}
          >
            {withChild && <td>{childText(t, row)}</td>}
            <td>{t(`compensation.code.${row.code}`)}</td>
            <td className="num">{kr(row.computed.amount)}</td>
            <td className="num">{kr(row.paid.amount)}</td>
            <td className="num">{kr(row.difference)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={withChild ? 2 : 1}>
            {t('compensation.total')}
          </th>
          <td className="num">{kr(totals.computed)}</td>
          <td className="num">{kr(totals.paid)}</td>
          <td className="num">{kr(totals.difference)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** A child on a line: name and dossier number, the dossier number alone behind a protected identity. */
export function childText(
  t: ReturnType<typeof useI18n>['t'],
  child: { readonly name: string | null; readonly dossierNumber: string | null },
): string {
  if (child.dossierNumber === null) return t('payouts.municipalityLine');
  return child.name === null
    ? t('payouts.protectedChild', { dossier: child.dossierNumber })
    : `${child.name} (${child.dossierNumber})`;
}

/** A decimal with as many decimals as it was written with (9.45 ‰, 14.175 children), in the language's way. */
function exactly(decimal: ReturnType<typeof useI18n>['decimal'], value: number | string): string {
  return decimal(value, { digits: String(value).split('.')[1]?.length ?? 0 });
}

export function AnnualSection({ year }: { readonly year: string }) {
  const { t } = useI18n();
  const annual = useAnnual(year);
  return (
    <section aria-labelledby="compensation-annual" className="section">
      <h2 id="compensation-annual">{t('payouts.annual.title', { year })}</h2>
      {annual.isPending ? (
        <Loading />
      ) : annual.isError ? (
        <LoadError error={annual.error} />
      ) : (
        <AnnualBody annual={annual.data} />
      )}
    </section>
  );
}

/** The year's basis, the computation step by step, computed against paid, and the payouts made. */
export function AnnualBody({ annual: a }: { readonly annual: Annual }) {
  const { t, number, decimal } = useI18n();
  const kr = (amount: number) => t('compensation.kr', { amount: number(amount) });
  const year = String(a.year);
  const sourceKey = `shares.source.${a.shareVersion?.source ?? ''}`;
  const c = a.computation;
  return (
    <>
      {a.shareVersion === null ? (
        <p>{t('payouts.annual.noShares', { year })}</p>
      ) : (
        <p>
          {t('payouts.annual.share', {
            promille: exactly(decimal, a.promille ?? 0),
            validFrom: a.shareVersion.validFrom,
            decidedOn: a.shareVersion.decidedOn,
            source: isMessageKey(sourceKey) ? t(sourceKey) : a.shareVersion.source,
          })}
        </p>
      )}
      {a.forecast === null ? (
        <p>{t('payouts.annual.noForecast', { year })}</p>
      ) : (
        <p>
          {t('payouts.annual.forecast', {
            forecast: number(a.forecast.forecast),
            source: a.forecast.source,
            recordedOn: a.forecast.recordedOn,
          })}
        </p>
      )}
      {c !== null && (
        <ul>
          {c.fixedRate !== null && (
            <li>
              {t('payouts.annual.fixed', { amount: kr(c.fixedRate.amount) })}{' '}
              {c.fixedRate.verified ? '' : t('compensation.unverified')}
            </li>
          )}
          {c.variableRate !== null && (
            <li>
              {t('payouts.annual.variable', {
                promille: exactly(decimal, c.promille),
                forecast: number(c.forecast),
                exact: exactly(decimal, c.exactChildren),
                children: number(c.children),
                rate: kr(c.variableRate.amount),
                amount: kr(c.children * c.variableRate.amount),
              })}{' '}
              {c.variableRate.verified ? '' : t('compensation.unverified')}
            </li>
          )}
        </ul>
      )}
      {a.comparison.length > 0 && (
        <ComparisonTable
          rows={a.comparison}
          totals={a.totals}
          caption={t('payouts.annual.caption', { year })}
          withChild={false}
        />
      )}
      <PayoutList payouts={a.payouts} />
    </>
  );
}

export function PayoutList({
  payouts,
}: {
  readonly payouts: readonly { id: string; kind: string; paidOn: string; total: number }[];
}) {
  const { t, number } = useI18n();
  if (payouts.length === 0) return <p>{t('payouts.noneMade')}</p>;
  return (
    <ul>
      {payouts.map((p) => (
        <li key={p.id}>
          {t(p.kind === 'regular' ? 'payouts.madeRegular' : 'payouts.madeSupplementary', {
            date: p.paidOn,
            amount: t('compensation.kr', { amount: number(p.total) }),
          })}
        </li>
      ))}
    </ul>
  );
}

export function PaidSection({ quarter }: { readonly quarter: string }) {
  const { t } = useI18n();
  const paid = usePaid(quarter);
  return (
    <section aria-labelledby="compensation-paid" className="section">
      <h2 id="compensation-paid">{t('payouts.paidTitle', { quarter })}</h2>
      {paid.isPending ? (
        <Loading />
      ) : paid.isError ? (
        <LoadError error={paid.error} />
      ) : (
        <>
          <PayoutList payouts={paid.data.payouts} />
          {paid.data.comparison.length > 0 && (
            <ComparisonTable
              rows={paid.data.comparison}
              totals={paid.data.totals}
              caption={t('payouts.paidCaption', { quarter })}
              withChild
            />
          )}
        </>
      )}
    </section>
  );
}
