/**
 * HTTP routes of the municipality's claims (the finance officer's, `compensation:municipality`) and the Agency's
 * review (the compensation officer's, `compensation:review`); issue 14 points 4–5, ADR 0034.
 */
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../domain/social-case/document-types.ts';
import { defineRoute, requires } from '../platform/http/route.ts';
import {
  AttachmentParams,
  ClaimAttachmentBody,
  ClaimLineParams,
  ClaimLinesBody,
  ClaimListSchema,
  ClaimParams,
  ClaimSchema,
  ClaimVersionBody,
  LineDecisionBody,
  NewClaimBody,
  OwnClaimListSchema,
  PaymentBody,
  StatedAmountBody,
} from './contract.ts';
import { attachToLine, readAttachment } from './claim-attachments.ts';
import { decideLine, recordPayment, reviewClaim, reviewQueue } from './claim-review.ts';
import {
  correctClaim,
  createClaim,
  listClaims,
  readClaim,
  setClaimLines,
  stateLineAmount,
  submitClaim,
} from './claims.ts';

const tags = ['compensation'];
const finance = { tags, access: requires('compensation:municipality') } as const;
const review = { tags, access: requires('compensation:review') } as const;
const claimWrite = { ...finance, audit: 'compensation_claim.write' } as const;
const reviewWrite = { ...review, audit: 'compensation_review.write' } as const;

/** Base64 of the largest attachment and the JSON around it. */
const ATTACHMENT_BODY_LIMIT = 3 * 1024 * 1024;

function sendFile(
  reply: FastifyReply,
  file: { fileName: string; mediaType: string; sha256: string; content: Buffer },
) {
  void reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`);
  return file.content;
}

export const claimRoutes = [
  defineRoute({
    ...finance,
    method: 'GET',
    url: '/api/compensation/claims',
    summary: "The own municipality's claims, every version, newest quarter first",
    audit: 'compensation_claim.read',
    response: { 200: OwnClaimListSchema },
    handler: async (ctx) => listClaims(ctx.caller()),
  }),
  defineRoute({
    ...claimWrite,
    method: 'POST',
    url: '/api/compensation/claims',
    summary: 'A draft claim for one quarter or two that follow each other, with the lines Anvisa computes',
    body: NewClaimBody,
    response: { 201: ClaimSchema },
    handler: async (ctx) => {
      ctx.reply.code(201);
      return createClaim(ctx.caller(), ctx.body);
    },
  }),
  defineRoute({
    ...finance,
    method: 'GET',
    url: '/api/compensation/claims/:claimId',
    summary: 'One of the own claims: its lines, the versions, the decision and the payment',
    audit: 'compensation_claim.read',
    params: ClaimParams,
    response: { 200: ClaimSchema },
    handler: async (ctx) => readClaim(ctx.caller(), ctx.params.claimId),
  }),
  defineRoute({
    ...claimWrite,
    method: 'PUT',
    url: '/api/compensation/claims/:claimId/lines',
    summary: "The draft's lines, picked among those Anvisa computes for its quarters",
    params: ClaimParams,
    body: ClaimLinesBody,
    response: { 200: ClaimSchema },
    handler: async (ctx) => setClaimLines(ctx.caller(), ctx.params.claimId, ctx.body),
  }),
  defineRoute({
    ...claimWrite,
    method: 'POST',
    url: '/api/compensation/claims/:claimId/lines/:lineId/attachment',
    summary: "An attachment to a draft's line (PDF, PNG or JPEG, base64), e.g. the LVU decision",
    bodyLimit: ATTACHMENT_BODY_LIMIT,
    params: ClaimLineParams,
    body: ClaimAttachmentBody,
    response: { 200: ClaimSchema },
    handler: async (ctx) => attachToLine(ctx.caller(), ctx.params.claimId, ctx.params.lineId, ctx.body),
  }),
  defineRoute({
    ...claimWrite,
    method: 'PUT',
    url: '/api/compensation/claims/:claimId/lines/:lineId/amount',
    summary:
      "A draft SFV line's cost as the municipality states it (its actual, reasonable cost for the quarter)",
    params: ClaimLineParams,
    body: StatedAmountBody,
    response: { 200: ClaimSchema },
    handler: async (ctx) => stateLineAmount(ctx.caller(), ctx.params.claimId, ctx.params.lineId, ctx.body),
  }),
  defineRoute({
    ...claimWrite,
    method: 'POST',
    url: '/api/compensation/claims/:claimId/submit',
    summary: 'Submit the draft to the Migration Agency: refused after the last day; the amounts frozen',
    params: ClaimParams,
    body: ClaimVersionBody,
    response: { 200: ClaimSchema },
    handler: async (ctx) => submitClaim(ctx.caller(), ctx.params.claimId, ctx.body.expectedVersion),
  }),
  defineRoute({
    ...claimWrite,
    method: 'POST',
    url: '/api/compensation/claims/:claimId/versions',
    summary: 'A correction: a new draft version of a submitted claim not yet decided',
    params: ClaimParams,
    body: ClaimVersionBody,
    response: { 201: ClaimSchema },
    handler: async (ctx) => {
      ctx.reply.code(201);
      return correctClaim(ctx.caller(), ctx.params.claimId, ctx.body.expectedVersion);
    },
  }),
  defineRoute({
    ...finance,
    method: 'GET',
    url: '/api/compensation/claim-attachments/:attachmentId',
    summary: "One of the own municipality's claim attachments (as an attachment); every read is audited",
    audit: 'compensation_claim.read',
    params: AttachmentParams,
    handler: async (ctx) =>
      sendFile(ctx.reply, await readAttachment(ctx.caller(), ctx.params.attachmentId, 'municipality')),
  }),
  defineRoute({
    ...review,
    method: 'GET',
    url: '/api/compensation/review',
    summary: "The municipalities' claims to decide and the decided ones to pay, oldest first (the Agency)",
    audit: 'compensation_review.read',
    response: { 200: ClaimListSchema },
    handler: async (ctx) => reviewQueue(ctx.caller()),
  }),
  defineRoute({
    ...review,
    method: 'GET',
    url: '/api/compensation/review/:claimId',
    summary: 'A submitted claim of any municipality, with its lines, versions, decision and payment',
    audit: 'compensation_review.read',
    params: ClaimParams,
    response: { 200: ClaimSchema },
    handler: async (ctx) => reviewClaim(ctx.caller(), ctx.params.claimId),
  }),
  defineRoute({
    ...reviewWrite,
    method: 'POST',
    url: '/api/compensation/review/:claimId/lines/:lineId/decision',
    summary:
      'A line granted, reduced or rejected with a coded reason; the claim is decided with its last line',
    params: ClaimLineParams,
    body: LineDecisionBody,
    response: { 200: ClaimSchema },
    handler: async (ctx) => decideLine(ctx.caller(), ctx.params.claimId, ctx.params.lineId, ctx.body),
  }),
  defineRoute({
    ...reviewWrite,
    method: 'POST',
    url: '/api/compensation/review/:claimId/payment',
    summary: 'The payment of what the decision granted (only after the decision)',
    params: ClaimParams,
    body: PaymentBody,
    response: { 200: ClaimSchema },
    handler: async (ctx) => recordPayment(ctx.caller(), ctx.params.claimId, ctx.body),
  }),
  defineRoute({
    ...review,
    method: 'GET',
    url: '/api/compensation/review/attachments/:attachmentId',
    summary: "A submitted claim's attachment (as an attachment); every read is audited",
    audit: 'compensation_review.read',
    params: AttachmentParams,
    handler: async (ctx) =>
      sendFile(ctx.reply, await readAttachment(ctx.caller(), ctx.params.attachmentId, 'agency')),
  }),
];
