/** HTTP routes of the allocation (anvisning). Thin: parse → authorise → one use case → a whitelist of fields. */
import { eq, inArray } from 'drizzle-orm';
import { lookupFor, presentChildren } from '../children/use-cases.ts';
import { anvisningDecisions, childIntake, municipalities, users } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import { correct, decide, decideByRule, proposalFor } from './decide.ts';
import {
  agencyRedistributions,
  countyShares,
  decideRedistribution,
  proposeRedistribution,
} from './redistribution.ts';
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
import {
  ArrivalBody,
  ArrivalResponse,
  AssessmentIdParams,
  AssessmentOutcomeBody,
  CorrectionBody,
  CorrectionResponse,
  CreatedResponse,
  DecisionBody,
  DecisionByRuleBody,
  DecisionByRuleResponse,
  DecisionDetailResponse,
  DecisionIdParams,
  DecisionResponse,
  DecisionsQuery,
  DecisionsResponse,
  FiguresResponse,
  ImportSharesBody,
  IncomingResponse,
  OkResponse,
  ProposalQuery,
  ProposalResponse,
  QueueQuery,
  QueueResponse,
  RelativeAssessmentsResponse,
  ShareVersionDetailResponse,
  ShareVersionsResponse,
  SharesProposalBody,
  SharesProposalResponse,
  TimelineQuery,
  TimelineResponse,
  TransferSharesBody,
  VersionIdParams,
  WaitingResponse,
  CountySharesQuery,
  CountySharesSchema,
  DecideRedistributionBody,
  ProposeRedistributionBody,
  RedistributionListSchema,
  RedistributionParams,
  RedistributionSchema,
} from './contract.ts';

export const allocationRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/allocation/arrivals',
    summary: 'Register an arriving child with siblings, a relative, needs and wishes (search before create)',
    tags: ['allocation'],
    access: requires('allocation:decide'),
    audit: 'child.register',
    body: ArrivalBody,
    response: { 201: ArrivalResponse },
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
    response: { 200: WaitingResponse },
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
    query: ProposalQuery,
    response: { 200: ProposalResponse },
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
    body: DecisionBody,
    response: { 201: DecisionResponse },
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
    body: DecisionByRuleBody,
    response: { 201: DecisionByRuleResponse },
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
    params: DecisionIdParams,
    body: CorrectionBody,
    response: { 201: CorrectionResponse },
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
    query: DecisionsQuery,
    response: { 200: DecisionsResponse },
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
    params: DecisionIdParams,
    response: { 200: DecisionDetailResponse },
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
    query: QueueQuery,
    response: { 200: QueueResponse },
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
    response: { 200: FiguresResponse },
    handler: async (ctx) => municipalityFigures(ctx.db, ctx.today),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/allocation/timeline',
    summary: 'Received vs exact quota per month, for a municipality or the nation',
    tags: ['allocation'],
    access: requires('allocation:read'),
    audit: 'allocation.read',
    query: TimelineQuery,
    response: { 200: TimelineResponse },
    handler: async (ctx) => timeline(ctx.db, ctx.query.municipalityCode ?? null),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/allocation/shares',
    summary: 'Share versions (andelar), newest first',
    tags: ['shares'],
    access: requires('allocation:read'),
    audit: 'shares.read',
    response: { 200: ShareVersionsResponse },
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
    params: VersionIdParams,
    response: { 200: ShareVersionDetailResponse },
    handler: async (ctx) => shareVersionDetail(ctx.db, ctx.params.versionId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/allocation/shares',
    summary: 'Import decided shares (CSV kommunkod,promille: the 290 codes, whole numbers ≥ 0, sum 1000)',
    tags: ['shares'],
    access: requires('shares:manage'),
    audit: 'shares.write',
    body: ImportSharesBody,
    response: { 201: CreatedResponse },
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
    body: SharesProposalBody,
    response: { 200: SharesProposalResponse },
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
    params: VersionIdParams,
    body: TransferSharesBody,
    response: { 201: CreatedResponse },
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
    response: { 200: IncomingResponse },
    handler: async (ctx) => incoming(ctx.caller()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/relative-assessments',
    summary: 'Relatives the municipality is asked to assess (due within 3 days)',
    tags: ['allocation'],
    access: requires('allocation:incoming'),
    audit: 'relative_assessment.read',
    response: { 200: RelativeAssessmentsResponse },
    handler: async (ctx) => assessmentsFor(ctx.caller()),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/relative-assessments/:assessmentId/outcome',
    summary: 'Record whether the relative is suitable',
    tags: ['allocation'],
    access: requires('allocation:incoming'),
    audit: 'relative_assessment.write',
    params: AssessmentIdParams,
    body: AssessmentOutcomeBody,
    response: { 200: OkResponse },
    handler: async (ctx) => {
      await recordAssessment(ctx.caller(), ctx.params.assessmentId, ctx.body);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/county/shares',
    summary:
      "The county's municipalities' shares for a year (the latest version) and its redistribution proposals",
    tags: ['shares'],
    access: requires('shares:redistribute'),
    audit: 'redistribution.read',
    query: CountySharesQuery,
    response: { 200: CountySharesSchema },
    handler: async (ctx) => countyShares(ctx.caller(), ctx.query.year),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/county/redistributions',
    summary:
      'Propose a redistribution of shares within the county for a year (E-R1…E-R4); the Agency fixes it',
    tags: ['shares'],
    access: requires('shares:redistribute'),
    audit: 'redistribution.write',
    body: ProposeRedistributionBody,
    response: { 201: CountySharesSchema },
    handler: async (ctx) => proposeRedistribution(ctx.caller(), ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/allocation/redistributions',
    summary: "The counties' redistribution proposals, awaiting the Agency first",
    tags: ['shares'],
    access: requires('shares:manage'),
    audit: 'redistribution.read',
    response: { 200: RedistributionListSchema },
    handler: async (ctx) => agencyRedistributions(ctx.caller()),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/allocation/redistributions/:proposalId/decision',
    summary: "Fix a county's redistribution as a new share version, or return it with reasons",
    tags: ['shares'],
    access: requires('shares:manage'),
    audit: 'redistribution.write',
    params: RedistributionParams,
    body: DecideRedistributionBody,
    response: { 200: RedistributionSchema },
    handler: async (ctx) => decideRedistribution(ctx.caller(), ctx.params.proposalId, ctx.body),
  }),
];
