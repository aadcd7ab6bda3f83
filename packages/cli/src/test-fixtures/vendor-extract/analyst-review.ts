import { readFile, writeFile } from 'node:fs/promises';
import { formatCsvRow, parseCsvTextRecords } from '@ferry/core';

/** One row of a contract CSV, by column name. */
export type ContractRow = Record<string, string>;

/** Reads a contract CSV as a spreadsheet would show it. */
export async function readContractRows(file: string): Promise<ContractRow[]> {
  const [header, ...records] = parseCsvTextRecords(await readFile(file, 'utf8'), file);
  return records.map((r) => Object.fromEntries(header!.fields.map((h, i) => [h, r.fields[i] ?? ''])));
}

/** Saves rows as a contract CSV, in the order given. */
export async function writeContractRows(file: string, rows: ContractRow[]): Promise<void> {
  const header = Object.keys(rows[0]!);
  await writeFile(file, [formatCsvRow(header), ...rows.map((r) => formatCsvRow(header.map((h) => r[h]!)))].join(''));
}

/** The contract tables the analyst keeps: what the extract holds. */
const keptTables: Record<string, string> = { LOAD_PMI: 'PMI', LOAD_PMIADDRS: 'PMI', LOAD_ADT_ADMISSIONS: 'ADT' };

/** The analyst's decisions on the rows the suggestion got wrong (or left empty): target table.column -> row cells. */
export const fixes: Record<string, ContractRow> = {
  'LOAD_PMIADDRS.ADDRESS_LINE1': { source_columns: 'Street', transform: 'trim' },
  'LOAD_PMIADDRS.ADDRESS_LINE2': { source_columns: 'Locality', transform: 'trim' },
  'LOAD_PMIADDRS.ADDRESS_LINE4': { source_columns: 'Town', transform: 'trim' },
  'LOAD_PMIADDRS.ADDRESS_LINE5': { source_columns: 'County', transform: 'trim' },
  'LOAD_ADT_ADMISSIONS.MAIN_CRN': { source_columns: 'HospitalNumber', transform: 'trim' },
  'LOAD_ADT_ADMISSIONS.SPELL_NUMBER': { source_columns: 'StayNumber', transform: 'trim' },
  'LOAD_ADT_ADMISSIONS.EXPECTED_DISCHARGE_DATE': { source_columns: '', transform: '' },
  'LOAD_ADT_ADMISSIONS.TREATMENT_FUNCTION': {
    source_columns: 'Specialty',
    transform: 'trim|upper',
    crosswalk: 'treatment_function',
  },
};

/**
 * What an analyst does with the draft in a spreadsheet: drops the tables the extract does not hold, fixes the rows
 * above, removes the waiting-list link the extract has no column for, sets each table's domain, and approves.
 */
export function reviewDraft(rows: ContractRow[]): ContractRow[] {
  return rows
    .filter((r) => keptTables[r.target_table!] !== undefined)
    .map((r) => {
      const fixed: ContractRow = { ...r, ...fixes[`${r.target_table}.${r.target_column}`] };
      if (r.target_table === 'LOAD_ADT_ADMISSIONS') fixed.parents = 'LOADPMI_RECORD_NUMBER>LOAD_PMI';
      return {
        ...fixed,
        domain: keptTables[r.target_table!]!,
        status: 'approved',
        reviewer: 'a.analyst',
        reviewed_at: '2026-11-02T10:00:00Z',
      };
    });
}
