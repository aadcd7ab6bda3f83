import { describe, expect, it } from 'vitest';
import { type Catalog, type CatalogColumn, catalogSchema, type DataType } from '../catalog/catalog-model.js';
import { profileSource } from '../profile/profile-source.js';
import { mappingSuggestionSchema } from './mapping-suggestion-model.js';
import { suggestContract } from './suggest-contract.js';

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

// A small optical-practice export in camelCase with tbl prefixes, and a target model in SNAKE_CASE.
const source = catalog('optix-like', [
  table('tblPatient', [
    ['patId', 'integer', 'Patient record id', pk],
    ['nhsNo', 'string', 'NHS number'],
    ['dob', 'date', 'Date of birth'],
    ['sex', 'code', 'Sex of the patient', { codeType: 'SEX' }],
    ['postCode', 'string', 'Home postcode'],
    ['surname', 'string', 'Family name'],
    ['recallDt', 'date', 'Next recall due'],
  ]),
  table('tblExam', [
    ['examId', 'integer', 'Examination id', pk],
    ['patId', 'integer', 'Patient', { references: 'tblPatient.patId' }],
    ['examDt', 'datetime', 'When the sight test took place'],
    ['iopR', 'decimal', 'Intra-ocular pressure, right eye'],
    ['iopL', 'decimal', 'Intra-ocular pressure, left eye'],
  ]),
  table(
    'tblPatient_AUD',
    [
      ['audId', 'integer', 'Audit row id', pk],
      ['patId', 'integer', 'Patient record id'],
      ['nhsNo', 'string', 'NHS number'],
      ['dob', 'date', 'Date of birth'],
      ['sex', 'code', 'Sex of the patient'],
      ['postCode', 'string', 'Home postcode'],
      ['surname', 'string', 'Family name'],
    ],
    false,
  ),
]);

const target = catalog('practice-model', [
  table('PATIENT', [
    ['PATIENT_ID', 'integer', 'Practice patient number', pk],
    ['SOURCE_SYSTEM', 'string', 'Source system (constant OPTIX)'],
    ['NHS_NUMBER', 'string', 'NHS number'],
    ['DATE_OF_BIRTH', 'date', 'Date of birth'],
    ['GENDER', 'code', 'Stated gender', { codeType: 'gender' }],
    ['POSTCODE', 'string', 'Postcode of the home address'],
    ['FAVOURITE_COLOUR', 'string', 'Marketing preference'],
  ]),
  table('EXAMINATION', [
    ['EXAMINATION_ID', 'integer', 'Examination number', pk],
    ['PATIENT_ID', 'integer', 'The patient examined', { references: 'PATIENT.PATIENT_ID' }],
    ['EXAMINATION_DTTM', 'datetime', 'Date and time of the examination'],
    ['IOP_RIGHT', 'decimal', 'Intra-ocular pressure of the right eye (mmHg)'],
    ['IOP_LEFT', 'decimal', 'Intra-ocular pressure of the left eye (mmHg)'],
  ]),
]);

const best = (s: ReturnType<typeof suggestContract>, t: string, f: string) =>
  s.tables.find((x) => x.target === t)!.fields.find((x) => x.target === f)!;

describe('suggestContract on an unseen schema', () => {
  const s = suggestContract({ sourceCatalog: source, targetCatalog: target, crosswalkCodeTypes: ['gender'] });

  it('picks the live source tables, not the out-of-scope audit copy', () => {
    expect(s.tables.map((t) => [t.target, t.source?.table])).toEqual([
      ['PATIENT', 'tblPatient'],
      ['EXAMINATION', 'tblExam'],
    ]);
    expect(s.tables[0]!.alternatives[0]).toMatchObject({ table: 'tblPatient_AUD' });
    expect(s.tables[0]!.alternatives[0]!.reason).toContain('out of scope');
    expect(s.tables[0]!.sourceKey).toEqual(['patId']);
    expect(s.tables[1]!.parents).toEqual([{ field: 'PATIENT_ID', table: 'PATIENT' }]);
  });

  it('maps every field it should, through abbreviations, synonyms, keys and foreign keys', () => {
    const picks = s.tables.flatMap((t) => t.fields.map((f) => [`${t.target}.${f.target}`, f.best?.column]));
    expect(picks).toEqual([
      ['PATIENT.PATIENT_ID', 'patId'],
      ['PATIENT.SOURCE_SYSTEM', undefined],
      ['PATIENT.NHS_NUMBER', 'nhsNo'],
      ['PATIENT.DATE_OF_BIRTH', 'dob'],
      ['PATIENT.GENDER', 'sex'],
      ['PATIENT.POSTCODE', 'postCode'],
      ['PATIENT.FAVOURITE_COLOUR', undefined],
      ['EXAMINATION.EXAMINATION_ID', 'examId'],
      ['EXAMINATION.PATIENT_ID', 'patId'],
      ['EXAMINATION.EXAMINATION_DTTM', 'examDt'],
      ['EXAMINATION.IOP_RIGHT', 'iopR'],
      ['EXAMINATION.IOP_LEFT', 'iopL'],
    ]);
    expect(s.counts).toEqual({ targetTables: 2, matchedTables: 2, targetFields: 12, suggestedFields: 10 });
  });

  it('explains each choice and keeps confidences in [0, 1] with alternatives ranked', () => {
    const dob = best(s, 'PATIENT', 'DATE_OF_BIRTH');
    expect(dob.best!.reason).toContain('name tokens dob≈DATE_OF_BIRTH (abbreviation)');
    expect(dob.best!.reason).toContain('type date');
    expect(best(s, 'EXAMINATION', 'PATIENT_ID').best!.reason).toContain('refers to tblPatient, the source of PATIENT');
    expect(best(s, 'PATIENT', 'PATIENT_ID').best!.reason).toContain('primary key of the source table');
    for (const t of s.tables) {
      for (const f of t.fields) {
        const all = [...(f.best ? [f.best] : []), ...f.alternatives];
        for (const c of all) expect(c.confidence).toBeGreaterThanOrEqual(0);
        for (const c of all) expect(c.confidence).toBeLessThanOrEqual(1);
        const alt = f.alternatives.map((a) => a.confidence);
        expect(alt).toEqual([...alt].sort((a, b) => b - a));
      }
    }
  });

  it('offers the constant a target description states, and the crosswalk of a coded target', () => {
    expect(best(s, 'PATIENT', 'SOURCE_SYSTEM').constant).toEqual({
      value: 'OPTIX',
      reason: 'the target description states the constant OPTIX',
    });
    expect(best(s, 'PATIENT', 'GENDER')).toMatchObject({ crosswalk: 'gender', codeType: 'gender' });
  });

  it('keeps digits apart: right and left eyes do not swap', () => {
    expect(best(s, 'EXAMINATION', 'IOP_RIGHT').best!.confidence).toBeGreaterThan(
      best(s, 'EXAMINATION', 'IOP_RIGHT').alternatives.find((a) => a.column === 'iopL')?.confidence ?? 0,
    );
  });

  it('is a valid, deterministic artefact', () => {
    const again = suggestContract({ sourceCatalog: source, targetCatalog: target, crosswalkCodeTypes: ['gender'] });
    expect(JSON.stringify(again)).toBe(JSON.stringify(s));
    expect(() => mappingSuggestionSchema.parse(s)).not.toThrow();
    expect(s.generatedAt).toBeUndefined();
  });
});

describe('suggestContract with a value profile', () => {
  // Two columns with uninformative names; only the values tell which holds NHS numbers.
  const src = catalog('legacy', [
    table('PERSON', [
      ['PERSON_ID', 'integer', '', pk],
      ['REF_NO_A', 'string', 'Reference number'],
      ['REF_NO_B', 'string', 'Reference number'],
    ]),
  ]);
  const tgt = catalog('target', [
    table('PERSON', [
      ['PERSON_ID', 'integer', '', pk],
      ['NHS_NUMBER', 'string', 'NHS number'],
    ]),
  ]);
  const rows: Record<string, string[][]> = {
    PERSON: Array.from({ length: 10 }, (_, i) => [
      String(i + 1),
      `LOC${1000 + i}`,
      `999000${'0018,0026,0034,0042,0050,0069,0077,0085,0093,0107'.split(',')[i]}`,
    ]),
  };
  const connector = {
    tables: () => ['PERSON'],
    header: () => ['PERSON_ID', 'REF_NO_A', 'REF_NO_B'],
    async *rows(t: string) {
      for (const fields of rows[t]!) yield { fields };
    },
  };

  it('prefers the column whose values pass Mod 11 and says so', async () => {
    const profile = await profileSource(connector);
    const s = suggestContract({ sourceCatalog: src, targetCatalog: tgt, profile, minConfidence: 0.1 });
    const nhs = s.tables[0]!.fields[1]!;
    expect(s.usedProfile).toBe(true);
    expect(nhs.best).toMatchObject({ table: 'PERSON', column: 'REF_NO_B' });
    expect(nhs.best!.reason).toContain('100% values pass Mod 11');
    expect(nhs.alternatives[0]!.column).toBe('REF_NO_A');
    expect(nhs.alternatives[0]!.confidence).toBeLessThan(nhs.best!.confidence);
  });
});

describe('targetSemantic', () => {
  it('follows the head word: NHS_NUMBER is an NHS number, NHS_NUMBER_STATUS is not', async () => {
    const { targetSemantic } = await import('./field-semantics.js');
    const column = { name: 'X', dataType: 'string' as const, nullable: true, primaryKey: false, description: '' };
    expect(targetSemantic(column, ['NHS', 'NUMBER'])).toBe('nhs_number');
    expect(targetSemantic({ ...column, dataType: 'code' }, ['NHS', 'NUMBER', 'STATUS'])).toBe('code');
    expect(targetSemantic(column, ['PRACTIC', 'POSTCOD'])).toBe('postcode');
    expect(targetSemantic(column, ['POSTCOD', 'TYP'])).toBe('text');
  });
});
