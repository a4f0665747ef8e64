/** HTTP routes of school (registered through src/placement/routes.ts). */
import { ChildIdParams, defineRoute, requires } from '../platform/http/route.ts';
import { EnrolBody, EndBody, SchoolViewSchema, StartBody } from './contract.ts';
import { stepUrl } from '../case/steps.ts';
import { SCHOOL_STEPS } from './steps.ts';
import { enrol, readSchool, recordSchoolStep } from './use-cases.ts';

const step = (action: 'enrol' | 'start' | 'end') => {
  const route = SCHOOL_STEPS.route(action);
  return { url: stepUrl(route), access: requires(route.permission) };
};

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
    body: EnrolBody,
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
