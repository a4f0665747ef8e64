/**
 * "Who has seen this child": for the responsible organisation's unit manager and data protection officer. One entry
 * per page view, newest first, paged by cursor.
 */
import { Link } from '@tanstack/react-router';
import { ApiError } from '../api/client.ts';
import { useAccessLog, useSession } from '../api/queries.ts';
import { Page } from '../components/Page.tsx';
import { Announce, LoadError, Loading } from '../components/Status.tsx';
import { useI18n } from '../language.tsx';
import { activeAssignment, can } from '../permissions.ts';
import { AuditEntriesTable } from './audit/AuditEntriesTable.tsx';
import { LogPager, type LogPlace } from './audit/LogPager.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function AccessLogPage({ childId, place }: { readonly childId: string; readonly place: LogPlace }) {
  const { t, tn } = useI18n();
  const role = activeAssignment(useSession().data)?.role;
  const log = useAccessLog(childId, { before: place.aldre, after: place.nyare });
  if (log.error instanceof ApiError && log.error.status === 404) return <NotFoundPage />;
  const page = log.data;
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
      <p className="hint">{t('audit.entryHint')}</p>
      <Announce>
        {page !== undefined && <p className="result-count">{tn('audit.count', page.entries.length)}</p>}
      </Announce>
      {log.isPending && <Loading />}
      {log.isError && <LoadError error={log.error} />}
      {page?.entries.length === 0 && (
        <p>
          {place.aldre === undefined && place.nyare === undefined
            ? t('accessLog.empty')
            : t('audit.pageEmpty')}
        </p>
      )}
      {page !== undefined && page.entries.length > 0 && (
        <AuditEntriesTable
          entries={page.entries}
          caption={t('accessLog.caption')}
          linkUsers={can(role, 'audit:read')}
          showChildren={false}
          focusKey={`${place.aldre ?? ''}-${place.nyare ?? ''}`}
        />
      )}
      {page !== undefined && (
        <LogPager
          page={page}
          place={place}
          renderLink={(target, label, rel) => (
            <Link
              to="/barn/$childId/atkomstlogg"
              params={{ childId }}
              search={target}
              rel={rel}
              className="button button--secondary"
            >
              {label}
            </Link>
          )}
        />
      )}
    </Page>
  );
}
