import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSchema } from '../catalog/catalog-model.js';
import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { FerryError } from '../errors.js';
import { catalogIdentifierColumns } from './identifier-columns.js';
import { formatProfileCsv, writeProfileCsv } from './profile-csv-writer.js';
import { formatProfileJson, writeProfileJson } from './profile-json-writer.js';
import { profileReportSchema } from './profile-model.js';
import { type ProfileProgress, profileSource } from './profile-source.js';

let dir: string;

// A small legacy extract: 12 patients, one ragged row, and an episode table.
const patientCsv = [
  'PAT_ID,NHS_NO,SEX,DOB,POST_CD',
  '1,9990000018,M,03/02/1961,SW1A 1AA',
  '2,9990000026,F,25/12/1950,M1 1AE',
  '3,9990000034,M,01/01/2001,B33 8TH',
  '4,9990000042,F,14/07/1988,CR2 6XH',
  '5,9990000050,M,02/03/1975,DN55 1PT',
  '6,9990000069,F,11/11/1999,EC1A 1BB',
  '7,9990000077,M,30/06/1944,W1A 0AX',
  '8,9990000085,F,09/09/1990,ZZ99 3VZ',
  '9,9990000093,M,,SW1A 1AA',
  '10,9434765918,F,31/02/1970,M1 1AE',
  '11,,M,05/05/2005, ',
  '12,9990000107,U',
].join('\n');

const episodeCsv = ['EPI_ID,PAT_ID,ADM_DT', '100,1,01/04/2024', '101,1,2024-04-02', '102,2,03/04/2024'].join('\n');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-profile-'));
  await writeFile(join(dir, 'PATIENT.csv'), `${patientCsv}\n`);
  await writeFile(join(dir, 'EPISODE.csv'), `${episodeCsv}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('profileSource over CSV files', () => {
  it('profiles every table with exact counts, suppression and detected formats', async () => {
    const report = await profileSource(await CsvSourceConnector.open(dir));
    expect(report.version).toBe(1);
    expect(report.generatedAt).toBeUndefined();
    expect(report.tables.map((t) => [t.name, t.rows, t.raggedRows])).toEqual([
      ['EPISODE', 3, 0],
      ['PATIENT', 12, 1],
    ]);
    const patient = report.tables[1]!;
    const col = (name: string) => patient.columns.find((c) => c.name === name)!;
    expect(col('PAT_ID')).toMatchObject({ detectedType: 'integer', min: '1', max: '12', distinct: 12, suppressed: 12 });
    expect(col('NHS_NO')).toMatchObject({
      nulls: 1,
      nonEmpty: 11,
      detectedType: 'nhs_number',
      conformingShare: 0.9091,
      topValues: [],
      suppressed: 11,
    });
    expect(col('SEX')).toMatchObject({
      detectedType: 'code',
      topValues: [
        { value: 'M', count: 6 },
        { value: 'F', count: 5 },
      ],
      suppressed: 1,
    });
    // Row 12 is ragged: its missing DOB and POST_CD count as nulls. Dates of birth identify people: no extremes.
    expect(col('DOB')).toMatchObject({
      nulls: 2,
      nonEmpty: 10,
      detectedType: 'date',
      format: 'dd/mm/yyyy',
      conformingShare: 0.9,
      extremes: 'withheld',
      identifier: 'date_of_birth',
      topValues: [],
      topValuesWithheld: true,
    });
    expect(col('DOB').min).toBeUndefined();
    expect(col('POST_CD')).toMatchObject({
      nulls: 1,
      blanks: 1,
      detectedType: 'postcode',
      conformingShare: 1,
      identifier: 'postcode',
      topValuesWithheld: true,
    });
    const admDt = report.tables[0]!.columns[2]!;
    expect(admDt).toMatchObject({ format: 'mixed', dateFormats: { 'dd/mm/yyyy': 2, 'yyyy-mm-dd': 1 } });
    expect(() => profileReportSchema.parse(report)).not.toThrow();
  });

  it('is deterministic: the same files give byte-identical JSON and CSV', async () => {
    const a = await profileSource(await CsvSourceConnector.open(dir));
    const b = await profileSource(await CsvSourceConnector.open(dir));
    expect(formatProfileJson(a)).toBe(formatProfileJson(b));
    expect(formatProfileCsv(a)).toBe(formatProfileCsv(b));
  });

  it('profiles only the tables asked for, reports progress, and stamps generatedAt only when given', async () => {
    const events: ProfileProgress[] = [];
    const report = await profileSource(await CsvSourceConnector.open(dir), {
      tables: ['PATIENT'],
      generatedAt: '2026-01-01T00:00:00Z',
      progressEvery: 5,
      onProgress: (p) => events.push(p),
    });
    expect(report.tables.map((t) => t.name)).toEqual(['PATIENT']);
    expect(report.generatedAt).toBe('2026-01-01T00:00:00Z');
    expect(events.at(-1)).toEqual({ table: 'PATIENT', rows: 12, tableIndex: 0, tableCount: 1, done: true });
  });

  it('names an unknown table in a FerryError', async () => {
    const source = await CsvSourceConnector.open(dir);
    const error = await profileSource(source, { tables: ['PATIENT', 'WARD'] }).catch((e) => e);
    expect(error).toBeInstanceOf(FerryError);
    expect(error.code).toBe('FERRY_ERR_NOT_FOUND');
    expect(error.message).toContain("'WARD'");
  });

  it('writes profile.json (round-trips through the schema) and profile.csv (one row per column)', async () => {
    const report = await profileSource(await CsvSourceConnector.open(dir), { tables: ['EPISODE'] });
    await writeProfileJson(report, join(dir, 'out', 'profile.json'));
    await writeProfileCsv(report, join(dir, 'out', 'profile.csv'));
    const json = profileReportSchema.parse(JSON.parse(await readFile(join(dir, 'out', 'profile.json'), 'utf8')));
    expect(json).toEqual(report);
    const csv = (await readFile(join(dir, 'out', 'profile.csv'), 'utf8')).trimEnd().split('\n');
    expect(csv).toEqual([
      'table,column,table_rows,table_ragged_rows,nulls,blanks,non_empty,distinct,distinct_is_estimate,min_length,max_length,detected_type,format,conforming_share,min,max,top_values,suppressed',
      'EPISODE,EPI_ID,3,0,0,0,3,3,N,3,3,integer,,1,100,102,,3',
      'EPISODE,PAT_ID,3,0,0,0,3,2,N,1,1,integer,,1,1,2,,2',
      'EPISODE,ADM_DT,3,0,0,0,3,3,N,10,10,date,mixed,1,2024-04-01,2024-04-03,,3',
    ]);
  });

  it("withholds the values of the catalog's keys and references", async () => {
    const catalog = catalogSchema.parse({
      version: 1,
      name: 'legacy',
      tables: [
        {
          name: 'EPISODE',
          inScope: true,
          columns: [
            { name: 'EPI_ID', dataType: 'integer', nullable: false, primaryKey: true },
            { name: 'PAT_ID', dataType: 'integer', nullable: false, primaryKey: false, references: 'PATIENT.PAT_ID' },
            { name: 'ADM_DT', dataType: 'date', nullable: true, primaryKey: false },
          ],
        },
      ],
    });
    const report = await profileSource(await CsvSourceConnector.open(dir), {
      tables: ['EPISODE'],
      smallCellThreshold: 1,
      identifierColumns: catalogIdentifierColumns(catalog),
    });
    expect(report.tables[0]!.columns.map((c) => [c.name, c.topValuesWithheld, c.topValues.length])).toEqual([
      ['EPI_ID', true, 0],
      ['PAT_ID', true, 0],
      ['ADM_DT', false, 3],
    ]);
    expect(formatProfileCsv(report)).toContain(',withheld (identifier),');
  });
});

describe('ProfileReport v1 compatibility', () => {
  it('reads a profile written before topValuesWithheld existed', async () => {
    const report = await profileSource(await CsvSourceConnector.open(dir), { tables: ['EPISODE'] });
    const old = JSON.parse(formatProfileJson(report));
    for (const c of old.tables[0].columns) delete c.topValuesWithheld;
    expect(profileReportSchema.parse(old)).toEqual(report);
  });
});

describe('profileSource: how each file was read', () => {
  it('records each file’s encoding, delimiter and line end, and counts an unbalanced quote’s lines without profiling them', async () => {
    const d = await mkdtemp(join(tmpdir(), 'ferry-profile-format-'));
    try {
      await writeFile(
        join(d, 'SEMI.csv'),
        Buffer.concat([Buffer.from('ID;NAME\r1;Ren'), Buffer.from([0xe9]), Buffer.from('\r2;"Jo\r3;Al\r')]),
      );
      const report = await profileSource(await CsvSourceConnector.open(d));
      const [t] = report.tables;
      expect(t!.sourceFile).toEqual({
        file: 'SEMI.csv',
        encoding: 'windows-1252',
        encodingSource: 'not-utf-8',
        delimiter: 'semicolon',
        delimiterSource: 'detected',
        lineEnding: 'cr',
      });
      // Lines 3-4 are one record only through the unclosed quote: two rows, counted, their values left out.
      expect([t!.rows, t!.malformedRows, t!.columns[1]!.nulls + t!.columns[1]!.distinct]).toEqual([3, 2, 1]);
      expect(profileReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
    } finally {
      await rm(d, { recursive: true, force: true });
    }
  });
});
