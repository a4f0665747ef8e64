/** Open social cases as a table of children: state, report date, workers, overdue deadlines and the next one due. */
import type { ReactNode } from 'react';
import type { CaseItem } from '../../api/casework-types.ts';
import { ChildrenTable } from '../../components/ChildrenTable.tsx';
import { useI18n } from '../../language.tsx';

type Row = CaseItem['child'] & { readonly item: CaseItem };

export function CaseTable({
  caption,
  items,
  link,
  standingIn = false,
}: {
  readonly caption: string;
  readonly items: readonly CaseItem[];
  readonly link: (childId: string, dossier: string) => ReactNode;
  readonly standingIn?: boolean;
}) {
  const { t } = useI18n();
  const rows: Row[] = items.map((item) => ({ ...item.child, item }));
  const none = t('caseload.noOne');
  return (
    <ChildrenTable<Row>
      caption={caption}
      rows={rows}
      dossierCell={(c) => link(c.id, c.dossierNumber)}
      columns={[
        { header: t('caseload.col.state'), cell: (c) => t(`casework.state.${c.item.state}`) },
        { header: t('caseload.col.received'), cell: (c) => c.item.reportReceivedOn, nowrap: true },
        { header: t('caseload.col.primary'), cell: (c) => c.item.primary?.name ?? none },
        ...(standingIn
          ? [{ header: t('caseload.col.standingIn'), cell: (c: Row) => c.item.standingInFor?.name ?? none }]
          : []),
        {
          header: t('caseload.col.overdueCount'),
          cell: (c) => (c.item.overdue > 0 ? <span className="tag tag--danger">{c.item.overdue}</span> : '0'),
        },
        { header: t('caseload.col.nextDue'), cell: (c) => c.item.nextDue ?? none, nowrap: true },
      ]}
    />
  );
}
