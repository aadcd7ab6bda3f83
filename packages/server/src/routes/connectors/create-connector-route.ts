import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { connectorTypes, databaseConnectorTypes, parseConnectorSettings } from '../../connectors/connector-settings.js';
import { connectorSchema, connectorView } from '../../connectors/connector-view.js';
import { checkDatabaseHost } from '../../connectors/database-host.js';
import { resolveSourceDirectory } from '../../connectors/source-directory.js';
import { sourceFolderPolicy } from '../../connectors/source-folders.js';
import { sourceHostPolicy } from '../../connectors/source-host.js';
import type { TenantTx } from '../../db/tenant-transaction.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';

export const connectorNameSchema = z.string().trim().min(1).max(100);
/** A source database password: write-only (stored sealed, shown as `passwordSet`). */
export const connectorPasswordSchema = z.string().min(1).max(1000);

const body = z.object({
  name: connectorNameSchema,
  type: z.enum(connectorTypes),
  config: z.record(z.string(), z.unknown()).default({}),
  password: connectorPasswordSchema.optional(),
});

/**
 * Checks and normalises a connector's settings for storing: per-type fields, a csv-directory folder inside one of
 * the organisation's source folders (stored resolved; an existing one also after following links), a postgres host the organisation may reach, and a password
 * only for postgres.
 */
export async function settingsToStore(
  app: FerryApp,
  tx: TenantTx,
  organisationId: string,
  type: (typeof connectorTypes)[number],
  config: unknown,
  password: string | null | undefined,
): Promise<Record<string, unknown>> {
  const parsed = parseConnectorSettings(type, config);
  if (password && !databaseConnectorTypes.has(parsed.type))
    throw new FerryError('FERRY_ERR_INPUT', `A ${type} connector takes no password`, { field: 'password' });
  const { config: serverConfig } = app.platform;
  if (parsed.type === 'csv-directory' || parsed.type === 'json' || parsed.type === 'xlsx' || parsed.type === 'dump') {
    const folders = await sourceFolderPolicy(tx, serverConfig, organisationId);
    return { ...parsed.settings, path: await resolveSourceDirectory(folders, parsed.settings.path) };
  }
  if (parsed.type === 'postgres' || parsed.type === 'mysql') {
    const { host, port } = parsed.settings;
    await checkDatabaseHost(await sourceHostPolicy(tx, serverConfig, organisationId), { host, port });
  }
  return parsed.settings;
}

/** POST /api/projects/:projectId/connectors: configures a source connector (the password is sealed, never returned). */
export function createConnectorRoute(app: FerryApp): void {
  app.post(
    '/api/projects/:projectId/connectors',
    {
      schema: {
        tags: ['connectors'],
        summary: 'Create a connector',
        params: projectParams,
        body,
        response: { 201: connectorSchema },
      },
      config: { access: 'connector.manage' },
    },
    async (request, reply) => {
      const { name, type, config, password } = request.body;
      const created = await request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        const settings = await settingsToStore(app, tx, project.organisation_id, type, config, password);
        const taken = await tx.db
          .selectFrom('connectors')
          .select('id')
          .where('project_id', '=', project.id)
          .where('name', '=', name)
          .executeTakeFirst();
        if (taken) throw new FerryError('FERRY_ERR_CONFLICT', `The project already has a connector named ${name}`);
        const now = app.platform.now();
        const row = await tx.db
          .insertInto('connectors')
          .values({
            organisation_id: project.organisation_id,
            project_id: project.id,
            name,
            type,
            config: JSON.stringify(settings),
            secret: password ? app.platform.secrets.seal(password) : null,
            created_by: request.principal!.userId,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await request.audit(tx, {
          organisationId: project.organisation_id,
          action: 'connector.create',
          targetType: 'connector',
          targetId: row.id,
          after: connectorView(row),
          details: { projectId: project.id, type, passwordSet: Boolean(password) },
        });
        return row;
      });
      return reply.status(201).send(connectorView(created));
    },
  );
}
