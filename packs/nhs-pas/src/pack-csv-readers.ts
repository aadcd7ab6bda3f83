import { readFile } from 'node:fs/promises';
import {
  type Catalog,
  type CatalogTable,
  type CrosswalkSet,
  catalogColumnSchema,
  catalogCsvHeader,
  crosswalkCsvHeader,
  crosswalkEntrySchema,
  FerryError,
  type FerryErrorCode,
  parseCsvTextRecords,
} from '@ferry/core';

/*
 * Readers for the pack's catalog and crosswalk CSV files, built on core's CSV parser and models.
 * Core is getting its own `readCatalogCsv` / `readCrosswalkCsv`; when they land the pack loader switches to them.
 */

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', 'pack file cannot be read', { file: path }, { cause: e });
  }
}

/** Rows of a CSV file as objects keyed by header name, with their line numbers; checks the required header. */
function csvObjects(text: string, file: string, required: readonly string[], code: FerryErrorCode) {
  const records = parseCsvTextRecords(text, file);
  const header = records[0]?.fields ?? [];
  for (const name of required) {
    if (!header.includes(name))
      throw new FerryError(code, `header has no ${name} column`, { file, line: 1, field: name });
  }
  return records
    .slice(1)
    .filter((r) => !(r.fields.length === 1 && r.fields[0] === ''))
    .map((r) => {
      if (r.fields.length !== header.length) {
        throw new FerryError(code, `row has ${r.fields.length} fields, header has ${header.length}`, {
          file,
          line: r.line,
        });
      }
      return { line: r.line, get: (name: string) => r.fields[header.indexOf(name)] ?? '' };
    });
}

function flag(value: string, file: string, line: number, field: string, whenBlank: boolean): boolean {
  const v = value.trim().toLowerCase();
  if (v === '') return whenBlank;
  if (v === 'true' || v === 'y') return true;
  if (v === 'false' || v === 'n') return false;
  throw new FerryError('FERRY_ERR_CATALOG_INVALID', `${field} must be true or false`, { file, line, field });
}

/**
 * Reads a catalog CSV (`table_name,column_name,data_type,max_length,nullable,primary_key,references,description`
 * plus optional `code_type,in_scope`) into a catalog, tables in file order.
 */
export async function readPackCatalog(path: string, name: string): Promise<Catalog> {
  const tables = new Map<string, CatalogTable>();
  for (const row of csvObjects(await readText(path), path, catalogCsvHeader, 'FERRY_ERR_CATALOG_INVALID')) {
    const tableName = row.get('table_name');
    const maxLength = row.get('max_length');
    const parsed = catalogColumnSchema.safeParse({
      name: row.get('column_name'),
      dataType: row.get('data_type'),
      maxLength: maxLength === '' ? undefined : Number(maxLength),
      nullable: flag(row.get('nullable'), path, row.line, 'nullable', true),
      primaryKey: flag(row.get('primary_key'), path, row.line, 'primary_key', false),
      references: row.get('references') || undefined,
      description: row.get('description'),
      codeType: row.get('code_type') || undefined,
    });
    if (!tableName || !parsed.success) {
      const field = parsed.success ? 'table_name' : String(parsed.error.issues[0]?.path[0] ?? '');
      throw new FerryError('FERRY_ERR_CATALOG_INVALID', `invalid catalog row (${field})`, {
        file: path,
        line: row.line,
        field,
      });
    }
    let table = tables.get(tableName);
    if (!table) {
      table = { name: tableName, inScope: flag(row.get('in_scope'), path, row.line, 'in_scope', true), columns: [] };
      tables.set(tableName, table);
    }
    table.columns.push(parsed.data);
  }
  return { version: 1, name, tables: [...tables.values()] };
}

/** Reads a crosswalk CSV (`code_type,source_code,source_label,target_code,target_label,equivalence,status`). */
export async function readPackCrosswalks(path: string): Promise<CrosswalkSet> {
  const entries = csvObjects(await readText(path), path, crosswalkCsvHeader, 'FERRY_ERR_CROSSWALK_INVALID').map(
    (row) => {
      const parsed = crosswalkEntrySchema.safeParse({
        codeType: row.get('code_type'),
        sourceCode: row.get('source_code'),
        sourceLabel: row.get('source_label'),
        targetCode: row.get('target_code'),
        targetLabel: row.get('target_label'),
        equivalence: row.get('equivalence') || undefined,
        status: row.get('status') || undefined,
      });
      if (!parsed.success) {
        const field = String(parsed.error.issues[0]?.path[0] ?? '');
        throw new FerryError('FERRY_ERR_CROSSWALK_INVALID', `invalid crosswalk row (${field})`, {
          file: path,
          line: row.line,
          field,
        });
      }
      return parsed.data;
    },
  );
  return { version: 1, entries };
}
