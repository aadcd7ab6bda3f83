import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { checkDatabaseHost } from '../../connectors/database-host.js';
import { targetHostPolicy } from '../../targets/target-host-policy.js';
import { targetSchema, targetView } from '../../targets/target-view.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams } from '../schemas.js';

/** A PostgreSQL name (database, account): printable, no control characters. */
const pgName = z
  .string()
  .trim()
  .min(1)
  .max(63)
  .regex(/^[^\p{Cc}]+$/u, 'must not hold control characters');

export const targetBody = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[^\p{Cc}]+$/u, 'must not hold control characters'),
  host: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^(\[[0-9a-f:.]+\]|[0-9a-f:]*:[0-9a-f:.]+|[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?)$/,
      'must be a host name or address',
    ),
  port: z.number().int().min(1).max(65535).default(5432),
  database: pgName,
  /** Where the load creates its tables: a lower-case schema name that exists in the database. */
  schema: z
    .string()
    .trim()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case schema name')
    .default('public'),
  user: pgName,
  /** Write-only: stored sealed with FERRY_SECRET_KEY, never returned (shown as passwordSet). */
  password: z.string().min(1).max(1000).optional(),
});

/**
 * POST /api/orgs/:orgId/targets: registers a PostgreSQL target database (org admin). Its host must be one the
 * operator allowed the organisation, and never loopback, link-local or the platform database unless the operator
 * allowed that too. The password is sealed; audited without it.
 */
export function createTargetRoute(app: FerryApp): void {
  app.post(
    '/api/orgs/:orgId/targets',
    {
      schema: {
        tags: ['targets'],
        summary: 'Register a target database',
        params: orgParams,
        body: targetBody,
        response: { 201: targetSchema },
      },
      config: { access: 'target.manage' },
    },
    async (request, reply) => {
      const { name, host, port, database, schema, user, password } = request.body;
      const created = await request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        await checkDatabaseHost(await targetHostPolicy(tx, app.platform.config, org.id), { host, port });
        const taken = await tx.db
          .selectFrom('target_databases')
          .select('id')
          .where('organisation_id', '=', org.id)
          .where('name', '=', name)
          .executeTakeFirst();
        if (taken)
          throw new FerryError('FERRY_ERR_CONFLICT', `The organisation already has a target database named ${name}`);
        const now = app.platform.now();
        const row = await tx.db
          .insertInto('target_databases')
          .values({
            organisation_id: org.id,
            name,
            host,
            port,
            database,
            schema,
            username: user,
            secret: password ? app.platform.secrets.seal(password) : null,
            created_by: request.principal!.userId,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await request.audit(tx, {
          organisationId: org.id,
          action: 'target.create',
          targetType: 'target_database',
          targetId: row.id,
          after: targetView(row),
        });
        return row;
      });
      return reply.status(201).send(targetView(created));
    },
  );
}
