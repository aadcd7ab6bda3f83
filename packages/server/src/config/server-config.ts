import { delimiter, resolve } from 'node:path';
import { FerryError } from '@ferry/core';
import { z } from 'zod';
import { passwordProblems } from '../identity/password-policy.js';
import { type AuditAnchorSettings, loadAuditAnchorSettings } from './audit-anchor-config.js';
import { configError, type DatabaseConfig, databaseEnvSchema, loadDatabaseConfig } from './database-config.js';

/** The server's whole configuration, validated once at start (from FERRY_* variables). */
export interface ServerConfig extends DatabaseConfig {
  mode: 'production' | 'development' | 'test';
  host: string;
  port: number;
  /** Apply pending platform migrations on start (FERRY_RUN_MIGRATIONS=true). */
  runMigrations: boolean;
  bootstrapAdmin: { email: string; password?: string };
  /** Encrypts stored TOTP secrets. */
  secretKey: string;
  session: { idleMinutes: number; maxHours: number; cookieSecure: boolean };
  login: { maxFailures: number; lockoutMinutes: number; attemptsPerMinute: number };
  passwordHashing: { memoryKib: number; iterations: number };
  uploads: { maxBytes: number };
  /**
   * The operator's ceiling for csv-directory connectors (FERRY_SOURCE_ROOTS, separated by the path delimiter): each
   * organisation reads only the folders a super admin allowed it, and those must lie inside these. Unset: none.
   */
  sourceRoots: string[];
  /**
   * The operator's ceiling for postgres source connectors (FERRY_SOURCE_DB_HOSTS, comma-separated `host` or
   * `host:port`; `*` or unset: no ceiling). Each organisation reaches only the database hosts a super admin allowed it,
   * and, when this is a list, only those also on it.
   */
  sourceDbHosts: 'any' | string[];
  /**
   * Loopback, link-local and the platform database's own hosts that target databases may nevertheless name
   * (FERRY_DB_LOCAL_HOSTS, comma-separated `host` or `host:port`): none unless the operator lists them.
   */
  localDbHosts: string[];
  /** Connection tests of connectors and target databases per caller address and minute (FERRY_CONNECTION_TESTS_PER_MINUTE). */
  connectionTestsPerMinute: number;
  /** The size cap of one uploaded CSV extract (FERRY_SOURCE_UPLOAD_MAX_BYTES, default 1 GiB). */
  sourceUploads: { maxBytes: number };
  rateLimitPerMinute: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean;
  jobs: JobsConfig;
  /** Signed checkpoints of the audit chains, outside the database (FERRY_AUDIT_KEY, FERRY_AUDIT_ANCHOR_FILE). */
  auditAnchors: AuditAnchorSettings;
  /**
   * HTTPS with certificate files (FERRY_TLS_CERT, FERRY_TLS_KEY: PEM paths, both or neither); unset: plain HTTP
   * (behind a TLS-terminating proxy).
   */
  tls?: { certFile: string; keyFile: string };
}

/** How lifecycle runs execute: in this process on PGlite; on PostgreSQL, queued with graphile-worker. */
export interface JobsConfig {
  /** Runs executing at once, per process that runs them (FERRY_JOB_CONCURRENCY). */
  concurrency: number;
  /** On PostgreSQL: whether `ferry serve` also executes runs (FERRY_SERVE_RUNNER; `--no-runner` + `ferry runs worker`). */
  runInServer: boolean;
  /** The PostgreSQL schema of graphile-worker's queue (FERRY_QUEUE_SCHEMA, default graphile_worker). */
  queueSchema: string;
  /** The database holding the queue (FERRY_QUEUE_DATABASE_URL); by default the platform's (DATABASE_URL). */
  queueUrl?: string;
  /** How often a running run's runner writes its heartbeat and reads cancel requests (FERRY_RUN_HEARTBEAT_MS). */
  heartbeatMs: number;
  /** A running run whose heartbeat is older than this lost its runner and is failed (FERRY_RUN_STALE_SECONDS). */
  staleAfterMs: number;
}

const developmentSecretKey = 'ferry-development-secret-key-do-not-use-in-production';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const serverEnvSchema = databaseEnvSchema.extend({
  FERRY_MODE: z.enum(['production', 'development', 'test']).optional(),
  NODE_ENV: z.string().optional(),
  FERRY_HOST: z.string().min(1).default('127.0.0.1'),
  FERRY_PORT: int(0, 65535).default(9133),
  FERRY_RUN_MIGRATIONS: flag.default(false),
  FERRY_BOOTSTRAP_ADMIN_EMAIL: z.email().default('admin@ferry.local'),
  FERRY_BOOTSTRAP_ADMIN_PASSWORD: z.string().optional(),
  FERRY_SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  FERRY_SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  FERRY_SESSION_MAX_HOURS: int(1, 24 * 30).default(12),
  FERRY_COOKIE_SECURE: flag.optional(),
  FERRY_LOGIN_MAX_FAILURES: int(1, 100).default(5),
  FERRY_LOGIN_LOCKOUT_MINUTES: int(1, 24 * 60).default(15),
  FERRY_LOGIN_ATTEMPTS_PER_MINUTE: int(1, 10_000).default(10),
  FERRY_ARGON2_MEMORY_KIB: int(1024, 4 * 1024 * 1024).default(19_456),
  FERRY_ARGON2_ITERATIONS: int(1, 20).default(2),
  FERRY_UPLOAD_MAX_BYTES: int(1, 1024 * 1024 * 1024).default(10 * 1024 * 1024),
  FERRY_SOURCE_ROOTS: z.string().optional(),
  FERRY_SOURCE_DB_HOSTS: z.string().optional(),
  FERRY_DB_LOCAL_HOSTS: z.string().optional(),
  FERRY_CONNECTION_TESTS_PER_MINUTE: int(1, 10_000).default(10),
  FERRY_SOURCE_UPLOAD_MAX_BYTES: int(1, 64 * 1024 ** 3).default(1024 ** 3),
  FERRY_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000).default(1000),
  FERRY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FERRY_TRUST_PROXY: flag.default(false),
  FERRY_JOB_CONCURRENCY: int(1, 64).default(1),
  FERRY_SERVE_RUNNER: flag.default(true),
  FERRY_QUEUE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL name')
    .default('graphile_worker'),
  FERRY_QUEUE_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  FERRY_RUN_HEARTBEAT_MS: int(100, 60_000).default(2000),
  FERRY_RUN_STALE_SECONDS: int(2, 24 * 3600).default(60),
  FERRY_TLS_CERT: z.string().min(1).optional(),
  FERRY_TLS_KEY: z.string().min(1).optional(),
});

function sourceDbHosts(value: string | undefined): 'any' | string[] {
  if (value === undefined) return 'any';
  const hosts = value
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return hosts.includes('*') ? 'any' : hosts;
}

/**
 * Reads and validates the server configuration once, at the edge. Production mode (FERRY_MODE=production or
 * NODE_ENV=production) refuses to start without a strong FERRY_BOOTSTRAP_ADMIN_PASSWORD, a FERRY_SECRET_KEY and a
 * FERRY_AUDIT_KEY,
 * and always sets Secure cookies. Errors name the variables, never their values.
 *
 * @example
 * const config = loadServerConfig(process.env);
 */
export function loadServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = serverEnvSchema.safeParse(env);
  if (!parsed.success) throw configError(parsed.error.issues);
  const e = parsed.data;
  const mode = e.FERRY_MODE ?? (e.NODE_ENV === 'production' ? 'production' : 'development');
  if (mode === 'production') {
    const problems: string[] = [];
    if (!e.FERRY_BOOTSTRAP_ADMIN_PASSWORD) problems.push('FERRY_BOOTSTRAP_ADMIN_PASSWORD: is required in production');
    else {
      const weak = passwordProblems(e.FERRY_BOOTSTRAP_ADMIN_PASSWORD, e.FERRY_BOOTSTRAP_ADMIN_EMAIL);
      if (weak.length) problems.push(`FERRY_BOOTSTRAP_ADMIN_PASSWORD: is too weak (it ${weak.join(', ')})`);
    }
    if (!e.FERRY_SECRET_KEY) problems.push('FERRY_SECRET_KEY: is required in production');
    if (!env.FERRY_AUDIT_KEY) problems.push('FERRY_AUDIT_KEY: is required in production');
    if (e.FERRY_COOKIE_SECURE === false) problems.push('FERRY_COOKIE_SECURE: cannot be false in production');
    if (problems.length)
      throw new FerryError('FERRY_ERR_CONFIG', `Refusing to start in production: ${problems.join('; ')}`);
  }
  if (!e.FERRY_TLS_CERT !== !e.FERRY_TLS_KEY)
    throw new FerryError(
      'FERRY_ERR_CONFIG',
      'FERRY_TLS_CERT and FERRY_TLS_KEY: give both certificate files, or neither',
    );
  const tls =
    e.FERRY_TLS_CERT && e.FERRY_TLS_KEY
      ? { certFile: resolve(e.FERRY_TLS_CERT), keyFile: resolve(e.FERRY_TLS_KEY) }
      : undefined;
  return {
    ...loadDatabaseConfig(env),
    mode,
    host: e.FERRY_HOST,
    port: e.FERRY_PORT,
    runMigrations: e.FERRY_RUN_MIGRATIONS,
    bootstrapAdmin: { email: e.FERRY_BOOTSTRAP_ADMIN_EMAIL.toLowerCase(), password: e.FERRY_BOOTSTRAP_ADMIN_PASSWORD },
    secretKey: e.FERRY_SECRET_KEY ?? developmentSecretKey,
    session: {
      idleMinutes: e.FERRY_SESSION_IDLE_MINUTES,
      maxHours: e.FERRY_SESSION_MAX_HOURS,
      cookieSecure: e.FERRY_COOKIE_SECURE ?? (mode === 'production' || tls !== undefined),
    },
    login: {
      maxFailures: e.FERRY_LOGIN_MAX_FAILURES,
      lockoutMinutes: e.FERRY_LOGIN_LOCKOUT_MINUTES,
      attemptsPerMinute: e.FERRY_LOGIN_ATTEMPTS_PER_MINUTE,
    },
    passwordHashing: { memoryKib: e.FERRY_ARGON2_MEMORY_KIB, iterations: e.FERRY_ARGON2_ITERATIONS },
    uploads: { maxBytes: e.FERRY_UPLOAD_MAX_BYTES },
    sourceRoots: (e.FERRY_SOURCE_ROOTS ?? '')
      .split(delimiter)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => resolve(p)),
    sourceDbHosts: sourceDbHosts(e.FERRY_SOURCE_DB_HOSTS),
    localDbHosts: (e.FERRY_DB_LOCAL_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    connectionTestsPerMinute: e.FERRY_CONNECTION_TESTS_PER_MINUTE,
    sourceUploads: { maxBytes: e.FERRY_SOURCE_UPLOAD_MAX_BYTES },
    rateLimitPerMinute: e.FERRY_RATE_LIMIT_PER_MINUTE,
    logLevel: e.FERRY_LOG_LEVEL,
    trustProxy: e.FERRY_TRUST_PROXY,
    jobs: {
      concurrency: e.FERRY_JOB_CONCURRENCY,
      runInServer: e.FERRY_SERVE_RUNNER,
      queueSchema: e.FERRY_QUEUE_SCHEMA,
      ...(e.FERRY_QUEUE_DATABASE_URL ? { queueUrl: e.FERRY_QUEUE_DATABASE_URL } : {}),
      heartbeatMs: e.FERRY_RUN_HEARTBEAT_MS,
      staleAfterMs: e.FERRY_RUN_STALE_SECONDS * 1000,
    },
    auditAnchors: loadAuditAnchorSettings(env),
    ...(tls ? { tls } : {}),
  };
}
