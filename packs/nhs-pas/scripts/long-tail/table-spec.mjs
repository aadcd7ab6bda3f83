/**
 * A terse way to declare long-tail tables, one string per column, so each family reads like a data dictionary.
 *
 * Column spec: `NAME TYPE[FLAGS] Description`
 * - TYPE: `s40` string(40) · `c4@CODE_TYPE` code(4) of a code type · `i` integer · `n` decimal ·
 *   `d` date · `t` datetime · `b` flag · `>TABLE` a reference to TABLE's single-column primary key (type, length
 *   and code type are copied from that key when the catalog is resolved; NAME may be left out to reuse the key's
 *   name).
 * - FLAGS: `*` part of the primary key (implies not null) · `!` not null.
 *
 * The types follow the core catalog's legacy conventions: dates are text, `date` max length 10 (dd/mm/yyyy) and
 * `datetime` 16 (dd/mm/yyyy hh:mm), with the format added to the description; flags are `string(1)` Y/N, as the
 * legacy PAS has no boolean type.
 *
 * @example
 * table('AE_TRIAGE', 'ae', [
 *   'TRIAGE_ID i* Triage record identifier',
 *   'ATTEND_ID >AE_ATTEND! Attendance triaged',
 *   '>PATIENT! Patient',
 *   'TRIAGE_CAT c2@AE_TRIAGE_CAT Manchester triage category',
 *   'TRIAGE_DT t! Triaged',
 * ]);
 */

const specPattern = /^(?:([A-Z][A-Z0-9_]*) )?(s\d+|c\d+@[A-Z][A-Z0-9_]*|i|n|d|t|b|>[A-Z][A-Z0-9_]*)([*!]*) (\S.*)$/;

/** Type letter -> data type, max length and the note added to the description. */
const simpleTypes = {
  i: ['integer', '', ''],
  n: ['decimal', '', ''],
  d: ['date', '10', ' (dd/mm/yyyy text)'],
  t: ['datetime', '16', ' (dd/mm/yyyy hh:mm text)'],
  b: ['string', '1', ' (Y/N)'],
};

/**
 * @typedef {object} LongTailColumn
 * @property {string} name column name ('' until resolved when it is taken from a referenced key)
 * @property {string} dataType one of the catalog data types
 * @property {string} maxLength length as text ('' when none)
 * @property {boolean} nullable
 * @property {boolean} primaryKey
 * @property {string} references `TABLE.COLUMN` once resolved, else ''
 * @property {string} refTable table whose primary key this column references, before resolution
 * @property {string} description
 * @property {string} codeType
 */

/**
 * @typedef {object} LongTailTable
 * @property {string} name
 * @property {string} family the family that made it (for the counts in LONG-TAIL.md)
 * @property {LongTailColumn[]} columns
 * @property {boolean} [archive] whether the housekeeping also keeps an `ARC_` copy of it
 */

/**
 * Parses one column spec.
 *
 * @param {string} spec
 * @param {string} tableName for error messages
 * @returns {LongTailColumn}
 */
export function parseColumnSpec(spec, tableName) {
  const m = specPattern.exec(spec);
  if (!m) throw new Error(`long-tail spec for ${tableName}: cannot read column spec "${spec}"`);
  const [, name = '', type = '', flags = '', description = ''] = m;
  const primaryKey = flags.includes('*');
  const column = {
    name,
    dataType: '',
    maxLength: '',
    nullable: !(primaryKey || flags.includes('!')),
    primaryKey,
    references: '',
    refTable: '',
    description,
    codeType: '',
  };
  if (type.startsWith('>')) column.refTable = type.slice(1);
  else if (type.startsWith('s')) Object.assign(column, { dataType: 'string', maxLength: type.slice(1) });
  else if (type.startsWith('c')) {
    const [len = '', codeType = ''] = type.slice(1).split('@');
    Object.assign(column, { dataType: 'code', maxLength: len, codeType });
  } else {
    const [dataType = '', maxLength = '', note = ''] = simpleTypes[type] ?? [];
    Object.assign(column, { dataType, maxLength, description: description + note });
  }
  if (!name && !column.refTable) throw new Error(`long-tail spec for ${tableName}: "${spec}" has no column name`);
  return column;
}

/** Record-keeping columns the legacy PAS puts on most of its tables (as in the core catalog). */
export const stampSpecs = [
  'CREATED_BY s30 User who created the row',
  'CREATED_DT t When the row was created',
  'UPDATED_BY s30 User who last changed the row',
  'UPDATED_DT t When the row was last changed',
];

/**
 * Declares a long-tail table.
 *
 * @param {string} name table name
 * @param {string} family family name
 * @param {string[]} specs column specs (see the module comment)
 * @param {{ stamps?: boolean, archive?: boolean }} [options] `stamps` (default true) appends the CREATED_/UPDATED_
 *   record-keeping columns; `archive` marks activity the housekeeping also moves to an `ARC_` table
 * @returns {LongTailTable}
 */
export function table(name, family, specs, options = {}) {
  const all = options.stamps === false ? specs : [...specs, ...stampSpecs];
  const t = { name, family, columns: all.map((s) => parseColumnSpec(s, name)) };
  return options.archive ? { ...t, archive: true } : t;
}

/**
 * Makes a `table()` bound to one family, the way each family module declares its tables.
 *
 * @param {string} family
 * @returns {(name: string, specs: string[], options?: { stamps?: boolean, archive?: boolean }) => LongTailTable}
 */
export function familyTable(family) {
  return (name, specs, options) => table(name, family, specs, options);
}
