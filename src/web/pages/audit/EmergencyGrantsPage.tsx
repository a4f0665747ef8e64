/** Emergency accesses opened by the organisation's users, with their stated reasons, for review. */
import { Link } from '@tanstack/react-router';
import { useEmergencyGrants } from '../../api/queries.ts';
import { Page } from '../../components/Page.tsx';
import { roleText } from '../../components/labels.ts';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { AuditTabs } from './AuditTabs.tsx';

export function EmergencyGrantsPage() {
  const { t, dateTime } = useI18n();
  const grants = useEmergencyGrants();
  return (
    <Page title={t('audit.tab.emergency')}>
      <AuditTabs />
      {grants.isPending && <Loading />}
      {grants.isError && <LoadError error={grants.error} />}
      {grants.data?.length === 0 && <p>{t('emergencyList.empty')}</p>}
      {grants.data !== undefined && grants.data.length > 0 && (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption>{t('emergencyList.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('emergencyList.col.granted')}</th>
                <th scope="col">{t('emergencyList.col.user')}</th>
                <th scope="col">{t('emergencyList.col.role')}</th>
                <th scope="col">{t('emergencyList.col.dossier')}</th>
                <th scope="col">{t('emergencyList.col.reason')}</th>
                <th scope="col">{t('emergencyList.col.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {grants.data.map((grant) => (
                <tr key={grant.id}>
                  <th scope="row" className="nowrap">
                    {dateTime(grant.grantedAt)}
                  </th>
                  <td>{grant.userName}</td>
                  <td>{roleText(t, grant.role)}</td>
                  <td>
                    <Link
                      to="/logg"
                      search={{ dossier: grant.dossierNumber }}
                      aria-label={t('audit.childLogLink', { dossier: grant.dossierNumber })}
                    >
                      {grant.dossierNumber}
                    </Link>
                  </td>
                  <td>{grant.reason}</td>
                  <td className="nowrap">{dateTime(grant.expiresAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
