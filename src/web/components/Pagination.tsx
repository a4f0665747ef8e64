/** Previous/next page links for a list whose page lives in the URL (the total may be unknown: then `hasNext`). */
import type { ReactNode } from 'react';
import { useI18n } from '../language.tsx';

export function Pagination({
  page,
  pages,
  hasNext = pages !== null && page < pages,
  renderLink,
}: {
  readonly page: number;
  /** The number of pages, or null when the server does not count them. */
  readonly pages: number | null;
  readonly hasNext?: boolean;
  readonly renderLink: (target: number, label: string, rel: 'prev' | 'next') => ReactNode;
}) {
  const { t } = useI18n();
  if (page <= 1 && !hasNext) return null;
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      {page > 1 && renderLink(page - 1, t('common.previous'), 'prev')}
      <span className="pagination__where">
        {pages === null ? t('common.page', { page }) : t('common.pageOf', { page, pages })}
      </span>
      {hasNext && renderLink(page + 1, t('common.next'), 'next')}
    </nav>
  );
}
