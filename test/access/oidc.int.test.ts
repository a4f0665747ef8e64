/**
 * OIDC login end to end over HTTP: a real identity provider (oidc-provider, development interactions), Anvisa
 * listening on a port, and plain fetch with a cookie jar following every redirect and submitting the provider's
 * login and consent forms — the same requests a browser makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { startServer, type Running } from '../../src/server/bootstrap.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { freePort, startTestOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { OIDC_CALLBACK_PATH, OIDC_START_PATH, OIDC_STATE_COOKIE } from '../../src/access/oidc.ts';

/** A minimal browser cookie store: per host, honouring Path, Max-Age and Expires. */
class CookieJar {
  private readonly cookies = new Map<string, { host: string; path: string; name: string; value: string }>();

  store(url: URL, response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', attributeValue = ''] = attribute.split('=');
        const lower = key.toLowerCase();
        if (lower === 'path') path = attributeValue;
        if (lower === 'max-age' && Number(attributeValue) <= 0) expired = true;
        if (lower === 'expires' && Date.parse(attributeValue) <= Date.now()) expired = true;
      }
      const key = `${url.hostname}|${path}|${name}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { host: url.hostname, path, name, value });
    }
  }

  set(url: URL, path: string, name: string, value: string): void {
    this.cookies.set(`${url.hostname}|${path}|${name}`, { host: url.hostname, path, name, value });
  }

  header(url: URL): string {
    return [...this.cookies.values()]
      .filter(
        (c) =>
          c.host === url.hostname &&
          (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  has(name: string): boolean {
    return [...this.cookies.values()].some((c) => c.name === name);
  }

  async fetch(
    url: URL | string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const target = new URL(url);
    const headers: Record<string, string> = { accept: 'text/html,application/json' };
    const cookie = this.header(target);
    if (cookie !== '') headers.cookie = cookie;
    let body: string | undefined;
    if (init.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body: body ?? null,
      redirect: 'manual',
    });
    this.store(target, response);
    return response;
  }
}

interface Form {
  readonly action: string;
  readonly fields: Record<string, string>;
}

/** The one form on a development-interaction page of oidc-provider, with its hidden fields. */
function parseForm(html: string, pageUrl: URL): Form {
  const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (form?.[1] === undefined || form[2] === undefined)
    throw new Error(`no form on ${pageUrl.href}:\n${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const input of form[2].matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1];
    if (name !== undefined) fields[name] = value ?? '';
  }
  return { action: new URL(form[1].replaceAll('&amp;', '&'), pageUrl).href, fields };
}

interface FlowResult {
  /** The request that reached Anvisa's callback (with code, state and iss). */
  readonly callbackUrl: URL;
  /** Where the callback sent the browser, relative to Anvisa. */
  readonly location: string;
  readonly callbackResponse: Response;
}

let handle: OpenTestDatabase;
let provider: TestOidcProvider;
let running: Running;
let appUrl: string;

type Step = 'login' | 'consent' | 'abort';

/**
 * Starts at /api/auth/oidc/start and behaves like a browser until the provider sends it back to the callback.
 * With `deliverCallback: false` it stops there and returns the callback URL undelivered.
 */
async function runFlow(
  jar: CookieJar,
  subject: string,
  options: { abortAtLogin?: boolean; deliverCallback?: boolean; callbackJar?: CookieJar } = {},
): Promise<FlowResult> {
  let url = new URL(OIDC_START_PATH, appUrl);
  let response = await jar.fetch(url);
  for (let step = 0; step < 20; step++) {
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location') ?? '', url);
      await response.body?.cancel();
      if (next.origin === new URL(appUrl).origin && next.pathname === OIDC_CALLBACK_PATH) {
        if (options.deliverCallback === false)
          return { callbackUrl: next, location: '', callbackResponse: response };
        const callbackResponse = await (options.callbackJar ?? jar).fetch(next);
        await callbackResponse.body?.cancel();
        expect(callbackResponse.status).toBe(302);
        return {
          callbackUrl: next,
          location: callbackResponse.headers.get('location') ?? '',
          callbackResponse,
        };
      }
      url = next;
      response = await jar.fetch(url);
      continue;
    }
    const html = await response.text();
    expect(response.status, html.slice(0, 300)).toBe(200);
    const form = parseForm(html, url);
    const prompt = form.fields.prompt as Step | undefined;
    if (prompt === 'login' && options.abortAtLogin === true) {
      url = new URL(`${new URL(form.action).pathname}/abort`, url);
      response = await jar.fetch(url);
    } else if (prompt === 'login') {
      url = new URL(form.action);
      response = await jar.fetch(url, { form: { ...form.fields, login: subject, password: 'any' } });
    } else if (prompt === 'consent') {
      url = new URL(form.action);
      response = await jar.fetch(url, { form: form.fields });
    } else {
      throw new Error(`unexpected page at ${url.href}: ${html.slice(0, 300)}`);
    }
  }
  throw new Error('too many steps in the login flow');
}

async function auditEventsOf(
  requestId: string | null,
): Promise<
  { kind: string; outcome: string; actor_user_id: string | null; payload: Record<string, unknown> }[]
> {
  const { rows } = await handle.database.raw.query<{
    kind: string;
    outcome: string;
    actor_user_id: string | null;
    payload: Record<string, unknown>;
  }>('select kind, outcome, actor_user_id, payload from audit_events where request_id = $1', [
    String(requestId),
  ]);
  return rows;
}

async function loginAttemptCount(): Promise<number> {
  const { rows } = await handle.database.raw.query<{ n: number | string }>(
    'select count(*) as n from login_attempts',
  );
  return Number(rows[0]?.n);
}

async function userIdOf(subject: string): Promise<string> {
  const { rows } = await handle.database.raw.query<{ id: string }>(
    'select id from users where subject = $1',
    [subject],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`no user ${subject}`);
  return id;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const appPort = await freePort();
  appUrl = `http://127.0.0.1:${appPort}`;
  provider = await startTestOidcProvider({
    redirectUris: [`${appUrl}${OIDC_CALLBACK_PATH}`],
    accounts: { 'dev:sara.lind': { name: 'Sara Lind', email: 'sara.lind@example.se' } },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(appPort),
    PUBLIC_URL: appUrl,
    LOG_LEVEL: 'silent',
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret ?? undefined,
    OIDC_ALLOW_HTTP: '1',
    // Many logins from one address in a minute here; the limit itself is the route table's business.
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  // The test owns the database: the server must not close it.
  running = await startServer(config, {
    listen: true,
    database: { ...handle.database, close: async () => {} },
  });
});

afterAll(async () => {
  await running?.close();
  await provider?.stop();
  await handle?.cleanup();
});

describe('OIDC login (authorization code + PKCE) against a real identity provider', () => {
  it('logs a known subject in: session cookie, redirect to /, GET /api/session answers, one auth.login event', async () => {
    const jar = new CookieJar();
    const { location, callbackResponse } = await runFlow(jar, 'dev:sara.lind');
    expect(location).toBe('/');
    expect(jar.has('anvisa_session')).toBe(true);
    expect(jar.has(OIDC_STATE_COOKIE)).toBe(false);

    const session = await jar.fetch(new URL('/api/session', appUrl));
    expect(session.status).toBe(200);
    const body = (await session.json()) as { user: { id: string; displayName: string } };
    expect(body.user).toEqual({ id: await userIdOf('dev:sara.lind'), displayName: 'Sara Lind' });

    expect(await auditEventsOf(callbackResponse.headers.get('x-request-id'))).toEqual([
      { kind: 'auth.login', outcome: 'allowed', actor_user_id: body.user.id, payload: { method: 'oidc' } },
    ]);
  });

  it('the authorization request carries PKCE S256, state, nonce, the configured scopes and the callback URL', async () => {
    const start = await new CookieJar().fetch(new URL(OIDC_START_PATH, appUrl));
    expect(start.status).toBe(302);
    const target = new URL(start.headers.get('location') ?? '');
    expect(target.origin).toBe(provider.issuer);
    const params = Object.fromEntries(target.searchParams);
    expect(params).toMatchObject({
      client_id: 'anvisa',
      response_type: 'code',
      code_challenge_method: 'S256',
      redirect_uri: `${appUrl}${OIDC_CALLBACK_PATH}`,
      scope: 'openid profile email',
    });
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(params.state).toBeTruthy();
    expect(params.nonce).toBeTruthy();
    expect(
      start.headers.getSetCookie().some((c) => c.startsWith(`${OIDC_STATE_COOKIE}=`) && /HttpOnly/i.test(c)),
    ).toBe(true);
  });

  it('refuses a subject Anvisa does not know: no session, an auth.login_failed event with the code only', async () => {
    const jar = new CookieJar();
    const attemptsBefore = await loginAttemptCount();
    const { location, callbackResponse } = await runFlow(jar, 'dev:nobody.known');
    expect(location).toBe('/login?error=unknown_user');
    expect(jar.has('anvisa_session')).toBe(false);
    expect((await jar.fetch(new URL('/api/session', appUrl))).status).toBe(401);
    expect(await auditEventsOf(callbackResponse.headers.get('x-request-id'))).toEqual([
      {
        kind: 'auth.login_failed',
        outcome: 'allowed',
        actor_user_id: null,
        payload: { route: `GET ${OIDC_CALLBACK_PATH}`, code: 'unknown_user' },
      },
    ]);
    // The attempt was consumed (the failure committed rather than rolled back).
    expect(await loginAttemptCount()).toBe(attemptsBefore);
  });

  it('refuses a disabled user like an unknown one', async () => {
    await handle.database.raw.query("update users set disabled = true where subject = 'dev:ali.hassan'");
    try {
      const jar = new CookieJar();
      const { location } = await runFlow(jar, 'dev:ali.hassan');
      expect(location).toBe('/login?error=unknown_user');
      expect(jar.has('anvisa_session')).toBe(false);
    } finally {
      await handle.database.raw.query("update users set disabled = false where subject = 'dev:ali.hassan'");
    }
  });

  it('refuses a replayed callback: the state is single use', async () => {
    const jar = new CookieJar();
    const first = await runFlow(jar, 'dev:sara.lind', { deliverCallback: false });
    const once = await jar.fetch(first.callbackUrl);
    expect(once.status).toBe(302);
    expect(once.headers.get('location')).toBe('/');

    // The same URL again, even with the state cookie put back: the attempt is gone.
    const replayJar = new CookieJar();
    replayJar.set(
      new URL(appUrl),
      '/api/auth/oidc',
      OIDC_STATE_COOKIE,
      first.callbackUrl.searchParams.get('state') ?? '',
    );
    const again = await replayJar.fetch(first.callbackUrl);
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toBe('/login?error=invalid_state');
    expect(replayJar.has('anvisa_session')).toBe(false);
    expect(await auditEventsOf(again.headers.get('x-request-id'))).toEqual([
      {
        kind: 'auth.login_failed',
        outcome: 'allowed',
        actor_user_id: null,
        payload: { route: `GET ${OIDC_CALLBACK_PATH}`, code: 'invalid_state' },
      },
    ]);
  });

  it('refuses a callback delivered to another browser than the one that started the login (login CSRF)', async () => {
    const attacker = new CookieJar();
    const victim = new CookieJar();
    const { location } = await runFlow(attacker, 'dev:sara.lind', { callbackJar: victim });
    expect(location).toBe('/login?error=invalid_state');
    expect(victim.has('anvisa_session')).toBe(false);
  });

  it('answers unknown, missing and malformed state with a redirect, never a 500', async () => {
    const jar = new CookieJar();
    for (const query of [
      '?state=unknown&code=abc',
      '?code=abc',
      '',
      '?error=access_denied',
      `?state=${'x'.repeat(100)}&code=1&iss=http://evil`,
    ]) {
      const response = await jar.fetch(new URL(`${OIDC_CALLBACK_PATH}${query}`, appUrl));
      expect(response.status, query).toBe(302);
      expect(response.headers.get('location'), query).toBe('/login?error=invalid_state');
    }
    const oversize = await jar.fetch(new URL(`${OIDC_CALLBACK_PATH}?state=${'x'.repeat(600)}`, appUrl));
    expect(oversize.status).toBe(400);
  });

  it('reports an error sent back by the identity provider (the user cancelled)', async () => {
    const jar = new CookieJar();
    const { location, callbackResponse, callbackUrl } = await runFlow(jar, 'dev:sara.lind', {
      abortAtLogin: true,
    });
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
    expect(location).toBe('/login?error=idp_error');
    expect(jar.has('anvisa_session')).toBe(false);
    expect(await auditEventsOf(callbackResponse.headers.get('x-request-id'))).toEqual([
      {
        kind: 'auth.login_failed',
        outcome: 'allowed',
        actor_user_id: null,
        payload: { route: `GET ${OIDC_CALLBACK_PATH}`, code: 'idp_error', idpError: 'access_denied' },
      },
    ]);
  });

  it('refuses a forged code with a valid state (the code exchange fails)', async () => {
    const jar = new CookieJar();
    const { callbackUrl } = await runFlow(jar, 'dev:sara.lind', { deliverCallback: false });
    const forged = new URL(callbackUrl);
    forged.searchParams.set('code', 'forged-code');
    const response = await jar.fetch(forged);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/login?error=exchange_failed');
    expect(jar.has('anvisa_session')).toBe(false);
  });

  it('sends the user back to the login page while the identity provider is unreachable, and retries discovery', async () => {
    const idpPort = await freePort();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: appUrl,
      OIDC_ISSUER: `http://127.0.0.1:${idpPort}`,
      OIDC_CLIENT_ID: 'anvisa',
      OIDC_ALLOW_HTTP: '1',
    });
    const second = await startServer(config, {
      listen: false,
      database: { ...handle.database, close: async () => {} },
    });
    let lateProvider: TestOidcProvider | null = null;
    try {
      const down = await second.app.inject({ method: 'GET', url: OIDC_START_PATH });
      expect(down.statusCode).toBe(302);
      expect(down.headers.location).toBe('/login?error=idp_unavailable');

      lateProvider = await startTestOidcProvider({
        port: idpPort,
        clientSecret: null,
        redirectUris: [`${appUrl}${OIDC_CALLBACK_PATH}`],
      });
      const up = await second.app.inject({ method: 'GET', url: OIDC_START_PATH });
      expect(up.statusCode).toBe(302);
      expect(String(up.headers.location).startsWith(`${lateProvider.issuer}/auth?`)).toBe(true);
    } finally {
      await second.close();
      await lateProvider?.stop();
    }
  });

  it('with OIDC configured the development login is absent', async () => {
    const jar = new CookieJar();
    expect((await jar.fetch(new URL('/api/auth/dev-users', appUrl))).status).toBe(404);
    const devLogin = await fetch(new URL('/api/auth/dev-login', appUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: await userIdOf('dev:sara.lind') }),
    });
    expect(devLogin.status).toBe(404);
    expect(devLogin.headers.getSetCookie()).toEqual([]);
    const options = await jar.fetch(new URL('/api/auth/options', appUrl));
    expect(await options.json()).toEqual({ devLogin: false, oidc: true });
  });
});
