import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../catalog/catalog-model.js';
import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { type MappingContract, mappingContractSchema } from '../contract/contract-model.js';
import { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { DatabaseLoadTarget } from '../migrate/database-load-target.js';
import { RejectsFile } from '../migrate/rejects-file.js';
import { runMigration } from '../migrate/run-migration.js';
import { runChecks } from '../quality/run-checks.js';
import { PgliteDatabase } from '../store/pglite-database.js';
import { reconcileJob } from './reconcile-job.js';
import { DatabaseTargetReader } from './target-row-reader.js';

/**
 * The failure of issue 11: a US extract read with a UK date transform loads the rows whose day is <= 12 with day and
 * month swapped, and a reconciliation that re-derives rows through the same transform says MATCH. Here a person
 * declares the wrong format on a US column; the checks that do not share the load's transform must catch it.
 */
const targetCatalog: Catalog = {
  version: 1,
  name: 'target',
  tables: [
    {
      name: 'LOAD_PERSON',
      inScope: true,
      columns: [
        { name: 'RECORD_NUMBER', dataType: 'integer', nullable: false, primaryKey: true, description: '' },
        { name: 'BIRTH_DATE', dataType: 'date', nullable: true, primaryKey: false, description: '' },
      ],
    },
  ],
};

const contract = (sourceFormat: string[]): MappingContract =>
  mappingContractSchema.parse({
    version: 1,
    name: 'us',
    label: '1',
    sourceSystem: 'S',
    targetSystem: 'T',
    tables: [
      {
        target: 'LOAD_PERSON',
        source: 'PERSON',
        sourceKey: ['ID'],
        domain: 'PMI',
        fields: [
          { target: 'RECORD_NUMBER', source: ['ID'], transform: ['integer'], mandatory: true },
          { target: 'BIRTH_DATE', source: ['BORN'], transform: ['trim', 'date'], sourceFormat },
        ],
      },
    ],
  });

const pad = (n: number) => String(n).padStart(2, '0');
/** 100 US dates: months 1..12, days 1..31 (valid in their month), so 60 have a day > 12. */
const people = Array.from({ length: 100 }, (_, i) => {
  const m = (i % 12) + 1;
  const d = ((i * 7) % [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!) + 1;
  return { m, d, y: 1930 + (i % 70) };
});
const dayAtMost12 = people.filter((p) => p.d <= 12);
const swappedWhenLoadedAsUk = dayAtMost12.filter((p) => p.d !== p.m);

describe('a load that reads dates in the wrong format is caught by checks apart from its transform', () => {
  let db: PgliteDatabase;
  let source: CsvSourceConnector;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-wrong-dates-'));
    const rows = people.map((p, i) => `${i + 1},${pad(p.m)}/${pad(p.d)}/${p.y}`);
    await writeFile(join(dir, 'PERSON.csv'), `ID,BORN\n${rows.join('\n')}\n`);
    source = await CsvSourceConnector.open(dir);
    db = await PgliteDatabase.open();
  });
  afterAll(async () => {
    await db.close();
  });

  async function loadAndCheck(jobId: string, sourceFormat: string[]) {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-wrong-dates-rejects-'));
    const rejects = await RejectsFile.open(join(dir, 'rejects.csv'));
    const common = {
      jobId,
      contract: contract(sourceFormat),
      source,
      targetCatalog,
      crosswalks: new CrosswalkIndex({ version: 1, entries: [] }),
      releaseProfile: 'cutover_ready' as const,
    };
    const load = await runMigration({ ...common, target: new DatabaseLoadTarget(db), rejects });
    await rejects.close();
    const rejectedKeys = new Map([['PERSON', new Set<string>()]]);
    const reconciliation = await reconcileJob({ ...common, target: new DatabaseTargetReader(db), rejectedKeys });
    const quality = await runChecks(
      db,
      [
        {
          id: 'dob.day_spread',
          domain: 'PMI',
          dimension: 'plausibility',
          severity: 'error',
          description: 'dates of birth spread over the whole month',
          table: 'LOAD_PERSON',
          kind: 'day_spread',
          params: { column: 'BIRTH_DATE' },
        },
      ],
      { jobId, asOfDate: '2026-01-01', codeSets: {} },
    );
    return { load, reconciliation, quality: quality.checks[0]! };
  }

  it('read as UK: the rows with a day <= 12 load swapped; the re-read and the day spread flag them', async () => {
    const { load, reconciliation, quality } = await loadAndCheck('UK', ['dd/mm/yyyy']);
    expect(load.tables[0]).toMatchObject({ read: 100, loaded: dayAtMost12.length, rejected: 100 - dayAtMost12.length });
    // The ordinary comparison re-derives rows through the same (wrong) contract: it matches...
    expect(reconciliation.tables[0]).toMatchObject({ matched: dayAtMost12.length, changed: 0 });
    // ...but the independent re-read of the raw values, in the format the whole column shows, does not.
    expect(reconciliation.dates).toEqual([
      {
        sourceTable: 'PERSON',
        sourceColumn: 'BORN',
        targetTable: 'LOAD_PERSON',
        field: 'BIRTH_DATE',
        basis: 'detected',
        format: ['mm/dd/yyyy'],
        compared: dayAtMost12.length,
        agreed: dayAtMost12.length - swappedWhenLoadedAsUk.length,
        disagreed: swappedWhenLoadedAsUk.length,
        disagreedKeys: people
          .map((p, i) => ({ p, key: String(i + 1) }))
          .filter(({ p }) => p.d <= 12 && p.d !== p.m)
          .map(({ key }) => key),
        disagreedKeysTruncated: false,
      },
    ]);
    expect(reconciliation.outcome).toBe('MISMATCH');
    // Nothing loaded has a day after the 12th: every loaded date of birth is flagged.
    expect([quality.numerator, quality.denominator]).toEqual([dayAtMost12.length, dayAtMost12.length]);
  });

  it('read as US: every row loads right, and the same checks pass', async () => {
    const { load, reconciliation, quality } = await loadAndCheck('US', ['mm/dd/yyyy']);
    expect(load.tables[0]).toMatchObject({ read: 100, loaded: 100, rejected: 0 });
    expect(reconciliation.outcome).toBe('MATCH');
    expect(reconciliation.dates[0]).toMatchObject({ basis: 'detected', compared: 100, agreed: 100, disagreed: 0 });
    expect([quality.numerator, quality.denominator]).toEqual([0, 100]);
  });
});
