import type { FoundSourceTable } from '../catalog/catalog-source-match.js';
import type { MappingContract } from '../contract/contract-model.js';
import { FerryError } from '../errors.js';

/** What a source tells about its layout: its tables and each one's header. */
export interface SourceLayout {
  tables(): string[];
  header(table: string): Promise<string[]>;
}

/** The tables of a source and their columns, as {@link sourceContractGaps} compares them. */
export async function sourceTablesOf(source: SourceLayout): Promise<FoundSourceTable[]> {
  return Promise.all(source.tables().map(async (name) => ({ name, columns: await source.header(name) })));
}

/** At most this many gaps are listed; the count says how many there are. */
const listedGaps = 20;

/**
 * What a contract reads that a source does not hold: each source table it reads that is missing (`table STAFF (for
 * LOAD_STAFF)`), and each column of a table that is there (`column PATIENT.SEX (for LOAD_PMI.SEX)`): source columns,
 * source keys and scope columns. Names are compared exactly, as the load compares them.
 *
 * @example
 * sourceContractGaps(packContract, [{ name: 'Patient', columns: ['PatientId'] }])[0] // => 'table STAFF (for LOAD_STAFF)'
 */
export function sourceContractGaps(contract: MappingContract, found: readonly FoundSourceTable[]): string[] {
  const tables = new Map(found.map((t) => [t.name, new Set(t.columns)]));
  const gaps: string[] = [];
  for (const t of contract.tables) {
    const columns = tables.get(t.source);
    if (!columns) {
      gaps.push(`table ${t.source} (for ${t.target})`);
      continue;
    }
    const need = (column: string, forWhat: string) => {
      if (!columns.has(column)) gaps.push(`column ${t.source}.${column} (for ${forWhat})`);
    };
    for (const k of t.sourceKey) need(k, `${t.target} source key`);
    if (t.outOfScope) need(t.outOfScope.column, `${t.target} scope filter`);
    for (const f of t.fields) for (const s of f.source) need(s, `${t.target}.${f.target}`);
  }
  return [...new Set(gaps)];
}

/**
 * Refuses, before anything runs, a source that does not hold what the contract reads, listing every gap: the usual
 * cause is a team's own extract run with a pack's contract, which is written for the pack's own source layout.
 * FERRY_ERR_INPUT (exit 2).
 */
export function assertSourceFitsContract(contract: MappingContract, found: readonly FoundSourceTable[]): void {
  const gaps = sourceContractGaps(contract, found);
  if (gaps.length === 0) return;
  const list = gaps.slice(0, listedGaps).map((g) => `  ${g}`);
  if (gaps.length > listedGaps) list.push(`  ... and ${gaps.length - listedGaps} more`);
  throw new FerryError(
    'FERRY_ERR_INPUT',
    `The source does not hold what contract ${contract.name} reads (${gaps.length} missing):\n${list.join('\n')}\n` +
      'A source in its own layout needs its own source catalog and contract: draft the catalog from the source, ' +
      'map it to the target into a draft contract, review it, and run with both.',
    { stage: 'profile' },
  );
}
