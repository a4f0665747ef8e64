/** Share versions (andelar per year), newest first; each is immutable and valid from its date until replaced. */
import { Link } from '@tanstack/react-router';
import { useShareVersions } from '../../api/allocation-queries.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { todayInSweden } from '../../dates.ts';
import { useI18n } from '../../language.tsx';
import { SharesTabs } from './SharesTabs.tsx';
import { RedistributionDecisions } from './RedistributionDecisions.tsx';

export function SharesPage() {
  const { t, dateTime } = useI18n();
  const versions = useShareVersions();
  const today = todayInSweden();
  const inForce = versions.data?.find((v) => v.validFrom <= today)?.id;
  return (
    <Page title={t('shares.title')}>
      <p className="lead">{t('shares.intro')}</p>
      <SharesTabs />
      {versions.isPending && <Loading />}
      {versions.isError && <LoadError error={versions.error} />}
      {versions.data?.length === 0 && <p>{t('shares.empty')}</p>}
      {versions.data !== undefined && versions.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('shares.versionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('shares.col.validFrom')}</th>
                <th scope="col">{t('shares.col.source')}</th>
                <th scope="col">{t('shares.col.note')}</th>
                <th scope="col">{t('shares.col.decidedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <Link
                      to="/andelar/$versionId"
                      params={{ versionId: v.id }}
                      aria-label={t('shares.open', { date: v.validFrom })}
                    >
                      {v.validFrom}
                    </Link>
                    {v.id === inForce && <span className="tag tag--ok">{t('shares.inForce')}</span>}
                  </th>
                  <td>{t(`shares.source.${v.source}`)}</td>
                  <td>{v.note}</td>
                  <td className="nowrap">{dateTime(v.decidedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RedistributionDecisions />
    </Page>
  );
}
