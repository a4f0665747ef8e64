/**
 * Paging a log by the server's cursors: newer and older pages, and back to the latest. The place lives in the URL,
 * so the back button, a reload and a return from a user's report land on the same page.
 */
import type { ReactNode } from 'react';
import type { AuditLogPage } from '../../api/types.ts';
import { useI18n } from '../../language.tsx';

export interface LogPlace {
  readonly aldre?: number;
  readonly nyare?: number;
}

export function LogPager({
  page,
  place,
  renderLink,
}: {
  readonly page: AuditLogPage;
  readonly place: LogPlace;
  /** A link to the log at `target` (no cursor: the latest entries). */
  readonly renderLink: (target: LogPlace, label: string, rel: 'first' | 'prev' | 'next') => ReactNode;
}) {
  const { t } = useI18n();
  const away = place.aldre !== undefined || place.nyare !== undefined;
  // Back to the latest when newer pages exist, or when the page is empty (an old link, say).
  const first = away && (page.newer !== null || page.entries.length === 0);
  if (!first && page.newer === null && page.older === null) return null;
  return (
    <nav className="pagination" aria-label={t('audit.paging')}>
      {first && renderLink({}, t('audit.newest'), 'first')}
      {page.newer !== null && renderLink({ nyare: page.newer }, t('audit.newer'), 'prev')}
      {page.older !== null && renderLink({ aldre: page.older }, t('audit.older'), 'next')}
    </nav>
  );
}
