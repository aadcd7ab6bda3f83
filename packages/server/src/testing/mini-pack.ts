import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Catalog, type CheckDefinition, type CrosswalkSet, mappingContractSchema, type Pack } from '@ferry/core';

/**
 * A two-table pack small enough to run the whole lifecycle in well under a second: patients and their referrals,
 * a gender crosswalk, one quality check. Its generator writes N patients (every third without a recorded sex) and
 * one referral each; `typical` defects add a sex code with no crosswalk entry (a reject).
 */
const col = (name: string, dataType: 'integer' | 'string' | 'date' | 'code', extra: object = {}) => ({
  name,
  dataType,
  nullable: true,
  primaryKey: false,
  description: `${name.toLowerCase().replaceAll('_', ' ')}`,
  ...extra,
});

const sourceCatalog: Catalog = {
  version: 1,
  name: 'mini-source',
  tables: [
    {
      name: 'PATIENT',
      inScope: true,
      columns: [
        col('PAT_ID', 'integer', { primaryKey: true, nullable: false }),
        col('SURNAME', 'string', { maxLength: 35 }),
        col('SEX', 'code', { codeType: 'gender' }),
        col('REC_STATUS', 'string', { maxLength: 1 }),
      ],
    },
    {
      name: 'REFERRAL',
      inScope: true,
      columns: [
        col('REF_ID', 'integer', { primaryKey: true, nullable: false }),
        col('PAT_ID', 'integer', { references: 'PATIENT.PAT_ID' }),
        col('RCVD_DT', 'date'),
      ],
    },
  ],
};

const targetCatalog: Catalog = {
  version: 1,
  name: 'mini-target',
  tables: [
    {
      name: 'LOAD_PMI',
      inScope: true,
      columns: [
        col('RECORD_NUMBER', 'integer', { primaryKey: true, nullable: false }),
        col('SURNAME', 'string', { maxLength: 35, nullable: false }),
        col('GENDER', 'code', { codeType: 'gender' }),
      ],
    },
    {
      name: 'LOAD_REFERRALS',
      inScope: true,
      columns: [
        col('RECORD_NUMBER', 'integer', { primaryKey: true, nullable: false }),
        col('LOADPMI_RECORD_NUMBER', 'integer', { nullable: false, references: 'LOAD_PMI.RECORD_NUMBER' }),
        col('RECEIVED_DATE', 'date', { nullable: false }),
      ],
    },
  ],
};

const contract = mappingContractSchema.parse({
  version: 1,
  name: 'mini',
  label: '1.0.0',
  sourceSystem: 'Legacy',
  targetSystem: 'LOAD',
  tables: [
    {
      target: 'LOAD_PMI',
      source: 'PATIENT',
      sourceKey: ['PAT_ID'],
      domain: 'PMI',
      outOfScope: { column: 'REC_STATUS', outOfScopeValues: ['D'], reason: 'deleted' },
      fields: [
        {
          target: 'RECORD_NUMBER',
          source: ['PAT_ID'],
          transform: ['integer'],
          mandatory: true,
          status: 'approved',
          reviewer: 'Pack',
          reviewedAt: '2026-01-05',
        },
        {
          target: 'SURNAME',
          source: ['SURNAME'],
          transform: ['trim', 'title_case'],
          mandatory: true,
          status: 'approved',
          reviewer: 'Pack',
          reviewedAt: '2026-01-05',
        },
        {
          target: 'GENDER',
          source: ['SEX'],
          crosswalk: 'gender',
          status: 'approved',
          reviewer: 'Pack',
          reviewedAt: '2026-01-05',
        },
      ],
    },
    {
      target: 'LOAD_REFERRALS',
      source: 'REFERRAL',
      sourceKey: ['REF_ID'],
      domain: 'RTT',
      parents: [{ field: 'LOADPMI_RECORD_NUMBER', table: 'LOAD_PMI' }],
      fields: [
        {
          target: 'RECORD_NUMBER',
          source: ['REF_ID'],
          transform: ['integer'],
          mandatory: true,
          status: 'approved',
          reviewer: 'Pack',
          reviewedAt: '2026-01-05',
        },
        {
          target: 'LOADPMI_RECORD_NUMBER',
          source: ['PAT_ID'],
          transform: ['integer'],
          mandatory: true,
          status: 'approved',
          reviewer: 'Pack',
          reviewedAt: '2026-01-05',
        },
        { target: 'RECEIVED_DATE', source: ['RCVD_DT'], transform: ['date'], mandatory: true, status: 'draft' },
      ],
    },
  ],
});

const crosswalks: CrosswalkSet = {
  version: 1,
  entries: [
    {
      codeType: 'gender',
      sourceCode: 'M',
      targetCode: '1',
      sourceLabel: 'Male',
      targetLabel: 'Male',
      equivalence: 'equal',
      status: 'approved',
    },
    {
      codeType: 'gender',
      sourceCode: 'F',
      targetCode: '2',
      sourceLabel: 'Female',
      targetLabel: 'Female',
      equivalence: 'equal',
      status: 'approved',
    },
  ],
};

const checks: CheckDefinition[] = [
  {
    id: 'pmi.gender.recorded',
    domain: 'PMI',
    dimension: 'completeness',
    severity: 'warning',
    description: 'Gender is recorded',
    table: 'LOAD_PMI',
    kind: 'not_null',
    params: { column: 'GENDER' },
  },
];

const surnames = ['SMITH', 'JONES', 'TAYLOR', 'BROWN', 'WILSON'];

/** The mini pack (see above). `name` lets a test register it under another name. */
export function miniPack(name = 'mini'): Pack {
  return {
    name,
    description: 'Two-table test pack: patients and referrals',
    sourceCatalog: async () => sourceCatalog,
    targetCatalog: async () => targetCatalog,
    crosswalks: async () => crosswalks,
    contract: async () => contract,
    qualityChecks: async () => checks,
    codeSets: async () => [],
    gateThresholds: async () => undefined,
    async generate({ patients, seed, defects, outDir, onProgress }) {
      const source = join(outDir, 'source');
      await mkdir(source, { recursive: true });
      const patientRows = ['PAT_ID,SURNAME,SEX,REC_STATUS'];
      const referralRows = ['REF_ID,PAT_ID,RCVD_DT'];
      for (let i = 1; i <= patients; i++) {
        const sex = defects !== 'none' && i === 2 ? 'Q' : i % 3 === 0 ? '' : i % 2 ? 'M' : 'F';
        patientRows.push(`${i},${surnames[(i + seed) % surnames.length]},${sex},A`);
        referralRows.push(`${1000 + i},${i},2026-0${1 + (i % 9)}-1${i % 10}`);
        onProgress?.(i, patients);
      }
      await writeFile(join(source, 'PATIENT.csv'), `${patientRows.join('\n')}\n`);
      await writeFile(join(source, 'REFERRAL.csv'), `${referralRows.join('\n')}\n`);
      await writeFile(join(outDir, 'defects.csv'), 'table,key,kind,expected\n');
      return {
        files: { 'source/PATIENT.csv': patients, 'source/REFERRAL.csv': patients },
        defects: defects === 'none' ? 0 : 1,
        extractDate: '2026-03-01',
      };
    },
  };
}
