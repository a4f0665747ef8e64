/**
 * One child, as much as the active role may see. Outside the scope the server answers 404: the not-found page.
 * The case is shown in sections, each owned by its capability (pages/child/sections/); a section renders only when
 * `child.sections` says the active role may read it.
 */
import { Link } from '@tanstack/react-router';
import { ApiError } from '../../api/client.ts';
import { useChild, useSession } from '../../api/queries.ts';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { activeAssignment, can } from '../../permissions.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { ChildFacts } from './ChildFacts.tsx';
import { CaseOverviewSection } from './sections/CaseOverviewSection.tsx';
import { GuardianshipSection } from './sections/GuardianshipSection.tsx';
import { HealthSection } from './sections/HealthSection.tsx';
import { MigrationSection } from './sections/MigrationSection.tsx';
import { PersonaktSection } from './sections/PersonaktSection.tsx';
import { PlacementSection } from './sections/PlacementSection.tsx';
import { ResponsibilitySection } from './sections/ResponsibilitySection.tsx';
import { SchoolSection } from './sections/SchoolSection.tsx';
import { SocialCaseSection } from './sections/SocialCaseSection.tsx';
import { TimelineSection } from './sections/TimelineSection.tsx';

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
  const s = data.sections;
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
      <CaseOverviewSection child={data} />
      {s.responsibility !== 'none' && <ResponsibilitySection child={data} access={s.responsibility} />}
      {s.social_case !== 'none' && <SocialCaseSection child={data} access={s.social_case} />}
      {s.placement !== 'none' && <PlacementSection child={data} access={s.placement} />}
      {s.school !== 'none' && <SchoolSection child={data} access={s.school} />}
      {s.health !== 'none' && <HealthSection child={data} access={s.health} />}
      {s.guardianship !== 'none' && <GuardianshipSection child={data} access={s.guardianship} />}
      {(s.asylum !== 'none' || s.age !== 'none') && <MigrationSection child={data} asylum={s.asylum} age={s.age} />}
      {s.personakt !== 'none' && <PersonaktSection child={data} access={s.personakt} />}
      {s.timeline !== 'none' && <TimelineSection child={data} />}
    </Page>
  );
}
