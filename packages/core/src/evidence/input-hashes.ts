import { z } from 'zod';
import type { SourceConnector } from '../connectors/source-connector.js';
import { canonicalJson, sha256Hex } from '../contract/canonical-json.js';
import { contractHash } from '../contract/contract-hash.js';
import type { MappingContract } from '../contract/contract-model.js';
import { crosswalkHash } from '../crosswalk/crosswalk-hash.js';
import type { CrosswalkSet } from '../crosswalk/crosswalk-model.js';

export const sourceFileHashSchema = z.object({
  table: z.string(),
  /** The file's name (not its folder: the same extract hashes the same wherever it lies). */
  file: z.string(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type SourceFileHash = z.infer<typeof sourceFileHashSchema>;

export const crosswalkCodeTypeHashSchema = z.object({
  codeType: z.string(),
  entries: z.number().int().nonnegative(),
  /** Entries with status approved: only these translate values. */
  approved: z.number().int().nonnegative(),
  /** Whether a field of the contract translates through this code type. */
  usedByContract: z.boolean(),
  /** sha256 of the canonical JSON of this code type's entries, in file order. */
  sha256: z.string(),
});

/**
 * `inputs.json` of an evidence package (written by the migrate stage, v1): exactly what the load read: each source
 * file's sha256 and the source fingerprint made from them (one input of the job id), the crosswalks' content hash
 * (`crosswalkHash`, as a whole and per code type, marking those the contract uses) and the contract's hash.
 */
export const inputHashesSchema = z.object({
  version: z.literal(1),
  source: z.object({
    /** sha256 over the lines `TABLE:FILE_SHA256`, in table order (the job id's source fingerprint). */
    fingerprint: z.string(),
    files: z.array(sourceFileHashSchema),
  }),
  crosswalks: z.object({
    sha256: z.string(),
    entries: z.number().int().nonnegative(),
    codeTypes: z.array(crosswalkCodeTypeHashSchema),
  }),
  contract: z.object({ name: z.string(), label: z.string(), hash: z.string() }),
});
export type InputHashes = z.infer<typeof inputHashesSchema>;

/**
 * Each source table's input (its file, or for a database its rows as read) with its sha256 and size, in the
 * connector's table order.
 */
export async function sourceFileHashes(source: Pick<SourceConnector, 'inputHashes'>): Promise<SourceFileHash[]> {
  return source.inputHashes();
}

/** The source fingerprint of a set of file hashes: sha256 over `TABLE:SHA256` lines, in the order given. */
export function sourceFingerprintOf(files: readonly SourceFileHash[]): string {
  return sha256Hex(files.map((f) => `${f.table}:${f.sha256}`).join('\n'));
}

/** The crosswalks' content hash, as a whole and per code type (in order of first appearance). */
export function crosswalkHashes(set: CrosswalkSet, contract: MappingContract): InputHashes['crosswalks'] {
  const used = new Set(contract.tables.flatMap((t) => t.fields.flatMap((f) => (f.crosswalk ? [f.crosswalk] : []))));
  const byType = new Map<string, CrosswalkSet['entries']>();
  for (const e of set.entries) {
    const list = byType.get(e.codeType) ?? [];
    list.push(e);
    byType.set(e.codeType, list);
  }
  return {
    sha256: crosswalkHash(set),
    entries: set.entries.length,
    codeTypes: [...byType].map(([codeType, entries]) => ({
      codeType,
      entries: entries.length,
      approved: entries.filter((e) => e.status === 'approved').length,
      usedByContract: used.has(codeType),
      sha256: sha256Hex(canonicalJson(entries)),
    })),
  };
}

/** The hashes of everything a load read besides the rows' order: source files, crosswalks and contract. */
export function buildInputHashes(input: {
  sourceFiles: SourceFileHash[];
  crosswalks: CrosswalkSet;
  contract: MappingContract;
}): InputHashes {
  const { contract } = input;
  return {
    version: 1,
    source: { fingerprint: sourceFingerprintOf(input.sourceFiles), files: input.sourceFiles },
    crosswalks: crosswalkHashes(input.crosswalks, contract),
    contract: { name: contract.name, label: contract.label, hash: contractHash(contract) },
  };
}
