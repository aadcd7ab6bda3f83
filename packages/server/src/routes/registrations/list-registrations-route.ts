import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams } from '../schemas.js';

export const registrationSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});

/** GET /api/orgs/:orgId/registrations: account requests (pending by default). */
export function listRegistrationsRoute(app: FerryApp): void {
  app.get(
    '/api/orgs/:orgId/registrations',
    {
      schema: {
        tags: ['users'],
        summary: 'List registration requests',
        params: orgParams,
        querystring: z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') }),
        response: { 200: z.array(registrationSchema) },
      },
      config: { access: 'users.manage' },
    },
    async (request) => {
      const rows = await request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        return tx.db
          .selectFrom('registration_requests')
          .selectAll()
          .where('organisation_id', '=', org.id)
          .where('status', '=', request.query.status)
          .orderBy('created_at')
          .execute();
      });
      return rows.map((r) => ({
        id: r.id,
        email: r.email,
        displayName: r.display_name,
        status: r.status,
        createdAt: new Date(r.created_at).toISOString(),
        decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
        decisionNote: r.decision_note,
      }));
    },
  );
}
