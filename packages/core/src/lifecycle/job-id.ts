import { sha256Hex } from '../contract/canonical-json.js';

/**
 * A job's id: the same contract, source and release profile give the same job, so a rerun replaces its own rows
 * (idempotent) and two targets loaded from the same inputs carry the same lineage.
 */
export function deriveJobId(contractHash: string, sourceHash: string, releaseProfile: string): string {
  return `job-${sha256Hex(`${contractHash}\n${sourceHash}\n${releaseProfile}`).slice(0, 16)}`;
}
