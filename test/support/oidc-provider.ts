/**
 * A real OpenID Connect provider (`oidc-provider`) for tests, on a free 127.0.0.1 port. It uses the provider's
 * built-in development interactions: a login form where any login name is accepted and becomes the subject
 * (`sub`), then a consent form. The IdP knows more people than Anvisa: every subject authenticates; the accounts
 * passed in only add a name and e-mail to the claims. PKCE (S256) is required for every client.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';

export interface TestOidcAccount {
  readonly name: string;
  readonly email?: string;
}

export interface TestOidcProviderOptions {
  /** The app's callback URL(s), e.g. `http://127.0.0.1:4123/api/auth/oidc/callback`. */
  readonly redirectUris: readonly string[];
  readonly clientId?: string;
  /** `null` registers a public client (token_endpoint_auth_method `none`, PKCE only). */
  readonly clientSecret?: string | null;
  /** Extra claims for known subjects, keyed by subject (e.g. `dev:sara.lind`). */
  readonly accounts?: Readonly<Record<string, TestOidcAccount>>;
  /** A fixed port; default a free one. */
  readonly port?: number;
}

export interface TestOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
  stop(): Promise<void>;
}

export const TEST_OIDC_CLIENT_ID = 'anvisa';
export const TEST_OIDC_CLIENT_SECRET = 'anvisa-test-secret-0123456789abcdef';

/** The part of oidc-provider's (untyped) API used here. */
interface ProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  on(event: 'server_error', listener: (ctx: unknown, error: unknown) => void): void;
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

// oidc-provider ships no type declarations: import it by a non-literal name and type the part we use.
const OIDC_PROVIDER_MODULE: string = 'oidc-provider';

async function loadProvider(): Promise<ProviderConstructor> {
  const module = (await import(OIDC_PROVIDER_MODULE)) as { default: ProviderConstructor };
  return module.default;
}

/** A port that was free a moment ago on 127.0.0.1 (for servers whose URL must be known before they start). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createNetServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

export async function startTestOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const Provider = await loadProvider();
  const clientId = options.clientId ?? TEST_OIDC_CLIENT_ID;
  const clientSecret = options.clientSecret === undefined ? TEST_OIDC_CLIENT_SECRET : options.clientSecret;
  const accounts = options.accounts ?? {};

  // The issuer must be the URL the provider is served at: bind first, then build the provider.
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    if (handler === null) {
      res.statusCode = 503;
      res.end();
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = {
    ...privateKey.export({ format: 'jwk' }),
    kid: 'test-signing-key',
    use: 'sig',
    alg: 'RS256',
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        ...(clientSecret === null
          ? { token_endpoint_auth_method: 'none' }
          : { client_secret: clientSecret, token_endpoint_auth_method: 'client_secret_basic' }),
        redirect_uris: [...options.redirectUris],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => {
        const known = accounts[sub];
        if (known === undefined) return { sub };
        return {
          sub,
          name: known.name,
          ...(known.email === undefined ? {} : { email: known.email, email_verified: true }),
        };
      },
    }),
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    jwks: { keys: [signingKey] },
    // A plain error page: tests read the error code from it.
    renderError: (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><title>oidc error</title><pre>${escapeHtml(JSON.stringify(out))}</pre>`;
    },
  });
  provider.on('server_error', (_ctx, error) => {
    console.error('test OIDC provider: server error', error);
  });
  handler = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
