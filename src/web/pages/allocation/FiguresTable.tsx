/** Municipalities in turn order with their figures: share, received, exact quota and deficit. */
import type { Figures } from '../../api/allocation-types.ts';
import { useI18n } from '../../language.tsx';

export function FiguresTable({
  rows,
  caption,
  firstTurn = 1,
}: {
  readonly rows: readonly Figures[];
  readonly caption: string;
  /** The turn number of the first row. */
  readonly firstTurn?: number;
}) {
  const { t, decimal } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--narrow">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('figures.turn')}
            </th>
            <th scope="col">{t('figures.municipality')}</th>
            <th scope="col" className="num">
              {t('figures.share')}
            </th>
            <th scope="col" className="num">
              {t('figures.received')}
            </th>
            <th scope="col" className="num">
              {t('figures.quota')}
            </th>
            <th scope="col" className="num">
              {t('figures.deficit')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${row.code}-${index}`}>
              <td className="num">{firstTurn + index}</td>
              <th scope="row">{row.name}</th>
              <td className="num">{row.share}</td>
              <td className="num">{row.received}</td>
              <td className="num">{decimal(row.quota)}</td>
              <td className="num">{decimal(row.deficit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One municipality's figures as a list of facts. */
export function FiguresFacts({ figures }: { readonly figures: Figures }) {
  const { t, decimal } = useI18n();
  return (
    <dl className="facts facts--figures">
      <div>
        <dt>{t('figures.share')}</dt>
        <dd>{figures.share}</dd>
      </div>
      <div>
        <dt>{t('figures.received')}</dt>
        <dd>{figures.received}</dd>
      </div>
      <div>
        <dt>{t('figures.quota')}</dt>
        <dd>{decimal(figures.quota)}</dd>
      </div>
      <div>
        <dt>{t('figures.deficit')}</dt>
        <dd>{decimal(figures.deficit)}</dd>
      </div>
    </dl>
  );
}
