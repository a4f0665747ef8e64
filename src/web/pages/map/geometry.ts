/**
 * Sweden's municipalities and counties as SVG path data, projected once: a conformal conic projection with
 * standard parallels across Sweden (little distortion from Skåne to Lappland), fitted to the map's width.
 */
import { geoConicConformal, geoPath } from 'd3-geo';
import type { Feature } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { Boundaries } from '../../api/allocation-types.ts';

export const MAP_WIDTH = 400;
const PADDING = 8;

export interface Shape {
  readonly code: string;
  readonly d: string;
  /** Where a tooltip points: the shape's centroid in map units. */
  readonly x: number;
  readonly y: number;
}

export interface SwedenGeometry {
  readonly width: number;
  readonly height: number;
  readonly municipalities: readonly Shape[];
  readonly counties: readonly Shape[];
  /** The county borders as one path, drawn over the municipalities. */
  readonly countyBorders: string;
}

export function projectSweden(topology: Boundaries): SwedenGeometry {
  const municipalities = feature(topology, topology.objects.kommuner);
  const counties = feature(topology, topology.objects.lan);
  const projection = geoConicConformal()
    .parallels([58, 66])
    .rotate([-16, 0])
    .fitWidth(MAP_WIDTH - 2 * PADDING, municipalities);
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds(municipalities);
  projection.translate([projection.translate()[0] + PADDING, projection.translate()[1] - top + PADDING]);
  const shapes = (features: readonly Feature[]): Shape[] =>
    features.map((f) => {
      const [x, y] = path.centroid(f);
      return { code: String(f.id ?? ''), d: path(f) ?? '', x, y };
    });
  return {
    width: MAP_WIDTH,
    height: Math.ceil(bottom - top + 2 * PADDING),
    municipalities: shapes(municipalities.features),
    counties: shapes(counties.features),
    countyBorders: path(mesh(topology, topology.objects.lan)) ?? '',
  };
}

/** One county's municipalities, projected to fill the map's width (the county board's own map). */
export function projectCounty(topology: Boundaries, countyCode: string): Omit<SwedenGeometry, 'counties'> {
  const all = feature(topology, topology.objects.kommuner);
  const inCounty = {
    ...all,
    features: all.features.filter((f) => String(f.id ?? '').startsWith(countyCode)),
  };
  const projection = geoConicConformal()
    .parallels([58, 66])
    .rotate([-16, 0])
    .fitWidth(MAP_WIDTH - 2 * PADDING, inCounty);
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds(inCounty);
  projection.translate([projection.translate()[0] + PADDING, projection.translate()[1] - top + PADDING]);
  return {
    width: MAP_WIDTH,
    height: Math.ceil(bottom - top + 2 * PADDING),
    municipalities: inCounty.features.map((f) => {
      const [x, y] = path.centroid(f);
      return { code: String(f.id ?? ''), d: path(f) ?? '', x, y };
    }),
    countyBorders: '',
  };
}
