/**
 * OIDC login routes: `start` sends the browser to the identity provider, `callback` receives it back, exchanges
 * the code and starts a session for the user whose `users.subject` is the ID token's `sub`.
 * A failed callback is audited as `auth.login_failed` with a code only, and answers a redirect to
 * `/login?error=<code>` — returned, not thrown, so that the transaction (the consumed state and the audit row)
 * commits.
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { users } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { defineRoute, PUBLIC, type AppDeps } from '../platform/http/route.ts';
import {
  beginOidcLogin,
  completeOidcLogin,
  consumeLoginAttempt,
  LOGIN_ATTEMPT_TTL_MS,
  OIDC_CALLBACK_PATH,
  OIDC_COOKIE_PATH,
  OIDC_START_PATH,
  OIDC_STATE_COOKIE,
  standardIdpError,
  type OidcLoginError,
} from './oidc.ts';
import { CallbackQuery } from './contract.ts';
import { logIn } from './session-routes.ts';
import { revokeSession } from './sessions.ts';

const loginErrorUrl = (code: OidcLoginError): string => `/login?error=${code}`;

function clearStateCookie(reply: FastifyReply, deps: AppDeps): void {
  reply.clearCookie(OIDC_STATE_COOKIE, {
    path: OIDC_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
  });
}

/**
 * Answers a redirect once the handler returns. Not `reply.redirect()`, which would send at once: inside the
 * callback's transaction the browser could follow the redirect before the session row has committed.
 */
function redirectTo(reply: FastifyReply, location: string): string {
  reply.code(302).header('location', location);
  return '';
}

/** The raw query string of the request (`?…`), exactly as the identity provider sent it. */
function rawSearch(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? '' : url.slice(at);
}

export const oidcRoutes = [
  defineRoute({
    method: 'GET',
    url: OIDC_START_PATH,
    summary: 'Start an OIDC login: redirects to the identity provider (absent when none is configured)',
    tags: ['session'],
    access: PUBLIC,
    audit: 'none',
    rateLimit: 'login',
    handler: async ({ deps, db, now, reply, request }) => {
      const oidc = deps.config.oidc;
      if (oidc === null) throw notFound();
      let begun: Awaited<ReturnType<typeof beginOidcLogin>>;
      try {
        begun = await beginOidcLogin(db, oidc, deps.config.publicUrl, now);
      } catch (error) {
        request.log.error({ err: error }, 'OIDC: could not reach the identity provider');
        return redirectTo(reply, loginErrorUrl('idp_unavailable'));
      }
      reply.setCookie(OIDC_STATE_COOKIE, begun.state, {
        path: OIDC_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secureCookies,
        maxAge: LOGIN_ATTEMPT_TTL_MS / 1000,
      });
      return redirectTo(reply, begun.authorizationUrl.href);
    },
  }),
  defineRoute({
    method: 'GET',
    url: OIDC_CALLBACK_PATH,
    summary:
      'The identity provider returns here: exchanges the code and starts a session, then redirects to the app',
    tags: ['session'],
    access: PUBLIC,
    audit: 'auth.login',
    rateLimit: 'login',
    query: CallbackQuery,
    handler: async (ctx) => {
      const { deps, db, now, reply, request, query, audit } = ctx;
      const oidc = deps.config.oidc;
      if (oidc === null) throw notFound();
      const boundState = request.cookies[OIDC_STATE_COOKIE];
      clearStateCookie(reply, deps);
      const fail = (code: OidcLoginError, extra: Record<string, string> = {}) => {
        audit.kind('auth.login_failed');
        audit.detail('code', code);
        for (const [key, value] of Object.entries(extra)) audit.detail(key, value);
        return redirectTo(reply, loginErrorUrl(code));
      };

      // Single use: the attempt is deleted whatever happens next (the transaction commits on every answer below).
      const attempt = query.state === undefined ? null : await consumeLoginAttempt(db, query.state, now);
      if (attempt === null || boundState !== attempt.state) return fail('invalid_state');
      if (query.error !== undefined) {
        const idpError = standardIdpError(query.error);
        return fail('idp_error', idpError === null ? {} : { idpError });
      }

      let subject: string;
      try {
        subject = await completeOidcLogin(oidc, deps.config.publicUrl, rawSearch(request.url), attempt);
      } catch (error) {
        request.log.warn({ err: error }, 'OIDC: the code exchange or the ID token was refused');
        return fail('exchange_failed');
      }

      const [user] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.subject, subject), eq(users.disabled, false)));
      // The subject is not recorded: at some identity providers it is a personal identity number.
      if (user === undefined) return fail('unknown_user');

      // A new login replaces the session this browser had (no session fixation across users).
      if (ctx.auth !== null) await revokeSession(db, ctx.auth.sessionId, now);
      await logIn(ctx, db, user.id, 'oidc');
      return redirectTo(reply, '/');
    },
  }),
];
