/**
 * A terse way to declare long-tail tables, one string per column, so each family reads like a data dictionary.
 *
 * Column spec: `NAME TYPE[FLAGS] Description`
 * - TYPE: `s40` string(40) · `c4@code_type` code(4) of a code type · `i` integer · `n` decimal · `d` date ·
 *   `t` datetime · `b` boolean · `>TABLE` a reference to TABLE's single-column primary key (type, length and code
 *   type are copied from that key when the catalog is resolved; NAME may then be left out to reuse the key's name).
 *   `>A|B` names alternatives for a core table whose exact name may vary: the first that exists is used.
 * - FLAGS: `*` part of the primary key (implies not null) · `!` not null.
 *
 * @example
 * table('AE_TRIAGE', 'ae', [
 *   'TRIAGE_ID i* Triage record identifier',
 *   'ATTEND_ID >AE_ATTEND! Attendance triaged',
 *   '>PATIENT! Patient',
 *   'TRIAGE_CAT c2@ae_triage_cat Manchester triage category',
 * ]);
 */

const specPattern = /^(?:([A-Z][A-Z0-9_]*) )?(s\d+|c\d+@[a-z][a-z0-9_]*|i|n|d|t|b|>[A-Z][A-Z0-9_]*(?:\|[A-Z][A-Z0-9_]*)*)([*!]*) (\S.*)$/;

const simpleTypes = { i: 'integer', n: 'decimal', d: 'date', t: 'datetime', b: 'boolean' };

/**
 * @typedef {object} LongTailColumn
 * @property {string} name column name ('' until resolved when it is taken from a referenced key)
 * @property {string} dataType one of the catalog data types
 * @property {string} maxLength length as text ('' when none)
 * @property {boolean} nullable
 * @property {boolean} primaryKey
 * @property {string} references `TABLE.COLUMN` once resolved, else ''
 * @property {string} refTable table(s) whose primary key this column references, before resolution (`A|B`)
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
  } else column.dataType = simpleTypes[type];
  if (!name && !column.refTable) throw new Error(`long-tail spec for ${tableName}: "${spec}" has no column name`);
  return column;
}

/** Record-keeping columns a legacy PAS puts on most of its tables. */
export const stampSpecs = [
  'CRE_USER s30 User who created the row',
  'CRE_DTTM t Date/time the row was created',
  'UPD_USER s30 User who last updated the row',
  'UPD_DTTM t Date/time the row was last updated',
];

/**
 * Declares a long-tail table.
 *
 * @param {string} name table name
 * @param {string} family family name
 * @param {string[]} specs column specs (see the module comment)
 * @param {{ stamps?: boolean, archive?: boolean }} [options] `stamps` (default true) appends the CRE_/UPD_
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
