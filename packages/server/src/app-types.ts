import type { ZodTypeProvider } from '@fastify/type-provider-zod';
import type { Pack, SqlDatabase } from '@ferry/core';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { AuditEventInput } from './audit/audit-writer.js';
import type { Principal } from './auth/principal.js';
import type { ServerConfig } from './config/server-config.js';
import type { PlatformMigrator } from './db/migrations/platform-migrator.js';
import type { TenantTx } from './db/tenant-transaction.js';
import type { LoginThrottle } from './identity/login-throttle.js';
import type { PasswordHasher } from './identity/password-hasher.js';
import type { SecretBox } from './identity/secret-box.js';
import type { RunEventFeed } from './jobs/run-event-feed.js';
import type { RunRunner } from './jobs/run-job.js';
import type { Access } from './rbac/permissions.js';

/** The Fastify instance of the Ferry server, with zod schemas typing every route. */
export type FerryApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every plugin and route shares: configuration, the database, and services built once per app. */
export interface Platform {
  config: ServerConfig;
  db: SqlDatabase;
  hasher: PasswordHasher;
  secrets: SecretBox;
  /** Migration packs projects can use, by name. */
  packs: ReadonlyMap<string, Pack>;
  /** The platform migrations this server expects to be applied. */
  migrator: PlatformMigrator;
  /** Where lifecycle runs execute: in this process (PGlite) or on graphile-worker (PostgreSQL). */
  jobs: RunRunner;
  /** Live progress of runs from their event logs, wherever they execute (server-sent events). */
  runEvents: RunEventFeed;
  /** The clock (tests fix it). */
  now(): Date;
  /** Slows password guessing on every route that checks a password (sign-in, password change, TOTP disable). */
  loginThrottle: LoginThrottle;
}

/** An audit event as a route gives it: the actor, request id and source address come from the request. */
export type RequestAuditEvent = Omit<
  AuditEventInput,
  'actorId' | 'actor' | 'requestId' | 'sourceIp' | 'organisationId'
> & {
  organisationId?: string | null;
};

/** One registered route and who may call it. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
    /** Every route registered, with its access rule (the route-permission tests enumerate it). */
    routeTable: readonly RouteEntry[];
  }
  interface FastifyRequest {
    /** The signed-in caller, or null. */
    principal: Principal | null;
    /** Why presented credentials were not accepted (for the 401 message). */
    authFailure: string | null;
    /** Runs `fn` in a transaction scoped to the caller's organisation (row-level security). */
    tenant<T>(fn: (tx: TenantTx) => Promise<T>): Promise<T>;
    /** Appends an audit event for this request inside `tx`. */
    audit(tx: TenantTx, event: RequestAuditEvent): Promise<void>;
  }
  interface FastifyContextConfig {
    /** Who may call the route: every /api route declares it. */
    access?: Access;
    /** Allowed while the organisation requires TOTP and the caller has not enrolled yet. */
    allowDuringMfaEnrolment?: boolean;
  }
}
