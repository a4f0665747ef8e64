/** HTTP routes of school (registered through src/placement/routes.ts). */
import { z } from 'zod';
import { SCHOOL_PROGRAMMES } from '../domain/placement/vocabulary.ts';
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import { isoDate } from '../domain/fields.ts';
import { expectedVersion, MeetingSchema } from '../placement/contract.ts';
import { StepSchema } from '../case/contract.ts';
import { stepUrl } from '../case/steps.ts';
import { SCHOOL_STEPS } from './steps.ts';
import { enrol, readSchool, recordSchoolStep } from './use-cases.ts';

const step = (action: 'enrol' | 'start' | 'end') => {
  const route = SCHOOL_STEPS.route(action);
  return { url: stepUrl(route), access: requires(route.permission) };
};

const EnrolmentSchema = z.object({
  id: z.uuid(),
  school: z.string().nullable(),
  programme: z.string(),
  enrolledOn: z.string(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
});

export const SchoolViewSchema = z.object({
  state: z.string(),
  version: z.number().int(),
  arrivalDate: z.string(),
  dueOn: z.string(),
  goalDays: z.number().int(),
  days: z.number().int(),
  started: z.boolean(),
  withinGoal: z.boolean(),
  current: EnrolmentSchema.nullable(),
  enrolments: z.array(EnrolmentSchema),
  child: MeetingSchema,
  steps: z.array(StepSchema),
});

const StartBody = z.strictObject({ startedOn: isoDate, expectedVersion });
const EndBody = z.strictObject({ endedOn: isoDate, expectedVersion });

export const schoolRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/children/:childId/school',
    summary: 'The child’s schooling and the days from arrival to school start (goal 30)',
    tags: ['school'],
    access: requires('case:read'),
    audit: 'case.read',
    params: ChildIdParams,
    response: { 200: SchoolViewSchema },
    handler: async (ctx) => readSchool(ctx.caller(), ctx.params.childId),
  }),
  defineRoute({
    method: 'POST',
    ...step('enrol'),
    summary: 'Enrol the child in a school and programme',
    tags: ['school'],
    audit: 'school.write',
    params: ChildIdParams,
    body: z.strictObject({
      school: z.string().trim().min(1).max(200),
      programme: z.enum(SCHOOL_PROGRAMMES),
      enrolledOn: isoDate,
      expectedVersion,
    }),
    response: { 201: SchoolViewSchema },
    handler: async (ctx) => enrol(ctx.caller(), ctx.params.childId, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    ...step('start'),
    summary: 'The first school day (closes the one-month deadline)',
    tags: ['school'],
    audit: 'school.write',
    params: ChildIdParams,
    body: StartBody,
    response: { 201: SchoolViewSchema },
    handler: async (ctx) =>
      recordSchoolStep(ctx.caller(), ctx.params.childId, 'start_school', {
        date: ctx.body.startedOn,
        expectedVersion: ctx.body.expectedVersion,
      }),
  }),
  defineRoute({
    method: 'POST',
    ...step('end'),
    summary: 'The end of the schooling',
    tags: ['school'],
    audit: 'school.write',
    params: ChildIdParams,
    body: EndBody,
    response: { 201: SchoolViewSchema },
    handler: async (ctx) =>
      recordSchoolStep(ctx.caller(), ctx.params.childId, 'end_school', {
        date: ctx.body.endedOn,
        expectedVersion: ctx.body.expectedVersion,
      }),
  }),
];
