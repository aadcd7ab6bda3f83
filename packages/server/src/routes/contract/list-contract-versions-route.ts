import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';

const versionSchema = z.object({
  seq: z.number().int(),
  hash: z.string(),
  parentHash: z.string().nullable(),
  label: z.string(),
  locked: z.boolean(),
  message: z.string().nullable(),
  rowsChanged: z.number().int(),
  savedBy: z.string(),
  savedAt: z.string(),
});

/** GET /api/projects/:projectId/contract/versions: every saved version, newest first. */
export function listContractVersionsRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/contract/versions',
    {
      schema: {
        tags: ['contract'],
        summary: 'Contract versions',
        params: projectParams,
        response: { 200: z.array(versionSchema) },
      },
      config: { access: 'contract.read' },
    },
    async (request) => {
      const rows = await request.tenant(async (tx) => {
        await findProject(tx, request.params.projectId);
        return tx.db
          .selectFrom('contract_versions')
          .select([
            'seq',
            'hash',
            'parent_hash',
            'label',
            'locked',
            'message',
            'changes',
            'created_by_email',
            'created_at',
          ])
          .where('project_id', '=', request.params.projectId)
          .orderBy('seq', 'desc')
          .execute();
      });
      return rows.map((v) => ({
        seq: v.seq,
        hash: v.hash,
        parentHash: v.parent_hash,
        label: v.label,
        locked: v.locked,
        message: v.message,
        rowsChanged: v.changes.length,
        savedBy: v.created_by_email,
        savedAt: new Date(v.created_at).toISOString(),
      }));
    },
  );
}
