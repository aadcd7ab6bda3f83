import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FerryError } from '@ferry/core';
import type { FerryApp } from '../../app-types.js';
import { documentPath } from '../../documents/document-storage.js';
import { checkDocumentContent, checkDocumentName } from '../../documents/document-types.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';
import { documentSchema, documentView } from './document-view.js';

/**
 * POST /api/projects/:projectId/documents: uploads one document (multipart field `file`). The size is capped
 * (FERRY_UPLOAD_MAX_BYTES, 413 beyond), the type must be an accepted one and match the content, and the name must be
 * a plain file name: the bytes are stored under the document's id, never under the given name.
 */
export function uploadDocumentRoute(app: FerryApp): void {
  app.post(
    '/api/projects/:projectId/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'Upload a document (multipart/form-data, field "file")',
        params: projectParams,
        response: { 201: documentSchema },
      },
      config: { access: 'documents.write' },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new FerryError('FERRY_ERR_INPUT', 'Send the document as multipart/form-data with a "file" field', {
          field: 'file',
        });
      const part = await request.file();
      if (part?.fieldname !== 'file')
        throw new FerryError('FERRY_ERR_INPUT', 'No "file" field in the upload', { field: 'file' });
      const { extension, contentType } = checkDocumentName(part.filename);
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 413) {
          throw new FerryError(
            'FERRY_ERR_PAYLOAD_TOO_LARGE',
            `The document is larger than ${app.platform.config.uploads.maxBytes} bytes`,
            { field: 'file' },
            { cause: e },
          );
        }
        throw e;
      }
      checkDocumentContent(extension, bytes.subarray(0, 16), bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const id = randomUUID();
      const doc = await request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        const path = documentPath(app.platform.config.dataDir, project.organisation_id, id);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(`${path}.part`, bytes);
        try {
          const created = await tx.db
            .insertInto('documents')
            .values({
              id,
              organisation_id: project.organisation_id,
              project_id: project.id,
              file_name: part.filename,
              content_type: contentType,
              bytes: bytes.length,
              sha256,
              uploaded_by: request.principal!.userId,
              uploaded_at: app.platform.now(),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await request.audit(tx, {
            organisationId: project.organisation_id,
            action: 'document.upload',
            targetType: 'document',
            targetId: id,
            details: { projectId: project.id, bytes: bytes.length, sha256 },
          });
          await rename(`${path}.part`, path);
          return created;
        } catch (e) {
          await rm(`${path}.part`, { force: true });
          throw e;
        }
      });
      return reply.status(201).send(documentView(doc));
    },
  );
}
