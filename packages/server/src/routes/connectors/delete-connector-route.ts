import { rm } from 'node:fs/promises';
import type { FerryApp } from '../../app-types.js';
import { connectorUploadDir } from '../../connectors/connector-storage.js';
import { connectorParams, connectorView, findConnector } from '../../connectors/connector-view.js';
import { okSchema } from '../schemas.js';

/**
 * DELETE /api/connectors/:connectorId: removes a connector and its uploaded files. Runs that read it keep their own
 * copy of the source (see connector-run-source.ts).
 */
export function deleteConnectorRoute(app: FerryApp): void {
  app.delete(
    '/api/connectors/:connectorId',
    {
      schema: {
        tags: ['connectors'],
        summary: 'Delete a connector',
        params: connectorParams,
        response: { 200: okSchema },
      },
      config: { access: 'connector.manage' },
    },
    async (request) => {
      const found = await request.tenant(async (tx) => {
        const connector = await findConnector(tx, request.params.connectorId);
        await tx.db.deleteFrom('connectors').where('id', '=', connector.id).execute();
        await request.audit(tx, {
          organisationId: connector.organisation_id,
          action: 'connector.delete',
          targetType: 'connector',
          targetId: connector.id,
          before: connectorView(connector),
          details: { projectId: connector.project_id, type: connector.type },
        });
        return connector;
      });
      await rm(connectorUploadDir(app.platform.config.dataDir, found.organisation_id, found.id), {
        recursive: true,
        force: true,
      });
      return { ok: true as const };
    },
  );
}
