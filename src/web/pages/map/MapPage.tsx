/**
 * "Karta": received minus exact quota per municipality (or county) on a map of Sweden drawn from the boundaries,
 * the same figures in a table split by gender and age band, and the development over time.
 */
import { useMemo, useState } from 'react';
import { useBoundaries, useFigures, useTimeline } from '../../api/allocation-queries.ts';
import { useCounties } from '../../api/queries.ts';
import { MunicipalityOptions } from '../../components/MunicipalityOptions.tsx';
import { Page } from '../../components/Page.tsx';
import { LoadError, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../language.tsx';
import { AreaTable } from './AreaTable.tsx';
import { countyTotals, type AreaFigures } from './areas.ts';
import { projectSweden } from './geometry.ts';
import { Legend } from './Legend.tsx';
import { SwedenMap, type MapLayer } from './SwedenMap.tsx';
import { TimelineChart } from './TimelineChart.tsx';

function LayerChoice({
  layer,
  onChange,
}: {
  readonly layer: MapLayer;
  readonly onChange: (l: MapLayer) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="field fieldset">
      <legend>{t('map.layer')}</legend>
      <div className="radios">
        {(['municipalities', 'counties'] as const).map((value) => (
          <div className="check" key={value}>
            <input
              id={`map-layer-${value}`}
              type="radio"
              name="map-layer"
              checked={layer === value}
              onChange={() => onChange(value)}
            />
            <label htmlFor={`map-layer-${value}`}>{t(`map.layer.${value}`)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function Timeline() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const timeline = useTimeline(code);
  const name = useMunicipalityNameOrNation(code);
  return (
    <section aria-labelledby="timeline-title" className="section">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <div className="field">
        <label htmlFor="timeline-area">{t('timeline.area')}</label>
        <select
          id="timeline-area"
          className="input select"
          value={code}
          onChange={(event) => setCode(event.target.value)}
        >
          <option value="">{t('timeline.nation')}</option>
          <MunicipalityOptions />
        </select>
      </div>
      {timeline.isError && <LoadError error={timeline.error} />}
      {timeline.data !== undefined && (
        <TimelineChart points={timeline.data} title={t('timeline.titleFor', { name })} idPrefix="map" />
      )}
    </section>
  );
}

function useMunicipalityNameOrNation(code: string): string {
  const { t } = useI18n();
  const figures = useFigures();
  return code === '' ? t('timeline.nation') : (figures.data?.find((f) => f.code === code)?.name ?? code);
}

export function MapPage() {
  const { t, tn } = useI18n();
  const boundaries = useBoundaries();
  const figures = useFigures();
  const counties = useCounties();
  const [layer, setLayer] = useState<MapLayer>('municipalities');
  const [county, setCounty] = useState('');
  const geometry = useMemo(
    () => (boundaries.data === undefined ? null : projectSweden(boundaries.data)),
    [boundaries.data],
  );
  const rows: AreaFigures[] = useMemo(() => {
    if (figures.data === undefined || counties.data === undefined) return [];
    return layer === 'municipalities' ? figures.data : countyTotals(figures.data, counties.data);
  }, [figures.data, counties.data, layer]);
  const byCode = useMemo(() => new Map(rows.map((r) => [r.code, r])), [rows]);
  const countyName = (code: string) => counties.data?.find((c) => c.code === code)?.name ?? code;
  const error = boundaries.error ?? figures.error ?? counties.error;
  const shown = county === '' || layer === 'counties' ? rows : rows.filter((r) => r.countyCode === county);

  return (
    <Page title={t('map.title')}>
      <p className="lead">{t('map.intro')}</p>
      {error !== null && <LoadError error={error} />}
      {(geometry === null || rows.length === 0) && error === null && <Loading />}
      {geometry !== null && rows.length > 0 && (
        <>
          <LayerChoice layer={layer} onChange={setLayer} />
          <div className="map-layout">
            <SwedenMap
              key={layer}
              geometry={geometry}
              layer={layer}
              figures={byCode}
              label={t(layer === 'municipalities' ? 'map.labelMunicipalities' : 'map.labelCounties')}
            />
            <Legend title={t('legend.title')} />
          </div>
          <Timeline />
          <section aria-labelledby="area-table-title" className="section">
            <h2 id="area-table-title">{t('map.tableTitle')}</h2>
            {layer === 'municipalities' && (
              <div className="field">
                <label htmlFor="map-county">{t('map.countyFilter')}</label>
                <select
                  id="map-county"
                  className="input select"
                  value={county}
                  onChange={(event) => setCounty(event.target.value)}
                >
                  <option value="">{t('map.allCounties')}</option>
                  {counties.data?.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <AreaTable
              rows={shown}
              caption={tn(
                layer === 'municipalities' ? 'map.captionMunicipalities' : 'map.captionCounties',
                shown.length,
              )}
              {...(layer === 'municipalities' ? { countyName } : {})}
            />
          </section>
        </>
      )}
    </Page>
  );
}
