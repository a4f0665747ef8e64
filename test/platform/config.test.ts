import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';

const OIDC = {
  OIDC_ISSUER: 'https://idp.example.se',
  OIDC_CLIENT_ID: 'anvisa',
  OIDC_CLIENT_SECRET: 's3cret',
};

describe('loadConfig', () => {
  it('accepts the start-up crash point (a test hook) with NODE_ENV=test only', () => {
    expect(loadConfig({ NODE_ENV: 'test', ANVISA_TEST_CRASH_AT: 'seed-cases@3' }).testCrashAt).toEqual({
      name: 'seed-cases',
      nth: 3,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).testCrashAt).toBeNull();
    expect(loadConfig({}).testCrashAt).toBeNull();
    expect(() => loadConfig({ ANVISA_TEST_CRASH_AT: 'reference' })).toThrow(/for the tests only/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...OIDC, ANVISA_TEST_CRASH_AT: 'reference' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', ANVISA_TEST_CRASH_AT: 'nowhere' })).toThrow(
      /unknown crash point "nowhere"/,
    );
  });

  it('refuses NODE_ENV=production without an identity provider: the development login is not allowed in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /development login is not allowed in production/,
    );
  });

  it('accepts production with OIDC, without the development login, demo data or plain-HTTP IdP', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      ...OIDC,
      OIDC_ALLOW_HTTP: '1',
      PUBLIC_URL: 'https://anvisa.example.se',
    });
    expect(config.production).toBe(true);
    expect(config.devLogin).toBe(false);
    expect(config.demoData).toBe(false);
    expect(config.secureCookies).toBe(true);
    expect(config.oidc).toEqual({
      issuer: 'https://idp.example.se',
      clientId: 'anvisa',
      clientSecret: 's3cret',
      scopes: 'openid profile email',
      allowHttp: false,
    });
  });

  it('offers the development login only when no identity provider is configured', () => {
    expect(loadConfig({}).devLogin).toBe(true);
    expect(loadConfig({}).oidc).toBeNull();
    expect(loadConfig({ ...OIDC }).devLogin).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', ...OIDC }).devLogin).toBe(false);
  });

  it('reads the OIDC settings: a public client without secret, custom scopes, plain HTTP only outside production', () => {
    const config = loadConfig({
      OIDC_ISSUER: 'http://127.0.0.1:4000',
      OIDC_CLIENT_ID: 'anvisa',
      OIDC_SCOPES: 'openid',
      OIDC_ALLOW_HTTP: 'true',
    });
    expect(config.oidc).toEqual({
      issuer: 'http://127.0.0.1:4000',
      clientId: 'anvisa',
      clientSecret: null,
      scopes: 'openid',
      allowHttp: true,
    });
    expect(loadConfig({ ...OIDC }).oidc?.allowHttp).toBe(false);
  });

  it('rejects OIDC_ISSUER without OIDC_CLIENT_ID', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example.se' })).toThrow(ConfigError);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example.se' })).toThrow(/OIDC_CLIENT_ID/);
  });

  it('rejects an issuer that is not a URL', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'anvisa' })).toThrow(ConfigError);
  });

  it('honours PORT, and derives the public URL from it unless PUBLIC_URL is set', () => {
    const config = loadConfig({ PORT: '4321' });
    expect(config.port).toBe(4321);
    expect(config.publicUrl).toBe('http://localhost:4321');
    expect(loadConfig({ PORT: '4321', PUBLIC_URL: 'https://anvisa.example.se/' }).publicUrl).toBe(
      'https://anvisa.example.se',
    );
    expect(loadConfig({}).port).toBe(3000);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
  });

  it('uses PostgreSQL when DATABASE_URL is set, else the embedded database under ANVISA_DATA_DIR', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://anvisa@db.example.se:5432/anvisa' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://anvisa@db.example.se:5432/anvisa',
    });
    expect(loadConfig({}).database).toEqual({ kind: 'pglite', dataDir: resolve('./data') });
    expect(loadConfig({ ANVISA_DATA_DIR: '/var/lib/anvisa' }).database).toEqual({
      kind: 'pglite',
      dataDir: '/var/lib/anvisa',
    });
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(ConfigError);
  });

  it('uses secure cookies behind an https public URL even outside production', () => {
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://anvisa.example.se' }).secureCookies).toBe(true);
  });
});
