import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { targetHostAllowlist } from '../../targets/target-host-policy.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams } from '../schemas.js';

const hostEntry = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?)(:\d{1,5})?$/,
    'must be a host name or address, optionally with :port',
  );

const body = z.object({ hosts: z.array(hostEntry).max(100) });
const hostsSchema = z.object({ hosts: z.array(z.string()) });

/**
 * PUT /api/orgs/:orgId/target-hosts: the operator (a super admin) sets the database hosts (`host` or `host:port`) an
 * organisation's target databases may name, replacing the list. Audited with before and after. Loopback, link-local
 * and the platform database stay refused unless FERRY_DB_LOCAL_HOSTS also lists them.
 */
export function setTargetHostsRoute(app: FerryApp): void {
  app.put(
    '/api/orgs/:orgId/target-hosts',
    {
      schema: {
        tags: ['targets'],
        summary: "Set an organisation's allowed target hosts",
        params: orgParams,
        body,
        response: { 200: hostsSchema },
      },
      config: { access: 'platform.manage' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        const before = await targetHostAllowlist(tx, org.id);
        const hosts = [...new Set(request.body.hosts)].sort();
        await tx.db.deleteFrom('target_host_allowlist').where('organisation_id', '=', org.id).execute();
        if (hosts.length)
          await tx.db
            .insertInto('target_host_allowlist')
            .values(
              hosts.map((host) => ({
                organisation_id: org.id,
                host,
                created_by: request.principal!.userId,
                created_at: app.platform.now(),
              })),
            )
            .execute();
        await request.audit(tx, {
          organisationId: org.id,
          action: 'target.hosts_set',
          targetType: 'organisation',
          targetId: org.id,
          before: { hosts: before },
          after: { hosts },
          details: { before, after: hosts },
        });
        return { hosts };
      }),
  );
}
