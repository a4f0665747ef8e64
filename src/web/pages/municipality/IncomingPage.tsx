/**
 * The municipality's newly assigned children ("Inkommande barn"). A unit manager (who may read the allocation
 * figures) also sees the municipality's share and its received children against the exact quota over time.
 */
import { Link } from '@tanstack/react-router';
import { INCOMING_WINDOW_DAYS } from '../../../domain/responsibility/handover.ts';
import { useIncoming } from '../../api/allocation-queries.ts';
import { useSession } from '../../api/queries.ts';
import { ChildrenTable, useChildColumns } from '../../components/ChildrenTable.tsx';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { activeAssignment, can } from '../../permissions.ts';
import { MunicipalityStanding } from './MunicipalityStanding.tsx';

export function IncomingPage() {
  const { t, tn } = useI18n();
  const active = activeAssignment(useSession().data);
  const incoming = useIncoming();
  const columns = useChildColumns();
  const code = active?.municipalityCode ?? null;
  return (
    <Page title={t('incoming.title')}>
      <p className="lead">{tn('incoming.intro', INCOMING_WINDOW_DAYS)}</p>
      <Announce>
        {incoming.data !== undefined && (
          <p className="result-count">{tn('incoming.count', incoming.data.length)}</p>
        )}
      </Announce>
      {incoming.isPending && <Loading />}
      {incoming.isError && <LoadError error={incoming.error} />}
      {incoming.data?.length === 0 && <p>{tn('incoming.empty', INCOMING_WINDOW_DAYS)}</p>}
      {incoming.data !== undefined && incoming.data.length > 0 && (
        <ChildrenTable
          caption={t('incoming.caption')}
          rows={incoming.data}
          dossierCell={(child) => (
            <Link to="/barn/$childId" params={{ childId: child.id }}>
              {child.dossierNumber}
            </Link>
          )}
          columns={[
            columns.gender,
            { header: t('incoming.col.assignedOn'), cell: (child) => child.assignedOn, nowrap: true },
          ]}
        />
      )}
      {can(active?.role, 'allocation:read') && code !== null && <MunicipalityStanding code={code} />}
    </Page>
  );
}
