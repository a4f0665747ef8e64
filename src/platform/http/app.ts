/** Builds the Fastify application: security plugins, session resolution, error answers, OpenAPI, routes, the UI. */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { resolveSession } from '../../access/sessions.ts';
import { AllocationError } from '../../domain/allocation/allocator.ts';
import { CONTROL_CHARACTER } from '../../domain/text.ts';
import { safeError } from '../safe-error.ts';
import type { ErrorCode } from '../../domain/error-codes.ts';
import { HttpError, type FieldProblem } from './errors.ts';
import { observeRequest } from './request-metrics.ts';
import { auditUnsuccessful, registerRoute, type AppDeps, type RouteSpec } from './route.ts';

export const SESSION_COOKIE = 'anvisa_session';
const WEB_DIST = join(import.meta.dirname, '..', '..', '..', 'dist', 'web');
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface BuildOptions {
  readonly logger?: FastifyBaseLogger | boolean;
  readonly routes: readonly RouteSpec[];
  readonly serveWeb?: boolean;
}

interface ErrorBody {
  /** `current`: on a 409 for a stale edit, the record as it is now (already filtered for the caller), so nothing is lost. */
  error: { code: string; message: string; fields: FieldProblem[]; requestId: string; current?: unknown };
}

function errorBody(
  code: ErrorCode,
  message: string,
  requestId: string,
  fields: FieldProblem[] = [],
): ErrorBody {
  return { error: { code, message, fields, requestId } };
}

/**
 * What an error's log line carries: its class, codes and frames, the request id and the route's pattern — never the
 * error's message, the query's parameters or the request's URL, which may quote a child's data (safe-error.ts).
 */
function failureLog(request: FastifyRequest, error: unknown): Record<string, unknown> {
  return {
    failure: safeError(error),
    requestId: request.id,
    route: `${request.method} ${request.routeOptions.url ?? '(no route)'}`,
  };
}

interface Answer {
  readonly status: number;
  readonly body: ErrorBody;
}

const answer = (status: number, body: ErrorBody): Answer => ({ status, body });

/** The status and body an error is answered with. */
function answerFor(error: FastifyError, request: FastifyRequest): Answer {
  if (error instanceof HttpError) {
    const body = errorBody(error.code, error.message, request.id, [...error.fields]);
    if (error.current !== undefined) body.error.current = error.current;
    return { status: error.statusCode, body };
  }
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } }).code ??
    (error as { cause?: { code?: unknown } }).cause?.code;
  if (code === '23505') {
    // Two requests raced to create the same record: the second is told so, not 500.
    return answer(409, errorBody('conflict', 'The record was just created by another request', request.id));
  }
  if (error instanceof AllocationError) {
    return answer(422, errorBody('allocation', error.message, request.id));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'body';
    const fields = error.validation.flatMap((v) => {
      const path = [part, ...String(v.instancePath).split('/').filter(Boolean)];
      const unknownKeys =
        v.keyword === 'unrecognized_keys' ? (v.params as { keys?: unknown }).keys : undefined;
      if (Array.isArray(unknownKeys)) {
        return unknownKeys.map((key) => ({
          field: [...path, String(key)].join('.'),
          code: v.keyword,
          message: 'unknown field',
        }));
      }
      // A refused character keeps its own code (src/domain/text.ts), as from the route's guard.
      const code = v.message === CONTROL_CHARACTER ? CONTROL_CHARACTER : v.keyword;
      return [{ field: path.join('.'), code, message: v.message ?? 'invalid' }];
    });
    return answer(400, errorBody('validation', 'The request has invalid fields', request.id, fields));
  }
  if (isResponseSerializationError(error)) {
    return answer(500, errorBody('internal', 'Internal error', request.id));
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return answer(
      400,
      errorBody('body_too_large', `The body is larger than ${BODY_LIMIT_BYTES} bytes`, request.id, [
        { field: 'body', code: 'too_big', message: 'too large' },
      ]),
    );
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return answer(
      400,
      errorBody('unsupported_media_type', 'Send JSON (content-type: application/json)', request.id),
    );
  }
  if (error.statusCode === 429) {
    if (request.routeOptions.config.anvisa?.rateLimit === 'transfer-request') {
      return answer(
        429,
        errorBody('transfer_rate_limited', 'Too many take-over requests; wait an hour', request.id),
      );
    }
    return answer(429, errorBody('rate_limited', 'Too many attempts; wait a minute', request.id));
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    // Malformed JSON, empty JSON body and the like.
    return answer(
      400,
      errorBody('malformed_request', error.message, request.id, [
        { field: 'body', code: 'malformed', message: error.message },
      ]),
    );
  }
  return answer(500, errorBody('internal', 'Internal error', request.id));
}

export async function buildApp(deps: AppDeps, options: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: typeof options.logger === 'object' ? options.logger : undefined,
    logger: typeof options.logger === 'boolean' ? options.logger : undefined,
    genReqId: () => randomUUID(),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.production,
    routerOptions: { maxParamLength: 200 },
  } as Parameters<typeof Fastify>[0]) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Brotli or gzip for answers over 1 kB (the API's JSON and the UI's assets), as the client accepts.
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'", ...(deps.config.oidc ? [new URL(deps.config.oidc.issuer).origin] : [])],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
    hsts: deps.config.secureCookies,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Anvisa API',
        version: '0.1.0',
        description: 'Reception of unaccompanied asylum-seeking children',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token
      ? await resolveSession(deps.database.db, token, deps.clock(), deps.config.session)
      : null;
  });
  app.addHook('onResponse', async (request, reply) => {
    observeRequest(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.header('x-request-id', request.id);
    return payload;
  });

  app.decorateRequest('auditWritten', false);
  app.decorateRequest('auditNoted', undefined);
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const { status, body } = answerFor(error, request);
    if (status >= 500) {
      request.log.error(
        failureLog(request, error),
        isResponseSerializationError(error) ? 'response did not match its schema' : 'unhandled error',
      );
    }
    try {
      await auditUnsuccessful(deps, request, status, error);
    } catch (auditError) {
      request.log.error(failureLog(request, auditError), 'could not audit a refused or failed request');
    }
    return reply.status(status).send(body);
  });

  for (const route of options.routes) registerRoute(app, deps, route);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const serveWeb = options.serveWeb ?? true;
  if (serveWeb && existsSync(join(WEB_DIST, 'index.html'))) {
    const production = deps.config.production;
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      wildcard: false,
      index: false,
      cacheControl: false,
      // The build writes each script and stylesheet brotli- and gzip-compressed at the best level (vite.config.ts):
      // send that file as it is to a client that accepts it (@fastify/compress leaves an encoded answer alone).
      preCompressed: true,
      // Source maps show the code as written; not to everyone in production.
      allowedPath: (path) => !(production && path.endsWith('.map')),
      setHeaders: (reply, path) => {
        // Hashed names change with their content: a year, never revalidated. Anything else: ask each time.
        void reply.header(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    app.setNotFoundHandler((request, reply) => {
      if (
        request.method === 'GET' &&
        !request.url.startsWith('/api/') &&
        request.headers.accept?.includes('text/html')
      ) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      return reply.status(404).send(errorBody('not_found', 'Not found', request.id));
    });
  } else {
    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send(errorBody('not_found', 'Not found', request.id)),
    );
  }
  return app;
}
