/**
 * The municipality's newly assigned children ("Inkommande barn"). A unit manager (who may read the allocation
 * figures) also sees the municipality's share and its received children against the exact quota over time.
 */
import { Link } from '@tanstack/react-router';
import { useIncoming } from '../../api/allocation-queries.ts';
import { useSession } from '../../api/queries.ts';
import { ChildName } from '../../components/ChildName.tsx';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { activeAssignment, can } from '../../permissions.ts';
import { MunicipalityStanding } from './MunicipalityStanding.tsx';

export function IncomingPage() {
  const { t } = useI18n();
  const active = activeAssignment(useSession().data);
  const incoming = useIncoming();
  const code = active?.municipalityCode ?? null;
  return (
    <Page title={t('incoming.title')}>
      <p className="lead">{t('incoming.intro')}</p>
      <Announce>
        {incoming.data !== undefined && (
          <p className="result-count">{t('incoming.count', { count: incoming.data.length })}</p>
        )}
      </Announce>
      {incoming.isPending && <Loading />}
      {incoming.isError && <LoadError error={incoming.error} />}
      {incoming.data?.length === 0 && <p>{t('incoming.empty')}</p>}
      {incoming.data !== undefined && incoming.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('incoming.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('children.col.dossier')}</th>
                <th scope="col">{t('children.col.name')}</th>
                <th scope="col">{t('children.col.birthDate')}</th>
                <th scope="col">{t('children.col.gender')}</th>
                <th scope="col">{t('incoming.col.assignedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {incoming.data.map((child) => (
                <tr key={child.id}>
                  <th scope="row">
                    <Link to="/barn/$childId" params={{ childId: child.id }}>
                      {child.dossierNumber}
                    </Link>
                  </th>
                  <td>
                    <ChildName child={child} />
                  </td>
                  <td className="nowrap">{child.birthDate}</td>
                  <td>{t(`gender.${child.gender}`)}</td>
                  <td className="nowrap">{child.assignedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can(active?.role, 'allocation:read') && code !== null && <MunicipalityStanding code={code} />}
    </Page>
  );
}
