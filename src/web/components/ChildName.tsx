/** A child's name as the role may see it: "Skyddad identitet" when the server masked the identity. */
import type { ChildSummary } from '../api/types.ts';
import { useI18n } from '../language.tsx';

export function ChildName({ child }: { readonly child: ChildSummary }) {
  const { t } = useI18n();
  if (child.identityMasked) return <span className="tag tag--protected">{t('child.protected')}</span>;
  const name = [child.firstName, child.lastName].filter((part) => part !== null && part !== '').join(' ');
  return <>{name === '' ? t('common.missing') : name}</>;
}
