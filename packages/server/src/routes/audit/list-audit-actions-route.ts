import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams } from '../schemas.js';

export const auditActionsSchema = z.object({
  /** Every action the organisation's trail holds, by name, with how many events carry it. */
  actions: z.array(z.object({ action: z.string(), events: z.number().int() })),
});

/**
 * GET /api/orgs/:orgId/audit/actions: the actions recorded in the organisation's audit trail, so the explorer offers a
 * list to pick from rather than asking for exact keys.
 */
export function listAuditActionsRoute(app: FerryApp): void {
  app.get(
    '/api/orgs/:orgId/audit/actions',
    {
      schema: {
        tags: ['audit'],
        summary: 'Actions in the audit trail',
        params: orgParams,
        response: { 200: auditActionsSchema },
      },
      config: { access: 'audit.read' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        const rows = await tx.db
          .selectFrom('audit_events')
          .where('chain', '=', org.id)
          .select((eb) => ['action', eb.fn.countAll().as('n')])
          .groupBy('action')
          .orderBy('action')
          .execute();
        return { actions: rows.map((r) => ({ action: r.action, events: Number(r.n) })) };
      }),
  );
}
