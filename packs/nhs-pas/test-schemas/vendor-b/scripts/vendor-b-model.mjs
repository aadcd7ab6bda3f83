// Assembles the vendor-b schema from the model declarations and checks the gold against the nhs-pas target
// catalog: every target table and field exists, no field is fed twice, one source table per LOAD table.

import { csvLine, parseCsv } from './csv-line.mjs';
import { inpatientTables } from './model/inpatient-tables.mjs';
import { lookupTables } from './model/lookup-tables.mjs';
import { mentalHealthTables } from './model/mental-health-tables.mjs';
import { moduleTables } from './model/module-tables.mjs';
import { outpatientTables } from './model/outpatient-tables.mjs';
import { pmiTables } from './model/pmi-tables.mjs';
import { referenceTables } from './model/reference-tables.mjs';
import { rttTables } from './model/rtt-tables.mjs';
import { shadowTables } from './model/shadow-tables.mjs';
import { expandTable } from './model/table-dsl.mjs';
import { syntheticData } from './synthetic-data.mjs';

const catalogHeader = [
  'table_name',
  'column_name',
  'data_type',
  'max_length',
  'nullable',
  'primary_key',
  'references',
  'description',
  'code_type',
  'in_scope',
];

/** Target catalog fields by table: Map<table, Set<column>>. */
function targetFields(targetCsv) {
  const rows = parseCsv(targetCsv);
  const out = new Map();
  for (const r of rows.slice(1)) {
    if (r.length < 2) continue;
    if (!out.has(r[0])) out.set(r[0], new Set());
    out.get(r[0]).add(r[1]);
  }
  return out;
}

/** Every expanded table of vendor-b, sorted by name (case-insensitive). */
export function vendorBTables() {
  const live = [
    ...referenceTables,
    ...pmiTables,
    ...rttTables,
    ...outpatientTables,
    ...inpatientTables,
    ...mentalHealthTables,
    ...lookupTables,
    ...moduleTables,
  ].map(expandTable);
  const byName = new Map(live.map((t) => [t.name, t]));
  const all = [...live, ...shadowTables(byName)];
  const names = new Set();
  for (const t of all) {
    const key = t.name.toLowerCase();
    if (names.has(key)) throw new Error(`duplicate table ${t.name}`);
    names.add(key);
  }
  return all.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
}

/** The gold mappings of the tables, checked against the target catalog. */
function goldOf(tables, targets) {
  const gold = [];
  const fed = new Map();
  const sourceOfTarget = new Map();
  for (const t of tables) {
    const seen = new Set();
    for (const c of t.columns) {
      if (seen.has(c.name)) throw new Error(`${t.name}.${c.name}: duplicate column`);
      seen.add(c.name);
      if (c.references) {
        const [rt, rc] = c.references.split('.');
        const ref = tables.find((x) => x.name === rt);
        if (!ref?.columns.some((x) => x.name === rc)) throw new Error(`${t.name}.${c.name}: bad reference`);
      }
      for (const field of c.targets) {
        const fields = targets.get(t.target);
        if (!fields) throw new Error(`${t.name}: unknown target table ${t.target}`);
        if (!fields.has(field)) throw new Error(`${t.name}.${c.name}: unknown target ${t.target}.${field}`);
        const key = `${t.target}.${field}`;
        if (fed.has(key)) throw new Error(`${key} fed by ${fed.get(key)} and ${t.name}.${c.name}`);
        fed.set(key, `${t.name}.${c.name}`);
        const other = sourceOfTarget.get(t.target);
        if (other && other !== t.name) throw new Error(`${t.target} fed by ${other} and ${t.name}`);
        sourceOfTarget.set(t.target, t.name);
        gold.push([t.name, c.name, t.target, field]);
      }
    }
  }
  return { gold, goldTargetTables: sourceOfTarget.size };
}

/** Builds every vendor-b file from the text of the nhs-pas target catalog. */
export function buildVendorB(targetCsv) {
  const tables = vendorBTables();
  const { gold, goldTargetTables } = goldOf(tables, targetFields(targetCsv));
  let catalog = csvLine(catalogHeader);
  for (const t of tables) {
    for (const c of t.columns) {
      catalog += csvLine([
        t.name,
        c.name,
        c.dataType,
        c.maxLength ?? '',
        String(c.nullable),
        String(c.primaryKey),
        c.references,
        c.description,
        c.codeType,
        String(t.inScope),
      ]);
    }
  }
  let goldCsv = csvLine(['source_table', 'source_column', 'target_table', 'target_column']);
  for (const g of gold) goldCsv += csvLine(g);
  const files = new Map([
    ['source-catalog.csv', catalog],
    ['gold.csv', goldCsv],
  ]);
  const data = syntheticData(tables);
  for (const [table, text] of data) files.set(`data/${table}.csv`, text);
  const inScope = tables.filter((t) => t.inScope);
  return {
    files,
    counts: {
      tables: tables.length,
      columns: tables.reduce((n, t) => n + t.columns.length, 0),
      inScopeTables: inScope.length,
      inScopeColumns: inScope.reduce((n, t) => n + t.columns.length, 0),
      gold: gold.length,
      goldTargetTables,
      dataTables: data.size,
    },
  };
}
