/** For the allocation officer: children registered and waiting for an allocation decision, the earliest arrival first. */
import { Link } from '@tanstack/react-router';
import { useWaiting } from '../../api/allocation-queries.ts';
import { ChildrenTable, useChildColumns } from '../../components/ChildrenTable.tsx';
import { Page } from '../../components/Page.tsx';
import { Announce, LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { AllocationTabs } from './AllocationTabs.tsx';

export function WaitingPage() {
  const { t, tn } = useI18n();
  const waiting = useWaiting();
  const columns = useChildColumns();
  return (
    <Page title={t('waiting.title')}>
      <p className="lead">{t('waiting.intro')}</p>
      <AllocationTabs />
      <Announce>
        {waiting.data !== undefined && (
          <p className="result-count">{tn('waiting.count', waiting.data.length)}</p>
        )}
      </Announce>
      {waiting.isPending && <Loading />}
      {waiting.isError && <LoadError error={waiting.error} />}
      {waiting.data?.length === 0 && <p>{t('waiting.empty')}</p>}
      {waiting.data !== undefined && waiting.data.length > 0 && (
        <ChildrenTable
          caption={t('waiting.caption')}
          rows={waiting.data}
          dossierCell={(child) => (
            <Link
              to="/anvisning/barn/$childId"
              params={{ childId: child.id }}
              aria-label={t('waiting.open', { dossier: child.dossierNumber })}
            >
              {child.dossierNumber}
            </Link>
          )}
          columns={[
            {
              header: t('waiting.col.arrivalDate'),
              cell: (child) => child.arrivalDate ?? t('common.missing'),
              nowrap: true,
            },
            columns.gender,
            { ...columns.municipality, header: t('waiting.col.arrival') },
          ]}
        />
      )}
      <p>
        <Link to="/anvisning/ankomst" className="button button--secondary">
          {t('waiting.register')}
        </Link>
      </p>
    </Page>
  );
}
