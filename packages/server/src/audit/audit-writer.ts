import type { TenantTx } from '../db/tenant-transaction.js';
import { auditEventHash, genesisHash, type HashedAuditFields, stateHash } from './audit-hash.js';

/** What happened, by whom, to what. `before`/`after` are hashed, never stored; `details` hold keys and counts only. */
export interface AuditEventInput {
  organisationId: string | null;
  actorId: string | null;
  /** The actor's email, or `anonymous` / `system`. */
  actor: string;
  /** A dotted verb, e.g. `auth.login`, `contract.approve`, `evidence.download`. */
  action: string;
  targetType: string;
  targetId?: string | null;
  requestId?: string | null;
  sourceIp?: string | null;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
}

/** The chain an event belongs to: its organisation's, or the platform's. */
export function auditChainOf(organisationId: string | null): string {
  return organisationId ?? 'platform';
}

/**
 * Appends an event to its organisation's hash chain inside the caller's transaction, so the event commits (or rolls
 * back) with the change it records. `ferry_audit_chain_head` serialises appends to one chain.
 *
 * @example
 * await appendAuditEvent(tx, { organisationId, actorId, actor: 'a@b.nhs.uk', action: 'project.create',
 *   targetType: 'project', targetId: id, after: project }, new Date());
 */
export async function appendAuditEvent(
  tx: TenantTx,
  input: AuditEventInput,
  now: Date,
): Promise<HashedAuditFields & { hash: string }> {
  const chain = auditChainOf(input.organisationId);
  const [head] = await tx.run.query<{ seq: string | number; hash: string }>(
    'SELECT seq, hash FROM ferry_audit_chain_head($1)',
    [chain],
  );
  const fields: HashedAuditFields = {
    chain,
    seq: head ? Number(head.seq) + 1 : 1,
    occurredAt: now.toISOString(),
    organisationId: input.organisationId,
    actorId: input.actorId,
    actor: input.actor,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    requestId: input.requestId ?? null,
    sourceIp: input.sourceIp ?? null,
    beforeHash: stateHash(input.before),
    afterHash: stateHash(input.after),
    details: JSON.parse(JSON.stringify(input.details ?? {})),
    prevHash: head?.hash ?? genesisHash,
  };
  const hash = auditEventHash(fields);
  await tx.db
    .insertInto('audit_events')
    .values({
      organisation_id: fields.organisationId,
      chain,
      seq: fields.seq,
      occurred_at: fields.occurredAt,
      actor_id: fields.actorId,
      actor: fields.actor,
      action: fields.action,
      target_type: fields.targetType,
      target_id: fields.targetId,
      request_id: fields.requestId,
      source_ip: fields.sourceIp,
      before_hash: fields.beforeHash,
      after_hash: fields.afterHash,
      details: JSON.stringify(fields.details),
      prev_hash: fields.prevHash,
      hash,
    })
    .execute();
  return { ...fields, hash };
}
