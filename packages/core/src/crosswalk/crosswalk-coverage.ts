import type { Catalog } from '../catalog/catalog-model.js';
import { isMalformedCsvRecord } from '../connectors/csv/csv-malformed-record.js';
import { canonicalJson } from '../contract/canonical-json.js';
import type { ContractField, ContractTable, MappingContract } from '../contract/contract-model.js';
import type { ProfileSourceConnector } from '../profile/profile-source.js';
import type { CodeSetEntry } from '../quality/code-sets.js';
import type { CodeTypeCoverage, CrosswalkCoverageReport, UnmappedCode } from './crosswalk-coverage-model.js';
import { crosswalkLookupValue } from './crosswalk-lookup-value.js';
import type { CrosswalkEntry, CrosswalkSet } from './crosswalk-model.js';
import { readLocalCodeLabels } from './local-code-labels.js';
import { suggestNationalCodes } from './national-code-suggestions.js';

/** What crosswalk coverage is measured on. */
export interface CrosswalkCoverageInput {
  contract: MappingContract;
  crosswalks: CrosswalkSet;
  /** The source data, streamed (a `CsvSourceConnector` fits). */
  source: ProfileSourceConnector;
  /** The source catalog, to find the lookup tables that label local codes (optional). */
  sourceCatalog?: Catalog;
  /** National code lists with labels, for suggestions (none without). */
  codeSets?: readonly CodeSetEntry[];
  /** Suggestions per unmapped code (default 3). */
  suggestionsPerCode?: number;
}

/** One distinct lookup: a field of a contract table (fields reading the same values the same way count once). */
interface Lookup {
  table: ContractTable;
  field: ContractField;
  codeType: string;
}

interface CodeCount {
  count: number;
  seenIn: Map<string, number>;
}

function lookupsBySourceTable(contract: MappingContract): Map<string, Lookup[]> {
  const out = new Map<string, Lookup[]>();
  const seen = new Set<string>();
  for (const table of contract.tables) {
    for (const field of table.fields) {
      if (!field.crosswalk || field.constant !== undefined || field.source.length === 0) continue;
      const { source, transform, combine, separator, onInvalid, crosswalk } = field;
      const key = canonicalJson([
        table.source,
        source,
        transform,
        combine,
        separator,
        onInvalid,
        crosswalk,
        table.outOfScope ?? null,
      ]);
      if (seen.has(key)) continue;
      seen.add(key);
      const list = out.get(table.source) ?? [];
      list.push({ table, field, codeType: field.crosswalk });
      out.set(table.source, list);
    }
  }
  return out;
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : Math.round((n / d) * 1e6) / 1e6);

/**
 * Measures crosswalk coverage on the data: for every source column the contract sends through a crosswalk, streams
 * the column, computes each value as the load would look it up (after the field's transforms; rows out of scope
 * skipped) and counts it exactly. A code with no approved entry is unmapped; each unmapped code gets its count,
 * where it was seen, its label from the source's lookup tables when one is found, and national code suggestions by
 * label similarity. Each source table is read once.
 *
 * @example
 * const report = await measureCrosswalkCoverage({ contract, crosswalks, source, sourceCatalog, codeSets });
 * report.codeTypes.find((c) => c.codeType === 'ethnic_category')?.unmapped // => [{ code: 'XX', count: 3, ... }]
 */
export async function measureCrosswalkCoverage(input: CrosswalkCoverageInput): Promise<CrosswalkCoverageReport> {
  const problems: string[] = [];
  const counts = new Map<string, Map<string, CodeCount>>();
  const columns = new Map<string, CodeTypeCoverage['columns']>();
  let invalidValues = 0;
  let outOfScopeValues = 0;
  const sourceTables = new Set(await input.source.tables());
  for (const [sourceTable, lookups] of lookupsBySourceTable(input.contract)) {
    if (!sourceTables.has(sourceTable)) {
      problems.push(
        `source table ${sourceTable} is not in the source (crosswalked fields: ${lookups.map((l) => `${l.table.target}.${l.field.target}`).join(', ')})`,
      );
      continue;
    }
    const header = await input.source.header(sourceTable);
    const compiled: Array<{
      lookup: Lookup;
      value: (row: readonly string[]) => string | undefined;
      scope?: { index: number; values: Set<string> };
    }> = [];
    for (const lookup of lookups) {
      const indexes = lookup.field.source.map((c) => header.indexOf(c));
      const missing = lookup.field.source.filter((_, i) => indexes[i]! < 0);
      const scopeIndex = lookup.table.outOfScope ? header.indexOf(lookup.table.outOfScope.column) : undefined;
      if (missing.length > 0 || scopeIndex === -1) {
        const names = [...missing, ...(scopeIndex === -1 ? [lookup.table.outOfScope!.column] : [])];
        problems.push(
          `source table ${sourceTable} has no column ${names.join(', ')} (for ${lookup.table.target}.${lookup.field.target})`,
        );
        continue;
      }
      const list = columns.get(lookup.codeType) ?? [];
      list.push({
        table: sourceTable,
        column: lookup.field.source.join('+'),
        targetTable: lookup.table.target,
        targetColumn: lookup.field.target,
      });
      columns.set(lookup.codeType, list);
      compiled.push({
        lookup,
        value: crosswalkLookupValue(lookup.field, indexes),
        ...(scopeIndex !== undefined
          ? { scope: { index: scopeIndex, values: new Set(lookup.table.outOfScope!.outOfScopeValues) } }
          : {}),
      });
    }
    if (compiled.length === 0) continue;
    for await (const record of input.source.rows(sourceTable)) {
      if (isMalformedCsvRecord(record)) continue;
      const row = record.fields;
      for (const c of compiled) {
        if (c.scope?.values.has((row[c.scope.index] ?? '').trim())) {
          outOfScopeValues++;
          continue;
        }
        const v = c.value(row);
        if (v === undefined) {
          invalidValues++;
          continue;
        }
        if (v === '') continue;
        let byCode = counts.get(c.lookup.codeType);
        if (!byCode) {
          byCode = new Map();
          counts.set(c.lookup.codeType, byCode);
        }
        let cc = byCode.get(v);
        if (!cc) {
          cc = { count: 0, seenIn: new Map() };
          byCode.set(v, cc);
        }
        cc.count++;
        const where = `${sourceTable}.${c.lookup.field.source.join('+')}`;
        cc.seenIn.set(where, (cc.seenIn.get(where) ?? 0) + 1);
      }
    }
  }
  const codeTypes: CodeTypeCoverage[] = [];
  for (const codeType of [...columns.keys()].sort()) {
    codeTypes.push(await coverageOf(codeType, columns.get(codeType)!, counts.get(codeType) ?? new Map(), input));
  }
  const sum = (f: (c: CodeTypeCoverage) => number) => codeTypes.reduce((n, c) => n + f(c), 0);
  return {
    version: 1,
    codeTypes,
    totals: {
      codeTypes: codeTypes.length,
      values: sum((c) => c.values),
      mappedValues: sum((c) => c.mappedValues),
      unmappedValues: sum((c) => c.values - c.mappedValues),
      unmappedCodes: sum((c) => c.unmapped.length),
      invalidValues,
      outOfScopeValues,
    },
    problems,
  };
}

async function coverageOf(
  codeType: string,
  columns: CodeTypeCoverage['columns'],
  byCode: Map<string, CodeCount>,
  input: CrosswalkCoverageInput,
): Promise<CodeTypeCoverage> {
  const entries = input.crosswalks.entries.filter((e) => e.codeType === codeType);
  const approved = new Map<string, CrosswalkEntry>();
  const other = new Map<string, CrosswalkEntry>();
  for (const e of entries) {
    if (e.status === 'approved') approved.set(e.sourceCode, e);
    else if (!other.has(e.sourceCode) || e.status !== 'rejected') other.set(e.sourceCode, e);
  }
  let values = 0;
  let mappedValues = 0;
  let mappedCodes = 0;
  const unmapped: UnmappedCode[] = [];
  for (const [code, cc] of byCode) {
    values += cc.count;
    if (approved.has(code)) {
      mappedValues += cc.count;
      mappedCodes++;
      continue;
    }
    const u: UnmappedCode = {
      code,
      count: cc.count,
      seenIn: [...cc.seenIn].map(([where, count]) => {
        const dot = where.indexOf('.');
        return { table: where.slice(0, dot), column: where.slice(dot + 1), count };
      }),
      suggestions: [],
    };
    const status = other.get(code)?.status;
    if (status) u.entryStatus = status;
    unmapped.push(u);
  }
  unmapped.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (unmapped.length > 0) {
    const sourceColumns = columns.flatMap((c) => c.column.split('+').map((column) => ({ table: c.table, column })));
    const labels = await readLocalCodeLabels(input.source, sourceColumns, new Set(byCode.keys()), input.sourceCatalog);
    const national = (input.codeSets ?? []).filter((c) => c.codeType === codeType);
    for (const u of unmapped) {
      const found = labels.get(u.code);
      if (!found) continue;
      u.label = found.label;
      u.labelFrom = found.from;
      u.suggestions = suggestNationalCodes(found.label, national, entries, input.suggestionsPerCode ?? 3);
    }
  }
  return {
    codeType,
    columns,
    approvedEntries: approved.size,
    values,
    mappedValues,
    distinctCodes: byCode.size,
    mappedCodes,
    valueCoverage: ratio(mappedValues, values),
    codeCoverage: ratio(mappedCodes, byCode.size),
    unmapped,
  };
}
