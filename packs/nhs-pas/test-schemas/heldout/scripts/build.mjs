#!/usr/bin/env node
// Writes the held-out test schemas from the declarations in ./schemas, each into ../<schema>/:
//   source-catalog.csv  the catalog (core catalog CSV format), tables sorted by name
//   gold.csv            the single-column mappings an analyst approves: source column -> nhs-pas LOAD field
//   data/*.csv          a small seeded synthetic extract of every table (--source-data csv:data)
//
//   node packs/nhs-pas/test-schemas/heldout/scripts/build.mjs          write the files, print the counts
//   node packs/nhs-pas/test-schemas/heldout/scripts/build.mjs --check  write nothing; exit 1 when stale

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import coded from './schemas/coded-pas.mjs';
import java from './schemas/java-ehr.mjs';
import mumps from './schemas/mumps-pas.mjs';
import usEhr from './schemas/us-ehr.mjs';
import { seeded, value } from './synthetic.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
export const heldOutSchemas = [mumps, java, coded, usEhr];

const csvCell = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csvRow = (cells) => `${cells.map(csvCell).join(',')}\n`;
const pad2 = (n) => String(n).padStart(2, '0');

function parseColumns(table) {
  const lines = table.columns
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return lines.map((line, i) => {
    const [name, type, flags, description, targets, kind] = line.split('|').map((s) => s.trim());
    const flagList = flags ? flags.split(/\s+/) : [];
    const fk = flagList.find((f) => f.startsWith('fk='))?.slice(3);
    let pk = flagList.includes('pk');
    if (table.demotePk && pk && i > 0) pk = false;
    return {
      name: name === '~' ? `${table.name}F${pad2(i + 1)}` : name,
      type,
      pk,
      unique: flagList.includes('uk'),
      references: fk ?? '',
      description: description ?? '',
      targets: table.noGold || !targets ? [] : targets.split('+'),
      kind,
    };
  });
}

function build(schema, targetFields) {
  const files = new Map();
  const tables = schema.tables.map((t) => ({ ...t, cols: parseColumns(t) }));
  const rowsOf = new Map(tables.map((t) => [t.name, t.rows]));
  let catalog = csvRow([
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
  ]);
  let gold = csvRow(['source_table', 'source_column', 'target_table', 'target_column']);
  let goldRows = 0;
  for (const t of [...tables].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    for (const c of t.cols) {
      catalog += csvRow([
        t.name,
        c.name,
        c.type,
        '',
        String(!c.pk),
        String(c.pk),
        c.references,
        c.description,
        '',
        'true',
      ]);
      for (const field of c.targets) {
        if (!targetFields.has(`${t.target}.${field}`)) throw new Error(`${schema.name}: no ${t.target}.${field}`);
        gold += csvRow([t.name, c.name, t.target, field]);
        goldRows++;
      }
    }
  }
  files.set(`${schema.name}/source-catalog.csv`, catalog);
  files.set(`${schema.name}/gold.csv`, gold);
  let seed = 1;
  for (const t of tables) {
    const rnd = seeded(seed++ * 7919);
    let text = csvRow(t.cols.map((c) => c.name));
    for (let r = 0; r < t.rows; r++) {
      text += csvRow(
        t.cols.map((c) => {
          const parent = c.references ? rowsOf.get(c.references.split('.')[0]) : undefined;
          return value(c.kind, rnd, r, parent || 100);
        }),
      );
    }
    files.set(`${schema.name}/data/${t.name}.csv`, text);
  }
  const columns = tables.reduce((n, t) => n + t.cols.length, 0);
  return { files, summary: `${schema.name}: ${tables.length} tables, ${columns} columns; gold ${goldRows} mappings` };
}

const target = readFileSync(join(here, '../../../catalog/target.csv'), 'utf8');
const targetFields = new Set(
  target
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').slice(0, 2).join('.')),
);
const check = process.argv.includes('--check');
let stale = 0;
for (const schema of heldOutSchemas) {
  const { files, summary } = build(schema, targetFields);
  for (const [relative, text] of files) {
    const path = join(root, relative);
    let current;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    if (check) {
      process.stderr.write(`stale: ${relative}\n`);
      stale++;
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text, 'utf8');
    }
  }
  process.stdout.write(`${summary}\n`);
}
if (stale > 0) process.exit(1);
