import { describe, expect, it } from 'vitest';
import { type Catalog, catalogSchema } from '../catalog/catalog-model.js';
import { formatContractCsv } from '../contract/contract-csv.js';
import { parseLocatedContractCsv } from '../contract/contract-csv-parser.js';
import { type MappingContract, mappingContractSchema } from '../contract/contract-model.js';
import { assertContractLoadable, blocksLoad, formatContractFinding } from './contract-load-refusal.js';

const col = (name: string, dataType: string, extra: Record<string, unknown> = {}) => ({
  name,
  dataType,
  nullable: true,
  primaryKey: false,
  ...extra,
});

/** A vendor's own layout: PascalCase, dates as dates, an integer visit count. */
const sourceCatalog: Catalog = catalogSchema.parse({
  version: 1,
  name: 'vendor',
  tables: [
    {
      name: 'Person',
      inScope: true,
      columns: [
        col('PersonId', 'integer', { primaryKey: true, nullable: false }),
        col('BornOn', 'date'),
        col('Visits', 'integer'),
        col('LastName', 'string', { maxLength: 35 }),
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
        col('DATE_OF_BIRTH', 'date', { nullable: false }),
        col('SURNAME', 'string', { nullable: false, maxLength: 35 }),
      ],
    },
  ],
});

const inputs = { sourceCatalog, targetCatalog, crosswalkCodeTypes: [] };

function contract(fields: Record<string, unknown>[]): MappingContract {
  return mappingContractSchema.parse({
    version: 1,
    name: 'vendor-draft',
    label: '0.0.0-draft',
    sourceSystem: 'vendor',
    targetSystem: 'target',
    tables: [{ target: 'PATIENT', source: 'Person', sourceKey: ['PersonId'], domain: 'PMI', fields }],
  });
}

const draft = contract([
  { target: 'RECORD_NUMBER', source: ['PersonId'], transform: ['integer'], mandatory: true },
  { target: 'DATE_OF_BIRTH', source: ['BornOn'], transform: ['date'], mandatory: true },
  { target: 'SURNAME', source: ['LastName'], transform: ['trim'], mandatory: true },
]);

describe('assertContractLoadable', () => {
  it('lets a draft through (approval is the gate’s business) and returns what does not block', () => {
    const notes = assertContractLoadable(draft, inputs);
    expect(notes.map((f) => `${f.code}:${f.field}`)).toEqual([
      'NOT_APPROVED:RECORD_NUMBER',
      'NOT_APPROVED:DATE_OF_BIRTH',
      'NOT_APPROVED:SURNAME',
    ]);
    expect(notes.some(blocksLoad)).toBe(false);
  });

  it('refuses unmapped required fields, unknown source columns and type conflicts, naming each CSV row', () => {
    const bad = contract([
      { target: 'RECORD_NUMBER', source: ['PersonId'], transform: ['integer'], mandatory: true },
      { target: 'DATE_OF_BIRTH', source: ['Visits'], transform: ['date'], mandatory: true },
      { target: 'SURNAME', source: ['Surname'], transform: ['trim'], mandatory: true },
    ]);
    const csv = formatContractCsv(bad);
    const { contract: read, rows } = parseLocatedContractCsv(csv, 'contract.csv');
    expect([...rows.lines]).toEqual([
      ['PATIENT', 2],
      ['PATIENT.RECORD_NUMBER', 2],
      ['PATIENT.DATE_OF_BIRTH', 3],
      ['PATIENT.SURNAME', 4],
    ]);
    let error: unknown;
    try {
      assertContractLoadable(read, inputs, rows);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'FERRY_ERR_CONTRACT_INVALID' });
    expect((error as Error).message.split('\n')).toEqual([
      'The contract cannot be loaded: 2 row(s) to fix in contract.csv:',
      '  contract.csv:3 PATIENT.DATE_OF_BIRTH: TYPE_INCOMPATIBLE date target fed by Visits (integer)',
      '  contract.csv:4 PATIENT.SURNAME: SOURCE_COLUMN_UNKNOWN source column Surname is not a column of Person',
    ]);
    // Without the rows (a JSON contract), each reason still names the table and field.
    expect(() => assertContractLoadable(read, inputs)).toThrow(
      /\n {2}PATIENT\.SURNAME: SOURCE_COLUMN_UNKNOWN source column Surname/,
    );
  });

  it('refuses a contract whose source table is not in the source catalog (e.g. the pack’s own)', () => {
    const other = { ...draft, tables: [{ ...draft.tables[0]!, source: 'STAFF' }] };
    expect(() => assertContractLoadable(other, inputs)).toThrow(
      'The contract cannot be loaded: 1 row(s) to fix:\n  PATIENT: SOURCE_TABLE_UNKNOWN source table STAFF is not in the source catalog',
    );
  });
});

describe('formatContractFinding', () => {
  it('names the table line for a target column that has no row', () => {
    const rows = { file: 'c.csv', lines: new Map([['PATIENT', 7]]) };
    const f = {
      severity: 'error',
      table: 'PATIENT',
      field: 'SURNAME',
      code: 'TARGET_FIELD_MISSING',
      message: 'x',
    } as const;
    expect(formatContractFinding(f, rows)).toBe('c.csv:7 PATIENT.SURNAME: TARGET_FIELD_MISSING x');
  });
});
