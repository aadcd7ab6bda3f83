#!/usr/bin/env node
// @ts-check
/**
 * Builds the nhs-pas pack's model files from the compact declarations in `scripts/model/`:
 * catalog/target.csv, catalog/source-core.csv, crosswalks/crosswalks.csv, crosswalks/code-sets.csv and
 * contract/contract.json. Deterministic: the same declarations give byte-identical files.
 *
 * Usage: node packs/nhs-pas/scripts/build-model.mjs [--out DIR]   (DIR defaults to the pack root)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adtTables } from './model/adt-tables.mjs';
import { codeSets } from './model/code-sets.mjs';
import { expandTable } from './model/expand-table.mjs';
import { iwlTables } from './model/iwl-tables.mjs';
import { mhTables } from './model/mh-tables.mjs';
import { codeTypes } from './model/model-dsl.mjs';
import { opdTables } from './model/opd-tables.mjs';
import { mergeTables, pmiTables } from './model/pmi-tables.mjs';
import { referenceTables } from './model/reference-tables.mjs';
import { rttTables } from './model/rtt-tables.mjs';

const outFlag = process.argv.indexOf('--out');
const packRoot = (outFlag > 0 && process.argv[outFlag + 1]) || join(dirname(fileURLToPath(import.meta.url)), '..');

/** The LOAD tables in load order: parents before children. */
const loadOrder = [
  ...referenceTables,
  ...pmiTables,
  ...rttTables,
  ...opdTables,
  ...iwlTables,
  ...adtTables,
  ...mhTables,
  ...mergeTables,
];

const catalogHeader =
  'table_name,column_name,data_type,max_length,nullable,primary_key,references,description,code_type,in_scope';

/** @param {unknown} value */
function csvCell(value) {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
/** @param {unknown[]} values */
function csvLine(values) {
  return values.map(csvCell).join(',');
}
/** @param {import('./model/expand-table.mjs').CatalogRow} r */
function catalogLine(r) {
  return csvLine([
    r.table,
    r.column,
    r.dataType,
    r.maxLength,
    r.nullable,
    r.primaryKey,
    r.references,
    r.description,
    r.codeType,
    true,
  ]);
}
/** @param {string} relative @param {string} text */
function write(relative, text) {
  const file = join(packRoot, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const byTarget = new Map();
/** @type {import('./model/expand-table.mjs').CatalogRow[]} */
const targetRows = [];
/** @type {import('./model/expand-table.mjs').CatalogRow[]} */
const sourceRows = [];
const contractTables = [];
for (const spec of loadOrder) {
  const { target, source, table } = expandTable(spec, byTarget);
  byTarget.set(spec.target, spec);
  targetRows.push(...target);
  sourceRows.push(...source);
  contractTables.push(table);
}

// Local lookup tables document the legacy codes (SPECIALTY plays that part for SPEC).
for (const [codeType, ct] of Object.entries(codeTypes)) {
  if (ct.local === 'SPEC') continue;
  const table = `LKP_${ct.local}`;
  /** @type {[string, string, number, boolean, boolean, string][]} */
  const rows = [
    ['CODE', 'string', ct.localLen, false, true, `Local ${ct.local} code (maps to national ${codeType})`],
    ['DESCRIPTION', 'string', 60, false, false, 'Description shown to users'],
    ['ACTIVE_FLAG', 'string', 1, false, false, 'Y when the code can be used on new records'],
    ['START_DT', 'date', 10, true, false, 'Date the code was introduced (dd/mm/yyyy text)'],
    ['END_DT', 'date', 10, true, false, 'Date the code was retired (dd/mm/yyyy text)'],
  ];
  for (const [column, dataType, maxLength, nullable, primaryKey, description] of rows) {
    sourceRows.push({
      table,
      column,
      dataType,
      maxLength,
      nullable,
      primaryKey,
      references: '',
      description,
      codeType: '',
    });
  }
}

write('catalog/target.csv', `${[catalogHeader, ...targetRows.map(catalogLine)].join('\n')}\n`);
write('catalog/source-core.csv', `${[catalogHeader, ...sourceRows.map(catalogLine)].join('\n')}\n`);

const crosswalkLines = ['code_type,source_code,source_label,target_code,target_label,equivalence,status'];
const codeSetLines = ['code_type,code,label,retired'];
for (const [codeType, set] of Object.entries(codeSets)) {
  if (!codeTypes[codeType]) throw new Error(`Code set ${codeType} has no code type declaration`);
  const labels = new Map(set.codes.map(([code, label]) => [code, label]));
  for (const [code, label, retired] of set.codes)
    codeSetLines.push(csvLine([codeType, code, label, retired === 'Y' ? 'Y' : 'N']));
  for (const [sourceCode, sourceLabel, targetCode, equivalence] of set.local) {
    const targetLabel = labels.get(targetCode);
    if (targetLabel === undefined)
      throw new Error(`${codeType}: ${sourceCode} maps to unknown national code ${targetCode}`);
    crosswalkLines.push(csvLine([codeType, sourceCode, sourceLabel, targetCode, targetLabel, equivalence, 'approved']));
  }
}
write('crosswalks/crosswalks.csv', `${crosswalkLines.join('\n')}\n`);
write('crosswalks/code-sets.csv', `${codeSetLines.join('\n')}\n`);

const contract = {
  version: 1,
  name: 'nhs-pas',
  label: '1.0.0',
  sourceSystem: 'LEGACY-PAS',
  targetSystem: 'FERRY-PAS-LOAD',
  locked: false,
  tables: contractTables,
};
write('contract/contract.json', `${JSON.stringify(contract, null, 2)}\n`);

const sourceTables = new Set(sourceRows.map((r) => r.table));
process.stdout.write(
  `target: ${contractTables.length} tables, ${targetRows.length} fields; ` +
    `source-core: ${sourceTables.size} tables, ${sourceRows.length} columns; ` +
    `crosswalks: ${crosswalkLines.length - 1} entries; code sets: ${codeSetLines.length - 1} codes\n`,
);
