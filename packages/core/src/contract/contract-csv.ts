import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatCsvRow } from '../connectors/csv/csv-writer.js';
import { formatYesNo, joinCsvList } from './contract-csv-cells.js';
import type { MappingContract } from './contract-model.js';

/** Row-level columns of a contract exported for review in a spreadsheet: one row per target field. */
export const contractCsvRowHeader = [
  'target_table',
  'target_column',
  'source_table',
  'source_columns',
  'combine',
  'separator',
  'constant',
  'transform',
  'source_format',
  'crosswalk',
  'mandatory',
  'on_invalid',
  'default_development',
  'default_pre_production',
  'status',
  'owner',
  'reviewer',
  'reviewed_at',
  'equivalence',
  'notes',
] as const;

/**
 * Table-level and contract-level columns, repeated on every row of their table (like `source_table`): every row
 * carries its context, so a spreadsheet can filter by domain, and an import checks that a table's rows agree.
 */
export const contractCsvContextHeader = [
  'domain',
  'source_key',
  'target_key',
  'parents',
  'natural_key',
  'out_of_scope',
  'contract_name',
  'contract_label',
  'source_system',
  'target_system',
  'contract_locked',
] as const;

/** Columns a contract CSV may lack: files written before they existed still import (blank cells). */
export const contractCsvOptionalColumns = ['source_format'] as const;

/** Header of a contract CSV: the row columns, then the context columns. */
export const contractCsvHeader = [...contractCsvRowHeader, ...contractCsvContextHeader] as const;

/**
 * A contract as CSV, in load order: people review it in a spreadsheet, and it goes into the evidence package.
 * Nothing is lost: `parseContractCsv(formatContractCsv(c))` has the same `contractHash` as `c` (an optional text
 * attribute set to the empty string reads back as absent, which means the same to the engine).
 *
 * Cells: lists (source columns, transform steps, source key, natural key) are `|`-separated; `parents` is
 * `FIELD>TABLE|...`; `out_of_scope` is the scope filter as JSON; `mandatory` and `contract_locked` are Y/N.
 *
 * @example
 * formatContractCsv(contract).split('\n')[1] // => 'LOAD_STAFF,RECORD_NUMBER,STAFF,STAFF_ID,coalesce, ,,integer,,Y,reject,...'
 */
export function formatContractCsv(contract: MappingContract): string {
  let out = formatCsvRow(contractCsvHeader);
  for (const t of contract.tables) {
    const context = [
      t.domain,
      joinCsvList(t.sourceKey),
      t.targetKey,
      joinCsvList(t.parents.map((p) => `${p.field}>${p.table}`)),
      t.naturalKey ? joinCsvList(t.naturalKey) : '',
      t.outOfScope
        ? JSON.stringify({
            column: t.outOfScope.column,
            outOfScopeValues: t.outOfScope.outOfScopeValues,
            reason: t.outOfScope.reason,
          })
        : '',
      contract.name,
      contract.label,
      contract.sourceSystem,
      contract.targetSystem,
      formatYesNo(contract.locked),
    ];
    for (const f of t.fields) {
      out += formatCsvRow([
        t.target,
        f.target,
        t.source,
        joinCsvList(f.source),
        f.combine,
        f.separator,
        f.constant ?? '',
        joinCsvList(f.transform),
        f.sourceFormat ? joinCsvList(f.sourceFormat) : '',
        f.crosswalk ?? '',
        formatYesNo(f.mandatory),
        f.onInvalid,
        f.defaults.development ?? '',
        f.defaults.pre_production ?? '',
        f.status,
        f.owner ?? '',
        f.reviewer ?? '',
        f.reviewedAt ?? '',
        f.equivalence ?? '',
        f.notes ?? '',
        ...context,
      ]);
    }
  }
  return out;
}

/** Writes a contract CSV file (creating its folder). */
export async function writeContractCsv(contract: MappingContract, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, formatContractCsv(contract), 'utf8');
}
