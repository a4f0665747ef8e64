/**
 * HTTP routes of the reconciliation report (issue 14 point 8): the finance officer's own municipality
 * (`compensation:municipality`) and any municipality for the Agency's compensation officer (`compensation:review`),
 * each as JSON and as CSV.
 */
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../domain/social-case/document-types.ts';
import { defineRoute, requires } from '../platform/http/route.ts';
import { ReconciliationParams, ReconciliationQuery, ReconciliationSchema } from './contract.ts';
import { municipalityReconciliation, ownReconciliation, reconciliationFile } from './reconciliation.ts';

const tags = ['compensation'];
const finance = { tags, access: requires('compensation:municipality') } as const;
const review = { tags, access: requires('compensation:review') } as const;

function sendCsv(reply: FastifyReply, file: { fileName: string; text: string }): string {
  void reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', contentDisposition(file.fileName));
  return file.text;
}

export const reconciliationRoutes = [
  defineRoute({
    ...finance,
    method: 'GET',
    url: '/api/compensation/reconciliation',
    summary:
      "The own municipality's year: computed, claimed, granted and paid per child and code, the differences",
    audit: 'compensation.reconciliation.read',
    query: ReconciliationQuery,
    response: { 200: ReconciliationSchema },
    handler: async (ctx) => ownReconciliation(ctx.caller(), ctx.query.year),
  }),
  defineRoute({
    ...finance,
    method: 'GET',
    url: '/api/compensation/reconciliation.csv',
    summary: "The own municipality's reconciliation as CSV (dossier numbers, no names)",
    audit: 'compensation.reconciliation.export',
    query: ReconciliationQuery,
    handler: async (ctx) => sendCsv(ctx.reply, await reconciliationFile(ctx.caller(), null, ctx.query.year)),
  }),
  defineRoute({
    ...review,
    method: 'GET',
    url: '/api/compensation/municipalities/:municipalityCode/reconciliation',
    summary: "A municipality's year for the Agency: computed, claimed, granted and paid per child and code",
    audit: 'compensation.reconciliation.read',
    params: ReconciliationParams,
    query: ReconciliationQuery,
    response: { 200: ReconciliationSchema },
    handler: async (ctx) =>
      municipalityReconciliation(ctx.caller(), ctx.params.municipalityCode, ctx.query.year),
  }),
  defineRoute({
    ...review,
    method: 'GET',
    url: '/api/compensation/municipalities/:municipalityCode/reconciliation.csv',
    summary: "A municipality's reconciliation as CSV for the Agency (dossier numbers, no names)",
    audit: 'compensation.reconciliation.export',
    params: ReconciliationParams,
    query: ReconciliationQuery,
    handler: async (ctx) =>
      sendCsv(ctx.reply, await reconciliationFile(ctx.caller(), ctx.params.municipalityCode, ctx.query.year)),
  }),
];
