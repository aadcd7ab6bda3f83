import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { FerryError, parseCsvText } from '@ferry/core';
import { nhsPasPackFiles } from '../pack-files.js';

/**
 * What the generator reads from the pack's model files: the column lists of the source and target tables (in
 * catalog order, which is the order the CSV files are written in), target column lengths and nullability, and the
 * crosswalks reversed (national code -> the local codes that map to it). It never reads the contract's transforms:
 * the generator computes target values from its own facts.
 */

/** One catalog column, as far as the generator needs it. */
export interface ModelColumn {
  name: string;
  dataType: string;
  maxLength?: number;
  nullable: boolean;
}

/** The local codes of one national code of one code type. `primary` is the one written most of the time. */
export interface LocalCodeChoice {
  primary: string;
  alternates: string[];
}

/** One approved crosswalk row, as the legacy lookup tables (LKP_*) list it. */
export interface LocalCodeEntry {
  local: string;
  label: string;
  national: string;
  equivalence: string;
}

export interface PackModel {
  /** Source tables in catalog order with their columns. */
  sourceTables: Map<string, ModelColumn[]>;
  /** Out-of-scope tables of the full legacy catalog (the long tail), when the pack has one. */
  outOfScopeTables: Map<string, ModelColumn[]>;
  /** Target (LOAD) tables in load order with their columns. */
  targetTables: Map<string, ModelColumn[]>;
  /** code type -> national code -> local codes. */
  localCodes: Map<string, Map<string, LocalCodeChoice>>;
  /** code type -> approved entries in file order. */
  crosswalkEntries: Map<string, LocalCodeEntry[]>;
}

function readCatalog(text: string, file: string, wantInScope = true): Map<string, ModelColumn[]> {
  const rows = parseCsvText(text);
  const header = rows[0] ?? [];
  const at = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new FerryError('FERRY_ERR_CATALOG_INVALID', `Catalog header lacks ${name}`, { file });
    return i;
  };
  const [t, c, d, l, n] = [at('table_name'), at('column_name'), at('data_type'), at('max_length'), at('nullable')];
  const scope = header.indexOf('in_scope');
  const tables = new Map<string, ModelColumn[]>();
  rows.slice(1).forEach((r, i) => {
    if (r.length !== header.length) {
      throw new FerryError('FERRY_ERR_CATALOG_INVALID', `Row has ${r.length} fields, header has ${header.length}`, {
        file,
        line: i + 2,
      });
    }
    const inScope = !(scope >= 0 && /^(false|n|no|0)$/i.test(r[scope] ?? ''));
    if (inScope !== wantInScope) return;
    const table = r[t]!;
    let cols = tables.get(table);
    if (!cols) {
      cols = [];
      tables.set(table, cols);
    }
    const max = r[l] ? Number(r[l]) : undefined;
    cols.push({ name: r[c]!, dataType: r[d]!, maxLength: max, nullable: /^(true|y|yes|1)$/i.test(r[n] ?? '') });
  });
  return tables;
}

function readCrosswalks(text: string, file: string): Pick<PackModel, 'localCodes' | 'crosswalkEntries'> {
  const rows = parseCsvText(text);
  const header = rows[0] ?? [];
  const want = ['code_type', 'source_code', 'source_label', 'target_code', 'equivalence', 'status'];
  const idx = want.map((h) => header.indexOf(h));
  if (idx.some((i) => i < 0))
    throw new FerryError('FERRY_ERR_CROSSWALK_INVALID', `Crosswalk header lacks one of ${want.join(', ')}`, { file });
  const entries = new Map<string, LocalCodeEntry[]>();
  for (const r of rows.slice(1)) {
    const [type, local, label, national, equivalence, status] = idx.map((i) => r[i] ?? '');
    if (status !== 'approved') continue;
    let list = entries.get(type!);
    if (!list) {
      list = [];
      entries.set(type!, list);
    }
    list.push({ local: local!, label: label!, national: national!, equivalence: equivalence! });
  }
  const localCodes = new Map<string, Map<string, LocalCodeChoice>>();
  for (const [type, list] of entries) {
    const byNational = new Map<string, LocalCodeEntry[]>();
    for (const e of list) {
      const l = byNational.get(e.national);
      if (l) l.push(e);
      else byNational.set(e.national, [e]);
    }
    const m = new Map<string, LocalCodeChoice>();
    for (const [national, es] of byNational) {
      // The primary local code is the first exact one (equal/equivalent/wider); inexact and retired codes are alternates.
      const exact = es.find((e) => e.equivalence !== 'inexact') ?? es[0]!;
      m.set(national, { primary: exact.local, alternates: es.filter((e) => e !== exact).map((e) => e.local) });
    }
    localCodes.set(type, m);
  }
  return { localCodes, crosswalkEntries: entries };
}

/** Parses the model from file texts (for tests and for `loadPackModel`). */
export function parsePackModel(texts: {
  sourceCatalog: string;
  targetCatalog: string;
  crosswalks: string;
  fullSourceCatalog?: string;
}): PackModel {
  return {
    sourceTables: readCatalog(texts.sourceCatalog, 'catalog/source-core.csv'),
    outOfScopeTables: texts.fullSourceCatalog
      ? readCatalog(texts.fullSourceCatalog, 'catalog/source.csv', false)
      : new Map(),
    targetTables: readCatalog(texts.targetCatalog, 'catalog/target.csv'),
    ...readCrosswalks(texts.crosswalks, 'crosswalks/crosswalks.csv'),
  };
}

/** Reads the nhs-pas pack's model files. */
export async function loadPackModel(): Promise<PackModel> {
  const [sourceCatalog, targetCatalog, crosswalks, fullSourceCatalog] = await Promise.all([
    readFile(nhsPasPackFiles.sourceCatalogCore, 'utf8'),
    readFile(nhsPasPackFiles.targetCatalog, 'utf8'),
    readFile(nhsPasPackFiles.crosswalks, 'utf8'),
    existsSync(nhsPasPackFiles.sourceCatalog) ? readFile(nhsPasPackFiles.sourceCatalog, 'utf8') : undefined,
  ]);
  return parsePackModel({ sourceCatalog, targetCatalog, crosswalks, fullSourceCatalog });
}
