import { type Catalog, type CatalogColumn, type CatalogTable, findTable } from '../catalog/catalog-model.js';
import type { ContractField, ContractTable, MappingContract } from '../contract/contract-model.js';
import { isKnownStep } from '../transform/transform-steps.js';
import type { ContractLoadFinding, ContractLoadFindingCode, FindingSeverity } from './contract-load-finding.js';
import { typeProblems } from './contract-type-rules.js';

export interface ContractLoadInputs {
  sourceCatalog: Catalog;
  targetCatalog: Catalog;
  /** Code types that have a crosswalk. */
  crosswalkCodeTypes: Iterable<string>;
}

/** Steps that keep a value's length (or only shorten whitespace); others (nhs_number, postcode, ...) reshape it. */
const lengthKeepingSteps: ReadonlySet<string> = new Set(['trim', 'upper', 'lower', 'title_case', 'collapse_spaces']);

type Report = (severity: FindingSeverity, code: ContractLoadFindingCode, message: string, field?: string) => void;

function tableReporter(findings: ContractLoadFinding[], table: string): Report {
  return (severity, code, message, field) =>
    findings.push({ severity, table, ...(field !== undefined ? { field } : {}), code, message });
}

function checkTableShape(
  t: ContractTable,
  source: CatalogTable,
  fieldNames: ReadonlySet<string>,
  contractTables: ReadonlySet<string>,
  report: Report,
): void {
  const columns = new Set(source.columns.map((c) => c.name));
  for (const k of t.sourceKey) {
    if (!columns.has(k)) report('error', 'SOURCE_KEY_UNKNOWN', `source key ${k} is not a column of ${t.source}`);
  }
  if (t.outOfScope && !columns.has(t.outOfScope.column)) {
    report('error', 'SCOPE_COLUMN_UNKNOWN', `scope column ${t.outOfScope.column} is not a column of ${t.source}`);
  }
  for (const p of t.parents) {
    if (!contractTables.has(p.table)) {
      report('error', 'PARENT_UNKNOWN', `parent table ${p.table} is not a table of the contract`, p.field);
    }
    if (!fieldNames.has(p.field)) report('error', 'PARENT_UNKNOWN', `parent link field is not a field`, p.field);
  }
  const key = t.fields.find((f) => f.target === t.targetKey);
  if (!key || (key.source.length === 0 && key.constant === undefined)) {
    report('error', 'TARGET_KEY_UNMAPPED', `target key ${t.targetKey} is not mapped`, t.targetKey);
  }
}

function checkReview(f: ContractField, column: CatalogColumn, report: Report): void {
  const mandatory = f.mandatory || !column.nullable;
  const mapped = f.source.length > 0 || f.constant !== undefined;
  if (mandatory && !mapped)
    report('error', 'MANDATORY_UNMAPPED', 'mandatory field has no source or constant', f.target);
  if (!column.nullable && !f.mandatory) {
    report('warning', 'MANDATORY_FLAG_MISMATCH', 'target column is NOT NULL but the field is not mandatory', f.target);
  }
  if (f.status !== 'approved' && (mandatory || mapped)) {
    const severity = mandatory ? 'error' : 'warning';
    report(severity, 'NOT_APPROVED', `field is ${f.status}, not approved`, f.target);
  }
}

function checkSources(
  f: ContractField,
  column: CatalogColumn,
  source: CatalogTable,
  crosswalks: ReadonlySet<string>,
  report: Report,
): void {
  const found: CatalogColumn[] = [];
  for (const name of f.source) {
    const c = source.columns.find((x) => x.name === name);
    if (c) found.push(c);
    else report('error', 'SOURCE_COLUMN_UNKNOWN', `source column ${name} is not a column of ${source.name}`, f.target);
  }
  for (const step of f.transform) {
    if (!isKnownStep(step)) report('error', 'TRANSFORM_UNKNOWN', `unknown transform step '${step}'`, f.target);
  }
  if (f.crosswalk !== undefined && !crosswalks.has(f.crosswalk)) {
    report('error', 'CROSSWALK_UNKNOWN', `crosswalk code type ${f.crosswalk} has no crosswalk`, f.target);
  }
  if (f.constant !== undefined) return;
  for (const p of typeProblems(column, found, f)) report(p.severity, p.code, p.message, f.target);
  const textual = column.dataType === 'string' || column.dataType === 'code';
  const reshaped = f.crosswalk !== undefined || f.transform.some((s) => !lengthKeepingSteps.has(s));
  const longer = found.filter((c) => column.maxLength && c.maxLength && c.maxLength > column.maxLength);
  if (textual && longer.length > 0 && !reshaped) {
    const what = longer.map((c) => `${c.name} (${c.maxLength})`).join(', ');
    report(
      'warning',
      'LENGTH_MAY_TRUNCATE',
      `source ${what} is longer than the target (${column.maxLength})`,
      f.target,
    );
  }
}

function checkFields(
  t: ContractTable,
  target: CatalogTable,
  source: CatalogTable | undefined,
  crosswalks: ReadonlySet<string>,
  report: Report,
): void {
  const seen = new Set<string>();
  for (const f of t.fields) {
    if (seen.has(f.target)) report('error', 'TARGET_FIELD_DUPLICATE', 'target field appears twice', f.target);
    seen.add(f.target);
    const column = target.columns.find((c) => c.name === f.target);
    if (!column) {
      report('error', 'TARGET_FIELD_UNKNOWN', `not a column of ${target.name}`, f.target);
      continue;
    }
    checkReview(f, column, report);
    if (source) checkSources(f, column, source, crosswalks, report);
  }
  for (const c of target.columns) {
    if (!seen.has(c.name)) report('error', 'TARGET_FIELD_MISSING', 'target column has no contract field', c.name);
  }
}

/**
 * Checks a contract against the catalogs and crosswalks before a load and returns findings (it never throws):
 * every target table and field known and every catalog field present; every mandatory field mapped (source
 * column or constant) and approved; source tables, keys and columns present; transforms known; types
 * compatible (dates through `date`, integers through `integer`, coded targets through a crosswalk or from
 * coded sources); every crosswalk code type present. Errors block a load; warnings are for the reviewer.
 *
 * @example
 * const findings = validateContractForLoad(contract, { sourceCatalog, targetCatalog, crosswalkCodeTypes });
 * findings.filter((f) => f.severity === 'error') // => []
 */
export function validateContractForLoad(contract: MappingContract, inputs: ContractLoadInputs): ContractLoadFinding[] {
  const findings: ContractLoadFinding[] = [];
  const crosswalks = new Set(inputs.crosswalkCodeTypes);
  const contractTables = new Set(contract.tables.map((t) => t.target));
  const seen = new Set<string>();
  for (const t of contract.tables) {
    const report = tableReporter(findings, t.target);
    if (seen.has(t.target)) report('error', 'TARGET_TABLE_DUPLICATE', 'target table appears twice in the contract');
    seen.add(t.target);
    const target = findTable(inputs.targetCatalog, t.target);
    const source = findTable(inputs.sourceCatalog, t.source);
    if (!source) report('error', 'SOURCE_TABLE_UNKNOWN', `source table ${t.source} is not in the source catalog`);
    if (!target) {
      report('error', 'TARGET_TABLE_UNKNOWN', 'not a table of the target catalog');
      continue;
    }
    if (source) checkTableShape(t, source, new Set(t.fields.map((f) => f.target)), contractTables, report);
    checkFields(t, target, source, crosswalks, report);
  }
  return findings;
}
