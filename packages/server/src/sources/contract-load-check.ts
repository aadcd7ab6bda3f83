import {
  blocksLoad,
  FerryError,
  type FerryErrorIssue,
  formatContractCsv,
  type MappingContract,
  validateContractForLoad,
} from '@ferry/core';
import { contractCsvLines } from '../contracts/contract-csv-lines.js';
import type { ContractCheckInputs } from '../contracts/contract-load-guard.js';

/** The file name the lines of a refusal refer to: the contract CSV as `GET .../contract?format=csv` exports it. */
export const exportedContractFile = 'contract.csv';

/** At most this many reasons are listed in the message; the issues list every one. */
const listedReasons = 20;

/**
 * Refuses a contract that cannot load against the project's catalogs before a run is queued: a
 * FERRY_ERR_CONTRACT_INVALID (400) listing every blocking reason (core's `blocksLoad`: unmapped mandatory target
 * fields and keys, unknown source tables, keys and columns, type conflicts, unknown steps and crosswalks; approvals
 * are the gate's business), each an issue naming the row, the CSV attribute's line in the exported contract CSV, and
 * the code. The same check the lifecycle makes when it starts, made where the person who started the run sees it.
 */
export function assertContractLoadsForRun(
  contract: MappingContract,
  inputs: ContractCheckInputs,
  version: { hash: string },
): void {
  const errors = validateContractForLoad(contract, inputs).filter(blocksLoad);
  if (errors.length === 0) return;
  const lineOf = contractCsvLines(formatContractCsv(contract), exportedContractFile);
  const issues: FerryErrorIssue[] = errors.map((f) => {
    const line = lineOf(f.table, f.field);
    return {
      ...(line !== undefined ? { line } : {}),
      table: f.table,
      ...(f.field !== undefined ? { column: f.field } : {}),
      message: `${f.code}: ${f.message}`,
    };
  });
  const listed = issues
    .slice(0, listedReasons)
    .map(
      (i) =>
        `${i.line !== undefined ? `line ${i.line} ` : ''}${i.table}${i.column ? `.${i.column}` : ''}: ${i.message}`,
    );
  throw new FerryError(
    'FERRY_ERR_CONTRACT_INVALID',
    `The project's contract (version ${version.hash.slice(0, 12)}) cannot be loaded: ${issues.length} row(s) to fix ` +
      `(lines of the contract CSV): ${listed.join('; ')}${issues.length > listedReasons ? '; ...' : ''}`,
    { errors: issues.length },
    { issues },
  );
}
