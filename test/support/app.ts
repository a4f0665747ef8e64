/**
 * The whole application on a test database, driven with Fastify's `inject` (no network): demo organisations,
 * users and children, a pinned clock, and logins by demo user key.
 */
import type { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { stockholmDate } from '../../src/domain/time.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { children, users } from '../../src/platform/db/schema.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import type { RouteSpec } from '../../src/platform/http/route.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { createLogger } from '../../src/server/bootstrap.ts';
import { coreRoutes } from '../../src/server/routes.ts';
import { openTestDatabase } from './database.ts';

export const PINNED_NOW = new Date('2026-11-23T09:00:00Z');

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
  readonly userId: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly config: Config;
  readonly clock: { now: Date };
  userId(key: string): Promise<string>;
  childByDossier(dossierNumber: string): Promise<string>;
  /** Logs in a demo user (by key, e.g. 'sara.lind') and chooses the assignment in `organisationName` when given. */
  login(key: string, organisationName?: string): Promise<Session>;
  request(
    session: Session | null,
    method: Method,
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startTestApp(
  options: {
    routes?: readonly RouteSpec[];
    logTo?: Writable;
    children?: number;
    env?: Record<string, string>;
    /** Serve the built UI (dist/web, built by `npm ci`'s prepare) as the server does. */
    serveWeb?: boolean;
  } = {},
): Promise<TestApp> {
  const opened = await openTestDatabase();
  const { database } = opened;
  const clock = { now: PINNED_NOW };
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    TRANSFER_REQUEST_RATE_LIMIT_PER_HOUR: '100000',
    ...options.env,
  });
  await loadReferenceData(database.db);
  await seedDemo(database, clock.now, stockholmDate(clock.now), options.children ?? 24);
  const app = await buildApp(
    { config, database, clock: () => clock.now },
    {
      routes: options.routes ?? coreRoutes,
      logger: options.logTo ? createLogger('info', options.logTo) : false,
      serveWeb: options.serveWeb ?? false,
    },
  );
  await app.ready();

  const request: TestApp['request'] = async (session, method, url, body) =>
    app.inject({
      method,
      url,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });

  const userId = async (key: string) => {
    const [row] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.subject, `dev:${key}`));
    if (row === undefined) throw new Error(`no demo user ${key}`);
    return row.id;
  };

  return {
    app,
    database,
    config,
    clock,
    userId,
    childByDossier: async (dossierNumber) => {
      const [row] = await database.db
        .select({ id: children.id })
        .from(children)
        .where(eq(children.dossierNumber, dossierNumber));
      if (row === undefined) throw new Error(`no child ${dossierNumber}`);
      return row.id;
    },
    login: async (key, organisationName) => {
      const id = await userId(key);
      const res = await request(null, 'POST', '/api/auth/dev-login', { userId: id });
      if (res.statusCode !== 200) throw new Error(`login ${key}: ${res.statusCode} ${res.body}`);
      const setCookie = res.cookies.find((c) => c.name === 'anvisa_session');
      if (setCookie === undefined) throw new Error('no session cookie');
      const cookie = `anvisa_session=${setCookie.value}`;
      const me = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
      const body = me.json<{ csrfToken: string; assignments: { id: string; organisationName: string }[] }>();
      const session = { cookie, csrf: body.csrfToken, userId: id };
      const chosen = organisationName
        ? body.assignments.find((a) => a.organisationName.startsWith(organisationName))
        : body.assignments[0];
      if (chosen === undefined)
        throw new Error(`${key} has no role in ${organisationName ?? 'any organisation'}`);
      const switched = await request(session, 'POST', '/api/session/active-role', {
        assignmentId: chosen.id,
      });
      if (switched.statusCode !== 200) throw new Error(`role switch failed: ${switched.body}`);
      return session;
    },
    request,
    close: async () => {
      await app.close();
      await opened.cleanup();
    },
  };
}
