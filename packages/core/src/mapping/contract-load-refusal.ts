import type { ContractRowLines } from '../contract/contract-csv-parser.js';
import type { MappingContract } from '../contract/contract-model.js';
import { FerryError } from '../errors.js';
import type { ContractLoadFinding } from './contract-load-finding.js';
import { type ContractLoadInputs, validateContractForLoad } from './contract-validator.js';

/**
 * True for a finding that stops a load: an error other than NOT_APPROVED (approvals are the release gate's business,
 * so that a draft can be rehearsed in development).
 */
export function blocksLoad(f: ContractLoadFinding): boolean {
  return f.severity === 'error' && f.code !== 'NOT_APPROVED';
}

/**
 * One finding for a person, naming the contract row to fix: `contract.csv:12 LOAD_PMI.SURNAME: MANDATORY_UNMAPPED
 * ...` when the contract came from a CSV file (a table-level finding, or a target column with no row, names the
 * table's first line), else `LOAD_PMI.SURNAME: ...`.
 *
 * @example
 * formatContractFinding({ severity: 'error', table: 'LOAD_PMI', field: 'SEX', code: 'SOURCE_COLUMN_UNKNOWN',
 *   message: 'source column Gender is not a column of Patient' }, { file: 'c.csv', lines: new Map([['LOAD_PMI.SEX', 9]]) })
 * // => 'c.csv:9 LOAD_PMI.SEX: SOURCE_COLUMN_UNKNOWN source column Gender is not a column of Patient'
 */
export function formatContractFinding(f: ContractLoadFinding, rows?: ContractRowLines): string {
  const name = f.field !== undefined ? `${f.table}.${f.field}` : f.table;
  const line = rows && (rows.lines.get(name) ?? rows.lines.get(f.table));
  const where = rows ? (line !== undefined ? `${rows.file}:${line} ` : `${rows.file} `) : '';
  return `${where}${name}: ${f.code} ${f.message}`;
}

/** At most this many reasons are listed in the error; the count says how many there are. */
const listedReasons = 50;

/**
 * Validates a contract for a load ({@link validateContractForLoad}) and refuses one that cannot load with a
 * FERRY_ERR_CONTRACT_INVALID error listing every blocking reason ({@link blocksLoad}), each naming the row to fix:
 * unmapped mandatory target fields and keys, unknown source tables, keys and columns, type conflicts, unknown
 * transforms and crosswalks. Returns the findings that do not block (warnings, approvals) for the caller to show.
 *
 * @example
 * const notes = assertContractLoadable(contract, { sourceCatalog, targetCatalog, crosswalkCodeTypes }, rows);
 */
export function assertContractLoadable(
  contract: MappingContract,
  inputs: ContractLoadInputs,
  rows?: ContractRowLines,
): ContractLoadFinding[] {
  const findings = validateContractForLoad(contract, inputs);
  const errors = findings.filter(blocksLoad);
  if (errors.length > 0) {
    const list = errors.slice(0, listedReasons).map((f) => `  ${formatContractFinding(f, rows)}`);
    if (errors.length > listedReasons) list.push(`  ... and ${errors.length - listedReasons} more`);
    throw new FerryError(
      'FERRY_ERR_CONTRACT_INVALID',
      `The contract cannot be loaded: ${errors.length} row(s) to fix${rows ? ` in ${rows.file}` : ''}:\n${list.join('\n')}`,
      { stage: 'map' },
    );
  }
  return findings.filter((f) => !blocksLoad(f));
}
