/** One child, as much as the active role may see. Outside the scope the server answers 404: the not-found page. */
import { Link } from '@tanstack/react-router';
import { ApiError } from '../../api/client.ts';
import { useChild, useSession } from '../../api/queries.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { activeAssignment, can } from '../../permissions.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { AppointGuardianForm } from './AppointGuardianForm.tsx';
import { ChildFacts, GuardianTable, ResponsibilityTable } from './ChildFacts.tsx';
import { JournalSection } from './JournalSection.tsx';

export function ChildPage({ childId }: { readonly childId: string }) {
  const { t } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  const child = useChild(childId);
  if (child.error instanceof ApiError && child.error.status === 404) return <NotFoundPage />;
  if (child.isPending || child.isError) {
    return (
      <Page title={t('children.title')}>
        {child.isError ? <LoadError error={child.error} /> : <Loading />}
      </Page>
    );
  }
  const data = child.data;
  return (
    <Page title={t('child.title', { dossier: data.dossierNumber })}>
      {data.emergencyAccess && (
        <div className="notice notice--warning">
          <p>{t('child.emergencyBanner')}</p>
        </div>
      )}
      <ChildFacts child={data} />
      {can(role, 'child:access-log') && (
        <p>
          <Link to="/barn/$childId/atkomstlogg" params={{ childId }}>
            {t('child.accessLogLink')}
          </Link>
        </p>
      )}
      {data.responsibility !== null && <ResponsibilityTable periods={data.responsibility} />}
      {data.guardians !== null && <GuardianTable guardians={data.guardians} />}
      {can(role, 'guardianship:appoint') && <AppointGuardianForm childId={childId} />}
      {can(role, 'child:journal:read') && data.journalAccess !== 'none' && (
        <JournalSection
          childId={childId}
          ownOnly={data.journalAccess === 'own_organisation'}
          mayWrite={data.mayWrite && can(role, 'child:journal:write')}
        />
      )}
    </Page>
  );
}
