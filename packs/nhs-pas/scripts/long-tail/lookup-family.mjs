/**
 * Lookups for the code types the catalog uses (code types are upper case, as in the core: SEX, ADM_METH...).
 * - `LKP_<CODE TYPE>`: one per PAS-wide local code type (used by the long tail, or on the extra list below) that
 *   the core does not already model, in the core's lookup layout plus the national code and pick-list order.
 * - `<MODULE>_CODE`: a departmental module keeps its own enumerations in one code table keyed by
 *   (CODE_TYPE, CODE): the code type `AE_ARRIVAL_MODE` lives in AE_CODE, `PATH_GROWTH` in PATH_CODE, and so on.
 * - Code types starting `SYS_` are system enumerations kept in SYS_CODE (see system-family.mjs).
 */
import { table } from './table-spec.mjs';

/** Code types a PAS keeps lookups for even when no modelled column uses them (pick lists, reports, returns). */
export const extraLocalCodeTypes = [
  'RELIGION',
  'LANGUAGE',
  'TITLE',
  'CANC_REASON',
  'REMOVAL_REASON',
  'DNA_REASON',
  'BED_TYPE',
  'OCCUPATION',
  'NATIONALITY',
  'COUNTRY',
  'COUNTY',
  'DISABILITY',
  'SEX_ORIENT',
  'ACCOM_STATUS',
  'EMPLOY_STATUS',
  'RELATIONSHIP',
  'ALERT_TYPE',
  'ALLERGY_TYPE',
  'IDENT_TYPE',
  'SUSP_REASON',
  'TCI_OUTCOME',
  'LEAVE_TYPE',
  'DEATH_PLACE',
  'REF_OUTCOME',
  'SESS_CANC_REASON',
  'WARD_TYPE',
  'STAFF_TYPE',
  'OVERSEAS_STATUS',
  'MERGE_REASON',
  'CPA_LEVEL',
  'DIVISION',
];

/** Code type prefixes of the departmental modules, and the module code table that holds them. */
export const moduleCodeTables = {
  AE: 'AE_CODE',
  BILL: 'BILL_CODE',
  CC: 'CC_CODE',
  COM: 'COM_CODE',
  EST: 'EST_CODE',
  MAT: 'MAT_CODE',
  PATH: 'PATH_CODE',
  PH: 'PH_CODE',
  RAD: 'RAD_CODE',
  TH: 'TH_CODE',
  TR: 'TR_CODE',
};

/** The module code table holding a code type, or undefined for a PAS-wide code type. */
export const moduleCodeTable = (codeType) => moduleCodeTables[codeType.split('_')[0] ?? ''];

/** The lookup table name for a PAS-wide code type. */
export const lookupName = (codeType) => `LKP_${codeType.replace(/[^A-Z0-9]+/g, '_')}`;

/**
 * Which code types the core already covers: it has `LKP_<CODE TYPE>`, or a master table named after the code
 * type that carries it (SPEC -> SPECIALTY.SPEC_CD).
 *
 * @param {Map<string, import('./table-spec.mjs').LongTailTable>} coreTables
 * @param {Iterable<string>} codeTypes code types in use
 * @returns {Set<string>} the code types the core covers
 */
export function coveredCodeTypes(coreTables, codeTypes) {
  const covered = new Set();
  for (const ct of codeTypes) if (coreTables.has(codeTableName(ct, coreTables))) covered.add(ct);
  return covered;
}

/**
 * The table that lists the codes of a code type: the module code table, SYS_CODE, the core's master or lookup
 * table, or the `LKP_` table the long tail adds.
 *
 * @param {string} codeType
 * @param {Map<string, import('./table-spec.mjs').LongTailTable>} coreTables
 * @returns {string}
 */
export function codeTableName(codeType, coreTables) {
  const moduleTable = moduleCodeTable(codeType);
  if (moduleTable) return moduleTable;
  if (codeType.startsWith('SYS_')) return 'SYS_CODE';
  for (const t of coreTables.values()) {
    if (!t.name.startsWith('LKP_') && t.name.startsWith(codeType) && t.columns.some((c) => c.codeType === codeType)) {
      return t.name;
    }
  }
  return lookupName(codeType);
}

/**
 * Collects code types and the longest code length used for each, over the given tables.
 *
 * @param {Iterable<import('./table-spec.mjs').LongTailTable>} tables
 * @returns {Map<string, number>}
 */
export function codeTypeLengths(tables) {
  const lengths = new Map();
  for (const t of tables) {
    for (const c of t.columns) {
      if (!c.codeType) continue;
      const len = Number(c.maxLength) || 10;
      lengths.set(c.codeType, Math.max(lengths.get(c.codeType) ?? 1, len));
    }
  }
  return lengths;
}

/**
 * One `LKP_` table.
 *
 * @param {string} codeType
 * @param {number} codeLength
 */
export function lookupTable(codeType, codeLength) {
  return table(
    lookupName(codeType),
    'lookup',
    [
      `CODE s${codeLength}* Local ${codeType} code`,
      'DESCRIPTION s60! Description shown to users',
      'NATIONAL_CODE s10 Mapped national (NHS Data Dictionary) code, if any',
      'ACTIVE_FLAG b! Y when the code can be used on new records',
      'START_DT d Date the code was introduced',
      'END_DT d Date the code was retired',
      'SORT_ORDER i Position in pick lists',
    ],
    { stamps: false },
  );
}

/**
 * One module code table, its CODE as long as the longest code of the module.
 *
 * @param {string} prefix module prefix, e.g. AE
 * @param {number} codeLength
 */
export function moduleCodeTableOf(prefix, codeLength) {
  return table(`${prefix}_CODE`, 'lookup', [
    `CODE_TYPE s30* Code type (one of the catalog's ${prefix}_* code types)`,
    `CODE s${codeLength}* Code`,
    'DESCRIPTION s60! Description shown to users',
    'NATIONAL_CODE s18 Mapped national code (Data Dictionary or SNOMED CT), if any',
    'ACTIVE_FLAG b! Y when the code can be used on new records',
    'START_DT d Date the code was introduced',
    'END_DT d Date the code was retired',
    'SORT_ORDER i Position in pick lists',
  ]);
}

/**
 * Lookup tables for every PAS-wide local code type in use (plus the extra list) that the core does not cover,
 * in code type order, then the module code tables in name order.
 *
 * @param {Map<string, import('./table-spec.mjs').LongTailTable>} coreTables
 * @param {Iterable<import('./table-spec.mjs').LongTailTable>} allTables core and long-tail tables
 */
export function lookupTables(coreTables, allTables) {
  const lengths = codeTypeLengths(allTables);
  for (const ct of extraLocalCodeTypes) if (!lengths.has(ct)) lengths.set(ct, 10);
  const covered = coveredCodeTypes(coreTables, lengths.keys());
  const modules = new Map();
  const lookups = [];
  for (const ct of [...lengths.keys()].sort()) {
    const len = lengths.get(ct) ?? 10;
    const prefix = moduleCodeTable(ct) ? (ct.split('_')[0] ?? '') : '';
    if (prefix) modules.set(prefix, Math.max(modules.get(prefix) ?? 1, len));
    else if (!ct.startsWith('SYS_') && !covered.has(ct)) lookups.push(lookupTable(ct, len));
  }
  const moduleTables = [...modules.keys()].sort().map((p) => moduleCodeTableOf(p, modules.get(p) ?? 10));
  return [...lookups, ...moduleTables];
}
