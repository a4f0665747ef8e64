/** The map legend: each colour with the range of received minus quota it stands for. */
import { useI18n } from '../../language.tsx';
import { legendClasses } from './colour-scale.ts';

export function Legend({ title }: { readonly title: string }) {
  const { t, number } = useI18n();
  const signed = (value: number) => (value > 0 ? `+${number(value)}` : number(value));
  const text = (from: number | null, to: number | null) => {
    if (from === null) return t('legend.below', { value: signed(to ?? 0) });
    if (to === null) return t('legend.atLeast', { value: signed(from) });
    const range = t('legend.range', { from: signed(from), to: signed(to) });
    return from < 0 && to > 0 ? `${range} ${t('legend.near')}` : range;
  };
  return (
    <div className="legend">
      <h2 className="legend__title">{title}</h2>
      <p className="legend__note">{t('legend.above')}</p>
      <ul className="legend__list">
        {legendClasses().map((c) => (
          <li key={c.colour}>
            <span className="legend__swatch" style={{ background: c.colour }} aria-hidden="true" />
            {text(c.from, c.to)}
          </li>
        ))}
      </ul>
      <p className="legend__note">{t('legend.belowNote')}</p>
    </div>
  );
}
