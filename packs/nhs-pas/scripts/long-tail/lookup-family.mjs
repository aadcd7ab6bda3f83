/**
 * Local lookup tables (`LKP_<CODE TYPE>`): one per local code type used anywhere in the catalog that the core
 * does not already model, in the PAS's standard lookup layout. Code types starting `sys_` are system
 * enumerations kept in SYS_CODE (see system-family.mjs) and get no lookup of their own.
 */
import { table } from './table-spec.mjs';

/** Code types a PAS keeps lookups for even when no modelled column uses them (reference screens, reports). */
export const extraLocalCodeTypes = [
  'religion',
  'language',
  'title',
  'cancel_reason',
  'removal_reason',
  'bed_type',
  'occupation',
  'nationality',
  'country',
  'county',
  'disability',
  'sexual_orientation',
  'accommodation_status',
  'employment_status',
  'school',
  'gp_practice_status',
];

/** The lookup table name for a code type. */
export const lookupName = (codeType) => `LKP_${codeType.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;

/**
 * Which code types the core already covers: a core table named after the code type, or a core `LKP_` table
 * whose key column carries the code type.
 *
 * @param {Map<string, import('./table-spec.mjs').LongTailTable>} coreTables
 * @returns {Set<string>} covered code types, plus the lookup table names the core has
 */
export function coveredCodeTypes(coreTables, codeTypes) {
  const covered = new Set();
  for (const ct of codeTypes) if (coreTables.has(lookupName(ct))) covered.add(ct);
  for (const t of coreTables.values()) {
    if (!t.name.startsWith('LKP_')) continue;
    for (const c of t.columns) if (c.primaryKey && c.codeType) covered.add(c.codeType);
  }
  return covered;
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
 * One lookup table.
 *
 * @param {string} codeType
 * @param {number} codeLength
 */
export function lookupTable(codeType, codeLength) {
  const label = codeType.replaceAll('_', ' ');
  return table(lookupName(codeType), 'lookup', [
    `CODE c${codeLength}@${codeType}* Local ${label} code`,
    `DESCRIPTION s80! Description of the ${label}`,
    'NATIONAL_CODE s10 Mapped national (NHS Data Dictionary) code, if any',
    'ACTIVE_FLAG b! Code can be chosen on new records',
    'START_DT d Code valid from',
    'END_DT d Code valid to',
    'SORT_ORDER i Position in pick lists',
  ]);
}

/**
 * Lookup tables for every local code type in use (plus the extra list) that the core does not cover,
 * in code type order.
 *
 * @param {Map<string, import('./table-spec.mjs').LongTailTable>} coreTables
 * @param {Iterable<import('./table-spec.mjs').LongTailTable>} allTables core and long-tail tables
 */
export function lookupTables(coreTables, allTables) {
  const lengths = codeTypeLengths(allTables);
  for (const ct of extraLocalCodeTypes) if (!lengths.has(ct)) lengths.set(ct, 10);
  const covered = coveredCodeTypes(coreTables, lengths.keys());
  return [...lengths.keys()]
    .filter((ct) => !ct.startsWith('sys_') && !covered.has(ct))
    .sort()
    .map((ct) => lookupTable(ct, lengths.get(ct) ?? 10));
}
