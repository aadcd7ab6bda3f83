import { describe, expect, it } from 'vitest';
import { inferCatalogKeys, inferPrimaryKey, nameRefersTo, type SampledTable } from './catalog-key-inference.js';
import type { CatalogColumn, DataType } from './catalog-model.js';
import { TableKeySample } from './key-sample.js';
import { guessInScope } from './table-scope-guess.js';

/** A sampled table from a header and rows; every column an integer unless typed `NAME:type`. */
function table(name: string, header: string[], rows: string[][], complete = true): SampledTable {
  const columns = header.map((h): CatalogColumn => {
    const [n, t] = h.split(':');
    return { name: n!, dataType: (t ?? 'integer') as DataType, nullable: false, primaryKey: false, description: '' };
  });
  const sample = new TableKeySample(columns.map((c) => c.name));
  for (const r of rows) sample.add(r);
  sample.complete = complete;
  return { table: { name, inScope: true, columns }, sample };
}

const refs = (tables: SampledTable[]) =>
  inferCatalogKeys(tables).flatMap((t) =>
    t.columns.flatMap((c) => [
      ...(c.primaryKey ? [`${t.name}.${c.name} PK`] : []),
      ...(c.references ? [`${t.name}.${c.name} -> ${c.references}`] : []),
    ]),
  );

describe('inferPrimaryKey', () => {
  it('takes the first unique, never blank column named as an identifier', () => {
    const t = table(
      'Visit',
      ['Seq', 'VisitId', 'PatientId'],
      [
        ['1', '10', '7'],
        ['2', '11', '7'],
      ],
    );
    expect(inferPrimaryKey(t)).toBe(1);
  });

  it('falls back to a unique first column, and to none when a value repeats or is blank', () => {
    expect(
      inferPrimaryKey(
        table(
          'Ward',
          ['Name:string', 'Beds'],
          [
            ['A', '4'],
            ['B', '4'],
          ],
        ),
      ),
    ).toBe(0);
    expect(
      inferPrimaryKey(
        table(
          'X',
          ['Id', 'Other'],
          [
            ['1', '1'],
            ['1', '2'],
          ],
        ),
      ),
    ).toBeUndefined();
    expect(inferPrimaryKey(table('X', ['Id'], [['1'], ['']]))).toBeUndefined();
    expect(inferPrimaryKey(table('X', ['Id'], []))).toBeUndefined();
    // Dates are never keys, however unique.
    expect(inferPrimaryKey(table('X', ['SeenOn:date'], [['2024-01-01'], ['2024-01-02']]))).toBeUndefined();
  });
});

describe('nameRefersTo', () => {
  it('matches the same name, or the parent table name followed by a generic key name', () => {
    expect(nameRefersTo('PAT_ID', 'PATIENT', 'PAT_ID')).toBe(true);
    expect(nameRefersTo('PatientId', 'Patients', 'Id')).toBe(true);
    expect(nameRefersTo('patient_id', 'Patient', 'ID')).toBe(true);
    expect(nameRefersTo('CategoryId', 'Categories', 'Id')).toBe(true);
    // A bare generic key name in two tables is no link.
    expect(nameRefersTo('Id', 'Patient', 'Id')).toBe(false);
    expect(nameRefersTo('WardId', 'Patient', 'Id')).toBe(false);
  });
});

describe('inferCatalogKeys', () => {
  const patient = table(
    'Patient',
    ['PatientId', 'Name:string'],
    [
      ['1', 'A'],
      ['2', 'B'],
      ['3', 'C'],
    ],
  );

  it('links a column to the parent key its name refers to when every value it holds is a parent key', () => {
    const visit = table(
      'Visit',
      ['VisitId', 'PatientId'],
      [
        ['10', '1'],
        ['11', '3'],
        ['12', ''],
      ],
    );
    expect(refs([patient, visit])).toEqual([
      'Patient.PatientId PK',
      'Visit.VisitId PK',
      'Visit.PatientId -> Patient.PatientId',
    ]);
  });

  it('makes no link when a value is not a parent key, or when only the values agree', () => {
    const orphan = table(
      'Visit',
      ['VisitId', 'PatientId'],
      [
        ['10', '1'],
        ['11', '9'],
      ],
    );
    expect(refs([patient, orphan])).toEqual(['Patient.PatientId PK', 'Visit.VisitId PK']);
    const count = table(
      'Visit',
      ['VisitId', 'Seen'],
      [
        ['10', '1'],
        ['11', '2'],
      ],
    );
    expect(refs([patient, count])).toEqual(['Patient.PatientId PK', 'Visit.VisitId PK']);
  });

  it('trusts the name when the parent was only sampled in part', () => {
    const partial = table('Patient', ['PatientId'], [['1'], ['2']], false);
    const visit = table('Visit', ['VisitId', 'PatientId'], [['10', '5000']]);
    expect(refs([partial, visit])).toContain('Visit.PatientId -> Patient.PatientId');
  });

  it('does not change its inputs', () => {
    const visit = table('Visit', ['VisitId', 'PatientId'], [['10', '1']]);
    inferCatalogKeys([patient, visit]);
    expect(visit.table.columns.some((c) => c.primaryKey || c.references)).toBe(false);
  });
});

describe('guessInScope', () => {
  it('keeps tables with rows, leaves out empty ones and copies of live data', () => {
    expect(guessInScope('Patient', 3)).toBe(true);
    expect(guessInScope('Patient', 0)).toBe(false);
    for (const name of ['PATIENT_AUD', 'PatientAudit', 'tblAddrHistory', 'ARC_OP_APPT', 'EpisodeLog', 'tmp_load'])
      expect(guessInScope(name, 5), name).toBe(false);
    expect(guessInScope('CATALOG', 5)).toBe(true);
  });
});
