import type { SqlExecutor } from '@ferry/core';
import { auditEventHash, genesisHash } from './audit-hash.js';

/** A break in a chain: where, and what is wrong. */
export interface AuditFinding {
  chain: string;
  seq: number;
  problem: 'hash_mismatch' | 'broken_link' | 'missing_event';
  message: string;
}

/** The outcome of verifying one or more chains. `head` lets an auditor anchor a chain's last hash elsewhere. */
export interface AuditVerification {
  ok: boolean;
  chains: { chain: string; events: number; headSeq: number; headHash: string }[];
  findings: AuditFinding[];
}

interface StoredEvent {
  chain: string;
  seq: string | number;
  occurred_at: Date | string;
  organisation_id: string | null;
  actor_id: string | null;
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  request_id: string | null;
  source_ip: string | null;
  before_hash: string | null;
  after_hash: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

const pageSize = 5000;

/**
 * Recomputes every event's hash and follows each chain from its first event: an edited field gives `hash_mismatch`,
 * a removed or reordered event `missing_event` or `broken_link`. Reads what the executor may see: all chains as the
 * database owner (`ferry audit verify`), one organisation's under its RLS scope (the API). With `chain` and `from`
 * (a seq and hash already proven, e.g. by a checkpoint), only the events after it are read, linked to that hash;
 * `events` then counts those.
 *
 * @example
 * const { ok, findings } = await verifyAuditChains(db);
 */
export async function verifyAuditChains(
  run: SqlExecutor,
  options: { chain?: string; from?: { seq: number; hash: string } } = {},
): Promise<AuditVerification> {
  const findings: AuditFinding[] = [];
  const chains: AuditVerification['chains'] = [];
  let current: { chain: string; events: number; headSeq: number; headHash: string } | undefined;
  let after: { chain: string; seq: number } | undefined;
  if (options.from && options.chain !== undefined) {
    // Continue from a proven event (an anchor): only the events after it are read, linked to its hash.
    current = { chain: options.chain, events: 0, headSeq: options.from.seq, headHash: options.from.hash };
    chains.push(current);
    after = { chain: options.chain, seq: options.from.seq };
  }
  for (;;) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (options.chain !== undefined) {
      params.push(options.chain);
      where.push(`chain = $${params.length}`);
    }
    if (after) {
      params.push(after.chain, after.seq);
      where.push(`(chain, seq) > ($${params.length - 1}, $${params.length})`);
    }
    const rows = await run.query<StoredEvent>(
      `SELECT chain, seq, occurred_at, organisation_id, actor_id, actor, action, target_type, target_id, request_id,
              source_ip, before_hash, after_hash, details, prev_hash, hash
       FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY chain, seq LIMIT ${pageSize}`,
      params,
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      if (!current || current.chain !== row.chain) {
        current = { chain: row.chain, events: 0, headSeq: 0, headHash: genesisHash };
        chains.push(current);
      }
      const at = { chain: row.chain, seq };
      if (seq !== current.headSeq + 1) {
        findings.push({
          ...at,
          problem: 'missing_event',
          message: `event ${current.headSeq + 1} to ${seq - 1} of chain ${row.chain} is missing`,
        });
      } else if (row.prev_hash !== current.headHash) {
        findings.push({
          ...at,
          problem: 'broken_link',
          message: `event ${seq} does not follow event ${current.headSeq} of chain ${row.chain}`,
        });
      }
      const recomputed = auditEventHash({
        chain: row.chain,
        seq,
        occurredAt: new Date(row.occurred_at).toISOString(),
        organisationId: row.organisation_id,
        actorId: row.actor_id,
        actor: row.actor,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        requestId: row.request_id,
        sourceIp: row.source_ip,
        beforeHash: row.before_hash,
        afterHash: row.after_hash,
        details: row.details,
        prevHash: row.prev_hash,
      });
      if (recomputed !== row.hash) {
        findings.push({
          ...at,
          problem: 'hash_mismatch',
          message: `event ${seq} of chain ${row.chain} was changed after it was written`,
        });
      }
      current.events++;
      current.headSeq = seq;
      current.headHash = row.hash;
      after = at;
    }
    if (rows.length < pageSize) break;
  }
  return { ok: findings.length === 0, chains, findings };
}
