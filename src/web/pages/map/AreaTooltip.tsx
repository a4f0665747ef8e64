/** The map's tooltip: an area's name and figures, labelled exactly as the table's columns. */
import { useI18n } from '../../language.tsx';
import type { AreaFigures } from './areas.ts';

export function AreaTooltip({
  id,
  figures,
  left,
  top,
}: {
  readonly id: string;
  readonly figures: AreaFigures;
  /** The point the tooltip belongs to, in per cent of the map's width and height. */
  readonly left: number;
  readonly top: number;
}) {
  const { t, decimal } = useI18n();
  const items = [
    { field: 'share', label: t('figures.share'), value: String(figures.share) },
    { field: 'received', label: t('figures.received'), value: String(figures.received) },
    { field: 'quota', label: t('figures.quota'), value: decimal(figures.quota) },
    { field: 'deviation', label: t('figures.deviation'), value: decimal(figures.deviation, { sign: true }) },
    { field: 'female', label: t('stats.col.female'), value: String(figures.byGender.female) },
    { field: 'male', label: t('stats.col.male'), value: String(figures.byGender.male) },
  ];
  const side = left > 55 ? 'map-tooltip--left' : 'map-tooltip--right';
  const edge = top < 12 ? ' map-tooltip--below' : top > 88 ? ' map-tooltip--above' : '';
  return (
    <div
      id={id}
      role="tooltip"
      className={`map-tooltip ${side}${edge}`}
      style={{ left: `${left}%`, top: `${top}%` }}
      data-testid="map-tooltip"
    >
      <p className="map-tooltip__name" data-field="name">
        {figures.name}
      </p>
      <dl className="map-tooltip__figures">
        {items.map((item) => (
          <div key={item.field}>
            <dt>{item.label}</dt>
            <dd data-field={item.field}>{item.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
