import type { FerryApp } from '../../app-types.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { organisationSchema, organisationView } from '../../tenancy/organisation-view.js';
import { orgParams } from '../schemas.js';

/** GET /api/orgs/:orgId: one organisation (404 for another organisation's id). */
export function getOrganisationRoute(app: FerryApp): void {
  app.get(
    '/api/orgs/:orgId',
    {
      schema: {
        tags: ['organisations'],
        summary: 'An organisation',
        params: orgParams,
        response: { 200: organisationSchema },
      },
      config: { access: 'authenticated' },
    },
    async (request) => organisationView(await request.tenant((tx) => findOrganisation(tx, request.params.orgId))),
  );
}
