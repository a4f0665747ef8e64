/** Previous/next page links for a list whose page lives in the URL. */
import type { ReactNode } from 'react';
import { useI18n } from '../language.tsx';

export function Pagination({
  page,
  pages,
  renderLink,
}: {
  readonly page: number;
  readonly pages: number;
  readonly renderLink: (target: number, label: string, rel: 'prev' | 'next') => ReactNode;
}) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      {page > 1 && renderLink(page - 1, t('common.previous'), 'prev')}
      <span className="pagination__where">{t('common.pageOf', { page, pages })}</span>
      {page < pages && renderLink(page + 1, t('common.next'), 'next')}
    </nav>
  );
}
