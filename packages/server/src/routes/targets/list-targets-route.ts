import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { targetHostAllowlist } from '../../targets/target-host-policy.js';
import { targetSchema, targetView } from '../../targets/target-view.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams } from '../schemas.js';

export const targetListSchema = z.object({
  targets: z.array(targetSchema),
  /** The database hosts the operator allowed this organisation's targets (empty: none yet). */
  allowedHosts: z.array(z.string()),
});

/** GET /api/orgs/:orgId/targets: the organisation's target databases (never a password) and its allowed hosts. */
export function listTargetsRoute(app: FerryApp): void {
  app.get(
    '/api/orgs/:orgId/targets',
    {
      schema: {
        tags: ['targets'],
        summary: 'List target databases',
        params: orgParams,
        response: { 200: targetListSchema },
      },
      config: { access: 'target.read' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        const rows = await tx.db
          .selectFrom('target_databases')
          .selectAll()
          .where('organisation_id', '=', org.id)
          .orderBy('name')
          .execute();
        return { targets: rows.map(targetView), allowedHosts: await targetHostAllowlist(tx, org.id) };
      }),
  );
}
