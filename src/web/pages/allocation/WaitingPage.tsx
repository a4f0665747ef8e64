/** For the allocation officer: children registered and waiting for an allocation decision, oldest first. */
import { Link } from '@tanstack/react-router';
import { useWaiting } from '../../api/allocation-queries.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { AllocationTabs } from './AllocationTabs.tsx';

export function WaitingPage() {
  const { t } = useI18n();
  const waiting = useWaiting();
  return (
    <Page title={t('waiting.title')}>
      <p className="lead">{t('waiting.intro')}</p>
      <AllocationTabs />
      <Announce>
        {waiting.data !== undefined && (
          <p className="result-count">{t('waiting.count', { count: waiting.data.length })}</p>
        )}
      </Announce>
      {waiting.isPending && <Loading />}
      {waiting.isError && <LoadError error={waiting.error} />}
      {waiting.data?.length === 0 && <p>{t('waiting.empty')}</p>}
      {waiting.data !== undefined && waiting.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('waiting.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('children.col.dossier')}</th>
                <th scope="col">{t('children.col.name')}</th>
                <th scope="col">{t('children.col.birthDate')}</th>
                <th scope="col">{t('children.col.gender')}</th>
                <th scope="col">{t('waiting.col.arrival')}</th>
              </tr>
            </thead>
            <tbody>
              {waiting.data.map((child) => (
                <tr key={child.id}>
                  <th scope="row">
                    <Link
                      to="/anvisning/barn/$childId"
                      params={{ childId: child.id }}
                      aria-label={t('waiting.open', { dossier: child.dossierNumber })}
                    >
                      {child.dossierNumber}
                    </Link>
                  </th>
                  <td>
                    <ChildName child={child} />
                  </td>
                  <td className="nowrap">{child.birthDate}</td>
                  <td>{t(`gender.${child.gender}`)}</td>
                  <td>{child.responsibleMunicipality?.name ?? t('common.missing')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/anvisning/ankomst" className="button button--secondary">
          {t('waiting.register')}
        </Link>
      </p>
    </Page>
  );
}
