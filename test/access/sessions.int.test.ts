/** Sessions: timeouts, logout everywhere, role revocation, login rate limit and security headers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    children: 4,
    env: { LOGIN_RATE_LIMIT_PER_MINUTE: '40', SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '12' },
  });
});
afterAll(async () => t.close());

async function later<T>(minutes: number, fn: () => Promise<T>): Promise<T> {
  const saved = t.clock.now;
  t.clock.now = new Date(saved.getTime() + minutes * 60_000);
  try {
    return await fn();
  } finally {
    t.clock.now = saved;
  }
}

describe('sessions', () => {
  it('end after 30 idle minutes', async () => {
    const session = await t.login('sara.lind');
    expect(await later(29, async () => (await t.request(session, 'GET', '/api/session')).statusCode)).toBe(
      200,
    );
    expect(
      await later(29 + 31, async () => (await t.request(session, 'GET', '/api/session')).statusCode),
    ).toBe(401);
  });

  it('never end while used within the idle timeout, though the last use is written at most once a minute', async () => {
    const session = await t.login('sara.lind');
    const at = async (seconds: number) => {
      const saved = t.clock.now;
      t.clock.now = new Date(saved.getTime() + seconds * 1000);
      try {
        return (await t.request(session, 'GET', '/api/session')).statusCode;
      } finally {
        t.clock.now = saved;
      }
    };
    // Used 59 s after login (too soon to write the last use), then again 29 min 59 s after that use.
    expect(await at(59)).toBe(200);
    expect(await at(59 + 29 * 60 + 59)).toBe(200);
    // Unused from then on: over within the idle timeout plus a minute.
    expect(await at(59 + 29 * 60 + 59 + 31 * 60 + 1)).toBe(401);
  });

  it('end after 12 hours however active the user is', async () => {
    const session = await t.login('karin.berg');
    for (let m = 20; m < 12 * 60; m += 20)
      expect(await later(m, async () => (await t.request(session, 'GET', '/api/session')).statusCode)).toBe(
        200,
      );
    expect(
      await later(12 * 60 + 10, async () => (await t.request(session, 'GET', '/api/session')).statusCode),
    ).toBe(401);
  });

  it('logout everywhere ends every session of the user', async () => {
    const first = await t.login('johan.nilsson');
    const second = await t.login('johan.nilsson');
    expect((await t.request(first, 'POST', '/api/auth/logout-everywhere')).statusCode).toBe(200);
    expect((await t.request(second, 'GET', '/api/session')).statusCode).toBe(401);
  });

  it('a revoked role stops working at once, also in open sessions', async () => {
    const worker = await t.login('ali.hassan');
    const admin = await t.login('malmo.admin');
    const users = (await t.request(admin, 'GET', '/api/admin/users')).json<{
      users: { id: string; roles: { assignmentId: string }[] }[];
    }>();
    const ali = users.users.find((u) => u.id === worker.userId);
    const assignment = ali?.roles[0]?.assignmentId ?? '';
    expect((await t.request(admin, 'DELETE', `/api/admin/role-assignments/${assignment}`)).statusCode).toBe(
      200,
    );
    expect((await t.request(worker, 'GET', '/api/children')).statusCode).toBe(403);
  });

  it('an administrator cannot grant roles to themselves (and so never reaches child data)', async () => {
    const admin = await t.login('malmo.admin');
    const res = await t.request(admin, 'POST', '/api/admin/role-assignments', {
      subject: 'dev:malmo.admin',
      displayName: 'Maja Admin',
      email: null,
      role: 'unit_manager',
      protectedIdentityClearance: true,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('self_grant');
  });

  it('the last administrator of an organisation cannot be removed', async () => {
    const admin = await t.login('malmo.admin');
    const users = (await t.request(admin, 'GET', '/api/admin/users')).json<{
      users: { id: string; roles: { assignmentId: string; role: string }[] }[];
    }>();
    const own = users.users.find((u) => u.id === admin.userId)?.roles.find((r) => r.role === 'administrator');
    const res = await t.request(admin, 'DELETE', `/api/admin/role-assignments/${own?.assignmentId ?? ''}`);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('last_administrator');
  });

  it('carry an HttpOnly, SameSite cookie and strict security headers', async () => {
    const id = await t.userId('eva.strom');
    const res = await t.request(null, 'POST', '/api/auth/dev-login', { userId: id });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('login', () => {
  it('is rate limited per client address', async () => {
    const id = await t.userId('omar.said');
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++)
      statuses.push((await t.request(null, 'POST', '/api/auth/dev-login', { userId: id })).statusCode);
    expect(statuses).toContain(429);
  });
});
