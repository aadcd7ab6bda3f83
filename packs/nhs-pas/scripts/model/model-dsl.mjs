// @ts-check
/**
 * The compact model DSL of the nhs-pas pack. Each LOAD table is declared once, with its driving legacy table;
 * every field line names the target column and, when the legacy PAS holds it, the source column feeding it.
 * `build-model.mjs` expands the declarations into the target catalog, the in-scope source catalog and the contract.
 *
 * A field line is `[target, type, length, mandatory, source, description, options?]`:
 * - type: `s` string, `i` integer, `n` decimal, `d` date, `t` date-time, `f` Y/N flag, `c:<code_type>` coded;
 * - source: a source column name, or null when the legacy PAS does not hold the value (unmapped, nullable);
 * - options: { tf: transform steps (default by type), st/sl/sd: source type/length/description overrides,
 *   dev: development default (coded, non-mandatory fields only), inv: onInvalid, note: contract note }.
 */

/** Transform steps applied by default per target type. */
/** @type {Record<string, string[]>} */
export const defaultTransforms = {
  s: ['trim'],
  i: ['integer'],
  n: ['decimal'],
  d: ['date'],
  t: ['datetime'],
  f: ['yn'],
  c: ['trim', 'upper'],
};

/** Name-like values: surnames. */
export const SURNAME = ['trim', 'collapse_spaces', 'upper'];
/** Name-like values: forenames, titles. */
export const FORENAME = ['trim', 'collapse_spaces', 'title_case'];
/** Free text. */
export const TEXT = ['trim', 'collapse_spaces'];
/** Local codes and identifiers compared case-insensitively. */
export const CODE = ['trim', 'upper'];

/** The constant SYSTEM_CODE of every LOAD row. */
export const SYSTEM_CODE = 'LEGPAS';
/** The constant MAIN_CRN_TYPE of patient-linked LOAD rows. */
export const MAIN_CRN_TYPE = 'HOSP';

/**
 * The national code sets used by coded target fields: target code type -> local (legacy) code type,
 * target code length and local code length.
 */
/** @type {Record<string, { local: string, len: number, localLen: number }>} */
export const codeTypes = {
  gender: { local: 'SEX', len: 1, localLen: 1 },
  ethnic_category: { local: 'ETHNIC', len: 2, localLen: 3 },
  marital_status: { local: 'MARITAL', len: 1, localLen: 1 },
  nhs_number_status: { local: 'NN_STATUS', len: 2, localLen: 1 },
  admin_category: { local: 'ADMIN_CAT', len: 2, localLen: 4 },
  admission_method: { local: 'ADM_METH', len: 2, localLen: 2 },
  admission_source: { local: 'ADM_SRC', len: 2, localLen: 4 },
  discharge_method: { local: 'DIS_METH', len: 1, localLen: 2 },
  discharge_destination: { local: 'DIS_DEST', len: 2, localLen: 4 },
  patient_classification: { local: 'PAT_CLASS', len: 1, localLen: 3 },
  intended_management: { local: 'INT_MGMT', len: 1, localLen: 2 },
  elective_admission_type: { local: 'ELECT_TYPE', len: 2, localLen: 1 },
  attendance_status: { local: 'ATTEND', len: 1, localLen: 3 },
  attendance_outcome: { local: 'OUTCOME', len: 1, localLen: 3 },
  first_attendance: { local: 'VISIT_TYPE', len: 1, localLen: 2 },
  priority: { local: 'PRIORITY', len: 1, localLen: 3 },
  referral_source: { local: 'REF_SRC', len: 2, localLen: 4 },
  rtt_status: { local: 'RTT_STAT', len: 2, localLen: 4 },
  treatment_function: { local: 'SPEC', len: 3, localLen: 5 },
  main_specialty: { local: 'CONS_SPEC', len: 3, localLen: 3 },
  mha_section: { local: 'MHA_SEC', len: 2, localLen: 6 },
};
