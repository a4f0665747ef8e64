/**
 * HTTP routes of the asylum and age case. Thin: parse → authorise → one use case → the view (whitelisted by its
 * schema). Steps are the Migration Agency's (asylum:record); reading follows the case-sections table.
 */
import { z } from 'zod';
import type { Caller } from '../case/caller.ts';
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import { stepUrl, type StepRoute } from '../case/steps.ts';
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
import { AGE_STEPS, APPLY, ASYLUM_STEPS } from './steps.ts';
import { readMigration } from './view.ts';

const view = { 200: MigrationViewSchema };

/**
 * A step: its route from the step table (address and permission), the audit kind, the body, and the use case; the
 * answer is the case as it is now.
 */
function step<B extends z.ZodType>(spec: {
  route: StepRoute;
  summary: string;
  audit: 'asylum.write' | 'age.write';
  body: B;
  run: (caller: Caller, childId: string, body: z.output<B>) => Promise<void>;
}) {
  return defineRoute({
    method: 'POST',
    url: stepUrl(spec.route),
    summary: spec.summary,
    tags: ['asylum'],
    access: requires(spec.route.permission),
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
    url: stepUrl(APPLY),
    summary: 'Record the asylum application of a child registered before asylum cases were kept',
    tags: ['asylum'],
    access: requires(APPLY.permission),
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
    route: ASYLUM_STEPS.route('interview'),
    summary:
      'An asylum interview: a future date books it (a coming meeting), today or earlier records it as held',
    audit: 'asylum.write',
    body: InterviewBody,
    run: recordInterview,
  }),
  step({
    route: ASYLUM_STEPS.route('refuse'), // the decision's route, shared by its five events
    summary:
      'The Migration Agency’s decision: permanent or temporary permit (with end date), refusal, Dublin transfer, written off',
    audit: 'asylum.write',
    body: AsylumDecisionBody,
    run: recordDecision,
  }),
  step({
    route: ASYLUM_STEPS.route('appeal'),
    summary: 'An appeal to the migration court',
    audit: 'asylum.write',
    body: AsylumAppealBody,
    run: recordAppeal,
  }),
  step({
    route: ASYLUM_STEPS.route('become_final'),
    summary:
      'The final decision (legal force): the Agency’s decision, or after an appeal the court’s outcome',
    audit: 'asylum.write',
    body: AsylumFinalBody,
    run: recordFinal,
  }),
  step({
    route: AGE_STEPS.route('doubt'),
    summary: 'Doubt about the stated age',
    audit: 'age.write',
    body: DoubtBody,
    run: recordDoubt,
  }),
  step({
    route: AGE_STEPS.route('order_medical_assessment'),
    summary: 'A medical age assessment offered, with the child’s consent or refusal',
    audit: 'age.write',
    body: MedicalAssessmentBody,
    run: offerMedicalAssessment,
  }),
  step({
    route: AGE_STEPS.route('decide_temporarily'),
    summary:
      'A temporary age decision (applies at once, appealable); a birth date making the child 18 or older ends the child-specific responsibilities',
    audit: 'age.write',
    body: AgeDecisionBody,
    run: decideAgeTemporarily,
  }),
  step({
    route: AGE_STEPS.route('appeal_age'),
    summary: 'An appeal of the temporary age decision',
    audit: 'age.write',
    body: AgeAppealBody,
    run: appealAgeDecision,
  }),
  step({
    route: AGE_STEPS.route('decide_finally'),
    summary: 'The final age decision',
    audit: 'age.write',
    body: AgeDecisionBody,
    run: decideAgeFinally,
  }),
];
