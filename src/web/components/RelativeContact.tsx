/** A stated relative's contact details as the server sent them (only to those who may see them), or why they are absent. */
import type { RelativeContact } from '../api/allocation-types.ts';
import { useI18n } from '../language.tsx';

export function RelativeContactText({
  contact,
  masked,
}: {
  readonly contact: RelativeContact | null | undefined;
  readonly masked: boolean;
}) {
  const { t } = useI18n();
  if (contact === null || contact === undefined) {
    return <>{masked ? t('assessment.contactProtected') : t('assessment.contactMissing')}</>;
  }
  return (
    <span className="relative-contact">
      <span>{contact.name}</span>
      {contact.address !== null && <span>{contact.address}</span>}
      {contact.phone !== null && <span>{t('assessment.phone', { phone: contact.phone })}</span>}
    </span>
  );
}
