import type { Catalog } from '../catalog/catalog-model.js';
import { mappingContractSchema } from '../contract/contract-model.js';
import { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import type { CrosswalkSet } from '../crosswalk/crosswalk-model.js';
import type { MigrationSource } from '../migrate/run-migration.js';

/**
 * A two-table migration small enough to assert exactly: five patients (one crosswalk miss, one deleted, one ragged)
 * and four referrals (one orphan, one malformed date).
 */
const col = (name: string, dataType: 'integer' | 'string' | 'date' | 'code', extra: object = {}) => ({
  name,
  dataType,
  nullable: true,
  primaryKey: false,
  description: '',
  ...extra,
});

export const targetCatalog: Catalog = {
  version: 1,
  name: 'target',
  tables: [
    {
      name: 'LOAD_PMI',
      inScope: true,
      columns: [
        col('RECORD_NUMBER', 'integer', { primaryKey: true, nullable: false }),
        col('SURNAME', 'string', { nullable: false, maxLength: 35 }),
        col('GENDER', 'code'),
      ],
    },
    {
      name: 'LOAD_REFERRALS',
      inScope: true,
      columns: [
        col('RECORD_NUMBER', 'integer', { primaryKey: true, nullable: false }),
        col('LOADPMI_RECORD_NUMBER', 'integer', { nullable: false }),
        col('RECEIVED_DATE', 'date', { nullable: false }),
      ],
    },
  ],
};

export const contract = mappingContractSchema.parse({
  version: 1,
  name: 'mini',
  label: '1.0.0',
  sourceSystem: 'L',
  targetSystem: 'T',
  tables: [
    {
      target: 'LOAD_PMI',
      source: 'PATIENT',
      sourceKey: ['PAT_ID'],
      domain: 'PMI',
      outOfScope: { column: 'REC_STATUS', outOfScopeValues: ['D'], reason: 'deleted' },
      fields: [
        { target: 'RECORD_NUMBER', source: ['PAT_ID'], transform: ['integer'], mandatory: true, status: 'approved' },
        {
          target: 'SURNAME',
          source: ['SURNAME'],
          transform: ['trim', 'title_case'],
          mandatory: true,
          status: 'approved',
        },
        { target: 'GENDER', source: ['SEX'], crosswalk: 'gender', status: 'approved' },
      ],
    },
    {
      target: 'LOAD_REFERRALS',
      source: 'REFERRAL',
      sourceKey: ['REF_ID'],
      domain: 'RTT',
      parents: [{ field: 'LOADPMI_RECORD_NUMBER', table: 'LOAD_PMI' }],
      fields: [
        { target: 'RECORD_NUMBER', source: ['REF_ID'], transform: ['integer'], mandatory: true, status: 'approved' },
        {
          target: 'LOADPMI_RECORD_NUMBER',
          source: ['PAT_ID'],
          transform: ['integer'],
          mandatory: true,
          status: 'approved',
        },
        {
          target: 'RECEIVED_DATE',
          source: ['RCVD_DT'],
          transform: ['date'],
          // Too few values to decide dd/mm/yyyy from mm/dd/yyyy: declared, as a person would.
          sourceFormat: ['dd/mm/yyyy', 'yyyy-mm-dd'],
          mandatory: true,
          status: 'approved',
        },
      ],
    },
  ],
});

export const crosswalkSet: CrosswalkSet = {
  version: 1,
  entries: [
    {
      codeType: 'gender',
      sourceCode: 'M',
      targetCode: '1',
      sourceLabel: '',
      targetLabel: '',
      equivalence: 'equal',
      status: 'approved',
    },
    {
      codeType: 'gender',
      sourceCode: 'F',
      targetCode: '2',
      sourceLabel: '',
      targetLabel: '',
      equivalence: 'equal',
      status: 'approved',
    },
  ],
};

export const crosswalks = new CrosswalkIndex(crosswalkSet);

export const data: Record<string, string[][]> = {
  PATIENT: [
    ['PAT_ID', 'SURNAME', 'SEX', 'REC_STATUS'],
    ['1', 'SMITH', 'M', 'A'],
    ['2', 'JONES', 'Q', 'A'], // crosswalk miss
    ['3', 'BROWN', 'F', 'D'], // out of scope
    ['4', "O'NEIL, JR", 'F', 'A'],
    ['5', 'SHORT'], // ragged
  ],
  REFERRAL: [
    ['REF_ID', 'PAT_ID', 'RCVD_DT'],
    ['10', '1', '01/02/2024'],
    ['11', '2', '01/02/2024'], // orphan: patient 2 rejected
    ['12', '4', '31/02/2024'], // malformed date
    ['13', '4', '2024-03-05'],
  ],
  LKP_SEX: [['CODE'], ['M'], ['F']],
};

export const source: MigrationSource = {
  tables: () => Object.keys(data),
  header: async (t) => data[t]![0]!,
  async *rows(t) {
    const rows = data[t]!;
    for (let i = 1; i < rows.length; i++) yield { line: i + 1, fields: rows[i]! };
  },
};
