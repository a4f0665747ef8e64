/**
 * OIDC login in a real browser, through the login page of a real identity provider (oidc-provider, started here),
 * against its own Anvisa server configured for OIDC (not the shared dev-login server of playwright.config.ts):
 * own ports, own embedded database under .tmp/, stopped afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freePort, startTestOidcProvider, type TestOidcProvider } from '../test/support/oidc-provider.ts';

const REPO = resolve(import.meta.dirname, '..');
const START_PATH = '/api/auth/oidc/start';
const CALLBACK_PATH = '/api/auth/oidc/callback';
/** The SPA is served only once it is built; until then the test goes to the start route directly. */
const UI_BUILT = existsSync(join(REPO, 'dist', 'web', 'index.html'));
/** Names of demo users that the development login would list. */
const DEMO_NAMES = ['Sara Lind', 'Anna Alm', 'Omar Said', 'Karin Berg'];

let provider: TestOidcProvider;
let server: ChildProcess | null = null;
let serverOutput = '';
let appUrl = '';
let dataDir = '';

async function waitForHealth(url: string, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`the Anvisa server exited early:\n${serverOutput}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the Anvisa server did not answer /healthz within ${limitMs} ms:\n${serverOutput}`);
}

async function stopServer(): Promise<void> {
  const child = server;
  server = null;
  if (child === null || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const appPort = await freePort();
  appUrl = `http://127.0.0.1:${appPort}`;
  provider = await startTestOidcProvider({
    redirectUris: [`${appUrl}${CALLBACK_PATH}`],
    accounts: { 'dev:sara.lind': { name: 'Sara Lind', email: 'sara.lind@example.se' } },
  });
  dataDir = join(REPO, '.tmp', `e2e-oidc-${randomBytes(4).toString('hex')}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(appPort),
    PUBLIC_URL: appUrl,
    ANVISA_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret ?? '',
    OIDC_ALLOW_HTTP: '1',
  };
  delete env.DATABASE_URL;
  // The real node process (not an npx wrapper), so that killing its pid stops the server.
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  await waitForHealth(appUrl, 90_000);
});

test.afterAll(async () => {
  await stopServer();
  await provider?.stop();
  if (dataDir !== '') rmSync(dataDir, { recursive: true, force: true });
});

test.beforeEach(async ({ context }) => {
  // Only the two local servers: nothing may reach the network (the provider's page imports a web font).
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
});

/** From Anvisa's login page (or the start route while the UI is not built) to the provider's login form. */
async function goToIdentityProvider(page: Page): Promise<void> {
  if (UI_BUILT) {
    await page.goto(`${appUrl}/login`);
    const oidcLogin = page.locator(`a[href$="${START_PATH}"], [data-testid="oidc-login"]`).first();
    await expect(oidcLogin).toBeVisible();
    await oidcLogin.click();
  } else {
    await page.goto(`${appUrl}${START_PATH}`);
  }
  await page.waitForURL(`${provider.issuer}/**`);
}

async function signInAtProvider(page: Page, subject: string): Promise<void> {
  await page.locator('input[name="login"]').fill(subject);
  await page.locator('input[name="password"]').fill('whatever-the-dev-provider-accepts');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('with an identity provider configured the server offers no development login', async ({ page }) => {
  const options = await page.request.get(`${appUrl}/api/auth/options`);
  expect(await options.json()).toEqual({ devLogin: false, oidc: true });
  expect((await page.request.get(`${appUrl}/api/auth/dev-users`)).status()).toBe(404);
});

test('the login page shows the identity provider login and no list of demo users', async ({ page }) => {
  test.skip(!UI_BUILT, 'the web UI is not built (dist/web)');
  await page.goto(`${appUrl}/login`);
  await expect(page.locator(`a[href$="${START_PATH}"], [data-testid="oidc-login"]`).first()).toBeVisible();
  for (const name of DEMO_NAMES) await expect(page.getByText(name)).toHaveCount(0);
});

test('a user logs in through the identity provider and lands in Anvisa with a session', async ({ page }) => {
  await goToIdentityProvider(page);
  await signInAtProvider(page, 'dev:sara.lind');
  await page.waitForURL((url) => url.origin === appUrl && !url.pathname.startsWith('/api/auth/oidc'));
  expect(new URL(page.url()).pathname).not.toBe('/login');

  const session = await page.request.get(`${appUrl}/api/session`);
  expect(session.status()).toBe(200);
  expect(((await session.json()) as { user: { displayName: string } }).user.displayName).toBe('Sara Lind');
});

test('a person the identity provider knows but Anvisa does not gets no session', async ({ page }) => {
  await goToIdentityProvider(page);
  await signInAtProvider(page, 'dev:not.in.anvisa');
  await page.waitForURL((url) => url.origin === appUrl && url.pathname === '/login');
  expect(new URL(page.url()).searchParams.get('error')).toBe('unknown_user');
  expect((await page.request.get(`${appUrl}/api/session`)).status()).toBe(401);
});
