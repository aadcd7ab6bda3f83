import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { connectorParams, connectorSchema, connectorView, findConnector } from '../../connectors/connector-view.js';
import { connectorNameSchema, connectorPasswordSchema, settingsToStore } from './create-connector-route.js';

const body = z
  .object({
    name: connectorNameSchema.optional(),
    /** The type's whole settings (they replace the old ones). */
    config: z.record(z.string(), z.unknown()).optional(),
    /** A new password, or null to remove it; left out, the stored one stays. */
    password: connectorPasswordSchema.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'give name, config or password');

/** PATCH /api/connectors/:connectorId: renames or reconfigures a connector (its type stays). */
export function updateConnectorRoute(app: FerryApp): void {
  app.patch(
    '/api/connectors/:connectorId',
    {
      schema: {
        tags: ['connectors'],
        summary: 'Change a connector',
        params: connectorParams,
        body,
        response: { 200: connectorSchema },
      },
      config: { access: 'connector.manage' },
    },
    async (request) => {
      const { name, config, password } = request.body;
      const updated = await request.tenant(async (tx) => {
        const found = await findConnector(tx, request.params.connectorId);
        const settings =
          config !== undefined || password !== undefined
            ? await settingsToStore(app, tx, found.organisation_id, found.type, config ?? found.config, password)
            : undefined;
        if (name && name !== found.name) {
          const taken = await tx.db
            .selectFrom('connectors')
            .select('id')
            .where('project_id', '=', found.project_id)
            .where('name', '=', name)
            .executeTakeFirst();
          if (taken) throw new FerryError('FERRY_ERR_CONFLICT', `The project already has a connector named ${name}`);
        }
        const row = await tx.db
          .updateTable('connectors')
          .set({
            ...(name ? { name } : {}),
            ...(settings ? { config: JSON.stringify(settings) } : {}),
            ...(password !== undefined
              ? { secret: password === null ? null : app.platform.secrets.seal(password) }
              : {}),
            updated_at: app.platform.now(),
          })
          .where('id', '=', found.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await request.audit(tx, {
          organisationId: found.organisation_id,
          action: 'connector.update',
          targetType: 'connector',
          targetId: found.id,
          before: connectorView(found),
          after: connectorView(row),
          details: {
            changed: [
              ...(name ? ['name'] : []),
              ...(config ? ['config'] : []),
              ...(password !== undefined ? [password === null ? 'password_removed' : 'password_set'] : []),
            ],
          },
        });
        return row;
      });
      return connectorView(updated);
    },
  );
}
