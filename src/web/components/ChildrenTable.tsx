/**
 * The one table of children used by every list (children, waiting, incoming, search matches): the dossier number as
 * the row header (a link chosen by the page), the name as the role may see it, the birth date, then the page's own
 * columns.
 */
import type { ReactNode } from 'react';
import type { ChildSummary } from '../api/types.ts';
import { useI18n } from '../language.tsx';
import { ChildName } from './ChildName.tsx';

export interface ChildColumn<T extends ChildSummary> {
  readonly header: string;
  readonly cell: (child: T) => ReactNode;
  readonly nowrap?: boolean;
}

export function ChildrenTable<T extends ChildSummary>({
  caption,
  rows,
  dossierCell,
  columns,
  narrow = false,
}: {
  readonly caption: string;
  readonly rows: readonly T[];
  /** The row header: usually a link to the child's page or the decision page. */
  readonly dossierCell: (child: T) => ReactNode;
  readonly columns: readonly ChildColumn<T>[];
  readonly narrow?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className={narrow ? 'table table--narrow' : 'table'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('children.col.dossier')}</th>
            <th scope="col">{t('children.col.name')}</th>
            <th scope="col">{t('children.col.birthDate')}</th>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((child) => (
            <tr key={child.id}>
              <th scope="row">{dossierCell(child)}</th>
              <td>
                <ChildName child={child} />
              </td>
              <td className="nowrap">{child.birthDate}</td>
              {columns.map((c) => (
                <td key={c.header} className={c.nowrap === true ? 'nowrap' : undefined}>
                  {c.cell(child)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Columns several lists share. */
export function useChildColumns() {
  const { t } = useI18n();
  return {
    gender: { header: t('children.col.gender'), cell: (c: ChildSummary) => t(`gender.${c.gender}`) },
    municipality: {
      header: t('children.col.municipality'),
      cell: (c: ChildSummary) => c.responsibleMunicipality?.name ?? t('common.missing'),
    },
  } satisfies Record<string, ChildColumn<ChildSummary>>;
}
