/** One municipality's share, received and exact quota now, and received vs exact quota per month. */
import { useFigures, useTimeline } from '../../api/allocation-queries.ts';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { TimelineChart } from '../map/TimelineChart.tsx';

export function MunicipalityStanding({ code }: { readonly code: string }) {
  const { t, decimal } = useI18n();
  const figures = useFigures();
  const timeline = useTimeline(code);
  const row = figures.data?.find((f) => f.code === code);
  return (
    <section aria-labelledby="standing-title" className="section">
      <h2 id="standing-title">
        {row === undefined ? t('standing.titleAny') : t('standing.title', { name: row.name })}
      </h2>
      {figures.isPending && <Loading />}
      {figures.isError && <LoadError error={figures.error} />}
      {row !== undefined && (
        <dl className="stats">
          <div>
            <dt>{t('figures.share')}</dt>
            <dd>{row.share}</dd>
          </div>
          <div>
            <dt>{t('figures.received')}</dt>
            <dd>{row.received}</dd>
          </div>
          <div>
            <dt>{t('figures.quota')}</dt>
            <dd>{decimal(row.quota)}</dd>
          </div>
          <div>
            <dt>{t('figures.deviation')}</dt>
            <dd>{decimal(row.deviation, { sign: true })}</dd>
          </div>
        </dl>
      )}
      {timeline.isError && <LoadError error={timeline.error} />}
      {timeline.data !== undefined && row !== undefined && (
        <TimelineChart
          points={timeline.data}
          title={t('timeline.titleFor', { name: row.name })}
          idPrefix="standing"
        />
      )}
    </section>
  );
}
