/** "Who has seen this child": for the responsible organisation's unit manager and data protection officer. */
import { Link } from '@tanstack/react-router';
import { ApiError } from '../api/client.ts';
import { useAccessLog, useSession } from '../api/queries.ts';
import { Page } from '../components/Page.tsx';
import { Announce, LoadError, Loading } from '../components/Status.tsx';
import { useI18n } from '../language.tsx';
import { activeAssignment, can } from '../permissions.ts';
import { AuditEventsTable } from './audit/AuditEventsTable.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function AccessLogPage({ childId }: { readonly childId: string }) {
  const { t, tn } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  const log = useAccessLog(childId);
  if (log.error instanceof ApiError && log.error.status === 404) return <NotFoundPage />;
  return (
    <Page title={t('accessLog.title')}>
      <p className="lead">{t('accessLog.intro')}</p>
      {can(role, 'child:read') && (
        <p>
          <Link to="/barn/$childId" params={{ childId }}>
            {t('accessLog.back')}
          </Link>
        </p>
      )}
      <Announce>
        {log.data !== undefined && <p className="result-count">{tn('audit.count', log.data.length)}</p>}
      </Announce>
      {log.isPending && <Loading />}
      {log.isError && <LoadError error={log.error} />}
      {log.data?.length === 0 && <p>{t('accessLog.empty')}</p>}
      {log.data !== undefined && log.data.length > 0 && (
        <AuditEventsTable
          events={log.data}
          caption={t('accessLog.caption')}
          linkUsers={can(role, 'audit:read')}
          linkChildren={false}
        />
      )}
    </Page>
  );
}
