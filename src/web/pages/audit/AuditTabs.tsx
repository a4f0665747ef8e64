/** The audit section's own navigation between its views. */
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../language.tsx';

export function AuditTabs() {
  const { t } = useI18n();
  return (
    <nav aria-label={t('audit.views')} className="tabs">
      <Link to="/logg" className="tabs__link" activeOptions={{ exact: true, includeSearch: false }}>
        {t('audit.tab.events')}
      </Link>
      <Link to="/logg/nodatkomst" className="tabs__link">
        {t('audit.tab.emergency')}
      </Link>
    </nav>
  );
}
