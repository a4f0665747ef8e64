/**
 * OpenID Connect login (authorization code + PKCE S256) with `openid-client`: discovery, the authorization
 * request and the code exchange. The login in progress (state, nonce, PKCE verifier) lives in `login_attempts`,
 * single use and for at most ten minutes; the state is also bound to the browser by a short-lived cookie so that
 * a callback URL made by someone else cannot log a victim in to the attacker's account (login CSRF).
 */
import { eq, lt } from 'drizzle-orm';
import * as client from 'openid-client';
import type { OidcConfig } from '../platform/config.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { loginAttempts } from '../platform/db/schema.ts';

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
export const OIDC_START_PATH = '/api/auth/oidc/start';
/** Holds the state of the login this browser started; scoped to the OIDC routes. */
export const OIDC_STATE_COOKIE = 'anvisa_oidc_state';
export const OIDC_COOKIE_PATH = '/api/auth/oidc';
export const LOGIN_ATTEMPT_TTL_MS = 10 * 60_000;
/** Seconds for each request to the identity provider (discovery, token endpoint, JWKS). */
const IDP_TIMEOUT_SECONDS = 10;

/** The codes a failed OIDC login reports, in the audit event and in `/login?error=<code>`. */
export const OIDC_LOGIN_ERRORS = [
  'invalid_state',
  'idp_error',
  'idp_unavailable',
  'exchange_failed',
  'unknown_user',
] as const;
export type OidcLoginError = (typeof OIDC_LOGIN_ERRORS)[number];

/** Standard error codes an authorization server may send back (RFC 6749 §4.1.2.1, OIDC Core §3.1.2.6). */
const IDP_ERROR_CODES = new Set([
  'invalid_request',
  'unauthorized_client',
  'access_denied',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
  'interaction_required',
  'login_required',
  'account_selection_required',
  'consent_required',
  'invalid_request_uri',
  'invalid_request_object',
  'request_not_supported',
  'request_uri_not_supported',
  'registration_not_supported',
]);

/** An IdP's error parameter, kept only when it is one of the standard codes (it is attacker-controlled text). */
export function standardIdpError(value: string | undefined): string | null {
  return value !== undefined && IDP_ERROR_CODES.has(value) ? value : null;
}

const discovered = new Map<string, Promise<client.Configuration>>();

function cacheKey(oidc: OidcConfig): string {
  return JSON.stringify([oidc.issuer, oidc.clientId, oidc.clientSecret, oidc.allowHttp]);
}

/**
 * The client configuration from the issuer's discovery document, fetched once per process and cached; a failed
 * discovery is forgotten so that the next login tries again.
 */
export function oidcConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  const key = cacheKey(oidc);
  const cached = discovered.get(key);
  if (cached !== undefined) return cached;
  const pending = client
    .discovery(
      new URL(oidc.issuer),
      oidc.clientId,
      oidc.clientSecret ?? undefined,
      oidc.clientSecret === null ? client.None() : client.ClientSecretBasic(oidc.clientSecret),
      {
        timeout: IDP_TIMEOUT_SECONDS,
        ...(oidc.allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
      },
    )
    .catch((error: unknown) => {
      discovered.delete(key);
      throw error;
    });
  discovered.set(key, pending);
  return pending;
}

export const callbackUrl = (publicUrl: string): string => `${publicUrl}${OIDC_CALLBACK_PATH}`;

/** Creates a login attempt and returns the IdP's authorization URL and the state to bind to the browser. */
export async function beginOidcLogin(
  db: DbOrTx,
  oidc: OidcConfig,
  publicUrl: string,
  now: Date,
): Promise<{ authorizationUrl: URL; state: string }> {
  const configuration = await oidcConfiguration(oidc);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
  await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.createdAt, new Date(now.getTime() - LOGIN_ATTEMPT_TTL_MS)));
  await db.insert(loginAttempts).values({ state, codeVerifier, nonce, createdAt: now });
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl(publicUrl),
    scope: oidc.scopes,
    response_type: 'code',
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { authorizationUrl, state };
}

export interface LoginAttempt {
  readonly state: string;
  readonly codeVerifier: string;
  readonly nonce: string;
}

/** Takes the attempt for a state out of the table (single use); null when unknown or older than ten minutes. */
export async function consumeLoginAttempt(
  db: DbOrTx,
  state: string,
  now: Date,
): Promise<LoginAttempt | null> {
  const [row] = await db.delete(loginAttempts).where(eq(loginAttempts.state, state)).returning();
  if (row === undefined) return null;
  if (now.getTime() - row.createdAt.getTime() > LOGIN_ATTEMPT_TTL_MS) return null;
  return { state: row.state, codeVerifier: row.codeVerifier, nonce: row.nonce };
}

/**
 * Exchanges the code (with the PKCE verifier) and validates the ID token (issuer, audience, signature, nonce)
 * and the authorization response (state, `iss`). Returns the subject.
 * `search` is the callback's raw query string, `?code=…&state=…`.
 */
export async function completeOidcLogin(
  oidc: OidcConfig,
  publicUrl: string,
  search: string,
  attempt: LoginAttempt,
): Promise<string> {
  const configuration = await oidcConfiguration(oidc);
  const currentUrl = new URL(`${callbackUrl(publicUrl)}${search}`);
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: attempt.codeVerifier,
    expectedState: attempt.state,
    expectedNonce: attempt.nonce,
    idTokenExpected: true,
  });
  const sub = tokens.claims()?.sub;
  if (sub === undefined || sub === '') throw new Error('the ID token carries no subject');
  return sub;
}
