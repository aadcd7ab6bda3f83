import type { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { sha256Hex } from '../contract/canonical-json.js';
import { sourceFileHashes, sourceFingerprintOf } from '../evidence/input-hashes.js';

/** sha256 over every source table's name and file hash, in table order: what the source was, exactly. */
export async function sourceFingerprint(source: CsvSourceConnector): Promise<string> {
  return sourceFingerprintOf(await sourceFileHashes(source));
}

/**
 * A job's id: the same contract, source and release profile give the same job, so a rerun replaces its own rows
 * (idempotent) and two targets loaded from the same inputs carry the same lineage.
 */
export function deriveJobId(contractHash: string, sourceHash: string, releaseProfile: string): string {
  return `job-${sha256Hex(`${contractHash}\n${sourceHash}\n${releaseProfile}`).slice(0, 16)}`;
}
