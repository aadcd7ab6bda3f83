import { describe, expect, it } from 'vitest';
import { type Catalog, type CatalogColumn, catalogSchema, type DataType } from '../catalog/catalog-model.js';
import { profileSource } from '../profile/profile-source.js';
import { buildMatchingFeatures } from './catalog-features.js';
import { suggestContract } from './suggest-contract.js';
import { learnTableAliases } from './table-aliases.js';

// The general rules of the mapper, each on a small schema in a vendor style unlike the target's: PascalCase
// tbl tables, the vendor's own words for entities, booleans and datetimes where the target has flags and dates.

type ColumnSpec = [name: string, type: DataType, description?: string, extra?: Partial<CatalogColumn>];
const table = (name: string, columns: ColumnSpec[], inScope = true) => ({
  name,
  inScope,
  columns: columns.map(([n, dataType, description = '', extra = {}]) => ({
    name: n,
    dataType,
    nullable: !extra.primaryKey,
    primaryKey: false,
    description,
    ...extra,
  })),
});
const catalog = (name: string, tables: ReturnType<typeof table>[]): Catalog =>
  catalogSchema.parse({ version: 1, name, tables });
const pk = { primaryKey: true };
const ref = (references: string) => ({ references });

const target = catalog('load', [
  table('LOAD_SITES', [
    ['RECORD_NUMBER', 'integer', 'Load record number', pk],
    ['SITE_CODE', 'string', 'Local site code'],
    ['SITE_NAME', 'string', 'Site name'],
    ['SITE_TYPE', 'string', 'Site type'],
    ['ACTIVE_FLAG', 'string', 'Y when the site is in use'],
    ['START_DATE', 'date', 'Date the site opened'],
    ['COMMENTS', 'string', 'Free-text notes'],
  ]),
  table('LOAD_PATIENTS', [
    ['RECORD_NUMBER', 'integer', 'Load record number', pk],
    ['SURNAME', 'string', 'Surname'],
    ['MARITAL_STATUS', 'code', 'Marital status', { codeType: 'marital_status' }],
    ['REGISTERED_SITE', 'string', 'Local code of the site the patient is registered at'],
    ['COMMENTS', 'string', 'Free-text notes'],
    ['CREATE_USER', 'string', 'User who created the row'],
  ]),
  table('LOAD_ADDRESSES', [
    ['RECORD_NUMBER', 'integer', 'Load record number', pk],
    ['PATIENT_RECORD_NUMBER', 'integer', 'Patient', ref('LOAD_PATIENTS.RECORD_NUMBER')],
    ['ADDRESS_LINE1', 'string', 'Address line 1'],
    ['POSTCODE', 'string', 'Postcode'],
    ['START_DATE', 'date', 'Date the patient moved in'],
    ['COMMENTS', 'string', 'Free-text notes'],
    ['CREATE_USER', 'string', 'User who created the row'],
  ]),
  table('LOAD_ALERTS', [
    ['RECORD_NUMBER', 'integer', 'Load record number', pk],
    ['PATIENT_RECORD_NUMBER', 'integer', 'Patient', ref('LOAD_PATIENTS.RECORD_NUMBER')],
    ['ALERT_TYPE', 'string', 'Alert type'],
    ['ALERT_CODE', 'string', 'Local alert code'],
    ['ALERT_TEXT', 'string', 'Alert text'],
    ['COMMENTS', 'string', 'Free-text notes'],
    ['CREATE_USER', 'string', 'User who created the row'],
  ]),
  table('LOAD_CONTACTS', [
    ['RECORD_NUMBER', 'integer', 'Load record number', pk],
    ['PATIENT_RECORD_NUMBER', 'integer', 'Patient', ref('LOAD_PATIENTS.RECORD_NUMBER')],
    ['CONTACT_TYPE', 'string', 'Contact type: HOME, MOB, EMAIL'],
    ['CONTACT_VALUE', 'string', 'Telephone number or e-mail address'],
    ['SMS_CONSENT', 'string', 'Y when the patient agreed to text messages'],
    ['COMMENTS', 'string', 'Free-text notes'],
    ['CREATE_USER', 'string', 'User who created the row'],
  ]),
]);

const source = catalog('vendor', [
  table('tblHospital', [
    ['HospitalID', 'integer', '', pk],
    ['HospitalCode', 'string', ''],
    ['HospitalName', 'string', ''],
    ['HospitalType', 'string', 'ACUTE, COMM'],
    ['Active', 'boolean', ''],
    ['OpenedOn', 'datetime', ''],
    ['Notes', 'string', ''],
  ]),
  table('tblPatient', [
    ['PatientID', 'integer', '', pk],
    ['LastName', 'string', ''],
    ['MaritalStatusID', 'integer', '', ref('tlkpMaritalStatus.MaritalStatusID')],
    ['RecordStatus', 'string', 'A active, D deleted'],
    ['RegHospitalCode', 'string', ''],
    ['Remarks', 'string', ''],
    ['InsUser', 'string', ''],
  ]),
  table('tlkpMaritalStatus', [
    ['MaritalStatusID', 'integer', '', pk],
    ['Description', 'string', ''],
  ]),
  // The live address table, named as a history of addresses: it copies no other table.
  table('tblPatAddrHist', [
    ['PatAddrHistID', 'integer', '', pk],
    ['PatientID', 'integer', '', ref('tblPatient.PatientID')],
    ['AddrLine1', 'string', ''],
    ['PostCode', 'string', ''],
    ['DateFrom', 'datetime', ''],
    ['Notes', 'string', ''],
    ['CreatedBy', 'string', ''],
  ]),
  table('tblPatientWarning', [
    ['WarningID', 'integer', '', pk],
    ['PatientID', 'integer', '', ref('tblPatient.PatientID')],
    ['WarningType', 'string', ''],
    ['WarningCode', 'string', ''],
    ['WarningText', 'string', ''],
    ['Comments', 'string', ''],
    ['CreatedBy', 'string', ''],
  ]),
  // An audit copy of the patient table.
  table(
    'audPatient',
    [
      ['AuditID', 'integer', '', pk],
      ['PatientID', 'integer', ''],
      ['LastName', 'string', ''],
      ['MaritalStatusID', 'integer', ''],
      ['RecordStatus', 'string', ''],
      ['RegHospitalCode', 'string', ''],
      ['Remarks', 'string', ''],
      ['InsUser', 'string', ''],
    ],
    true,
  ),
]);

const s = suggestContract({ sourceCatalog: source, targetCatalog: target });
const byTarget = (t: string) => s.tables.find((x) => x.target === t)!;
const best = (t: string, f: string) => byTarget(t).fields.find((x) => x.target === f)!.best;

describe('suggestContract rules found on a second vendor schema', () => {
  it('learns the words two matched tables use for one entity and applies them everywhere after', () => {
    const features = buildMatchingFeatures(source, target);
    const sites = features.target.find((t) => t.table.name === 'LOAD_SITES')!;
    const hospital = features.source.find((t) => t.table.name === 'tblHospital')!;
    expect([...learnTableAliases(sites, hospital, features)]).toEqual([['HOSPITAL', 'SIT']]);
    expect(byTarget('LOAD_SITES').source?.table).toBe('tblHospital');
    expect(best('LOAD_SITES', 'SITE_CODE')).toMatchObject({ column: 'HospitalCode' });
    expect(best('LOAD_SITES', 'SITE_TYPE')!.reason).toContain('word learnt from the matched tables');
    // Learnt on LOAD_SITES, used on another table.
    expect(best('LOAD_PATIENTS', 'REGISTERED_SITE')).toMatchObject({ column: 'RegHospitalCode' });
  });

  it('needs two column pairs to agree before it believes a swap', () => {
    const features = buildMatchingFeatures(source, target);
    const alerts = features.target.find((t) => t.table.name === 'LOAD_ALERTS')!;
    const patient = features.source.find((t) => t.table.name === 'tblPatient')!;
    expect(learnTableAliases(alerts, patient, features).size).toBe(0);
  });

  it('reads a boolean as a flag and a datetime as a date, and knows synonyms of audit and free-text columns', () => {
    expect(best('LOAD_SITES', 'ACTIVE_FLAG')).toMatchObject({ column: 'Active' });
    expect(best('LOAD_SITES', 'COMMENTS')).toMatchObject({ column: 'Notes' });
    expect(best('LOAD_PATIENTS', 'SURNAME')).toMatchObject({ column: 'LastName' });
    expect(best('LOAD_PATIENTS', 'COMMENTS')).toMatchObject({ column: 'Remarks' });
    expect(best('LOAD_PATIENTS', 'CREATE_USER')).toMatchObject({ column: 'InsUser' });
    expect(best('LOAD_ADDRESSES', 'START_DATE')).toMatchObject({ column: 'DateFrom' });
  });

  it('lets the key of a lookup row feed a coded field', () => {
    const marital = best('LOAD_PATIENTS', 'MARITAL_STATUS')!;
    expect(marital).toMatchObject({ column: 'MaritalStatusID' });
    expect(marital.reason).not.toContain('class words differ');
  });

  it('does not discount a live table named as a history unless it copies another table', () => {
    expect(byTarget('LOAD_ADDRESSES').source).toMatchObject({ table: 'tblPatAddrHist' });
    expect(byTarget('LOAD_ADDRESSES').source!.reason).not.toContain('copy');
    const audit = byTarget('LOAD_PATIENTS').alternatives.find((a) => a.table === 'audPatient');
    // Recognised by its shape: it holds every column of tblPatient and a few of its own.
    expect(audit?.reason).toContain('a copy: holds every column of tblPatient');
  });

  it('leaves a target with no table that covers its own fields unmatched, and does not reuse a taken table', () => {
    expect(byTarget('LOAD_ALERTS').source?.table).toBe('tblPatientWarning');
    expect(best('LOAD_ALERTS', 'ALERT_TEXT')).toMatchObject({ column: 'WarningText' });
    // tblPatientWarning covers a contact's key, patient link, comments and audit user, nothing of its own.
    const contacts = byTarget('LOAD_CONTACTS');
    expect(contacts.source).toBeUndefined();
    expect(contacts.fields.every((f) => f.best === undefined)).toBe(true);
    expect(contacts.alternatives.length).toBeGreaterThan(0);
    expect(s.counts).toMatchObject({ targetTables: 5, matchedTables: 4 });
  });
});

describe('suggestContract with values that identify a cryptic column', () => {
  const src = catalog('vendor', [
    table('tblMerge', [
      ['MergeID', 'integer', '', pk],
      ['OldNN', 'string', ''],
      ['OldRef', 'string', ''],
    ]),
  ]);
  const tgt = catalog('load', [
    table('LOAD_MERGES', [
      ['RECORD_NUMBER', 'integer', '', pk],
      ['MINOR_NHS_NUMBER', 'string', 'NHS number of the merged-away patient'],
    ]),
  ]);
  const nhs = '9990000018,9990000026,9990000034,9990000042,9990000050,9990000069,9990000077,9990000085'.split(',');
  const connector = {
    tables: () => ['tblMerge'],
    header: () => ['MergeID', 'OldNN', 'OldRef'],
    async *rows() {
      for (const [i, n] of nhs.entries()) yield { fields: [String(i + 1), n, `R${100 + i}`] };
    },
  };

  it('maps a column whose values pass Mod 11 to the NHS number field though its name says nothing', async () => {
    const without = suggestContract({ sourceCatalog: src, targetCatalog: tgt });
    expect(without.tables[0]!.fields[1]!.best).toBeUndefined();
    const profile = await profileSource(connector);
    const withValues = suggestContract({ sourceCatalog: src, targetCatalog: tgt, profile });
    const field = withValues.tables[0]!.fields[1]!;
    expect(field.best).toMatchObject({ column: 'OldNN' });
    expect(field.best!.reason).toContain('100% values pass Mod 11');
    expect(field.alternatives.find((a) => a.column === 'OldRef')?.confidence ?? 0).toBeLessThan(0.35);
  });
});

describe('suggestContract with a table of keys and audit columns', () => {
  // A consent table: its key, the patient link and the audit block, nothing a contact record is made of.
  const src = catalog('vendor', [
    table('Person', [
      ['id', 'integer', '', pk],
      ['familyName', 'string', ''],
      ['createdBy', 'string', ''],
    ]),
    table('PersonConsent', [
      ['id', 'integer', '', pk],
      ['personId', 'integer', '', ref('Person.id')],
      ['createdBy', 'string', ''],
      ['createdAt', 'datetime', ''],
      ['lastModifiedBy', 'string', ''],
    ]),
  ]);
  const tgt = catalog('load', [
    table('LOAD_PATIENTS', [
      ['RECORD_NUMBER', 'integer', 'Load record number', pk],
      ['SURNAME', 'string', 'Surname'],
      ['CREATE_USER', 'string', 'User who created the row'],
      ['CREATE_DTTM', 'datetime', 'When the row was created'],
      ['MODIF_USER', 'string', 'User who last changed the row'],
    ]),
    table('LOAD_CONTACTS', [
      ['RECORD_NUMBER', 'integer', 'Load record number', pk],
      ['PATIENT_RECORD_NUMBER', 'integer', 'Patient', ref('LOAD_PATIENTS.RECORD_NUMBER')],
      ['CONTACT_TYPE', 'string', 'Home, mobile, work or e-mail'],
      ['CONTACT_VALUE', 'string', 'Telephone number or e-mail address'],
      ['CREATE_USER', 'string', 'User who created the row'],
      ['CREATE_DTTM', 'datetime', 'When the row was created'],
      ['MODIF_USER', 'string', 'User who last changed the row'],
    ]),
  ]);
  const s = suggestContract({ sourceCatalog: src, targetCatalog: tgt });
  const of = (name: string) => s.tables.find((t) => t.target === name)!;

  it('drives no target with it, though it covers a key, a link and the audit columns', () => {
    expect(of('LOAD_PATIENTS').source?.table).toBe('Person');
    expect(of('LOAD_CONTACTS').source).toBeUndefined();
    expect(of('LOAD_CONTACTS').fields.every((f) => f.best === undefined)).toBe(true);
    expect(of('LOAD_CONTACTS').alternatives[0]?.reason).toMatch(/0 specific fields fed/);
  });
});

describe('suggestContract with a numbered family of fields described by number', () => {
  // The target describes each line by its number; the source has line 1 and a town. Line 1 is not "line 3".
  const src = catalog('vendor', [
    table('PatAddr', [
      ['AddrID', 'integer', '', pk],
      ['ADDR_LINE_1', 'string', ''],
      ['Town', 'string', ''],
    ]),
  ]);
  const tgt = catalog('load', [
    table('LOAD_ADDRESSES', [
      ['RECORD_NUMBER', 'integer', 'Load record number', pk],
      ['ADDRESS_LINE1', 'string', 'Address line 1'],
      ['ADDRESS_LINE2', 'string', 'Address line 2'],
      ['ADDRESS_LINE3', 'string', 'Address line 3'],
    ]),
  ]);
  const s = suggestContract({ sourceCatalog: src, targetCatalog: tgt });
  const field = (name: string) => s.tables[0]!.fields.find((f) => f.target === name)!;

  it('reads the number in the description too: line 1 feeds ADDRESS_LINE1 only', () => {
    expect(field('ADDRESS_LINE1').best?.column).toBe('ADDR_LINE_1');
    for (const other of ['ADDRESS_LINE2', 'ADDRESS_LINE3']) {
      const f = field(other);
      expect(f.best?.column).not.toBe('ADDR_LINE_1');
      // Below the confidence at which one column may feed a second field.
      const line1 = [f.best, ...f.alternatives].find((a) => a?.column === 'ADDR_LINE_1');
      expect(line1?.confidence ?? 0).toBeLessThan(0.6);
    }
  });
});

describe('suggestContract on opaque column codes read through their descriptions', () => {
  const src = catalog('vendor', [
    table('T01', [
      ['T01F01', 'integer', 'Internal person key', pk],
      ['T01F02', 'string', 'Case record number printed on the notes'],
      ['T01F03', 'date', 'Date the person was born'],
      ['T01F04', 'date', 'Date the person died'],
    ]),
  ]);
  const tgt = catalog('load', [
    table('LOAD_PERSON', [
      ['RECORD_NUMBER', 'integer', 'Load record number', pk],
      ['CASE_RECORD_NUMBER', 'string', 'The hospital number'],
      ['DATE_OF_BIRTH', 'date', ''],
      ['DATE_OF_DEATH', 'date', ''],
    ]),
  ]);
  const s = suggestContract({ sourceCatalog: src, targetCatalog: tgt });
  const field = (name: string) => s.tables[0]!.fields.find((f) => f.target === name)!;

  it('takes the class word the description names first, not its last word', () => {
    expect(field('CASE_RECORD_NUMBER').best).toMatchObject({ column: 'T01F02' });
    expect(field('CASE_RECORD_NUMBER').best?.reason).not.toMatch(/class words differ/);
  });

  it('reads born and died as birth and death', () => {
    expect(field('DATE_OF_BIRTH').best?.column).toBe('T01F03');
    expect(field('DATE_OF_DEATH').best?.column).toBe('T01F04');
  });
});

describe('suggestContract reusing a column for a second field', () => {
  const src = catalog('vendor', [
    table('Clinician', [
      ['id', 'integer', '', pk],
      ['familyName', 'string', ''],
      ['jobTitle', 'string', ''],
    ]),
  ]);
  const tgt = catalog('load', [
    table('LOAD_STAFF', [
      ['RECORD_NUMBER', 'integer', 'Load record number', pk],
      ['SURNAME', 'string', 'Surname'],
      ['JOB_TITLE', 'string', 'Job title'],
      ['TITLE', 'string', 'Title (Mr, Mrs, Dr)'],
    ]),
  ]);
  const s = suggestContract({ sourceCatalog: src, targetCatalog: tgt });
  const field = (name: string) => s.tables[0]!.fields.find((f) => f.target === name)!;

  it('gives a taken column to a second field only when that pairing is nearly as strong as its first', () => {
    expect(field('JOB_TITLE').best?.column).toBe('jobTitle');
    expect(field('TITLE').best).toBeUndefined();
    expect(field('TITLE').alternatives[0]?.column).toBe('jobTitle');
    expect(field('RECORD_NUMBER').best?.column).toBe('id');
  });
});
