// @ts-check
import { CODE, codeTypes, defaultTransforms, MAIN_CRN_TYPE, SYSTEM_CODE } from './model-dsl.mjs';

/**
 * @typedef {{ table: string, column: string, dataType: string, maxLength: number | '', nullable: boolean,
 *   primaryKey: boolean, references: string, description: string, codeType: string }} CatalogRow
 */

const REVIEW = { status: 'approved', reviewer: 'nhs-pas-pack', reviewedAt: '2026-11-01' };
const NOT_HELD = 'not held in legacy PAS';

/**
 * Target and source data types, lengths and code types of a DSL type letter.
 * @param {string} letter
 * @param {number} length
 * @param {'source' | 'target'} side
 * @returns {{ dataType: string, maxLength: number | '', codeType: string }}
 */
function typeOf(letter, length, side) {
  if (letter.startsWith('c:')) {
    const codeType = letter.slice(2);
    const ct = codeTypes[codeType];
    if (!ct) throw new Error(`Unknown code type ${codeType}`);
    return side === 'target'
      ? { dataType: 'code', maxLength: ct.len, codeType }
      : { dataType: 'code', maxLength: ct.localLen, codeType: ct.local };
  }
  switch (letter) {
    case 's':
      return { dataType: 'string', maxLength: length, codeType: '' };
    case 'f':
      return { dataType: 'string', maxLength: 1, codeType: '' };
    case 'i':
      return { dataType: 'integer', maxLength: '', codeType: '' };
    case 'n':
      return { dataType: 'decimal', maxLength: '', codeType: '' };
    case 'd':
      return { dataType: 'date', maxLength: side === 'target' ? '' : 10, codeType: '' };
    case 't':
      return { dataType: 'datetime', maxLength: side === 'target' ? '' : 16, codeType: '' };
    default:
      throw new Error(`Unknown DSL type ${letter}`);
  }
}

/**
 * The source description of a column fed into a target field of the given type.
 * @param {string} letter
 * @param {string} description
 */
function sourceDescription(letter, description) {
  if (letter === 'd') return `${description} (dd/mm/yyyy text)`;
  if (letter === 't') return `${description} (dd/mm/yyyy hh:mm text)`;
  if (letter === 'f') return `${description} (Y/N)`;
  if (letter.startsWith('c:')) {
    const local = codeTypes[letter.slice(2)]?.local;
    const lookup = local === 'SPEC' ? 'SPECIALTY' : `LKP_${local}`;
    return `${description} (local code, see ${lookup})`;
  }
  return description;
}

/**
 * The legacy PAS writes every date dd/mm/yyyy (older screens d/m/yyyy) and every date-time dd/mm/yyyy hh:mm: declared
 * on each date row, since a sparse or reference column (all days <= 12) cannot show it from its values alone.
 * @param {string[]} transform
 */
function legacyDateFormat(transform) {
  return transform.includes('date') || transform.includes('datetime') ? { sourceFormat: ['dd/mm/yyyy'] } : {};
}

/**
 * Expands one DSL table into its target catalog rows, source catalog rows and contract table.
 * @param {any} spec the DSL table
 * @param {Map<string, any>} byTarget DSL tables already expanded, by target name (parents must be there)
 */
export function expandTable(spec, byTarget) {
  /** @type {CatalogRow[]} */ const target = [];
  /** @type {Map<string, CatalogRow>} */ const source = new Map();
  /** @type {any[]} */ const fields = [];
  /** @type {{ field: string, table: string }[]} */ const parents = [];

  /**
   * @param {string} column @param {string} letter @param {number} length @param {boolean} nullable
   * @param {string} description @param {{ primaryKey?: boolean, references?: string }} [extra]
   */
  const addSource = (column, letter, length, nullable, description, extra = {}) => {
    const t = typeOf(letter, length, 'source');
    const seen = source.get(column);
    if (seen) {
      if (seen.dataType !== t.dataType || seen.codeType !== t.codeType) {
        throw new Error(`${spec.source}.${column} is used as ${seen.dataType} and as ${t.dataType}`);
      }
      return;
    }
    source.set(column, {
      table: spec.source,
      column,
      dataType: t.dataType,
      maxLength: t.maxLength,
      nullable,
      primaryKey: extra.primaryKey ?? false,
      references: extra.references ?? '',
      description,
      codeType: t.codeType,
    });
  };
  /**
   * @param {string} column @param {string} letter @param {number} length @param {boolean} mandatory
   * @param {string} description @param {string} [references]
   */
  const addTarget = (column, letter, length, mandatory, description, references = '') => {
    if (target.some((r) => r.column === column)) throw new Error(`${spec.target}.${column} declared twice`);
    const t = typeOf(letter, length, 'target');
    target.push({
      table: spec.target,
      column,
      dataType: t.dataType,
      maxLength: t.maxLength,
      nullable: !mandatory,
      primaryKey: column === 'RECORD_NUMBER',
      references,
      description,
      codeType: t.codeType,
    });
  };
  /**
   * @param {string} name @param {string | null} src @param {string[]} transform @param {boolean} mandatory
   * @param {Record<string, unknown>} [extra]
   */
  const mapped = (name, src, transform, mandatory, extra = {}) => {
    fields.push({
      target: name,
      source: src === null ? [] : [src],
      ...extra,
      transform,
      ...legacyDateFormat(transform),
      mandatory,
      ...REVIEW,
    });
  };

  // Keys and lineage.
  addSource(spec.key, 'i', 0, false, 'Surrogate key of the row (becomes RECORD_NUMBER)', { primaryKey: true });
  addTarget('RECORD_NUMBER', 'i', 0, true, `Load record number (legacy ${spec.source}.${spec.key})`);
  mapped('RECORD_NUMBER', spec.key, ['integer'], true);
  addTarget('SYSTEM_CODE', 's', 10, true, `Source system code (constant ${SYSTEM_CODE})`);
  fields.push({ target: 'SYSTEM_CODE', source: [], constant: SYSTEM_CODE, transform: [], mandatory: true, ...REVIEW });
  addTarget('EXTERNAL_SYSTEM_ID', 's', 30, true, 'Legacy key of the row, as text');
  mapped('EXTERNAL_SYSTEM_ID', spec.key, [], true);

  // Patient link.
  if (spec.patient === true) {
    addSource('PAT_ID', 'i', 0, false, 'Patient (PATIENT.PAT_ID)', { references: 'PATIENT.PAT_ID' });
    addTarget('LOADPMI_RECORD_NUMBER', 'i', 0, true, 'Patient (LOAD_PMI row)', 'LOAD_PMI.RECORD_NUMBER');
    mapped('LOADPMI_RECORD_NUMBER', 'PAT_ID', ['integer'], true);
    parents.push({ field: 'LOADPMI_RECORD_NUMBER', table: 'LOAD_PMI' });
  }
  if (spec.patient) {
    const own = spec.patient === 'self';
    addSource(
      'HOSP_NO',
      's',
      10,
      false,
      own ? 'Hospital number (local patient identifier)' : 'Hospital number of the patient (denormalised)',
    );
    addTarget('MAIN_CRN_TYPE', 's', 10, true, `Type of the main case record number (constant ${MAIN_CRN_TYPE})`);
    fields.push({
      target: 'MAIN_CRN_TYPE',
      source: [],
      constant: MAIN_CRN_TYPE,
      transform: [],
      mandatory: true,
      ...REVIEW,
    });
    addTarget('MAIN_CRN', 's', 20, true, 'Main case record number: the hospital number');
    mapped('MAIN_CRN', 'HOSP_NO', CODE, true);
  }

  // Parent links.
  for (const p of spec.parents ?? []) {
    const parent = byTarget.get(p.table);
    if (!parent) throw new Error(`${spec.target}: parent ${p.table} is not earlier in load order`);
    const field = `LOAD${parent.abbr}_RECORD_NUMBER`;
    const description = p.desc ?? `Parent ${p.table} row`;
    addSource(p.src, 'i', 0, !p.req, `${description} (${parent.source}.${parent.key})`, {
      references: `${parent.source}.${parent.key}`,
    });
    addTarget(field, 'i', 0, p.req, description, `${p.table}.RECORD_NUMBER`);
    mapped(field, p.src, ['integer'], p.req);
    parents.push({ field, table: p.table });
  }

  // Domain fields.
  for (const [name, letter, length, mandatory, src, description, o = {}] of spec.fields) {
    addTarget(name, letter, length, mandatory, description);
    if (src === null) {
      if (mandatory) throw new Error(`${spec.target}.${name} is mandatory but unmapped`);
      fields.push({ target: name, source: [], transform: [], mandatory: false, ...REVIEW, notes: NOT_HELD });
      continue;
    }
    const sourceLetter = o.st ?? letter;
    addSource(src, sourceLetter, o.sl ?? length, true, o.sd ?? sourceDescription(sourceLetter, description), {
      references: o.sref,
    });
    const base = letter.startsWith('c:') ? 'c' : letter;
    /** @type {any} */ const extra = {};
    if (letter.startsWith('c:')) extra.crosswalk = letter.slice(2);
    const transform = o.tf ?? defaultTransforms[base];
    const field = { target: name, source: [src], transform, ...legacyDateFormat(transform), ...extra, mandatory };
    if (o.inv) field.onInvalid = o.inv;
    if (o.dev) {
      if (mandatory) throw new Error(`${spec.target}.${name}: defaults are not allowed on mandatory fields`);
      field.defaults = { development: o.dev };
    }
    fields.push({ ...field, ...REVIEW, ...(o.note ? { notes: o.note } : {}) });
  }

  // Legacy columns the load does not use, then record status and audit columns.
  for (const [name, letter, length, description, references] of spec.extras ?? []) {
    addSource(name, letter, length, true, sourceDescription(letter, description), { references });
  }
  if (spec.recStatus) addSource('REC_STATUS', 's', 1, false, spec.recStatus);
  /** @type {[string, string, number, string, string, string[]][]} */
  const audit = [
    ['CREATE_USER', 's', 30, 'CREATED_BY', 'User who created the row', CODE],
    ['CREATE_DTTM', 't', 0, 'CREATED_DT', 'When the row was created', ['datetime']],
    ['MODIF_USER', 's', 30, 'UPDATED_BY', 'User who last changed the row', CODE],
    ['MODIF_DTTM', 't', 0, 'UPDATED_DT', 'When the row was last changed', ['datetime']],
  ];
  for (const [name, letter, length, src, description, transform] of audit) {
    addSource(src, letter, length, true, sourceDescription(letter, description));
    addTarget(name, letter, length, false, description);
    mapped(name, src, transform, false);
  }

  const table = {
    target: spec.target,
    source: spec.source,
    sourceKey: [spec.key],
    targetKey: 'RECORD_NUMBER',
    parents,
    ...(spec.outOfScope
      ? {
          outOfScope: {
            column: 'REC_STATUS',
            outOfScopeValues: spec.outOfScope.values,
            reason: spec.outOfScope.reason,
          },
        }
      : {}),
    ...(spec.naturalKey ? { naturalKey: spec.naturalKey } : {}),
    domain: spec.domain,
    fields,
  };
  return { target, source: [...source.values()], table };
}
