import type { SqlExecutor } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { checkAuditAnchors } from '../../audit/audit-anchors.js';
import { verifyAuditChains } from '../../audit/audit-verifier.js';
import type { AuditAnchorSettings } from '../../config/audit-anchor-config.js';
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
  /** The comparison with the signed checkpoints of the anchor file (outside the database). */
  anchors: z.object({
    anchored: z.boolean(),
    findings: z.array(
      z.object({
        chain: z.string(),
        seq: z.number().int(),
        problem: z.enum(['anchor_forged', 'anchor_unreadable', 'anchor_mismatch', 'anchor_missing_event']),
        message: z.string(),
      }),
    ),
    unproven: z.array(
      z.object({ chain: z.string(), fromSeq: z.number().int(), toSeq: z.number().int(), message: z.string() }),
    ),
  }),
});

/**
 * The chains (as the caller may see them) compared with the anchors: `ok` is false on a broken chain, a checkpoint
 * the database no longer matches or a forged one, and, in production, when there is no checkpoint at all.
 */
async function verifyWithAnchors(run: SqlExecutor, settings: AuditAnchorSettings, chain?: string) {
  const scope = chain !== undefined ? { chain } : {};
  const verification = await verifyAuditChains(run, scope);
  const anchors = await checkAuditAnchors(run, settings, verification.chains, scope);
  const ok = verification.ok && anchors.findings.length === 0 && (anchors.anchored || !settings.production);
  return { ...verification, ok, anchors };
}

/**
 * GET /api/orgs/:orgId/audit/verify: recomputes the organisation's hash chain, compares it with its checkpoints
 * (the anchor file's lines of other chains are neither read out nor judged here), and reports any break.
 */
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
        return verifyWithAnchors(tx.run, app.platform.config.auditAnchors, org.id);
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
    async (request) => request.tenant((tx) => verifyWithAnchors(tx.run, app.platform.config.auditAnchors)),
  );
}
