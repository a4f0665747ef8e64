/**
 * The statistics routes: children in care today, the tables of counts and their export, the key figures, the forecast
 * and its accuracy. Counts only, never names; every table is split by gender and, unless the reader is the responsible
 * municipality, protected by disclosure control (ADR 0039).
 */
import { badRequest, forbidden } from '../platform/http/errors.ts';
import { defineRoute, requires } from '../platform/http/route.ts';
import { keyFigures } from './key-figures.ts';
import { childrenInCare } from './in-care.ts';
import {
  ChildrenStatisticsResponse,
  ExportQuery,
  ForecastAccuracyResponse,
  ForecastQuery,
  ForecastResponse,
  KeyFiguresQuery,
  KeyFiguresResponse,
  TableQuery,
  TableResponse,
} from './contract.ts';
import { statisticsTable, tableRequest } from './tables.ts';
import { tableCsv, tableOds } from './export.ts';
import { accuracy, arrivalsForecast } from './forecast.ts';
import { contentDisposition } from '../domain/social-case/document-types.ts';

export const statisticsRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/statistics/children',
    summary:
      'Children in each municipality’s care today, by gender (no names); exact for the own municipality, otherwise with disclosure control',
    tags: ['statistics'],
    access: requires('statistics:read'),
    audit: 'statistics.read',
    response: { 200: ChildrenStatisticsResponse },
    handler: async (ctx) => childrenInCare(ctx.db, ctx.requireActor(), ctx.today),
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
  defineRoute({
    method: 'GET',
    url: '/api/statistics/tables',
    summary:
      'A table of counts (arrivals, anvisningar, placements, …) by time, area and gender and the chosen dimensions, every margin included; exact for the own municipality, otherwise with disclosure control',
    tags: ['statistics'],
    access: requires('statistics:read'),
    audit: 'statistics.table.read',
    query: TableQuery,
    response: { 200: TableResponse },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const request = tableRequest(actor, ctx.query, ctx.today);
      const table = await statisticsTable(ctx.db, actor, request, { forExport: false });
      ctx.audit.detail('measure', request.measure);
      ctx.audit.detail('scope', table.scope.code ?? 'nation');
      return table;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/statistics/tables/export',
    summary: 'The same table as a file (CSV or ODS), always with disclosure control and its note',
    tags: ['statistics'],
    access: requires('statistics:read'),
    audit: 'statistics.table.export',
    query: ExportQuery,
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const { format, ...query } = ctx.query;
      const request = tableRequest(actor, query, ctx.today);
      const table = await statisticsTable(ctx.db, actor, request, { forExport: true });
      ctx.audit.detail('measure', request.measure);
      ctx.audit.detail('format', format);
      const fileName = `anvisa-${request.measure}-${request.from}-${request.to}.${format}`;
      void ctx.reply.header('content-disposition', contentDisposition(fileName));
      if (format === 'csv') {
        void ctx.reply.header('content-type', 'text/csv; charset=utf-8');
        return tableCsv(table);
      }
      void ctx.reply.header('content-type', 'application/vnd.oasis.opendocument.spreadsheet');
      return Buffer.from(tableOds(table));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/statistics/forecast',
    summary:
      'Arrivals forecast for the coming months with an 80 % band, and the expected anvisningar per municipality in the reader’s area against the capacity reported',
    tags: ['statistics'],
    access: requires('statistics:read'),
    audit: 'statistics.forecast.read',
    query: ForecastQuery,
    response: { 200: ForecastResponse },
    handler: async (ctx) => arrivalsForecast(ctx.db, ctx.requireActor(), ctx.query.months ?? 12, ctx.today),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/statistics/forecast-accuracy',
    summary: 'Each past forecast of the Migration Agency against the outcome',
    tags: ['statistics'],
    access: requires('statistics:read'),
    audit: 'statistics.forecast.read',
    response: { 200: ForecastAccuracyResponse },
    handler: async (ctx) => accuracy(ctx.db, ctx.requireActor(), ctx.today),
  }),
];
