/**
 * How the UI and the API reach the browser: brotli or gzip as the client accepts (for scripts and stylesheets the
 * build's own compressed files); hashed assets cached for a year, index.html revalidated each time; a favicon; source
 * maps served in development but not in production.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationsRoutes } from '../../../src/operations/routes.ts';
import { referenceRoutes } from '../../../src/reference/routes.ts';
import { sessionRoutes } from '../../../src/access/session-routes.ts';
import { startTestApp, type TestApp } from '../../support/app.ts';

const ASSETS = join(import.meta.dirname, '..', '..', '..', 'dist', 'web', 'assets');
const files = readdirSync(ASSETS);
const script = files.find((f) => /^index-.*\.js$/.test(f)) ?? '';
const routes = [...operationsRoutes, ...referenceRoutes, ...sessionRoutes];

let dev: TestApp;
let production: TestApp;

beforeAll(async () => {
  dev = await startTestApp({ routes, serveWeb: true });
  production = await startTestApp({
    routes,
    serveWeb: true,
    env: { NODE_ENV: 'production', OIDC_ISSUER: 'https://idp.example.se', OIDC_CLIENT_ID: 'anvisa' },
  });
});
afterAll(async () => {
  await dev.close();
  await production.close();
});

describe('the UI and the API on the wire', () => {
  it('compresses with brotli or gzip as the client accepts, and not for a client that accepts neither', async () => {
    const get = (encoding: string) =>
      dev.app.inject({ method: 'GET', url: `/assets/${script}`, headers: { 'accept-encoding': encoding } });
    expect((await get('br, gzip')).headers['content-encoding']).toBe('br');
    expect((await get('gzip')).headers['content-encoding']).toBe('gzip');
    expect((await get('identity')).headers['content-encoding']).toBeUndefined();
    const officer = await dev.login('anna.alm');
    const api = await dev.app.inject({
      method: 'GET',
      url: '/api/reference/municipalities',
      headers: { cookie: officer.cookie, 'accept-encoding': 'br' },
    });
    expect(api.statusCode).toBe(200);
    expect(api.headers['content-encoding']).toBe('br');
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('sends the build’s own brotli and gzip files of a script, byte for byte, as a script', async () => {
    expect(files).toContain(`${script}.br`);
    expect(files).toContain(`${script}.gz`);
    for (const [accept, encoding, file] of [
      ['br, gzip', 'br', `${script}.br`],
      ['gzip', 'gzip', `${script}.gz`],
    ] as const) {
      const answer = await dev.app.inject({
        method: 'GET',
        url: `/assets/${script}`,
        headers: { 'accept-encoding': accept },
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(answer.rawPayload.equals(readFileSync(join(ASSETS, file)))).toBe(true);
    }
  });

  it('caches hashed assets for a year and asks again for index.html', async () => {
    const asset = await dev.app.inject({ method: 'GET', url: `/assets/${script}` });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/barn/some-child']) {
      const page = await dev.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.body).toContain('rel="icon"');
    }
  });

  it('has a favicon', async () => {
    const ico = await dev.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(ico.statusCode).toBe(200);
    expect(ico.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect((await dev.app.inject({ method: 'GET', url: '/favicon.svg' })).statusCode).toBe(200);
  });

  it('serves source maps in development, not in production', async () => {
    const map = `/assets/${script}.map`;
    expect(files).toContain(`${script}.map`);
    expect((await dev.app.inject({ method: 'GET', url: map })).statusCode).toBe(200);
    expect((await production.app.inject({ method: 'GET', url: map })).statusCode).toBe(404);
    expect((await production.app.inject({ method: 'GET', url: `/assets/${script}` })).statusCode).toBe(200);
  });
});
