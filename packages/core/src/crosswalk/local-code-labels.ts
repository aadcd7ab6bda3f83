import type { Catalog, CatalogColumn } from '../catalog/catalog-model.js';
import { isMalformedCsvRecord } from '../connectors/csv/csv-malformed-record.js';
import type { ProfileSourceConnector } from '../profile/profile-source.js';

/** The label of a local code and where it was read (`TABLE.COLUMN` of a lookup table). */
export interface LocalCodeLabel {
  label: string;
  from: string;
}

/** Lookup tables bigger than this are not read (a lookup of codes is small). */
const maxLookupRows = 50_000;
const lookupAffixes = new Set(['LKP', 'LK', 'LU', 'LUP', 'LOOKUP', 'REF', 'CODE', 'CODES', 'TBL', 'T', 'DIC', 'DICT']);
const labelName = /(^|_)(DESC|DESCR|DESCRIPTION|NAME|LABEL|TEXT|TITLE|MEANING)(_|$)/i;

/** A table name without lookup prefixes/suffixes: `LKP_ETHNIC` -> `ETHNIC`, `REF_CODES_SEX` -> `SEX`. */
export function lookupStem(table: string): string {
  return table
    .toUpperCase()
    .split('_')
    .filter((t) => !lookupAffixes.has(t))
    .join('_');
}

/**
 * The names a lookup table may be known by: its name, its name without lookup affixes, and the name with leading
 * affix tokens removed one at a time (`LKP_REF_SRC` -> LKP_REF_SRC, SRC, REF_SRC), since an affix word such as REF
 * can also be part of the name.
 */
export function lookupStems(table: string): string[] {
  const tokens = table.toUpperCase().split('_');
  const out = new Set([tokens.join('_'), lookupStem(table)]);
  for (let i = 1; i < tokens.length && lookupAffixes.has(tokens[i - 1]!); i++) out.add(tokens.slice(i).join('_'));
  return [...out].filter(Boolean);
}

/**
 * Tables that may hold the labels of a coded column, best first: the table its catalog entry references, tables its
 * description names ("see LKP_ETHNIC"), tables named after its code type, then tables named after the column.
 */
export function lookupTableCandidates(
  columns: ReadonlyArray<{ table: string; column: string }>,
  sourceTables: readonly string[],
  catalog?: Catalog,
): string[] {
  const byUpper = new Map(sourceTables.map((t) => [t.toUpperCase(), t]));
  const out: string[] = [];
  const add = (name: string | undefined) => {
    const t = name && byUpper.get(name.toUpperCase());
    if (t && !out.includes(t)) out.push(t);
  };
  const catalogColumns: CatalogColumn[] = [];
  for (const { table, column } of columns) {
    const c = catalog?.tables.find((t) => t.name === table)?.columns.find((x) => x.name === column);
    if (c) catalogColumns.push(c);
  }
  for (const c of catalogColumns) add(c.references?.split('.')[0]);
  for (const c of catalogColumns) {
    for (const word of c.description.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [])
      if (word.length > 2 && word === word.toUpperCase()) add(word);
  }
  const stems = [...catalogColumns.map((c) => c.codeType ?? ''), ...columns.map((c) => c.column)]
    .map((s) => s.toUpperCase())
    .filter(Boolean);
  for (const stem of stems) {
    for (const t of sourceTables) if (t.toUpperCase() !== stem && lookupStems(t).includes(stem)) add(t);
  }
  for (const stem of stems) add(stem);
  return out;
}

/** Index of the column most likely to hold labels: named like one, else the most text-like other column. */
function labelColumn(header: readonly string[], rows: readonly string[][], codeColumn: number): number | undefined {
  const named = header.findIndex((h, i) => i !== codeColumn && labelName.test(h));
  if (named >= 0) return named;
  let best: number | undefined;
  let bestScore = 0;
  header.forEach((_, i) => {
    if (i === codeColumn) return;
    let score = 0;
    for (const r of rows) if (/[A-Za-z]{2,}.*\s/.test(r[i] ?? '')) score++;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/**
 * Reads the labels of local codes from the source's lookup tables. Pass every code seen (mapped or not): the more
 * codes, the surer the choice of column. For each candidate table (see {@link lookupTableCandidates}) the code
 * column is the column of distinct values containing most of the codes (trimmed, compared case-insensitively) and
 * the label column is named like DESCRIPTION/NAME/LABEL (else the most text-like). Codes
 * labelled by an earlier candidate keep that label.
 *
 * @example
 * await readLocalCodeLabels(source, [{ table: 'PATIENT', column: 'ETHNIC' }], new Set(['WIR']), catalog)
 * // => Map { 'WIR' => { label: 'White Irish', from: 'LKP_ETHNIC.DESCRIPTION' } }
 */
export async function readLocalCodeLabels(
  source: ProfileSourceConnector,
  columns: ReadonlyArray<{ table: string; column: string }>,
  codes: ReadonlySet<string>,
  catalog?: Catalog,
): Promise<Map<string, LocalCodeLabel>> {
  const out = new Map<string, LocalCodeLabel>();
  if (codes.size === 0) return out;
  const wanted = new Map<string, string>();
  for (const c of codes) wanted.set(c.trim().toUpperCase(), c);
  const candidates = lookupTableCandidates(columns, await source.tables(), catalog);
  for (const table of candidates) {
    if (out.size === codes.size) break;
    const header = await source.header(table);
    const rows: string[][] = [];
    for await (const r of source.rows(table)) {
      if (isMalformedCsvRecord(r)) continue;
      rows.push([...r.fields]);
      if (rows.length > maxLookupRows) break;
    }
    if (rows.length > maxLookupRows) continue;
    // The code column holds distinct values (a lookup has one row per code) and contains most of the codes.
    const hits = header.map((_, i) => {
      const values = rows.map((r) => (r[i] ?? '').trim().toUpperCase());
      if (new Set(values).size < 0.9 * values.length) return 0;
      return values.filter((v) => wanted.has(v)).length;
    });
    const codeColumn = hits.indexOf(Math.max(...hits));
    if (!(hits[codeColumn]! > 0)) continue;
    const label = labelColumn(header, rows, codeColumn);
    if (label === undefined) continue;
    for (const r of rows) {
      const code = wanted.get((r[codeColumn] ?? '').trim().toUpperCase());
      const text = (r[label] ?? '').trim();
      if (code !== undefined && text && !out.has(code))
        out.set(code, { label: text, from: `${table}.${header[label]}` });
    }
  }
  return out;
}
