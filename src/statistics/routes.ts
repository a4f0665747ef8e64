/** Aggregates without names: children currently in care per municipality, split by gender. */
import { and, eq, gt, isNull, like, lte, or, sql } from 'drizzle-orm';
import type { Actor } from '../domain/access/child-scope.ts';
import { children, municipalities, responsibilityPeriods } from '../platform/db/schema.ts';
import { badRequest, forbidden } from '../platform/http/errors.ts';
import { defineRoute, requires } from '../platform/http/route.ts';
import { keyFigures } from './key-figures.ts';
import { ChildrenStatisticsResponse, KeyFiguresQuery, KeyFiguresResponse } from './contract.ts';

/** Which municipalities' figures an actor may see: the county for county boards, the own municipality, or the nation. */
function area(actor: Actor) {
  if (actor.organisationType === 'county_board' && actor.countyCode !== null) {
    return like(responsibilityPeriods.municipalityCode, `${actor.countyCode}%`);
  }
  if (actor.organisationType === 'municipality')
    return eq(responsibilityPeriods.municipalityCode, actor.municipalityCodes[0] ?? '');
  if (actor.organisationType === 'migration_agency') return sql`true`;
  return sql`false`;
}

export const statisticsRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/statistics/children',
    summary: 'Children currently in each municipality’s care, by gender (no names)',
    tags: ['statistics'],
    access: requires('statistics:read'),
    audit: 'statistics.read',
    response: { 200: ChildrenStatisticsResponse },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const count = (gender: string) =>
        sql<number>`count(*) filter (where ${children.gender} = ${gender})`.mapWith(Number);
      return ctx.db
        .select({
          municipalityCode: responsibilityPeriods.municipalityCode,
          municipalityName: municipalities.name,
          female: count('female'),
          male: count('male'),
          other: count('other'),
          total: sql<number>`count(*)`.mapWith(Number),
        })
        .from(responsibilityPeriods)
        .innerJoin(children, eq(children.id, responsibilityPeriods.childId))
        .innerJoin(municipalities, eq(municipalities.code, responsibilityPeriods.municipalityCode))
        .where(
          and(
            area(actor),
            lte(responsibilityPeriods.fromDate, ctx.today),
            or(isNull(responsibilityPeriods.toDate), gt(responsibilityPeriods.toDate, ctx.today)),
          ),
        )
        .groupBy(responsibilityPeriods.municipalityCode, municipalities.name)
        .orderBy(responsibilityPeriods.municipalityCode);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/statistics/key-figures',
    summary:
      'Key figures of the case (school start, reviews on time, god man appointment) by gender and age band; cells under 5 suppressed',
    tags: ['statistics'],
    access: requires('key-figures:read'),
    audit: 'key_figures.read',
    query: KeyFiguresQuery,
    response: { 200: KeyFiguresResponse },
    handler: async (ctx) => {
      const from = ctx.query.from ?? `${ctx.today.slice(0, 4)}-01-01`;
      const to = ctx.query.to ?? ctx.today;
      if (from > to)
        throw badRequest('validation', 'from must not be after to', [
          { field: 'from', code: 'after_to', message: 'Från-datum kan inte ligga efter till-datum' },
        ]);
      const figures = await keyFigures(ctx.db, ctx.requireActor(), { from, to }, ctx.today);
      if (figures === null) throw forbidden();
      ctx.audit.detail('area', figures.area.code ?? 'nation');
      return figures;
    },
  }),
];
