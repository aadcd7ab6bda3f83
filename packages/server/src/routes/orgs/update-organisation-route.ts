import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { organisationSchema, organisationView } from '../../tenancy/organisation-view.js';
import { orgParams } from '../schemas.js';

const body = z.object({ name: z.string().trim().min(1).max(200).optional(), requireTotp: z.boolean().optional() });

/** PATCH /api/orgs/:orgId: rename, or require TOTP of every member (enforced at their next sign-in). */
export function updateOrganisationRoute(app: FerryApp): void {
  app.patch(
    '/api/orgs/:orgId',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Update an organisation',
        params: orgParams,
        body,
        response: { 200: organisationSchema },
      },
      config: { access: 'org.manage' },
    },
    async (request) => {
      const org = await request.tenant(async (tx) => {
        const before = await findOrganisation(tx, request.params.orgId);
        const after = await tx.db
          .updateTable('organisations')
          .set({
            ...(request.body.name !== undefined ? { name: request.body.name } : {}),
            ...(request.body.requireTotp !== undefined ? { require_totp: request.body.requireTotp } : {}),
          })
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await request.audit(tx, {
          organisationId: after.id,
          action: 'organisation.update',
          targetType: 'organisation',
          targetId: after.id,
          before,
          after,
        });
        return after;
      });
      return organisationView(org);
    },
  );
}
