/**
 * HTTP routes of the asylum and age case. Thin: parse → authorise → one use case → the view (whitelisted by its
 * schema). Steps are the Migration Agency's (asylum:record); reading follows the case-sections table.
 */
import { z } from 'zod';
import type { Caller } from '../case/caller.ts';
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import {
  appealAgeDecision,
  decideAgeFinally,
  decideAgeTemporarily,
  offerMedicalAssessment,
  recordDoubt,
} from './age.ts';
import {
  createAsylumCase,
  recordAppeal,
  recordDecision,
  recordFinal,
  recordInterview,
} from './asylum-case.ts';
import {
  AgeAppealBody,
  AgeDecisionBody,
  ApplyBody,
  AsylumAppealBody,
  AsylumDecisionBody,
  AsylumFinalBody,
  DoubtBody,
  InterviewBody,
  MedicalAssessmentBody,
  MigrationViewSchema,
} from './contract.ts';
import { readMigration } from './view.ts';

const view = { 200: MigrationViewSchema };

/** A step: the permission, the audit kind, the body, and the use case; the answer is the case as it is now. */
function step<B extends z.ZodType>(spec: {
  url: string;
  summary: string;
  audit: 'asylum.write' | 'age.write';
  body: B;
  run: (caller: Caller, childId: string, body: z.output<B>) => Promise<void>;
}) {
  return defineRoute({
    method: 'POST',
    url: `/api/children/:childId/${spec.url}`,
    summary: spec.summary,
    tags: ['asylum'],
    access: requires('asylum:record'),
    audit: spec.audit,
    params: ChildIdParams,
    body: spec.body,
    response: view,
    handler: async (ctx) => {
      const c = ctx.caller();
      await spec.run(c, ctx.params.childId, ctx.body);
      return readMigration(c, ctx.params.childId);
    },
  });
}

export const asylumRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/migration',
    summary: 'The asylum case and the age case of a child, as the active role may see them',
    tags: ['asylum'],
    access: requires('case:read'),
    audit: 'case.read',
    params: ChildIdParams,
    response: view,
    handler: async (ctx) => readMigration(ctx.caller(), ctx.params.childId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/children/:childId/asylum',
    summary: 'Record the asylum application of a child registered before asylum cases were kept',
    tags: ['asylum'],
    access: requires('asylum:record'),
    audit: 'asylum.write',
    params: ChildIdParams,
    body: ApplyBody,
    response: { 201: MigrationViewSchema },
    handler: async (ctx) => {
      const c = ctx.caller();
      await createAsylumCase(c, ctx.params.childId, ctx.body);
      return readMigration(c, ctx.params.childId);
    },
  }),
  step({
    url: 'asylum/interviews',
    summary:
      'An asylum interview: a future date books it (a coming meeting), today or earlier records it as held',
    audit: 'asylum.write',
    body: InterviewBody,
    run: recordInterview,
  }),
  step({
    url: 'asylum/decision',
    summary:
      'The Migration Agency’s decision: permanent or temporary permit (with end date), refusal, Dublin transfer, written off',
    audit: 'asylum.write',
    body: AsylumDecisionBody,
    run: recordDecision,
  }),
  step({
    url: 'asylum/appeal',
    summary: 'An appeal to the migration court',
    audit: 'asylum.write',
    body: AsylumAppealBody,
    run: recordAppeal,
  }),
  step({
    url: 'asylum/final',
    summary:
      'The final decision (legal force): the Agency’s decision, or after an appeal the court’s outcome',
    audit: 'asylum.write',
    body: AsylumFinalBody,
    run: recordFinal,
  }),
  step({
    url: 'age/doubt',
    summary: 'Doubt about the stated age',
    audit: 'age.write',
    body: DoubtBody,
    run: recordDoubt,
  }),
  step({
    url: 'age/medical-assessment',
    summary: 'A medical age assessment offered, with the child’s consent or refusal',
    audit: 'age.write',
    body: MedicalAssessmentBody,
    run: offerMedicalAssessment,
  }),
  step({
    url: 'age/temporary-decision',
    summary:
      'A temporary age decision (applies at once, appealable); a birth date making the child 18 or older ends the child-specific responsibilities',
    audit: 'age.write',
    body: AgeDecisionBody,
    run: decideAgeTemporarily,
  }),
  step({
    url: 'age/appeal',
    summary: 'An appeal of the temporary age decision',
    audit: 'age.write',
    body: AgeAppealBody,
    run: appealAgeDecision,
  }),
  step({
    url: 'age/final-decision',
    summary: 'The final age decision',
    audit: 'age.write',
    body: AgeDecisionBody,
    run: decideAgeFinally,
  }),
];
