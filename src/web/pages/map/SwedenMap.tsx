/**
 * The SVG map: one path per municipality (data-kommunkod) or per county (data-lanskod), coloured by received minus
 * quota, county borders on top. A tooltip with the area's figures follows the pointer and keyboard focus. One tab
 * stop: the arrow keys move between the areas in alphabetical order, Escape hides the tooltip.
 */
import { useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../language.tsx';
import type { AreaFigures } from './areas.ts';
import { colourOf } from './colour-scale.ts';
import type { Shape, SwedenGeometry } from './geometry.ts';
import { AreaTooltip } from './AreaTooltip.tsx';

export type MapLayer = 'municipalities' | 'counties';

const TOOLTIP_ID = 'map-tooltip';
const collator = new Intl.Collator('sv');

export function SwedenMap({
  geometry,
  layer,
  figures,
  label,
}: {
  readonly geometry: SwedenGeometry;
  readonly layer: MapLayer;
  /** The figures of the layer's areas, by code. */
  readonly figures: ReadonlyMap<string, AreaFigures>;
  readonly label: string;
}) {
  const { t } = useI18n();
  const shapes = layer === 'municipalities' ? geometry.municipalities : geometry.counties;
  const order = [...shapes].sort((a, b) =>
    collator.compare(figures.get(a.code)?.name ?? a.code, figures.get(b.code)?.name ?? b.code),
  );
  // The area under the pointer or with keyboard focus, whichever came last; leaving one clears only its own.
  const [current, setCurrent] = useState<{ code: string; by: 'pointer' | 'keyboard' } | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [focusable, setFocusable] = useState<string | null>(null);
  const active = current?.code ?? null;
  const shown = current !== null && !dismissed;
  const tabStop = focusable ?? order[0]?.code ?? null;
  const activeShape = shapes.find((s) => s.code === active) ?? null;
  const activeFigures = active === null ? undefined : figures.get(active);

  const show = (code: string, by: 'pointer' | 'keyboard') => {
    setCurrent({ code, by });
    setDismissed(false);
  };
  const leave = (by: 'pointer' | 'keyboard') => setCurrent((c) => (c?.by === by ? null : c));
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.key === 'Escape') {
      setDismissed(true);
      return;
    }
    const steps: Record<string, (i: number) => number> = {
      ArrowRight: (i) => i + 1,
      ArrowDown: (i) => i + 1,
      ArrowLeft: (i) => i - 1,
      ArrowUp: (i) => i - 1,
      Home: () => 0,
      End: () => order.length - 1,
    };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const current = order.findIndex((s) => s.code === tabStop);
    const next = order[(step(current) + order.length) % order.length];
    if (next === undefined) return;
    setFocusable(next.code);
    const element = event.currentTarget.querySelector<SVGPathElement>(`[data-code="${next.code}"]`);
    element?.focus();
  };
  const pathProps = (shape: Shape) => {
    const f = figures.get(shape.code);
    const name = f?.name ?? shape.code;
    return {
      d: shape.d,
      'data-code': shape.code,
      ...(layer === 'municipalities' ? { 'data-kommunkod': shape.code } : { 'data-lanskod': shape.code }),
      className: layer === 'municipalities' ? 'map__area' : 'map__area map__area--county',
      fill: f === undefined ? '#ffffff' : colourOf(f.deviation),
      role: 'img',
      'aria-label': name,
      ...(active === shape.code && shown ? { 'aria-describedby': TOOLTIP_ID } : {}),
      tabIndex: shape.code === tabStop ? 0 : -1,
      onMouseEnter: () => show(shape.code, 'pointer'),
      onFocus: () => {
        setFocusable(shape.code);
        show(shape.code, 'keyboard');
      },
      onBlur: () => leave('keyboard'),
    };
  };

  return (
    <div className="map">
      <p className="hint" id="map-keys">
        {t('map.keys')}
      </p>
      <div className="map__frame" onMouseLeave={() => leave('pointer')}>
        <svg
          className="map__svg"
          viewBox={`0 0 ${geometry.width} ${geometry.height}`}
          role="group"
          aria-label={label}
          aria-describedby="map-keys"
          onKeyDown={onKeyDown}
        >
          <g>
            {shapes.map((shape) => (
              <path key={shape.code} {...pathProps(shape)} />
            ))}
          </g>
          {layer === 'municipalities' && <path className="map__borders" d={geometry.countyBorders} />}
          {activeShape !== null && shown && <path className="map__highlight" d={activeShape.d} />}
        </svg>
        {activeShape !== null && activeFigures !== undefined && shown && (
          <AreaTooltip
            id={TOOLTIP_ID}
            figures={activeFigures}
            left={(activeShape.x / geometry.width) * 100}
            top={(activeShape.y / geometry.height) * 100}
          />
        )}
      </div>
    </div>
  );
}
