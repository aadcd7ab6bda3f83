import { FerryError } from '../errors.js';
import { type RetentionKind, type RetentionPolicy, retentionDays } from './retention-policy.js';

/** Something retention may remove: one folder or file, of one kind, with the moment its retention counts from. */
export interface PurgeCandidate {
  kind: RetentionKind;
  /** What it belongs to (a run id, a connector file id), for the record. */
  owner: string;
  /** The path to remove. */
  path: string;
  /** ISO time retention counts from (the gate decision, else the run's end, else the upload). */
  anchor: string;
  /** What the anchor is, for the record: `gate_decision`, `run_finished`, `uploaded`. */
  anchorKind: string;
}

/** A candidate with its verdict: `due` is when retention ends (absent when the policy keeps the kind). */
export interface PurgeVerdict extends PurgeCandidate {
  due?: string;
  purge: boolean;
}

const dayMs = 86_400_000;

/**
 * Judges every candidate against the policy at `now`: a candidate is purged when its kind has a retention period and
 * `anchor + days` is at or before `now`; every other candidate is kept. Pure: the same inputs give the same plan.
 *
 * @example
 * planPurge({ version: 1, extractDays: 30, runFolderDays: null, evidenceDays: null }, candidates, new Date())
 */
export function planPurge(policy: RetentionPolicy, candidates: readonly PurgeCandidate[], now: Date): PurgeVerdict[] {
  return candidates.map((c) => {
    const anchor = Date.parse(c.anchor);
    if (Number.isNaN(anchor)) {
      throw new FerryError('FERRY_ERR_INPUT', `The ${c.kind} of ${c.owner} has no valid time to count retention from`, {
        field: 'anchor',
      });
    }
    const days = retentionDays(policy, c.kind);
    if (days === null) return { ...c, purge: false };
    const due = new Date(anchor + days * dayMs);
    return { ...c, due: due.toISOString(), purge: due.getTime() <= now.getTime() };
  });
}
