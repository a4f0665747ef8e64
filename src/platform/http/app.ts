/** Builds the Fastify application: security plugins, session resolution, error answers, OpenAPI, routes, the UI. */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { resolveSession } from '../../access/sessions.ts';
import { AllocationError } from '../../domain/allocation/allocator.ts';
import { HttpError, type FieldProblem } from './errors.ts';
import { auditRateLimited, registerRoute, type AppDeps, type RouteSpec } from './route.ts';

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

function errorBody(code: string, message: string, requestId: string, fields: FieldProblem[] = []): ErrorBody {
  return { error: { code, message, fields, requestId } };
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
      info: { title: 'Anvisa API', version: '0.1.0', description: 'Reception of unaccompanied asylum-seeking children' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await resolveSession(deps.database.db, token, deps.clock(), deps.config.session) : null;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.header('x-request-id', request.id);
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      const body = errorBody(error.code, error.message, request.id, [...error.fields]);
      if (error.current !== undefined) body.error.current = error.current;
      return reply.status(error.statusCode).send(body);
    }
    const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
    if (code === '23505') {
      // Two requests raced to create the same record: the second is told so, not 500.
      return reply.status(409).send(errorBody('conflict', 'The record was just created by another request', request.id));
    }
    if (error instanceof AllocationError) {
      return reply.status(422).send(errorBody('allocation', error.message, request.id));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = error.validationContext ?? 'body';
      const fields = error.validation.flatMap((v) => {
        const path = [part, ...String(v.instancePath).split('/').filter(Boolean)];
        const unknownKeys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: unknown }).keys : undefined;
        if (Array.isArray(unknownKeys)) {
          return unknownKeys.map((key) => ({ field: [...path, String(key)].join('.'), code: v.keyword, message: 'unknown field' }));
        }
        return [{ field: path.join('.'), code: v.keyword, message: v.message ?? 'invalid' }];
      });
      return reply.status(400).send(errorBody('validation', 'The request has invalid fields', request.id, fields));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return reply.status(500).send(errorBody('internal', 'Internal error', request.id));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(400)
        .send(errorBody('body_too_large', `The body is larger than ${BODY_LIMIT_BYTES} bytes`, request.id, [{ field: 'body', code: 'too_big', message: 'too large' }]));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(400).send(errorBody('unsupported_media_type', 'Send JSON (content-type: application/json)', request.id));
    }
    if (error.statusCode === 429) {
      const limitedTransfer = request.routeOptions.config.anvisa?.rateLimit === 'transfer-request';
      return auditRateLimited(deps, request).then(() =>
        reply
          .status(429)
          .send(
            limitedTransfer
              ? errorBody('transfer_rate_limited', 'Too many take-over requests; wait an hour', request.id)
              : errorBody('rate_limited', 'Too many attempts; wait a minute', request.id),
          ),
      );
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, empty JSON body and the like.
      return reply
        .status(400)
        .send(errorBody('malformed_request', error.message, request.id, [{ field: 'body', code: 'malformed', message: error.message }]));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', 'Internal error', request.id));
  });

  for (const route of options.routes) registerRoute(app, deps, route);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const serveWeb = options.serveWeb ?? true;
  if (serveWeb && existsSync(join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: false });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html')) {
        return reply.header('cache-control', 'no-store').sendFile('index.html');
      }
      return reply.status(404).send(errorBody('not_found', 'Not found', request.id));
    });
  } else {
    app.setNotFoundHandler((request, reply) => reply.status(404).send(errorBody('not_found', 'Not found', request.id)));
  }
  return app;
}
