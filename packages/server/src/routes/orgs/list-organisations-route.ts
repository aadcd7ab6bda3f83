import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { organisationSchema, organisationView } from '../../tenancy/organisation-view.js';

/** GET /api/orgs: the organisations the caller can see: their own, or every one for a super admin (RLS decides). */
export function listOrganisationsRoute(app: FerryApp): void {
  app.get(
    '/api/orgs',
    {
      schema: {
        tags: ['organisations'],
        summary: 'List organisations',
        response: { 200: z.array(organisationSchema) },
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const rows = await request.tenant((tx) =>
        tx.db.selectFrom('organisations').selectAll().orderBy('slug').execute(),
      );
      return rows.map(organisationView);
    },
  );
}
