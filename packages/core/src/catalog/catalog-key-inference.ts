import { splitName } from '../mapping/name-tokens.js';
import type { CatalogColumn, CatalogTable, DataType } from './catalog-model.js';
import type { TableKeySample } from './key-sample.js';

/** A drafted table and the sample of its rows. */
export interface SampledTable {
  table: CatalogTable;
  sample: TableKeySample;
}

/** Last words of a column name that say "this identifies a row". */
const identifierWords: ReadonlySet<string> = new Set(['ID', 'KEY', 'NO', 'NUM', 'NUMBER', 'NBR', 'CODE', 'CD', 'REF']);
const keyTypes: ReadonlySet<DataType> = new Set(['integer', 'string', 'code']);

const norm = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function looksLikeIdentifier(name: string): boolean {
  const words = splitName(name);
  return words.length > 0 && identifierWords.has(words[words.length - 1]!);
}

/**
 * The primary key of a sampled table: the first column (in file order) of an integer, string or code type that has a
 * value in every row, no value twice, and a name ending in an identifier word (ID, KEY, NO, NUMBER, CODE, REF, ...);
 * failing that, the first column when it is unique. Undefined for an empty table or when nothing qualifies.
 */
export function inferPrimaryKey({ table, sample }: SampledTable): number | undefined {
  const unique = table.columns
    .map((_, i) => i)
    .filter((i) => keyTypes.has(table.columns[i]!.dataType) && sample.isUnique(i));
  const named = unique.find((i) => looksLikeIdentifier(table.columns[i]!.name));
  if (named !== undefined) return named;
  return unique[0] === 0 ? 0 : undefined;
}

/**
 * Whether a column's name says it refers to a parent table's key: the same name as the key (`PAT_ID` ->
 * `PATIENT.PAT_ID`, unless the key is a bare generic word such as `ID` or `CODE`), or the parent's name (singular or
 * plural) followed by the key's name (`PatientId` -> `Patients.Id`, `PatientPatientId` is not needed).
 */
export function nameRefersTo(column: string, parentTable: string, parentKey: string): boolean {
  const c = norm(column);
  const k = norm(parentKey);
  const t = norm(parentTable);
  const generic = identifierWords.has(parentKey.toUpperCase().replace(/[^A-Z]/g, ''));
  if (c === k && !generic) return true;
  return c === `${t}${k}` || c === `${singular(t)}${k}`;
}

function typesCompatible(a: CatalogColumn, b: CatalogColumn): boolean {
  if (a.dataType === b.dataType) return true;
  const textual = (t: DataType) => t === 'string' || t === 'code' || t === 'integer';
  return textual(a.dataType) && textual(b.dataType);
}

function contained(values: ReadonlySet<string>, keys: ReadonlySet<string>): boolean {
  for (const v of values) if (!keys.has(v)) return false;
  return true;
}

/**
 * Infers keys and relationships of tables drafted from data, in place of the analyst's first guess:
 * - a primary key per table ({@link inferPrimaryKey});
 * - a reference `PARENT.KEY` on a column of another table when its name refers to the parent's key
 *   ({@link nameRefersTo}), the types agree, it holds at least one value, and every value it holds is one of the
 *   parent's keys (checked when the parent was read to its end; when only the start of a large parent was sampled,
 *   the name decides). Values alone never make a reference: small numbers are in every id range.
 * Returns new tables; the inputs are not changed. Everything inferred is a draft the analyst edits in the CSV.
 *
 * @example
 * inferCatalogKeys([{ table: patient, sample }, { table: address, sample: addrSample }])
 * // => PATIENT.PAT_ID primary key; PAT_ADDR.PAT_ID references PATIENT.PAT_ID
 */
export function inferCatalogKeys(sampled: readonly SampledTable[]): CatalogTable[] {
  const keys = sampled.map(inferPrimaryKey);
  return sampled.map((s, ti) => {
    const columns = s.table.columns.map((column, ci): CatalogColumn => {
      const out: CatalogColumn = { ...column, primaryKey: keys[ti] === ci };
      const values = s.sample.distinct(ci);
      if (out.references !== undefined || values.size === 0) return out;
      for (let pi = 0; pi < sampled.length; pi++) {
        const parent = sampled[pi]!;
        const pk = keys[pi];
        if (pi === ti || pk === undefined) continue;
        const key = parent.table.columns[pk]!;
        if (!nameRefersTo(column.name, parent.table.name, key.name) || !typesCompatible(column, key)) continue;
        if (parent.sample.complete && !contained(values, parent.sample.distinct(pk))) continue;
        out.references = `${parent.table.name}.${key.name}`;
        break;
      }
      return out;
    });
    return { ...s.table, columns };
  });
}
