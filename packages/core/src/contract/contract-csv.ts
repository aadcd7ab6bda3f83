import { formatCsvRow } from '../connectors/csv/csv-writer.js';
import type { MappingContract } from './contract-model.js';

/** Header of a contract exported for review in a spreadsheet: one row per target field. */
export const contractCsvHeader = [
  'target_table',
  'target_column',
  'source_table',
  'source_columns',
  'combine',
  'separator',
  'constant',
  'transform',
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
 * A contract as CSV, in load order: people review it in a spreadsheet, and it goes into the evidence package.
 * Lists use `|` (source columns, transform steps).
 */
export function formatContractCsv(contract: MappingContract): string {
  let out = formatCsvRow(contractCsvHeader);
  for (const t of contract.tables) {
    for (const f of t.fields) {
      out += formatCsvRow([
        t.target,
        f.target,
        t.source,
        f.source.join('|'),
        f.combine,
        f.separator,
        f.constant ?? '',
        f.transform.join('|'),
        f.crosswalk ?? '',
        f.mandatory ? 'Y' : 'N',
        f.onInvalid,
        f.defaults.development ?? '',
        f.defaults.pre_production ?? '',
        f.status,
        f.owner ?? '',
        f.reviewer ?? '',
        f.reviewedAt ?? '',
        f.equivalence ?? '',
        f.notes ?? '',
      ]);
    }
  }
  return out;
}
