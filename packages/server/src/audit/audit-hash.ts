import { canonicalJson, sha256Hex } from '@ferry/core';

/** The previous hash of a chain's first event. */
export const genesisHash = '0'.repeat(64);

/** Everything an event's hash covers: its fields and the hash of the event before it in its chain. */
export interface HashedAuditFields {
  chain: string;
  seq: number;
  occurredAt: string;
  organisationId: string | null;
  actorId: string | null;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  requestId: string | null;
  sourceIp: string | null;
  beforeHash: string | null;
  afterHash: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

/**
 * sha256 of an event's canonical JSON (keys sorted): the link of the per-organisation hash chain.
 *
 * @example
 * const hash = auditEventHash({ ...fields, prevHash: genesisHash });
 */
export function auditEventHash(fields: HashedAuditFields): string {
  return sha256Hex(canonicalJson(fields));
}

/**
 * The hash of a state before or after a change (a row, a setting): sha256 of its canonical JSON, dates as ISO
 * strings. The trail keeps the hash, not the state, so no patient value enters it.
 */
export function stateHash(state: unknown): string | null {
  if (state === undefined || state === null) return null;
  return sha256Hex(canonicalJson(JSON.parse(JSON.stringify(state))));
}
