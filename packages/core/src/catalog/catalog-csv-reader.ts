import { basename, extname } from 'node:path';
import { isBlankCsvRecord, mapCsvHeader } from '../connectors/csv/csv-header-map.js';
import { CsvIssueList } from '../connectors/csv/csv-issue-list.js';
import { readCsvBatches } from '../connectors/csv/csv-reader.js';
import type { CsvRecord } from '../connectors/csv/csv-record.js';
import { parseCsvTextRecords } from '../connectors/csv/csv-text-parser.js';
import { unguardCsvRecord } from '../connectors/csv/csv-writer.js';
import { identifierKinds, isIdentifierKind } from '../privacy/identifier-kind.js';
import { parseBooleanFlag } from './boolean-flag.js';
import {
  type Catalog,
  type CatalogColumn,
  type CatalogTable,
  catalogCsvHeader,
  catalogCsvIdentifierHeader,
  catalogCsvOptionalHeader,
  catalogSchema,
  type DataType,
  dataTypes,
} from './catalog-model.js';

/** Options of the catalog readers. */
export interface CatalogCsvOptions {
  /** The catalog's name (default: the file name without its extension). */
  name?: string;
}

/** Where a table was first seen and what it said about scope. */
interface TableDraft {
  table: CatalogTable;
  scopeLine: number;
  columnLines: Map<string, number>;
}

const referencePattern = /^[^.\s]+(\.[^.\s]+)*\.[^.\s]+$/;

/**
 * Splits a `TABLE.COLUMN` reference at its last dot (a table name may itself hold dots, e.g. `dbo.PATIENT`).
 *
 * @example
 * splitReference('PATIENT.PAT_ID') // => { table: 'PATIENT', column: 'PAT_ID' }
 */
export function splitReference(reference: string): { table: string; column: string } | undefined {
  if (!referencePattern.test(reference)) return undefined;
  const dot = reference.lastIndexOf('.');
  return { table: reference.slice(0, dot), column: reference.slice(dot + 1) };
}

function catalogNameOf(fileName: string): string {
  const base = basename(fileName);
  return base.slice(0, base.length - extname(base).length) || base;
}

/**
 * Builds a catalog from the records of a catalog CSV file (header first), validating every row.
 * All problems (up to 50) are reported together in one FERRY_ERR_CATALOG_INVALID error, one per line:
 * missing or unknown header columns, ragged rows, blank names, unknown data_type, bad max_length or flag,
 * a nullable primary key, malformed or dangling references, duplicate columns and a table whose rows
 * disagree on in_scope.
 *
 * Blank cells: max_length, references and code_type mean none; primary_key means false; nullable means
 * "not a primary key"; in_scope means true. The description is kept exactly as written.
 */
export function catalogFromCsvRecords(
  guardedRecords: CsvRecord[],
  fileName: string,
  options: CatalogCsvOptions = {},
): Catalog {
  const records = guardedRecords.map(unguardCsvRecord);
  const issues = new CsvIssueList(fileName);
  const name = options.name ?? catalogNameOf(fileName);
  const header = records[0];
  if (!header) {
    issues.add(undefined, undefined, `the file is empty; expected the header ${catalogCsvHeader.join(',')}`);
    throw issues.toError('FERRY_ERR_CATALOG_INVALID', 'catalog');
  }
  const columns = mapCsvHeader(
    header,
    catalogCsvHeader,
    [...catalogCsvOptionalHeader, catalogCsvIdentifierHeader],
    issues,
  );
  if (catalogCsvHeader.some((h) => !columns.has(h))) throw issues.toError('FERRY_ERR_CATALOG_INVALID', 'catalog');

  const tables = new Map<string, TableDraft>();
  const references: Array<{ line: number; reference: string }> = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (isBlankCsvRecord(record)) continue;
    if (record.fields.length !== header.fields.length) {
      issues.add(
        record.line,
        undefined,
        `record has ${record.fields.length} fields, header has ${header.fields.length}`,
      );
      continue;
    }
    const cell = (col: string): string => {
      const i = columns.get(col);
      return i === undefined ? '' : record.fields[i]!;
    };
    const line = record.line;
    const before = issues.count;

    const tableName = cell('table_name').trim();
    const columnName = cell('column_name').trim();
    if (!tableName) issues.add(line, 'table_name', 'is blank');
    if (!columnName) issues.add(line, 'column_name', 'is blank');

    const rawType = cell('data_type').trim().toLowerCase();
    if (!(dataTypes as readonly string[]).includes(rawType)) {
      issues.add(
        line,
        'data_type',
        `unknown data type '${cell('data_type')}' (expected one of ${dataTypes.join(', ')})`,
      );
    }

    const rawLength = cell('max_length').trim();
    let maxLength: number | undefined;
    if (rawLength) {
      maxLength = /^\d+$/.test(rawLength) ? Number(rawLength) : Number.NaN;
      if (!Number.isSafeInteger(maxLength) || maxLength <= 0) {
        issues.add(line, 'max_length', `'${rawLength}' is not a positive whole number`);
      }
    }

    const flag = (col: string, blank: boolean | undefined): boolean | undefined => {
      const raw = cell(col);
      if (!raw.trim()) return blank;
      const v = parseBooleanFlag(raw);
      if (v === undefined) issues.add(line, col, `'${raw}' is not a yes/no value (true/false, yes/no, y/n, 1/0)`);
      return v;
    };
    const primaryKey = flag('primary_key', false) ?? false;
    const nullable = flag('nullable', !primaryKey) ?? !primaryKey;
    if (primaryKey && nullable) issues.add(line, 'nullable', 'a primary key column cannot be nullable');
    const inScope = flag('in_scope', true) ?? true;

    const reference = cell('references').trim();
    if (reference) {
      if (!splitReference(reference)) issues.add(line, 'references', `'${reference}' is not of the form TABLE.COLUMN`);
      else references.push({ line, reference });
    }
    if (issues.count > before) continue;

    let draft = tables.get(tableName);
    if (!draft) {
      draft = { table: { name: tableName, inScope, columns: [] }, scopeLine: line, columnLines: new Map() };
      tables.set(tableName, draft);
    } else if (draft.table.inScope !== inScope) {
      issues.add(
        line,
        'in_scope',
        `table ${tableName} is in_scope=${inScope} here but ${draft.table.inScope} on line ${draft.scopeLine}; all rows of a table must agree`,
      );
      continue;
    }
    const firstLine = draft.columnLines.get(columnName);
    if (firstLine !== undefined) {
      issues.add(line, 'column_name', `column ${tableName}.${columnName} is already defined on line ${firstLine}`);
      continue;
    }
    draft.columnLines.set(columnName, line);
    const column: CatalogColumn = {
      name: columnName,
      dataType: rawType as DataType,
      nullable,
      primaryKey,
      description: cell('description'),
    };
    if (maxLength !== undefined) column.maxLength = maxLength;
    if (reference) column.references = reference;
    const codeType = cell('code_type').trim();
    if (codeType) column.codeType = codeType;
    const identifier = cell(catalogCsvIdentifierHeader).trim().toLowerCase();
    if (identifier) {
      if (isIdentifierKind(identifier)) column.identifier = identifier;
      else issues.add(line, 'identifier', `'${identifier}' is not an identifier kind (${identifierKinds.join(', ')})`);
    }
    draft.table.columns.push(column);
  }

  for (const { line, reference } of references) {
    const target = splitReference(reference)!;
    const table = tables.get(target.table);
    if (!table) issues.add(line, 'references', `refers to table ${target.table}, which is not in the catalog`);
    else if (!table.columnLines.has(target.column)) {
      issues.add(line, 'references', `refers to column ${target.column}, which table ${target.table} does not have`);
    }
  }
  issues.throwIfAny('FERRY_ERR_CATALOG_INVALID', 'catalog');
  return catalogSchema.parse({ version: 1, name, tables: [...tables.values()].map((d) => d.table) });
}

/**
 * Parses catalog CSV text (header `table_name,column_name,data_type,max_length,nullable,primary_key,
 * references,description` with optional `code_type,in_scope`). See {@link catalogFromCsvRecords} for the rules.
 *
 * @example
 * const catalog = parseCatalogCsv(await readFile('target.csv', 'utf8'), 'target.csv');
 */
export function parseCatalogCsv(text: string, fileName: string, options: CatalogCsvOptions = {}): Catalog {
  return catalogFromCsvRecords(parseCsvTextRecords(text, fileName), fileName, options);
}

/**
 * Reads and validates a catalog CSV file (UTF-8 or a legacy encoding, detected).
 *
 * @example
 * const catalog = await readCatalogCsv('packs/nhs-pas/catalog/target.csv');
 * catalogSize(catalog); // { tables: 38, fields: 869, inScopeTables: 38 }
 */
export async function readCatalogCsv(path: string, options: CatalogCsvOptions = {}): Promise<Catalog> {
  const records: CsvRecord[] = [];
  for await (const batch of readCsvBatches(path)) records.push(...batch);
  return catalogFromCsvRecords(records, path, { name: options.name ?? catalogNameOf(path) });
}
