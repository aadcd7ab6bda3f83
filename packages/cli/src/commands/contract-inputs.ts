import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import {
  type ContractRowFilter,
  type ContractRowLines,
  ContractStore,
  FerryError,
  type MappingContract,
  type ReviewStatus,
  readContractCsv,
  readContractFile,
  readLocatedContractCsv,
  reviewStatuses,
} from '@ferry/core';
import { loadPack } from '../packs.js';

/** Reads a contract file: JSON (`.json`) or the review CSV (anything else). */
export function readContractAny(path: string): Promise<MappingContract> {
  return extname(path).toLowerCase() === '.json' ? readContractFile(path) : readContractCsv(path);
}

/**
 * Reads a contract file (JSON, or the review CSV) and, for a CSV file, where each row is, so that a refusal can name
 * the lines to fix.
 */
export async function readContractWithRows(
  path: string,
): Promise<{ contract: MappingContract; rows?: ContractRowLines }> {
  if (extname(path).toLowerCase() === '.json') return { contract: await readContractFile(path) };
  return readLocatedContractCsv(path);
}

/**
 * A contract named on the command line: a version of `--store` (hash, hash prefix or label) when a store is given and
 * no such file exists, else a file (JSON or CSV).
 */
export async function resolveContractRef(
  ref: string,
  storeDir?: string,
): Promise<{ contract: MappingContract; from: string }> {
  if (storeDir && !existsSync(ref)) {
    const { contract, entry } = await new ContractStore(storeDir).loadVersion(ref);
    return { contract, from: `${entry.label} (${entry.hash.slice(0, 12)})` };
  }
  if (!existsSync(ref)) {
    throw new FerryError(
      'FERRY_ERR_NOT_FOUND',
      `no contract file '${ref}'${storeDir ? '' : ' (give --store DIR to name a stored version)'}`,
      {
        file: ref,
      },
    );
  }
  return { contract: await readContractAny(ref), from: ref };
}

/** Where `export` reads a contract: a pack, a file, or a stored version. */
export async function contractSource(flags: {
  pack?: string;
  contract?: string;
  store?: string;
  ref?: string;
}): Promise<MappingContract> {
  const given = [flags.pack, flags.contract, flags.ref].filter((x) => x !== undefined).length;
  if (given !== 1)
    throw new FerryError(
      'FERRY_ERR_USAGE',
      'give one of --pack NAME, --contract FILE or --ref VERSION (with --store DIR)',
    );
  if (flags.pack) return loadPack(flags.pack).contract();
  if (flags.contract) return readContractAny(flags.contract);
  if (!flags.store) throw new FerryError('FERRY_ERR_USAGE', '--ref needs --store DIR');
  return (await new ContractStore(flags.store).loadVersion(flags.ref!)).contract;
}

/** Row filter options shared by `review` and `edit`. */
export interface RowFilterFlags {
  table?: string;
  column?: string;
  currentStatus?: string;
  domain?: string;
  owner?: string;
  mandatory?: string;
  text?: string;
  all?: boolean;
}

export function reviewStatusOption(name: string, value: string): ReviewStatus {
  const s = value.trim().toLowerCase();
  if (!(reviewStatuses as readonly string[]).includes(s)) {
    throw new FerryError('FERRY_ERR_USAGE', `${name} must be one of ${reviewStatuses.join(', ')}, got '${value}'`);
  }
  return s as ReviewStatus;
}

/** The row filter the flags describe; an empty filter needs --all, so that no bulk change happens by accident. */
export function rowFilterFromFlags(flags: RowFilterFlags): ContractRowFilter {
  const filter: ContractRowFilter = {};
  if (flags.table !== undefined) filter.table = flags.table;
  if (flags.column !== undefined) filter.column = flags.column;
  if (flags.currentStatus !== undefined) {
    filter.status = flags.currentStatus.split(',').map((s) => reviewStatusOption('--current-status', s));
  }
  if (flags.domain !== undefined) filter.domain = flags.domain;
  if (flags.owner !== undefined) filter.owner = flags.owner;
  if (flags.mandatory !== undefined) {
    const m = flags.mandatory.trim().toUpperCase();
    if (m !== 'Y' && m !== 'N')
      throw new FerryError('FERRY_ERR_USAGE', `--mandatory must be Y or N, got '${flags.mandatory}'`);
    filter.mandatory = m === 'Y';
  }
  if (flags.text !== undefined) filter.text = flags.text;
  if (Object.keys(filter).length === 0 && !flags.all) {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      'select rows with --table, --column, --current-status, --domain, --owner, --mandatory or --text (or --all)',
    );
  }
  return filter;
}

/** An ISO time option, default now. */
export function timeOption(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString();
  if (
    !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/.test(value) ||
    Number.isNaN(Date.parse(value.replace(' ', 'T')))
  ) {
    throw new FerryError('FERRY_ERR_USAGE', `--at must be an ISO date or date-time, got '${value}'`);
  }
  return value;
}
