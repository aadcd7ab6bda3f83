import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../catalog/catalog-model.js';
import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { type MappingContract, mappingContractSchema } from '../contract/contract-model.js';
import { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { PgliteDatabase } from '../store/pglite-database.js';
import { DatabaseLoadTarget } from './database-load-target.js';
import { RejectsFile } from './rejects-file.js';
import { runMigration } from './run-migration.js';

/**
 * Loads of extracts whose date columns are in other layouts than the UK one: each column is read in the one format
 * its whole column shows (or a person declared), and every row loads right or is rejected with a reason.
 */
const column = (name: string, dataType: 'integer' | 'date' | 'datetime', primaryKey = false) => ({
  name,
  dataType,
  nullable: !primaryKey,
  primaryKey,
  description: '',
});

const targetCatalog: Catalog = {
  version: 1,
  name: 'target',
  tables: [
    {
      name: 'LOAD_PERSON',
      inScope: true,
      columns: [column('RECORD_NUMBER', 'integer', true), column('BIRTH_DATE', 'date'), column('SEEN_AT', 'datetime')],
    },
  ],
};

function contractWith(formats: { birth?: string[]; seen?: string[] } = {}): MappingContract {
  return mappingContractSchema.parse({
    version: 1,
    name: 'dates',
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
          { target: 'BIRTH_DATE', source: ['BORN'], transform: ['trim', 'date'], sourceFormat: formats.birth },
          { target: 'SEEN_AT', source: ['SEEN'], transform: ['datetime'], sourceFormat: formats.seen },
        ],
      },
    ],
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Writes PERSON.csv (ID, BORN, SEEN) into a fresh folder and opens it as a source. */
async function extract(rows: readonly (readonly [string, string])[]) {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-dates-'));
  const lines = ['ID,BORN,SEEN', ...rows.map(([born, seen], i) => `${i + 1},${born},${seen}`)];
  await writeFile(join(dir, 'PERSON.csv'), `${lines.join('\n')}\n`);
  return { dir, source: await CsvSourceConnector.open(dir) };
}

let jobs = 0;

async function load(contract: MappingContract, source: CsvSourceConnector, dir: string, db: PgliteDatabase) {
  const jobId = `J${++jobs}`;
  const rejects = await RejectsFile.open(join(dir, `rejects-${jobId}.csv`));
  try {
    return await runMigration({
      jobId,
      contract,
      source,
      targetCatalog,
      crosswalks: new CrosswalkIndex({ version: 1, entries: [] }),
      releaseProfile: 'cutover_ready',
      target: new DatabaseLoadTarget(db),
      rejects,
      batchSize: 7,
    });
  } finally {
    await rejects.close();
  }
}

async function loaded(db: PgliteDatabase, jobId: string) {
  return db.query<{ id: string; born: string | null; seen: string | null }>(
    `SELECT "RECORD_NUMBER"::text AS id, "BIRTH_DATE"::text AS born, "SEEN_AT"::text AS seen FROM "LOAD_PERSON"
     WHERE ferry_job_id = $1 ORDER BY "RECORD_NUMBER"`,
    [jobId],
  );
}

describe('loading date columns in their own formats', () => {
  // One embedded database for the file: each load is its own job, and every query reads one job's rows.
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await PgliteDatabase.open();
  });
  afterAll(async () => {});

  it('loads a US extract (mm/dd/yyyy, 12-hour times) with zero swapped dates', async () => {
    // 40 people; the day of birth runs through 1..28 so the column shows it is month first.
    const people = Array.from({ length: 40 }, (_, i) => {
      const [y, m, d] = [1940 + i, (i % 12) + 1, ((i * 7) % 28) + 1];
      const [hour, minute] = [(i % 24) + 0, (i * 13) % 60];
      const h12 = hour % 12 === 0 ? 12 : hour % 12;
      const us = [
        `${pad(m)}/${pad(d)}/${y}`,
        `${m}/${d}/2024 ${h12}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}`,
      ] as const;
      const iso = { born: `${y}-${pad(m)}-${pad(d)}`, seen: `2024-${pad(m)}-${pad(d)} ${pad(hour)}:${pad(minute)}:00` };
      return { us, iso };
    });
    const { dir, source } = await extract(people.map((p) => p.us));
    const report = await load(contractWith(), source, dir, db);
    expect(report.tables[0]).toMatchObject({ read: 40, loaded: 40, rejected: 0, rejectsByReason: {} });
    // The report says how each date column was read, and from how many values that was decided.
    const where = { sourceTable: 'PERSON', targetTable: 'LOAD_PERSON' };
    expect(report.dateFormats).toEqual([
      { ...where, source: ['BORN'], field: 'BIRTH_DATE', format: ['mm/dd/yyyy'], basis: 'decided', values: 40 },
      { ...where, source: ['SEEN'], field: 'SEEN_AT', format: ['mm/dd/yyyy'], basis: 'decided', values: 40 },
    ]);
    const rows = await loaded(db, report.jobId);
    expect(rows).toEqual(people.map((p, i) => ({ id: String(i + 1), ...p.iso })));
  });

  it('loads a mixed-format column in its majority format; every other row is rejected with its reason', async () => {
    // 20 UK dates (days 1..28), 4 ISO, 3 compact, 2 words and 1 impossible date in the UK layout.
    const uk = Array.from({ length: 20 }, (_, i) => [1950 + i, (i % 12) + 1, ((i * 5) % 28) + 1] as const);
    const born = [
      ...uk.map(([y, m, d]) => `${pad(d)}/${pad(m)}/${y}`),
      '1971-01-02',
      '1972-03-04',
      '1973-05-06',
      '1974-07-08',
      '19750910',
      '19761112',
      '19771231',
      'UNKNOWN',
      'N/K',
      '30/02/1970',
    ];
    const { dir, source } = await extract(born.map((b) => [b, '2024-01-01 09:00'] as const));
    const report = await load(contractWith(), source, dir, db);
    expect(report.tables[0]).toMatchObject({
      read: 30,
      loaded: 20,
      rejected: 10,
      rejectsByReason: { DATE_FORMAT_MISMATCH: 9, INVALID_VALUE: 1 },
    });
    const rows = await loaded(db, report.jobId);
    expect(rows.map((r) => r.born)).toEqual(uk.map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`));

    // A person declares the layouts the column may hold (none of them reads a text two ways): the ISO and compact
    // dates load too; the words and the impossible date are still rejects.
    const declared = await load(contractWith({ birth: ['dd/mm/yyyy', 'yyyy-mm-dd', 'yyyymmdd'] }), source, dir, db);
    expect(declared.tables[0]).toMatchObject({
      loaded: 27,
      rejected: 3,
      rejectsByReason: { DATE_FORMAT_MISMATCH: 2, INVALID_VALUE: 1 },
    });
    expect((await loaded(db, declared.jobId)).slice(20).map((r) => r.born)).toEqual([
      '1971-01-02',
      '1972-03-04',
      '1973-05-06',
      '1974-07-08',
      '1975-09-10',
      '1976-11-12',
      '1977-12-31',
    ]);
  });

  it('refuses an ambiguous column before loading anything, naming it, then loads it as the person chose', async () => {
    // Every day and month <= 12: 03/04/2001 may be 3 April or 4 March.
    const born = Array.from({ length: 12 }, (_, i) => `${pad((i % 12) + 1)}/${pad(12 - i)}/${1980 + i}`);
    const { dir, source } = await extract(born.map((b) => [b, ''] as const));
    await expect(load(contractWith(), source, dir, db)).rejects.toThrow(
      'The load cannot start: the date format of a column is not decided. PERSON.BORN (mapped to LOAD_PERSON.BIRTH_DATE): 12 values fit each of dd/mm/yyyy, mm/dd/yyyy; choose its source_format (dd/mm/yyyy or mm/dd/yyyy).',
    );
    // Nothing started: the refused job is not in the target.
    expect(await db.query(`SELECT job_id FROM ferry_jobs WHERE job_id = $1`, [`J${jobs}`])).toEqual([]);

    const report = await load(contractWith({ birth: ['mm/dd/yyyy'] }), source, dir, db);
    expect(report.tables[0]).toMatchObject({ read: 12, loaded: 12, rejected: 0 });
    // SEEN is blank throughout: nothing to decide, nothing read.
    expect(report.dateFormats).toEqual([
      {
        sourceTable: 'PERSON',
        source: ['BORN'],
        targetTable: 'LOAD_PERSON',
        field: 'BIRTH_DATE',
        format: ['mm/dd/yyyy'],
        basis: 'declared',
      },
    ]);
    expect((await loaded(db, report.jobId)).map((r) => r.born)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${1980 + i}-${pad((i % 12) + 1)}-${pad(12 - i)}`),
    );
  });

  it('refuses a column holding both day-first and month-first dates, and lists every undecided column', async () => {
    const born = ['13/02/2001', '14/03/2002', '15/04/2003', '02/16/2004', '05/06/2005'];
    const { dir, source } = await extract(born.map((b) => [b, '45000'] as const));
    await expect(load(contractWith(), source, dir, db)).rejects.toThrow(
      'The load cannot start: the date formats of 2 columns are not decided. PERSON.BORN (mapped to LOAD_PERSON.BIRTH_DATE): 3 values fit only dd/mm/yyyy, 1 only mm/dd/yyyy and 1 both; choose its source_format (dd/mm/yyyy or mm/dd/yyyy). PERSON.SEEN (mapped to LOAD_PERSON.SEEN_AT): 5 values fit each of excel_serial, horolog; choose its source_format (excel_serial or horolog).',
    );
    // Declared day-first: the month-first date is not a real date in it, and is rejected; 05/06/2005 reads as
    // 5 June, as the person chose.
    const report = await load(contractWith({ birth: ['dd/mm/yyyy'], seen: ['excel_serial'] }), source, dir, db);
    expect(report.tables[0]).toMatchObject({ loaded: 4, rejected: 1, rejectsByReason: { INVALID_VALUE: 1 } });
    expect(await loaded(db, report.jobId)).toEqual([
      { id: '1', born: '2001-02-13', seen: '2023-03-15 00:00:00' },
      { id: '2', born: '2002-03-14', seen: '2023-03-15 00:00:00' },
      { id: '3', born: '2003-04-15', seen: '2023-03-15 00:00:00' },
      { id: '5', born: '2005-06-05', seen: '2023-03-15 00:00:00' },
    ]);
  });
});
