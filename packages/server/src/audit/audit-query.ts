import type { Selectable, SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { AuditEventsTable, PlatformSchema } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';

/** Explorer filters. `action` matches exactly, or by prefix with a trailing `*` (`auth.*`, `contract.rows_*`). */
export const auditFilterSchema = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(254).optional(),
  actorId: z.uuid().optional(),
  targetType: z.string().max(100).optional(),
  targetId: z.string().max(200).optional(),
  requestId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditEventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  organisationId: z.string().nullable(),
  actorId: z.string().nullable(),
  actor: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  requestId: z.string().nullable(),
  sourceIp: z.string().nullable(),
  beforeHash: z.string().nullable(),
  afterHash: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The events of one chain that match the filters (the caller adds order, paging or count). */
export function auditQuery(
  tx: TenantTx,
  chain: string,
  f: AuditFilter,
): SelectQueryBuilder<PlatformSchema, 'audit_events', object> {
  let q = tx.db.selectFrom('audit_events').where('chain', '=', chain);
  if (f.action !== undefined) {
    q = f.action.endsWith('*')
      ? q.where('action', 'like', `${escapeLike(f.action.slice(0, -1))}%`)
      : q.where('action', '=', f.action);
  }
  if (f.actor !== undefined) q = q.where('actor', '=', f.actor.toLowerCase());
  if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId);
  if (f.targetType !== undefined) q = q.where('target_type', '=', f.targetType);
  if (f.targetId !== undefined) q = q.where('target_id', '=', f.targetId);
  if (f.requestId !== undefined) q = q.where('request_id', '=', f.requestId);
  if (f.from !== undefined) q = q.where('occurred_at', '>=', new Date(f.from));
  if (f.to !== undefined) q = q.where('occurred_at', '<', new Date(f.to));
  return q;
}

export function auditEventView(e: Selectable<AuditEventsTable>): AuditEventView {
  return {
    seq: Number(e.seq),
    occurredAt: new Date(e.occurred_at).toISOString(),
    organisationId: e.organisation_id,
    actorId: e.actor_id,
    actor: e.actor,
    action: e.action,
    targetType: e.target_type,
    targetId: e.target_id,
    requestId: e.request_id,
    sourceIp: e.source_ip,
    beforeHash: e.before_hash,
    afterHash: e.after_hash,
    details: e.details as Record<string, unknown>,
    prevHash: e.prev_hash,
    hash: e.hash,
  };
}
