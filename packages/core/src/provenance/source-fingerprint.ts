import type { SourceConnector } from '../connectors/source-connector.js';
import { sourceFileHashes, sourceFingerprintOf } from '../evidence/input-hashes.js';

/**
 * sha256 over every source file's name and content hash, in table order: what the source was, exactly. Reports of a
 * job name it (`ReportSubject.sourceFingerprint`) so that reports about different extracts are never mixed; it is
 * also the source part of a lifecycle's job id and the fingerprint in the evidence's `inputs.json`.
 *
 * @example
 * const fingerprint = await sourceFingerprint(await CsvSourceConnector.open('extract/')); // 'b94d27b9…'
 */
export async function sourceFingerprint(source: Pick<SourceConnector, 'inputHashes'>): Promise<string> {
  return sourceFingerprintOf(await sourceFileHashes(source));
}
