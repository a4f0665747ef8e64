/** The Migration Agency's allocation section: its own navigation between the waiting list, arrivals and decisions. */
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../language.tsx';

export function AllocationTabs() {
  const { t } = useI18n();
  return (
    <nav aria-label={t('allocation.views')} className="tabs">
      <Link to="/anvisning" className="tabs__link" activeOptions={{ exact: true, includeSearch: false }}>
        {t('allocation.tab.waiting')}
      </Link>
      <Link to="/anvisning/ankomst" className="tabs__link">
        {t('allocation.tab.arrival')}
      </Link>
      <Link to="/anvisning/beslut" className="tabs__link" activeOptions={{ includeSearch: false }}>
        {t('allocation.tab.decisions')}
      </Link>
    </nav>
  );
}
