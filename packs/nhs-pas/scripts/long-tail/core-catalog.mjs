/**
 * Reads the hand-modelled core catalog (`source-core.csv`) into tables, remembering how it writes flags and
 * line endings so the long tail can be appended in exactly the same form.
 */
import { dataTypes, parseCsvRecords, requiredHeader } from './catalog-csv.mjs';

/** Flag vocabularies a catalog CSV may use for nullable / primary_key / in_scope, preferred first. */
const flagVocabularies = [
  ['true', 'false'],
  ['TRUE', 'FALSE'],
  ['Y', 'N'],
  ['y', 'n'],
  ['yes', 'no'],
  ['1', '0'],
];

/**
 * @typedef {object} CoreCatalog
 * @property {string[]} header the core file's header, in its order
 * @property {string} eol the core file's line ending ('\n' or '\r\n')
 * @property {[string, string]} flags the words the core uses for true and false
 * @property {Map<string, import('./table-spec.mjs').LongTailTable & { inScope: boolean }>} tables in file order
 */

/**
 * Parses the core catalog CSV.
 *
 * @param {string} text the file's text
 * @param {string} file file name for error messages
 * @returns {CoreCatalog}
 */
export function readCoreCatalog(text, file) {
  const records = parseCsvRecords(text.replace(/^\uFEFF/, ''), file);
  const head = records[0];
  if (!head) throw new Error(`${file}:1: the file is empty; expected a catalog header`);
  const header = head.fields;
  const at = Object.fromEntries(header.map((h, i) => [h, i]));
  for (const h of requiredHeader) {
    if (at[h] === undefined) throw new Error(`${file}:1: header lacks the column ${h}`);
  }
  const rows = records.slice(1);
  const flags = detectFlags(rows, [at.nullable, at.primary_key, at.in_scope], file);
  const isTrue = (value, line, field) => {
    if (value === flags[0]) return true;
    if (value === flags[1] || value === '') return false;
    throw new Error(`${file}:${line}: field ${field} holds "${value}", expected ${flags[0]} or ${flags[1]}`);
  };
  const tables = new Map();
  for (const { fields, line } of rows) {
    if (fields.length !== header.length) {
      throw new Error(`${file}:${line}: row has ${fields.length} fields, header has ${header.length}`);
    }
    const get = (h) => fields[at[h]] ?? '';
    const tableName = get('table_name');
    const dataType = get('data_type');
    if (!tableName || !get('column_name')) throw new Error(`${file}:${line}: table_name and column_name are required`);
    if (!dataTypes.includes(dataType)) throw new Error(`${file}:${line}: field data_type holds an unknown type`);
    const inScope = isTrue(get('in_scope'), line, 'in_scope');
    let t = tables.get(tableName);
    if (!t) {
      t = { name: tableName, family: 'core', inScope, columns: [] };
      tables.set(tableName, t);
    } else if (t.inScope !== inScope) {
      throw new Error(`${file}:${line}: field in_scope differs from earlier rows of table ${tableName}`);
    }
    if (t.columns.some((c) => c.name === get('column_name'))) {
      throw new Error(`${file}:${line}: column ${tableName}.${get('column_name')} is declared twice`);
    }
    t.columns.push({
      name: get('column_name'),
      dataType,
      maxLength: get('max_length'),
      nullable: isTrue(get('nullable'), line, 'nullable'),
      primaryKey: isTrue(get('primary_key'), line, 'primary_key'),
      references: get('references'),
      refTable: '',
      description: get('description'),
      codeType: get('code_type'),
    });
  }
  const firstBreak = text.indexOf('\n');
  const eol = firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  return { header, eol, flags, tables };
}

function detectFlags(rows, indexes, file) {
  const seen = new Set();
  for (const { fields } of rows) for (const i of indexes) if (fields[i]) seen.add(fields[i]);
  const vocabulary = flagVocabularies.find(([t, f]) => [...seen].every((v) => v === t || v === f));
  if (!vocabulary) throw new Error(`${file}: flag fields mix vocabularies (${[...seen].sort().join(', ')})`);
  return /** @type {[string, string]} */ (vocabulary);
}

/**
 * The single primary-key column of a table, or undefined when it has none or a composite key.
 *
 * @param {{ columns: { primaryKey: boolean }[] } | undefined} t
 */
export function singleKey(t) {
  const keys = t ? t.columns.filter((c) => c.primaryKey) : [];
  return keys.length === 1 ? keys[0] : undefined;
}
