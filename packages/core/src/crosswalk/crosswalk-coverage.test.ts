import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../catalog/catalog-model.js';
import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { parseCsvText } from '../connectors/csv/csv-text-parser.js';
import { mappingContractSchema } from '../contract/contract-model.js';
import type { CodeSetEntry } from '../quality/code-sets.js';
import { measureCrosswalkCoverage } from './crosswalk-coverage.js';
import { formatCrosswalkCsv, parseCrosswalkCsv } from './crosswalk-csv.js';
import { withDraftEntries } from './crosswalk-drafts.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-crosswalk-coverage-'));
  await writeFile(
    join(dir, 'PATIENT.csv'),
    [
      'PAT_ID,SEX,ETHNIC,PRIORITY,REC_STATUS',
      '1,M,WBR,1,A',
      '2, f ,WIR,2,A',
      '3,U,XX,x,A',
      '4,M,WIR,1,D',
      '5,,WBR,,A',
      '6,Q,WIR,3,A',
      '7,q,,2,A',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'LKP_SEX.csv'),
    'CODE,DESCRIPTION,ACTIVE_FLAG\nM,Male,Y\nF,Female,Y\nU,Unknown,Y\nQ,Not stated,Y\n',
  );
  await writeFile(
    join(dir, 'LKP_ETHNIC.csv'),
    'CODE,DESCRIPTION,ACTIVE_FLAG\nWBR,White British,Y\nWIR,White Irish,Y\nWOT,White other,N\n',
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const col = (name: string, extra: object = {}) => ({
  name,
  dataType: 'code' as const,
  nullable: true,
  primaryKey: false,
  description: '',
  ...extra,
});
const catalog: Catalog = {
  version: 1,
  name: 'fixture',
  tables: [
    {
      name: 'PATIENT',
      inScope: true,
      columns: [
        col('PAT_ID'),
        col('SEX', { codeType: 'SEX', description: 'Stated gender (local code, see LKP_SEX)' }),
        col('ETHNIC', { codeType: 'ETHNIC', description: 'Ethnic category' }),
        col('PRIORITY'),
        col('REC_STATUS'),
      ],
    },
  ],
};

const field = (target: string, source: string, crosswalk: string, transform: string[]) => ({
  target,
  source: [source],
  crosswalk,
  transform,
});
const contract = mappingContractSchema.parse({
  version: 1,
  name: 'fixture',
  label: '1',
  sourceSystem: 'S',
  targetSystem: 'T',
  tables: [
    {
      target: 'LOAD_PMI',
      source: 'PATIENT',
      sourceKey: ['PAT_ID'],
      domain: 'PMI',
      outOfScope: { column: 'REC_STATUS', outOfScopeValues: ['D'], reason: 'deleted' },
      fields: [
        field('SEX', 'SEX', 'gender', ['trim', 'upper']),
        field('ETHNIC_CATEGORY', 'ETHNIC', 'ethnic_category', ['trim']),
        field('PRIORITY', 'PRIORITY', 'priority', ['integer']),
      ],
    },
    {
      // Reads PATIENT.SEX exactly as LOAD_PMI does: counted once.
      target: 'LOAD_PMI_COPY',
      source: 'PATIENT',
      sourceKey: ['PAT_ID'],
      domain: 'PMI',
      outOfScope: { column: 'REC_STATUS', outOfScopeValues: ['D'], reason: 'deleted' },
      fields: [field('SEX', 'SEX', 'gender', ['trim', 'upper'])],
    },
    {
      target: 'LOAD_REFERRALS',
      source: 'REFERRAL',
      sourceKey: ['REF_ID'],
      domain: 'REF',
      fields: [field('PRIORITY', 'PRIORITY', 'priority', ['trim'])],
    },
  ],
});

const crosswalks = parseCrosswalkCsv(
  [
    'code_type,source_code,source_label,target_code,target_label,equivalence,status,reviewer,reviewed_at',
    'gender,M,Male,1,Male,equivalent,approved,A,2026-01-01',
    'gender,F,Female,2,Female,equivalent,approved,A,2026-01-01',
    'gender,U,Unknown,X,Not known,equivalent,draft,,',
    'ethnic_category,WBR,White British,A,White - British,equivalent,approved,A,2026-01-01',
    'ethnic_category,WIR,White Irish,C,White - any other White background,equivalent,rejected,B,2026-01-02',
    'priority,1,Routine,1,Routine,equivalent,approved,A,2026-01-01',
    'priority,2,Urgent,2,Urgent,equivalent,approved,A,2026-01-01',
  ].join('\n'),
  'cw.csv',
);

const codeSets: CodeSetEntry[] = [
  { codeType: 'gender', code: '1', label: 'Male', retired: false },
  { codeType: 'gender', code: '2', label: 'Female', retired: false },
  { codeType: 'gender', code: '9', label: 'Indeterminate', retired: false },
  { codeType: 'gender', code: 'X', label: 'Not known', retired: false },
  { codeType: 'ethnic_category', code: 'A', label: 'White - British', retired: false },
  { codeType: 'ethnic_category', code: 'B', label: 'White - Irish', retired: false },
  { codeType: 'ethnic_category', code: 'C', label: 'White - any other White background', retired: false },
];

describe('measureCrosswalkCoverage', () => {
  it('counts every looked-up code exactly, as the load computes it, and lists the unmapped ones with labels and suggestions', async () => {
    const source = await CsvSourceConnector.open(dir);
    const report = await measureCrosswalkCoverage({
      contract,
      crosswalks,
      source,
      sourceCatalog: catalog,
      codeSets,
      suggestionsPerCode: 2,
    });
    expect(report.problems).toEqual([
      'source table REFERRAL is not in the source (crosswalked fields: LOAD_REFERRALS.PRIORITY)',
    ]);
    // Row 4 is out of scope (3 lookups: SEX once, ETHNIC, PRIORITY); 'x' fails the integer step.
    // gender 5 values (2 mapped), ethnic 5 (2), priority 4 (3).
    expect(report.totals).toEqual({
      codeTypes: 3,
      values: 14,
      mappedValues: 7,
      unmappedValues: 7,
      unmappedCodes: 5,
      invalidValues: 1,
      outOfScopeValues: 3,
    });
    const [ethnic, gender, priority] = report.codeTypes;
    expect(gender).toEqual({
      codeType: 'gender',
      columns: [{ table: 'PATIENT', column: 'SEX', targetTable: 'LOAD_PMI', targetColumn: 'SEX' }],
      approvedEntries: 2,
      values: 5,
      mappedValues: 2,
      distinctCodes: 4,
      mappedCodes: 2,
      valueCoverage: 0.4,
      codeCoverage: 0.5,
      unmapped: [
        {
          code: 'Q',
          count: 2,
          seenIn: [{ table: 'PATIENT', column: 'SEX', count: 2 }],
          label: 'Not stated',
          labelFrom: 'LKP_SEX.DESCRIPTION',
          suggestions: [
            {
              targetCode: 'X',
              targetLabel: 'Not known',
              score: expect.any(Number),
              basis: 'national label',
              matchedLabel: 'Not known',
            },
          ],
        },
        {
          code: 'U',
          count: 1,
          seenIn: [{ table: 'PATIENT', column: 'SEX', count: 1 }],
          entryStatus: 'draft',
          label: 'Unknown',
          labelFrom: 'LKP_SEX.DESCRIPTION',
          suggestions: [],
        },
      ],
    });
    expect(ethnic!.values).toBe(5);
    expect(ethnic!.mappedValues).toBe(2);
    expect(
      ethnic!.unmapped.map((u) => [u.code, u.count, u.entryStatus, u.label, u.suggestions.map((s) => s.targetCode)]),
    ).toEqual([
      ['WIR', 2, 'rejected', 'White Irish', ['B', 'A']],
      ['XX', 1, undefined, undefined, []],
    ]);
    expect(priority!.unmapped.map((u) => [u.code, u.count, u.label])).toEqual([['3', 1, undefined]]);
    expect(priority!.valueCoverage).toBe(0.75);
  });

  it('drafts crosswalk entries for unmapped codes with no live entry, ready for review', async () => {
    const source = await CsvSourceConnector.open(dir);
    const report = await measureCrosswalkCoverage({ contract, crosswalks, source, sourceCatalog: catalog, codeSets });
    const drafted = withDraftEntries(crosswalks, report);
    expect(drafted.entries.slice(0, crosswalks.entries.length)).toEqual(crosswalks.entries);
    expect(
      drafted.entries
        .slice(crosswalks.entries.length)
        .map((e) => [e.codeType, e.sourceCode, e.sourceLabel, e.targetCode, e.equivalence, e.status]),
    ).toEqual([
      ['ethnic_category', 'WIR', 'White Irish', 'B', 'inexact', 'draft'],
      ['ethnic_category', 'XX', '', '', 'unmatched', 'draft'],
      ['gender', 'Q', 'Not stated', 'X', 'inexact', 'draft'],
      ['priority', '3', '', '', 'unmatched', 'draft'],
    ]);
    expect(drafted.entries.at(-1)!.notes).toBe(
      'Seen 1 time in PATIENT.PRIORITY; no suggestion (no label found in the source lookups)',
    );
    // The drafts pass the crosswalk CSV rules (one live entry per code): export and import them.
    expect(parseCrosswalkCsv(formatCrosswalkCsv(drafted), 'drafts.csv')).toStrictEqual(drafted);
    expect(parseCsvText(formatCrosswalkCsv(drafted))).toHaveLength(drafted.entries.length + 1);
  });
});
