/** Configuration from the environment, read once at start-up and validated. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseCrashPoint, type CrashPointName } from './crash-point.ts';

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  ANVISA_DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ANVISA_DEMO_DATA: boolish.optional(),
  /** How many children the demo grows to (in the background after the first 120). */
  ANVISA_DEMO_CHILDREN: z.coerce.number().int().min(24).max(20_000).default(2000),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().default('openid profile email'),
  OIDC_ALLOW_HTTP: boolish.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Requests to take over a child by dossier number, per user and hour (ADR 0016). */
  TRANSFER_REQUEST_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Largest document in a child's personakt, in bytes (at most 10 MiB: the upload route's body limit). */
  ANVISA_DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  /** The bearer token /metrics asks for; without it /metrics is open in development and absent in production. */
  ANVISA_METRICS_TOKEN: z.string().min(16).optional(),
  /** Optional e-mail of notifications: smtp://user:password@host:587 (STARTTLS) or smtps://…:465; or SMTP_HOST/SMTP_PORT. */
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), 'smtp:// or smtps://')
    .optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_FROM: z
    .string()
    .regex(/^[^\s<>@]+@[^\s<>@]+$/, 'an e-mail address')
    .optional(),
  /** Upgrade smtp:// with STARTTLS (default yes; a relay on localhost may say no). */
  SMTP_STARTTLS: boolish.default(true),
  /** Test only (NODE_ENV=test): kill the process at this start-up crash point (src/platform/crash-point.ts). */
  ANVISA_TEST_CRASH_AT: z.string().optional(),
});

/** SMTP for the notification e-mail (which says only that something waits in Anvisa); null: no e-mail. */
export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly startTls: boolean;
  readonly user: string | null;
  readonly password: string | null;
  readonly from: string;
}

function smtpConfig(e: z.infer<typeof EnvSchema>): SmtpConfig | null {
  if (e.SMTP_URL === undefined && e.SMTP_HOST === undefined) return null;
  const url = e.SMTP_URL === undefined ? null : new URL(e.SMTP_URL);
  const secure = url?.protocol === 'smtps:';
  const host = url?.hostname ?? e.SMTP_HOST ?? '';
  const from = e.SMTP_FROM ?? `anvisa@${host}`;
  return {
    host,
    port: url !== null && url.port !== '' ? Number(url.port) : (e.SMTP_PORT ?? (secure ? 465 : 587)),
    secure,
    startTls: !secure && e.SMTP_STARTTLS,
    user: url !== null && url.username !== '' ? decodeURIComponent(url.username) : null,
    password: url !== null && url.password !== '' ? decodeURIComponent(url.password) : null,
    from,
  };
}

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly scopes: string;
  readonly allowHttp: boolean;
}

export interface Config {
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly database:
    | { readonly kind: 'postgres'; readonly url: string }
    | { readonly kind: 'pglite'; readonly dataDir: string };
  readonly publicUrl: string;
  readonly logLevel: string;
  readonly demoData: boolean;
  readonly demoChildren: number;
  readonly oidc: OidcConfig | null;
  /** The development login lists demo users; it exists only when no identity provider is configured. */
  readonly devLogin: boolean;
  readonly secureCookies: boolean;
  readonly session: { readonly idleMinutes: number; readonly absoluteHours: number };
  readonly loginRateLimitPerMinute: number;
  readonly transferRequestRateLimitPerHour: number;
  readonly documentMaxBytes: number;
  readonly smtp: SmtpConfig | null;
  /** The bearer token of /metrics, or null (open in development, absent in production). */
  readonly metricsToken: string | null;
  /** Test only: where the start-up kills itself (NODE_ENV=test alone accepts it); null always elsewhere. */
  readonly testCrashAt: { readonly name: CrashPointName; readonly nth: number } | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set" (as in `DATABASE_URL= npm start`).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const oidc: OidcConfig | null =
    e.OIDC_ISSUER !== undefined && e.OIDC_CLIENT_ID !== undefined
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET ?? null,
          scopes: e.OIDC_SCOPES,
          allowHttp: e.OIDC_ALLOW_HTTP && !production,
        }
      : null;
  if (e.OIDC_ISSUER !== undefined && e.OIDC_CLIENT_ID === undefined) {
    throw new ConfigError('OIDC_ISSUER is set but OIDC_CLIENT_ID is not.');
  }
  const devLogin = oidc === null;
  if (production && devLogin) {
    throw new ConfigError(
      'NODE_ENV=production requires an identity provider (OIDC_ISSUER, OIDC_CLIENT_ID): the development login is not allowed in production.',
    );
  }
  let testCrashAt: Config['testCrashAt'] = null;
  if (e.ANVISA_TEST_CRASH_AT !== undefined) {
    if (e.NODE_ENV !== 'test')
      throw new ConfigError('ANVISA_TEST_CRASH_AT is for the tests only (NODE_ENV=test).');
    testCrashAt = parseCrashPoint(e.ANVISA_TEST_CRASH_AT);
    if (testCrashAt === null)
      throw new ConfigError(`ANVISA_TEST_CRASH_AT: unknown crash point "${e.ANVISA_TEST_CRASH_AT}"`);
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    production,
    port: e.PORT,
    // The development login lets anyone be anyone: outside production listen on this machine only unless told.
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    database:
      e.DATABASE_URL !== undefined
        ? { kind: 'postgres', url: e.DATABASE_URL }
        : { kind: 'pglite', dataDir: resolve(e.ANVISA_DATA_DIR) },
    publicUrl,
    logLevel: e.LOG_LEVEL,
    demoData: e.ANVISA_DEMO_DATA ?? !production,
    demoChildren: e.ANVISA_DEMO_CHILDREN,
    oidc,
    devLogin,
    secureCookies: production || publicUrl.startsWith('https://'),
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    transferRequestRateLimitPerHour: e.TRANSFER_REQUEST_RATE_LIMIT_PER_HOUR,
    documentMaxBytes: e.ANVISA_DOCUMENT_MAX_BYTES,
    smtp: smtpConfig(e),
    metricsToken: e.ANVISA_METRICS_TOKEN ?? null,
    testCrashAt,
  };
}
