import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { verifyAuditChains } from '../../audit/audit-verifier.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams } from '../schemas.js';

export const verificationSchema = z.object({
  ok: z.boolean(),
  chains: z.array(
    z.object({ chain: z.string(), events: z.number().int(), headSeq: z.number().int(), headHash: z.string() }),
  ),
  findings: z.array(
    z.object({
      chain: z.string(),
      seq: z.number().int(),
      problem: z.enum(['hash_mismatch', 'broken_link', 'missing_event']),
      message: z.string(),
    }),
  ),
});

/** GET /api/orgs/:orgId/audit/verify: recomputes the organisation's hash chain and reports any break. */
export function verifyAuditRoute(app: FerryApp): void {
  app.get(
    '/api/orgs/:orgId/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify the audit chain',
        params: orgParams,
        response: { 200: verificationSchema },
      },
      config: { access: 'audit.read' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        return verifyAuditChains(tx.run, { chain: org.id });
      }),
  );
}

/** GET /api/audit/verify: every chain the platform holds, the platform's own included (super admins). */
export function verifyPlatformAuditRoute(app: FerryApp): void {
  app.get(
    '/api/audit/verify',
    {
      schema: { tags: ['audit'], summary: 'Verify every audit chain', response: { 200: verificationSchema } },
      config: { access: 'platform.manage' },
    },
    async (request) => request.tenant((tx) => verifyAuditChains(tx.run)),
  );
}
