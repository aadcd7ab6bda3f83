import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FerryError } from '@ferry/core';
import { sql } from 'kysely';
import type { FerryApp } from '../../app-types.js';
import { parseConnectorSettings } from '../../connectors/connector-settings.js';
import { connectorUploadDir, connectorUploadPath } from '../../connectors/connector-storage.js';
import {
  connectorFileSchema,
  connectorFileView,
  connectorParams,
  findConnector,
} from '../../connectors/connector-view.js';
import { checkCsvUpload, uploadTableName } from '../../connectors/csv-upload-check.js';

/**
 * POST /api/connectors/:connectorId/files: uploads one CSV extract (multipart field `file`, named `TABLE.csv`) to a
 * csv-upload connector; a new upload of a table replaces the old one. The file is streamed to disk within the size
 * cap (FERRY_SOURCE_UPLOAD_MAX_BYTES, 413 beyond), then read whole: a file in an unreadable encoding, with ragged records,
 * an unclosed quote or a bad header is refused (400) and nothing is kept.
 */
export function uploadConnectorFileRoute(app: FerryApp): void {
  app.post(
    '/api/connectors/:connectorId/files',
    {
      schema: {
        tags: ['connectors'],
        summary: 'Upload a CSV extract (multipart/form-data, field "file", named TABLE.csv)',
        params: connectorParams,
        response: { 201: connectorFileSchema },
      },
      config: { access: 'connector.manage' },
    },
    async (request, reply) => {
      const connector = await request.tenant((tx) => findConnector(tx, request.params.connectorId));
      const settings = parseConnectorSettings(connector.type, connector.config);
      if (settings.type !== 'csv-upload')
        throw new FerryError(
          'FERRY_ERR_CONFLICT',
          `Only csv-upload connectors take uploaded files (${connector.name} is ${connector.type})`,
        );
      if (!request.isMultipart())
        throw new FerryError('FERRY_ERR_INPUT', 'Send the extract as multipart/form-data with a "file" field', {
          field: 'file',
        });
      const { sourceUploads } = app.platform.config;
      const part = await request.file({ limits: { fileSize: sourceUploads.maxBytes } });
      if (part?.fieldname !== 'file')
        throw new FerryError('FERRY_ERR_INPUT', 'No "file" field in the upload', { field: 'file' });
      const table = uploadTableName(part.filename);
      const { dataDir } = app.platform.config;
      const dir = connectorUploadDir(dataDir, connector.organisation_id, connector.id);
      const incoming = `${dir}/.incoming-${randomUUID()}`;
      await mkdir(dir, { recursive: true });
      const hash = createHash('sha256');
      let bytes = 0;
      try {
        try {
          await pipeline(
            part.file,
            new Transform({
              transform(chunk: Buffer, _encoding, done) {
                hash.update(chunk);
                bytes += chunk.length;
                done(null, chunk);
              },
            }),
            createWriteStream(incoming),
          );
        } catch (e) {
          if ((e as { statusCode?: number }).statusCode === 413)
            throw new FerryError(
              'FERRY_ERR_PAYLOAD_TOO_LARGE',
              `The file is larger than ${sourceUploads.maxBytes} bytes`,
              { field: 'file' },
              { cause: e },
            );
          throw e;
        }
        if (part.file.truncated)
          throw new FerryError(
            'FERRY_ERR_PAYLOAD_TOO_LARGE',
            `The file is larger than ${sourceUploads.maxBytes} bytes`,
            {
              field: 'file',
            },
          );
        const checked = await checkCsvUpload(incoming, part.filename, settings.settings.encoding);
        const sha256 = hash.digest('hex');
        const saved = await request.tenant(async (tx) => {
          const current = await findConnector(tx, connector.id);
          const replaced = await tx.db
            .selectFrom('connector_files')
            .select(['id', 'sha256'])
            .where('connector_id', '=', current.id)
            .where('table_name', '=', table)
            .executeTakeFirst();
          const values = {
            file_name: part.filename,
            bytes,
            sha256,
            encoding: checked.encoding,
            records: checked.records,
            uploaded_by: request.principal!.userId,
            uploaded_at: app.platform.now(),
          };
          const row = await tx.db
            .insertInto('connector_files')
            .values({
              organisation_id: current.organisation_id,
              connector_id: current.id,
              table_name: table,
              ...values,
            })
            .onConflict((oc) =>
              oc.columns(['connector_id', 'table_name']).doUpdateSet({ ...values, id: sql`gen_random_uuid()` }),
            )
            .returningAll()
            .executeTakeFirstOrThrow();
          await request.audit(tx, {
            organisationId: current.organisation_id,
            action: 'connector.file_upload',
            targetType: 'connector',
            targetId: current.id,
            ...(replaced ? { before: { table, sha256: replaced.sha256 } } : {}),
            after: { table, sha256 },
            details: {
              table,
              bytes,
              sha256,
              records: checked.records,
              encoding: checked.encoding,
              replaced: Boolean(replaced),
            },
          });
          // Replaced by rename: runs that took a (hard-linked) copy of the old file keep it.
          await rename(incoming, connectorUploadPath(dataDir, current.organisation_id, current.id, table));
          return row;
        });
        return reply.status(201).send(connectorFileView(saved));
      } finally {
        await rm(incoming, { force: true });
      }
    },
  );
}
