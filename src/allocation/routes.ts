/** HTTP routes of the allocation (anvisning). Thin: parse → authorise → one use case → a whitelist of fields. */
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { RULES } from '../domain/allocation/allocator.ts';
import { DEFAULT_WEIGHTS } from '../domain/allocation/shares.ts';
import { hasControlCharacters, isPhoneNumber } from '../domain/allocation/relative-contact.ts';
import { ChildSummarySchema, GENDERS } from '../children/present.ts';
import { lookupFor, presentChildren } from '../children/use-cases.ts';
import { anvisningDecisions, childIntake, municipalities, users } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import { correct, decide, decideByRule, DEFAULT_RULE, proposalFor } from './decide.ts';
import {
  assessmentsFor,
  assessmentStatus,
  recordAssessment,
  registerArrival,
  waitingChildren,
} from './intake.ts';
import {
  computeProposal,
  importShares,
  listShareVersions,
  saveProposal,
  shareVersionDetail,
  transferShares,
} from './shares-use-cases.ts';
import {
  decisionHistory,
  incoming,
  municipalityFigures,
  proposalBehind,
  queue,
  supersededBy,
  timeline,
} from './views.ts';
import { isoDate } from '../domain/fields.ts';

const code = z.string().regex(/^[0-9]{4}$/, 'four digits');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

const FiguresSchema = z.object({
  code: z.string(),
  share: z.number().int(),
  received: z.number().int(),
  quota: z.string(),
  deficit: z.string(),
});
const ConsiderationsSchema = z.strictObject({
  relatives: optionalText(1000),
  siblings: optionalText(1000),
  specialNeeds: optionalText(1000),
  childsWishes: optionalText(2000),
});

/** Text a person wrote about someone: trimmed, without control characters. */
const contactText = (max: number) =>
  text(max).refine((v) => !hasControlCharacters(v), 'no control characters');
/** The stated relative: the municipality asked to assess them, and how the assessing social services reach them. */
const RelativeBody = z
  .strictObject({
    municipalityCode: code,
    relation: contactText(100),
    name: contactText(200),
    address: contactText(300).nullable().default(null),
    phone: z
      .string()
      .trim()
      .refine(isPhoneNumber, 'a phone number with 6–15 digits')
      .nullable()
      .default(null),
  })
  .refine((r) => r.address !== null || r.phone !== null, {
    path: ['address'],
    message: 'an address or a phone number is needed',
  });

const ArrivalBody = z.strictObject({
  dossierNumber: z.string().regex(/^[0-9]{4,12}$/, 'digits only, 4–12 of them'),
  firstName: text(100),
  lastName: text(100),
  nameVariants: z.array(text(100)).max(10).default([]),
  birthDate: isoDate,
  gender: z.enum(GENDERS),
  citizenship: optionalText(100),
  languages: z.array(text(60)).max(10).default([]),
  interpreterNeeded: z.boolean().default(false),
  protectedIdentity: z.boolean().default(false),
  whereabouts: optionalText(200),
  arrivalMunicipalityCode: code,
  arrivalDate: isoDate,
  siblingOfChildId: z.uuid().nullable().default(null),
  relative: RelativeBody.nullable().default(null),
  specialNeeds: optionalText(2000),
  wishes: optionalText(2000),
  ageInDoubt: z.boolean().default(false),
});

const RelativeContactSchema = z.object({
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
});

const DecisionSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  childIds: z.array(z.uuid()),
  municipality: z.object({ code: z.string(), name: z.string() }),
  kind: z.string(),
  proposedCode: z.string().nullable(),
  rule: z.string(),
  decidedOn: z.string(),
  decidedBy: z.string(),
  supersedesId: z.uuid().nullable(),
  reason: z.string().nullable(),
});

export const allocationRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/allocation/arrivals',
    summary: 'Register an arriving child with siblings, a relative, needs and wishes (search before create)',
    tags: ['allocation'],
    access: requires('allocation:decide'),
    audit: 'child.register',
    body: ArrivalBody,
    response: { 201: z.object({ id: z.uuid(), relativeAssessmentId: z.uuid().nullable() }) },
    handler: async (ctx) => {
      const created = await registerArrival(ctx.caller(), ctx.body);
      ctx.audit.children([created.id]);
      return created;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/allocation/waiting',
    summary: 'Children waiting for an allocation decision, the earliest arrival first',
    tags: ['allocation'],
    access: requires('allocation:decide'),
    audit: 'child.list',
    response: { 200: z.array(ChildSummarySchema.extend({ arrivalDate: z.string().nullable() })) },
    handler: async (ctx) => waitingChildren(ctx.caller()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/allocation/children/:childId/proposal',
    summary: 'The proposed decision with its reasons and the next five in turn',
    tags: ['allocation'],
    access: requires('allocation:decide'),
    audit: 'allocation.propose',
    params: ChildIdParams,
    query: z.strictObject({ rule: z.enum(RULES).default(DEFAULT_RULE) }),
    response: {
      200: z.object({
        kind: z.enum(['utjamnande', 'anknytning']),
        basis: z.enum(['relative', 'sibling', 'rule']),
        rule: z.enum(RULES),
        ruleVersion: z.string(),
        municipality: FiguresSchema.extend({ name: z.string() }),
        nextInTurn: z.array(FiguresSchema.extend({ name: z.string() })),
        group: z.array(ChildSummarySchema),
        intake: z.array(
          z.object({ childId: z.uuid(), specialNeeds: z.string().nullable(), wishes: z.string().nullable() }),
        ),
        relativeAssessments: z.array(
          z.object({
            municipalityCode: z.string(),
            relation: z.string(),
            relative: RelativeContactSchema.nullable(),
            dueOn: z.string(),
            outcome: z.string().nullable(),
            outcomeNote: z.string().nullable(),
            assessedBy: z.string().nullable(),
            assessedAt: z.string().nullable(),
          }),
        ),
      }),
    },
    handler: async (ctx) => {
      const c = ctx.caller();
      const [visible] = await presentChildren(c, [ctx.params.childId]);
      if (visible === undefined) throw notFound([ctx.params.childId]);
      const { proposal, group } = await proposalFor(c, ctx.params.childId, ctx.query.rule);
      const names = new Map((await ctx.db.select().from(municipalities)).map((m) => [m.code, m.name]));
      const named = <T extends { code: string }>(f: T) => ({ ...f, name: names.get(f.code) ?? f.code });
      return {
        ...proposal,
        municipality: named(proposal.municipality),
        nextInTurn: proposal.nextInTurn.map(named),
        group: await presentChildren(c, group.childIds),
        intake: await ctx.db
          .select({
            childId: childIntake.childId,
            specialNeeds: childIntake.specialNeeds,
            wishes: childIntake.wishes,
          })
          .from(childIntake)
          .where(inArray(childIntake.childId, group.childIds)),
        relativeAssessments: await assessmentStatus(c, ctx.params.childId),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/allocation/children/:childId/decision',
    summary: 'Decide: confirm the proposal, or deviate with a recorded reason; responsibility moves at once',
    tags: ['allocation'],
    access: requires('allocation:decide'),
    audit: 'allocation.decide',
    params: ChildIdParams,
    body: z.strictObject({
      municipalityCode: code,
      proposedCode: code,
      reason: optionalText(2000),
      considerations: ConsiderationsSchema,
      rule: z.enum(RULES).default(DEFAULT_RULE),
    }),
    response: {
      201: z.object({
        id: z.uuid(),
        kind: z.string(),
        municipalityCode: z.string(),
        childIds: z.array(z.uuid()),
      }),
    },
    handler: async (ctx) => {
      const c = ctx.caller();
      const [visible] = await presentChildren(c, [ctx.params.childId]);
      if (visible === undefined) throw notFound([ctx.params.childId]);
      return await decide(c, { childId: ctx.params.childId, ...ctx.body });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/allocation/children/:childId/decision/by-rule',
    summary:
      'Decide by the rule, now: the server takes the proposal at commit time (no stale proposal); the officer confirms the result',
    tags: ['allocation'],
    access: requires('allocation:decide'),
    audit: 'allocation.decide',
    params: ChildIdParams,
    body: z.strictObject({
      considerations: ConsiderationsSchema,
      rule: z.enum(RULES).default(DEFAULT_RULE),
    }),
    response: {
      201: z.object({
        id: z.uuid(),
        kind: z.string(),
        municipalityCode: z.string(),
        municipalityName: z.string(),
        childIds: z.array(z.uuid()),
      }),
    },
    handler: async (ctx) => {
      const c = ctx.caller();
      const [visible] = await presentChildren(c, [ctx.params.childId]);
      if (visible === undefined) throw notFound([ctx.params.childId]);
      const row = await decideByRule(c, { childId: ctx.params.childId, ...ctx.body });
      const lookup = await lookupFor(ctx.db, []);
      return {
        id: row.id,
        kind: row.kind,
        municipalityCode: row.municipalityCode,
        municipalityName: lookup.municipalityName(row.municipalityCode),
        childIds: row.childIds,
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/allocation/decisions/:decisionId/correction',
    summary: 'Correct a decision: a new decision supersedes it with a reason (never an edit)',
    tags: ['allocation'],
    access: requires('allocation:decide'),
    audit: 'allocation.correct',
    params: z.strictObject({ decisionId: z.uuid() }),
    body: z.strictObject({ municipalityCode: code, reason: text(2000) }),
    response: {
      201: z.object({ id: z.uuid(), supersedesId: z.uuid().nullable(), municipalityCode: z.string() }),
    },
    handler: async (ctx) => {
      return await correct(ctx.caller(), ctx.params.decisionId, ctx.body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/allocation/decisions',
    summary: 'Decision history with filters, the latest decision date first',
    tags: ['allocation'],
    access: requires('allocation:decide'),
    audit: 'allocation.read',
    query: z.strictObject({
      municipalityCode: code.optional(),
      kind: z.enum(['utjamnande', 'anknytning', 'deviation', 'correction']).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(500).default(50),
    }),
    response: { 200: z.array(DecisionSchema.extend({ children: z.array(ChildSummarySchema) })) },
    handler: async (ctx) => {
      const rows = await decisionHistory(ctx.db, ctx.query);
      // The children by name as the officer may see them (masked where the identity is protected); audited there.
      const summaries = new Map(
        (
          await presentChildren(
            ctx.caller(),
            rows.flatMap((r) => r.childIds),
          )
        ).map((c) => [c.id, c]),
      );
      return rows.map((r) => ({ ...r, children: r.childIds.flatMap((id) => summaries.get(id) ?? []) }));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/allocation/decisions/:decisionId',
    summary: 'One decision with its reasons and considerations, for reading and printing',
    tags: ['allocation'],
    access: requires('allocation:decide'),
    audit: 'allocation.read',
    params: z.strictObject({ decisionId: z.uuid() }),
    response: {
      200: DecisionSchema.extend({
        ruleVersion: z.string(),
        considerations: ConsiderationsSchema.partial(),
        stateHash: z.string(),
        recordHash: z.string(),
        children: z.array(ChildSummarySchema),
        proposal: z
          .object({
            kind: z.enum(['utjamnande', 'anknytning']),
            basis: z.enum(['relative', 'sibling', 'rule']),
            municipality: FiguresSchema.extend({ name: z.string() }),
            decided: FiguresSchema.extend({ name: z.string() }),
            relatives: z.array(
              z.object({
                municipalityCode: z.string(),
                relation: z.string(),
                outcome: z.string().nullable(),
              }),
            ),
            groupSize: z.number().int(),
            quotaTolerance: z.string().nullable(),
            verified: z.boolean(),
          })
          .nullable(),
        superseded: z
          .object({ seq: z.number().int(), municipalityCode: z.string(), decidedOn: z.string() })
          .nullable(),
      }),
    },
    handler: async (ctx) => {
      const [row] = await ctx.db
        .select({ d: anvisningDecisions, officer: users.displayName, municipality: municipalities.name })
        .from(anvisningDecisions)
        .innerJoin(users, eq(users.id, anvisningDecisions.decidedBy))
        .innerJoin(municipalities, eq(municipalities.code, anvisningDecisions.municipalityCode))
        .where(eq(anvisningDecisions.id, ctx.params.decisionId));
      if (row === undefined) throw notFound();
      const { d } = row;
      return {
        id: d.id,
        seq: d.seq,
        childIds: d.childIds,
        municipality: { code: d.municipalityCode, name: row.municipality },
        kind: d.kind,
        proposedCode: d.proposedCode,
        rule: d.rule,
        ruleVersion: d.ruleVersion,
        decidedOn: d.decidedOn,
        decidedBy: row.officer,
        supersedesId: d.supersedesId,
        reason: d.reason,
        considerations: d.considerations as Record<string, string | null>,
        stateHash: d.stateHash,
        recordHash: d.recordHash,
        children: await presentChildren(ctx.caller(), d.childIds),
        proposal: await proposalBehind(ctx.db, d),
        superseded: await supersededBy(ctx.db, d),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/allocation/queue',
    summary: 'The municipalities in the order the rule would pick them, with their figures',
    tags: ['allocation'],
    access: requires('allocation:read'),
    audit: 'allocation.read',
    query: z.strictObject({
      rule: z.enum(RULES).default(DEFAULT_RULE),
      length: z.coerce.number().int().min(1).max(290).default(20),
    }),
    response: {
      200: z.object({
        shareVersionId: z.uuid().nullable(),
        rule: z.enum(RULES),
        next: z.array(FiguresSchema.extend({ name: z.string() })),
      }),
    },
    handler: async (ctx) => queue(ctx.db, ctx.today, ctx.query.rule, ctx.query.length),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/allocation/figures',
    summary:
      'Per municipality: share, received, exact quota and deviation, split by gender and age band (no names)',
    tags: ['allocation'],
    access: requires('allocation:read'),
    audit: 'allocation.read',
    response: {
      200: z.array(
        FiguresSchema.extend({
          name: z.string(),
          countyCode: z.string(),
          deviation: z.number(),
          byGender: z.object({ female: z.number().int(), male: z.number().int(), other: z.number().int() }),
          byAgeBand: z.object({
            '0-12': z.number().int(),
            '13-15': z.number().int(),
            '16-17': z.number().int(),
          }),
        }),
      ),
    },
    handler: async (ctx) => municipalityFigures(ctx.db, ctx.today),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/allocation/timeline',
    summary: 'Received vs exact quota per month, for a municipality or the nation',
    tags: ['allocation'],
    access: requires('allocation:read'),
    audit: 'allocation.read',
    query: z.strictObject({ municipalityCode: code.optional() }),
    response: { 200: z.array(z.object({ month: z.string(), received: z.number(), quota: z.number() })) },
    handler: async (ctx) => timeline(ctx.db, ctx.query.municipalityCode ?? null),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/allocation/shares',
    summary: 'Share versions (andelar), newest first',
    tags: ['shares'],
    access: requires('allocation:read'),
    audit: 'shares.read',
    response: {
      200: z.array(
        z.object({
          id: z.uuid(),
          validFrom: z.string(),
          source: z.string(),
          note: z.string(),
          basedOnId: z.uuid().nullable(),
          decidedAt: z.string(),
        }),
      ),
    },
    handler: async (ctx) =>
      (await listShareVersions(ctx.db)).map((v) => ({
        id: v.id,
        validFrom: v.validFrom,
        source: v.source,
        note: v.note,
        basedOnId: v.basedOnId,
        decidedAt: v.decidedAt.toISOString(),
      })),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/allocation/shares/:versionId',
    summary: 'One share version with every municipality’s per mille and the transfers that made it',
    tags: ['shares'],
    access: requires('allocation:read'),
    audit: 'shares.read',
    params: z.strictObject({ versionId: z.uuid() }),
    response: {
      200: z.object({
        version: z.object({
          id: z.uuid(),
          validFrom: z.string(),
          source: z.string(),
          note: z.string(),
          contentHash: z.string(),
        }),
        values: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            countyCode: z.string(),
            promille: z.number().int(),
          }),
        ),
        transfers: z.array(
          z.object({
            fromCode: z.string(),
            toCode: z.string(),
            promille: z.number().int(),
            decidedBy: z.string(),
          }),
        ),
      }),
    },
    handler: async (ctx) => shareVersionDetail(ctx.db, ctx.params.versionId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/allocation/shares',
    summary: 'Import decided shares (CSV kommunkod,promille: the 290 codes, whole numbers ≥ 0, sum 1000)',
    tags: ['shares'],
    access: requires('shares:manage'),
    audit: 'shares.write',
    body: z.strictObject({ validFrom: isoDate, csv: z.string().min(1).max(100_000), note: text(500) }),
    response: { 201: z.object({ id: z.uuid() }) },
    handler: async (ctx) => {
      return await importShares(
        { db: ctx.db, actor: ctx.requireActor(), now: ctx.now, audit: ctx.audit },
        ctx.body,
      );
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/allocation/shares/proposal',
    summary: 'Compute a proposal from inputs per municipality and a forecast (saved as a version when asked)',
    tags: ['shares'],
    access: requires('shares:manage'),
    audit: 'shares.write',
    body: z.strictObject({
      csv: z.string().min(1).max(200_000),
      forecast: z.number().int().min(0).max(1_000_000),
      weights: z
        .strictObject({
          newlyArrived: z.number().int().min(0).max(10_000),
          unaccompanied: z.number().int().min(0).max(10_000),
          asylumDays: z.number().int().min(0).max(10_000),
          arrivalDays: z.number().int().min(0).max(10_000),
        })
        .default(DEFAULT_WEIGHTS),
      save: z
        .strictObject({ validFrom: isoDate, note: text(500) })
        .nullable()
        .default(null),
    }),
    response: {
      200: z.object({
        savedVersionId: z.uuid().nullable(),
        total: z.string(),
        shares: z.array(
          z.object({
            code: z.string(),
            share: z.number().int(),
            explanation: z.record(z.string(), z.unknown()),
          }),
        ),
      }),
    },
    handler: async (ctx) => {
      const proposal = await computeProposal(ctx.db, ctx.body);
      let savedVersionId: string | null = null;
      if (ctx.body.save !== null) {
        savedVersionId = (
          await saveProposal(
            { db: ctx.db, actor: ctx.requireActor(), now: ctx.now, audit: ctx.audit },
            { ...ctx.body, ...ctx.body.save },
          )
        ).id;
      } else {
        ctx.audit.detail('saved', false);
      }
      return {
        savedVersionId,
        total: proposal.total,
        shares: proposal.shares.map((s) => ({
          code: s.code,
          share: s.share,
          explanation: { ...s.explanation },
        })),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/allocation/shares/:versionId/transfers',
    summary: 'Transfer shares within a county for the year (omfördelning); makes a new version',
    tags: ['shares'],
    access: requires('shares:manage'),
    audit: 'shares.write',
    params: z.strictObject({ versionId: z.uuid() }),
    body: z.strictObject({
      transfers: z
        .array(z.strictObject({ fromCode: code, toCode: code, promille: z.number().int().min(1).max(1000) }))
        .min(1)
        .max(50),
      decidedBy: text(200),
      note: text(500),
    }),
    response: { 201: z.object({ id: z.uuid() }) },
    handler: async (ctx) => {
      return await transferShares(
        { db: ctx.db, actor: ctx.requireActor(), now: ctx.now, audit: ctx.audit },
        { versionId: ctx.params.versionId, ...ctx.body },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/allocation/incoming',
    summary: 'Children newly assigned to the municipality',
    tags: ['allocation'],
    access: requires('allocation:incoming'),
    audit: 'child.list',
    response: { 200: z.array(ChildSummarySchema.extend({ assignedOn: z.string() })) },
    handler: async (ctx) => incoming(ctx.caller()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/relative-assessments',
    summary: 'Relatives the municipality is asked to assess (due within 3 days)',
    tags: ['allocation'],
    access: requires('allocation:incoming'),
    audit: 'relative_assessment.read',
    response: {
      200: z.array(
        z.object({
          id: z.uuid(),
          childId: z.uuid(),
          child: ChildSummarySchema,
          relation: z.string(),
          /** Only for those who may see it (src/domain/allocation/relative-contact.ts); null otherwise. */
          relative: RelativeContactSchema.nullable(),
          dueOn: z.string(),
          overdue: z.boolean(),
          outcome: z.string().nullable(),
          outcomeNote: z.string().nullable(),
        }),
      ),
    },
    handler: async (ctx) => assessmentsFor(ctx.caller()),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/relative-assessments/:assessmentId/outcome',
    summary: 'Record whether the relative is suitable',
    tags: ['allocation'],
    access: requires('allocation:incoming'),
    audit: 'relative_assessment.write',
    params: z.strictObject({ assessmentId: z.uuid() }),
    body: z.strictObject({ outcome: z.enum(['suitable', 'unsuitable']), note: text(2000) }),
    response: { 200: z.object({ ok: z.literal(true) }) },
    handler: async (ctx) => {
      await recordAssessment(ctx.caller(), ctx.params.assessmentId, ctx.body);
      return { ok: true as const };
    },
  }),
];
