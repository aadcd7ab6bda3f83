import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { checkAllowedSourceFolder } from '../../connectors/source-directory.js';
import { sourceFolderAllowlist } from '../../connectors/source-folders.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams } from '../schemas.js';

const body = z.object({
  folders: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(1000)
        .regex(/^[^\p{Cc}]+$/u, 'must not hold control characters'),
    )
    .max(100),
});
const foldersSchema = z.object({
  /** The server folders (absolute) this organisation's csv-directory connectors may read; empty: none yet. */
  folders: z.array(z.string()),
});

/** GET /api/orgs/:orgId/source-folders: the folders the operator allowed the organisation's csv-directory connectors. */
export function listSourceFoldersRoute(app: FerryApp): void {
  app.get(
    '/api/orgs/:orgId/source-folders',
    {
      schema: {
        tags: ['connectors'],
        summary: "An organisation's allowed source folders",
        params: orgParams,
        response: { 200: foldersSchema },
      },
      config: { access: 'connector.read' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        return { folders: await sourceFolderAllowlist(tx, org.id) };
      }),
  );
}

/**
 * PUT /api/orgs/:orgId/source-folders: the operator (a super admin) sets the server folders an organisation's
 * csv-directory connectors may read, replacing the list. Each must be an absolute path inside the server's
 * FERRY_SOURCE_ROOTS; stored normalised. Audited with before and after.
 */
export function setSourceFoldersRoute(app: FerryApp): void {
  app.put(
    '/api/orgs/:orgId/source-folders',
    {
      schema: {
        tags: ['connectors'],
        summary: "Set an organisation's allowed source folders",
        params: orgParams,
        body,
        response: { 200: foldersSchema },
      },
      config: { access: 'platform.manage' },
    },
    async (request) => {
      const { sourceRoots } = app.platform.config;
      const folders = [
        ...new Set(request.body.folders.map((f, i) => checkAllowedSourceFolder(sourceRoots, f, `folders.${i}`))),
      ].sort();
      return request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        const before = await sourceFolderAllowlist(tx, org.id);
        await tx.db.deleteFrom('source_folder_allowlist').where('organisation_id', '=', org.id).execute();
        if (folders.length)
          await tx.db
            .insertInto('source_folder_allowlist')
            .values(
              folders.map((path) => ({
                organisation_id: org.id,
                path,
                created_by: request.principal!.userId,
                created_at: app.platform.now(),
              })),
            )
            .execute();
        await request.audit(tx, {
          organisationId: org.id,
          action: 'connector.folders_set',
          targetType: 'organisation',
          targetId: org.id,
          before: { folders: before },
          after: { folders },
          details: { before, after: folders },
        });
        return { folders };
      });
    },
  );
}
