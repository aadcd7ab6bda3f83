#!/usr/bin/env node
// Writes quality/checks.json: the nhs-pas pack's quality checks over the LOAD tables.
// The systematic checks (one per table, per parent link, per coded column) are derived from the target catalog
// and the reviewed contract; the clinical rules are listed by hand below. Run: node packs/nhs-pas/quality/build-checks.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const catalog = parseCsv(readFileSync(here('../catalog/target.csv'), 'utf8'));
const contract = JSON.parse(readFileSync(here('../contract/contract.json'), 'utf8'));

/** Reference-data tables: links to them are not part of the patient chain. */
const referenceTables = new Set([
  'LOAD_STAFF',
  'LOAD_SITES',
  'LOAD_WARDS',
  'LOAD_SPECIALTIES',
  'LOAD_CLINICS',
  'LOAD_CLINIC_SESSIONS',
  'LOAD_CLINIC_SLOTS',
]);
const domainOf = new Map(contract.tables.map((t) => [t.target, t.domain]));
const short = (table) => table.replace(/^LOAD_/, '').toLowerCase();
const lower = (column) => column.toLowerCase();

const checks = [];
function add(id, table, dimension, severity, kind, params, description, tags) {
  const domain = domainOf.get(table);
  if (!domain) throw new Error(`${id}: table ${table} is not loaded by the contract`);
  checks.push({ id, domain, dimension, severity, description, table, kind, params, ...(tags ? { tags } : {}) });
}

const postcode =
  '^(GIR ?0AA|(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2}|ZZ99 ?[0-9][A-Z]{2})$';

// ---------------------------------------------------------------- completeness
const required = [
  ['LOAD_PMI', 'MAIN_CRN', 'error', 'Patient has a hospital number'],
  ['LOAD_PMI', 'SURNAME', 'error', 'Patient has a surname'],
  ['LOAD_PMI', 'FORENAME', 'error', 'Patient has a forename'],
  ['LOAD_PMI', 'DATE_OF_BIRTH', 'error', 'Patient has a date of birth'],
  ['LOAD_PMI', 'SEX', 'error', 'Patient has a sex'],
  ['LOAD_PMI', 'NHS_NUMBER', 'info', 'Patient has an NHS number (a missing one needs a trace status)'],
  ['LOAD_PMI', 'NHS_NUMBER_STATUS', 'info', 'Patient has an NHS number status'],
  ['LOAD_PMI', 'GP_PRACTICE_CODE', 'info', 'Patient has a GP practice (or a V8199x default)'],
  ['LOAD_REFERRALS', 'RECEIVED_DATE', 'error', 'Referral has a received date'],
  ['LOAD_REFERRALS', 'REFERRAL_SOURCE', 'warning', 'Referral has a source of referral'],
  ['LOAD_REFERRALS', 'TREATMENT_FUNCTION', 'error', 'Referral has a treatment function (specialty)'],
  ['LOAD_RTT_PATHWAYS', 'PATIENT_PATHWAY_ID', 'error', 'RTT pathway has a patient pathway identifier'],
  ['LOAD_RTT_PERIODS', 'CLOCK_START_DATE', 'error', 'RTT period has a clock start date'],
  ['LOAD_OPD_APPOINTMENTS', 'APPOINTMENT_DTTM', 'error', 'Appointment has a date and time'],
  ['LOAD_OPD_APPOINTMENTS', 'CLINIC_CODE', 'error', 'Appointment has a clinic'],
  [
    'LOAD_OPD_APPOINTMENTS',
    'FIRST_ATTENDANCE',
    'error',
    'Appointment says whether it is a first or follow-up attendance',
  ],
  ['LOAD_IPWL', 'DECISION_TO_ADMIT_DATE', 'error', 'Inpatient list entry has a decision-to-admit date'],
  ['LOAD_IPWL', 'INTENDED_MANAGEMENT', 'error', 'Inpatient list entry has an intended management'],
  ['LOAD_IPWL_TCIS', 'TCI_DATE', 'error', 'TCI has a to-come-in date'],
  ['LOAD_ADT_ADMISSIONS', 'ADMISSION_METHOD', 'error', 'Spell has an admission method'],
  ['LOAD_ADT_ADMISSIONS', 'ADMISSION_SOURCE', 'warning', 'Spell has a source of admission'],
  ['LOAD_ADT_ADMISSIONS', 'PATIENT_CLASSIFICATION', 'warning', 'Spell has a patient classification'],
  ['LOAD_ADT_EPISODES', 'CONSULTANT_CODE', 'error', 'Episode has a consultant'],
  ['LOAD_ADT_EPISODES', 'TREATMENT_FUNCTION', 'error', 'Episode has a treatment function'],
  ['LOAD_MH_DETENTIONS', 'MHA_SECTION', 'error', 'Detention has a Mental Health Act section'],
];
for (const [table, column, severity, description] of required) {
  add(`${short(table)}.${lower(column)}.present`, table, 'completeness', severity, 'not_null', { column }, description);
}
for (const column of ['DISCHARGE_METHOD', 'DISCHARGE_DESTINATION']) {
  add(
    `adt_admissions.${lower(column)}.present`,
    'LOAD_ADT_ADMISSIONS',
    'completeness',
    'warning',
    'not_null',
    { column, requiredWith: ['DISCHARGE_DTTM'] },
    `A discharged spell has a ${lower(column).replace('_', ' ')}`,
  );
}

// ---------------------------------------------------------------- validity
add(
  'pmi.nhs_number.mod11',
  'LOAD_PMI',
  'validity',
  'error',
  'nhs_number_valid',
  { column: 'NHS_NUMBER' },
  'NHS number is 10 digits with a correct Modulus 11 check digit',
);
add(
  'pmi.nhs_number.repdigit',
  'LOAD_PMI',
  'validity',
  'error',
  'not_repdigit',
  { column: 'NHS_NUMBER' },
  'NHS number is not a repeated-digit placeholder (they pass Modulus 11)',
);
add(
  'pmi_merges.minor_nhs_number.mod11',
  'LOAD_PMI_MERGES',
  'validity',
  'warning',
  'nhs_number_valid',
  { column: 'MINOR_NHS_NUMBER' },
  "Merged-away patient's NHS number passes Modulus 11",
);
add(
  'pmi_merges.minor_nhs_number.repdigit',
  'LOAD_PMI_MERGES',
  'validity',
  'warning',
  'not_repdigit',
  { column: 'MINOR_NHS_NUMBER' },
  "Merged-away patient's NHS number is not a placeholder",
);
const patterns = [
  [
    'LOAD_PMIADDRS',
    'POSTCODE',
    'warning',
    postcode,
    'UK postcode',
    'Address postcode is a UK postcode or a ZZ99 pseudo-postcode',
  ],
  [
    'LOAD_PMINOK',
    'POSTCODE',
    'info',
    postcode,
    'UK postcode',
    "Next of kin's postcode is a UK postcode or a ZZ99 pseudo-postcode",
  ],
  ['LOAD_PMIGPAUDIT', 'PRACTICE_POSTCODE', 'info', postcode, 'UK postcode', 'GP practice postcode is a UK postcode'],
  ['LOAD_SITES', 'POSTCODE', 'warning', postcode, 'UK postcode', 'Site postcode is a UK postcode'],
  [
    'LOAD_PMI',
    'GP_PRACTICE_CODE',
    'warning',
    '^[A-Z][0-9]{5}$',
    'ODS GP practice code',
    'GP practice is an ODS practice code (V81997/8/9 defaults included)',
  ],
  [
    'LOAD_PMIGPAUDIT',
    'GP_PRACTICE_CODE',
    'warning',
    '^[A-Z][0-9]{5}$',
    'ODS GP practice code',
    'Registered practice is an ODS practice code',
  ],
  ['LOAD_PMI', 'GP_CODE', 'warning', '^G[0-9]{7}$', 'GP national code', 'GP is a national GP code (G and 7 digits)'],
  ['LOAD_PMIGPAUDIT', 'GP_CODE', 'warning', '^G[0-9]{7}$', 'GP national code', 'Registered GP is a national GP code'],
  [
    'LOAD_CODING_DIAGNOSES',
    'DIAGNOSIS_CODE',
    'warning',
    '^[A-Z][0-9]{2}(\\.?[0-9X])?[0-9A-Z]?$',
    'ICD-10',
    'Diagnosis is an ICD-10 code',
  ],
  [
    'LOAD_CODING_PROCEDURES',
    'PROCEDURE_CODE',
    'warning',
    '^[A-Z][0-9]{2}\\.?[0-9]$',
    'OPCS-4',
    'Procedure is an OPCS-4 code',
  ],
  ['LOAD_REFERRALS', 'UBRN', 'info', '^[0-9]{12}$', 'e-RS UBRN', 'Referral UBRN is 12 digits'],
];
for (const [table, column, severity, regex, format, description] of patterns) {
  add(
    `${short(table)}.${lower(column)}.format`,
    table,
    'validity',
    severity,
    'pattern',
    { column, regex, format },
    description,
  );
}
for (const r of catalog) {
  if (!r.code_type || !domainOf.has(r.table_name)) continue;
  add(
    `${short(r.table_name)}.${lower(r.column_name)}.code`,
    r.table_name,
    'validity',
    'error',
    'code_in_set',
    { column: r.column_name, codeType: r.code_type },
    `${r.column_name} is a national ${r.code_type} code`,
  );
}

// ---------------------------------------------------------------- uniqueness
for (const t of contract.tables) {
  add(
    `${short(t.target)}.record_number.unique`,
    t.target,
    'uniqueness',
    'error',
    'unique',
    { columns: [t.targetKey ?? 'RECORD_NUMBER'] },
    `${t.target} record numbers are unique`,
  );
}
add(
  'pmi.nhs_number.duplicate',
  'LOAD_PMI',
  'uniqueness',
  'error',
  'duplicate_value',
  { column: 'NHS_NUMBER' },
  'One NHS number belongs to one patient: every patient sharing an NHS number is listed',
);
add(
  'pmi.main_crn.unique',
  'LOAD_PMI',
  'uniqueness',
  'error',
  'unique',
  { columns: ['MAIN_CRN'] },
  'Hospital numbers are unique',
);
add(
  'adt_admissions.spell_number.unique',
  'LOAD_ADT_ADMISSIONS',
  'uniqueness',
  'warning',
  'unique',
  { columns: ['SPELL_NUMBER'] },
  'Spell numbers are unique',
);

// ---------------------------------------------------------------- integrity
for (const t of contract.tables) {
  for (const p of t.parents ?? []) {
    const chain = !referenceTables.has(t.target) && !referenceTables.has(p.table);
    add(
      `${short(t.target)}.${lower(p.field)}.references`,
      t.target,
      'integrity',
      'error',
      'references',
      { column: p.field, parentTable: p.table },
      `Every ${t.target} row's ${p.field} finds its ${p.table} row`,
      chain ? ['patient_chain'] : undefined,
    );
  }
  // The patient of a child row is the patient of its parent row (appointment and referral, episode and spell, ...).
  for (const p of t.parents ?? []) {
    if (p.table === 'LOAD_PMI' || referenceTables.has(p.table) || !t.parents.some((q) => q.table === 'LOAD_PMI'))
      continue;
    add(
      `${short(t.target)}.patient.matches_${short(p.table)}`,
      t.target,
      'integrity',
      'error',
      'matches_parent',
      { link: p.field, parentTable: p.table, column: 'LOADPMI_RECORD_NUMBER' },
      `A ${t.target} row belongs to the same patient as its ${p.table} row`,
      ['patient_chain'],
    );
  }
}

// ---------------------------------------------------------------- plausibility
add(
  'pmi.date_of_birth.age_range',
  'LOAD_PMI',
  'plausibility',
  'error',
  'age_range',
  { column: 'DATE_OF_BIRTH', deathColumn: 'DATE_OF_DEATH', minAge: 0, maxAge: 115 },
  'Date of birth is not in the future and gives an age of 0-115 (at death for the deceased)',
);
add(
  'pmi.date_of_death.after_birth',
  'LOAD_PMI',
  'plausibility',
  'error',
  'date_order',
  { earlier: 'DATE_OF_BIRTH', later: 'DATE_OF_DEATH' },
  'Date of death is not before date of birth',
);
add(
  'pmi.date_of_death.not_future',
  'LOAD_PMI',
  'plausibility',
  'error',
  'not_future',
  { column: 'DATE_OF_DEATH' },
  'Date of death is not after the extract date',
);
const orders = [
  [
    'LOAD_REFERRALS',
    'REFERRAL_DATE',
    'RECEIVED_DATE',
    'warning',
    'date',
    'Referral is not received before the letter was written',
  ],
  [
    'LOAD_RTT_PATHWAYS',
    'PATHWAY_START_DATE',
    'PATHWAY_END_DATE',
    'warning',
    'date',
    'RTT pathway does not end before it starts',
  ],
  [
    'LOAD_RTT_PERIODS',
    'CLOCK_START_DATE',
    'CLOCK_STOP_DATE',
    'error',
    'date',
    'RTT clock does not stop before it starts',
  ],
  [
    'LOAD_OPWL_SUSPENSIONS',
    'SUSPENSION_START_DATE',
    'SUSPENSION_END_DATE',
    'warning',
    'date',
    'Outpatient list suspension does not end before it starts',
  ],
  [
    'LOAD_IPWL',
    'DECISION_TO_ADMIT_DATE',
    'WL_DATE',
    'warning',
    'date',
    'Patient is not put on the inpatient list before the decision to admit',
  ],
  [
    'LOAD_IPWL_SUSPENSIONS',
    'SUSPENSION_START_DATE',
    'SUSPENSION_END_DATE',
    'warning',
    'date',
    'Inpatient list suspension does not end before it starts',
  ],
  ['LOAD_ADT_ADMISSIONS', 'ADMISSION_DTTM', 'DISCHARGE_DTTM', 'error', 'exact', 'Discharge is not before admission'],
  [
    'LOAD_ADT_ADMISSIONS',
    'DECISION_TO_ADMIT_DATE',
    'ADMISSION_DTTM',
    'warning',
    'date',
    'Admission is not before the decision to admit',
  ],
  [
    'LOAD_ADT_EPISODES',
    'EPISODE_START_DTTM',
    'EPISODE_END_DTTM',
    'error',
    'exact',
    'Episode does not end before it starts',
  ],
  ['LOAD_ADT_WARDSTAYS', 'START_DTTM', 'END_DTTM', 'error', 'exact', 'Ward stay does not end before it starts'],
  ['LOAD_MH_DETENTIONS', 'START_DTTM', 'END_DTTM', 'warning', 'exact', 'Detention does not end before it starts'],
  ['LOAD_MH_DETENTIONS', 'START_DTTM', 'EXPIRY_DTTM', 'warning', 'exact', 'Detention does not expire before it starts'],
  ['LOAD_MH_CPA', 'START_DATE', 'END_DATE', 'warning', 'date', 'CPA episode does not end before it starts'],
];
for (const [table, earlier, later, severity, granularity, description] of orders) {
  add(
    `${short(table)}.${lower(later)}.after_${lower(earlier)}`,
    table,
    'plausibility',
    severity,
    'date_order',
    { earlier, later, granularity },
    description,
  );
}
for (const [table, column, severity, description] of [
  ['LOAD_REFERRALS', 'RECEIVED_DATE', 'warning', 'Referral is not received after the extract date'],
  ['LOAD_ADT_ADMISSIONS', 'DISCHARGE_DTTM', 'warning', 'Discharge is not after the extract date'],
  ['LOAD_RTT_PERIODS', 'CLOCK_STOP_DATE', 'warning', 'RTT clock does not stop after the extract date'],
]) {
  add(
    `${short(table)}.${lower(column)}.not_future`,
    table,
    'plausibility',
    severity,
    'not_future',
    { column },
    description,
  );
}
const nested = [
  [
    'LOAD_ADT_EPISODES',
    'within_spell',
    'error',
    {
      link: 'LOADADM_RECORD_NUMBER',
      parentTable: 'LOAD_ADT_ADMISSIONS',
      start: 'EPISODE_START_DTTM',
      end: 'EPISODE_END_DTTM',
      parentStart: 'ADMISSION_DTTM',
      parentEnd: 'DISCHARGE_DTTM',
      granularity: 'exact',
    },
    'Episode lies inside its spell',
  ],
  [
    'LOAD_ADT_WARDSTAYS',
    'within_spell',
    'error',
    {
      link: 'LOADADM_RECORD_NUMBER',
      parentTable: 'LOAD_ADT_ADMISSIONS',
      start: 'START_DTTM',
      end: 'END_DTTM',
      parentStart: 'ADMISSION_DTTM',
      parentEnd: 'DISCHARGE_DTTM',
      granularity: 'exact',
    },
    'Ward stay lies inside its spell',
  ],
  [
    'LOAD_ADT_WARDSTAYS',
    'within_episode',
    'warning',
    {
      link: 'LOADEPI_RECORD_NUMBER',
      parentTable: 'LOAD_ADT_EPISODES',
      start: 'START_DTTM',
      end: 'END_DTTM',
      parentStart: 'EPISODE_START_DTTM',
      parentEnd: 'EPISODE_END_DTTM',
      granularity: 'exact',
    },
    'Ward stay lies inside its episode',
  ],
  [
    'LOAD_IPWL_TCIS',
    'after_dta',
    'error',
    {
      link: 'LOADIPWL_RECORD_NUMBER',
      parentTable: 'LOAD_IPWL',
      start: 'TCI_DATE',
      parentStart: 'DECISION_TO_ADMIT_DATE',
    },
    'TCI date is not before the decision to admit',
  ],
  [
    'LOAD_RTT_PERIODS',
    'within_pathway',
    'warning',
    {
      link: 'LOADPATH_RECORD_NUMBER',
      parentTable: 'LOAD_RTT_PATHWAYS',
      start: 'CLOCK_START_DATE',
      end: 'CLOCK_STOP_DATE',
      parentStart: 'PATHWAY_START_DATE',
      parentEnd: 'PATHWAY_END_DATE',
    },
    'RTT period lies inside its pathway',
  ],
  [
    'LOAD_OPD_APPOINTMENTS',
    'after_referral',
    'warning',
    {
      link: 'LOADREF_RECORD_NUMBER',
      parentTable: 'LOAD_REFERRALS',
      start: 'APPOINTMENT_DTTM',
      parentStart: 'RECEIVED_DATE',
    },
    'Appointment is not before its referral was received',
  ],
];
for (const [table, name, severity, params, description] of nested) {
  add(`${short(table)}.${name}`, table, 'plausibility', severity, 'within_parent', params, description);
}
// No activity after death. The activity row is offending; administrative cancellations are not activity.
const toPatient = [{ link: 'LOADPMI_RECORD_NUMBER', table: 'LOAD_PMI' }];
const afterDeath = [
  ['LOAD_REFERRALS', 'RECEIVED_DATE', undefined, 'Referral is not received after the patient died'],
  ['LOAD_OPWL', 'WL_DATE', undefined, 'Patient is not put on an outpatient list after death'],
  [
    'LOAD_OPD_APPOINTMENTS',
    'APPOINTMENT_DTTM',
    'CANCEL_DATE',
    'No outpatient appointment after death (cancelled ones excepted)',
  ],
  ['LOAD_IPWL', 'WL_DATE', undefined, 'Patient is not put on an inpatient list after death'],
  ['LOAD_IPWL_TCIS', 'TCI_DATE', 'CANCEL_DATE', 'No TCI after death (cancelled ones excepted)'],
  ['LOAD_ADT_ADMISSIONS', 'ADMISSION_DTTM', undefined, 'No admission after death'],
  ['LOAD_ADT_EPISODES', 'EPISODE_START_DTTM', undefined, 'No episode starts after death'],
  ['LOAD_ADT_WARDSTAYS', 'START_DTTM', undefined, 'No ward stay starts after death'],
  ['LOAD_CODING_PROCEDURES', 'PROCEDURE_DATE', undefined, 'No procedure after death'],
  ['LOAD_MH_DETENTIONS', 'START_DTTM', undefined, 'No detention starts after death'],
];
for (const [table, column, cancelled, description] of afterDeath) {
  add(
    `${short(table)}.${lower(column)}.after_death`,
    table,
    'plausibility',
    'error',
    'after_death',
    { column, path: toPatient, ...(cancelled ? { unlessPresent: cancelled } : {}) },
    description,
  );
}

checks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const text = `${JSON.stringify(checks, null, 2)}\n`;
if (process.argv.includes('--check')) {
  // Used by the tests: checks.json must hold what this script writes (formatting aside).
  if (JSON.stringify(JSON.parse(readFileSync(here('checks.json'), 'utf8'))) !== JSON.stringify(checks)) {
    process.stderr.write('quality/checks.json is out of date: run node packs/nhs-pas/quality/build-checks.mjs\n');
    process.exit(1);
  }
  process.stdout.write(`quality/checks.json is up to date (${checks.length} checks)\n`);
} else {
  writeFileSync(here('checks.json'), text);
  process.stdout.write(`wrote ${checks.length} checks to quality/checks.json\n`);
}
