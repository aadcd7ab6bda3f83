import { rm } from 'node:fs/promises';
import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { connectorUploadPath } from '../../connectors/connector-storage.js';
import { findConnector } from '../../connectors/connector-view.js';
import { idSchema, okSchema } from '../schemas.js';

const params = z.object({ connectorId: idSchema, fileId: idSchema });

/** DELETE /api/connectors/:connectorId/files/:fileId: removes an uploaded extract (the audit trail keeps its hash). */
export function deleteConnectorFileRoute(app: FerryApp): void {
  app.delete(
    '/api/connectors/:connectorId/files/:fileId',
    {
      schema: {
        tags: ['connectors'],
        summary: 'Delete an uploaded file',
        params,
        response: { 200: okSchema },
      },
      config: { access: 'connector.manage' },
    },
    async (request) => {
      await request.tenant(async (tx) => {
        const connector = await findConnector(tx, request.params.connectorId);
        const file = await tx.db
          .deleteFrom('connector_files')
          .where('id', '=', request.params.fileId)
          .where('connector_id', '=', connector.id)
          .returningAll()
          .executeTakeFirst();
        if (!file) throw new FerryError('FERRY_ERR_NOT_FOUND', `No file ${request.params.fileId}`);
        await request.audit(tx, {
          organisationId: connector.organisation_id,
          action: 'connector.file_delete',
          targetType: 'connector',
          targetId: connector.id,
          before: { table: file.table_name, sha256: file.sha256 },
          details: { table: file.table_name, sha256: file.sha256 },
        });
        await rm(
          connectorUploadPath(app.platform.config.dataDir, connector.organisation_id, connector.id, file.table_name),
          { force: true },
        );
      });
      return { ok: true as const };
    },
  );
}
