/**
 * Every route declares who may call it and which audit event it writes, or it cannot be registered.
 * The wrapper around each handler: authenticate → check the route's permission → check CSRF → run the handler
 * in one transaction → write the audit event in that same transaction → commit. A refused attempt by a
 * logged-in user is rolled back and audited in its own transaction.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../domain/access/child-scope.ts';
import type { Answer } from '../../domain/answer.ts';
import { hasPermission, PERMISSIONS, type Permission } from '../../domain/access/roles.ts';
import { AUDIT_EVENT_KINDS, type AuditEventKind } from '../../domain/audit/events.ts';
import { stockholmDate } from '../../domain/time.ts';
import type { AuthState } from '../../access/sessions.ts';
import { writeAuditEvent, type AuditActor } from '../../audit/writer.ts';
import type { Config } from '../config.ts';
import type { Database, Db, DbOrTx } from '../db/client.ts';
import { safeError } from '../safe-error.ts';
import { CONTROL_CHARACTER, codePointName, forbiddenCharacter } from '../../domain/text.ts';
import { badRequest, forbidden, HttpError, unauthenticated, type FieldProblem } from './errors.ts';

export type RouteAccess =
  | { readonly kind: 'public' }
  /** Any logged-in user, with or without an active role. */
  | { readonly kind: 'session' }
  | { readonly kind: 'permission'; readonly permission: Permission };

export const PUBLIC: RouteAccess = { kind: 'public' };
export const SESSION: RouteAccess = { kind: 'session' };
export const requires = (permission: Permission): RouteAccess => ({ kind: 'permission', permission });

export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
  readonly clock: () => Date;
}

/** What a handler adds to the request's audit event. */
export interface AuditScope {
  /** Every child the request showed or changed. */
  children(ids: Iterable<string>): void;
  emergency(): void;
  purpose(text: string): void;
  /** Ids, counts and codes only — never names, addresses or free text. */
  detail(key: string, value: string | number | boolean | null | readonly string[]): void;
  /** Switch to another declared kind for this request, e.g. login_failed. */
  kind(kind: AuditEventKind): void;
  /** For routes whose own use case wrote the event (e.g. login creates the actor). */
  skip(): void;
}

/** For use cases run outside a request (seeders, follow-ups run after their request's commit): nothing to add. */
export const SILENT_AUDIT: AuditScope = {
  children() {},
  emergency() {},
  purpose() {},
  detail() {},
  kind() {},
  skip() {},
};

/**
 * What a use case is called with: the request's transaction, the acting role, the clock and the audit collector.
 * One type for every capability (`ctx.caller()`); the children capability's `Caller` is this type.
 */
export interface RequestCaller {
  readonly db: DbOrTx;
  readonly actor: Actor;
  readonly now: Date;
  readonly today: string;
  readonly audit: AuditScope;
  /**
   * Work to run once the request's transaction has committed, before the answer goes out, on the database (not the
   * committed transaction). Only a route's caller in a transaction has it; a use case called without it (a seeder, a
   * test) does that work in its own transaction instead. What is run here must be recorded durably beforehand, so a
   * process stopped in between leaves it for a sweeper (ADR 0023).
   */
  readonly afterCommit?: (work: AfterCommitWork) => void;
}

/** Work after the commit; it gets the database, and a failure is logged, not answered (the commit stands). */
export type AfterCommitWork = (db: Db) => Promise<void>;

export interface RouteContext<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly auth: AuthState | null;
  readonly actor: Actor | null;
  /** The request's transaction (or the database for routes that write no audit event). */
  readonly db: DbOrTx;
  readonly now: Date;
  /** Today's date in Europe/Stockholm. */
  readonly today: string;
  readonly requestId: string;
  readonly audit: AuditScope;
  readonly deps: AppDeps;
  /** The actor, or 403 when the session has no active role. */
  requireActor(): Actor;
  /** The use cases' caller for this request (403 when the session has no active role). */
  caller(): RequestCaller;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The answers a route declares, by status code. */
export type ResponseSchemas = Readonly<Record<number, z.ZodType>>;

/** The statuses whose answer a handler returns (the others are thrown as errors). */
type AnsweredStatus = 200 | 201 | 202 | 301 | 302 | 303 | 307 | 308;

/**
 * What the handler must return: the input of one of the route's declared answers (200, 201 or a redirect's body), so
 * that a field renamed in the contract (or in the handler) breaks the build. A route that declares no such answer (a
 * file, a CSV, 204) is unchecked.
 */
export type HandlerResult<R> = [Extract<keyof R, AnsweredStatus>] extends [never]
  ? unknown
  : {
      [K in Extract<keyof R, AnsweredStatus>]: R[K] extends z.ZodType ? Answer<z.input<R[K]>> : never;
    }[Extract<keyof R, AnsweredStatus>];

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends ResponseSchemas = ResponseSchemas,
> {
  readonly method: Method;
  readonly url: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly access: RouteAccess;
  readonly audit: AuditEventKind | 'none';
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** The whitelist of fields the answer may carry; required for JSON answers. */
  readonly response?: R;
  /**
   * login: limited per client address to the configured attempts per minute. transfer-request: limited per user to
   * the configured attempts per hour (ADR 0016); a refused attempt is audited like any refusal.
   */
  readonly rateLimit?: 'login' | 'transfer-request';
  /** A larger body than the application's limit, for this route only (document uploads). */
  readonly bodyLimit?: number;
  readonly handler: (ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<HandlerResult<R>>;
}

export function defineRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  const R extends ResponseSchemas = Record<never, never>,
>(spec: RouteSpec<P, Q, B, R>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export class RouteDeclarationError extends Error {
  override name = 'RouteDeclarationError';
}

/** Refuses a route whose access or audit declaration is missing or unknown. */
export function assertDeclared(spec: Partial<RouteSpec>): void {
  const where = `${spec.method ?? '?'} ${spec.url ?? '?'}`;
  const access = spec.access;
  if (access === undefined || !['public', 'session', 'permission'].includes(access.kind)) {
    throw new RouteDeclarationError(
      `${where}: the route declares no access (public, session or a permission)`,
    );
  }
  if (access.kind === 'permission' && !(PERMISSIONS as readonly string[]).includes(access.permission)) {
    throw new RouteDeclarationError(`${where}: unknown permission ${String(access.permission)}`);
  }
  if (
    spec.audit === undefined ||
    (spec.audit !== 'none' && !(AUDIT_EVENT_KINDS as readonly string[]).includes(spec.audit))
  ) {
    throw new RouteDeclarationError(
      `${where}: the route declares no audit event (a kind from the closed list, or 'none')`,
    );
  }
  if (access.kind === 'permission' && spec.audit === 'none') {
    throw new RouteDeclarationError(`${where}: a route that needs a permission must write an audit event`);
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The web client names the page view each request belongs to, so that the log can show one entry per view. */
export const VIEW_HEADER = 'x-anvisa-view';
const ViewId = z.uuid();

/** The client's view id when it is a UUID; otherwise the request stands for a view of its own. */
function viewIdOf(request: FastifyRequest): string {
  const value = request.headers[VIEW_HEADER];
  return typeof value === 'string' && ViewId.safeParse(value).success ? value.toLowerCase() : request.id;
}

class AuditCollector implements AuditScope {
  readonly childIds = new Set<string>();
  isEmergency = false;
  purposeText: string | null = null;
  readonly payload: Record<string, unknown> = {};
  skipped = false;
  constructor(public eventKind: AuditEventKind) {}
  children(ids: Iterable<string>): void {
    for (const id of ids) this.childIds.add(id);
  }
  emergency(): void {
    this.isEmergency = true;
  }
  purpose(text: string): void {
    this.purposeText = text;
  }
  detail(key: string, value: string | number | boolean | null | readonly string[]): void {
    this.payload[key] = value;
  }
  kind(kind: AuditEventKind): void {
    this.eventKind = kind;
  }
  skip(): void {
    this.skipped = true;
  }
}

function auditActorOf(auth: AuthState | null): AuditActor | null {
  if (auth === null) return null;
  return {
    userId: auth.user.id,
    organisationId: auth.actor?.organisationId ?? null,
    role: auth.actor?.role ?? null,
  };
}

function childIdsFromParams(params: unknown): string[] {
  const id = (params as { childId?: unknown } | undefined)?.childId;
  return typeof id === 'string' ? [id] : [];
}

const Uuid = z.uuid();

/** The children a request's path names (`:childId`), when the id is well-formed — even if the rest of it was not. */
function childIdsFromPath(params: unknown): string[] {
  return childIdsFromParams(params).filter((id) => Uuid.safeParse(id).success);
}

/**
 * Audits an answer that did not carry the request out, once the error handler has chosen its status: refusals by
 * role or scope (403/404) always; a refusal for the request's content (400, 409, 422 …) when its path names a child,
 * so that a malformed request about a child outside one's scope still leaves a trace in that child's log; a server
 * error (5xx) always, as `failed`. Requests without a session are not audited (there is no actor to name). Writes in
 * its own transaction: the request's own was rolled back. Never throws: the answer goes out whatever happens here.
 */
export async function auditUnsuccessful(
  deps: AppDeps,
  request: FastifyRequest,
  status: number,
  error: unknown,
): Promise<void> {
  const declared = request.routeOptions.config.anvisa;
  if (declared === undefined || declared.audit === 'none' || request.auth === null || request.auditWritten)
    return;
  const childIds = [
    ...(error instanceof HttpError ? error.childIds : []),
    ...childIdsFromPath(request.params),
  ];
  const failed = status >= 500;
  // Refusals of access, refused rates and anything naming a child; a plain 400 about nobody is not worth a row.
  if (!failed && status !== 403 && status !== 404 && status !== 429 && childIds.length === 0) return;
  const code = error instanceof HttpError ? error.code : ((error as { code?: unknown }).code ?? null);
  request.auditWritten = true;
  await writeAuditEvent(
    deps.database.db,
    {
      kind: declared.audit,
      outcome: failed ? 'failed' : 'denied',
      requestId: request.id,
      viewId: viewIdOf(request),
      actor: auditActorOf(request.auth),
      purpose: null,
      childIds,
      emergency: false,
      payload: {
        ...request.auditNoted,
        route: `${request.method} ${request.routeOptions.url ?? ''}`,
        status,
        code:
          status === 429
            ? 'rate_limited'
            : typeof code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(code)
              ? code
              : null,
      },
    },
    deps.clock(),
  );
}

/**
 * Every string a request carries — body, query string, path, at any depth, keys included — against the rule for free
 * text (src/domain/text.ts): a control character is a 400 naming the field, before the schemas run and long before
 * the database, which cannot store a NUL. Single-line fields refuse line breaks as well, in their schemas (`line`).
 */
export function controlCharacterProblems(parts: Readonly<Record<string, unknown>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const visit = (value: unknown, path: readonly string[], depth: number): void => {
    if (problems.length >= 20 || depth > 32) return;
    if (typeof value === 'string') {
      const found = forbiddenCharacter(value, true);
      if (found !== null) {
        problems.push({
          field: path.join('.'),
          code: CONTROL_CHARACTER,
          message: `contains a control character (${codePointName(found.codePoint)})`,
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, String(i)], depth + 1));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (forbiddenCharacter(key, false) !== null) {
          problems.push({
            field: path.join('.'),
            code: CONTROL_CHARACTER,
            message: 'a field name contains a control character',
          });
          continue;
        }
        visit(item, [...path, key], depth + 1);
      }
    }
  };
  for (const [part, value] of Object.entries(parts)) visit(value, [part], 0);
  return problems;
}

function checkAccess(spec: RouteSpec, auth: AuthState | null): void {
  if (spec.access.kind === 'public') return;
  if (auth === null) throw unauthenticated();
  if (spec.access.kind === 'permission') {
    if (auth.actor === null || !hasPermission(auth.actor.role, spec.access.permission)) throw forbidden();
  }
}

function checkCsrf(request: FastifyRequest, auth: AuthState | null): void {
  if (!UNSAFE.has(request.method) || auth === null) return;
  if (request.headers['x-csrf-token'] !== auth.csrfToken) {
    throw new HttpError(403, 'csrf', 'Missing or wrong CSRF token (header x-csrf-token)');
  }
}

export function registerRoute(app: FastifyInstance, deps: AppDeps, spec: RouteSpec): void {
  assertDeclared(spec);
  const audited = spec.audit !== 'none';
  // A route whose only declared answer is 201 creates something: answer 201 without each handler saying so.
  const creates = spec.response?.[201] !== undefined && spec.response[200] === undefined;
  app.withTypeProvider<ZodTypeProvider>().route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit === undefined ? {} : { bodyLimit: spec.bodyLimit }),
    schema: {
      summary: spec.summary,
      tags: [...spec.tags],
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.response ? { response: spec.response } : {}),
    },
    preValidation: async (request) => {
      const problems = controlCharacterProblems({
        params: request.params,
        querystring: request.query,
        body: request.body,
      });
      if (problems.length > 0) throw badRequest('validation', 'The request has invalid fields', problems);
    },
    config: {
      anvisa: { access: spec.access, audit: spec.audit, rateLimit: spec.rateLimit },
      ...(spec.rateLimit === 'login'
        ? { rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } }
        : {}),
      ...(spec.rateLimit === 'transfer-request'
        ? {
            rateLimit: {
              max: deps.config.transferRequestRateLimitPerHour,
              timeWindow: '1 hour',
              // After the session is resolved: per user, whatever address they come from.
              hook: 'preHandler' as const,
              keyGenerator: (request: FastifyRequest) => `user:${request.auth?.user.id ?? request.ip}`,
            },
          }
        : {}),
    },
    handler: async (request, reply) => {
      const now = deps.clock();
      const auth = request.auth;
      const viewId = viewIdOf(request);
      const collector = new AuditCollector(audited ? spec.audit : 'auth.login');
      const afterCommit: AfterCommitWork[] = [];
      // A refusal keeps what the use case noted before refusing (e.g. the dossier number asked for): auditUnsuccessful.
      request.auditNoted = collector.payload;
      const makeContext = (db: DbOrTx): RouteContext<unknown, unknown, unknown> => ({
        params: request.params,
        query: request.query,
        body: request.body,
        request,
        reply,
        auth,
        actor: auth?.actor ?? null,
        db,
        now,
        today: stockholmDate(now),
        requestId: request.id,
        audit: collector,
        deps,
        requireActor: () => {
          if (auth?.actor == null) throw forbidden();
          return auth.actor;
        },
        caller: () => {
          if (auth?.actor == null) throw forbidden();
          const caller = { db, actor: auth.actor, now, today: stockholmDate(now), audit: collector };
          return db === deps.database.db
            ? caller
            : { ...caller, afterCommit: (work: AfterCommitWork) => afterCommit.push(work) };
        },
      });
      // A refusal or failure is answered and audited by the error handler (app.ts → auditUnsuccessful).
      checkAccess(spec, auth);
      checkCsrf(request, auth);
      if (creates) void reply.status(201);
      if (!audited) return await spec.handler(makeContext(deps.database.db));
      const answer = await deps.database.db.transaction(async (tx) => {
        const result = await spec.handler(makeContext(tx));
        if (!collector.skipped) {
          await writeAuditEvent(
            tx,
            {
              kind: collector.eventKind,
              outcome: 'allowed',
              requestId: request.id,
              viewId,
              actor: auditActorOf(auth),
              purpose: collector.purposeText,
              childIds: [...collector.childIds],
              emergency: collector.isEmergency,
              payload: { route: `${spec.method} ${spec.url}`, ...collector.payload },
            },
            now,
          );
        }
        return result;
      });
      request.auditWritten = !collector.skipped;
      for (const work of afterCommit) {
        try {
          await work(deps.database.db);
        } catch (error) {
          // The commit stands and what the work needs is recorded; the sweeper runs it again (ADR 0023).
          request.log.error(
            { failure: safeError(error), requestId: request.id, route: `${spec.method} ${spec.url}` },
            'work after the commit failed; it is retried later',
          );
        }
      }
      return answer;
    },
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState | null;
    /** The route wrapper committed the request's audit event (so a later failure adds none). */
    auditWritten: boolean;
    /** The details the route's use case noted for its audit event, kept for a refusal's event. */
    auditNoted: Readonly<Record<string, unknown>> | undefined;
  }
  interface FastifyContextConfig {
    anvisa?: { access: RouteAccess; audit: AuditEventKind | 'none'; rateLimit?: RouteSpec['rateLimit'] };
  }
}

/** Schemas shared by many routes. */
export { ChildIdParams } from '../../domain/fields.ts';
