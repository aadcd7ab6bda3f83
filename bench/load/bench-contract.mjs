// The bench's flat legacy patient extract (one file, as small-practice and PAS exports often are) and the full
// contract that loads it: NHS number normalised and validated, dates parsed, local codes crosswalked, postcodes
// and names normalised, lineage on every row.

export const sourceHeader = [
  'PATIENT_ID',
  'HOSP_NO',
  'NHS_NO',
  'SURNAME',
  'FORENAME',
  'DOB',
  'SEX',
  'ETHNIC',
  'MARITAL',
  'ADDRESS',
  'TOWN',
  'POSTCODE',
  'HOME_TEL',
  'DOD',
  'REG_DT',
  'COMMENTS',
];

const col = (name, dataType, extra = {}) => ({
  name,
  dataType,
  nullable: true,
  primaryKey: false,
  description: '',
  ...extra,
});

export const targetCatalog = {
  version: 1,
  name: 'bench-target',
  tables: [
    {
      name: 'LOAD_PATIENT',
      inScope: true,
      columns: [
        col('RECORD_NUMBER', 'integer', { primaryKey: true, nullable: false }),
        col('SYSTEM_CODE', 'string', { maxLength: 10, nullable: false }),
        col('EXTERNAL_SYSTEM_ID', 'string', { maxLength: 20, nullable: false }),
        col('MAIN_CRN', 'string', { maxLength: 10, nullable: false }),
        col('NHS_NUMBER', 'string', { maxLength: 10 }),
        col('SURNAME', 'string', { maxLength: 35, nullable: false }),
        col('FORENAMES', 'string', { maxLength: 35 }),
        col('DATE_OF_BIRTH', 'date', { nullable: false }),
        col('GENDER', 'code', { maxLength: 1, nullable: false, codeType: 'gender' }),
        col('ETHNIC_CATEGORY', 'code', { maxLength: 2, codeType: 'ethnic_category' }),
        col('MARITAL_STATUS', 'code', { maxLength: 1, codeType: 'marital_status' }),
        col('ADDRESS_LINE_1', 'string', { maxLength: 100 }),
        col('TOWN', 'string', { maxLength: 50 }),
        col('POSTCODE', 'string', { maxLength: 8 }),
        col('HOME_PHONE', 'string', { maxLength: 20 }),
        col('DATE_OF_DEATH', 'date'),
        col('REGISTERED_DATE', 'date'),
      ],
    },
  ],
};

const f = (target, source, transform = [], extra = {}) => ({ target, source, transform, status: 'approved', ...extra });

export const contract = {
  version: 1,
  name: 'bench',
  label: '1',
  sourceSystem: 'LEGACY',
  targetSystem: 'BENCH',
  tables: [
    {
      target: 'LOAD_PATIENT',
      source: 'PATIENT',
      sourceKey: ['PATIENT_ID'],
      domain: 'PMI',
      fields: [
        f('RECORD_NUMBER', ['PATIENT_ID'], ['integer'], { mandatory: true }),
        { target: 'SYSTEM_CODE', constant: 'LEGPAS', mandatory: true, status: 'approved' },
        f('EXTERNAL_SYSTEM_ID', ['PATIENT_ID'], ['trim'], { mandatory: true }),
        f('MAIN_CRN', ['HOSP_NO'], ['trim', 'upper'], { mandatory: true }),
        f('NHS_NUMBER', ['NHS_NO'], ['nhs_number']),
        f('SURNAME', ['SURNAME'], ['trim', 'title_case'], { mandatory: true }),
        f('FORENAMES', ['FORENAME'], ['trim', 'title_case']),
        // Half the rows write the date of birth dd/mm/yyyy, half ISO: declared, as a person would for such a file.
        f('DATE_OF_BIRTH', ['DOB'], ['date'], { mandatory: true, sourceFormat: ['dd/mm/yyyy', 'yyyy-mm-dd'] }),
        f('GENDER', ['SEX'], ['trim', 'upper'], { crosswalk: 'gender', mandatory: true }),
        f('ETHNIC_CATEGORY', ['ETHNIC'], ['trim', 'upper'], { crosswalk: 'ethnic_category' }),
        f('MARITAL_STATUS', ['MARITAL'], ['trim', 'upper'], { crosswalk: 'marital_status' }),
        f('ADDRESS_LINE_1', ['ADDRESS'], ['collapse_spaces']),
        f('TOWN', ['TOWN'], ['trim', 'title_case']),
        f('POSTCODE', ['POSTCODE'], ['postcode']),
        f('HOME_PHONE', ['HOME_TEL'], ['phone']),
        f('DATE_OF_DEATH', ['DOD'], ['date']),
        f('REGISTERED_DATE', ['REG_DT'], ['date']),
      ],
    },
  ],
};

const entry = (codeType, sourceCode, targetCode) => ({
  codeType,
  sourceCode,
  targetCode,
  sourceLabel: '',
  targetLabel: '',
  equivalence: 'equivalent',
  status: 'approved',
});

export const localCodes = {
  SEX: ['M', 'F', 'U', 'I'],
  ETHNIC: ['WBR', 'WIR', 'WOT', 'MWC', 'AIN', 'APK', 'ABA', 'BCA', 'BAF', 'CHI', 'OTH', 'NS'],
  MARITAL: ['1', '2', '3', '4', '5', '9'],
};

export const crosswalks = {
  version: 1,
  entries: [
    ...[
      ['M', '1'],
      ['F', '2'],
      ['U', 'X'],
      ['I', '9'],
    ].map(([s, t]) => entry('gender', s, t)),
    ...[
      ['WBR', 'A'],
      ['WIR', 'B'],
      ['WOT', 'C'],
      ['MWC', 'D'],
      ['AIN', 'H'],
      ['APK', 'J'],
      ['ABA', 'K'],
      ['BCA', 'M'],
      ['BAF', 'N'],
      ['CHI', 'R'],
      ['OTH', 'S'],
      ['NS', 'Z'],
    ].map(([s, t]) => entry('ethnic_category', s, t)),
    ...[
      ['1', 'S'],
      ['2', 'M'],
      ['3', 'D'],
      ['4', 'W'],
      ['5', 'P'],
      ['9', 'N'],
    ].map(([s, t]) => entry('marital_status', s, t)),
  ],
};
