import { retentionKinds, retentionPolicySchema } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { organisationRetention, purgeOrganisation } from '../../retention/organisation-purge.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams } from '../schemas.js';

const days = z.number().int().min(0).max(36_500).nullable();
const policySchema = z.object({ version: z.literal(1), extractDays: days, runFolderDays: days, evidenceDays: days });

/** GET /api/orgs/:orgId/retention: how long the organisation keeps extracts, run folders and evidence (days; null: kept). */
export function getRetentionRoute(app: FerryApp): void {
  app.get(
    '/api/orgs/:orgId/retention',
    {
      schema: {
        tags: ['organisations'],
        summary: "The organisation's retention policy",
        params: orgParams,
        response: { 200: policySchema },
      },
      config: { access: 'org.manage' },
    },
    async (request) => request.tenant((tx) => organisationRetention(tx, request.params.orgId)),
  );
}

/** PUT /api/orgs/:orgId/retention: sets the retention policy (audited, before and after). */
export function setRetentionRoute(app: FerryApp): void {
  app.put(
    '/api/orgs/:orgId/retention',
    {
      schema: {
        tags: ['organisations'],
        summary: "Set the organisation's retention policy",
        params: orgParams,
        body: policySchema,
        response: { 200: policySchema },
      },
      config: { access: 'org.manage' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        const before = retentionPolicySchema.parse(org.retention);
        const after = retentionPolicySchema.parse(request.body);
        await tx.db
          .updateTable('organisations')
          .set({ retention: JSON.stringify(after) })
          .where('id', '=', org.id)
          .execute();
        await request.audit(tx, {
          organisationId: org.id,
          action: 'retention.update',
          targetType: 'organisation',
          targetId: org.id,
          before,
          after,
        });
        return after;
      }),
  );
}

const itemSchema = z.object({
  kind: z.enum(retentionKinds),
  owner: z.string(),
  files: z.number().int(),
  bytes: z.number().int(),
  anchor: z.string(),
  anchorKind: z.string(),
  due: z.string(),
});

/**
 * POST /api/orgs/:orgId/purge: removes what the organisation's retention policy says is due (uploaded extracts, run
 * folders, evidence) and nothing else; `dryRun` lists it only. Audited with what was removed (kinds, owners, counts;
 * never values); each run's folder keeps a purge-record.json of what left it.
 */
export function purgeOrganisationRoute(app: FerryApp): void {
  app.post(
    '/api/orgs/:orgId/purge',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Purge by retention (audited)',
        params: orgParams,
        body: z.object({ dryRun: z.boolean().default(false) }),
        response: {
          200: z.object({
            dryRun: z.boolean(),
            policy: policySchema,
            due: z.array(itemSchema.omit({ files: true, bytes: true })),
            removed: z.array(itemSchema),
            kept: z.number().int(),
          }),
        },
      },
      config: { access: 'org.manage' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        const dryRun = request.body.dryRun;
        const result = await purgeOrganisation(tx, app.platform.config.dataDir, org.id, app.platform.now(), dryRun);
        const due = result.plan
          .filter((v) => v.purge)
          .map((v) => ({ kind: v.kind, owner: v.owner, anchor: v.anchor, anchorKind: v.anchorKind, due: v.due! }));
        const removed = result.removed.map(({ path: _path, purgedAt: _at, ...r }) => r);
        await request.audit(tx, {
          organisationId: org.id,
          action: 'retention.purge',
          targetType: 'organisation',
          targetId: org.id,
          details: {
            dryRun,
            due: due.length,
            removed: removed.map((r) => ({ kind: r.kind, owner: r.owner, files: r.files, bytes: r.bytes })),
          },
        });
        return { dryRun, policy: result.policy, due, removed, kept: result.plan.length - due.length };
      }),
  );
}
