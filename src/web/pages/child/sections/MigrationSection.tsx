/**
 * The child's page: the asylum case and the age case, as far as the active role may read them (the case-sections
 * table); asylum officers get a link to record the next steps.
 */
import { Link } from '@tanstack/react-router';
import { useMigration } from '../../../api/asylum-queries.ts';
import type { ChildDetail } from '../../../api/types.ts';
import { useSession } from '../../../api/queries.ts';
import { LoadError, Loading } from '../../../components/Status.tsx';
import { useI18n } from '../../../language.tsx';
import { activeAssignment, can } from '../../../permissions.ts';
import type { SectionAccess } from '../../../../domain/access/case-sections.ts';
import { AgeFacts, AsylumFacts } from '../../asylum/MigrationSummary.tsx';

export function MigrationSection({
  child,
  asylum = 'none',
  age = 'none',
}: {
  readonly child: ChildDetail;
  readonly access?: SectionAccess;
  readonly asylum?: SectionAccess;
  readonly age?: SectionAccess;
}) {
  const { t } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  const migration = useMigration(child.id, asylum !== 'none' || age !== 'none');
  const mayRecord = can(role, 'asylum:record') && (asylum === 'write' || age === 'write');
  return (
    <section aria-labelledby="migration-title" className="section">
      <h2 id="migration-title">{t('asylum.section.title')}</h2>
      {mayRecord && (
        <p>
          <Link to="/barn/$childId/asyl" params={{ childId: child.id }}>
            {t('asylum.recordLink')}
          </Link>
        </p>
      )}
      {migration.isPending && <Loading />}
      {migration.isError && <LoadError error={migration.error} />}
      {migration.data?.asylum != null && (
        <>
          <h3>{t('asylum.section.asylum')}</h3>
          <AsylumFacts asylum={migration.data.asylum} interpreter={migration.data.interpreter} />
        </>
      )}
      {migration.data?.age != null && (
        <>
          <h3>{t('asylum.section.age')}</h3>
          <AgeFacts age={migration.data.age} />
        </>
      )}
    </section>
  );
}
