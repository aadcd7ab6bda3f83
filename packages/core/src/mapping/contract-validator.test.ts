import { describe, expect, it } from 'vitest';
import { type Catalog, catalogSchema } from '../catalog/catalog-model.js';
import { type MappingContract, mappingContractSchema } from '../contract/contract-model.js';
import { validateContractForLoad } from './contract-validator.js';

const col = (name: string, dataType: string, extra: Record<string, unknown> = {}) => ({
  name,
  dataType,
  nullable: true,
  primaryKey: false,
  ...extra,
});

const sourceCatalog: Catalog = catalogSchema.parse({
  version: 1,
  name: 'legacy',
  tables: [
    {
      name: 'PAT',
      inScope: true,
      columns: [
        col('PAT_ID', 'integer', { primaryKey: true, nullable: false }),
        col('DOB', 'date', { maxLength: 10 }),
        col('SEX', 'string', { maxLength: 1 }),
        col('SEX_CD', 'code', { maxLength: 1, codeType: 'SEX' }),
        col('SNAME', 'string', { maxLength: 60 }),
        col('AGE', 'decimal'),
      ],
    },
  ],
});

const targetCatalog: Catalog = catalogSchema.parse({
  version: 1,
  name: 'target',
  tables: [
    {
      name: 'PATIENT',
      inScope: true,
      columns: [
        col('RECORD_NUMBER', 'integer', { primaryKey: true, nullable: false }),
        col('SYSTEM_CODE', 'string', { nullable: false, maxLength: 10 }),
        col('DATE_OF_BIRTH', 'date', { nullable: false }),
        col('GENDER', 'code', { codeType: 'gender' }),
        col('SURNAME', 'string', { maxLength: 35 }),
      ],
    },
  ],
});

const clean = (): MappingContract =>
  mappingContractSchema.parse({
    version: 1,
    name: 'c',
    label: '1',
    sourceSystem: 'legacy',
    targetSystem: 'target',
    tables: [
      {
        target: 'PATIENT',
        source: 'PAT',
        sourceKey: ['PAT_ID'],
        domain: 'PMI',
        fields: [
          { target: 'RECORD_NUMBER', source: ['PAT_ID'], transform: ['integer'], mandatory: true, status: 'approved' },
          { target: 'SYSTEM_CODE', constant: 'LEG', mandatory: true, status: 'approved' },
          { target: 'DATE_OF_BIRTH', source: ['DOB'], transform: ['date'], mandatory: true, status: 'approved' },
          { target: 'GENDER', source: ['SEX'], transform: ['trim'], crosswalk: 'gender', status: 'approved' },
          { target: 'SURNAME', source: ['SNAME'], transform: ['trim', 'upper'], status: 'approved' },
        ],
      },
    ],
  });

const inputs = { sourceCatalog, targetCatalog, crosswalkCodeTypes: ['gender'] };
type Fields = MappingContract['tables'][number]['fields'];

function withFields(edit: (fields: Fields) => void): MappingContract {
  const c = clean();
  edit(c.tables[0]!.fields);
  return c;
}
const codes = (c: MappingContract) =>
  validateContractForLoad(c, inputs).map((f) => `${f.severity}:${f.code}:${f.field ?? ''}`);

describe('validateContractForLoad', () => {
  it('finds nothing wrong with a complete, approved, well-typed contract', () => {
    // SNAME (60) into SURNAME (35) through trim/upper only: a truncation warning is the one note.
    expect(codes(clean())).toEqual(['warning:LENGTH_MAY_TRUNCATE:SURNAME']);
  });

  it('requires mandatory fields mapped and approved', () => {
    const c = withFields((f) => {
      f[2]!.source = [];
      f[0]!.status = 'reviewed';
      f[4]!.status = 'draft';
    });
    expect(codes(c)).toEqual([
      'error:NOT_APPROVED:RECORD_NUMBER',
      'error:MANDATORY_UNMAPPED:DATE_OF_BIRTH',
      'warning:NOT_APPROVED:SURNAME',
      'warning:LENGTH_MAY_TRUNCATE:SURNAME',
    ]);
  });

  it('requires every catalog field, known fields and known source columns', () => {
    const c = withFields((f) => {
      f.splice(4, 1);
      f.push({ ...f[0]!, target: 'SHOE_SIZE', source: ['FOOT'] });
      f[2]!.source = ['BIRTH_DT'];
    });
    expect(codes(c)).toEqual([
      'error:SOURCE_COLUMN_UNKNOWN:DATE_OF_BIRTH',
      'error:TARGET_FIELD_UNKNOWN:SHOE_SIZE',
      'error:TARGET_FIELD_MISSING:SURNAME',
    ]);
  });

  it('checks types: dates need the date transform, integers need integer, codes need a crosswalk', () => {
    const c = withFields((f) => {
      f[2]!.transform = ['trim'];
      f[0]!.source = ['AGE'];
      f[3]!.crosswalk = undefined;
    });
    expect(codes(c)).toEqual([
      'error:TYPE_INCOMPATIBLE:RECORD_NUMBER',
      'error:TRANSFORM_MISSING:DATE_OF_BIRTH',
      'error:CODE_WITHOUT_CROSSWALK:GENDER',
      'warning:LENGTH_MAY_TRUNCATE:SURNAME',
    ]);
    const coded = withFields((f) => {
      f[3]!.crosswalk = undefined;
      f[3]!.source = ['SEX_CD'];
    });
    expect(codes(coded)).toEqual(['warning:LENGTH_MAY_TRUNCATE:SURNAME']);
  });

  it('requires crosswalk code types and transform steps to exist, and names the source key and parents', () => {
    const c = withFields((f) => {
      f[3]!.crosswalk = 'sex';
      f[4]!.transform = ['shout'];
    });
    c.tables[0]!.sourceKey = ['PATIENT_NO'];
    c.tables[0]!.parents = [{ field: 'GP_RECORD', table: 'LOAD_GP' }];
    expect(codes(c)).toEqual([
      'error:SOURCE_KEY_UNKNOWN:',
      'error:PARENT_UNKNOWN:GP_RECORD',
      'error:PARENT_UNKNOWN:GP_RECORD',
      'error:CROSSWALK_UNKNOWN:GENDER',
      'error:TRANSFORM_UNKNOWN:SURNAME',
    ]);
  });

  it('reports unknown tables and duplicates without throwing', () => {
    const c = clean();
    c.tables.push({ ...c.tables[0]!, source: 'PAT_OLD' }, { ...c.tables[0]!, target: 'WARD' });
    const findings = validateContractForLoad(c, inputs);
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.table}:${f.code}`)).toEqual([
      'PATIENT:TARGET_TABLE_DUPLICATE',
      'PATIENT:SOURCE_TABLE_UNKNOWN',
      'WARD:TARGET_TABLE_UNKNOWN',
    ]);
    expect(findings.every((f) => !f.message.includes('undefined'))).toBe(true);
  });
});
