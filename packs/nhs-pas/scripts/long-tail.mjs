#!/usr/bin/env node
/**
 * long-tail: builds the full legacy PAS source catalog (`catalog/source.csv`) from the hand-modelled core
 * (`catalog/source-core.csv`).
 *
 * A real hospital PAS carries ~400 tables and ~5,000 fields, of which a migration touches a few dozen tables.
 * The core catalog models those by hand; this script appends the long tail a real PAS also has, so the catalog,
 * profiling, mapping and scope reports face the real size and shape:
 * - audit (`<T>_AUD`), history (`<T>_HIST`) and archive (`ARC_<T>`) shadows of the core tables;
 * - local lookups (`LKP_<CODE TYPE>`) for every code type in use that the core does not model;
 * - configuration (SYS_), interface logs (IF_), letters (LTR_) and case-note tracking extras (CNT_);
 * - out-of-scope modules: A&E, theatres, maternity, pharmacy, pathology, radiology, billing, community,
 *   critical care, transport, estates and more (see ./long-tail/*-family.mjs).
 * Every long-tail table is out of scope (in_scope false). The output is the core file's text unchanged,
 * followed by the long-tail rows in the core's header order, flag words and line ending. The construction is a
 * pure function of the core text: no randomness, no clock, so the output is byte-identical on every run.
 *
 * Usage: node packs/nhs-pas/scripts/long-tail.mjs [--core FILE] [--out FILE] [--check]
 *   --check  writes nothing; exits 1 when the output file differs from what the script would write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatCsvRecord } from './long-tail/catalog-csv.mjs';
import { readCoreCatalog } from './long-tail/core-catalog.mjs';
import { codeTableName, lookupTables } from './long-tail/lookup-family.mjs';
import { moduleFamilies } from './long-tail/module-families.mjs';
import { resolveReferences } from './long-tail/resolve-references.mjs';
import {
  archiveBatchTable,
  archivedCoreTables,
  archiveTables,
  auditTables,
  historyTables,
} from './long-tail/shadow-families.mjs';

/**
 * @typedef {object} LongTailResult
 * @property {string} csv the full catalog text: the core text, then the long-tail rows
 * @property {import('./long-tail/table-spec.mjs').LongTailTable[]} tables the long-tail tables, in output order
 * @property {string[]} skipped long-tail tables left out because the core already has a table of that name
 * @property {string[]} warnings references that could not be resolved (kept as plain columns)
 * @property {{ core: Count, longTail: Count, total: Count, inScope: Count, families: (Count & { family: string })[] }} counts
 */
/** @typedef {{ tables: number, fields: number }} Count */

/**
 * Builds the long tail for a core catalog.
 *
 * @param {string} coreCsvText text of source-core.csv
 * @param {string} [file] name for error messages
 * @returns {LongTailResult}
 * @example
 * const { csv, counts } = buildLongTailCatalog(readFileSync('source-core.csv', 'utf8'));
 * counts.total // => { tables: 419, fields: 5580 } for the core as first committed
 */
export function buildLongTailCatalog(coreCsvText, file = 'source-core.csv') {
  const core = readCoreCatalog(coreCsvText, file);
  const warnings = [];
  const skipped = [];
  const longTail = new Map();
  const add = (tables) => {
    for (const t of tables) {
      if (core.tables.has(t.name)) skipped.push(t.name);
      else if (longTail.has(t.name)) throw new Error(`long tail: table ${t.name} is declared twice`);
      else longTail.set(t.name, t);
    }
  };
  const find = (name) => core.tables.get(name) ?? longTail.get(name);

  // Live modules first, resolved, because archives copy their resolved columns.
  const modules = moduleFamilies.flatMap((family) => family());
  add([archiveBatchTable(), ...modules]);
  resolveReferences([...longTail.values()], find, warnings);
  describeCodeColumns(longTail.values(), core.tables);

  const coreTables = [...core.tables.values()];
  const archived = [...archivedCoreTables(coreTables), ...[...longTail.values()].filter((t) => t.archive)];
  const shadows = [...auditTables(coreTables), ...historyTables(coreTables), ...archiveTables(archived)];
  add(shadows);
  resolveReferences(shadows, find, warnings);

  const lookups = lookupTables(core.tables, [...coreTables, ...longTail.values()]);
  add(lookups);

  const familyOrder = ['audit', 'history', 'archive', 'lookup'];
  const rank = (t) => {
    const i = familyOrder.indexOf(t.family);
    return i < 0 ? familyOrder.length : i;
  };
  const tables = [...longTail.values()]
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map(({ t }) => t);
  for (const t of tables) assertUniqueColumns(t);

  return {
    csv: formatCatalog(coreCsvText, core, tables),
    tables,
    skipped,
    warnings,
    counts: countTables(coreTables, tables),
  };
}

/**
 * Builds `source.csv` text from `source-core.csv` text.
 *
 * @param {string} coreCsvText
 * @returns {string}
 */
export function buildLongTail(coreCsvText) {
  return buildLongTailCatalog(coreCsvText).csv;
}

/**
 * Points each coded column of the modules at the table listing its codes, as the core's descriptions do
 * ("Admission method (local code, see LKP_ADM_METH)"). Runs before archiving so ARC_ copies carry it too.
 */
function describeCodeColumns(tables, coreTables) {
  for (const t of tables) {
    for (const c of t.columns) {
      if (!c.codeType || c.references) continue;
      const list = codeTableName(c.codeType, coreTables);
      c.description = c.description.includes('(SNOMED CT)')
        ? c.description.replace('(SNOMED CT)', `(SNOMED CT, see ${list})`)
        : `${c.description} (local code, see ${list})`;
    }
  }
}

function assertUniqueColumns(t) {
  const seen = new Set();
  for (const c of t.columns) {
    if (seen.has(c.name)) throw new Error(`long tail: column ${t.name}.${c.name} is declared twice`);
    seen.add(c.name);
  }
}

function formatCatalog(coreCsvText, core, tables) {
  const [yes, no] = core.flags;
  const flag = (b) => (b ? yes : no);
  const lines = [];
  for (const t of tables) {
    for (const c of t.columns) {
      const byHeader = {
        table_name: t.name,
        column_name: c.name,
        data_type: c.dataType,
        max_length: c.maxLength,
        nullable: flag(c.nullable),
        primary_key: flag(c.primaryKey),
        references: c.references,
        description: c.description,
        code_type: c.codeType,
        in_scope: flag(false),
      };
      lines.push(formatCsvRecord(core.header.map((h) => byHeader[h] ?? '')));
    }
  }
  const head = /\r?\n$/.test(coreCsvText) ? coreCsvText : coreCsvText + core.eol;
  return head + lines.map((l) => l + core.eol).join('');
}

function countTables(coreTables, tables) {
  const count = (ts) => ({ tables: ts.length, fields: ts.reduce((n, t) => n + t.columns.length, 0) });
  const families = [];
  for (const t of tables) {
    let f = families.find((x) => x.family === t.family);
    if (!f) {
      f = { family: t.family, tables: 0, fields: 0 };
      families.push(f);
    }
    f.tables++;
    f.fields += t.columns.length;
  }
  return {
    core: count(coreTables),
    longTail: count(tables),
    total: count([...coreTables, ...tables]),
    inScope: count(coreTables.filter((t) => t.inScope)),
    families,
  };
}

function main(argv) {
  const here = dirname(fileURLToPath(import.meta.url));
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const corePath = arg('--core', join(here, '..', 'catalog', 'source-core.csv'));
  const outPath = arg('--out', join(here, '..', 'catalog', 'source.csv'));
  const result = buildLongTailCatalog(readFileSync(corePath, 'utf8'), relative(process.cwd(), corePath));
  const { core, longTail, total, inScope } = result.counts;
  for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  for (const s of result.skipped) process.stderr.write(`note: core already has ${s}; long-tail version left out\n`);
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(outPath, 'utf8');
    } catch {}
    if (current !== result.csv) {
      process.stderr.write(`${relative(process.cwd(), outPath)} is out of date; run the script to regenerate it\n`);
      return 1;
    }
  } else writeFileSync(outPath, result.csv);
  process.stdout.write(
    `core ${core.tables} tables / ${core.fields} fields (in scope ${inScope.tables} / ${inScope.fields}); ` +
      `long tail ${longTail.tables} / ${longTail.fields}; total ${total.tables} tables / ${total.fields} fields\n`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`long-tail: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}
