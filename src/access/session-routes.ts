/** Login (development login; OIDC lives in oidc-routes.ts), the current session, role switch and logout. */
import { and, asc, eq, like } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { writeAuditEvent } from '../audit/writer.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { users } from '../platform/db/schema.ts';
import { SESSION_COOKIE } from '../platform/http/app.ts';
import { notFound } from '../platform/http/errors.ts';
import { defineRoute, PUBLIC, SESSION, type AppDeps, type RouteContext } from '../platform/http/route.ts';
import {
  ActivateRoleBody,
  AuthOptionsResponse,
  DevLoginBody,
  DevUsersResponse,
  Ok,
  SessionSchema,
} from './contract.ts';
import {
  createSession,
  loadAssignments,
  revokeAllSessions,
  revokeSession,
  setActiveAssignment,
} from './sessions.ts';

export function setSessionCookie(reply: FastifyReply, deps: AppDeps, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    maxAge: deps.config.session.absoluteHours * 3600,
  });
}

function clearSessionCookie(reply: FastifyReply, deps: AppDeps): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
  });
}

/** Starts a session for a known user and writes the login event in the same transaction. */
export async function logIn(
  ctx: RouteContext<unknown, unknown, unknown>,
  db: DbOrTx,
  userId: string,
  method: 'development' | 'oidc',
): Promise<void> {
  const { token } = await createSession(db, userId, ctx.now, ctx.deps.config.session);
  await writeAuditEvent(
    db,
    {
      kind: 'auth.login',
      outcome: 'allowed',
      requestId: ctx.requestId,
      actor: { userId, organisationId: null, role: null },
      purpose: null,
      childIds: [],
      emergency: false,
      payload: { method },
    },
    ctx.now,
  );
  ctx.audit.skip();
  setSessionCookie(ctx.reply, ctx.deps, token);
}

export const sessionRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/auth/options',
    summary: 'Which login methods this server offers',
    tags: ['session'],
    access: PUBLIC,
    audit: 'none',
    response: { 200: AuthOptionsResponse },
    handler: async ({ deps }) => ({ devLogin: deps.config.devLogin, oidc: deps.config.oidc !== null }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/dev-users',
    summary: 'Demo users for the development login (absent when an identity provider is configured)',
    tags: ['session'],
    access: PUBLIC,
    audit: 'none',
    response: { 200: DevUsersResponse },
    handler: async ({ deps, db }) => {
      if (!deps.config.devLogin) throw notFound();
      // Only the demo users (subject dev:…), not the staff the demo generator creates for its municipalities.
      const all = await db
        .select()
        .from(users)
        .where(and(eq(users.disabled, false), like(users.subject, 'dev:%')))
        .orderBy(asc(users.displayName));
      return Promise.all(
        all.map(async (u) => ({
          id: u.id,
          displayName: u.displayName,
          roles: (await loadAssignments(db, u.id)).map((a) => ({
            role: a.role,
            organisationName: a.organisationName,
          })),
        })),
      );
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/dev-login',
    summary: 'Development login as a demo user (absent when an identity provider is configured)',
    tags: ['session'],
    access: PUBLIC,
    audit: 'auth.login',
    rateLimit: 'login',
    body: DevLoginBody,
    response: { 200: Ok },
    handler: async (ctx) => {
      if (!ctx.deps.config.devLogin) throw notFound();
      const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.body.userId));
      if (user === undefined || user.disabled) throw notFound();
      if (ctx.auth !== null) await revokeSession(ctx.db, ctx.auth.sessionId, ctx.now);
      await logIn(ctx, ctx.db, user.id, 'development');
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/session',
    summary: 'The logged-in user, their roles, the active role and the CSRF token',
    tags: ['session'],
    access: SESSION,
    audit: 'none',
    response: { 200: SessionSchema },
    handler: async ({ auth }) => {
      if (auth === null) throw notFound();
      return {
        user: auth.user,
        assignments: [...auth.assignments],
        activeAssignmentId: auth.activeAssignmentId,
        csrfToken: auth.csrfToken,
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/session/active-role',
    summary: 'Choose the active organisation and role',
    tags: ['session'],
    access: SESSION,
    audit: 'session.role_switch',
    body: ActivateRoleBody,
    response: { 200: Ok },
    handler: async ({ auth, db, body, audit }) => {
      if (auth === null) throw notFound();
      const chosen = await setActiveAssignment(db, auth, body.assignmentId);
      if (chosen === null) throw notFound();
      audit.detail('organisationId', chosen.organisationId);
      audit.detail('role', chosen.role);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'Log out this session',
    tags: ['session'],
    access: SESSION,
    audit: 'auth.logout',
    response: { 200: Ok },
    handler: async ({ auth, db, now, reply, deps }) => {
      if (auth !== null) await revokeSession(db, auth.sessionId, now);
      clearSessionCookie(reply, deps);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/auth/logout-everywhere',
    summary: 'Log out every session of this user, on every device',
    tags: ['session'],
    access: SESSION,
    audit: 'auth.logout_everywhere',
    response: { 200: Ok },
    handler: async ({ auth, db, now, reply, deps, audit }) => {
      if (auth !== null) audit.detail('sessionsRevoked', await revokeAllSessions(db, auth.user.id, now));
      clearSessionCookie(reply, deps);
      return { ok: true as const };
    },
  }),
];
