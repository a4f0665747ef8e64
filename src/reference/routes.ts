/** Reference data: counties and municipalities (public statistics, no personal data). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import { counties, municipalities } from '../platform/db/schema.ts';
import { defineRoute, SESSION } from '../platform/http/route.ts';
import { CountiesResponse, MunicipalitiesResponse } from './contract.ts';
import { REFERENCE_DIR } from './load.ts';

let boundaries: string | null = null;
function boundariesTopoJson(): string {
  boundaries ??= readFileSync(join(REFERENCE_DIR, 'sweden_municipalities_counties.topojson'), 'utf8');
  return boundaries;
}

export const referenceRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/reference/counties',
    summary: 'The 21 counties',
    tags: ['reference'],
    access: SESSION,
    audit: 'none',
    response: { 200: CountiesResponse },
    handler: async ({ db }) => db.select().from(counties).orderBy(asc(counties.code)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reference/municipalities',
    summary: 'The 290 municipalities, with the formal name decisions use ("Falu kommun")',
    tags: ['reference'],
    access: SESSION,
    audit: 'none',
    response: { 200: MunicipalitiesResponse },
    handler: async ({ db }) => db.select().from(municipalities).orderBy(asc(municipalities.code)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reference/boundaries',
    summary: 'Municipal and county boundaries as TopoJSON (objects kommuner and lan; each id is its code)',
    tags: ['reference'],
    access: SESSION,
    audit: 'none',
    handler: async ({ reply }) => {
      void reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('cache-control', 'private, max-age=86400');
      return boundariesTopoJson();
    },
  }),
];
