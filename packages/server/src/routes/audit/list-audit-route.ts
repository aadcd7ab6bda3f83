import type { FerryApp } from '../../app-types.js';
import { auditEventSchema, auditEventView, auditFilterSchema, auditQuery } from '../../audit/audit-query.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams, pageOf, pagingQuery } from '../schemas.js';

/** GET /api/orgs/:orgId/audit: the organisation's audit trail, newest first, filtered and paged. */
export function listAuditRoute(app: FerryApp): void {
  app.get(
    '/api/orgs/:orgId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit explorer',
        params: orgParams,
        querystring: auditFilterSchema.extend(pagingQuery.shape),
        response: { 200: pageOf(auditEventSchema) },
      },
      config: { access: 'audit.read' },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        const base = auditQuery(tx, org.id, filter);
        const [count] = await base.select((eb) => eb.fn.countAll().as('n')).execute();
        const rows = await base
          .selectAll()
          .orderBy('seq', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute();
        return { items: rows.map(auditEventView), page, pageSize, total: Number(count?.n ?? 0) };
      });
    },
  );
}
