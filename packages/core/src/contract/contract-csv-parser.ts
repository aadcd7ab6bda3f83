import { isBlankCsvRecord, mapCsvHeader } from '../connectors/csv/csv-header-map.js';
import { CsvIssueList } from '../connectors/csv/csv-issue-list.js';
import { readCsvBatches } from '../connectors/csv/csv-reader.js';
import type { CsvRecord } from '../connectors/csv/csv-record.js';
import { parseCsvTextRecords } from '../connectors/csv/csv-text-parser.js';
import { unguardCsvRecord } from '../connectors/csv/csv-writer.js';
import { canonicalJson } from './canonical-json.js';
import { contractCsvContextHeader, contractCsvHeader, contractCsvOptionalColumns } from './contract-csv.js';
import { parseYesNo, splitCsvList } from './contract-csv-cells.js';
import { parseContractCsvRow } from './contract-csv-row.js';
import {
  type ContractField,
  type ContractTable,
  type MappingContract,
  mappingContractSchema,
  scopeFilterSchema,
} from './contract-model.js';

/** A table being assembled from its rows: its context (first row) and the line of each field. */
interface TableDraft {
  table: Omit<ContractTable, 'fields'>;
  contextKey: string;
  firstLine: number;
  firstRecord: CsvRecord;
  fields: ContractField[];
  lines: number[];
}

type Cell = (column: string) => string;

function list(cell: string): string[] {
  return splitCsvList(cell).map((s) => s.trim());
}

/** Table-level attributes of one row; problems go to `issues`. */
function tableContext(cell: Cell, line: number, issues: CsvIssueList): Omit<ContractTable, 'fields'> {
  const table: Omit<ContractTable, 'fields'> = {
    target: cell('target_table').trim(),
    source: cell('source_table').trim(),
    sourceKey: list(cell('source_key')),
    targetKey: cell('target_key').trim(),
    parents: [],
    domain: cell('domain').trim(),
  };
  if (!table.source) issues.add(line, 'source_table', 'is blank');
  if (table.sourceKey.length === 0 || table.sourceKey.some((k) => !k))
    issues.add(line, 'source_key', 'needs one or more column names');
  if (!table.targetKey) issues.add(line, 'target_key', 'is blank');
  if (!table.domain) issues.add(line, 'domain', 'is blank');
  for (const p of list(cell('parents'))) {
    const [field, parent, extra] = p.split('>').map((s) => s.trim());
    if (!field || !parent || extra !== undefined) issues.add(line, 'parents', `'${p}' is not FIELD>TABLE`);
    else table.parents.push({ field, table: parent });
  }
  const naturalKey = list(cell('natural_key'));
  if (naturalKey.length > 0) table.naturalKey = naturalKey;
  const scope = cell('out_of_scope').trim();
  if (scope) {
    let json: unknown;
    try {
      json = JSON.parse(scope);
    } catch {
      json = undefined;
    }
    const parsed = scopeFilterSchema.strict().safeParse(json);
    if (parsed.success) table.outOfScope = parsed.data;
    else issues.add(line, 'out_of_scope', 'is not JSON {"column": ..., "outOfScopeValues": [...], "reason": ...}');
  }
  return table;
}

/** Contract-level attributes of one row. */
function contractContext(cell: Cell, line: number, issues: CsvIssueList): Omit<MappingContract, 'tables'> {
  const locked = parseYesNo(cell('contract_locked'));
  if (locked === undefined) issues.add(line, 'contract_locked', `'${cell('contract_locked')}' is not Y or N`);
  return {
    version: 1,
    name: cell('contract_name').trim(),
    label: cell('contract_label').trim(),
    sourceSystem: cell('source_system').trim(),
    targetSystem: cell('target_system').trim(),
    locked: locked ?? false,
  };
}

/** Maps a schema issue's path (tables.i.fields.j...) back to the CSV line it came from. */
function lineOfPath(path: readonly PropertyKey[], drafts: TableDraft[]): number | undefined {
  const t = typeof path[1] === 'number' ? drafts[path[1]] : undefined;
  if (!t) return drafts[0]?.firstLine;
  return path[2] === 'fields' && typeof path[3] === 'number' ? t.lines[path[3]] : t.firstLine;
}

/**
 * Builds a contract from the records of a contract CSV (header first), the inverse of `formatContractCsv`.
 * Tables are in the order they first appear, fields in file order. Every problem (up to 50) is reported in one
 * FERRY_ERR_CONTRACT_INVALID error naming file, line and field: unknown values, unknown transform steps, a reviewed,
 * approved or rejected row without reviewer or time, a repeated target column, rows of one table (or of the
 * contract) that disagree on a table-level (contract-level) column, and anything the contract schema refuses.
 */
export function contractFromCsvRecords(records: CsvRecord[], fileName: string): MappingContract {
  return locatedContractFromCsvRecords(records, fileName).contract;
}

/**
 * Where each row of a contract read from CSV is: `TABLE.FIELD` (target table and column) -> line, and `TABLE` -> the
 * line of the table's first row. Findings about a contract name these lines, so an analyst knows which row to fix.
 */
export interface ContractRowLines {
  file: string;
  lines: ReadonlyMap<string, number>;
}

/** A contract read from CSV, with where its rows are. */
export interface LocatedContract {
  contract: MappingContract;
  rows: ContractRowLines;
}

function locatedContractFromCsvRecords(guardedRecords: CsvRecord[], fileName: string): LocatedContract {
  const records = guardedRecords.map(unguardCsvRecord);
  const issues = new CsvIssueList(fileName);
  const header = records[0];
  if (!header) {
    issues.add(undefined, undefined, `the file is empty; expected the header ${contractCsvHeader.join(',')}`);
    throw issues.toError('FERRY_ERR_CONTRACT_INVALID', 'contract');
  }
  const optional: readonly string[] = contractCsvOptionalColumns;
  const required = contractCsvHeader.filter((c) => !optional.includes(c));
  const columns = mapCsvHeader(header, required, optional, issues);
  if (issues.count > 0) throw issues.toError('FERRY_ERR_CONTRACT_INVALID', 'contract');

  const tables = new Map<string, TableDraft>();
  const seen = new Map<string, number>();
  let contract: { attrs: Omit<MappingContract, 'tables'>; key: string } | undefined;
  let rows = 0;
  for (const record of records.slice(1)) {
    if (isBlankCsvRecord(record)) continue;
    const line = record.line;
    if (record.fields.length !== header.fields.length) {
      issues.add(line, undefined, `record has ${record.fields.length} fields, header has ${header.fields.length}`);
      continue;
    }
    rows++;
    const cell: Cell = (col) => {
      const at = columns.get(col);
      return at === undefined ? '' : record.fields[at]!;
    };
    const before = issues.count;
    const field = parseContractCsvRow(cell, line, issues);
    const table = tableContext(cell, line, issues);
    const attrs = contractContext(cell, line, issues);
    if (!table.target) issues.add(line, 'target_table', 'is blank');
    if (issues.count > before) continue;

    const key = `${table.target}\u0000${field.target}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.add(line, 'target_column', `${table.target}.${field.target} is already on line ${first}`);
      continue;
    }
    seen.set(key, line);
    const contractKey = canonicalJson(attrs);
    if (!contract) contract = { attrs, key: contractKey };
    else if (contract.key !== contractKey) {
      issues.add(
        line,
        'contract_label',
        'contract-level columns (contract_name .. contract_locked) differ from the first row',
      );
    }
    const contextKey = canonicalJson(table);
    const draft = tables.get(table.target);
    if (!draft) {
      tables.set(table.target, {
        table,
        contextKey,
        firstLine: line,
        firstRecord: record,
        fields: [field],
        lines: [line],
      });
    } else if (draft.contextKey !== contextKey) {
      const tableColumns = ['source_table', ...contractCsvContextHeader.slice(0, 6)];
      const differing = tableColumns.find((c) => cell(c).trim() !== draft.firstRecord.fields[columns.get(c)!]!.trim());
      issues.add(
        line,
        differing ?? 'source_table',
        `table-level value differs from the table's first row (line ${draft.firstLine})`,
      );
    } else {
      draft.fields.push(field);
      draft.lines.push(line);
    }
  }
  if (rows === 0 && issues.count === 0) issues.add(undefined, undefined, 'the file has a header but no rows');
  issues.throwIfAny('FERRY_ERR_CONTRACT_INVALID', 'contract');

  const drafts = [...tables.values()];
  const candidate = { ...contract!.attrs, tables: drafts.map((d) => ({ ...d.table, fields: d.fields })) };
  const parsed = mappingContractSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      issues.add(lineOfPath(issue.path, drafts), issue.path.slice(-1).join(''), issue.message);
    throw issues.toError('FERRY_ERR_CONTRACT_INVALID', 'contract');
  }
  const lines = new Map<string, number>();
  for (const d of drafts) {
    lines.set(d.table.target, d.firstLine);
    for (const [i, f] of d.fields.entries()) lines.set(`${d.table.target}.${f.target}`, d.lines[i]!);
  }
  return { contract: parsed.data, rows: { file: fileName, lines } };
}

/**
 * Parses contract CSV text (see `formatContractCsv` for the columns).
 *
 * @example
 * const back = parseContractCsv(formatContractCsv(contract), 'contract.csv');
 * contractHash(back) === contractHash(contract) // => true
 */
export function parseContractCsv(text: string, fileName: string): MappingContract {
  return contractFromCsvRecords(parseCsvTextRecords(text, fileName), fileName);
}

/** Parses contract CSV text and where each of its rows is (see {@link ContractRowLines}). */
export function parseLocatedContractCsv(text: string, fileName: string): LocatedContract {
  return locatedContractFromCsvRecords(parseCsvTextRecords(text, fileName), fileName);
}

/** Reads and validates a contract CSV file (UTF-8 or a legacy encoding, detected). */
export async function readContractCsv(path: string): Promise<MappingContract> {
  return (await readLocatedContractCsv(path)).contract;
}

/**
 * Reads a contract CSV file and where each of its rows is (see {@link ContractRowLines}).
 *
 * @example
 * const { contract, rows } = await readLocatedContractCsv('contract.csv');
 * rows.lines.get('LOAD_PMI.SURNAME') // => 9
 */
export async function readLocatedContractCsv(path: string): Promise<LocatedContract> {
  const records: CsvRecord[] = [];
  for await (const batch of readCsvBatches(path)) records.push(...batch);
  return locatedContractFromCsvRecords(records, path);
}
