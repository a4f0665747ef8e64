/** Administration of users and roles within the administrator's own organisation. Administrators see no child data. */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import { ROLES, roleAllowedIn, MUNICIPAL_CASE_ROLES } from '../domain/access/roles.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  organisations,
  placementProviders,
  roleAssignments,
  sessions,
  users,
} from '../platform/db/schema.ts';
import type { Actor } from '../domain/access/child-scope.ts';
import { conflict, notFound, unprocessable } from '../platform/http/errors.ts';
import { defineRoute, requires } from '../platform/http/route.ts';
import {
  AssignmentIdParams,
  GrantBody,
  GrantedResponse,
  MemberSchema,
  MembersResponse,
  Ok,
} from './contract.ts';

async function members(db: DbOrTx, organisationId: string) {
  const rows = await db
    .select({ user: users, assignment: roleAssignments })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.organisationId, organisationId), isNull(roleAssignments.revokedAt)))
    .orderBy(users.displayName);
  const byUser = new Map<string, z.infer<typeof MemberSchema>>();
  for (const { user, assignment } of rows) {
    const member = byUser.get(user.id) ?? {
      id: user.id,
      displayName: user.displayName,
      email: user.email,
      subject: user.subject,
      roles: [],
    };
    member.roles.push({
      assignmentId: assignment.id,
      role: assignment.role as (typeof ROLES)[number],
      protectedIdentityClearance: assignment.protectedIdentityClearance,
    });
    byUser.set(user.id, member);
  }
  return [...byUser.values()];
}

/**
 * The placement providers registered in the administrator's municipality, with the organisation their staff hold
 * roles in (null until the first grant). Only a municipality's administrator has any.
 */
async function ownProviders(db: DbOrTx, actor: Actor) {
  if (actor.organisationType !== 'municipality' || actor.municipalityCodes.length === 0) return [];
  return db
    .select({
      id: placementProviders.id,
      name: placementProviders.name,
      form: placementProviders.form,
      municipalityCode: placementProviders.municipalityCode,
      organisationId: organisations.id,
    })
    .from(placementProviders)
    .leftJoin(
      organisations,
      and(eq(organisations.providerId, placementProviders.id), eq(organisations.type, 'provider')),
    )
    .where(inArray(placementProviders.municipalityCode, [...actor.municipalityCodes]))
    .orderBy(placementProviders.name);
}

/** The organisation a `provider_staff` grant goes to: the provider's own, created with the first grant. */
async function providerOrganisation(
  db: DbOrTx,
  actor: Actor,
  providerId: string | undefined,
): Promise<string> {
  if (providerId === undefined)
    throw unprocessable('provider_required', 'Staff of a placement provider are granted for one provider', [
      { field: 'body.providerId', code: 'required', message: 'choose the provider' },
    ]);
  const provider = (await ownProviders(db, actor)).find((p) => p.id === providerId);
  if (provider === undefined)
    throw unprocessable('provider_not_own', 'Only the providers registered in the own municipality', [
      { field: 'body.providerId', code: 'not_own_provider', message: 'not a provider of this municipality' },
    ]);
  if (provider.organisationId !== null) return provider.organisationId;
  const [created] = await db
    .insert(organisations)
    .values({ type: 'provider', name: provider.name, providerId: provider.id })
    .returning({ id: organisations.id });
  if (created === undefined) throw new Error('provider organisation not written');
  return created.id;
}

export const adminRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/admin/users',
    summary: 'Users holding roles in the administrator’s organisation',
    tags: ['administration'],
    access: requires('users:manage'),
    audit: 'users.read',
    response: { 200: MembersResponse },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const [organisation] = await ctx.db
        .select()
        .from(organisations)
        .where(eq(organisations.id, actor.organisationId));
      if (organisation === undefined) throw notFound();
      const providers = await ownProviders(ctx.db, actor);
      return {
        organisation: { id: organisation.id, name: organisation.name, type: organisation.type },
        users: await members(ctx.db, organisation.id),
        providers: await Promise.all(
          providers.map(async (p) => ({
            id: p.id,
            name: p.name,
            form: p.form,
            users: p.organisationId === null ? [] : await members(ctx.db, p.organisationId),
          })),
        ),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/admin/role-assignments',
    summary: 'Grant a role in the administrator’s organisation (creates the user when the subject is new)',
    tags: ['administration'],
    access: requires('users:manage'),
    audit: 'roles.grant',
    body: GrantBody,
    response: { 201: GrantedResponse },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const staff = ctx.body.role === 'provider_staff' && actor.organisationType === 'municipality';
      if (!staff && ctx.body.providerId !== undefined)
        throw unprocessable('provider_not_applicable', 'A provider is chosen for provider staff only', [
          { field: 'body.providerId', code: 'not_applicable', message: 'only for provider staff' },
        ]);
      if (!staff && !roleAllowedIn(ctx.body.role, actor.organisationType)) {
        throw unprocessable('role_not_allowed', 'This role cannot be held in this type of organisation', [
          {
            field: 'body.role',
            code: 'not_allowed_here',
            message: `not a role of a ${actor.organisationType}`,
          },
        ]);
      }
      if (ctx.body.protectedIdentityClearance && !MUNICIPAL_CASE_ROLES.includes(ctx.body.role)) {
        throw unprocessable(
          'clearance_not_applicable',
          'Clearance for protected identities applies to municipal case roles',
          [
            {
              field: 'body.protectedIdentityClearance',
              code: 'not_applicable',
              message: 'only for social workers and unit managers',
            },
          ],
        );
      }
      // A municipality's administrator grants provider staff in the provider's organisation; every other role here.
      const organisationId = staff
        ? await providerOrganisation(ctx.db, actor, ctx.body.providerId)
        : actor.organisationId;
      const [existing] = await ctx.db.select().from(users).where(eq(users.subject, ctx.body.subject));
      const user =
        existing ??
        (
          await ctx.db
            .insert(users)
            .values({ subject: ctx.body.subject, displayName: ctx.body.displayName, email: ctx.body.email })
            .returning()
        )[0];
      if (user === undefined) throw new Error('user insert returned nothing');
      // Four eyes: an administrator can never give themselves a role (and so never reach child data).
      if (user.id === actor.userId) {
        throw unprocessable('self_grant', 'Administrators cannot grant roles to themselves', [
          { field: 'body.subject', code: 'self_grant', message: 'ask another administrator' },
        ]);
      }
      const [held] = await ctx.db
        .select({ id: roleAssignments.id })
        .from(roleAssignments)
        .where(
          and(
            eq(roleAssignments.userId, user.id),
            eq(roleAssignments.organisationId, organisationId),
            eq(roleAssignments.role, ctx.body.role),
            isNull(roleAssignments.revokedAt),
          ),
        );
      if (held !== undefined) {
        throw unprocessable('role_already_held', 'The user already holds this role here', [
          { field: 'body.role', code: 'already_held', message: 'already held' },
        ]);
      }
      const [assignment] = await ctx.db
        .insert(roleAssignments)
        .values({
          userId: user.id,
          organisationId,
          role: ctx.body.role,
          protectedIdentityClearance: ctx.body.protectedIdentityClearance,
          grantedBy: actor.userId,
        })
        .returning({ id: roleAssignments.id });
      if (assignment === undefined) throw new Error('assignment insert returned nothing');
      ctx.audit.detail('userId', user.id);
      ctx.audit.detail('role', ctx.body.role);
      ctx.audit.detail('assignmentId', assignment.id);
      if (staff) ctx.audit.detail('providerId', ctx.body.providerId ?? null);
      return { userId: user.id, assignmentId: assignment.id };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/admin/role-assignments/:assignmentId',
    summary: 'Revoke a role in the administrator’s organisation; sessions using it lose it at once',
    tags: ['administration'],
    access: requires('users:manage'),
    audit: 'roles.revoke',
    params: AssignmentIdParams,
    response: { 200: Ok },
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      // The own organisation's roles, and the staff of the providers registered in the own municipality.
      const providerOrgs = (await ownProviders(ctx.db, actor)).flatMap((p) =>
        p.organisationId === null ? [] : [p.organisationId],
      );
      const manages = or(
        eq(roleAssignments.organisationId, actor.organisationId),
        providerOrgs.length === 0 ? undefined : inArray(roleAssignments.organisationId, providerOrgs),
      );
      const [target] = await ctx.db
        .select({ role: roleAssignments.role })
        .from(roleAssignments)
        .where(
          and(eq(roleAssignments.id, ctx.params.assignmentId), manages, isNull(roleAssignments.revokedAt)),
        );
      if (target === undefined) throw notFound();
      if (target.role === 'administrator') {
        const admins = await ctx.db
          .select({ id: roleAssignments.id })
          .from(roleAssignments)
          .where(
            and(
              eq(roleAssignments.organisationId, actor.organisationId),
              eq(roleAssignments.role, 'administrator'),
              isNull(roleAssignments.revokedAt),
            ),
          );
        if (admins.length <= 1) {
          throw conflict(
            'last_administrator',
            'The organisation’s last administrator cannot be removed; grant the role to someone else first',
          );
        }
      }
      const revoked = await ctx.db
        .update(roleAssignments)
        .set({ revokedAt: ctx.now })
        .where(
          and(eq(roleAssignments.id, ctx.params.assignmentId), manages, isNull(roleAssignments.revokedAt)),
        )
        .returning({ id: roleAssignments.id, userId: roleAssignments.userId });
      if (revoked.length === 0) throw notFound();
      await ctx.db
        .update(sessions)
        .set({ activeAssignmentId: null })
        .where(eq(sessions.activeAssignmentId, ctx.params.assignmentId));
      ctx.audit.detail('assignmentId', ctx.params.assignmentId);
      ctx.audit.detail('userId', revoked[0]?.userId ?? null);
      return { ok: true as const };
    },
  }),
];
