/** One share version: every municipality's per mille (filter by county, with the sum), its transfers, and for
 * those who manage shares, a transfer within a county that makes a new version. */
import { useState } from 'react';
import { useShareVersion } from '../../api/allocation-queries.ts';
import { ApiError } from '../../api/client.ts';
import { useCounties, useSession } from '../../api/queries.ts';
import { useMunicipalityName } from '../../components/MunicipalityOptions.tsx';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { activeAssignment, can } from '../../permissions.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { SharesTabs } from './SharesTabs.tsx';
import { TransferForm } from './TransferForm.tsx';

export function ShareVersionPage({ versionId }: { readonly versionId: string }) {
  const { t, tn } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  const detail = useShareVersion(versionId);
  const counties = useCounties();
  const name = useMunicipalityName();
  const [county, setCounty] = useState('');
  if (detail.error instanceof ApiError && detail.error.status === 404) return <NotFoundPage />;
  const data = detail.data;
  const values = data?.values ?? [];
  const shown = county === '' ? values : values.filter((v) => v.countyCode === county);
  const sum = (rows: typeof values) => rows.reduce((total, v) => total + v.promille, 0);
  const countyName = (code: string) => counties.data?.find((c) => c.code === code)?.name ?? code;
  return (
    <Page
      title={
        data === undefined ? t('shares.title') : t('shares.versionTitle', { date: data.version.validFrom })
      }
    >
      <SharesTabs />
      {detail.isPending && <Loading />}
      {detail.isError && <LoadError error={detail.error} />}
      {data !== undefined && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('shares.col.validFrom')}</dt>
              <dd>{data.version.validFrom}</dd>
            </div>
            <div>
              <dt>{t('shares.col.source')}</dt>
              <dd>{t(`shares.source.${data.version.source}`)}</dd>
            </div>
            <div>
              <dt>{t('shares.col.note')}</dt>
              <dd>{data.version.note}</dd>
            </div>
            <div>
              <dt>{t('shares.sumAll')}</dt>
              <dd data-testid="shares-sum">{t('shares.promille', { value: sum(values) })}</dd>
            </div>
            <div>
              <dt>{t('shares.contentHash')}</dt>
              <dd className="mono hash">{data.version.contentHash}</dd>
            </div>
          </dl>
          {data.transfers.length > 0 && (
            <div className="table-wrap">
              <table className="table table--narrow">
                <caption>{t('shares.transfersCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('transfer.from')}</th>
                    <th scope="col">{t('transfer.to')}</th>
                    <th scope="col" className="num">
                      {t('transfer.promille')}
                    </th>
                    <th scope="col">{t('transfer.decidedBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.transfers.map((tr) => (
                    <tr key={`${tr.fromCode}-${tr.toCode}`}>
                      <th scope="row">{name(tr.fromCode)}</th>
                      <td>{name(tr.toCode)}</td>
                      <td className="num">{tr.promille}</td>
                      <td>{tr.decidedBy}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <section aria-labelledby="values-title" className="section">
            <h2 id="values-title">{t('shares.valuesTitle')}</h2>
            <div className="field">
              <label htmlFor="shares-county">{t('map.countyFilter')}</label>
              <select
                id="shares-county"
                className="input select"
                value={county}
                onChange={(event) => setCounty(event.target.value)}
              >
                <option value="">{t('map.allCounties')}</option>
                {counties.data?.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="table-wrap">
              <table className="table table--narrow table--compact">
                <caption>
                  {county === ''
                    ? tn('shares.valuesCaption', shown.length)
                    : tn('shares.valuesCaptionCounty', shown.length, { county: countyName(county) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('shares.col.code')}</th>
                    <th scope="col">{t('figures.municipality')}</th>
                    <th scope="col">{t('figures.county')}</th>
                    <th scope="col" className="num">
                      {t('shares.col.promille')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((v) => (
                    <tr key={v.code}>
                      <td>{v.code}</td>
                      <th scope="row">{v.name}</th>
                      <td>{countyName(v.countyCode)}</td>
                      <td className="num">{v.promille}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={3}>
                      {county === ''
                        ? t('shares.sumAll')
                        : t('shares.sumCounty', { county: countyName(county) })}
                    </th>
                    <td className="num" data-testid="shares-shown-sum">
                      {sum(shown)}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
          {can(role, 'shares:manage') && (
            <TransferForm
              versionId={data.version.id}
              shareOf={(code) => values.find((v) => v.code === code)?.promille ?? 0}
            />
          )}
        </>
      )}
    </Page>
  );
}
